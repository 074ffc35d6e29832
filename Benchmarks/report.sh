#!/usr/bin/env bash
# Every figure of Benchmarks/README.md in one run, on this machine:
#   Benchmarks/report.sh [OUT]          (default: .build-report/report.txt)
# Run it on a quiet machine: the throughput figures are wall-clock; the
# instruction counts (callgrind) are not disturbed by load. About ten minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.build-report/report.txt}
mkdir -p "$(dirname "$out")"
swift build -c release --product zhengce >/dev/null
swift build -c release --product zhengce-bench >/dev/null
{
  echo "# zhengce benchmark report, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)"
  echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "## Stages, whole extraction, peak memory (corpus replicated to 50 MB)"
  .build/release/zhengce-bench --megabytes 50
  echo
  echo "## Against jieba and JioNLP, same run (10 MB)"
  Benchmarks/compare/run.sh 10
  echo
  echo "## End to end: whole zhengce processes against JioNLP, same run (10 MB folder)"
  ZHENGCE=.build/release/zhengce Benchmarks/endtoend.sh 10
  echo
  echo "## Linear time: one-line documents, 1 MB and 10 MB (wall clock, best of three)"
  .build/release/zhengce-bench --linearity --megabytes 1
  echo
  echo "## Linear time in instructions (callgrind), 0.2 MB and 2 MB"
  Benchmarks/linearity.sh 0.2
  echo
  echo "## Instructions per byte (callgrind)"
  Benchmarks/instructions.sh
  echo
  echo "## Batch: 500 MB folder, --jobs 1 and --jobs $(nproc)"
  ZHENGCE=.build/release/zhengce Benchmarks/memory.sh 500 1
  ZHENGCE=.build/release/zhengce Benchmarks/memory.sh 500 "$(nproc)"
  echo
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | tee "$out"
