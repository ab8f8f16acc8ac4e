"""A settings file cut mid-way neither changes the workspace id (its keyring secrets stay
reachable) nor disappears: it is kept aside and the agent is told."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from console.accounts import queries as accounts
from console.app.cli.main import main
from console.app.runtime import open_runtime
from console.app.workspace import Workspace
from console.store.db import kept_workspace_id


def _cut(path: Path) -> bytes:
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    return whole


def test_a_cut_settings_file_keeps_the_id_and_the_tokens(tmp_path: Path, capsys) -> None:
    ws = tmp_path / "ws"
    rt = open_runtime(ws)  # the real keyring (tests/run.sh starts one)
    if rt.workspace.secrets.memory_only:
        rt.close()
        pytest.skip("needs a keyring that outlives the process")
    workspace_id = rt.workspace.settings.workspace_id
    account = accounts.add_account(rt.workspace.store, "mastodon", "http://127.0.0.1:9",
                                   handle="ventalia")
    rt.workspace.secrets.set(account.id, "token", "tok-kept-in-the-keyring")
    rt.workspace.settings.agent_name = "ana"
    rt.workspace.save_settings()
    rt.close()
    cut = _cut(ws / "settings.json")

    assert main(["--workspace", str(ws), "accounts", "list"]) == 0
    err = capsys.readouterr().err
    broken = [p for p in ws.iterdir() if p.name.startswith("settings.json.broken-")]
    assert len(broken) == 1 and broken[0].read_bytes() == cut[: len(cut) // 2]
    assert f"kept as {broken[0].name}" in err and "settings file was damaged" in err

    again = open_runtime(ws)
    try:
        assert again.workspace.settings.workspace_id == workspace_id
        assert again.workspace.secrets.get(account.id, "token") == "tok-kept-in-the-keyring"
        assert again.workspace.notices == []  # said once; the new file is whole
        assert json.loads((ws / "settings.json").read_text())["workspace_id"] == workspace_id
    finally:
        again.workspace.secrets.delete_account(account.id)
        again.close()


def test_the_window_hears_of_it_through_the_engine(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    Workspace(ws, memory_secrets=True).close()
    (ws / "settings.json").write_text('{"workspace_id": "ab', encoding="utf-8")
    rt = open_runtime(ws, memory_secrets=True)
    try:
        [status] = [s for s in rt.engine.statuses() if s.account_id == 0]
        assert status.state == "error" and "settings file was damaged" in status.message
    finally:
        rt.close()


def test_an_older_database_adopts_the_id_of_its_settings(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    first = Workspace(ws, memory_secrets=True)
    with first.store.write():
        first.store.db.execute_sql("DELETE FROM team_setting WHERE key = 'workspace_id'")
    first.close()
    settings = json.loads((ws / "settings.json").read_text())
    settings["workspace_id"] = "0123456789abcdef0123456789abcdef"
    (ws / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    again = Workspace(ws, memory_secrets=True)
    try:
        assert again.settings.workspace_id == "0123456789abcdef0123456789abcdef"
        assert kept_workspace_id(again.store.db) == "0123456789abcdef0123456789abcdef"
        assert again.secrets.service == "posventa:0123456789abcdef0123456789abcdef"
    finally:
        again.close()
