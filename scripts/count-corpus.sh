#!/usr/bin/env bash
# Quick start: set up, build, and count the shipped corpus into vocab.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
"${BUILD_DIR:-build}/vocabcount" --stats -o vocab.tsv corpus/*.txt
echo "wrote vocab.tsv ($(wc -l < vocab.tsv) tokens); the most frequent:" >&2
head -5 vocab.tsv >&2
