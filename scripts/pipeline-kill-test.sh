#!/usr/bin/env bash
# The whole pipeline's crash test at full size: `cartstream run` SIGKILLed KILLS times at random moments, restarted
# each time on the same data directory, then run to completion; `cartstream verify` must find every record of the
# topic once in the lake and once in the model.
#   scripts/pipeline-kill-test.sh [EVENTS] [KILLS]        default 1000000 events, 10 kills (the suite runs 50000 and 3)
# It runs the suite's own test (KillTests) with the sizes raised through the environment.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARTSTREAM_PIPELINE_KILL_EVENTS=${1:-1000000}
export CARTSTREAM_PIPELINE_KILLS=${2:-10}
export CARTSTREAM_TEST_ROOT=$PWD
echo "pipeline kill test: $CARTSTREAM_PIPELINE_KILL_EVENTS events, $CARTSTREAM_PIPELINE_KILLS kills; machine: $(nproc) cores"
start=$(date +%s)
dotnet test --project tests/CartStream.Pipeline.Tests -c Release \
  --filter-method '*Run_killed_with_sigkill_at_random_moments_and_restarted_loses_and_doubles_nothing'
echo "passed in $(( $(date +%s) - start )) s"
