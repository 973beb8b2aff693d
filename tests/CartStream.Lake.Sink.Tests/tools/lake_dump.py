"""Independent reader for the sink's lake: every *.avro file under the folders given, read with Debian's
python3-avro (not our codec). Prints one JSON line per file: its path, its cartstream.* header entries, and per
record either the event_id (raw files) or the offset, reason and base64 value (dead-letter files)."""
import base64
import json
import os
import sys

import avro.datafile
import avro.io

for root in sys.argv[1:]:
    for folder, _, names in os.walk(root):
        for name in sorted(names):
            if not name.endswith(".avro"):
                continue
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                reader = avro.datafile.DataFileReader(handle, avro.io.DatumReader())
                meta = {k: v.decode("utf-8") for k, v in reader.meta.items() if k.startswith("cartstream.")}
                records = []
                for record in reader:
                    if "reason" in record:
                        value = record["value"]
                        records.append({
                            "offset": record["offset"],
                            "partition": record["partition"],
                            "reason": record["reason"],
                            "value": None if value is None else base64.b64encode(value).decode("ascii"),
                        })
                    else:
                        records.append({"event_id": str(record["event_id"])})
                reader.close()
            print(json.dumps({"path": os.path.relpath(path, root), "meta": meta, "records": records}))
