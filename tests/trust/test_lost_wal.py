"""Deleting the write-ahead log after a crash loses its changes: the next start says so,
and a reply whose "sent" was lost is looked for on the network, never sent blindly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from console.app.workspace import Workspace
from console.replies import outbox
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
