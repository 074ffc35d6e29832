#!/usr/bin/env bash
# Linear time, counted in instructions (callgrind), so the machine's load and
# its caches do not blur it: the whole extraction of each one-line document of
# zhengce-bench --linearity at N MB and 10 × N MB, and the ratio of the
# instructions spent (start-up, measured with a 1 kB document, subtracted).
#   Benchmarks/linearity.sh [MEGABYTES]        (default 0.2)
set -euo pipefail
cd "$(dirname "$0")/.."
small=${1:-0.2}
large=$(python3 -c "print($small * 10)")
swift build -c release --scratch-path .build-prof -Xswiftc -gnone -Xcc -g0 --product zhengce-bench >/dev/null
bench=.build-prof/release/zhengce-bench
out=$(mktemp -d)
count() {  # instructions of a run; $1: kind, $2: megabytes (0: start-up only)
  valgrind --tool=callgrind --callgrind-out-file="$out/cg" "$bench" --linearity --only "$1" --single --megabytes "$2" 2>&1 \
    | sed -n 's/.*I *refs: *\([0-9,]*\).*/\1/p' | tr -d ,
}
worst=0
for kind in digits numerals mixed structure lines titles counts; do
  base=$(count "$kind" 0.001)  # start-up and word lists, with a 1 kB document
  a=$(count "$kind" "$small"); b=$(count "$kind" "$large")
  ratio=$(python3 -c "print(f'{($b - $base) / ($a - $base):.2f}')")
  echo "  $kind: $(( (a - base) / 1000000 )) M instructions at $small MB, $(( (b - base) / 1000000 )) M at $large MB: ratio $ratio"
  worst=$(python3 -c "print(max($worst, $ratio))")
done
echo "worst ratio: $worst (linear: 10)"
rm -rf "$out"
