"""The "add a Bluesky account" form: handle, app password and server, signed in off the GUI thread.

The accounts dialog embeds it. Signing in reaches the network (``createSession``), so it
runs as a :class:`~console.ui.tasks.Task`; the outcome comes back as a queued signal. What
the agent typed stays in the fields when sign-in fails.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from console.accounts.service import AccountService
from console.channels.bluesky.network import NETWORK
from console.ui.account_form import AccountForm

DEFAULT_SERVICE = NETWORK.default_url


class BlueskyForm(AccountForm):
    """Adds a Bluesky account with an app password (never the main password).

    Signals:
        accountAdded(int): the id of the account just added (or whose password was replaced).
    """

    def __init__(self, accounts: AccountService, parent: QWidget | None = None) -> None:
        super().__init__(accounts, parent)
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
        self.direct = QCheckBox(self.tr("Read and answer direct messages"))
        self.direct.setChecked(True)
        self.direct.setToolTip(self.tr(
            "Needs an app password made with “Allow access to your direct messages”. Untick "
            "to follow public posts only."))
        self.note = QLabel(self.tr(
            "Use an app password, never your main password. Create one in Bluesky under "
            "Settings ▸ Privacy and security ▸ App passwords, with “Allow access to your "
            "direct messages” ticked for direct messages. Change the server only if the "
            "account lives on its own PDS."))
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.add = QPushButton(self.tr("Sign in and add"))
        self.add.setDefault(True)
        self.message.setAccessibleName(self.tr("Bluesky sign-in message"))
        form = QFormLayout()
        form.addRow(self.tr("Handle"), self.handle)
        form.addRow(self.tr("App password"), self.password)
        form.addRow(self.tr("Server"), self.service)
        form.addRow("", self.direct)
        self._layout(form, [self.note])

    # -- behaviour ---------------------------------------------------------------------------

    @Slot()
    def sign_in(self) -> None:
        """Check the handle and app password with the server, off the GUI thread."""
        if self.busy():
            return
        handle, password = self.handle.text(), self.password.text()
        service = self.service.text().strip() or DEFAULT_SERVICE
        direct = self.direct.isChecked()
        self._start(lambda: self.accounts.add("bluesky", handle=handle, app_password=password,
                                              service_url=service, direct_messages=direct),
                    self.tr("add the Bluesky account"),
                    self.tr("Signing in as %1 on %2…").replace(
                        "%1", handle.strip() or "…").replace("%2", service))

    def _cleared(self) -> None:
        self.password.clear()
        self.handle.clear()
