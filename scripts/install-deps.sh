#!/usr/bin/env bash
# Installs the Debian 12 packages that building and testing vocabcount need,
# only those that are missing (with sudo when not run as root). EXTRA_PACKAGES
# adds more (the fuzzing script adds clang). libisal-dev decodes gzip inputs;
# zlib1g-dev only writes the tests' gzip data. unicode-data, manpages-ja,
# manpages-zh and libglib2.0-data are test data (Unicode's conformance files;
# Chinese and Japanese text, and GLib's Thai messages beside those of apt and
# dpkg, for the word exactness tests); python3-regex is the pre-tokenizers'
# reference, and sentencepiece with python3-sentencepiece the tokenizer
# trainer their tests feed. pybind11, python3-dev, python3-venv, python3-pip,
# python3-setuptools and python3-wheel build and install the Python module
# (pip install --no-build-isolation --no-index .); python3-pytest,
# python3-gensim and python3-sentencepiece test it.
set -euo pipefail

packages=(g++ cmake make pkg-config libicu-dev libabsl-dev libtbb-dev libsimdjson-dev catch2 libcli11-dev
          libisal-dev zlib1g-dev libzstd-dev libbz2-dev liblzma-dev gzip zstd bzip2 xz-utils
          util-linux time unicode-data manpages-ja manpages-zh libglib2.0-data
          python3 python3-regex sentencepiece python3-sentencepiece
          pybind11-dev python3-pybind11 python3-dev python3-venv python3-pip python3-setuptools
          python3-wheel python3-pytest python3-gensim ${EXTRA_PACKAGES:-})
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
