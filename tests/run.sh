#!/usr/bin/env bash
# Install what the tests need (Debian packages, a venv with the test extras) and run them:
# lint, type checks, then pytest with a real Secret Service (gnome-keyring on a private
# D-Bus session) and a throwaway PostgreSQL on 127.0.0.1.
# Usage: bash tests/run.sh [pytest args...]
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/system-packages.sh test
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test,packaging]"
.venv/bin/python packaging/build_translations.py  # .ts -> .qm

echo "== ruff"
.venv/bin/ruff check console tests
echo "== mypy (Qt-free packages)"
.venv/bin/mypy console --exclude 'console/ui/'

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export QT_QPA_PLATFORM=offscreen POSVENTA_REQUIRE_KEYRING=1
export XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/run" XDG_CONFIG_HOME="$tmp/config"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME"
chmod 700 "$XDG_RUNTIME_DIR"
echo "== pytest"
dbus-run-session -- sh -c '
  printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec .venv/bin/python -m pytest "$@"
' pytest "$@"
