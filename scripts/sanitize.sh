#!/usr/bin/env bash
# Builds the tests with sanitizers (clang) and runs them: AddressSanitizer with
# UndefinedBehaviorSanitizer over the whole suite in build-asan/ (less the
# command-line tests' spilling repeats), and
# ThreadSanitizer over the multi-threaded tests in build-tsan/. Any sanitizer
# report, in a test program or in a vocabcount it runs, fails the run.
#
# SANITIZERS="address thread" (the default) chooses the configurations;
# ASAN_BUILD_DIR and TSAN_BUILD_DIR move their build directories. TSan runs
# the library tests labelled "threads" (counting, merging and sorting on 1 to
# 8 threads with tiny work units); TSAN_CLI=1 adds every CLI test (label
# "cli"), which costs about three more minutes of build and five of tests on
# two cores, more than CI's time allows.
#
# Why clang 14 and not gcc 12: on this code clang compiles an ASan+UBSan build
# about 2.5 times faster (TSan 1.6 times) and runs the tests as fast. -O1 and
# line tables only (still file:line in every stack) cut the build time again.
#
# How a finding fails the run: every sanitized process writes its report to
# a file in the build's sanitizer-reports/ (log_path) and exits with status 66.
# A test that checks the status fails on the spot; the report files catch what
# a test cannot see (a vocabcount inside a pipeline, a test that expects a
# failure anyway): any such file fails the run and is printed.
#
# What the tests see: VOCABCOUNT_SANITIZER=address or =thread, so that a test
# can shrink or skip what cannot run under a sanitizer (ulimit -v against
# ASan's shadow memory, gigabytes of input); VOCABCOUNT_TEST_LARGE_BYTES
# (10^8, unless already set) for the tests that build one huge line.
#
# ThreadSanitizer and oneTBB: Debian's libtbb is not instrumented, so TSan
# cannot see the synchronisation inside it (task queues, waits), and every
# hand-over of data from one thread to another through oneTBB is reported as a
# race in our code or in oneTBB's headers (some two thousand reports from the
# determinism tests alone). Suppressing them would mean suppressing every race
# whose stack passes through a oneTBB worker, i.e. all of the counting, so
# instead this script builds libtbb itself with -fsanitize=thread from
# Debian's source package of the installed version (apt-get source; about
# half a minute), and the TSan build links that. tests/sanitizers/tsan.supp
# then needs no entry.
set -euo pipefail
cd "$(dirname "$0")/.."
EXTRA_PACKAGES="clang libclang-rt-14-dev dpkg-dev" scripts/install-deps.sh --tests

readonly suppressions=$PWD/tests/sanitizers
readonly jobs=$(nproc)
export VOCABCOUNT_TEST_LARGE_BYTES=${VOCABCOUNT_TEST_LARGE_BYTES:-100000000}

readonly fast_flags="-O1 -gline-tables-only -DNDEBUG"
as_root=()
if [[ $(id -u) -ne 0 ]]; then
  as_root=(sudo)
fi

