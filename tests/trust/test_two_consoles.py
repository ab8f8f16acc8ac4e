"""Two consoles on one workspace cooperate: no corruption, no lost write, no "database is
locked" traceback, and a reply is sent once however many consoles run the outbox."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from console.accounts import queries as accounts
from console.feed.queries import FeedFilter
from console.replies import outbox
from console.sync.ingest import ingest
from console.trust.sender_lock import SenderLock
from tests.builders import make_author, make_post

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("console_child.py")


def _env(ws: Path) -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=f"{ROOT}{os.pathsep}{ROOT / 'tests' / 'cli'}",
                POSVENTA_WORKSPACE=str(ws), PYTHON_KEYRING_BACKEND="memory_keyring.Keyring")


def _check(db: Path) -> tuple[int, int]:
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        total = con.execute("SELECT count(*) FROM mention").fetchone()[0]
        unique = con.execute("SELECT count(DISTINCT channel || ':' || remote_id) "
                             "FROM mention").fetchone()[0]
        return int(total), int(unique)
    finally:
        con.close()


def test_cli_syncs_while_the_window_writes_and_nothing_is_lost(connected):
    rt = connected
    ws = rt.workspace.path
    account_id = rt.extras["account_id"]
    batches, per_batch = 40, 25
    errors: list[BaseException] = []

    def window_writes() -> None:  # what the window's engine does while the CLI runs
        try:
            for b in range(batches):
                posts = [make_post(100_000 + b * per_batch + i, f"queja número {b}-{i}",
                                   author=make_author(b % 7))
                         for i in range(per_batch)]
                ingest(rt.workspace.store, rt.triager, account_id, posts, "window-test",
                       str(b))
        except BaseException as exc:  # reported below, not lost in the thread
            errors.append(exc)

    writer = threading.Thread(target=window_writes)
    writer.start()
    runs = [subprocess.Popen([sys.executable, "-m", "console", "sync", "--once"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=_env(ws)) for _ in range(2)]
    outputs = [run.communicate(timeout=120) for run in runs]
    writer.join(120)
    assert errors == []
    for run, (out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err
        assert "Traceback" not in err and "locked" not in err.lower(), err
        # One console pulls an account at a time: the other says so and pulls nothing.
        assert "new," in out or "pulled by another console" in out, out
    assert any("new," in out for out, _err in outputs)
    # Every write of both processes is there once; the sandbox's posts exactly once each.
    total, unique = _check(rt.workspace.db_path)
    assert total == unique
    mine = rt.feed.count(FeedFilter(include_spam=True, search="queja número"))
    assert mine == batches * per_batch
    fresh = rt.engine.sync_once()  # the window's own pull finds nothing the CLI missed
    assert fresh[0].added == 0 and fresh[0].error == ""
    assert accounts.get_cursor(account_id, "window-test") == str(batches - 1)


def test_two_consoles_sending_at_once_post_each_reply_once(connected):
    rt = connected
    sandbox, account_id = rt.extras["sandbox"], rt.extras["account_id"]
    rt.engine.sync_once()
    rows = rt.feed.page(FeedFilter(include_spam=True), limit=6)
    replies = [rt.replies.send(row.id, f"Respuesta {n} del equipo", delay=0)
               for n, row in enumerate(rows)]
    # Each post takes the network 0.4 s: both consoles' passes overlap for seconds.
    sandbox.inject_fault("/api/v1/statuses", kind="delay", delay=0.4, count=len(replies) * 3)
    children = [subprocess.Popen([sys.executable, str(CHILD), str(rt.workspace.path),
                                  str(account_id)], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 env=_env(rt.workspace.path)) for _ in range(2)]
    for child in children:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    for child in children:
        out, err = child.communicate(timeout=90)
        assert child.returncode == 0 and "done" in out, err
        assert "Traceback" not in err
    got = sandbox.received()
    keys = [r.idempotency_key for r in replies]
    assert len(got["statuses"]) == len(replies)
    assert {key: got["keys"].get(key) for key in keys} == dict.fromkeys(keys, 1)  # sent once
    assert all(outbox.replies_for(r.mention_id)[0].state == "sent" for r in replies)


def _console(rt, account_id: int) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, str(CHILD), str(rt.workspace.path),
                              str(account_id)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=_env(rt.workspace.path))
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    assert child.stdin is not None
    child.stdin.write("go\n")
    child.stdin.flush()
    return child


def test_a_reply_in_flight_in_one_console_is_not_resent_by_the_other(connected):
    rt = connected
    sandbox, account_id = rt.extras["sandbox"], rt.extras["account_id"]
    rt.engine.sync_once()
    row = rt.feed.page(FeedFilter(include_spam=True), limit=1)[0]
    reply = rt.replies.send(row.id, "Hola, ya lo estamos mirando", delay=0)
    sandbox.inject_fault("/api/v1/statuses", kind="delay", delay=2.5, count=2)
    first = _console(rt, account_id)
    deadline = time.monotonic() + 20
    while outbox.replies_for(row.id)[0].state != "sending":
        assert time.monotonic() < deadline
        time.sleep(0.02)
    # "sending" looks like a crash leftover, but the first console is alive and sending it.
    second = _console(rt, account_id)
    for child in (first, second):
        out, err = child.communicate(timeout=60)
        assert child.returncode == 0 and "done" in out and "Traceback" not in err, err
    assert sandbox.received()["keys"] == {reply.idempotency_key: 1}
    assert outbox.replies_for(row.id)[0].state == "sent"


def test_a_claim_taken_elsewhere_is_not_sent_again(connected):
    rt = connected
    rt.engine.sync_once()
    row = rt.feed.page(FeedFilter(include_spam=True), limit=1)[0]
    reply = rt.replies.send(row.id, "Hola, lo miramos", delay=0)
    store = rt.workspace.store
    assert outbox.mark_sending(store, reply.id, "queued", 0)  # console A claims it
    assert not outbox.mark_sending(store, reply.id, "queued", 0)  # console B read the same
    assert not outbox.mark_sending(store, reply.id, "sending", 0)
    assert outbox.cancel_queued(store, reply.id) is False  # in flight: no undo


def test_only_one_sender_holds_the_lock(tmp_path):
    first, second = SenderLock(tmp_path / "outbox.lock"), SenderLock(tmp_path / "outbox.lock")
    with first.hold() as mine:
        assert mine
        with second.hold(wait=0.2) as theirs:
            assert not theirs
    with second.hold() as theirs:
        assert theirs
    assert oct((tmp_path / "outbox.lock").stat().st_mode & 0o777) == "0o600"
    with SenderLock(None).hold() as alone:
        assert alone
