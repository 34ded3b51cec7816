#!/usr/bin/env bash
# Benchmarks (not part of the test suite): seeds a synthetic base and measures imports, keyset pages, lookups,
# exports, a permanent delete, a page switch in the browser, the SoftPhone webhook and its toasts, an SFTP pull
# and the conversion rollups, then prints a Markdown table.
#
#   bash scripts/bench.sh            # full size: 20M numbers over 200 projects, 1M-row import files
#   bash scripts/bench.sh --quick    # 2M numbers over 20 projects, 200k-row files: a few minutes
#   bash scripts/bench.sh --numbers 5000000 --projects 50 --import-rows 500000 --no-browser
#   bash scripts/bench.sh --quick --only-sftp   # seeds, then only the SFTP pull against the direct import
#
# Installs what it needs (PostgreSQL 15, Chromium, OpenSSH), builds Release, and starts a private PostgreSQL 15
# cluster on 127.0.0.1 on a free port in a temp folder (PHONECRM_BENCH_DIR moves it, e.g. to a faster disk),
# tuned for bulk work; the cluster and its folder are removed at the end, whatever happens (unless
# PHONECRM_BENCH_KEEP=1: then it is left running for experiments with the hidden verbs import-one, export-one,
# parse-only and make-file, and the commands to use and stop it are printed). When the SFTP section runs (and
# we are root), it also starts a private OpenSSH sshd on 127.0.0.1 serving internal-sftp to the tests' user
# phonecrm-sftp, with fresh keys in the same temp folder, and stops it at the end.
set -euo pipefail

cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
exec </dev/null

source scripts/lib.sh
source scripts/bench-sftp.sh
ensure_apt_packages postgresql chromium openssh-server openssh-client
ensure_dotnet

echo "Building (Release) ..."
dotnet build PhoneCrm.Web -c Release --nologo -v quiet
dotnet build PhoneCrm.Benchmarks -c Release --nologo -v quiet

bin_dir="$(postgres_bin_dir)"
parent="${PHONECRM_BENCH_DIR:-${TMPDIR:-/tmp}}"
mkdir -p "$parent"
root="$(mktemp -d "$parent/phonecrm-bench-XXXXXX")"
pg_dir="$root/pg" # owned by postgres: the data folder, the socket and the server log
data="$pg_dir/data"
log="$pg_dir/postgres.log"
chmod 755 "$root"
mkdir -p "$data" "$root/files"
password="$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
printf '%s\n' "$password" > "$root/pwfile"
[ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$pg_dir" "$root/pwfile"

cleanup() {
  stop_sftp_server
  if [ -n "${PHONECRM_BENCH_KEEP:-}" ]; then
    echo "PHONECRM_BENCH_KEEP is set: the cluster keeps running. Stop it and remove it with:"
    echo "  runuser -u postgres -- $bin_dir/pg_ctl -D $data -m fast stop && rm -rf $root"
    echo "  Its connection string is in $root/connection (export it as PHONECRM_BENCH_CONNECTION)."
    (umask 077; printf '%s\n' "${PHONECRM_BENCH_CONNECTION:-}" > "$root/connection")
    return
  fi
  as_postgres "$bin_dir/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf -- "$root"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

as_postgres "$bin_dir/initdb" -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 \
  --auth-local=trust --auth-host=scram-sha-256 --pwfile="$root/pwfile" --no-instructions >/dev/null
rm -f "$root/pwfile"

# Tuned for bulk loading on this machine's 24 GB, but durable: fsync and full_page_writes stay on, so every
# figure includes the cost of real WAL flushes at checkpoints. synchronous_commit=off only lets a commit
# return before its WAL reaches the disk (a crash may lose the last moments, never corrupts).
settings=(
  -c shared_buffers=2GB -c maintenance_work_mem=1GB -c max_wal_size=8GB -c checkpoint_timeout=30min
  -c synchronous_commit=off -c fsync=on -c full_page_writes=on
  -c max_connections=100 -c max_locks_per_transaction=256
)
started=""
for attempt in 1 2 3 4 5; do
  port=$(( 20000 + RANDOM % 40000 ))
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue # taken
  if as_postgres "$bin_dir/pg_ctl" -D "$data" -l "$log" -w -t 60 \
       -o "-c listen_addresses=127.0.0.1 -p $port -k $data ${settings[*]}" start >/dev/null; then
    started=yes
    break
  fi
done
if [ -z "$started" ]; then
  echo "PostgreSQL did not start; its log:" >&2
  tail -n 40 "$log" >&2 || true
  exit 1
fi
as_postgres psql -h "$data" -p "$port" -U postgres -qc "CREATE DATABASE phonecrm_bench" >/dev/null
echo "PostgreSQL 15 on 127.0.0.1:$port, data in $data (settings: ${settings[*]})"

export PHONECRM_BENCH_CONNECTION="Host=127.0.0.1;Port=$port;Database=phonecrm_bench;Username=postgres;Password=$password;Include Error Detail=true"
export PHONECRM_BENCH_PGLOG="$log" # read by --explain-imports
if sftp_section_runs "$@"; then
  start_sftp_server "$root/sshd"
fi
status=0
dotnet PhoneCrm.Benchmarks/bin/Release/net10.0/PhoneCrm.Benchmarks.dll --work-dir "$root/files" "$@" || status=$?
if [ "$status" -ne 0 ]; then
  echo "The benchmark failed (exit $status); the last lines of the PostgreSQL log:" >&2
  tail -n 20 "$log" >&2 || true
fi
exit "$status"
