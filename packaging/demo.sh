#!/usr/bin/env bash
# Install Posventa into ./.venv and start it on a fresh demo workspace (the built-in sandbox).
# Usage: bash packaging/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/system-packages.sh run
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
.venv/bin/python packaging/build_translations.py  # .ts -> .qm
exec .venv/bin/posventa --demo "$@"
