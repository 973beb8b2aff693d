#!/usr/bin/env bash
# The pipeline as separate processes, the way it runs across machines: broker, schema registry, sink, transform
# (following the sink's announcements on Kafka), loader (following the transform's reports) and dashboards, each
# its own `cartstream` process talking over TCP; the warehouse is PostgreSQL (a throwaway local cluster unless
# CARTSTREAM_Warehouse__PostgresConnectionString names one). It produces EVENTS events, waits until `verify`
# reconciles the topic, the lake and the warehouse, then stops everything.
#   scripts/run-multiprocess.sh [EVENTS] [DATA_DIR]        default 100000 events in a temporary folder
# Point the stages at real services instead with the same settings (docs/pipeline.md): bootstrap servers for
# MSK/Confluent/Redpanda, Lake:Storage for S3, Warehouse:PostgresConnectionString for PostgreSQL.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
events=${1:-100000}
data=${2:-$(mktemp -d)}
source scripts/lib/servers.sh

dotnet build src/CartStream.Cli -c Release -v q -nologo >/dev/null || exit 1
cartstream="$root/src/CartStream.Cli/bin/Release/net10.0/cartstream"
mkdir -p "$data/logs"
pids=()
cleanup() {
  # SIGTERM, not SIGINT: background jobs of a script ignore SIGINT. Each stage drains on either.
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  stop_postgres
}
trap cleanup EXIT

if [ -z "${CARTSTREAM_Warehouse__PostgresConnectionString:-}" ]; then
  start_postgres || exit 1
  export CARTSTREAM_Warehouse__PostgresConnectionString="$CARTSTREAM_TEST_POSTGRES"
fi
export CARTSTREAM_Warehouse__Backend=Postgres

broker_port=$(free_port); registry_port=$(free_port); web_port=$(free_port)
bootstrap="127.0.0.1:$broker_port"
registry="http://127.0.0.1:$registry_port"
start() {  # name, arguments...
  local name=$1; shift
  "$cartstream" "$@" >"$data/logs/$name.out" 2>&1 &
  pids+=($!)
}
start broker broker --data-dir "$data" --port "$broker_port" --default-partitions 6
start registry registry --data-dir "$data" --port "$registry_port"
wait_for_port "${pids[0]}" "$broker_port" && wait_for_port "${pids[1]}" "$registry_port" || { echo "broker or registry did not start"; exit 1; }
start sink sink --data-dir "$data" --bootstrap-servers "$bootstrap" --registry-url "$registry"
start transform transform --follow --data-dir "$data" --bootstrap-servers "$bootstrap"
start load load --follow --data-dir "$data"
start serve serve --data-dir "$data" --urls "http://127.0.0.1:$web_port"
echo "data in $data; dashboards on http://127.0.0.1:$web_port; logs in $data/logs/"

start_time=$(date +%s)
"$cartstream" produce --events "$events" --rate max --data-dir "$data" --bootstrap-servers "$bootstrap" --registry-url "$registry" || exit 1
for attempt in $(seq 1 120); do
  if "$cartstream" verify --data-dir "$data" --bootstrap-servers "$bootstrap" >"$data/logs/verify.out" 2>&1; then
    tail -3 "$data/logs/verify.out"
    echo "multi-process pipeline: $events events verified in $(( $(date +%s) - start_time )) s"
    exit 0
  fi
  sleep 5
done
echo "not reconciled after 10 minutes:"; tail -20 "$data/logs/verify.out"
exit 1
