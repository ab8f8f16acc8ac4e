"""A damaged database: kept aside, the agent told, and the newest backup offered
(in a dialog at start, and on the terminal), until a backup is restored or the agent
starts empty."""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from console import __main__ as launcher
from console.accounts import queries as accounts
from console.app.backup import BackupError, backup_now
from console.app.runtime import open_runtime
from console.app.workspace import Workspace, WorkspaceCorrupt
from console.store.timeutil import utcnow
from console.sync.ingest import ingest
from console.ui import labels, recovery_dialog
from console.ui.recovery_dialog import RecoveryDialog, restore_into
from tests.builders import make_post

ROOT = Path(__file__).resolve().parents[2]


def _fill(rt, first: int, n: int) -> None:
    found = accounts.list_accounts(rt.workspace.store)
    account_id = found[0].id if found else accounts.add_account(
        rt.workspace.store, "mastodon", "https://mastodon.example").id
    posts = [make_post(i, f"mi pedido {i} no llega") for i in range(first, first + n)]
    ingest(rt.workspace.store, rt.triager, account_id, posts, "mentions", str(first + n))


def _count(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute("SELECT count(*) FROM mention").fetchone()[0])
    finally:
        con.close()


def _damage(db: Path) -> None:
    data = bytearray(db.read_bytes())
    data[0:100] = b"not a database at all, " * 4 + b"!" * 8
    db.write_bytes(bytes(data))


@pytest.fixture
def damaged(tmp_path):
    """A workspace with two backups (3 and 5 mentions), then 9 mentions, then damaged."""
    folder = tmp_path / "ws"
    rt = open_runtime(folder, memory_secrets=True)
    _fill(rt, 1, 3)
    older = backup_now(rt.workspace)
    older = older.rename(older.with_name(
        f"posventa-{(utcnow() - timedelta(days=2)).strftime('%Y%m%dT%H%M%SZ')}.db"))
    _fill(rt, 10, 2)
    newer = backup_now(rt.workspace)
    _fill(rt, 20, 4)
    rt.close()
    _damage(folder / "posventa.db")
    return folder, older, newer


def test_corrupt_database_offers_the_backups_newest_first_until_a_choice(damaged):
    folder, older, newer = damaged
    with pytest.raises(WorkspaceCorrupt) as info:
        Workspace(folder, memory_secrets=True)
    error = info.value
    assert error.aside.exists() and error.aside.name.startswith("posventa.db.corrupt-")
    assert [o.path for o in error.offers if o.kind == "backup"] == [newer, older]
    assert error.offers[0].taken_at > error.offers[-1].taken_at
    assert error.backups[0] == newer
    advice = error.advice()
    assert f"posventa restore {newer}" in advice and str(error.aside) in advice
    # Asked again (not silently started empty) until the agent decides.
    with pytest.raises(WorkspaceCorrupt) as again:
        Workspace(folder, memory_secrets=True)
    assert again.value.aside == error.aside
    Workspace(folder, memory_secrets=True, start_empty=True).close()
    assert _count(folder / "posventa.db") == 0
    open_runtime(folder, memory_secrets=True).close()  # and no question any more
    assert error.aside.exists()  # the damaged file is never deleted


def _env(ws: Path) -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT), POSVENTA_WORKSPACE=str(ws),
                PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")


def _posventa(ws: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "console", *args], text=True,
                          capture_output=True, env=_env(ws), timeout=60)


def test_cli_tells_what_happened_and_how_to_restore(damaged):
    folder, _older, newer = damaged
    for _ in range(2):  # and says it again on the next command
        shown = _posventa(folder, "feed")
        assert shown.returncode == 1
        assert "Traceback" not in shown.stderr
        assert shown.stderr.startswith("posventa: the workspace database ")
        assert "posventa.db.corrupt-" in shown.stderr
        assert f"posventa restore {newer}" in shown.stderr
    done = _posventa(folder, "restore", str(newer))
    assert done.returncode == 0, done.stderr
    feed = _posventa(folder, "feed")
    assert feed.returncode == 0, feed.stderr
    assert len(feed.stdout.strip().splitlines()) == 1 + 5  # header, what the backup held


