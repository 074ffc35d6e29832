#!/usr/bin/env bash
# Lint with the rules of .swift-format (the toolchain's `swift format`).
#   scripts/lint.sh            the rules; fails on any finding
#   scripts/lint.sh --layout   also the layout (indentation, line breaks,
#                              spacing, line length, trailing commas)
# The layout findings do not fail CI yet: the tree aligns continuation lines
# under their opening bracket or keyword, which swift-format does not do, so
# they pass only after one `swift format --in-place` of the whole tree (to be
# done when no branch is open); then CI runs this with --layout.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! swift format --version >/dev/null 2>&1; then
  echo "lint: skipped, this toolchain has no \`swift format\`" >&2
  exit 0
fi
layout='\[(Indentation|AddLines|RemoveLine|Spacing|LineLength|TrailingComma)\]'
findings=$(swift format lint --configuration .swift-format --recursive --parallel Sources Tests Benchmarks 2>&1 || true)
if [ "${1:-}" != "--layout" ]; then
  findings=$(grep -vE "$layout" <<<"$findings" || true)
fi
if [ -n "$findings" ]; then
  echo "$findings"
  echo "lint: $(wc -l <<<"$findings") findings (.swift-format)" >&2
  exit 1
fi
echo "lint: clean"
