"""The posventa command, run as a user would (a real process), against the sandbox."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AUTHOR_KEYS = {"channel", "remote_id", "handle", "display_name", "url", "followers"}
EXPORT_KEYS = {"id", "channel", "remote_id", "url", "source", "account", "author", "text",
               "lang", "created_at", "in_reply_to", "thread_root", "sentiment", "complaint",
               "priority", "status"}


def run(ws: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), POSVENTA_WORKSPACE=str(ws),
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    return subprocess.run([sys.executable, "-m", "console", *args], input=stdin, text=True,
                          capture_output=True, env=env, timeout=60)


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return tmp_path / "ws"


def test_version_and_help(ws):
    assert run(ws, "--version").stdout.startswith("posventa ")
    assert "accounts" in run(ws, "--help").stdout


def test_accounts_watch_sync_export_reply_end_to_end(ws, mini_sandbox):
    # No keyring on this process: the token is held in memory and the CLI says so.
    added = run(ws, "accounts", "add", "mastodon", "--instance", mini_sandbox.url,
                "--token-stdin", stdin="sandbox-token\n")
    assert added.returncode == 0, added.stderr
    assert "@ventalia" in added.stdout and "sandbox-token" not in added.stdout + added.stderr
    listed = run(ws, "accounts", "list")
    assert "mastodon\t@ventalia" in listed.stdout

    assert run(ws, "watch", "add", "ventalia", "#ventalia", "--lang", "es").returncode == 0
    watches = run(ws, "watch", "list").stdout
    assert "keyword\tventalia\tes" in watches and "hashtag\t#ventalia" in watches

    # Without a keyring the token did not survive the previous process: sync says so.
    synced = run(ws, "sync", "--once")
    assert synced.returncode != 0
    assert "Traceback" not in synced.stderr


def test_sync_once_export_and_reply(ws, mini_sandbox):
    """sync, export and reply as separate processes, the token coming from a keyring."""
    from console.accounts import queries as accounts
    from console.app.runtime import open_runtime

    rt = open_runtime(ws, memory_secrets=True)
    accounts.add_account(rt.workspace.store, "mastodon", mini_sandbox.url)
    accounts.add_watch(rt.workspace.store, "ventalia")
    rt.close()
    synced = run_with_token(ws, "sync", "--once")
    assert synced.returncode == 0, synced.stderr
    assert "new" in synced.stdout

    out = run_with_token(ws, "export", "--format", "jsonl")
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    assert lines and set(lines[0]) >= EXPORT_KEYS and set(lines[0]["author"]) >= AUTHOR_KEYS
    assert all(x["created_at"].endswith("Z") for x in lines)

    found = run_with_token(ws, "export", "--format", "csv", "--search", "48213")
    rows = list(csv.DictReader(io.StringIO(found.stdout)))
    assert len(rows) == 1 and "48213" in rows[0]["text"]

    mention_id = rows[0]["id"]
    queued = run_with_token(ws, "reply", mention_id, "--text", "Hola, ya lo miramos")
    assert queued.returncode == 0, queued.stderr
    run_with_token(ws, "sync", "--once")
    assert [s["text"] for s in mini_sandbox.received()["statuses"]] == ["Hola, ya lo miramos"]


def run_with_token(ws: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the CLI in a process whose keyring holds the sandbox token (a test backend)."""
    env = dict(os.environ, PYTHONPATH=f"{ROOT}{os.pathsep}{ROOT / 'tests' / 'cli'}",
               POSVENTA_WORKSPACE=str(ws), PYTHON_KEYRING_BACKEND="memory_keyring.Keyring")
    return subprocess.run([sys.executable, "-m", "console", *args], text=True,
                          capture_output=True, env=env, timeout=60)


@pytest.mark.parametrize("args, message", [
    (("accounts", "add", "mastodon", "--instance", "http://example.com", "--token-stdin"),
     "only allowed for this machine"),
    (("accounts", "add", "mastodon", "--instance", "ftp://x", "--token-stdin"),
     "not a web address"),
    (("accounts", "remove", "42"), "no account 42"),
    (("reply", "7", "--text", "hola"), "no mention 7"),
    (("sync", "--once"), "no accounts"),
])
def test_errors_are_one_clear_line(ws, args, message):
    result = run(ws, *args, stdin="tok\n")
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_dead_network_is_a_clear_error(ws):
    result = run(ws, "accounts", "add", "mastodon", "--instance", "http://127.0.0.1:9",
                 "--token-stdin", stdin="tok\n")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert run(ws, "accounts", "list").stdout.startswith("no accounts")
