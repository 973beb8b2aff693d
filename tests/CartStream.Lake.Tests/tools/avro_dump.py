"""Independent reader for the sink's files: prints one JSON line per file with its cartstream.* header entries
and its records, using Debian's python3-avro (not our codec)."""
import base64
import json
import sys

import avro.datafile
import avro.io


def plain(value):
    if isinstance(value, bytes):
        return {"base64": base64.b64encode(value).decode("ascii")}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


for path in sys.argv[1:]:
    with open(path, "rb") as handle:
        reader = avro.datafile.DataFileReader(handle, avro.io.DatumReader())
        meta = {k: v.decode("utf-8") for k, v in reader.meta.items() if k.startswith("cartstream.")}
        records = [plain(r) for r in reader]
        reader.close()
    print(json.dumps({"file": path, "meta": meta, "records": records}))
