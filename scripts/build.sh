#!/usr/bin/env bash
# Installs what is missing and builds a Release tree in build/ (or $BUILD_DIR):
# every target, or only the targets named (scripts/build.sh vocabcount_cli).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
build_dir=${BUILD_DIR:-build}
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release
targets=()
for target in "$@"; do targets+=(--target "$target"); done
cmake --build "$build_dir" -j "$(nproc)" "${targets[@]}"
