"""Damage in the middle of the database: every command stops before writing, says so in
one sentence and points at `posventa restore`; a damage met while running stops writes."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from console.app.cli.main import main
from console.app.runtime import open_runtime
from console.feed.queries import FeedFilter
from console.store.db import StoreCorrupt
from tests.trust.counting_server import CountingServer
from tests.trust.damaged_db import damage_mention_pages, filled_workspace


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def damaged(tmp_path: Path):
    with CountingServer() as server:
        folder = tmp_path / "ws"
        filled_workspace(folder, server.url)
        damage_mention_pages(folder / "posventa.db")
        yield folder, server


@pytest.mark.parametrize("command", [
    ["feed"], ["sync", "--once"], ["reply", "5", "--text", "Lo miramos ya"],
    ["export", "--format", "jsonl", "-o", "{tmp}/out.jsonl"], ["retriage"], ["rules", "list"],
])
def test_every_command_stops_and_says_so(damaged, command, tmp_path: Path, capsys) -> None:
    folder, server = damaged
    before = _digest(folder / "posventa.db")
    argv = [part.replace("{tmp}", str(tmp_path)) for part in command]
    assert main(["--workspace", str(folder), *argv]) == 1
    _out, err = capsys.readouterr()
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "database is damaged" in lines[0] and "posventa restore" in lines[0]
    assert "Traceback" not in err
    assert _digest(folder / "posventa.db") == before
    wal = folder / "posventa.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    assert server.requests == []


def test_damage_met_while_running_stops_every_later_write(damaged) -> None:
    folder, _ = damaged
    rt = open_runtime(folder, memory_secrets=True)  # the window: no full read at start
    try:
        with pytest.raises(StoreCorrupt, match="posventa restore"):
            list(rt.feed.page(FeedFilter(), limit=100_000))
        assert rt.workspace.store.damaged
        with pytest.raises(StoreCorrupt), rt.workspace.store.write():
            pass
        with pytest.raises(StoreCorrupt):
            rt.engine.sync_once()
        assert any(s.account_id == 0 and "damaged" in s.message
                   for s in rt.engine.statuses())
    finally:
        rt.close()
