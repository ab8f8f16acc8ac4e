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
# A throwaway PostgreSQL for the team-mode tests: trust for the admin user on 127.0.0.1,
# a password (scram) for the role the wrong-password test uses; no fsync (it dies with
# the run). Port: $POSVENTA_TEST_PG_PORT or 5433.
pgport=${POSVENTA_TEST_PG_PORT:-5433}
# A port another server already holds (a developer's own PostgreSQL) is skipped.
while (exec 3<>"/dev/tcp/127.0.0.1/$pgport") 2>/dev/null; do pgport=$((pgport + 1)); done
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sh -c "$1"; fi; }
mkdir -p "$tmp/pg"
chmod 711 "$tmp"  # the postgres user passes through to its own folder
if [ "$(id -u)" -eq 0 ]; then chown postgres "$tmp/pg"; fi
as_postgres "$pgbin/initdb -D $tmp/pg/data -A trust -U postgres >/dev/null"
sed -i '1i host all posventa_pw 127.0.0.1/32 scram-sha-256' "$tmp/pg/data/pg_hba.conf"
as_postgres "$pgbin/pg_ctl -D $tmp/pg/data -l $tmp/pg/log -w -o '-p $pgport -k $tmp/pg \
  -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off' start >/dev/null"
trap 'as_postgres "$pgbin/pg_ctl -D $tmp/pg/data -m immediate stop" >/dev/null 2>&1; rm -rf "$tmp"' EXIT
export POSVENTA_TEST_PG="postgresql://postgres@127.0.0.1:$pgport/postgres"
export QT_QPA_PLATFORM=offscreen POSVENTA_REQUIRE_KEYRING=1
export XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/run" XDG_CONFIG_HOME="$tmp/config"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME"
chmod 700 "$XDG_RUNTIME_DIR"
echo "== pytest"
dbus-run-session -- sh -c '
  printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec .venv/bin/python -m pytest "$@"
' pytest "$@"
