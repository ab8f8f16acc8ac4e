"""`posventa feed` prints a header row, so the columns can be read (and cut by name)."""

from __future__ import annotations

from console.accounts import queries as accounts
from console.app.cli.main import main
from console.app.runtime import open_runtime
from console.sync.ingest import ingest
from tests.builders import make_post


def test_feed_prints_a_header_row_above_the_mentions(tmp_path, capsys):
    ws = tmp_path / "ws"
    rt = open_runtime(ws, memory_secrets=True)
    try:
        account = accounts.add_account(rt.workspace.store, "mastodon", "http://127.0.0.1:9",
                                       handle="ventalia", remote_id="1")
        ingest(rt.workspace.store, rt.triager, account.id,
               [make_post(1, "@ventalia hola, ¿qué tal el catálogo?")], None, None,
               "ventalia", "1")
    finally:
        rt.close()
    assert main(["--workspace", str(ws), "feed"]) == 0
    header, *rows = capsys.readouterr().out.splitlines()
    assert header.split("\t") == ["id", "when", "channel", "author", "status", "priority",
                                  "text"]
    assert len(rows) == 1 and len(rows[0].split("\t")) == 7
