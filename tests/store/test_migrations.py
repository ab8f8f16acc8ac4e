"""Schema migrations: from nothing, and from a fixture database of every older version."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from console.app.workspace import Workspace, WorkspaceCorrupt, WorkspaceError
from console.feed import queries as feed
from console.feed.queries import FeedFilter
from console.store.migrations import LATEST, MIGRATIONS

FIXTURES = Path(__file__).parent / "fixtures"


def test_every_old_version_has_a_fixture():
    for version in range(1, LATEST):
        assert (FIXTURES / f"schema_v{version}.sqlite").exists(), \
            f"schema {version} needs a fixture database in tests/store/fixtures"


@pytest.mark.parametrize("version", range(1, LATEST))
def test_old_schema_upgrades_keeping_data_and_a_backup(tmp_path, version):
    folder = tmp_path / "ws"
    folder.mkdir()
    shutil.copy(FIXTURES / f"schema_v{version}.sqlite", folder / "posventa.db")
    ws = Workspace(folder, memory_secrets=True)
    try:
        assert ws.migrated[0] == version and ws.migrated[1] == LATEST
        backup = ws.migrated[2]
        assert backup is not None and backup.exists()
        with sqlite3.connect(backup) as con:
            assert con.execute("PRAGMA user_version").fetchone()[0] == version
        rows = feed.feed_page(ws.store.db, FeedFilter())
        assert len(rows) == 3
        # Rows written before the full-text index existed are searchable after upgrading.
        assert [r.text for r in feed.feed_page(ws.store.db, FeedFilter(search="devolucion"))] \
            == ["Mi devolución sigue pendiente"]
    finally:
        ws.close()


def test_migrations_are_transactional(tmp_path, monkeypatch):
    folder = tmp_path / "ws"
    folder.mkdir()
    shutil.copy(FIXTURES / "schema_v1.sqlite", folder / "posventa.db")
    broken = [*MIGRATIONS[1], "THIS IS NOT SQL"]
    monkeypatch.setattr("console.store.migrations.MIGRATIONS", [MIGRATIONS[0], broken])
    with pytest.raises(WorkspaceError):
        Workspace(folder, memory_secrets=True)
    with sqlite3.connect(folder / "posventa.db") as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 1
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
        assert "mention_fts" not in names


def test_newer_schema_is_refused_clearly(tmp_path):
    folder = tmp_path / "ws"
    Workspace(folder, memory_secrets=True).close()
    with sqlite3.connect(folder / "posventa.db") as con:
        con.execute(f"PRAGMA user_version = {LATEST + 5}")
    with pytest.raises(WorkspaceError, match="newer Posventa"):
        Workspace(folder, memory_secrets=True)


def test_corrupt_database_is_kept_aside_and_reported(tmp_path):
    folder = tmp_path / "ws"
    Workspace(folder, memory_secrets=True).close()
    db = folder / "posventa.db"
    data = bytearray(db.read_bytes())
    data[100:4000] = b"\xff" * 3900
    db.write_bytes(bytes(data))
    with pytest.raises(WorkspaceCorrupt) as info:
        Workspace(folder, memory_secrets=True)
    assert info.value.aside.exists() and not db.exists()
    Workspace(folder, memory_secrets=True).close()  # a fresh database opens after that


def _index_names(db) -> set[str]:
    return {r[0] for r in db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'index'")}


@pytest.mark.parametrize("had_index", [False, True])
def test_v3_workspaces_get_the_report_index_once(tmp_path, had_index):
    """The report index was briefly part of v3: v4 adds it wherever it is missing."""
    folder = tmp_path / "ws"
    folder.mkdir()
    shutil.copy(FIXTURES / "schema_v3.sqlite", folder / "posventa.db")
    if had_index:
        with sqlite3.connect(folder / "posventa.db") as con:
            con.execute(MIGRATIONS[3][0])
    ws = Workspace(folder, memory_secrets=True)
    try:
        assert ws.migrated[:2] == (3, LATEST)
        assert "mention_report" in _index_names(ws.store.db)
        plan = " ".join(r[3] for r in ws.store.db.execute_sql(
            "EXPLAIN QUERY PLAN SELECT sum(sentiment_label = 'positive'), "
            "sum(complaint >= 0.6) FROM mention WHERE feed_key >= 0 AND feed_key < 1"))
        assert "mention_report" in plan
    finally:
        ws.close()
