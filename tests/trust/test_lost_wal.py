"""Deleting the write-ahead log after a crash loses its changes: the next start says so,
and a reply whose "sent" was lost is looked for on the network, never sent blindly."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from console.app.workspace import Workspace
from console.replies import outbox
from console.store import files
from console.store.models import Mention
from tests.trust.damaged_db import filled_workspace

ROOT = Path(__file__).resolve().parents[2]

# A console that records a reply as sent and stores more mentions, then dies (SIGKILL)
# with all of it in the write-ahead log.
CHILD = """
import os, signal, sys
from pathlib import Path
from console.app.workspace import Workspace
from console.replies import outbox
from console.store import files
from console.store.timeutil import utcnow
from console.sync.ingest import ingest
from console.triage import Triager
from tests.builders import make_post
ws = Workspace(Path(sys.argv[1]), memory_secrets=True)
reply_id = int(sys.argv[2])
assert outbox.mark_sending(ws.store, reply_id, "queued", 0)
outbox.mark_sent(ws.store, reply_id, "109999", "http://x/109999", utcnow())
ingest(ws.store, Triager(ws.path), 1, [make_post(n) for n in range(500, 540)], "mentions", "2")
print("written", flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_deleted_log_is_said_and_the_lost_sent_reply_is_not_resent_blindly(
        tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    filled_workspace(folder, "http://127.0.0.1:9", posts=20)
    ws = Workspace(folder, memory_secrets=True)
    reply = outbox.queue_reply(ws.store, 1, "Lo miramos ya", "public")
    ws.close()
    assert not (folder / "posventa.db-wal").exists()  # a clean close folds it in

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.run([sys.executable, "-c", CHILD, str(folder), str(reply.id)],
                           capture_output=True, text=True, env=env, timeout=60)
    assert "written" in child.stdout, child.stderr
    assert (folder / "posventa.db-wal").stat().st_size > 0
    (folder / "posventa.db-wal").unlink()  # "cleaning up" after the crash
    (folder / "posventa.db-shm").unlink(missing_ok=True)

    again = Workspace(folder, memory_secrets=True)
    try:
        [notice] = again.notices
        assert "write-ahead log (posventa.db-wal) was deleted" in notice
        assert Mention.select().count() == 20  # what the log held is gone...
        lost = outbox.get_reply(reply.id)
        assert lost.state == "sending"  # ...and the reply's outcome is unknown, not "queued"
        assert "looking on the network before sending" in lost.error
    finally:
        again.close()
    last = Workspace(folder, memory_secrets=True)
    assert last.notices == []  # said once
    last.close()


def _crash_with_a_log(folder: Path, reply_id: int) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.run([sys.executable, "-c", CHILD, str(folder), str(reply_id)],
                           capture_output=True, text=True, env=env, timeout=60)
    assert "written" in child.stdout, child.stderr
    assert (folder / "posventa.db-wal").stat().st_size > 0


def test_a_log_left_by_a_replaced_database_file_is_kept_aside_not_applied(
        tmp_path: Path) -> None:
    """posventa.db is copied over (say, from another machine) after a crash left the old
    file's log beside it: that log is not applied to the new file."""
    other = tmp_path / "other"
    filled_workspace(other, "http://127.0.0.1:9", posts=7)
    folder = tmp_path / "ws"
    filled_workspace(folder, "http://127.0.0.1:9", posts=20)
    ws = Workspace(folder, memory_secrets=True)
    reply = outbox.queue_reply(ws.store, 1, "Lo miramos ya", "public")
    ws.close()
    _crash_with_a_log(folder, reply.id)

    copy = folder / "incoming.db"
    shutil.copyfile(other / "posventa.db", copy)
    os.replace(copy, folder / "posventa.db")  # another file under the same name

    again = Workspace(folder, memory_secrets=True)
    try:
        [notice] = again.notices
        assert "was replaced while Posventa had it open" in notice
        assert Mention.select().count() == 7  # the replacement, whole, with nothing applied
    finally:
        again.close()
    [aside] = folder.glob("posventa.db-wal.of-another-file-*")
    assert aside.stat().st_size > 0
    con = sqlite3.connect(folder / "posventa.db")
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


def test_one_console_closing_does_not_speak_for_another(tmp_path: Path) -> None:
    database = tmp_path / "posventa.db"
    sqlite3.connect(database).close()
    first = files.mark_open(database)
    files.mark_open(database)  # a second console on the same workspace
    files.mark_closed(database, first)  # the first closes cleanly; the second dies
    assert files.log_lost(database)  # and its log is deleted: still noticed
    files.mark_closed(database)  # a restore clears every mark
    assert not files.log_lost(database)
    assert not files.open_marker(database).exists()


def test_a_crash_whose_log_was_kept_is_not_taken_for_a_lost_log_later(tmp_path: Path) -> None:
    """A console dies with its log (SQLite applies it at the next open), the next one closes
    cleanly: a later start must not say a log was deleted."""
    folder = tmp_path / "ws"
    filled_workspace(folder, "http://127.0.0.1:9", posts=5)
    ws = Workspace(folder, memory_secrets=True)
    reply = outbox.queue_reply(ws.store, 1, "Lo miramos ya", "public")
    ws.close()
    _crash_with_a_log(folder, reply.id)
    recovered = Workspace(folder, memory_secrets=True)
    assert recovered.notices == []
    recovered.close()
    assert not (folder / "posventa.db-wal").exists()
    later = Workspace(folder, memory_secrets=True)
    assert later.notices == []
    later.close()
