"""Review mode in the window: the feed, a review saved to the file, no network at all."""

from __future__ import annotations

import socket
import sqlite3
from pathlib import Path

import pytest

from console.app.review import close_review, open_review
from console.app.runtime import Runtime
from console.casefile.export import Selection, export_cases
from console.casefile.format import content_digest
from console.ui.app import build_console
from console.ui.casefile_dialogs import ExportCasesController, ExportCasesDialog
from console.ui.review_pane import install_review
from tests.casefile.conftest import Seeded, folder_fingerprint

SHOTS = Path("/tmp")


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every attempt to open a connection is recorded and refused."""
    attempts: list[object] = []

    def refuse(*args: object, **kw: object) -> None:
        attempts.append(args)
        raise OSError("network is unreachable (test)")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", lambda self, *a: refuse(*a))
    monkeypatch.setattr(socket.socket, "connect_ex", lambda self, *a: refuse(*a))
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.setenv(name, "http://10.255.255.1:9")
    return attempts


def test_review_mode_shows_the_feed_and_saves_a_review(qtbot, runtime: Runtime,
                                                       seeded: Seeded, tmp_path: Path,
                                                       no_network: list[object]) -> None:
    path = tmp_path / "week.posventa-cases"
    export_cases(runtime.workspace.db_path, path,
                 Selection(case_ids=(seeded.complaint_case, seeded.question_case)))
    workspace = runtime.workspace.path
    runtime.close()
    before = folder_fingerprint(workspace)
    with sqlite3.connect(path) as con:
        digest = content_digest(con)

    review = open_review(path, reviewer="Marta")
    try:
        built = build_console(review)
        controller = install_review(built, review)
        window = built.window
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: built.feed.model.rowCount() == 3)
        assert not window.composer.isVisible()
        assert "read-only" in window.windowTitle()
        built.feed.select_row(0)
        qtbot.waitUntil(lambda: controller.case_id is not None)
        # the centre shows what to do until a mention is chosen, then the review pane
        assert window.review_pane.isVisible() and not window.composer.isVisible()
        window.review_pane.score.setValue(2)
        window.review_pane.note.setPlainText("Answer came after the SLA; apologise sooner.")
        with qtbot.waitSignal(controller.reviewSaved):
            window.review_pane.save.click()
        assert "2/5 by Marta" in window.review_pane.history.toPlainText()
        window.review_pane.note.setPlainText("Second look: the refund was right.")
        window.grab().save(str(SHOTS / "posventa-review-mode.png"))
        built.bridge.close()
    finally:
        close_review(review)
    assert no_network == []
    assert folder_fingerprint(workspace) == before
    with sqlite3.connect(path) as con:
        assert content_digest(con) == digest
        assert con.execute("SELECT case_id, score, note FROM review").fetchall() == [
            (controller.case_id, 2, "Answer came after the SLA; apologise sooner.")]


def test_export_dialog_writes_the_current_case(qtbot, runtime: Runtime, seeded: Seeded,
                                               tmp_path: Path) -> None:
    target = tmp_path / "one.posventa-cases"
    dialog = ExportCasesDialog(seeded.question_case, "")
    qtbot.addWidget(dialog)
    controller = ExportCasesController(dialog, runtime, ask_path=lambda: str(target))
    assert dialog.current_case.isChecked() and not dialog.current_search.isEnabled()
    with qtbot.waitSignal(controller.exported, timeout=10_000) as done:
        dialog.export_button.click()
    assert done.args[0].cases == 1
    assert dialog.progress.value() == dialog.progress.maximum()
    assert "Saved 1 cases" in dialog.message.text()
    dialog.grab().save(str(SHOTS / "posventa-export-cases.png"))
    with sqlite3.connect(target) as con:
        assert con.execute("SELECT text FROM mention").fetchall() == [
            ("@ventalia do you ship to Canarias?",)]
