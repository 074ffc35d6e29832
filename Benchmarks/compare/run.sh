#!/usr/bin/env bash
# Measures zhengce against jieba and JioNLP in the same run.
#   Benchmarks/compare/run.sh [MEGABYTES]     (default 10)
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=${VENV:-.build-compare-venv}
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q jieba jionlp
fi
swift build -c release --product zhengce-bench >/dev/null
"$venv/bin/python" Benchmarks/compare/compare.py --zhengce-bench .build/release/zhengce-bench \
  --megabytes "${1:-10}" --corpus Corpus
