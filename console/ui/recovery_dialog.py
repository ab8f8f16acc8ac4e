"""What the console shows at start when the workspace database is damaged.

The agent reads what happened and where the damaged file was kept, then chooses: put back
a backup (the newest is offered first), start with an empty database, or quit. A restore
runs off the GUI thread through :func:`console.app.backup.restore`, which checks the backup
first; a refused backup leaves the dialog open with the reason, so another can be chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.app.backup import BackupError, restore
from console.app.workspace import BackupOffer, Workspace, WorkspaceCorrupt, WorkspaceError
from console.ui import labels
from console.ui.tasks import Task, start_task

RESTORE, EMPTY, QUIT = "restore", "empty", "quit"


def offer_time(offer: BackupOffer) -> str:
    """When a backup was taken, as every other date in the window ("22 Nov 2024 14:03")."""
    return labels.full_time(offer.taken_at)


def _size(path: Path) -> str:
    try:
        size = path.stat().st_size
    except OSError:
        return "?"
    if size >= 1_048_576:
        return f"{QLocale().toString(size / 1_048_576, 'f', 1)} MB"
    return f"{labels.count_text(max(size // 1024, 1))} KB"


class RecoveryDialog(QDialog):
    """Explains the damage and offers: restore a backup, start empty, or quit.

    ``restore_backup(path)`` does the restore (it runs on a pool thread) and returns
    None, or a sentence saying why it could not. After ``exec()``, :attr:`choice` is
    ``"restore"`` (done), ``"empty"`` or ``"quit"``.

    Signals:
        restoreFinished(str): a restore ended; "" when it worked, else why not.
    """

    restoreFinished = Signal(str)

    def __init__(self, error: WorkspaceCorrupt, restore_backup: Callable[[Path], str | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error = error
        self.restore_backup = restore_backup
        self.choice = QUIT
        self.restored: Path | None = None
        self._pending: Any = None
        self.setWindowTitle(self.tr("Posventa — the workspace database is damaged"))
        self.setModal(True)
        self.setMinimumWidth(560)

        self.explanation = labels.plain_label(self._explanation(), wrap=True, selectable=True)
        self.explanation.setAccessibleName(self.tr("What happened"))
        self.explanation.setMinimumWidth(540)  # wrapped text gets its full height
        self.offers = QComboBox()
        self.offers.setAccessibleName(self.tr("Backup to restore"))
        for offer in error.offers:
            kind = self.tr("backup") if offer.kind == "backup" else self.tr("copy before upgrade")
            self.offers.addItem(f"{offer_time(offer)} · {kind} · {_size(offer.path)}",
                                str(offer.path))
        self.offers.setVisible(len(error.offers) > 1)
        self.problem = labels.plain_label(wrap=True, selectable=True)
        self.problem.setAccessibleName(self.tr("Restore problem"))
        self.problem.setStyleSheet(f"color: {labels.COMPLAINT_COLOUR.name()};")
        self.problem.setVisible(False)
        self.restore_button = QPushButton()
        self.restore_button.setVisible(bool(error.offers))
        self.empty_button = QPushButton(self.tr("Start with an empty database"))
        self.quit_button = QPushButton(self.tr("Quit"))

        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.empty_button)
        buttons.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.offers)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)

        self.offers.currentIndexChanged.connect(self._update_restore_label)
        self.restore_button.clicked.connect(self.start_restore)
        self.empty_button.clicked.connect(self.start_empty)
        self.quit_button.clicked.connect(self.reject)
        self.restoreFinished.connect(self._on_restore_finished)
        self._update_restore_label()
        (self.restore_button if error.offers else self.empty_button).setDefault(True)

    def _explanation(self) -> str:
        what = labels.untrusted(str(self.error))
        text = self.tr("{0}.\n\nThe damaged file was moved aside, not deleted:\n{1}\n\n").format(
            what[:1].upper() + what[1:], self.error.aside)
        if self.error.offers:
            return text + self.tr(
                "You can put back a backup (the newest is offered first), or start with an "
                "empty database: accounts, watches and mentions would then be missing until "
                "you restore a backup with “posventa restore FILE”.")
        return text + self.tr(
            "There is no backup to put back. You can start with an empty database.")

    def selected_offer(self) -> BackupOffer | None:
        index = self.offers.currentIndex()
        return self.error.offers[index] if 0 <= index < len(self.error.offers) else None

    @Slot()
    def _update_restore_label(self) -> None:
        offer = self.selected_offer()
        if offer is not None:
            self.restore_button.setText(
                self.tr("Restore the backup of {0}").format(offer_time(offer)))

    @Slot()
    def start_restore(self) -> None:
        offer = self.selected_offer()
        if offer is None or self._pending is not None:
            return
        self._set_busy(True)
        self.problem.setText(self.tr("Restoring the backup of {0}…").format(offer_time(offer)))
        self.problem.setVisible(True)
        path = offer.path

        def work() -> str:
            return self.restore_backup(path) or ""

        self._pending = start_task(Task(work, self.tr("restore the backup")),
                                   QThreadPool.globalInstance())
        self._pending.succeeded.connect(self.restoreFinished.emit)
        self._pending.failed.connect(self.restoreFinished.emit)
        self.restored = path

    @Slot(str)
    def _on_restore_finished(self, problem: str) -> None:
        self._pending = None
        self._set_busy(False)
        if not problem:
            self.choice = RESTORE
            self.accept()
            return
        self.restored = None
        self.problem.setText(self.tr("That backup was not restored: {0}").format(problem))

    @Slot()
    def start_empty(self) -> None:
        self.choice = EMPTY
        self.accept()

    def _set_busy(self, busy: bool) -> None:
        for button in (self.restore_button, self.empty_button, self.quit_button):
            button.setEnabled(not busy)
        self.offers.setEnabled(not busy)

    def reject(self) -> None:
        if self._pending is None:  # never leave while a restore is under way
            self.choice = QUIT
            super().reject()


def restore_into(folder: Path) -> Callable[[Path], str | None]:
    """A ``restore_backup`` for the dialog: restores into ``folder``, returns why not."""

    def run(backup: Path) -> str | None:
        try:
            restore(backup, folder)
        except BackupError as exc:
            return str(exc)
        return None

    return run


def recover(folder: Path, error: WorkspaceCorrupt, open_workspace: Callable[[Path], Any],
            parent: QWidget | None = None) -> Any:
    """Ask the agent what to do with a damaged workspace; returns the opened runtime
    (``open_workspace(folder)``) or None when the agent quits."""
    dialog = RecoveryDialog(error, restore_into(folder), parent)
    dialog.exec()
    choice = dialog.choice
    dialog.deleteLater()
    if choice == QUIT:
        return None
    try:
        if choice == EMPTY:
            Workspace(folder, memory_secrets=True, start_empty=True).close()
        return open_workspace(folder)
    except WorkspaceError as exc:
        _tell(parent, str(exc))
        return None


def _tell(parent: QObject | None, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, "Posventa", "",
                      QMessageBox.StandardButton.Close,
                      parent if isinstance(parent, QWidget) else None)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(labels.untrusted(message))
    box.exec()
