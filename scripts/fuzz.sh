#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in build-fuzz/ (or
# $FUZZ_BUILD_DIR) and runs the word fuzzer for FUZZ_SECONDS (default 60),
# starting from the corpus texts, then the JSON Lines fuzzer for half as long
# (JSONL_FUZZ_SECONDS). A difference or a sanitizer finding fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
EXTRA_PACKAGES="clang libclang-rt-14-dev" scripts/install-deps.sh
build_dir=${FUZZ_BUILD_DIR:-build-fuzz}
seconds=${FUZZ_SECONDS:-60}
half=$((seconds / 2 > 0 ? seconds / 2 : 1))  # 0 would mean no limit to libFuzzer
jsonl_seconds=${JSONL_FUZZ_SECONDS:-$half}
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DVOCABCOUNT_BUILD_FUZZERS=ON -DVOCABCOUNT_BUILD_TESTS=OFF -DVOCABCOUNT_BUILD_TOOLS=OFF
cmake --build "$build_dir" -j "$(nproc)" --target vocabcount_word_fuzzer \
  --target vocabcount_jsonl_fuzzer
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Seeds: the lines of the corpus texts, one file each (short inputs fuzz faster).
mkdir -p "$work/seeds"
cat corpus/*.txt | split -l 1 -a 5 - "$work/seeds/line-"
"$build_dir/tests/fuzz/vocabcount_word_fuzzer" -max_total_time="$seconds" -max_len=512 \
  -print_final_stats=1 -artifact_prefix="$build_dir/" "$work/seeds" 2>&1 | tail -n 25

# JSON Lines: a few seed lines, and JSON's tokens as a dictionary.
mkdir -p "$work/jsonl-seeds"
printf '{"id":1,"text":"The cat sat."}\n{"text":"caf\\u00e9 \\ud83d\\ude00"}\n' \
  > "$work/jsonl-seeds/plain"
printf '{"m":{"t":"nested \\"quoted\\" words"},"text":null}\r\n\n[1,2]\n{"text":"a\\nb"' \
  > "$work/jsonl-seeds/mixed"
"$build_dir/tests/fuzz/vocabcount_jsonl_fuzzer" -max_total_time="$jsonl_seconds" -max_len=512 \
  -dict=tests/fuzz/jsonl.dict -print_final_stats=1 -artifact_prefix="$build_dir/" \
  "$work/jsonl-seeds" 2>&1 | tail -n 25
