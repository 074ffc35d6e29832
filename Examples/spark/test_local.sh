#!/usr/bin/env bash
# Runs zhengce under Spark in local mode and checks it gives the same JSONL as
# the plain run, document by document (order-insensitive).
#
#   Examples/spark/test_local.sh [COPIES]      (default 200 documents)
#
# Needs Java 17+ and Python 3; installs PySpark into a virtual environment
# (ZHENGCE_SPARK_VENV, default ~/.cache/zhengce-spark-venv) the first time.
# Uses ZHENGCE (a built binary) if set, else builds a release binary.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
copies="${1:-200}"
venv="${ZHENGCE_SPARK_VENV:-$HOME/.cache/zhengce-spark-venv}"

command -v java >/dev/null || { echo "test_local: Java 17 or later is required" >&2; exit 1; }
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import pyspark" 2>/dev/null; then
  echo "test_local: installing PySpark into $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q pyspark
fi

if [ -z "${ZHENGCE:-}" ]; then
  (cd "$repo" && swift build -c release --scratch-path "${ZHENGCE_SCRATCH:-.build}" >&2)
  ZHENGCE="$repo/${ZHENGCE_SCRATCH:-.build}/release/zhengce"
fi
ZHENGCE="$(cd "$(dirname "$ZHENGCE")" && pwd)/$(basename "$ZHENGCE")"

work="$(mktemp -d "${TMPDIR:-/tmp}/zhengce-spark.XXXXXX")"
trap 'rm -rf "$work"' EXIT
input="$work/input"

# The corpus copied into nested folders (one with a space and Chinese in its
# name), plus inputs that fail or need detection: empty, binary, invalid
# UTF-8, GB18030, upper-case extension.
corpus=("$repo"/Corpus/*.txt)
for ((i = 0; i < copies; i++)); do
  folder="$input/set-$(printf %03d $((i / ${#corpus[@]})))"
  [ $((i / ${#corpus[@]} % 7)) -eq 3 ] && folder="$input/政策 文件/set-$(printf %03d $((i / ${#corpus[@]})))"
  mkdir -p "$folder"
  cp "${corpus[i % ${#corpus[@]}]}" "$folder/"
done
mkdir -p "$input/bad"
: > "$input/bad/empty.txt"
head -c 4096 /dev/urandom > "$input/bad/binary.txt"
printf '政策文本\xff\xff 给予20万元\n' > "$input/bad/invalid-utf8.txt"
iconv -f UTF-8 -t GB18030 "${corpus[4]}" > "$input/bad/gb18030.txt"
cp "${corpus[0]}" "$input/bad/UPPER.TXT"
echo "not a document" > "$input/bad/image.png"

echo "test_local: plain run" >&2
status=0
"$ZHENGCE" extract "$input" --format jsonl -o "$work/plain.jsonl" || status=$?
[ "$status" -le 1 ] || { echo "test_local: plain run failed ($status)" >&2; exit 1; }

echo "test_local: Spark local mode" >&2
PYSPARK_PYTHON="$venv/bin/python" "$venv/bin/python" "$here/zhengce_spark.py" \
  "$input" "$work/spark" --zhengce "$ZHENGCE" --partitions 4 \
  2> "$work/spark.log" || { tail -40 "$work/spark.log" >&2; exit 1; }

"$venv/bin/python" "$here/compare_jsonl.py" "$work/plain.jsonl" "$work/spark"
