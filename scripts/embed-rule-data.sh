#!/bin/sh
# scripts/embed-rule-data.sh FOLDER OUTPUT.swift
#
# Writes a Swift file holding every file under FOLDER, keyed by its path
# under FOLDER (`quantities/classifiers.txt`), as base64 in a StaticString
# (bytes in the binary as they are, decoded once when first read). Run by the
# EmbedRuleData build-tool plugin (Plugins/EmbedRuleData) whenever a file of
# FOLDER changes, appears or goes; its output is never committed.
#
# A shell script rather than a tool built from the package: a tool target
# would be built with whatever flags a build passes to every target, and the
# fuzz build's -sanitize=fuzzer cannot link an ordinary executable.
set -eu
[ $# -eq 2 ] || { echo "usage: scripts/embed-rule-data.sh FOLDER OUTPUT.swift" >&2; exit 2; }
folder=$1
output=$2
list=$(cd "$folder" && find . -type f | LC_ALL=C sort)
temporary="$output.partial"
{
  echo "// Generated at build time by the EmbedRuleData plugin (scripts/embed-rule-data.sh)"
  echo "// from the files of the target's Resources/ folder. Do not edit or commit."
  echo ""
  echo "/// Every file of \`Resources/\`, keyed by the path under it: its bytes in base64."
  echo "enum EmbeddedRuleData {"
  echo "    static let files: [String: StaticString] = ["
  [ -n "$list" ] || echo "        :"
  printf '%s\n' "$list" | while IFS= read -r path; do
    [ -n "$path" ] || continue
    key=${path#./}
    case $key in
      *'"'* | *'\'*) echo "embed-rule-data: $folder/$key: a file name with a quote or backslash" >&2; exit 1 ;;
    esac
    printf '        "%s": "' "$key"
    base64 < "$folder/$path" | tr -d '\n'
    printf '",\n'
  done
  echo "    ]"
  echo "}"
} > "$temporary"
mv "$temporary" "$output"
