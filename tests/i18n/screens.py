"""A tour of every screen of the console on the demo data: the main window with a
complaint selected, each menu's dialog, each account form, the welcome, the reports and
the review window. Tests walk the text of each; the screenshot script grabs each."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from console.app.runtime import Runtime, open_demo

Visit = Callable[[str, QWidget], None]


def settle(rounds: int = 5) -> None:
    app = QApplication.instance()
    for _ in range(rounds):
        app.processEvents()  # type: ignore[union-attr]


def demo_runtime(folder: Path) -> Runtime:
    runtime = open_demo(folder, speed=1000)
    runtime.engine.sync_once()
    return runtime


def account_names(runtime: Runtime) -> tuple[str, ...]:
    """The brand accounts' names and hosts: user data inside status-bar sentences."""
    return tuple(name for account in runtime.accounts.list()
                 for name in (account.label.split(" ", 1)[-1], account.handle,
                              account.display_name) if name)


def select_complaint(built: object) -> None:
    """Select the top complaint, so the profile, case panel and composer fill in."""
    feed = built.feed  # type: ignore[attr-defined]
    feed.pane.sort.setCurrentIndex(feed.pane.sort.findData("priority"))
    settle()
    feed.select_row(0)
    settle(10)


@contextmanager
def modal_dialogs_visit(visit: Visit) -> Iterator[list[str]]:
    """While active, a modal dialog is visited and closed instead of blocking."""
    opened: list[str] = []
    saved = (QDialog.exec, QMessageBox.exec, QFileDialog.getSaveFileName,
             QFileDialog.getOpenFileName, QFileDialog.getExistingDirectory)

    def fake_exec(self: QDialog) -> int:
        self.show()
        settle()
        name = type(self).__name__
        opened.append(name)
        visit(name, self)
        self.hide()
        return 0

    QDialog.exec = fake_exec  # type: ignore[method-assign]
    QMessageBox.exec = fake_exec  # type: ignore[method-assign]
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: ("", ""))  # type: ignore
    QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: ("", ""))  # type: ignore
    QFileDialog.getExistingDirectory = staticmethod(lambda *a, **k: "")  # type: ignore
    try:
        yield opened
    finally:
        (QDialog.exec, QMessageBox.exec, QFileDialog.getSaveFileName,
         QFileDialog.getOpenFileName, QFileDialog.getExistingDirectory) = saved


SKIP_ACTIONS = ("quit_action",)


def _menu_actions(window: QWidget) -> Iterator[tuple[str, object]]:
    for name, value in vars(window).items():
        if name.endswith("_action") and name not in SKIP_ACTIONS:
            yield name, value


def tour(built: object, runtime: Runtime, visit: Visit) -> list[str]:
    """Visit the main window and every screen reachable from its menus."""
    from console.app.first_run import FirstRun
    from console.ui.accounts_dialog import NETWORKS, AccountsController, AccountsDialog
    from console.ui.welcome import WelcomeController, WelcomeDialog

    window = built.window  # type: ignore[attr-defined]
    select_complaint(built)
    visit("main", window)
    with modal_dialogs_visit(visit) as opened:
        for name, action in _menu_actions(window):
            if name in ("accounts_action", "open_case_file_action", "refresh_action"):
                continue
            action.trigger()  # type: ignore[attr-defined]
            settle()
        for top in QApplication.topLevelWidgets():
            if top.isVisible() and top is not window:
                opened.append(type(top).__name__)
                visit(type(top).__name__, top)
                top.close()
    dialog = AccountsDialog(window)
    controller = AccountsController(dialog, runtime.accounts, dialog)
    dialog.show()
    settle()
    visit("AccountsDialog", dialog)
    controller.show_add()
    for index, network in enumerate(NETWORKS):
        controller._choose_network(index)
        settle()
        visit(f"AccountsDialog:{network.kind}", dialog)
        opened.append(f"form:{network.kind}")
    dialog.close()
    welcome = WelcomeDialog(window)
    WelcomeController(welcome, FirstRun(runtime.workspace), lambda: None, lambda: True, welcome)
    welcome.show()
    settle()
    visit("WelcomeDialog", welcome)
    welcome.close()
    opened.append("WelcomeDialog")
    opened.append(_visit_case_file_import(window, runtime, visit))
    return opened


def _visit_case_file_import(window: QWidget, runtime: Runtime, visit: Visit) -> str:
    """File > Import case file… for a damaged file: its sentences come from the Qt-free
    case file code, and must be in the agent's language too."""
    import tempfile
    import time

    from console.ui.casefile_import import ImportCaseFileController, ImportCaseFileDialog

    with tempfile.TemporaryDirectory() as folder:
        junk = Path(folder) / "damaged.posventa-cases"
        junk.write_bytes(b"\x00 not a case file" * 32)
        dialog = ImportCaseFileDialog(junk, window)
        ImportCaseFileController(dialog, runtime.workspace.store, junk)
        dialog.show()
        deadline = time.monotonic() + 10
        while not dialog.message.text() and time.monotonic() < deadline:
            settle()
            time.sleep(0.01)
        visit("ImportCaseFileDialog", dialog)
        dialog.close()
        dialog.deleteLater()
    return "ImportCaseFileDialog"
