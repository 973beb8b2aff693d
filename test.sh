#!/usr/bin/env bash
# Runs every test of the solution on this machine: installs what is missing, starts the servers the tests
# talk to, runs `dotnet test`, stops the servers, and prints the totals last as `N passed, N failed, N skipped`.
# Extra arguments go to `dotnet test` (for example: --project tests/CartStream.Broker.Tests, --filter-class '*Kill*').
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
source scripts/lib/prerequisites.sh
source scripts/lib/servers.sh

ensure_apt_packages "${CARTSTREAM_APT_PACKAGES[@]}" || exit 1
for tools in "$root"/tests/npm-*/; do ensure_npm_tools "${tools%/}" || exit 1; done

export CARTSTREAM_TEST_ROOT="$root"

# A server that does not start is reported here; the tests that need it then fail (they never skip).
trap stop_test_servers EXIT
trap 'stop_test_servers; exit 130' INT TERM
start_test_servers "$root"

# `./test.sh --project tests/X` runs one test project; without it, the whole solution.
target=(--solution CartStream.slnx)
for arg in "$@"; do [ "$arg" = --project ] && target=(); done

log=$(mktemp)
dotnet test "${target[@]}" -c Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
stop_test_servers

# Sum the test platform's summary; one block per run.
summary=$(awk '
  /^[[:space:]]*total:/     { t += $2 }
  /^[[:space:]]*failed:/    { f += $2 }
  /^[[:space:]]*succeeded:/ { s += $2 }
  /^[[:space:]]*skipped:/   { k += $2 }
  END { printf "%d %d %d %d", t, f, s, k }' "$log")
read -r total failed passed skipped <<<"$summary"
rm -f "$log"

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or the runner failed before any test could report: count that as a failure.
  failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$total" -gt 0 ]
