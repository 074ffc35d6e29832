#!/usr/bin/env python3
"""Scores the text, PDF and DOCX (and OFD) versions of the same documents on
their values, each format on its own.

    zhengce extract FOLDER --format jsonl -o all.jsonl
    scripts/format-agreement.py all.jsonl --gold ../shared/gold

A PDF's or DOCX's spans index the text read out of it, not the .txt the gold
was written on, so spans of amounts, counts, percentages and deadlines are
dropped and items are matched on their values (score.py pairs items by value
where a side has no span). Documents are matched to gold by their stem.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

parser = argparse.ArgumentParser()
parser.add_argument("jsonl")
parser.add_argument("--gold", required=True)
parser.add_argument("--scorer", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval", "score.py"))
args = parser.parse_args()

groups = {}
with open(args.jsonl, encoding="utf-8") as lines:
    for line in lines:
        record = json.loads(line)
        if "error" in record:
            groups.setdefault("error", []).append(record)
            continue
        fmt = record["source"]["format"]
        fmt = "text" if fmt in ("plain", "markdown", "html") else fmt
        for group in ("amounts", "counts", "percentages", "deadlines"):
            for item in record.get(group, []):
                item.pop("span", None)
        groups.setdefault(fmt, []).append(record)

with tempfile.TemporaryDirectory() as folder:
    for fmt, records in sorted(groups.items()):
        if fmt == "error":
            print(f"== errors: {len(records)}: " + ", ".join(f"{r['documentId']} ({r['error']['kind']})" for r in records))
            continue
        path = os.path.join(folder, fmt + ".jsonl")
        with open(path, "w", encoding="utf-8") as out:
            out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        print(f"== {fmt}: {len(records)} documents")
        sys.stdout.flush()
        report = subprocess.run([sys.executable, args.scorer, "--gold", args.gold, "--pred", path],
                                capture_output=True, text=True)
        print("\n".join(report.stdout.splitlines()[:4]))