# configure_and_build DIR SANITIZERS [CMAKE ARGS...] [-- TARGET...]: a clang
# build with VOCABCOUNT_SANITIZE=SANITIZERS; all targets when none is named.
configure_and_build() {
  local dir=$1 sanitize=$2
  shift 2
  local cmake_args=() targets=()
  while (($# > 0)) && [[ $1 != -- ]]; do cmake_args+=("$1"); shift; done
  (($# > 0)) && shift
  for target in "$@"; do targets+=(--target "$target"); done
  cmake -S . -B "$dir" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=$fast_flags" "-DVOCABCOUNT_SANITIZE=$sanitize" \
    "${cmake_args[@]}" >/dev/null
  cmake --build "$dir" -j "$jobs" "${targets[@]}"
}

# build_tsan_onetbb DIR: libtbb of the installed libtbb-dev's version, built
# with ThreadSanitizer and installed in DIR/prefix (once per DIR and version).
build_tsan_onetbb() {
  local dir=$1
  local version
  version=$(dpkg-query -W -f='${source:Version}' libtbb-dev)
  if [[ -f $dir/prefix/version && $(<"$dir/prefix/version") == "$version" ]]; then
    return
  fi
  if [[ -z $(apt-cache showsrc onetbb 2>/dev/null) ]]; then
    # Source packages come from the same archives as the binary ones.
    local list=/etc/apt/sources.list.d/vocabcount-deb-src.sources
    if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
      sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources |
        "${as_root[@]}" tee "$list" >/dev/null
    else
      sed -n 's/^deb /deb-src /p' /etc/apt/sources.list |
        "${as_root[@]}" tee "${list%.sources}.list" >/dev/null
    fi
    "${as_root[@]}" apt-get update -q
  fi
  rm -rf "$dir" && mkdir -p "$dir"
  (cd "$dir" && { apt-get source -q "onetbb=$version" || apt-get source -q onetbb; })
  local source
  source=$(find "$dir" -mindepth 1 -maxdepth 1 -type d -name 'onetbb-*' | head -n 1)
  cmake -S "$source" -B "$dir/build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=$fast_flags" \
    -DTBB_SANITIZE=thread -DTBB_TEST=OFF -DTBB_EXAMPLES=OFF -DTBBMALLOC_BUILD=OFF -DTBB_STRICT=OFF \
    -DTBB_DISABLE_HWLOC_AUTOMATIC_SEARCH=ON "-DCMAKE_INSTALL_PREFIX=$dir/prefix" >/dev/null
  cmake --build "$dir/build" -j "$jobs" --target tbb
  cmake --install "$dir/build" >/dev/null
  echo "$version" >"$dir/prefix/version"
}

# check_reports DIR: fails, printing them, when DIR holds sanitizer reports.
check_reports() {
  local dir=$1
  shopt -s nullglob
  local reports=("$dir"/*)
  shopt -u nullglob
  if ((${#reports[@]} > 0)); then
    for report in "${reports[@]}"; do
      echo "=== $report" >&2
      cat "$report" >&2
    done
    echo "sanitize.sh: ${#reports[@]} sanitizer report(s) in $dir" >&2
    return 1
  fi
}

# run_tests DIR REPORTS [CTEST ARGS...]: the tests in DIR, then the reports.
run_tests() {
  local dir=$1 reports=$2
  shift 2
  local status=0
  ctest --test-dir "$dir" --output-on-failure -j "$jobs" "$@" || status=$?
  check_reports "$reports" || status=1
  return "$status"
}

status=0
for sanitizer in ${SANITIZERS:-address thread}; do
  case $sanitizer in
    address)
      dir=${ASAN_BUILD_DIR:-build-asan}
      configure_and_build "$dir" address,undefined
      reports=$PWD/$dir/sanitizer-reports
      rm -rf "$reports" && mkdir -p "$reports"
      common="halt_on_error=1:abort_on_error=0:exitcode=66:log_path=$reports/report"
      (
        export VOCABCOUNT_SANITIZER=address
        export ASAN_OPTIONS="$common:detect_leaks=1:check_initialization_order=1"
        export LSAN_OPTIONS="suppressions=$suppressions/lsan.supp:print_suppressions=0"
        export UBSAN_OPTIONS="$common:print_stacktrace=1"
        # Not the command-line tests again with every count spilling (label
        # cli-spill): the spilling engine is the library's, which the unit
        # and pipeline tests (label spill among them) reach under ASan.
        run_tests "$dir" "$reports" -LE cli-spill
      ) || status=1
      ;;
    thread)
      dir=${TSAN_BUILD_DIR:-build-tsan}
      onetbb=$PWD/$dir/onetbb-tsan
      build_tsan_onetbb "$onetbb"
      targets=(vocabcount_tests) labels=threads
      if [[ ${TSAN_CLI:-0} == 1 ]]; then
        targets+=(vocabcount_cli vocabcount_cli_tests) labels='threads|cli'
      fi
      configure_and_build "$dir" thread "-DTBB_DIR=$onetbb/prefix/lib/cmake/TBB" \
        -DVOCABCOUNT_BUILD_TOOLS=OFF -- "${targets[@]}"
      reports=$PWD/$dir/sanitizer-reports
      rm -rf "$reports" && mkdir -p "$reports"
      (
        export VOCABCOUNT_SANITIZER=thread
        export TSAN_OPTIONS="halt_on_error=1:abort_on_error=0:exitcode=66:log_path=$reports/report:second_deadlock_stack=1:suppressions=$suppressions/tsan.supp:print_suppressions=0"
        run_tests "$dir" "$reports" -L "$labels"
      ) || status=1
      ;;
    *)
      echo "sanitize.sh: unknown sanitizer '$sanitizer' (address or thread)" >&2
      exit 2
      ;;
  esac
done
exit "$status"
