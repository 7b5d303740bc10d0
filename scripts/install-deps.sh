#!/usr/bin/env bash
# Installs the Debian 12 packages vocabcount needs, only those that are missing
# (with sudo when not run as root): the build set by default, what building the
# command and its man page needs; with --tests (or VOCABCOUNT_TESTS=1) the test
# set too, what the whole suite needs. EXTRA_PACKAGES adds more (the fuzzing
# script adds clang, .ci/run Slurm).
#
# The build set: the compiler and CMake, the libraries the command links
# (libisal-dev decodes gzip inputs), help2man, which writes the man page from
# --help, and catch2 and zlib1g-dev, which configuring the default tree needs
# even when only the command is built (the test suite is configured with it;
# zlib only writes the tests' gzip data).
#
# The test set: the compressors the tests run; util-linux (script, for the
# progress line under a pseudo-terminal), time and man-db (the man page test);
# unicode-data, manpages-ja, manpages-zh and libglib2.0-data are test data
# (Unicode's conformance files; Chinese and Japanese text, and GLib's Thai
# messages beside those of apt and dpkg, for the word exactness tests);
# python3-regex is the pre-tokenizers' reference, and sentencepiece with
# python3-sentencepiece the tokenizer trainer their tests feed. pybind11,
# python3-dev, python3-venv, python3-pip, python3-setuptools and python3-wheel
# build and install the Python module (pip install --no-build-isolation
# --no-index .); python3-pytest, python3-gensim and python3-sentencepiece test
# it; bash runs the shell tests.
set -euo pipefail

build_packages=(g++ cmake make pkg-config libicu-dev libabsl-dev libtbb-dev libsimdjson-dev
                catch2 libcli11-dev libisal-dev zlib1g-dev libzstd-dev libbz2-dev liblzma-dev
                help2man)
test_packages=(gzip zstd bzip2 xz-utils util-linux time man-db bash
               unicode-data manpages-ja manpages-zh libglib2.0-data
               python3 python3-regex sentencepiece python3-sentencepiece
               pybind11-dev python3-pybind11 python3-dev python3-venv python3-pip
               python3-setuptools python3-wheel python3-pytest python3-gensim)

with_tests=${VOCABCOUNT_TESTS:-0}
for argument in "$@"; do
  case $argument in
    --tests) with_tests=1 ;;
    --list)
      # The two sets, one per line, for tools that check what is documented.
      echo "build: ${build_packages[*]}"
      echo "tests: ${test_packages[*]}"
      exit 0
      ;;
    *)
      echo "usage: scripts/install-deps.sh [--tests] [--list]" >&2
      exit 2
      ;;
  esac
done

packages=("${build_packages[@]}")
if [[ $with_tests == 1 ]]; then
  packages+=("${test_packages[@]}")
fi
# Word splitting is wanted here: EXTRA_PACKAGES is a space-separated list.
# shellcheck disable=SC2206
packages+=(${EXTRA_PACKAGES:-})
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if ((${#missing[@]} == 0)); then
  exit 0
fi
echo "installing: ${missing[*]}" >&2
as_root=()
if [[ $(id -u) -ne 0 ]]; then
  as_root=(sudo)
fi
"${as_root[@]}" apt-get update -q
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -q --no-install-recommends "${missing[@]}"
