"""File > Team database…: connect this workspace to the team's PostgreSQL database, see
its state, copy the local data into it with a progress bar, or go back to the local one.

The work (network, keyring, copying) runs off the GUI thread (console/ui/tasks.py); every
fault is the one sentence console/app/team.py words, shown as plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.app import team
from console.app.team import TeamError, TeamStatus
from console.errors import InvalidInput
from console.ui import labels
from console.ui.tasks import Progress, Task, start_task


def _plain(work: Callable[[], Any]) -> Callable[[], Any]:
    """The task shows InvalidInput word for word: team faults are such sentences."""
    def run() -> Any:
        try:
            return work()
        except TeamError as exc:
            raise InvalidInput(str(exc)) from None
    return run


class TeamDialog(QDialog):
    """The team database of one workspace: connect, status, migrate, disconnect."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.switched = False  # connected or disconnected: the window opens the other database
        self.setWindowTitle(self.tr("Team database"))
        self.setMinimumWidth(560)
        self.state = labels.plain_label()
        self.state.setWordWrap(True)
        self.url = QLineEdit()
        self.url.setPlaceholderText(self.tr("The address your IT team gives for it"))
        self.url.setAccessibleName(self.tr("Team database address"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setToolTip(self.tr("Kept in the system keyring, never in a file"))
        form = QFormLayout()
        form.addRow(self.tr("&Address:"), self.url)
        form.addRow(self.tr("&Password:"), self.password)
        self.connect_button = QPushButton(self.tr("&Connect"))
        self.migrate_button = QPushButton(self.tr("&Copy this workspace's data into it"))
        self.disconnect_button = QPushButton(self.tr("&Disconnect"))
        buttons = QHBoxLayout()
        for button in (self.connect_button, self.migrate_button, self.disconnect_button):
            buttons.addWidget(button)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.message = labels.plain_label()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.connect_button.clicked.connect(self.connect_now)
        self.migrate_button.clicked.connect(self.migrate_now)
        self.disconnect_button.clicked.connect(self.disconnect_now)
        self._busy(False)
        self.refresh()

    def _busy(self, busy: bool, connected: bool | None = None) -> None:
        for widget in (self.connect_button, self.url, self.password):
            widget.setEnabled(not busy)
        on_team = bool(self.url.text()) if connected is None else connected
        self.migrate_button.setEnabled(not busy and on_team)
        self.disconnect_button.setEnabled(not busy and on_team)

    def _run(self, work: Callable[[], Any], what: str, done: Callable[[Any], None]) -> None:
        self._busy(True)
        signals = start_task(Task(_plain(work), what))
        signals.succeeded.connect(done)
        signals.failed.connect(self._failed)

    def _failed(self, sentence: str) -> None:
        self.progress.setVisible(False)
        self.message.setText(sentence)
        self.refresh()

    def refresh(self) -> None:
        """Ask the database for its state (off the GUI thread)."""
        self._run(lambda: team.status(self.folder), self.tr("read the team database's state"),
                  self._show)

    def _show(self, status: TeamStatus) -> None:
        if status.url:
            self.state.setText(self.tr(
                "This workspace works in the team database {url} (schema {schema}); "
                "other consoles connected now: {count}.").format(
                    url=status.url, schema=status.schema, count=len(status.consoles)))
            self.url.setText(status.url)
        else:
            self.state.setText(self.tr(
                "This workspace works in its own database on this computer."))
        self._busy(False, bool(status.url))

    def connect_now(self) -> None:
        url, password = self.url.text().strip(), self.password.text()
        self.password.clear()  # not kept in the window either
        self.message.setText("")

        def done(status: TeamStatus) -> None:
            self._show(status)
            self.message.setText(self.tr(
                "Connected. Posventa opens the team database when you close this window."))
            self.switched = True
        self._run(lambda: team.connect(self.folder, url, password or None),
                  self.tr("connect to the team database"), done)

    def _moved(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def migrate_now(self) -> None:
        progress = Progress(self)
        self.message.setText("")
        self.progress.setVisible(True)
        self.progress.setValue(0)
        # A bound slot of this dialog: delivered on the GUI thread, in order.
        progress.moved.connect(self._moved)

        def finished(copied: int) -> None:
            self.progress.setVisible(False)
            self.message.setText(self.tr("Copied {count} rows into the team database.")
                                 .format(count=copied))
            self.refresh()
        self._run(lambda: team.migrate(
            self.folder, lambda _table, done, total: progress.moved.emit(done, total)),
            self.tr("copy the data into the team database"), finished)

    def disconnect_now(self) -> None:
        self.message.setText("")
        def done(_url: str) -> None:
            self.url.clear()
            self.message.setText(self.tr(
                "Disconnected. Posventa opens this workspace's own database when you close "
                "this window."))
            self.switched = True
            self.refresh()
        self._run(lambda: team.disconnect(self.folder), self.tr("disconnect"), done)


def install_team_action(window: Any, folder: Path,
                        reopen: Callable[[], None] | None = None) -> None:
    """File > Team database… opens the dialog for the workspace in ``folder``; after a
    connect or disconnect, ``reopen`` opens the window again on the other database."""
    def open_dialog() -> None:
        dialog = TeamDialog(folder, window)
        dialog.exec()
        switched = dialog.switched
        dialog.deleteLater()
        if switched and reopen is not None:
            reopen()
    window.team_action.triggered.connect(open_dialog)
