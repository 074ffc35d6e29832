#!/usr/bin/env bash
# Measures zhengce against jieba and JioNLP in the same run.
#   Benchmarks/compare/run.sh [MEGABYTES]     (default 10)
# VENV: a virtualenv with jieba and jionlp (made when missing);
# SCRATCH: the build folder (default .build).
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=${VENV:-.build-compare-venv}
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q jieba jionlp
fi
scratch=${SCRATCH:-.build}
swift build -c release --scratch-path "$scratch" --product zhengce-bench >/dev/null
"$venv/bin/python" Benchmarks/compare/compare.py --zhengce-bench "$scratch/release/zhengce-bench" \
  --megabytes "${1:-10}" --corpus Corpus
