#!/usr/bin/env bash
# Rewrites Sources, Tests and Benchmarks (or the files given) to the layout of
# .swift-format, in place: the layout findings of `scripts/lint.sh --layout`
# are gone after it. The rules' findings (a missing summary…) are left to fix.
#   scripts/format.sh [FILE…]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ "$#" -eq 0 ]; then
  cd "$root"
  set -- Sources Tests Benchmarks
fi
swift format format --in-place --configuration "$root/.swift-format" --recursive --parallel "$@"
