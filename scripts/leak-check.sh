#!/usr/bin/env bash
# Builds zhengce with AddressSanitizer (which includes LeakSanitizer on Linux)
# and runs it over the corpus and over GB18030, UTF-16 and binary copies, so
# every ICU path runs: break iterators, charset detection, conversion,
# normalisation; over Fixtures/formats (DOCX and OFD through libzip and
# libxml2, PDF through pdftotext); then over a folder of broken and hostile
# files (a zip bomb, XML cut off, an OFD page missing, empty, PNG,
# truncated GB18030, lone surrogates, symlink loop, FIFO, 10,000-digit
# numbers, nested tags, the saved crash inputs). Fails on any leak (an ICU handle opened and never closed),
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
# PDF, DOCX, OFD and the files not read (libzip and libxml2 in CZipXML; pdftotext is another process).
run extract Fixtures/formats --format jsonl
run text --original Fixtures/formats/notes.docx
run explain Fixtures/formats/notice.ofd
run segment --words "$work/gb18030.txt"
run text "$work/utf16.txt"
run explain "$work/gb18030.txt"

# Broken and hostile files, as a batch meets them: every reading path, every
# error path, and the inputs that once crashed or hung (Tests/ExtractorTests/
# Cases/robustness), must end without a leak or a bad access.
bad="$work/bad"
mkdir -p "$bad"
cp Fixtures/fuzz-seeds/* Tests/ExtractorTests/Cases/robustness/* "$bad/"
: > "$bad/empty.txt"
iconv -f UTF-8 -t GB18030 Corpus/000_*.txt > "$work/whole-gb18030.txt"
head -c 4001 "$work/whole-gb18030.txt" > "$bad/truncated-gb18030.txt"
printf '\xff\xfe\x00\xd8A\x00' > "$bad/lone-surrogate.txt"
printf '\xff\xfeA' > "$bad/odd-utf16.txt"
ln -s loop.txt "$bad/loop.txt"
ln -s nowhere.txt "$bad/broken.txt"
mkfifo "$bad/pipe.txt"
mkdir "$bad/folder.txt"
python3 - "$bad" <<'PY'
import sys
folder = sys.argv[1]
with open(f"{folder}/picture.txt", "wb") as out:  # a PNG header and noise
    out.write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes((i * 7919 + 13) % 256 for i in range(2048)))
files = {
    "nul.txt": "给予50万元\0奖补。" * 50,
    "nested-divs.html": "<div>" * 20000 + "给予50万元" + "</div>" * 20000,
    "long-number.txt": "给予" + "9" * 10000 + "万元，引进" + "九" * 10000 + "名",
    "long-numerals.txt": "给予" + "万" * 10000 + "元，" + "二十五点" + "五" * 300 + "万元",
    "astral.txt": "𠀀人才给予5万元。\n" * 5000,
    "unclosed-links.md": "[a](b" * 10000 + "\n" + "![a](b" * 10000,
    "entities.html": "&#x4E&#99999999;&bogus;&" * 5000 + "<p title=\"<b '" * 5000,
    "markers.txt": "（一）1.一、- 1 -\n" * 5000,
}
import io, zipfile
# A zip bomb named .docx: 300 MB of zeros in one part (the limit is 256 MB).
with zipfile.ZipFile(f"{folder}/bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    with z.open("word/document.xml", "w") as part:
        block = bytes(1 << 20)
        for _ in range(300):
            part.write(block)
# A DOCX whose XML is cut off, and an OFD whose page is missing.
with zipfile.ZipFile(f"{folder}/broken-xml.docx", "w") as z:
    z.writestr("word/document.xml", "<w:document xmlns:w='x'><w:body><w:p><w:r><w:t>给予50万元")
with zipfile.ZipFile(f"{folder}/no-page.ofd", "w") as z:
    z.writestr("OFD.xml", "<ofd:OFD xmlns:ofd='x'><ofd:DocBody><ofd:DocRoot>D/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
    z.writestr("D/Document.xml", "<ofd:Document xmlns:ofd='x'><ofd:Pages><ofd:Page BaseLoc='P/Content.xml'/></ofd:Pages></ofd:Document>")
for name, text in files.items():
    with open(f"{folder}/{name}", "w", encoding="utf-8") as out:
        out.write(text)
PY
run extract "$bad" --format jsonl
for file in "$bad"/*.md "$bad"/*.html "$bad/astral.txt"; do run explain "$file"; done
echo "leak-check: clean (AddressSanitizer + LeakSanitizer)"
