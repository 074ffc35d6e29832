#!/usr/bin/env bash
# Installs zhengce: scripts/install.sh [--binary FILE] [PREFIX]
#
# Builds the release binary (swift build -c release --product zhengce) and
# puts it at PREFIX/bin/zhengce (PREFIX defaults to /usr/local), with the
# licence, README, changelog and output contract in PREFIX/share/doc/zhengce.
# The word lists are built into the binary, so the installed zhengce needs
# neither the source tree nor .build: copy it anywhere on this machine (it
# links the Swift runtime of the toolchain that built it, and the system ICU).
#
#   --binary FILE   install FILE (an already built zhengce) instead of building
#   DESTDIR=/stage  stage the files under /stage/PREFIX (for packagers)
#
# Run scripts/setup.sh first on a fresh machine.
set -euo pipefail
usage() { echo "usage: scripts/install.sh [--binary FILE] [PREFIX]   (PREFIX defaults to /usr/local)" >&2; exit 2; }

binary=""
prefix=""
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) [ $# -ge 2 ] || usage; binary="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) usage ;;
    *) [ -z "$prefix" ] || usage; prefix="$1"; shift ;;
  esac
done
prefix="${prefix:-/usr/local}"
case "$prefix" in /*) ;; *) prefix="$(pwd)/$prefix" ;; esac
cd "$(dirname "$0")/.."

if [ -z "$binary" ]; then
  swift build -c release --product zhengce
  binary="$(swift build -c release --show-bin-path)/zhengce"
fi
[ -x "$binary" ] || { echo "install: $binary is not an executable" >&2; exit 1; }

root="${DESTDIR:-}$prefix"
install -d "$root/bin" "$root/share/doc/zhengce"
install -m 755 "$binary" "$root/bin/zhengce"
install -m 644 LICENSE README.md CHANGELOG.md docs/schema.json docs/datasets.md "$root/share/doc/zhengce/"

echo "install: $("$root/bin/zhengce" --version | sed 's/^/zhengce /') installed as $root/bin/zhengce" >&2
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "install: $prefix/bin is not on PATH; add it: export PATH=\"$prefix/bin:\$PATH\"" >&2 ;;
esac
