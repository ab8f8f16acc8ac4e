"""Backups an agent can count on: made whole, kept private, pruned, and restored safely."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from datetime import timedelta
from pathlib import Path

import pytest

from console.accounts import queries as accounts
from console.app import backup as backup_mod
from console.app.backup import (
    BackupError,
    backup_now,
    daily_backup_if_due,
    list_backups,
    prune,
    restore,
)
from console.app.cli.backup import run_backup, run_restore
from console.app.runtime import open_runtime
from console.app.workspace import WorkspaceCorrupt
from console.feed.queries import FeedFilter
from console.store.timeutil import utcnow
from console.sync.ingest import ingest
from tests.builders import make_post


def _fill(rt, n: int, start: int = 1) -> None:
    acc = accounts.list_accounts(rt.workspace.store)
    account_id = acc[0].id if acc else accounts.add_account(
        rt.workspace.store, "mastodon", "https://mastodon.example").id
    posts = [make_post(i, f"mi pedido {i} no llega") for i in range(start, start + n)]
    ingest(rt.workspace.store, rt.triager, account_id, posts, "mentions", str(start + n))


def _mentions(db_path: Path) -> set[tuple[str, str, str]]:
    con = sqlite3.connect(db_path)
    try:
        return set(con.execute("SELECT channel, remote_id, text FROM mention").fetchall())
    finally:
        con.close()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_round_trip_keeps_every_mention(runtime):
    _fill(runtime, 30)
    ws = runtime.workspace.path
    before = _mentions(runtime.workspace.db_path)
    made = backup_now(runtime.workspace)  # while the workspace is open and in WAL mode
    assert made.parent == ws / "backups"
    assert made.name.startswith("posventa-") and made.name.endswith("Z.db")
    _fill(runtime, 5, start=100)  # changes after the backup are what a restore undoes
    runtime.close()

    done = restore(made, ws)

    assert _mentions(ws / "posventa.db") == before
    assert done.kept_aside is not None and done.kept_aside.name.startswith(
        "posventa.db.before-restore-")
    assert len(_mentions(done.kept_aside)) == 35  # the replaced data is kept, whole
    rt = open_runtime(ws, memory_secrets=True)  # and the console opens the restored file
    try:
        assert len(rt.feed.page(FeedFilter(), limit=100)) == 30
    finally:
        rt.close()




def test_backup_files_are_private(runtime):
    _fill(runtime, 3)
    made = backup_now(runtime.workspace.path)
    assert _mode(made) == 0o600
    assert _mode(made.parent) == 0o700
    assert not [p for p in made.parent.iterdir() if p.name.endswith(".tmp")]
    assert not Path(f"{made}-wal").exists()  # a backup is one self-contained file


def test_corrupt_backup_is_refused_and_current_db_untouched(runtime, tmp_path):
    _fill(runtime, 10)
    made = backup_now(runtime.workspace)
    runtime.close()
    db = runtime.workspace.db_path
    before = db.read_bytes()
    data = bytearray(made.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # trash the schema page
    made.write_bytes(bytes(data))

    with pytest.raises(BackupError, match=r"not a sound backup.*nothing was changed"):
        restore(made, runtime.workspace.path)

    assert db.read_bytes() == before
    assert not list(db.parent.glob("posventa.db.before-restore-*"))
    not_db = tmp_path / "notes.txt"
    not_db.write_text("hello")
    with pytest.raises(BackupError, match="not a sound backup"):
        restore(not_db, runtime.workspace.path)
    with pytest.raises(BackupError, match="there is no backup file"):
        restore(tmp_path / "missing.db", runtime.workspace.path)


def test_a_database_that_is_not_posventa_is_refused(runtime, tmp_path):
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    runtime.close()
    with pytest.raises(BackupError, match="not a Posventa database"):
        restore(other, runtime.workspace.path)


def test_restore_refuses_while_another_console_has_it_open(runtime):
    _fill(runtime, 2)
    made = backup_now(runtime.workspace)
    with pytest.raises(BackupError, match="open in another Posventa"):
        restore(made, runtime.workspace.path)


def test_prune_keeps_the_newest(tmp_path, runtime):
    _fill(runtime, 2)
    folder = tmp_path / "b"
    made = [backup_now(runtime.workspace, folder) for _ in range(5)]
    assert len(set(made)) == 5  # same second: a counter keeps them apart
    removed = prune(folder, keep=2)
    assert len(removed) == 3
    assert list_backups(folder) == [made[4], made[3]]
    with pytest.raises(BackupError):
        prune(folder, keep=0)


def test_list_orders_by_time_in_the_name(tmp_path):
    for name in ("posventa-20260101T000000Z.db", "posventa-20261231T235959Z.db",
                 "posventa-20260601T120000Z.db", "unrelated.db", "posventa-junk.db"):
        (tmp_path / name).write_bytes(b"")
    assert [p.name for p in list_backups(tmp_path)] == [
        "posventa-20261231T235959Z.db", "posventa-20260601T120000Z.db",
        "posventa-20260101T000000Z.db"]
    assert list_backups(tmp_path / "nothing-here") == []


def test_daily_backup_only_when_due(runtime):
    _fill(runtime, 2)
    ws = runtime.workspace
    first = daily_backup_if_due(ws, keep=3)
    assert first is not None
    assert daily_backup_if_due(ws, keep=3) is None
    later = daily_backup_if_due(ws, keep=3, now=utcnow() + timedelta(hours=25))
    assert later is not None and later != first
    for _ in range(4):
        backup_now(ws)
    daily_backup_if_due(ws, keep=3, now=utcnow() + timedelta(days=30))
    assert len(list_backups(ws.path / "backups")) == 3


def test_restore_into_a_workspace_whose_db_is_corrupt(runtime):
    _fill(runtime, 12)
    ws = runtime.workspace.path
    before = _mentions(runtime.workspace.db_path)
    made = backup_now(runtime.workspace)
    runtime.close()
    db = ws / "posventa.db"
    data = bytearray(db.read_bytes())
    data[0:100] = b"garbage!" * 12 + b"gggg"
    db.write_bytes(bytes(data))

    done = restore(made, ws)

    assert done.kept_aside is not None and done.kept_aside.exists()
    assert _mentions(db) == before
    rt = open_runtime(ws, memory_secrets=True)  # opens without a WorkspaceCorrupt
    rt.close()


def test_restore_after_the_workspace_moved_the_corrupt_file_aside(runtime):
    _fill(runtime, 4)
    ws = runtime.workspace.path
    made = backup_now(runtime.workspace)
    runtime.close()
    db = ws / "posventa.db"
    db.write_bytes(b"not sqlite at all" * 300)
    with pytest.raises(WorkspaceCorrupt):
        open_runtime(ws, memory_secrets=True)
    assert not db.exists()
    done = restore(made, ws)
    assert done.kept_aside is None
    assert len(_mentions(db)) == 4


def test_disk_full_changes_nothing(runtime, monkeypatch):
    _fill(runtime, 3)
    made = backup_now(runtime.workspace)
    runtime.close()
    db = runtime.workspace.db_path
    before = db.read_bytes()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_mod.os, "fsync", full)
    with pytest.raises(BackupError, match=r"^the disk is full; nothing was changed$"):
        backup_now(runtime.workspace.path)
    with pytest.raises(BackupError, match="disk is full"):
        restore(made, runtime.workspace.path)
    assert db.read_bytes() == before
    assert list_backups(made.parent) == [made]
    leftovers = [p for p in db.parent.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders anyway")
def test_read_only_backup_folder_is_a_clear_error(runtime, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(BackupError, match="read-only"):
            backup_now(runtime.workspace, folder)
    finally:
        folder.chmod(0o700)


def test_backup_into_a_path_under_a_file_is_a_clear_error(runtime, tmp_path):
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    with pytest.raises(BackupError, match="part of that path is a file, not a folder"):
        backup_now(runtime.workspace, blocker / "backups")


def test_backup_of_a_missing_workspace(tmp_path):
    with pytest.raises(BackupError, match="no workspace database"):
        backup_now(tmp_path / "nowhere")


# --- the commands ---------------------------------------------------------------------------

class _Args:
    def __init__(self, **kw: object) -> None:
        self.workspace = None
        self.keep = None
        self.list = False
        self.__dict__.update(kw)


def test_cli_backup_list_and_restore(runtime, capsys):
    _fill(runtime, 6)
    ws = runtime.workspace.path
    runtime.close()
    assert run_backup(_Args(workspace=ws)) == 0
    assert run_backup(_Args(workspace=ws, keep=1)) == 0
    out = capsys.readouterr()
    written = [Path(line) for line in out.out.split()]
    assert len(written) == 2 and written[1].exists() and not written[0].exists()
    assert "deleted old backup" in out.err

    assert run_backup(_Args(workspace=ws, list=True)) == 0
    assert str(written[1]) in capsys.readouterr().out

    assert run_restore(_Args(workspace=ws, file=written[1])) == 0
    out = capsys.readouterr().out
    assert "restored" in out and "before-restore" in out


def test_cli_refuses_a_corrupt_file_in_one_line(runtime, tmp_path, capsys):
    runtime.close()
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"\x00" * 5000)
    assert run_restore(_Args(workspace=runtime.workspace.path, file=bad)) == 1
    err = capsys.readouterr().err
    assert err.startswith("posventa: ") and err.count("\n") == 1
    assert run_backup(_Args(workspace=runtime.workspace.path, keep=0)) == 1
    assert capsys.readouterr().err.startswith("posventa: ")


def test_cli_uses_the_default_workspace(runtime, monkeypatch, capsys):
    _fill(runtime, 1)
    monkeypatch.setenv("POSVENTA_WORKSPACE", str(runtime.workspace.path))
    assert run_backup(_Args()) == 0
    assert Path(capsys.readouterr().out.strip()).parent == runtime.workspace.path / "backups"


def test_register_adds_both_commands():
    import argparse

    from console.app.cli.backup import register

    parser = argparse.ArgumentParser()
    parser.add_argument("--workspace", type=Path)
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["backup", "--keep", "3"])
    assert args.keep == 3 and args.func is run_backup
    args = parser.parse_args(["restore", "x.db"])
    assert args.file == Path("x.db") and args.func is run_restore


def test_engine_makes_the_daily_backup_once(runtime):
    from console.app.backup import default_backup_dir, list_backups

    runtime.engine._check_database()
    runtime.engine._check_database()  # the same day: no second one
    folder = default_backup_dir(runtime.workspace.db_path)
    assert len(list_backups(folder)) == 1
