"""A console killed with SIGKILL in the middle of syncing, again and again, loses nothing.

The sandbox runs in this test process; a child console syncs one account in a loop while
new posts arrive, and is killed at random moments (sometimes while still starting up).
After every kill the database opens, passes SQLite's integrity check, and still holds
every mention stored before the kill. At the end one clean sync brings exactly the posts
not stored yet: the workspace then holds what a fresh workspace gets from the same
network, with no duplicate.
"""

from __future__ import annotations

import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from console.accounts import queries as accounts
from console.app.runtime import open_runtime
from console.app.workspace import Workspace
from console.sandbox import SandboxServer

CHILD = Path(__file__).with_name("ingest_child.py")
ROOT = Path(__file__).resolve().parents[2]
MINI_SCRIPT = ROOT / "tests" / "channels" / "fixtures" / "mini_script.json"
KILLS = 15
TIME_BUDGET = 35.0  # seconds for the kill rounds; the whole test stays under 40 s


def _stored(db: Path) -> list[tuple[str, str]]:
    con = sqlite3.connect(db, timeout=10)
    try:
        return con.execute("SELECT channel, remote_id FROM mention").fetchall()
    finally:
        con.close()


def _check_sound(db: Path) -> None:
    con = sqlite3.connect(db, timeout=10)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        dupes = con.execute("SELECT channel, remote_id FROM mention GROUP BY 1, 2 "
                            "HAVING count(*) > 1").fetchall()
        assert dupes == []
        # A mention and its search row are written in one transaction: both or neither.
        mentions = con.execute("SELECT count(*) FROM mention").fetchone()[0]
        indexed = con.execute("SELECT count(*) FROM mention_fts").fetchone()[0]
        assert indexed == mentions
    finally:
        con.close()


def _setup_workspace(path: Path, sandbox_url: str) -> int:
    rt = open_runtime(path, memory_secrets=True)
    try:
        account = accounts.add_account(rt.workspace.store, "mastodon", sandbox_url)
        accounts.add_watch(rt.workspace.store, "ventalia")
        return account.id
    finally:
        rt.close()


def _clean_sync(path: Path, account_id: int) -> set[tuple[str, str]]:
    rt = open_runtime(path, memory_secrets=True)
    try:
        rt.workspace.secrets.set(account_id, "token", "t")
        for report in rt.engine.sync_once():
            assert report.error == ""
        return set(_stored(rt.workspace.db_path))
    finally:
        rt.close()


def _wait_for_sync(child: subprocess.Popen[str], timeout: float) -> bool:
    """Read the child's lines until one says a sync finished; False if none in time."""
    assert child.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([child.stdout], [], [], deadline - time.monotonic())
        if not ready:
            break
        line = child.stdout.readline()
        assert "error" not in line, line
        if line.startswith("synced"):
            return True
        if not line:
            break
    return False


def _spawn(ws: Path, account_id: int) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, str(CHILD), str(ws), str(account_id)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=env)


@pytest.mark.slow
def test_sigkill_during_sync_never_loses_or_duplicates(tmp_path):
    seed = int(os.environ.get("KILL_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    print(f"KILL_SEED={seed}")
    # The mini script, with a rate limit the tight sync loop cannot reach.
    sandbox = SandboxServer(MINI_SCRIPT, speed=1000, release_all=True, rate_limit=1_000_000)
    sandbox.start()
    try:
        ws = tmp_path / "ws"
        account_id = _setup_workspace(ws, sandbox.url)
        db = ws / "posventa.db"
        added: list[str] = []
        kills_after_sync = 0
        n = 0
        started = time.monotonic()
        for _round in range(KILLS):
            if time.monotonic() - started > TIME_BUDGET:
                break
            for _ in range(rng.randint(1, 3)):
                n += 1
                added.append(sandbox.add_post("lucia", f"@ventalia pedido {n} sigue sin llegar"))
            child = _spawn(ws, account_id)
            # Every other round, until one has, waits for a finished sync before the kill:
            # on a loaded machine the random delays alone may all land before the first.
            wait_for_sync = kills_after_sync == 0 and _round % 2 == 1
            synced_before_kill = False
            try:
                if not wait_for_sync and rng.random() < 0.2:
                    time.sleep(rng.uniform(0.0, 0.4))  # while it starts up
                else:
                    assert child.stdout is not None
                    ready, _, _ = select.select([child.stdout], [], [], 15)
                    assert ready, "the child console did not start"
                    assert child.stdout.readline().strip() == "ready"
                    if wait_for_sync:
                        synced_before_kill = _wait_for_sync(child, 60)
                    # Its first sync loads triage (about a second), then a sync takes
                    # about 0.1 s: most kills land in or between writing batches.
                    time.sleep(rng.uniform(0.4, 1.0))
                    n += 1
                    added.append(sandbox.add_post("lucia", f"@ventalia pedido {n} llegó roto"))
                    time.sleep(rng.uniform(0.0, 0.6))
                seen = set(_stored(db)) if db.exists() else set()
            finally:
                child.send_signal(signal.SIGKILL)
                child.wait(10)
            assert child.returncode == -signal.SIGKILL
            rest = child.stdout.read() if child.stdout else ""
            kills_after_sync += synced_before_kill or "synced" in rest
            assert "error" not in rest, rest

            _check_sound(db)
            workspace = Workspace(ws, memory_secrets=True)  # opens: not moved aside
            workspace.close()
            assert seen <= set(_stored(db)), "mentions stored before the kill were lost"

        assert kills_after_sync >= 1, "no kill landed after a completed sync"
        before_last = set(_stored(db))
        final = _clean_sync(ws, account_id)
        _check_sound(db)
        fresh = _clean_sync(tmp_path / "fresh", _setup_workspace(tmp_path / "fresh",
                                                                 sandbox.url))
        # Everything the account can reach is stored once: no loss, no duplicate.
        assert final == fresh
        assert len(_stored(db)) == len(fresh)
        assert {("mastodon", status_id) for status_id in added} <= final
        assert before_last <= final
    finally:
        sandbox.stop()
