#!/usr/bin/env bash
# End-to-end throughput of the one-process pipeline: `cartstream run --events EVENTS --rate RATE` on a fresh data
# directory, then `cartstream verify`. Prints the run summary (events/s, CPU seconds, peak RSS, per-stage counts).
#   scripts/bench-pipeline.sh [EVENTS] [RATE]        default 1000000 events at max rate
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-1000000}
rate=${2:-max}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
dotnet build src/CartStream.Cli -c Release -v q -nologo >/dev/null
echo "pipeline: $events events at rate $rate; machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
src/CartStream.Cli/bin/Release/net10.0/cartstream run --events "$events" --rate "$rate" --data-dir "$data"
src/CartStream.Cli/bin/Release/net10.0/cartstream verify --data-dir "$data" | tail -1
