"""Two consoles on one team database, as real processes, against the sandbox network.

Each console is its own workspace folder connected with ``posventa team connect URL
--password-stdin``; every step runs ``python -m console`` as a user would. Only the first
holds the sandbox account's token at first: the second sees the shared account and its
feed, claims a case, and queues a reply that the first sends exactly once. Then the second
signs in to the shared account too: both syncing at once store nothing twice, and killing
the pulling console (``kill -9``) hands the pull to the other within a minute.

Needs a real PostgreSQL (``POSVENTA_TEST_PG``) and a real Secret Service (tests/run.sh).
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "sandbox-token"

pytestmark = pytest.mark.slow


def run(ws: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """``posventa --workspace WS ARGS`` in a new process (the session's keyring)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("POSVENTA_WORKSPACE", None)
    return subprocess.run([sys.executable, "-m", "console", "--workspace", str(ws), *args],
                          input=stdin, text=True, capture_output=True, env=env, timeout=90)


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


class Watcher:
    """``posventa sync`` (no --once) running in the background; its lines in a queue."""

    def __init__(self, ws: Path) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "console", "--workspace", str(ws), "sync"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, wanted: str, timeout: float) -> list[str]:
        """Lines up to the first holding ``wanted``; fails after ``timeout`` seconds."""
        seen: list[str] = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                continue
            seen.append(line)
            assert "Traceback" not in line, seen
            if wanted in line:
                return seen
        raise AssertionError(f"no {wanted!r} within {timeout} s: {seen}")

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)


def feed_rows(ws: Path) -> list[tuple[str, ...]]:
    """(id, channel, author, text) of every mention the feed shows (the time is relative)."""
    rows = [line.split("\t") for line in ok(run(ws, "feed", "--limit", "500")).splitlines()]
    return sorted((r[0], r[2], r[3], r[-1]) for r in rows if len(r) > 4)


def tune(ws: Path) -> None:
    """Poll every 3 s and send replies at once, so the test runs in seconds (local
    settings of this console)."""
    path = ws / "settings.json"
    data = json.loads(path.read_text())
    data.update(sync_interval=3.0, outbox_delay=0.0)
    path.write_text(json.dumps(data))


def test_two_consoles_share_one_team(tmp_path, password_url, mini_sandbox):
    url, password = password_url
    first, second = tmp_path / "first", tmp_path / "second"
    for ws in (first, second):
        connected = ok(run(ws, "team", "connect", url, "--password-stdin",
                           stdin=password + "\n"))
        assert password not in connected
        assert password not in (ws / "settings.json").read_text()
        tune(ws)

    added = ok(run(first, "accounts", "add", "mastodon", "--instance", mini_sandbox.url,
                   "--token-stdin", stdin=TOKEN + "\n"))
    assert "@ventalia" in added
    ok(run(first, "watch", "add", "ventalia"))
    # The second console added nothing, yet lists the shared account.
    account_line = ok(run(second, "accounts", "list")).splitlines()[0]
    assert "mastodon\t@ventalia" in account_line
    account_id = account_line.split("\t")[0]

    # The second console has no token: it pulls nothing, and says why.
    lone = run(second, "sync", "--once")
    assert "Traceback" not in lone.stderr
    assert feed_rows(second) == []
    assert "new" in ok(run(first, "sync", "--once"))
    shared = feed_rows(first)
    assert shared and feed_rows(second) == shared

    # A case (opened by the first's triage) the second claims, the first cannot claim
    # without --take-over.
    mention_id = shared[0][0]
    cases = ok(run(second, "cases", "list", "--queue", "all")).splitlines()
    assert cases and cases == ok(run(first, "cases", "list", "--queue", "all")).splitlines()
    case_id = cases[0].split("\t")[0]
    assert "case " + case_id + " claimed by Otra" in ok(
        run(second, "cases", "--agent", "Otra", "claim", case_id))
    refused = run(first, "cases", "--agent", "Uno", "claim", case_id)
    assert refused.returncode != 0
    assert f"case {case_id} is claimed by Otra" in refused.stderr
    assert "--take-over" in refused.stderr and "Traceback" not in refused.stderr
    assert "claimed by Otra" in ok(run(first, "cases", "show", case_id))
    assert f"case {case_id} claimed by Uno" in ok(
        run(first, "cases", "--agent", "Uno", "claim", case_id, "--take-over"))
    assert "claimed by Uno" in ok(run(second, "cases", "show", case_id))

    # A reply queued by the second console leaves once, sent by the first.
    assert "queued" in ok(run(second, "reply", mention_id, "--text", "Hola, lo miramos ya"))
    run(second, "sync", "--once")  # no token here: it leaves the reply queued
    assert mini_sandbox.received()["statuses"] == []
    assert "\tqueued\t" in ok(run(first, "outbox", "list"))
    ok(run(first, "sync", "--once"))
    ok(run(first, "sync", "--once"))
    sent = mini_sandbox.received()["statuses"]
    assert [s["text"] for s in sent] == ["Hola, lo miramos ya"]
    assert [s["times_seen"] for s in sent] == [1]
    assert "sent" in ok(run(second, "outbox", "list"))

    # The second signs in to the shared account; both sync at the same moment.
    ok(run(second, "accounts", "add", "mastodon", "--account", account_id, "--token-stdin",
           stdin=TOKEN + "\n"))
    for n in range(5):
        mini_sandbox.add_post("marta", f"@ventalia ventalia pedido {n} sin llegar")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    both = [subprocess.Popen([sys.executable, "-m", "console", "--workspace", str(ws), "sync",
                              "--once"], text=True, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=env) for ws in (first, second)]
    outputs = [p.communicate(timeout=90) for p in both]
    assert all("Traceback" not in err for _, err in outputs), outputs
    stored = [json.loads(line) for line in
              ok(run(second, "export", "--format", "jsonl")).splitlines()]
    remote = [(m["channel"], m["remote_id"]) for m in stored]
    assert len(set(remote)) == len(remote)  # no post stored twice
    for n in range(5):
        assert [m["text"] for m in stored].count(f"@ventalia ventalia pedido {n} sin llegar") == 1
    assert len(mini_sandbox.received()["statuses"]) == 1

    # One console pulls; kill -9 it and the other takes the pull over within a minute.
    holder = Watcher(first)
    other: Watcher | None = None
    try:
        holder.wait_for(" new, ", 30)
        other = Watcher(second)
        other.wait_for("pulled by another console", 30)
        holder.kill()
        killed_at = time.monotonic()
        mini_sandbox.add_post("lucia", "@ventalia ventalia la factura sigue mal")
        taken = other.wait_for("1 new", 60)
        assert time.monotonic() - killed_at < 60, taken
        print(f"pull handed over {time.monotonic() - killed_at:.1f} s after kill -9")
    finally:
        holder.kill()
        if other is not None:
            other.kill()
    assert any("factura sigue mal" in r[3] for r in feed_rows(first))
