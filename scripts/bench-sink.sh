#!/usr/bin/env bash
# Kafka -> lake throughput of `cartstream sink`, each server its own process on this machine.
#   scripts/bench-sink.sh [EVENTS] [PARTITIONS] [CODEC]     e.g. scripts/bench-sink.sh 1000000 64 snappy
# 1. Produces EVENTS events at max rate into a fresh topic with PARTITIONS partitions.
# 2. Starts the sink and times it from start until the state records under _state/sink/ cover every offset
#    (process start and the group join included). Reports events/s, MB/s of Kafka values read and of lake files
#    written, the sink's peak resident memory (VmHWM), the CPU seconds the sink and the broker used meanwhile, and
#    the rate from the first state record on (without the process start and the group join).
# BENCH_TRACE=FILE.nettrace also records a CPU sample trace of the sink with dotnet-trace (if installed).
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-1000000}
partitions=${2:-6}
codec=${3:-snappy}
source scripts/lib/local-kafka.sh
start_local_kafka
sink=""
trap 'kill $broker $registry $sink 2>/dev/null; [ -n "${BENCH_KEEP:-}" ] || rm -rf "$work"' EXIT
sleep 3
common=(--bootstrap-servers "127.0.0.1:$broker_port" --registry-url "http://127.0.0.1:$registry_port" --topic bench)

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
env "CARTSTREAM_Ingestion__Partitions=$partitions" \
  $cli produce --events "$events" --rate max --data-dir "$work/produce" "${common[@]}" 2>/dev/null | tail -1
input_bytes=$(du -sb --exclude=produce --exclude=registry --exclude=broker.log --exclude=registry.log "$work" | cut -f1)  # the broker keeps its logs in the data dir itself

landed() {
  /usr/bin/python3 - "$work/lake/_state/sink/bench" <<'PY'
import json, os, sys
root = sys.argv[1]
total = 0
if os.path.isdir(root):
    for name in os.listdir(root):
        try:
            with open(os.path.join(root, name)) as f:
                total += json.load(f)["endOffset"] + 1
        except (ValueError, KeyError, OSError):
            pass
print(total)
PY
}

cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }  # utime + stime, in clock ticks
broker_cpu_before=$(cpu "$broker")
start=$(date +%s.%N)
env "CARTSTREAM_Lake__Sink__Codec=$codec" "CARTSTREAM_Lake__Sink__FilesTopic=" \
  $cli sink --data-dir "$work" "${common[@]}" >"$work/sink.log" 2>&1 &
sink=$!
if [ -n "${BENCH_TRACE:-}" ]; then
  sleep 2
  ~/.dotnet/tools/dotnet-trace collect -p "$sink" --profile dotnet-sampled-thread-time -o "$BENCH_TRACE" --duration 00:00:00:05 >/dev/null 2>&1 &
fi
first=""; first_landed=0
while true; do
  now_landed=$(landed)
  [ "$now_landed" -ge "$events" ] && break
  if [ -z "$first" ] && [ "$now_landed" -gt 0 ]; then first=$(date +%s.%N); first_landed=$now_landed; fi
  kill -0 "$sink" 2>/dev/null || { echo "the sink exited:"; tail -20 "$work/sink.log"; exit 1; }
  sleep 0.2
done
end=$(date +%s.%N)
peak=$(grep VmHWM "/proc/$sink/status" | awk '{print $2}')
sink_cpu=$(cpu "$sink"); broker_cpu=$(( $(cpu "$broker") - broker_cpu_before )); hz=$(getconf CLK_TCK)
# SIGTERM, not SIGINT: a background job of a non-interactive shell ignores SIGINT. The sink drains on either.
kill -TERM "$sink"; wait "$sink" || true; sink=""
echo "work: $work"
lake_bytes=$(du -sb "$work/lake/topics" | cut -f1)
/usr/bin/python3 - "$events" "$start" "$end" "$input_bytes" "$lake_bytes" "$peak" "$partitions" "$codec" "$sink_cpu" "$broker_cpu" "$hz" "${first:-$end}" "$first_landed" <<'PY'
import sys
events, start, end, inp, lake, peak, parts, codec, sink_cpu, broker_cpu, hz, first, first_landed = sys.argv[1:]
# Landed all at once (a small run): the first state record already covers every event, no rate to tell.
span = float(end) - float(first)
steady_text = f"{(int(events) - int(first_landed)) / span:,.0f} events/s" if span >= 0.5 else "too short to tell the rate"
s = float(end) - float(start)
print(f"sink: {int(events):,} events, {parts} partitions, codec {codec}: {s:.1f} s, {int(events)/s:,.0f} events/s, "
      f"{int(inp)/s/1e6:.1f} MB/s of broker log read, {int(lake)/s/1e6:.1f} MB/s of lake files written "
      f"({int(lake)/1e6:.1f} MB), peak RSS {int(peak)/1024:.0f} MiB; CPU: sink {int(sink_cpu)/int(hz):.1f} s, "
      f"broker {int(broker_cpu)/int(hz):.1f} s; {steady_text} from the first state record on")
PY
