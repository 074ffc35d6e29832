#!/usr/bin/env bash
# Lint with the rules of .swift-format (the toolchain's `swift format`).
#   scripts/lint.sh            the rules; fails on any finding
#   scripts/lint.sh --layout   also the layout (indentation, line breaks,
#                              spacing, line length, trailing commas): what CI runs
# scripts/format.sh rewrites the tree to the layout (the rules' findings stay
# yours to fix).
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
