#!/usr/bin/env bash
# Runs PhoneCrm on http://127.0.0.1:${PHONECRM_PORT:-5000}.
# Without ConnectionStrings__Crm it provisions a private PostgreSQL cluster (under .local/, git-ignored; as root
# in /var/lib/phonecrm-local/, see local_cluster_dir in lib.sh), on 127.0.0.1:${PHONECRM_PG_PORT:-55433}, and uses it.
# PHONECRM_DB_ONLY=1 stops after the database is ready. The first administrator's password comes from
# Crm__AdminPassword; without it one is generated on the first start and printed once.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_dotnet
app_port="${PHONECRM_PORT:-5000}"

if [ -z "${ConnectionStrings__Crm:-}" ]; then
  ensure_apt_packages postgresql
  bin_dir="$(postgres_bin_dir)"
  pg_port="${PHONECRM_PG_PORT:-55433}"
  local_dir="$(pwd)/.local"
  data_dir="$(local_cluster_dir)"
  password_file="$local_dir/postgres-password"
  mkdir -p "$local_dir"
  chmod 700 "$local_dir"

  if [ ! -s "$data_dir/PG_VERSION" ]; then
    echo "Creating a local PostgreSQL cluster in $data_dir ..."
    head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$password_file"
    chmod 600 "$password_file"
    mkdir -p "$data_dir"
    pwfile="$(dirname "$data_dir")/.pwfile"
    cp "$password_file" "$pwfile"
    if [ "$(id -u)" -eq 0 ]; then
      chown -R postgres "$(dirname "$data_dir")"
      chmod 700 "$(dirname "$data_dir")"
    fi
    as_postgres "$bin_dir/initdb" -D "$data_dir" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 --pwfile="$pwfile" >/dev/null
    rm -f "$pwfile"
  fi

  if ! as_postgres "$bin_dir/pg_ctl" -D "$data_dir" status >/dev/null 2>&1; then
    as_postgres "$bin_dir/pg_ctl" -D "$data_dir" -l "$data_dir/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $data_dir" start >/dev/null
  fi
  if ! as_postgres psql -h "$data_dir" -p "$pg_port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='phonecrm'" | grep -q 1; then
    as_postgres psql -h "$data_dir" -p "$pg_port" -U postgres -qc "CREATE DATABASE phonecrm"
  fi
  export ConnectionStrings__Crm="Host=127.0.0.1;Port=$pg_port;Database=phonecrm;Username=postgres;Password=$(cat "$password_file")"
  echo "Using the local PostgreSQL cluster on 127.0.0.1:$pg_port (stop it with: scripts/stop-local-db.sh)."
  if [ -n "${PHONECRM_DB_ONLY:-}" ]; then exit 0; fi
fi

dotnet build PhoneCrm.Web -c Release -nologo -v quiet
echo "PhoneCrm is starting on http://127.0.0.1:$app_port"
cd PhoneCrm.Web
exec dotnet bin/Release/net10.0/PhoneCrm.Web.dll --urls "http://127.0.0.1:$app_port"
