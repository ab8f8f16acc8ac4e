"""On the team database a queued reply is claimed for sending by one console only: a
reply another console is claiming is skipped at once (FOR UPDATE SKIP LOCKED), and one
already claimed is never claimed again."""

from __future__ import annotations

import time

import psycopg

from console.accounts import queries as accounts
from console.app.runtime import open_runtime
from console.replies import outbox
from console.sync.ingest import ingest
from tests.builders import make_post
from tests.team_db import write_team_settings


def _queued(runtime, count: int) -> list[int]:
    store = runtime.workspace.store
    account = accounts.add_account(store, "mastodon", "http://127.0.0.1:9")
    mentions = ingest(store, runtime.triager, account.id,
                      [make_post(n) for n in range(1, count + 1)], None, None).added
    return [outbox.queue_reply(store, m, f"Hola {m}", "public", agent="ana").id
            for m in mentions]


def test_a_reply_another_console_is_claiming_is_skipped_then_claimed_once(tmp_path,
                                                                          team_url):
    write_team_settings(tmp_path / "ws", team_url)
    rt = open_runtime(tmp_path / "ws", memory_secrets=True)
    try:
        [reply] = _queued(rt, 1)
        store = rt.workspace.store
        other = psycopg.connect(team_url)  # another console, in the middle of its claim
        other.execute("SELECT id FROM reply WHERE id = %s FOR UPDATE", (reply,))
        started = time.monotonic()
        assert outbox.mark_sending(store, reply, "queued", 0) is False
        assert time.monotonic() - started < 2  # skipped, not waited for
        other.rollback()  # that console gave up: the reply is free again
        other.close()
        assert outbox.mark_sending(store, reply, "queued", 0) is True
        assert outbox.mark_sending(store, reply, "queued", 0) is False  # claimed once
        info = outbox.get_reply(reply)
        assert info is not None and (info.state, info.attempts) == ("sending", 1)
    finally:
        rt.close()


_CONSOLE = """
import json, sys, time
from pathlib import Path
from console.app.runtime import open_runtime
from console.replies import outbox
rt = open_runtime(Path(sys.argv[1]), memory_secrets=True)
replies = json.loads(sys.argv[2])
while time.time() < float(sys.argv[3]):
    time.sleep(0.001)
won = [r for r in replies if outbox.mark_sending(rt.workspace.store, r, "queued", 0)]
rt.close()
print(json.dumps(won))
"""


def test_two_consoles_claiming_at_once_claim_each_reply_once(tmp_path, team_url):
    import json
    import os
    import subprocess
    import sys

    write_team_settings(tmp_path / "ws", team_url)
    rt = open_runtime(tmp_path / "ws", memory_secrets=True)
    try:
        replies = _queued(rt, 60)
    finally:
        rt.close()
    at = time.time() + 4  # both start claiming at this moment
    consoles = []
    for name in ("a", "b"):
        write_team_settings(tmp_path / name, team_url)
        consoles.append(subprocess.Popen(
            [sys.executable, "-c", _CONSOLE, str(tmp_path / name), json.dumps(replies),
             str(at)], stdout=subprocess.PIPE, text=True, env=dict(os.environ)))
    won = [json.loads(c.communicate(timeout=60)[0]) for c in consoles]
    assert sorted(won[0] + won[1]) == sorted(replies)  # every reply claimed exactly once
    with psycopg.connect(team_url) as con:
        assert con.execute("SELECT max(attempts), min(attempts) FROM reply").fetchone() == (1, 1)
