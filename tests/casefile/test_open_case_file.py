"""File > Open case file…: the file dialog, then a review window in its own process that
works with no network route at all and leaves the workspace and the file's data alone."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QProcess
from PySide6.QtWidgets import QFileDialog

from console.app.runtime import Runtime
from console.casefile.export import Selection, export_cases
from console.casefile.format import content_digest
from console.ui import casefile_dialogs
from console.ui.app import build_console
from console.ui.casefile_dialogs import review_command
from tests.casefile.conftest import Seeded, folder_fingerprint

ROOT = Path(__file__).resolve().parents[2]


def _no_route_prefix() -> list[str] | None:
    """`unshare -n`: a network namespace with only a loopback that is down (needs root)."""
    tool = shutil.which("unshare")
    if tool is None:
        return None
    probe = subprocess.run([tool, "-n", "true"], capture_output=True)
    return [tool, "-n"] if probe.returncode == 0 else None


def test_menu_dialog_then_review_process_with_no_route(qtbot, runtime: Runtime, seeded: Seeded,
                                                       tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "week.posventa-cases"
    export_cases(runtime.workspace.db_path, path,
                 Selection(case_ids=(seeded.complaint_case, seeded.question_case)))
    with sqlite3.connect(path) as con:
        digest = content_digest(con)

    asked: list[tuple[object, ...]] = []
    started: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (asked.append(a), (str(path), ""))[1]))
    monkeypatch.setattr(QProcess, "startDetached", staticmethod(
        lambda program, arguments: (started.append((program, list(arguments))), (True, 4242))[1]))
    built = build_console(runtime)
    qtbot.addWidget(built.window)
    built.window.open_case_file_action.trigger()
    assert asked and "*.posventa-cases" in str(asked[0][-1])
    assert started == [review_command(str(path))]
    built.bridge.close()
    workspace = runtime.workspace.path
    runtime.close()
    before = folder_fingerprint(workspace)

    # Run exactly what the menu would have started, told to quit once the feed fills.
    program, arguments = started[0]
    prefix = _no_route_prefix()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
               PYTHONPATH=str(ROOT))
    done = subprocess.run([*(prefix or []), program, *arguments, "--smoke-test"],
                          capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "smoke ok: 3 mentions" in done.stdout
    assert folder_fingerprint(workspace) == before  # the workspace was never opened
    with sqlite3.connect(path) as con:
        assert content_digest(con) == digest
    if prefix is None:
        pytest.skip("ran with the network up: `unshare -n` is not allowed here")


def test_a_failed_start_says_so(qtbot, runtime: Runtime, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(tmp_path / "x.posventa-cases"), "")))
    monkeypatch.setattr(QProcess, "startDetached",
                        staticmethod(lambda program, arguments: (False, 0)))
    built = build_console(runtime)
    qtbot.addWidget(built.window)
    built.window.open_case_file_action.trigger()
    assert "Could not start the review window" in built.window.statusBar().currentMessage()
    built.bridge.close()


def test_a_frozen_build_starts_itself(monkeypatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/posventa/posventa")
    assert casefile_dialogs.review_command("/cases/a.posventa-cases") == (
        "/opt/posventa/posventa", ["--review", "/cases/a.posventa-cases"])


def test_import_case_file_from_the_menu(qtbot, runtime: Runtime, seeded: Seeded,
                                        tmp_path: Path, monkeypatch) -> None:
    from console.app.review import close_review, open_review
    from console.app.runtime import open_runtime
    from console.ui.casefile_import import ImportCaseFileController, ImportCaseFileDialog

    path = tmp_path / "week.posventa-cases"
    export_cases(runtime.workspace.db_path, path, Selection(case_ids=(seeded.complaint_case,)))
    review = open_review(path, reviewer="Marta")
    try:
        case_id = review.cases.list_cases()[0].id
        review.extras["reviews"].add(case_id, 5, "Textbook apology.")
    finally:
        close_review(review)

    fresh = open_runtime(tmp_path / "fresh", memory_secrets=True)
    try:
        seen: list[ImportCaseFileController] = []
        original = ImportCaseFileController.__init__

        def keep(self, *args, **kw) -> None:  # type: ignore[no-untyped-def]
            original(self, *args, **kw)
            seen.append(self)

        monkeypatch.setattr(ImportCaseFileController, "__init__", keep)
        monkeypatch.setattr(QFileDialog, "getOpenFileName",
                            staticmethod(lambda *a, **k: (str(path), "")))
        shown: list[str] = []

        def run_dialog(dialog: ImportCaseFileDialog) -> int:
            controller = seen[-1]
            qtbot.waitUntil(lambda: controller.info is not None, timeout=10_000)
            shown.append(dialog.about.text())
            with qtbot.waitSignal(controller.imported, timeout=10_000):
                dialog.import_button.click()
            shown.append(dialog.outcome.toPlainText())
            shown.append(dialog.message.text())
            dialog.grab().save(str(tmp_path / "import-case-file.png"))
            return 0

        monkeypatch.setattr(ImportCaseFileDialog, "exec", run_dialog)
        built = build_console(fresh)
        qtbot.addWidget(built.window)
        built.window.import_case_file_action.trigger()
        assert "Cases: 1 · mentions: 2" in shown[0] and "reviews: 1" in shown[0]
        assert "mentions: 2 added, 0 already there" in shown[1]
        assert "reviews: 1 added, 0 already there" in shown[1]
        assert shown[2].startswith("Imported:")
        qtbot.waitUntil(lambda: built.feed.model.rowCount() == 2, timeout=10_000)
        # The same file again: the dialog says nothing new arrived.
        shown.clear()
        built.window.import_case_file_action.trigger()
        assert "Nothing new" in shown[2]
        built.bridge.close()
    finally:
        fresh.close()


def test_import_dialog_refuses_a_damaged_file(qtbot, runtime: Runtime, tmp_path: Path) -> None:
    from console.ui.casefile_import import ImportCaseFileController, ImportCaseFileDialog

    junk = tmp_path / "junk.posventa-cases"
    junk.write_bytes(b"\x00garbage" * 64)
    dialog = ImportCaseFileDialog(junk)
    qtbot.addWidget(dialog)
    controller = ImportCaseFileController(dialog, runtime.workspace.store, junk)
    qtbot.waitUntil(lambda: "not a Posventa case file" in dialog.message.text(), timeout=10_000)
    assert controller.info is None and not dialog.import_button.isEnabled()
    assert dialog.about.text() == "This file cannot be imported."
