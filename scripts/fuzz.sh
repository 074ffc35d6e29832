#!/usr/bin/env bash
# Fuzzes the whole pipeline (bytes → decoding → every format → extraction →
# JSON), and the DOCX and OFD readers (each input as a zip archive and as XML
# parts: libzip and libxml2 in the CZipXML room), with libFuzzer +
# AddressSanitizer, for a bounded time. PDFs are not fuzzed (pdftotext is
# another program; the target reads them as converter-missing). The target
# (Fuzz/Sources/FuzzPipeline) also traps on a broken promise — a span outside
# the text, an item's text not its original slice, min > max, a redacted value,
# two runs that differ — so wrong results are findings as much as crashes.
#
#   scripts/fuzz.sh [SECONDS]     default 120; two thirds on inputs up to
#                                 4 KiB, one third on inputs up to 64 KiB
#   FUZZ_CONFIG=release scripts/fuzz.sh 600   (faster; asserts off, checks on)
#
# Seeds: Corpus/, Fixtures/heldout/docs/, Fixtures/fuzz-seeds/ (GB18030,
# UTF-16, HTML, Markdown with front matter, numerals, PDF breaks, a DOCX and an
# OFD XML part), Fixtures/formats/ (DOCX, OFD, PDF, .doc files) and the saved
# crash inputs in Tests/ExtractorTests/Cases/robustness/. The grown corpus is kept in
# .build-fuzz/corpus between runs. A finding is written to .build-fuzz/findings/;
# replay it with `.build-fuzz/<config>/FuzzPipeline FILE`, then save it under
# Tests/ExtractorTests/Cases/robustness/ so RobustnessRegressionTests replay it.
# Exits 1 on a finding, 0 when the time ran out without one.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-120}
config=${FUZZ_CONFIG:-debug}
scratch=.build-fuzz
echo "fuzz: building the $config fuzz target (libFuzzer + AddressSanitizer)" >&2
# -sanitize=fuzzer instruments the Swift code for coverage and links
# libFuzzer; -Xcc instruments the C wrapper around ICU too. ld.gold's
# "Cannot export local symbol" lines about ASan's helpers are harmless noise.
# SwiftPM does not notice files added to the path dependency (`..`) since the
# last build; dropping the build plan makes it plan again from the sources.
rm -f "$scratch/$config.yaml"
# The EmbedRuleData plugin's tool is linked with these flags too, which makes
# ld.gold crash ("internal error in format_file_lineno"): lld links it.
(cd Fuzz && swift build -c "$config" --scratch-path "../$scratch" --product FuzzPipeline \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld \
  -Xcc -fsanitize=fuzzer-no-link,address) 2>&1 | grep -v "Cannot export local symbol" >&2
bin="$scratch/$config/FuzzPipeline"
[ -x "$bin" ] || { echo "fuzz: build failed" >&2; exit 2; }

corpus="$scratch/corpus"
findings="$scratch/findings"
mkdir -p "$corpus" "$findings"
seeds=(Corpus Fixtures/fuzz-seeds)
for folder in Fixtures/heldout/docs Fixtures/formats Tests/ExtractorTests/Cases/robustness; do
  [ -d "$folder" ] && seeds+=("$folder")
done

# Swift's own crash backtracer reads the stack in ways ASan flags; libFuzzer
# and ASan report crashes themselves. Allocation stacks are not recorded
# (4x faster); replay a finding without these options for full reports.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=0:detect_leaks=0}

run() {  # run LABEL MAX_LEN SECONDS
  local label=$1 max_len=$2 time=$3 log="$scratch/fuzz-$1.log"
  echo "fuzz: $label run, inputs up to $max_len bytes, ${time}s" >&2
  set +e
  "$bin" "$corpus" "${seeds[@]}" -dict=Fuzz/policy.dict -max_len="$max_len" \
    -max_total_time="$time" -timeout=20 -rss_limit_mb=4096 -malloc_limit_mb=4096 \
    -artifact_prefix="$findings/" -print_final_stats=1 -print_pcs=0 >"$log" 2>&1
  local status=$?
  set -e
  # The last status line says how far it got: runs, coverage, corpus.
  grep -E "^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE)" "$log" | tail -1 >&2 || true
  grep -E "^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)" "$log" >&2 || true
  if [ "$status" -ne 0 ]; then
    grep -vE "^  0x|^#[0-9]+[[:space:]]" "$log" | tail -60 >&2
    echo "fuzz: FINDING in the $label run (exit $status); input in $findings/, log in $log" >&2
    exit 1
  fi
}

small=$((seconds * 2 / 3))
large=$((seconds - small))
run small 4096 "$small"
run large 65536 "$large"
echo "fuzz: no finding in ${seconds}s" >&2
