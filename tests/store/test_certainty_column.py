"""Schema v7: each mention keeps how sure the model was of it (``certainty``)."""

from __future__ import annotations

import shutil
from pathlib import Path

import psycopg

from console.app.runtime import open_runtime
from console.store import migrations_pg
from console.store.migrations import LATEST
from tests.team_db import write_team_settings

FIXTURES = Path(__file__).parent / "fixtures"


def test_a_v6_workspace_gets_the_column_and_rescoring_fills_it(tmp_path):
    folder = tmp_path / "ws"
    folder.mkdir()
    shutil.copy(FIXTURES / "schema_v6.sqlite", folder / "posventa.db")
    rt = open_runtime(folder, memory_secrets=True)
    try:
        assert rt.workspace.migrated[:2] == (6, LATEST)
        db = rt.workspace.store.db
        assert "certainty" in {c.name for c in db.get_columns("mention")}
        stored = [r[0] for r in db.execute_sql("SELECT certainty FROM mention ORDER BY id")]
        assert stored == [None, None, None]  # scored before: nothing is made up
        assert rt.triage_service.ask_me(12) == []  # old rows read without a certainty
        rt.triage_service.rescore_all()
        stored = [r[0] for r in db.execute_sql("SELECT certainty FROM mention ORDER BY id")]
        assert len(stored) == 3 and all(0.0 <= float(v) <= 1.0 for v in stored)
    finally:
        rt.close()


def test_a_v6_team_database_gets_the_column(tmp_path, team_databases):
    url = team_databases.create(empty=True)
    try:
        with psycopg.connect(url, autocommit=True) as con:
            con.execute('CREATE TABLE "schema_version" ("version" BIGINT NOT NULL)')
            for number in range(1, 7):
                for statement in migrations_pg.MIGRATIONS[number - 1]:
                    con.execute(statement)
                con.execute('INSERT INTO "schema_version" VALUES (%s)', (number,))
        write_team_settings(tmp_path / "ws", url)
        rt = open_runtime(tmp_path / "ws", memory_secrets=True)
        rt.close()
        with psycopg.connect(url) as con:
            assert con.execute("SELECT max(version) FROM schema_version").fetchone()[0] \
                == LATEST == 7
            columns = {r[0]: r[1] for r in con.execute(
                "SELECT column_name, is_nullable FROM information_schema.columns "
                "WHERE table_name = 'mention'")}
            assert columns["certainty"] == "YES"
    finally:
        team_databases.drop(url)
