"""What the "add an account" forms share: one add button, a message line, work off the GUI thread.

Adding an account reaches the network, so it runs as a :class:`~console.ui.tasks.Task` and
the outcome comes back as a queued signal. What the agent typed stays in the fields when
adding fails; each form clears its fields (passwords included) only after a success.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.accounts.queries import AccountInfo
from console.accounts.service import AccountService
from console.ui import labels
from console.ui.tasks import Task, TaskSignals, start_task


def secondary_note(text: str) -> QLabel:
    note = QLabel(text)
    note.setTextFormat(Qt.TextFormat.PlainText)
    note.setWordWrap(True)
    note.setEnabled(False)  # drawn as secondary text
    return note


class AccountForm(QWidget):
    """Base of the account forms: subclasses build ``add`` and the fields, call ``_layout``
    and ``_start``, and clear their fields in ``_cleared``.

    Signals:
        accountAdded(int): the id of the account just added.
    """

    accountAdded = Signal(int)
    add: QPushButton  # made by each form

    def __init__(self, accounts: AccountService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accounts = accounts
        self._running: dict[TaskSignals, Task] = {}
        self.message = labels.plain_label(wrap=True, selectable=True)
        self.anchor: QWidget | None = None  # the field the message sits under

    def busy(self) -> bool:
        return bool(self._running)

    def _start(self, work: Callable[[], AccountInfo], what: str, waiting: str) -> None:
        self.add.setEnabled(False)
        self._say(waiting, error=False)
        task = Task(work, what)
        signals = task.signals
        self._running[signals] = task  # keep both alive until the outcome arrives
        signals.succeeded.connect(self._on_added)
        signals.failed.connect(self._on_failed)
        start_task(task)

    def _finish(self) -> None:
        self._running.clear()
        self.add.setEnabled(True)

    def _cleared(self) -> None:
        """Empty the fields after a success."""

    @Slot(object)
    def _on_added(self, account: AccountInfo) -> None:
        self._finish()
        self._cleared()
        # Explicit context: `self.tr` here would take the subclass's name at runtime.
        self._say(QCoreApplication.translate("AccountForm", "Added %1. The first sync starts now.")
                  .replace("%1", labels.untrusted(account.label, 200)), error=False)
        self.accountAdded.emit(account.id)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._finish()
        self._say(message, error=True)  # what was typed stays in the fields
        if self.anchor is not None:  # back to the field the sentence is about
            self.anchor.setFocus()

    def _say(self, text: str, *, error: bool) -> None:
        colour = labels.COMPLAINT_COLOUR.name()
        self.message.setStyleSheet(f"color: {colour};" if error else "")
        self.message.setText(text)
        self.message.setVisible(bool(text))  # an empty line would open a gap in the form

    def _layout(self, form: QFormLayout, extra: list[QWidget]) -> None:
        """The form, its notes and the add button; the message line goes right under the
        first field (the address the server's answer is almost always about), where the
        eye is, instead of below the button."""
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        for widget in extra:
            layout.addWidget(widget)
        layout.addLayout(buttons)
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if item is not None and isinstance(item.widget(), QLineEdit):
                self.anchor = item.widget()
                form.insertRow(row + 1, "", self.message)
                self.message.hide()
                break
        else:
            layout.addWidget(self.message)
        layout.addStretch(1)  # the rows stay together at the top of a tall dialog
