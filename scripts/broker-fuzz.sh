#!/usr/bin/env bash
# Full-size fuzz run of the broker: REQUESTS random and mutated requests (default 100000; the suite sends 10k),
# then a normal client must still produce and consume correctly.
# Usage: scripts/broker-fuzz.sh [REQUESTS]
set -uo pipefail
cd "$(dirname "$0")/.."
requests=${1:-100000}
echo "Broker fuzz: $requests requests ($(date -u +%FT%TZ))"
CARTSTREAM_FUZZ_REQUESTS=$requests \
  dotnet test --project tests/CartStream.Broker.Tests -c Release -- --filter-class '*FuzzTests' 2>&1 \
  | grep -E '^\s*(total|failed|succeeded|duration):|error'
exit "${PIPESTATUS[0]}"
