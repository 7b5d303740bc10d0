#!/usr/bin/env bash
# Quick start: set up, build the vocabcount command (only it and the library
# it links: the tests and tools wait for scripts/test.sh), and count the
# shipped corpus into vocab.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh vocabcount_cli
"${BUILD_DIR:-build}/vocabcount" --stats -o vocab.tsv corpus/*.txt
echo "wrote vocab.tsv ($(wc -l < vocab.tsv) tokens); the most frequent:" >&2
head -5 vocab.tsv >&2
