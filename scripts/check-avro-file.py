#!/usr/bin/python3
"""Reads a generated Avro container file with Debian's python3-avro, an implementation independent of ours.

Usage: /usr/bin/python3 scripts/check-avro-file.py FILE.avro EXPECTED_RECORDS [LABELS.jsonl]

Prints one JSON object (records, schema name, fields, codec, labels checked) and exits non-zero when the file does
not hold EXPECTED_RECORDS records of cartstream.events.SalesEvent with the v1 fields, or when a label names a
record whose event id differs.
"""
import json
import sys

import avro.datafile
import avro.io

EXPECTED_FIELDS = [
    "event_id", "event_time", "order_id", "line_number", "customer", "product", "quantity", "discount",
    "promotion_code", "currency", "payment_method", "order_status", "sales_channel", "device", "shipping_address",
]


def main():
    path, expected = sys.argv[1], int(sys.argv[2])
    labels = {}
    if len(sys.argv) > 3:
        with open(sys.argv[3], encoding="utf-8") as f:
            for line in f:
                label = json.loads(line)
                labels[label["seq"]] = label["event_id"]

    count = 0
    mismatched = []
    with open(path, "rb") as f, avro.datafile.DataFileReader(f, avro.io.DatumReader()) as reader:
        schema = reader.datum_reader.writers_schema
        codec = reader.get_meta("avro.codec")
        for record in reader:
            if count in labels and str(record["event_id"]) != labels[count]:
                mismatched.append(count)
            count += 1

    summary = {
        "records": count,
        "schema": schema.fullname,
        "fields": [field.name for field in schema.fields],
        "codec": codec.decode() if codec else "null",
        "labels_checked": len(labels),
        "labels_mismatched": mismatched[:10],
    }
    print(json.dumps(summary))
    problems = []
    if count != expected:
        problems.append(f"expected {expected} records, read {count}")
    if summary["schema"] != "cartstream.events.SalesEvent":
        problems.append(f"schema is {summary['schema']}")
    if summary["fields"] != EXPECTED_FIELDS:
        problems.append(f"fields are {summary['fields']}")
    if mismatched:
        problems.append(f"{len(mismatched)} labels name a record with another event id")
    if problems:
        print("; ".join(problems), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
