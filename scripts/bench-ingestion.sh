#!/usr/bin/env bash
# Ingestion throughput and rate accuracy against the embedded broker and registry, each its own process.
#   scripts/bench-ingestion.sh [EVENTS] [CODECS]      e.g. scripts/bench-ingestion.sh 1000000 "none lz4 zstd"
# 1. For each producer compression: generate + encode + produce + acknowledged, EVENTS events at max rate.
# 2. Rate accuracy: 60 s at the seed's pace (10,000 events every 5 s) and 60 s at a steady 2,000 events/s.
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-1000000}
codecs=${2:-"none lz4 snappy zstd"}
source scripts/lib/local-kafka.sh
start_local_kafka
trap 'kill $broker $registry 2>/dev/null; rm -rf "$work"' EXIT
sleep 3
common=(--bootstrap-servers "127.0.0.1:$broker_port" --registry-url "http://127.0.0.1:$registry_port")

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
for codec in $codecs; do
  # A librdkafka key has dots, which a shell assignment cannot: pass it through env.
  line=$(env "CARTSTREAM_Kafka__Producer__compression.type=$codec" \
    $cli produce --events "$events" --rate max --data-dir "$work/run-$codec" --topic "bench-$codec" "${common[@]}" 2>/dev/null | tail -1)
  size=$(du -sb "$work" 2>/dev/null | cut -f1 || true)
  echo "compression=$codec: $line (data dir now ${size:-?} bytes)"
done

for rate in 10000/5s 2000; do
  line=$($cli produce --duration 60s --rate "$rate" --data-dir "$work/rate-${rate//\//_}" --topic "rate-${rate//\//_}" "${common[@]}" 2>/dev/null | tail -1)
  echo "rate $rate for 60 s: $line"
done
