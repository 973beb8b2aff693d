#!/usr/bin/env bash
# The sink's crash test at full size: `cartstream sink` SIGKILLed KILLS times at random moments while EVENTS events
# stream in, restarted each time; then Debian python3-avro reads the lake and every offset of every partition must
# be in exactly one published file (dead letters included), with no temporary file visible as .avro.
#   scripts/sink-kill-test.sh [EVENTS] [KILLS]        default 500000 events, 20 kills (the suite runs 50000 and 5)
# It runs the suite's own test (SinkCrashTests) with the sizes raised through the environment.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARTSTREAM_SINK_KILL_EVENTS=${1:-500000}
export CARTSTREAM_SINK_KILLS=${2:-20}
export CARTSTREAM_TEST_ROOT=$PWD
source scripts/lib/prerequisites.sh
ensure_apt_packages "${CARTSTREAM_APT_PACKAGES[@]}"
echo "sink kill test: $CARTSTREAM_SINK_KILL_EVENTS events, $CARTSTREAM_SINK_KILLS kills; machine: $(nproc) cores"
start=$(date +%s)
dotnet test --project tests/CartStream.Lake.Sink.Tests -c Release \
  --filter-method '*A_sink_killed_with_SIGKILL_mid_stream_lands_every_offset_in_exactly_one_file'
echo "passed in $(( $(date +%s) - start )) s"
