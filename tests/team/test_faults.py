"""Faults of the team database: a dropped connection is one sentence, nothing is half
written, and the console reconnects by itself."""

from __future__ import annotations

import psycopg
import pytest

from console.accounts import queries as accounts
from console.app.runtime import open_runtime
from console.errors import StoreError
from tests.team_db import write_team_settings


def _drop_posventa_connections(url: str) -> int:
    with psycopg.connect(url, autocommit=True) as admin:
        return len(admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
            "current_database() AND application_name LIKE 'posventa/%'").fetchall())


def test_a_dropped_connection_is_one_sentence_then_the_console_reconnects(tmp_path,
                                                                         team_url):
    write_team_settings(tmp_path / "ws", team_url)
    rt = open_runtime(tmp_path / "ws", memory_secrets=True)
    try:
        store = rt.workspace.store
        accounts.add_account(store, "mastodon", "http://127.0.0.1:9", handle="antes")
        assert _drop_posventa_connections(team_url) >= 1
        with pytest.raises(StoreError) as caught, store.write():
            store.db.execute_sql(
                "INSERT INTO tag (name) VALUES (?)", ("medio-escrito",))
        assert "cannot be reached" in str(caught.value)
        assert "\n" not in str(caught.value)
        # Next statement: a new connection, and nothing of the failed transaction stored.
        assert accounts.add_account(store, "mastodon", "http://127.0.0.1:9",
                                    handle="despues").id > 0
        rows = store.db.execute_sql("SELECT name FROM tag").fetchall()
        assert rows == []
        handles = [r[0] for r in store.db.execute_sql(
            "SELECT handle FROM account ORDER BY id").fetchall()]
        assert handles == ["antes", "despues"]
    finally:
        rt.close()


def test_opening_a_workspace_whose_server_is_gone_is_one_sentence(tmp_path, capsys):
    write_team_settings(tmp_path / "ws", "postgresql://someone@127.0.0.1:9/nowhere")
    from console.app.cli.main import main

    code = main(["--workspace", str(tmp_path / "ws"), "feed"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("posventa: the team database at 127.0.0.1 cannot be reached")
    assert err.count("\n") == 1
