"""The "add a Bluesky account" form: handle, app password and server, signed in off the GUI thread.

The accounts dialog embeds it. Signing in reaches the network (``createSession``), so it
runs as a :class:`~console.ui.tasks.Task`; the outcome comes back as a queued signal. What
the agent typed stays in the fields when sign-in fails.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.services import AccountService
from console.store.accounts import AccountInfo
from console.ui import labels
from console.ui.tasks import Task, TaskSignals, start_task

DEFAULT_SERVICE = "https://bsky.social"


class BlueskyForm(QWidget):
    """Adds a Bluesky account with an app password (never the main password).

    Signals:
        accountAdded(int): the id of the account just added (or whose password was replaced).
    """

    accountAdded = Signal(int)

    def __init__(self, accounts: AccountService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accounts = accounts
        self._running: dict[TaskSignals, Task] = {}
        self._build()
        self.add.clicked.connect(self.sign_in)
        self.password.returnPressed.connect(self.sign_in)
        self.handle.returnPressed.connect(self.password.setFocus)

    # -- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.handle = QLineEdit()
        self.handle.setPlaceholderText(self.tr("marca.bsky.social"))
        self.handle.setAccessibleName(self.tr("Bluesky handle"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("abcd-efgh-ijkl-mnop"))
        self.password.setAccessibleName(self.tr("App password"))
        self.service = QLineEdit(DEFAULT_SERVICE)
        self.service.setAccessibleName(self.tr("Bluesky server"))
        self.note = QLabel(self.tr(
            "Use an app password, never your main password. Create one in Bluesky under "
            "Settings ▸ Privacy and security ▸ App passwords. Change the server only if the "
            "account lives on its own PDS."))
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.add = QPushButton(self.tr("Sign in and add"))
        self.add.setDefault(True)
        self.message = labels.plain_label(wrap=True, selectable=True)
        self.message.setAccessibleName(self.tr("Bluesky sign-in message"))
        form = QFormLayout()
        form.addRow(self.tr("Handle"), self.handle)
        form.addRow(self.tr("App password"), self.password)
        form.addRow(self.tr("Server"), self.service)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    # -- behaviour ---------------------------------------------------------------------------

    def busy(self) -> bool:
        return bool(self._running)

    @Slot()
    def sign_in(self) -> None:
        """Check the handle and app password with the server, off the GUI thread."""
        if self.busy():
            return
        handle, password = self.handle.text(), self.password.text()
        service = self.service.text().strip() or DEFAULT_SERVICE
        self.add.setEnabled(False)
        self._say(self.tr("Signing in as %1 on %2…").replace(
            "%1", handle.strip() or "…").replace("%2", service), error=False)
        task = Task(lambda: self.accounts.add_bluesky(handle, password, service),
                    "add the Bluesky account")
        signals = task.signals
        self._running[signals] = task  # keep both alive until the outcome arrives
        signals.succeeded.connect(self._on_added)
        signals.failed.connect(self._on_failed)
        start_task(task)

    def _finish(self) -> None:
        self._running.clear()
        self.add.setEnabled(True)

    @Slot(object)
    def _on_added(self, account: AccountInfo) -> None:
        self._finish()
        self.password.clear()
        self.handle.clear()
        self._say(self.tr("Added %1. The first sync starts now.").replace("%1", account.label),
                  error=False)
        self.accountAdded.emit(account.id)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._finish()
        self._say(message, error=True)  # what was typed stays in the fields

    def _say(self, text: str, *, error: bool) -> None:
        colour = labels.COMPLAINT_COLOUR.name()
        self.message.setStyleSheet(f"color: {colour};" if error else "")
        self.message.setText(text)