def test_cli_can_start_empty_instead(damaged):
    folder, _older, _newer = damaged
    assert _posventa(folder, "feed").returncode == 1
    started = _posventa(folder, "restore", "--empty")
    assert started.returncode == 0, started.stderr
    feed = _posventa(folder, "feed")
    assert feed.returncode == 0 and feed.stdout == ""
    again = _posventa(folder, "restore", "--empty")  # only for a database kept aside
    assert again.returncode == 1 and "Traceback" not in again.stderr


def _error(folder: Path) -> WorkspaceCorrupt:
    with pytest.raises(WorkspaceCorrupt) as info:
        Workspace(folder, memory_secrets=True)
    return info.value


def test_dialog_restores_the_newest_backup(damaged, qtbot):
    folder, _older, newer = damaged
    dialog = RecoveryDialog(_error(folder), restore_into(folder))
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.explanation.text()
    assert "posventa.db.corrupt-" in text and "moved aside, not deleted" in text
    assert dialog.restore_button.text().startswith("Restore the backup of ")
    assert dialog.empty_button.text() == "Start with an empty database"
    assert dialog.quit_button.text() == "Quit"
    assert dialog.offers.count() == 2 and dialog.selected_offer().path == newer
    dialog.grab().save(str(folder.parent / "recovery.png"))
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        dialog.restore_button.click()
    assert dialog.choice == "restore" and dialog.result() == QDialog.DialogCode.Accepted
    assert _count(folder / "posventa.db") == 5
    rt = open_runtime(folder, memory_secrets=True)  # opens normally now
    rt.close()


def test_dialog_keeps_the_agent_choosing_when_a_backup_is_bad(damaged, qtbot):
    folder, older, newer = damaged
    newer.write_bytes(b"this backup was damaged too" * 100)
    dialog = RecoveryDialog(_error(folder), restore_into(folder))
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.restoreFinished, timeout=10_000):
        dialog.restore_button.click()
    assert dialog.isVisible() and dialog.choice == "quit"
    assert dialog.problem.text().startswith("That backup was not restored: ")
    assert "nothing was changed" in dialog.problem.text()
    assert dialog.restore_button.isEnabled()
    dialog.offers.setCurrentIndex(1)
    assert dialog.selected_offer().path == older
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        dialog.restore_button.click()
    assert dialog.choice == "restore"
    assert _count(folder / "posventa.db") == 3


@pytest.mark.parametrize(("button", "expected"), [("empty", 0), ("quit", 1)])
def test_the_gui_start_asks_before_opening_a_damaged_workspace(damaged, qtbot, monkeypatch,
                                                               button, expected):
    folder, _older, _newer = damaged
    seen: list = []

    def choose(dialog: RecoveryDialog) -> int:
        seen.append(dialog.explanation.text())
        getattr(dialog, f"{button}_button").click()
        return int(dialog.result())

    def fake_start(rt, smoke_test: bool = False) -> int:
        seen.append(rt)
        return 0

    monkeypatch.setattr(RecoveryDialog, "exec", choose)
    monkeypatch.setattr("console.ui.app.run_gui", fake_start)
    monkeypatch.setattr("console.app.runtime.open_runtime",
                        lambda path: open_runtime(path, memory_secrets=True))
    args = argparse.Namespace(demo=False, workspace=folder, speed=10.0)
    assert launcher.run_gui(args) == expected
    assert "moved aside" in seen[0]
    if button == "empty":
        assert _count(folder / "posventa.db") == 0 and len(seen) == 2
    else:
        assert not (folder / "posventa.db").exists() and len(seen) == 1


def test_a_failed_restore_is_a_sentence(damaged):
    folder, _older, _newer = damaged
    _error(folder)
    assert restore_into(folder)(folder / "no-such-backup.db").startswith("there is no backup")
    assert issubclass(BackupError, ValueError)
    offer = _error(folder).offers[0]  # written as every other date in the window
    assert recovery_dialog.offer_time(offer) == labels.full_time(offer.taken_at)
