#!/usr/bin/env bash
# Build Posventa's one-folder desktop bundle with PyInstaller, from a clean checkout:
#
#     bash packaging/build.sh            -> dist/posventa/posventa   (Posventa.app on macOS)
#
# It makes (or reuses) ./.venv, installs Posventa with the packaging extra (and the team
# extra, so the bundle can reach a shared PostgreSQL), compiles the translations and runs
# PyInstaller on packaging/posventa.spec. (The icons are committed; after changing the SVG,
# redraw them with packaging/render_icons.py.) Set PYTHON to choose the interpreter (3.11+) and
# VENV to build from another virtual environment. The version comes from pyproject.toml.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
venv=${VENV:-.venv}
if [ ! -x "$venv/bin/python" ] && [ ! -x "$venv/Scripts/python.exe" ]; then
  "$python" -m venv "$venv"
fi
py="$venv/bin/python"
[ -x "$py" ] || py="$venv/Scripts/python.exe"  # Git Bash on Windows
"$py" -m pip install -q --upgrade pip
"$py" -m pip install -q -e ".[packaging,team]"
if [ -f packaging/build_translations.py ]; then
  "$py" packaging/build_translations.py  # resources/translations/*.ts -> .qm
fi
start=$(date +%s)
"$py" -m PyInstaller --noconfirm --clean packaging/posventa.spec
echo "built dist/posventa in $(( $(date +%s) - start )) s ($(du -sh dist/posventa | cut -f1))"
