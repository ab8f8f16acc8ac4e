"""File > Team database… in a running window: after connecting (or disconnecting), the
window opens again on the other database, without restarting Posventa (pytest-qt,
offscreen; a real PostgreSQL)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from console.app.runtime import open_runtime
from console.ui.feed_model import ROW_ROLE
from console.ui.main_window import MainWindow
from console.ui.team_dialog import TeamDialog
from tests.team.conftest import local_workspace
from tests.team_db import write_team_settings


def _visible(kind: type) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def _texts(window: MainWindow) -> list[str]:
    model = window.feed.table.model()
    return [model.index(r, 0).data(ROW_ROLE).text for r in range(model.rowCount())]


def _when(check: Callable[[], object], then: Callable[[object], None],
          failures: list[str], what: str, timeout: float = 30) -> None:
    """Call ``then(found)`` once ``check()`` finds something (polled on the event loop)."""
    deadline = time.monotonic() + timeout

    def poll() -> None:
        found = check()
        if found:
            then(found)
        elif time.monotonic() > deadline:
            failures.append(what)
            QApplication.instance().exit(1)
        else:
            QTimer.singleShot(50, poll)
    QTimer.singleShot(50, poll)


def test_connecting_in_the_dialog_reopens_the_window_on_the_team_database(
        qapp, tmp_path, team_url):
    from console.ui.app import run_gui

    team_seed = tmp_path / "seed"
    write_team_settings(team_seed, team_url)
    local_workspace(team_seed, posts=2, prefix="ya en la base del equipo")
    folder = local_workspace(tmp_path / "ws", posts=3, prefix="solo en este equipo local")
    failures: list[str] = []
    seen: dict[str, list[str]] = {}
    first: list[MainWindow] = []

    def open_dialog(windows: object) -> None:
        window = windows[0]  # type: ignore[index]
        first.append(window)
        seen["before"] = _texts(window)
        _when(lambda: _visible(TeamDialog), connect, failures, "the team dialog")
        window.team_action.trigger()  # modal: the polls go on inside it

    def connect(dialogs: object) -> None:
        dialog = dialogs[0]  # type: ignore[index]
        dialog.url.setText(team_url)
        dialog.connect_button.click()
        _when(lambda: dialog.switched and dialog, close_dialog, failures, "connected")

    def close_dialog(dialog: object) -> None:
        seen["message"] = [dialog.message.text()]  # type: ignore[attr-defined]
        dialog.accept()  # type: ignore[attr-defined]
        _when(lambda: [w for w in _visible(MainWindow) if w not in first
                       and w.feed.table.model().rowCount() > 0],
              reopened, failures, "the window on the team database")

    def reopened(windows: object) -> None:
        window = windows[0]  # type: ignore[index]
        seen["after"] = _texts(window)
        window.close()

    rt = open_runtime(folder, memory_secrets=True)
    try:
        _when(lambda: _visible(MainWindow), open_dialog, failures, "the first window")
        code = run_gui(rt)
    finally:
        rt.close()
    assert failures == []
    assert code == 0
    assert "opens the team database" in seen["message"][0]
    assert len(seen["before"]) == 3 and all("local" in t for t in seen["before"])
    assert len(seen["after"]) == 2 and all("del equipo" in t for t in seen["after"])
