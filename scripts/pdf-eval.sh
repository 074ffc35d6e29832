#!/usr/bin/env bash
# Score zhengce on PDF versions of a gold folder's documents.
#
#   scripts/pdf-eval.sh --gold GOLD CORPUS [--zhengce BIN] [--keep DIR] [--verbose]
#   scripts/pdf-eval.sh --diff FOLDER [--zhengce BIN] [--keep DIR]
#
# Each document of CORPUS that has a GOLD/NAME.gold.json is printed as text by
# `zhengce text` (decoded; HTML as its visible text), set as a PDF by
# LibreOffice (`libreoffice --headless --convert-to pdf`, which wraps lines
# and breaks pages as a word processor does), and extracted by `zhengce
# extract`, which reads the PDF through pdftotext. The predictions are then
# renamed to their gold document and their spans dropped (offsets into the PDF
# text cannot be compared with the gold's offsets, so items pair on their
# values alone), and `zhengce eval` prints the table.
#
# With --diff (documents without gold), every document of FOLDER is set as a
# PDF and extracted both ways, and the amounts, counts, percentages and
# deadlines whose values differ between the text and the PDF are listed per
# document: what the PDF text breaks, found without gold.
#
# Needs: libreoffice (apt-get install --no-install-recommends libreoffice-writer)
# and pdftotext (poppler-utils).
#
# Examples:
#   scripts/pdf-eval.sh --gold ../shared/dev/gold ../shared/dev/corpus
#   scripts/pdf-eval.sh --gold Fixtures/unseen/gold Fixtures/unseen/corpus
#   scripts/pdf-eval.sh --diff /work/bulk-open
set -euo pipefail
cd "$(dirname "$0")/.."

gold="" corpus="" zhengce=".build/release/zhengce" keep="" verbose="" diff=""
while [ $# -gt 0 ]; do
  case "$1" in
    --gold) gold="$2"; shift 2 ;;
    --zhengce) zhengce="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    --verbose) verbose="--verbose"; shift ;;
    --diff) diff=1; corpus="$2"; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) corpus="$1"; shift ;;
  esac
done
if { [ -z "$gold" ] && [ -z "$diff" ]; } || [ -z "$corpus" ]; then
  echo "usage: scripts/pdf-eval.sh (--gold GOLD CORPUS | --diff FOLDER) [--zhengce BIN] [--keep DIR] [--verbose]" >&2
  exit 2
fi
for tool in libreoffice pdftotext python3; do
  command -v "$tool" >/dev/null || { echo "pdf-eval: $tool is missing" >&2; exit 2; }
done

if [ -n "$keep" ]; then
  work="$keep"; rm -rf "$work"; mkdir -p "$work"
else
  work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work/text" "$work/pdf" "$work/profile"

if [ -n "$diff" ]; then
  names=$(cd "$corpus" && find -L . -maxdepth 1 -type f | sed 's|^\./||' | sort)
else
  names=$(cd "$gold" && ls | sed -n 's/\.gold\.json$//p')
fi
count=0
for name in $names; do
  src="$corpus/$name"
  [ -f "$src" ] || continue
  case "$name" in
    *.html|*.htm) "$zhengce" text "$src" >"$work/text/$name.txt" ;;
    *) "$zhengce" text --original "$src" >"$work/text/$name.txt" ;;
  esac
  count=$((count + 1))
done
if [ "$count" -eq 0 ]; then
  echo "pdf-eval: no document of $corpus has a gold file in $gold" >&2
  exit 1
fi

# A private profile keeps LibreOffice from touching (or waiting on) the user's.
libreoffice -env:UserInstallation="file://$work/profile" --headless \
  --infilter="Text (encoded):UTF8" --convert-to pdf --outdir "$work/pdf" \
  "$work/text"/*.txt >"$work/libreoffice.log" 2>&1
made=$(find "$work/pdf" -name '*.pdf' | wc -l)
if [ "$made" -ne "$count" ]; then
  echo "pdf-eval: LibreOffice made $made PDFs of $count documents (see $work/libreoffice.log)" >&2
  exit 1
fi

"$zhengce" extract "$work/pdf" -o "$work/raw.jsonl" --format jsonl

python3 - "$work/raw.jsonl" "$work/pred.jsonl" <<'PY'
import json, os, sys
groups = ("amounts", "counts", "percentages", "deadlines", "references")
with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in src:
        doc = json.loads(line)
        source = doc.get("source")
        path = source.get("path") if isinstance(source, dict) else source
        name = os.path.basename(path or doc.get("documentId", ""))
        if name.endswith(".pdf"):
            name = name[: -len(".pdf")]
        if isinstance(source, dict):
            source["path"] = name
        else:
            doc["source"] = {"path": name}
        for group in groups:
            for item in doc.get(group) or []:
                if isinstance(item, dict):
                    item.pop("span", None)
        out.write(json.dumps(doc, ensure_ascii=False) + "\n")
PY

if [ -n "$diff" ]; then
  "$zhengce" extract "$work/text" -o "$work/text.jsonl" --format jsonl
  python3 - "$work/text.jsonl" "$work/pred.jsonl" <<'PY'
import json, os, sys
from collections import Counter
def load(path, suffix):
    docs = {}
    for line in open(path, encoding="utf-8"):
        doc = json.loads(line)
        name = os.path.basename(doc["source"]["path"])
        docs[name[: -len(suffix)] if suffix and name.endswith(suffix) else name] = doc
    return docs
def key(group, item):
    if group == "deadlines":
        return (item.get("date"),)
    if group == "counts":
        return (item.get("min"), item.get("max"), item.get("classifier"))
    return (item.get("min"), item.get("max"))
text, pdf = load(sys.argv[1], ".txt"), load(sys.argv[2], "")
total = Counter()
for name in sorted(text):
    lines = []
    for group in ("amounts", "counts", "percentages", "deadlines"):
        t = Counter(key(group, i) for i in text[name].get(group) or [])
        p = Counter(key(group, i) for i in (pdf.get(name) or {}).get(group) or [])
        total[group + " text"] += sum(t.values())
        for k, n in (t - p).items():
            total[group + " lost"] += n
            ex = next(i["text"] for i in text[name][group] if key(group, i) == k)
            lines.append(f"  {group} lost in PDF  x{n} {k} {ex!r}")
        for k, n in (p - t).items():
            total[group + " new"] += n
            ex = next(i["text"] for i in pdf[name][group] if key(group, i) == k)
            lines.append(f"  {group} new in PDF   x{n} {k} {ex!r}")
    if lines:
        print("== " + name)
        print("\n".join(lines))
for group in ("amounts", "counts", "percentages", "deadlines"):
    print(f"{group}: {total[group + ' text']} from text, {total[group + ' lost']} lost and {total[group + ' new']} new in PDF")
PY
  exit 0
fi

echo "PDF versions of $count documents ($corpus):"
"$zhengce" eval --gold "$gold" "$work/pred.jsonl" $verbose
