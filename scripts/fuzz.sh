#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in build-fuzz/ (or
# $FUZZ_BUILD_DIR) and runs each for FUZZ_SECONDS (default 60), starting from
# the corpus texts. A difference or a sanitizer finding fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
EXTRA_PACKAGES="clang libclang-rt-14-dev" scripts/install-deps.sh
build_dir=${FUZZ_BUILD_DIR:-build-fuzz}
seconds=${FUZZ_SECONDS:-60}
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DVOCABCOUNT_BUILD_FUZZERS=ON -DVOCABCOUNT_BUILD_TESTS=OFF -DVOCABCOUNT_BUILD_TOOLS=OFF
cmake --build "$build_dir" -j "$(nproc)" --target vocabcount_word_fuzzer
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Seeds: the lines of the corpus texts, one file each (short inputs fuzz faster).
mkdir -p "$work/seeds"
cat corpus/*.txt | split -l 1 -a 5 - "$work/seeds/line-"
"$build_dir/tests/fuzz/vocabcount_word_fuzzer" -max_total_time="$seconds" -max_len=512 \
  -print_final_stats=1 -artifact_prefix="$build_dir/" "$work/seeds" 2>&1 | tail -n 25
