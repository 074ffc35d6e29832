#!/usr/bin/env bash
# What a user waits for: whole `zhengce extract` processes (folder -> JSONL,
# JSON per document, CSV tables; --jobs 1 and 2) against JioNLP's
# extract_money and jieba on the same texts, in the same run; prints the ratio.
#   Benchmarks/endtoend.sh [MEGABYTES] [more options of compare/endtoend.py]   (default 10)
# VENV: a virtualenv with jieba and jionlp (made when missing); SCRATCH: the
# build folder (default .build); ZHENGCE: a built binary to time instead.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${VENV:-.build-compare-venv}
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import jieba, jionlp' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q jieba jionlp
fi
zhengce=${ZHENGCE:-}
if [ -z "$zhengce" ]; then
  scratch=${SCRATCH:-.build}
  swift build -c release --scratch-path "$scratch" --product zhengce >/dev/null
  zhengce=$scratch/release/zhengce
fi
megabytes=${1:-10}
shift || true
"$venv/bin/python" Benchmarks/compare/endtoend.py --zhengce "$zhengce" --megabytes "$megabytes" --corpus Corpus "$@"
