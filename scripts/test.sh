#!/usr/bin/env bash
# Runs every test: installs what the tests need (PostgreSQL 15, Chromium, OpenSSH, docker-compose) if it is missing,
# builds the solution, runs PhoneCrm.Tests, and prints "N passed, N failed[, N skipped]" as the last line.
# Exits non-zero if the build fails, a test fails, or no test ran.
set -euo pipefail

cd "$(dirname "$0")/.."
root_dir=$(pwd)
results_dir="$root_dir/test-artifacts/results"
trx="$results_dir/results.trx"
console_log="$results_dir/console.log"

export DEBIAN_FRONTEND=noninteractive
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Nothing below may wait for a keyboard.
exec </dev/null

summary() { # passed failed skipped
    if [ "$3" -gt 0 ]; then echo "$1 passed, $2 failed, $3 skipped"; else echo "$1 passed, $2 failed"; fi
}

# --- 1. System packages ------------------------------------------------------------------------
source scripts/lib.sh
if ! ensure_apt_packages postgresql chromium openssh-server openssh-client docker-compose || ! ensure_dotnet; then
    summary 0 0 0
    exit 1
fi

# --- 2. Build ---------------------------------------------------------------------------------
rm -rf "$results_dir" "$root_dir/test-artifacts/screenshots"
mkdir -p "$results_dir"
if ! dotnet build PhoneCrm.sln -c Release --nologo; then
    echo "Build failed." >&2
    summary 0 0 0
    exit 1
fi

# --- 3. Test ----------------------------------------------------------------------------------
test_exit=0
# A hung test is killed after 10 minutes rather than holding CI forever; the trx still gets written.
dotnet test PhoneCrm.Tests -c Release --no-build --nologo \
    --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" \
    --results-directory "$results_dir" \
    --blame-hang-timeout 10m --blame-hang-dump-type none 2>&1 | tee "$console_log" || test_exit=$?

# --- 4. Summary -------------------------------------------------------------------------------
counter() { # name -> value of that attribute of <Counters>, 0 if absent
    local value
    value=$(grep -o '<Counters [^>]*' "$trx" 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]\+' | head -n1) || true
    echo "${value:-0}"
}
total=$(counter total)
passed=$(counter passed)
failed=$(( $(counter failed) + $(counter error) + $(counter timeout) + $(counter aborted) ))
# VSTest leaves xunit's skipped tests out of notExecuted; they show only as total - executed.
skipped=$(counter notExecuted)
not_run=$(( total - $(counter executed) ))
[ "$not_run" -gt "$skipped" ] && skipped=$not_run

status=0
if [ ! -f "$trx" ]; then
    echo "No test results were written ($trx); dotnet test exited with $test_exit." >&2
    status=1
elif [ "$failed" -gt 0 ]; then
    status=1
elif [ "$total" -eq 0 ] || [ $(( passed + failed )) -eq 0 ]; then
    echo "No tests ran." >&2
    status=1
elif [ "$test_exit" -ne 0 ]; then
    # e.g. the test host crashed after the last result: the run is not trustworthy.
    echo "dotnet test exited with $test_exit although no test failed." >&2
    status=1
fi
if [ "$failed" -gt 0 ]; then
    # Repeated here, next to the summary, because CI keeps only the end of the output.
    echo "Failed tests:"
    grep -E -A 6 '^\s+Failed [A-Za-z]' "$console_log" | cut -c1-400 | head -n 60 || true
fi
if compgen -G "$root_dir/test-artifacts/screenshots/*.png" >/dev/null; then
    echo "Screenshots of failed browser tests: $root_dir/test-artifacts/screenshots" >&2
fi
summary "$passed" "$failed" "$skipped"
exit "$status"
