#!/usr/bin/env bash
# Runs every libFuzzer target (tests/fuzz) for its share of FUZZ_SECONDS
# (default 120, the whole budget): word 15%, dictionary 15%, count 25%,
# vocabulary 15%, jsonl 15%, pieces 15%. Builds them with clang (ASan +
# UBSan) in build-fuzz/, or in FUZZ_BUILD_DIR when that names a build
# already configured with -DVOCABCOUNT_BUILD_FUZZERS=ON. Each target starts from its
# seeds and regression inputs. Ends with a table of time, executions and
# coverage per target; a crash or a broken invariant in any target fails the
# run, after all have run, with the input saved as
# <build dir>/fuzz-<target>-crash-*.
set -euo pipefail
cd "$(dirname "$0")/.."
budget=${FUZZ_SECONDS:-120}
targets=(word dictionary count vocabulary jsonl pieces)
shares=(15 15 25 15 15 15)  # percent of the budget

if [[ -n ${FUZZ_BUILD_DIR:-} ]]; then
  build_dir=$FUZZ_BUILD_DIR
  if ! grep -q '^VOCABCOUNT_BUILD_FUZZERS:BOOL=ON' "$build_dir/CMakeCache.txt" 2>/dev/null; then
    echo "fuzz.sh: $build_dir is not a build configured with -DVOCABCOUNT_BUILD_FUZZERS=ON" >&2
    exit 2
  fi
else
  EXTRA_PACKAGES="clang libclang-rt-14-dev" scripts/install-deps.sh
  build_dir=build-fuzz
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DVOCABCOUNT_BUILD_FUZZERS=ON -DVOCABCOUNT_BUILD_TESTS=OFF -DVOCABCOUNT_BUILD_TOOLS=OFF
fi
build_args=()
for target in "${targets[@]}"; do build_args+=(--target "vocabcount_${target}_fuzzer"); done
cmake --build "$build_dir" -j "$(nproc)" "${build_args[@]}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The word fuzzer starts from the lines of the corpus texts, one file each
# (short inputs fuzz faster); the others from their seeds. The first
# directory given to libFuzzer is where it adds new inputs: a scratch one,
# never the checked-in seeds.
mkdir -p "$work/word-lines"
cat corpus/*.txt | split -l 1 -a 5 - "$work/word-lines/line-"
declare -A seeds=([word]="$work/word-lines" [dictionary]=tests/fuzz/seeds/dictionary
                  [count]=tests/fuzz/seeds/count [vocabulary]=tests/fuzz/seeds/vocabulary
                  [jsonl]=tests/fuzz/seeds/jsonl [pieces]=tests/fuzz/seeds/pieces)
declare -A dictionaries=([vocabulary]=tests/fuzz/vocabulary.dict [jsonl]=tests/fuzz/jsonl.dict)

summary=()
failed=0
for i in "${!targets[@]}"; do
  target=${targets[$i]}
  seconds=$((budget * shares[i] / 100))
  ((seconds > 0)) || seconds=1  # 0 would mean no limit to libFuzzer
  log="$build_dir/fuzz-$target.log"
  mkdir -p "$work/new-$target"
  args=(-max_total_time="$seconds" -max_len=512 -timeout=30 -print_final_stats=1
        -artifact_prefix="$build_dir/fuzz-$target-")
  if [[ -n ${dictionaries[$target]:-} ]]; then args+=(-dict="${dictionaries[$target]}"); fi
  echo "== $target: $seconds s (log: $log)"
  started=$SECONDS
  status=0
  "$build_dir/tests/fuzz/vocabcount_${target}_fuzzer" "${args[@]}" "$work/new-$target" \
    "${seeds[$target]}" "tests/fuzz/regressions/$target" >"$log" 2>&1 || status=$?
  elapsed=$((SECONDS - started))
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  coverage=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -n 1 || true)
  result=ok
  if ((status != 0)); then
    result="FAILED ($status)"
    failed=1
    # What broke, without libFuzzer's stack and statistics.
    grep -v -e '^ *#[0-9]' -e '^INFO:' -e '^stat::' "$log" | tail -n 25
  fi
  summary+=("$(printf '%-11s %7s %12s %7s %7s  %s' "$target" "$elapsed" "${executions:-?}" \
    "$(awk '{print $2}' <<<"$coverage")" "$(awk '{print $4}' <<<"$coverage")" "$result")")
done

echo
printf '%-11s %7s %12s %7s %7s  %s\n' target seconds executions cov ft result
printf '%s\n' "${summary[@]}"
exit "$failed"
