"""A full disk or a read-only folder: one clear sentence, and nothing half written.

The database's own limit (``max_page_count``) stands in for a full disk everywhere; as
root the tests also use a real 4 MB tmpfs filled to the last byte and a read-only bind
mount (as root, ``chmod`` does not stop writes). They are skipped, with the reason, where
mounting is not allowed.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.accounts import queries as accounts
from console.app.runtime import open_runtime
from console.app.settings import Settings
from console.app.workspace import Workspace, WorkspaceError
from console.errors import StoreError
from console.feed.export import ExportError, export_to_file, iter_records, write_jsonl
from console.feed.queries import FeedFilter
from console.sync.ingest import ingest
from tests.builders import make_post

ROOT = Path(__file__).resolve().parents[2]


def _mount(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["mount", *args], capture_output=True, text=True, timeout=20)


def _umount(path: Path) -> None:
    if subprocess.run(["umount", str(path)], capture_output=True).returncode != 0:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 4 MB filesystem (tmpfs), unmounted after the test."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root; max_page_count tests cover the rest")
    disk = tmp_path / "disk"
    disk.mkdir()
    done = _mount("-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", str(disk))
    if done.returncode != 0:
        pytest.skip(f"mount is not permitted here: {done.stderr.strip()}")
    try:
        yield disk
    finally:
        _umount(disk)


def _fill(disk: Path) -> Path:
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as out:
        for size in (65536, 512, 1):
            with contextlib.suppress(OSError):
                while True:
                    out.write(b"\0" * size)
    assert os.statvfs(disk).f_bavail == 0
    return filler


def _count(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return int(con.execute("SELECT count(*) FROM mention").fetchone()[0])
    finally:
        con.close()


def _posts(first: int, n: int, words: int = 120) -> list:
    return [make_post(i, f"mi pedido {i} no llega " + "texto " * words)
            for i in range(first, first + n)]


def _ingest(rt, posts, cursor: str) -> None:
    found = accounts.list_accounts(rt.workspace.store)
    account_id = found[0].id if found else accounts.add_account(
        rt.workspace.store, "mastodon", "https://mastodon.example").id
    ingest(rt.workspace.store, rt.triager, account_id, posts, "mentions", cursor)


# --- the database is full -------------------------------------------------------------------

def _limit_pages(rt, extra: int = 2) -> None:
    db = rt.workspace.store.db
    pages = db.execute_sql("PRAGMA page_count").fetchone()[0]
    db.execute_sql(f"PRAGMA max_page_count = {pages + extra}")


def test_a_full_database_during_sync_is_one_sentence_and_keeps_what_was_there(connected):
    rt = connected
    sandbox, account_id = rt.extras["sandbox"], rt.extras["account_id"]
    statuses = []
    rt.engine.listen(lambda event: statuses.append(event))
    _ingest(rt, _posts(9000, 3), "0")  # mentions already stored before the disk fills
    before = _count(rt.workspace.db_path)
    _limit_pages(rt)
    reports = rt.engine.sync_once()
    assert reports[0].error.startswith("the disk holding the workspace is full")
    assert "nothing from this change was saved" in reports[0].error
    assert "Traceback" not in reports[0].error and "\n" not in reports[0].error
    last = [s for s in statuses if getattr(s, "account_id", None) == account_id][-1]
    assert last.state == "error" and last.message == reports[0].error
    assert _count(rt.workspace.db_path) == before
    assert accounts.get_cursor(account_id, "mentions") == "0"  # the cursor did not move
    rt.workspace.store.db.execute_sql("PRAGMA max_page_count = 1073741823")
    again = rt.engine.sync_once()
    assert again[0].error == ""
    assert _count(rt.workspace.db_path) > before
    assert sandbox is not None


def test_a_read_only_database_during_a_write_is_one_sentence(runtime):
    _ingest(runtime, _posts(1, 2), "2")
    db = runtime.workspace.store.db
    db.execute_sql("PRAGMA query_only = 1")  # SQLite answers SQLITE_READONLY from here on
    with pytest.raises(StoreError, match=r"^the workspace folder is read-only; nothing"):
        _ingest(runtime, _posts(3, 2), "4")
    db.execute_sql("PRAGMA query_only = 0")
    assert _count(runtime.workspace.db_path) == 2


def test_cli_sync_on_a_full_database_says_so_without_a_traceback(tmp_path, mini_sandbox):
    ws = tmp_path / "ws"
    rt = open_runtime(ws, memory_secrets=True)
    accounts.add_account(rt.workspace.store, "mastodon", mini_sandbox.url)
    rt.close()
    # The child caps its own connection, as a full disk would stop it.
    # (SQLite never lowers the limit below the current size: it stops growing there.)
    script = ("import sys\n"
              "from console.app.cli import main as cli\n"
              "from console.store import db\n"
              "db.PRAGMAS['max_page_count'] = 1\n"
              "sys.exit(cli.main(['sync', '--once']))\n")
    env = dict(os.environ, PYTHONPATH=f"{ROOT}{os.pathsep}{ROOT / 'tests' / 'cli'}",
               POSVENTA_WORKSPACE=str(ws), PYTHON_KEYRING_BACKEND="memory_keyring.Keyring")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, timeout=60, cwd=ROOT)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "the disk holding the workspace is full" in done.stderr


# --- a real full disk -----------------------------------------------------------------------

def test_real_full_disk_keeps_the_database_settings_and_exports_whole(small_disk, tmp_path):
    ws = small_disk / "ws"
    rt = open_runtime(ws, memory_secrets=True)
    try:
        _ingest(rt, _posts(1, 5), "5")
        rt.workspace.settings.agent_name = "ana"
        rt.workspace.save_settings()
        settings_before = (ws / "settings.json").read_bytes()
        filler = _fill(small_disk)

        with pytest.raises(StoreError) as full:
            _ingest(rt, _posts(100, 400), "500")
        assert str(full.value).startswith("the disk holding the workspace is full")
        assert rt.feed.count(FeedFilter(include_spam=True)) == 5

        rt.workspace.settings.agent_name = "someone else"
        with pytest.raises(WorkspaceError, match="the disk is full; the previous settings"):
            rt.workspace.save_settings()
        assert (ws / "settings.json").read_bytes() == settings_before
        assert Settings.load(ws / "settings.json").agent_name == "ana"

        target = small_disk / "export.jsonl"
        records = iter_records(rt.workspace.store.db, FeedFilter(include_spam=True))
        with pytest.raises(ExportError, match="the disk is full; no file was written"):
            export_to_file(records, target, write_jsonl)
        assert not target.exists()
        leftovers = [p.name for p in small_disk.iterdir() if p.name.startswith(".posventa")]
        leftovers += [p.name for p in ws.iterdir() if p.name.startswith(".settings-")]
        assert leftovers == []

        filler.unlink()  # space again: the same batch goes in whole
        _ingest(rt, _posts(100, 40), "140")
        assert rt.feed.count(FeedFilter(include_spam=True)) == 45
    finally:
        rt.close()
    assert _count(ws / "posventa.db") == 45


def test_cli_export_to_a_full_disk_leaves_no_file(small_disk, tmp_path):
    ws = tmp_path / "ws"
    rt = open_runtime(ws, memory_secrets=True)
    _ingest(rt, _posts(1, 30), "30")
    rt.close()
    _fill(small_disk)
    env = dict(os.environ, PYTHONPATH=str(ROOT), POSVENTA_WORKSPACE=str(ws),
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    target = small_disk / "out.jsonl"
    done = subprocess.run([sys.executable, "-m", "console", "export", "-o", str(target)],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert f"cannot write the export to {target}: the disk is full" in done.stderr
    assert not target.exists()
    ok = subprocess.run([sys.executable, "-m", "console", "export", "-o",
                         str(tmp_path / "fine.jsonl")], capture_output=True, text=True,
                        env=env, timeout=60)
    assert ok.returncode == 0, ok.stderr
    lines = (tmp_path / "fine.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 30 and json.loads(lines[0])["text"].startswith("mi pedido")
    assert (tmp_path / "fine.jsonl").stat().st_mode & 0o077 == 0  # customers' posts: 0600


# --- a read-only workspace folder -----------------------------------------------------------

@pytest.fixture
def read_only_view(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """(the workspace, the same folder seen through a read-only mount or mode)."""
    ws = tmp_path / "ws"
    rt = open_runtime(ws, memory_secrets=True)
    _ingest(rt, _posts(1, 3), "3")
    rt.close()
    if os.geteuid() != 0:
        ws.chmod(0o500)
        try:
            yield ws, ws
        finally:
            ws.chmod(0o700)
        return
    view = tmp_path / "ro"
    view.mkdir()
    if _mount("--bind", str(ws), str(view)).returncode != 0:
        pytest.skip("bind mounts are not permitted here (as root, chmod does not stop writes)")
    try:
        remounted = _mount("-o", "remount,ro,bind", str(view))
        if remounted.returncode != 0:
            pytest.skip(f"a read-only remount is not permitted here: {remounted.stderr}")
        yield ws, view
    finally:
        _umount(view)


def test_a_read_only_workspace_folder_is_refused_clearly(read_only_view):
    ws, view = read_only_view
    with pytest.raises(WorkspaceError) as refused:
        Workspace(view, memory_secrets=True)
    assert str(refused.value) == (
        f"the workspace folder {view.resolve()} is read-only; Posventa needs to write there "
        "(make it writable, or choose another folder with --workspace)")
    env = dict(os.environ, PYTHONPATH=str(ROOT), POSVENTA_WORKSPACE=str(view),
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    done = subprocess.run([sys.executable, "-m", "console", "feed"], capture_output=True,
                          text=True, env=env, timeout=60)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [f"posventa: {refused.value}"]
    assert _count(ws / "posventa.db") == 3  # untouched
