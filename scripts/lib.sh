# Shared by run.sh and test.sh: installing what is missing and finding PostgreSQL's binaries.

# apt-get install the given packages that are not installed yet (as root; otherwise says what to run).
ensure_apt_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
    return 1
  fi
  echo "Installing ${missing[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET 10 SDK is required: https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
    return 1
  fi
}

# Prints the folder holding initdb and pg_ctl (PostgreSQL 15 preferred).
postgres_bin_dir() {
  local dir
  for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

# Runs a command as the postgres user when we are root (PostgreSQL refuses to run as root).
# Runs as the postgres user when we are root, from /, so that a clone in a folder postgres cannot enter (root's
# 0700 home, any mktemp -d) is never its working directory.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# Where run.sh keeps this clone's local cluster: under .local/ for a normal user; as root outside the clone, in a
# folder of postgres' own named after the clone's path, because postgres cannot reach a clone in a 0700 folder.
local_cluster_dir() {
  if [ "$(id -u)" -eq 0 ]; then
    echo "/var/lib/phonecrm-local/$(printf '%s' "$(pwd)" | sha256sum | cut -c1-16)/postgres"
  else
    echo "$(pwd)/.local/postgres"
  fi
}
