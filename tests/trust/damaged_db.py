"""A real workspace whose database is damaged in the middle: leaf pages of ``mention``
overwritten, as a failing disk or a bad copy leaves it (the first pages stay sound, so
opening's quick look passes)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from console.accounts import queries as accounts
from console.app.runtime import open_runtime
from console.sync.ingest import ingest
from tests.builders import make_post


def filled_workspace(folder: Path, account_url: str, posts: int = 400) -> int:
    """A closed workspace with one Mastodon account (on ``account_url``) and ``posts``
    stored mentions; returns the account id."""
    rt = open_runtime(folder, memory_secrets=True)
    try:
        account = accounts.add_account(rt.workspace.store, "mastodon", account_url,
                                       handle="ventalia", remote_id="1",
                                       settings={"max_characters": 500, "instance": "x"})
        batch = [make_post(n, f"mi pedido {n} de ventalia no llega, ayuda por favor " * 3)
                 for n in range(1, posts + 1)]
        ingest(rt.workspace.store, rt.triager, account.id, batch, "mentions", "1")
        return account.id
    finally:
        rt.close()


def damage_mention_pages(database: Path, pages: int = 2) -> list[int]:
    """Overwrite ``pages`` leaf pages from the middle of the ``mention`` table; their
    numbers."""
    con = sqlite3.connect(database)
    try:
        size = int(con.execute("PRAGMA page_size").fetchone()[0])
        leaves = [int(r[0]) for r in con.execute(
            "SELECT pageno FROM dbstat WHERE name = 'mention' AND pagetype = 'leaf' "
            "ORDER BY pageno")]
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    assert len(leaves) > pages + 4, "too few pages to damage the middle"
    chosen = leaves[len(leaves) // 2: len(leaves) // 2 + pages]
    with open(database, "r+b") as fh:
        for page in chosen:
            fh.seek((page - 1) * size)
            fh.write(bytes([0x0D]) + b"\xff" * (size - 1))  # a leaf header with garbage
    return chosen
