#!/usr/bin/env bash
# Installs what zhengce needs beyond Swift: the system ICU (Debian's
# libicu-dev), libzip and libxml2 (libzip-dev, libxml2-dev: DOCX and OFD),
# poppler's pdftotext (poppler-utils: PDF, run as a separate program) and,
# for the tests, Python's jsonschema and Chromium. Safe to run again.
set -euo pipefail
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
  echo "setup: need root to run: $*" >&2; exit 1; fi; }

missing=()
[ -f /usr/include/unicode/ubrk.h ] || missing+=(libicu-dev)
[ -f /usr/include/zip.h ] || missing+=(libzip-dev)
[ -f /usr/include/libxml2/libxml/xmlreader.h ] || missing+=(libxml2-dev)
command -v pkg-config >/dev/null || missing+=(pkg-config)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -q >/dev/null
  as_root apt-get install -y -q "${missing[@]}" >/dev/null
fi
if command -v python3 >/dev/null && ! python3 -c "import jsonschema" 2>/dev/null; then
  echo "setup: installing Python jsonschema (used by the schema test)" >&2
  python3 -m pip install -q jsonschema || echo "setup: could not install jsonschema; the schema test will say so" >&2
fi
# The browser test of `zhengce review` opens pages in headless Chromium (Debian's
# chromium package); without it that test is skipped and says so.
if ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null; then
  echo "setup: installing chromium (used by the review pages' browser test)" >&2
  export DEBIAN_FRONTEND=noninteractive
  if [ "$(id -u)" -eq 0 ] || command -v sudo >/dev/null; then
    as_root apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends chromium >/dev/null 2>&1 \
      || { as_root apt-get update -q >/dev/null && as_root apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends chromium >/dev/null; } \
      || echo "setup: could not install chromium; the browser test will be skipped" >&2
  else
    echo "setup: no root to install chromium; the browser test will be skipped" >&2
  fi
fi
command -v swift >/dev/null || { echo "setup: Swift 6.1 or later is required (https://swift.org/install)" >&2; exit 1; }
