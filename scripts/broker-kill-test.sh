#!/usr/bin/env bash
# Full-size durability run of the broker: an idempotent producer (acks=all) sends MESSAGES messages while the
# broker process is killed with SIGKILL KILLS times and restarted on the same port; a consumer then checks that
# every acknowledged message is there exactly once, in order within each partition.
# Usage: scripts/broker-kill-test.sh [MESSAGES] [KILLS]   (default 1000000 and 10; the suite runs 100k and 3)
set -uo pipefail
cd "$(dirname "$0")/.."
messages=${1:-1000000}
kills=${2:-10}
log=$(mktemp)
echo "Broker kill test: $messages messages, $kills SIGKILLs ($(nproc) cores, $(date -u +%FT%TZ))"
CARTSTREAM_KILL_MESSAGES=$messages CARTSTREAM_KILLS=$kills CARTSTREAM_KILL_LOG=$log \
  dotnet test --project tests/CartStream.Broker.Tests -c Release -- --filter-class '*DurabilityTests' 2>&1 \
  | grep -E '^\s*(total|failed|succeeded):|error' 
status=${PIPESTATUS[0]}
cat "$log"
rm -f "$log"
[ "$status" -eq 0 ] && echo "PASSED: every acknowledged message read back exactly once, in order" || echo "FAILED"
exit "$status"
