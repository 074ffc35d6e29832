#!/usr/bin/env bash
# Instructions per byte of whole `zhengce extract` processes, by stage,
# measured with callgrind (exact whatever the machine's load).
#   Benchmarks/endtoend-instructions.sh [BINARY [FORMAT]]   (FORMAT: jsonl, json or csv; default jsonl)
# Copies Corpus/ 12 and 24 times into two folders (about 1 MB and 2 MB),
# runs `zhengce extract DIR -o OUT --format FORMAT --jobs 1` on each under
# callgrind, and prints each stage's inclusive instructions in both runs and
# their difference per byte of input: start-up (word lists, the division
# table, the dynamic linker) cancels out, and shows in the "start-up" line.
# Without BINARY, builds zhengce in release. Debug info is stripped from a
# copy (valgrind 3.19 cannot read Swift 6.3's DWARF 5); symbols stay.
# SHA-256 runs the Swift code under valgrind (it does not emulate the SHA
# instructions the real run uses), about 59 instructions per byte that a
# real run does not spend: the line "hash" shows them.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-}
format=${2:-jsonl}
if [ -z "$binary" ]; then
  swift build -c release --product zhengce >/dev/null
  binary=.build/release/zhengce
fi
work=$(mktemp -d)
strip --strip-debug -o "$work/zhengce" "$binary"
declare -A bytes
for copies in 12 24; do
  mkdir -p "$work/in$copies"
  for i in $(seq 1 "$copies"); do
    for f in Corpus/*.txt; do cp "$f" "$work/in$copies/$(basename "$f" .txt)_$i.txt"; done
  done
  bytes[$copies]=$(cat "$work/in$copies"/* | wc -c)
  out="$work/out$copies.$format"
  valgrind --tool=callgrind --callgrind-out-file="$work/cg.$copies" "$work/zhengce" extract "$work/in$copies" \
    -o "$out" --format "$format" --jobs 1 --quiet >/dev/null 2>&1
done
# Stage: a label and the (demangled) function whose inclusive cost it is.
stages=(
  "whole process|PROGRAM TOTALS"
  "start-up: extractor (word lists, tables)|DocumentExtractor.init(instruments:)"
  "per document, all|BatchPipeline.process(_:processor:sink:crashedBefore:)"
  "hash (Swift code under valgrind)|static SHA256.hex<"
  "read: decode, normalise|DocumentExtractor.read(bytes:path:format:)"
  "structure (metadata, sections, measures)|StructureReader.read"
  "fields (dates, region, validity)|MetadataFields.complete(_:genre:text:)"
  "quantities|QuantityScan.run()"
  "deadlines|DeadlineMatcher.match(_:date:)"
  "instruments|closure #1 in InstrumentTagger.tag("
  "references|ReferenceMatcher.match(_:)"
  "organisations|OrganizationMatcher.match(_:notes:)"
  "output: render the record|RecordSink.render(_:)"
)
for copies in 12 24; do
  callgrind_annotate --inclusive=yes "$work/cg.$copies" 2>/dev/null | swift demangle --simplified > "$work/annotated.$copies"
done
cost() {  # the largest inclusive cost of a line naming $2 in annotated file $1
  grep -F -- "$2" "$1" | grep -v "partial apply" | sed -E 's/^ *([0-9,]+).*/\1/' | tr -d , | sort -n | tail -1
}
delta=$(( bytes[24] - bytes[12] ))
printf "%s, %s: %d and %d bytes of input\n" "$binary" "$format" "${bytes[12]}" "${bytes[24]}"
printf "%-42s %12s %12s %10s\n" "stage" "1 MB run" "2 MB run" "per byte"
for stage in "${stages[@]}"; do
  label=${stage%%|*}; name=${stage#*|}
  small=$(cost "$work/annotated.12" "$name"); large=$(cost "$work/annotated.24" "$name")
  small=${small:-0}; large=${large:-0}
  printf "%-42s %11.1fM %11.1fM %10.1f\n" "$label" "$(bc -l <<<"$small/1000000")" "$(bc -l <<<"$large/1000000")" \
    "$(bc -l <<<"($large-$small)/$delta")"
done
small=$(cost "$work/annotated.12" "PROGRAM TOTALS"); large=$(cost "$work/annotated.24" "PROGRAM TOTALS")
printf "start-up (whole process less per-byte cost x bytes): %.1fM\n" "$(bc -l <<<"$small - ($large-$small)/$delta*${bytes[12]}" | awk '{print $1/1000000}')"
echo "profiles: $work/cg.12 $work/cg.24 (callgrind_annotate --inclusive=yes FILE | swift demangle --simplified)"
