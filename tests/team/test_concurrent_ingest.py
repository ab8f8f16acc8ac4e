"""Two consoles storing the same posts at the same moment into the team database: every
post once, and neither console's batch fails."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import psycopg

from console.accounts import queries as accounts
from console.app.runtime import open_runtime
from tests.team_db import write_team_settings

_CONSOLE = """
import json, sys, time
from pathlib import Path
from console.app.runtime import open_runtime
from console.sync.ingest import ingest
from tests.builders import make_author, make_post
rt = open_runtime(Path(sys.argv[1]), memory_secrets=True)
posts = [make_post(n, f"pedido {n} sin llegar", author=make_author(n % 7))
         for n in range(1, 121)]
while time.time() < float(sys.argv[3]):
    time.sleep(0.001)
added = []
for start in range(0, len(posts), 20):  # batches, as a pull stores them
    added += ingest(rt.workspace.store, rt.triager, int(sys.argv[2]), posts[start:start + 20],
                    None, None).added
rt.close()
print(json.dumps(len(added)))
"""


def test_two_consoles_storing_the_same_posts_at_once_store_each_once(tmp_path, team_url):
    write_team_settings(tmp_path / "ws", team_url)
    rt = open_runtime(tmp_path / "ws", memory_secrets=True)
    try:
        account = accounts.add_account(rt.workspace.store, "mastodon", "http://127.0.0.1:9")
    finally:
        rt.close()
    at = time.time() + 4
    consoles = []
    for name in ("a", "b"):
        write_team_settings(tmp_path / name, team_url)
        consoles.append(subprocess.Popen(
            [sys.executable, "-c", _CONSOLE, str(tmp_path / name), str(account.id), str(at)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ)))
    results = [c.communicate(timeout=120) for c in consoles]
    for console, (_out, err) in zip(consoles, results, strict=True):
        assert console.returncode == 0, err[-2000:]
    assert sum(json.loads(out) for out, _err in results) == 120  # each post added once
    with psycopg.connect(team_url) as con:
        assert con.execute("SELECT count(*), count(DISTINCT remote_id) FROM mention"
                           ).fetchone() == (120, 120)
        assert con.execute("SELECT count(*) FROM author").fetchone()[0] == 7
        assert con.execute("SELECT count(*) FROM mention_fts").fetchone()[0] == 120
