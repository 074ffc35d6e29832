#!/usr/bin/env bash
# Builds zhengce with AddressSanitizer (which includes LeakSanitizer on Linux)
# and runs it over the corpus and over GB18030, UTF-16 and binary copies, so
# every ICU path runs: break iterators, charset detection, conversion,
# normalisation. Fails on any leak (an ICU handle opened and never closed),
# any out-of-bounds access or use after free.
#
#   scripts/leak-check.sh
#
# (valgrind 3.19 on Debian 12 cannot read the DWARF 5 debug info Swift 6.3
# emits, hence the sanitizer.)
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-asan
swift build --scratch-path "$scratch" --sanitize address >/dev/null
bin="$scratch/debug/zhengce"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp Corpus/001_*.txt "$work/plain.txt"
iconv -f UTF-8 -t GB18030 Corpus/002_*.txt > "$work/gb18030.txt"
{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE Corpus/004_*.txt; } > "$work/utf16.txt"
printf 'not\x00text\x01\x02' > "$work/binary.txt"
printf '\xe4\xba\xba\xff\xff\xff' > "$work/invalid.txt"
export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1
export LSAN_OPTIONS=exitcode=23
run() {
  echo "leak-check: zhengce $*"
  set +e
  "$bin" "$@" >/dev/null 2>"$work/stderr"
  status=$?
  set -e
  # 0 and 1 (some documents failed, as the bad files must) are normal endings.
  if [ "$status" -gt 1 ]; then
    cat "$work/stderr" >&2
    echo "leak-check: FAILED (exit $status)" >&2
    exit 1
  fi
}
run extract Corpus "$work" --format jsonl
run segment --words "$work/gb18030.txt"
run text "$work/utf16.txt"
echo "leak-check: clean (AddressSanitizer + LeakSanitizer)"
