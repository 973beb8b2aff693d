#!/usr/bin/env bash
# Warehouse harness: builds a lake of EVENTS generated events (default 1,000,000) through the transform, loads it
# into DuckDB and into a throwaway PostgreSQL 15, and prints load rows/s and dashboard query p50/p95 per backend.
# Usage: scripts/bench-warehouse.sh [EVENTS] [FOLDER]   (the lake is kept in FOLDER and reused by the next run)
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source scripts/lib/prerequisites.sh
source scripts/lib/servers.sh
trap stop_test_servers EXIT
start_test_servers "$root"
dotnet run -c Release --project benchmarks/CartStream.Warehouse.Benchmark -- "${1:-1000000}" ${2:+"$2"}
