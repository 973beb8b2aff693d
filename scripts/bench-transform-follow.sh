#!/usr/bin/env bash
# Delay from a raw file landing in the lake to its Parquet being published, with `cartstream transform --follow`
# triggered by the sink's announcements, each stage its own process on this machine.
#   scripts/bench-transform-follow.sh [SECONDS] [RATE]          e.g. scripts/bench-transform-follow.sh 60 10000/5s
# Produces at RATE (default the seed's 10,000 events every 5 s) for SECONDS, with broker, registry, sink and the
# follower running; then, per raw file: landed = the file's modification time, published = the modification time
# of the quality report (written after every Parquet part of its batch) whose input_files name it. Prints the
# delay's percentiles. Both times come from the same clock (the local file system).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
rate=${2:-10000/5s}
source scripts/lib/local-kafka.sh
start_local_kafka
sink=""; follower=""
trap 'kill $broker $registry $sink $follower 2>/dev/null; rm -rf "$work"' EXIT
sleep 3
common=(--bootstrap-servers "127.0.0.1:$broker_port" --registry-url "http://127.0.0.1:$registry_port" --topic bench)

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
$cli sink --data-dir "$work" "${common[@]}" >"$work/sink.log" 2>&1 &
sink=$!
$cli transform --follow --data-dir "$work" --bootstrap-servers "127.0.0.1:$broker_port" >"$work/transform.log" 2>&1 &
follower=$!
$cli produce --rate "$rate" --duration "${seconds}s" --data-dir "$work/produce" "${common[@]}" >/dev/null 2>&1
sleep 5
kill -TERM "$sink"; wait "$sink" || true; sink=""
sleep 3
kill -TERM "$follower"; wait "$follower" || true; follower=""
/usr/bin/python3 - "$work/lake" <<'PY'
import json, os, sys
lake = sys.argv[1]
landed = {}
for root, _, files in os.walk(os.path.join(lake, "topics")):
    for name in files:
        if name.endswith(".avro"):
            path = os.path.join(root, name)
            landed[os.path.relpath(path, lake)] = os.path.getmtime(path)
delays, records, batches = [], 0, 0
quality = os.path.join(lake, "DWH", "quality")
for name in os.listdir(quality) if os.path.isdir(quality) else []:
    path = os.path.join(quality, name)
    with open(path) as f:
        report = json.load(f)
    batches += 1
    records += report["records"]
    published = os.path.getmtime(path)
    delays += [(landed[k], published - landed[k]) for k in report["input_files"] if k in landed]
if not delays:
    sys.exit("no batch was published")
print(f"transform --follow: {len(landed)} raw file(s) landed, {len(delays)} published in {batches} batch(es), {records:,} record(s)")
first = min(t for t, _ in delays)
def show(label, values):
    values = sorted(values)
    if not values:
        print(f"{label}: no file (the run was too short)")
        return
    pct = lambda p: values[min(len(values) - 1, int(p / 100 * len(values)))]
    print(f"{label}: {len(values)} file(s), p50 {pct(50)*1000:.0f} ms, p90 {pct(90)*1000:.0f} ms, p99 {pct(99)*1000:.0f} ms, max {values[-1]*1000:.0f} ms")
show("landed -> Parquet published, all files", [d for _, d in delays])
# The first seconds hold the processes' start, JIT and the follower's consumer-group join.
show("landed -> Parquet published, after the first 10 s", [d for t, d in delays if t - first >= 10])
PY
