#!/usr/bin/env bash
# Instructions per byte of the whole extraction, measured with callgrind: a
# figure that does not depend on the machine's load.
#   Benchmarks/instructions.sh [BINARY]
# Without BINARY, builds zhengce-bench without debug info (valgrind 3.19 cannot
# read Swift 6.3's DWARF 5) into .build-prof. Runs --whole-only at 1 MB and
# 2 MB; the difference of the two counts over the difference of the bytes is
# the cost per byte, with start-up (loading the word lists) cancelled out.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-}
if [ -z "$binary" ]; then
  swift build -c release --scratch-path .build-prof -Xswiftc -gnone -Xcc -g0 --product zhengce-bench >/dev/null
  binary=.build-prof/release/zhengce-bench
fi
out=$(mktemp -d)
declare -A bytes refs
for mb in 1 2; do
  log=$(valgrind --tool=callgrind --callgrind-out-file="$out/cg.$mb" "$binary" --whole-only --megabytes "$mb" --corpus Corpus 2>&1)
  bytes[$mb]=$(sed -n 's/^zhengce-bench: \([0-9]*\) bytes.*/\1/p' <<<"$log")
  refs[$mb]=$(sed -n 's/.*I *refs: *\([0-9,]*\).*/\1/p' <<<"$log" | tr -d ,)
done
echo "1 MB run: ${bytes[1]} bytes, ${refs[1]} instructions"
echo "2 MB run: ${bytes[2]} bytes, ${refs[2]} instructions"
python3 -c "print(f'instructions per byte: {(${refs[2]} - ${refs[1]}) / (${bytes[2]} - ${bytes[1]}):.0f}')"
echo "profiles: $out/cg.1 $out/cg.2 (callgrind_annotate $out/cg.2 | swift demangle --simplified)"
