#!/usr/bin/env bash
# Stops the local PostgreSQL cluster that scripts/run.sh started (see local_cluster_dir in scripts/lib.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
as_postgres "$(postgres_bin_dir)/pg_ctl" -D "$(local_cluster_dir)" stop -m fast
