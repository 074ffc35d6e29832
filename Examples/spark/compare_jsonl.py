#!/usr/bin/env python3
"""Compare two sets of zhengce JSON-lines records, document by document.

    compare_jsonl.py PLAIN.jsonl SPARK_OUTPUT_FOLDER_OR_FILE

Records are matched by documentId (order does not matter) and must be equal
as JSON values. Exits 0 when they are, 1 with a list of differences if not.
"""
import json
import os
import sys


def load(path):
    files = [path]
    if os.path.isdir(path):
        files = [os.path.join(path, n) for n in sorted(os.listdir(path)) if n.startswith("part-")]
    records = {}
    duplicates = []
    for name in files:
        with open(name, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                record = json.loads(line)
                key = record["documentId"]
                if key in records:
                    duplicates.append(key)
                records[key] = record
    return records, duplicates


def main(plain_path, other_path):
    plain, plain_duplicates = load(plain_path)
    other, other_duplicates = load(other_path)
    problems = []
    problems += [f"duplicate in {plain_path}: {k}" for k in plain_duplicates]
    problems += [f"duplicate in {other_path}: {k}" for k in other_duplicates]
    problems += [f"only in {plain_path}: {k}" for k in sorted(plain.keys() - other.keys())]
    problems += [f"only in {other_path}: {k}" for k in sorted(other.keys() - plain.keys())]
    for key in sorted(plain.keys() & other.keys()):
        if plain[key] != other[key]:
            fields = sorted(f for f in set(plain[key]) | set(other[key]) if plain[key].get(f) != other[key].get(f))
            problems.append(f"differs: {key}: {', '.join(fields)}")
    errors = sum(1 for r in plain.values() if "error" in r)
    if problems:
        print("\n".join(problems[:50]))
        print(f"{len(problems)} differences ({len(plain)} plain records, {len(other)} other records)")
        return 1
    print(f"{len(plain)} documents ({errors} error records): identical records")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
