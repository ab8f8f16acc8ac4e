"""Schema v5: posts and authors are keyed by (channel, server, remote_id)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from console.app.workspace import Workspace
from console.channels.base import server_of
from console.store.migrations import LATEST

FIXTURES = Path(__file__).parent / "fixtures"


def test_a_v4_workspace_gets_the_server_of_its_account(tmp_path):
    folder = tmp_path / "ws"
    folder.mkdir()
    shutil.copy(FIXTURES / "schema_v4.sqlite", folder / "posventa.db")
    ws = Workspace(folder, memory_secrets=True)
    try:
        assert ws.migrated[:2] == (4, LATEST)
        db = ws.store.db
        assert {r[0] for r in db.execute_sql("SELECT server FROM mention")} == {
            "social.example"}
        assert {r[0] for r in db.execute_sql("SELECT server FROM author")} == {
            "social.example"}
        # The same status id from another server is a different post now.
        db.execute_sql(
            "INSERT INTO mention (account_id, channel, server, remote_id, url, author_id, "
            "text, html, created_at, fetched_at, source, sources, visibility, tagged, lang, "
            "sentiment, sentiment_label, complaint, reason, relevance, priority, "
            "priority_reasons, spam, status, raw, feed_key) SELECT account_id, channel, "
            "'other.example', remote_id, url, author_id, text, html, created_at, fetched_at, "
            "source, sources, visibility, tagged, lang, sentiment, sentiment_label, "
            "complaint, reason, relevance, priority, priority_reasons, spam, status, raw, "
            "feed_key + 1 FROM mention WHERE id = 1")
        with pytest.raises(Exception, match="UNIQUE"):
            db.execute_sql("INSERT INTO mention SELECT * FROM mention WHERE id = 1")
    finally:
        ws.close()


@pytest.mark.parametrize("base_url,kind,expected", [
    ("https://Mastodon.Social", "mastodon", "mastodon.social"),
    ("http://127.0.0.1:8001/", "mastodon", "127.0.0.1:8001"),
    ("https://blog.example/feed.xml?x=1", "feed", "blog.example"),
    ("https://user@blog.example", "wordpress", "blog.example"),
    ("https://bsky.social", "bluesky", "bsky.app"),
])
def test_the_migration_computes_the_server_as_the_channels_do(tmp_path, base_url, kind,
                                                              expected):
    folder = tmp_path / "ws"
    folder.mkdir()
    shutil.copy(FIXTURES / "schema_v4.sqlite", folder / "posventa.db")
    with sqlite3.connect(folder / "posventa.db") as con:
        con.execute("UPDATE account SET base_url = ?, kind = ?", (base_url, kind))
        if kind == "bluesky":
            con.execute("UPDATE mention SET channel = 'bluesky'")
            con.execute("UPDATE author SET channel = 'bluesky'")
    ws = Workspace(folder, memory_secrets=True)
    try:
        [(server,)] = ws.store.db.execute_sql("SELECT DISTINCT server FROM mention").fetchall()
        assert server == expected
        if kind != "bluesky":
            assert server_of(base_url) == expected
    finally:
        ws.close()
