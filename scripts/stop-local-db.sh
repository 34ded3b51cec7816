#!/usr/bin/env bash
# Stops the local PostgreSQL cluster that scripts/run.sh started under .local/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
as_postgres "$(postgres_bin_dir)/pg_ctl" -D "$(pwd)/.local/postgres" stop -m fast
