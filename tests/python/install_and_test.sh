#!/usr/bin/env bash
# Installs the Python module as its users do (a venv over Debian's Python and
# its python3-* packages, pip from the source tree, nothing from the network)
# and runs its tests with pytest against the vocabcount command.
# Usage: install_and_test.sh SOURCE_DIR VENV_DIR VOCABCOUNT_COMMAND
set -euo pipefail
source_dir=$1 venv=$2 command=$3
rm -rf "$venv"
/usr/bin/python3 -m venv --system-site-packages "$venv"
"$venv/bin/pip" install --quiet --no-build-isolation --no-index "$source_dir"
# From elsewhere than the source tree, so that the installed package is the
# one imported.
cd "$venv"
VOCABCOUNT_CLI=$command "$venv/bin/python" -m pytest -q -p no:cacheprovider \
  "$source_dir/tests/python"
