#!/usr/bin/env bash
# Full-size check of `cartstream generate`: writes EVENTS (default 1,000,000) events at max rate and has Debian's
# python3-avro (an independent Avro implementation) read the file back: record count, schema name and fields, and
# that every label names a record with its event id. Prints the generator's and the reader's summary lines.
# Usage: scripts/check-generate.sh [EVENTS] [extra generate options, e.g. --codec Deflate]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/prerequisites.sh
ensure_apt_packages python3-avro

events="${1:-1000000}"
shift || true
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build src/CartStream.Cli -c Release -v quiet -nologo >/dev/null
cli=src/CartStream.Cli/bin/Release/net10.0/cartstream.dll
echo "generate: $events events at max rate, seed 42, start 2026-01-05"
dotnet "$cli" generate --events "$events" --rate max --seed 42 --start 2026-01-05 --out "$work/events.avro" "$@"
ls -l "$work/events.avro" "$work/events.avro.labels.jsonl"
echo "python3-avro reads it back:"
start=$(date +%s)
/usr/bin/python3 scripts/check-avro-file.py "$work/events.avro" "$events" "$work/events.avro.labels.jsonl"
echo "read in $(( $(date +%s) - start ))s: OK"
