#!/usr/bin/env bash
# Quick start: install the build packages, build the vocabcount command (only
# it and the library it links: the tests and tools wait for scripts/test.sh),
# count the shipped corpus into vocab.tsv, and say where the command is and how
# to install it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh vocabcount_cli
build_dir=${BUILD_DIR:-build}
"$build_dir/vocabcount" --stats -o vocab.tsv corpus/*.txt
echo "wrote vocab.tsv ($(wc -l < vocab.tsv) tokens); the most frequent:" >&2
head -5 vocab.tsv >&2
cat >&2 <<MESSAGE

The command is $build_dir/vocabcount (run it as $build_dir/vocabcount --help).
To have a vocabcount command on your PATH, with its man page and bash completion:
  sudo cmake --install $build_dir                  # into /usr/local
  cmake --install $build_dir --prefix ~/.local     # or for you alone (~/.local/bin on PATH)
MESSAGE
