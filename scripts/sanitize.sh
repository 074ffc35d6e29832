#!/usr/bin/env bash
# Full-size hostile inputs, too big for the debug test suite: a 50 MB single
# line, 50 MB of lines, 2 million nested tags, a 20-million-digit number. Each
# must end (exit 0, or 1 with a reason) within a time and memory limit, in a
# release build and then, slower, under AddressSanitizer + LeakSanitizer.
# Prints time and peak memory for each.
#
#   scripts/sanitize.sh            release, then ASan (several minutes)
#   scripts/sanitize.sh --quick    release only
#
# The tests cover the same shapes at 5 MB (Tests/zhengceTests/BadInputTests,
# Tests/ExtractorTests/RobustnessTests); scripts/leak-check.sh runs the small
# hostile files under ASan in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=${1:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import sys
folder = sys.argv[1]
prose = "我市坚持把人才作为创新之要、发展之源，突出政策引领，以改革创新实现人社事业大突破，多措并举推动人才工作，给予50万元奖补，"
size = 50 * 1024 * 1024
unit = prose.encode()
with open(f"{folder}/line-50mb.txt", "wb") as out: out.write(unit * (size // len(unit) + 1))
with open(f"{folder}/lines-50mb.txt", "wb") as out: out.write((prose + "\n").encode() * (size // len(unit) + 1))
with open(f"{folder}/nested-tags.html", "w") as out: out.write("<div>" * 2_000_000 + "给予50万元" + "</div>" * 2_000_000)
with open(f"{folder}/digits-20m.txt", "w") as out: out.write("给予" + "9" * 20_000_000 + "万元")
PY

check() {  # check BIN LABEL SECONDS MAX_MB
  local bin=$1 label=$2 limit=$3 max_mb=$4 status
  for file in "$work"/*.txt "$work"/*.html; do
    set +e
    timeout "$limit" /usr/bin/time -f "%e %M" -o "$work/time" "$bin" extract "$file" --format jsonl -o "$work/out.jsonl" 2>"$work/stderr"
    status=$?
    set -e
    local seconds kb
    read -r seconds kb < <(tail -1 "$work/time" 2>/dev/null || echo "? 0")
    printf 'sanitize: %-8s %-18s %8s s  %6d MB  exit %d\n' "$label" "$(basename "$file")" "$seconds" $((kb / 1024)) "$status"
    if [ "$status" -eq 124 ]; then echo "sanitize: FAILED: $(basename "$file") ran past ${limit}s" >&2; exit 1; fi
    if [ "$status" -gt 1 ]; then cat "$work/stderr" >&2; echo "sanitize: FAILED: exit $status" >&2; exit 1; fi
    if [ $((kb / 1024)) -gt "$max_mb" ]; then echo "sanitize: FAILED: more than $max_mb MB" >&2; exit 1; fi
  done
}

echo "sanitize: release build" >&2
swift build -c release --scratch-path .build-sanitize --product zhengce >/dev/null
check .build-sanitize/release/zhengce release 120 4096

if [ "$quick" != "--quick" ]; then
  echo "sanitize: AddressSanitizer build (slow: several minutes)" >&2
  swift build --scratch-path .build-asan --sanitize address --product zhengce >/dev/null
  export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 LSAN_OPTIONS=exitcode=23 SWIFT_BACKTRACE=enable=no
  check .build-asan/debug/zhengce asan 1200 16384
fi
echo "sanitize: clean"
