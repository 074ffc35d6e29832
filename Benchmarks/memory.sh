#!/usr/bin/env bash
# Peak memory and throughput of a batch run on a big generated folder.
#   Benchmarks/memory.sh [MEGABYTES] [JOBS]        (default 500 MB, all cores)
# Builds zhengce (release, SCRATCH or .build; or runs the binary ZHENGCE), fills $TMPDIR/zhengce-memory
# with copies of Corpus/ (as .txt, and as Markdown and HTML pages, so every
# reader runs) in folders of 100 files, then runs
#   /usr/bin/time -v zhengce extract DIR -o OUT.jsonl --format jsonl --quiet
# and prints the peak resident memory, the time and MB/s. Removes everything after.
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-500}
jobs=${2:-$(nproc)}
scratch=${SCRATCH:-.build}
zhengce=${ZHENGCE:-}
if [ -z "$zhengce" ]; then
  swift build -c release --scratch-path "$scratch" --product zhengce >/dev/null
  zhengce=$scratch/release/zhengce
fi
work=${TMPDIR:-/tmp}/zhengce-memory
rm -rf "$work"; mkdir -p "$work/in"
python3 - "$work/in" "$megabytes" <<'PY'
import os, sys
out, target = sys.argv[1], float(sys.argv[2]) * 1e6
docs = [open(os.path.join("Corpus", n), encoding="utf-8").read() for n in sorted(os.listdir("Corpus"))]
def markdown(t):
    lines = t.split("\n")
    return "---\ntitle: " + lines[0][:30] + "\n---\n\n# " + "\n".join(lines)
def html(t):
    return "<html><head><title>" + t.split("\n")[0][:40] + "</title></head><body>" + "".join(
        "<p>" + p.replace("&", "&amp;").replace("<", "&lt;") + "</p>\n" for p in t.split("\n")) + "</body></html>"
size, n = 0, 0
while size < target:
    for i, t in enumerate(docs):
        kind = n % 10
        name, body = (("%06d.md" % n, markdown(t)) if kind == 8 else ("%06d.html" % n, html(t)) if kind == 9 else ("%06d.txt" % n, t))
        folder = os.path.join(out, "%04d" % (n // 100))
        os.makedirs(folder, exist_ok=True)
        data = body.encode("utf-8")
        open(os.path.join(folder, name), "wb").write(data)
        size += len(data); n += 1
print(f"{n} files, {size / 1e6:.1f} MB")
PY
/usr/bin/time -v "$zhengce" extract "$work/in" -o "$work/out.jsonl" --format jsonl --quiet --jobs "$jobs" 2> "$work/time.txt" || true
input=$(du -sb "$work/in" | cut -f1)
output=$(stat -c %s "$work/out.jsonl")
peak=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")
python3 - "$input" "$output" "$peak" "$wall" "$jobs" <<'PY'
import sys
inp, out, peak, wall, jobs = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
parts = [float(p) for p in wall.split(":")]
seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
print(f"input {inp / 1e6:.1f} MB (files on disk), output {out / 1e6:.1f} MB of JSON lines, --jobs {jobs}")
print(f"peak resident memory {peak / 1024:.1f} MB, wall time {seconds:.1f} s, {inp / 1e6 / seconds:.1f} MB/s")
PY
rm -rf "$work"
