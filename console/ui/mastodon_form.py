"""The "add a Mastodon account" form: sign in through the browser, or paste a code or token.

The accounts dialog embeds it (also to sign an account in again). The flow itself is
:class:`console.channels.mastodon.signin.MastodonSignIn`, run by
:class:`~console.ui.browser_sign_in.BrowserSignInForm`: registering the app and the loopback
listener start on a worker; the browser opens on the authorization page; a background
thread waits for the loopback redirect or a pasted code, then exchanges it and keeps the
account. What is Mastodon's own: the server field, the code shown on a page for another
device, and the advanced token paste.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from console.accounts.queries import AccountInfo
from console.accounts.service import AccountService
from console.channels.mastodon.network import check_instance_url, signed_in_account
from console.channels.mastodon.signin import MastodonSignIn
from console.ui import labels
from console.ui.browser_sign_in import BrowserSignInForm, Keep


class MastodonForm(BrowserSignInForm):
    """Signs a Mastodon account in (``account`` given: signs that account in again).

    Signals: those of :class:`BrowserSignInForm` (accountAdded, busyChanged).
    """

    network_name = "Mastodon"

    def __init__(self, accounts: AccountService, parent: QWidget | None = None,
                 account: AccountInfo | None = None) -> None:
        super().__init__(accounts, parent, account)
        self._build()
        self.instance.returnPressed.connect(self.begin)
        self.copy_link.clicked.connect(self._copy_oob)
        self.use_code.clicked.connect(self.submit_code)
        self.code.returnPressed.connect(self.submit_code)
        if account is not None:
            self.instance.setText(account.base_url)
            self.instance.setReadOnly(True)

    # -- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.instance = QLineEdit()
        self.instance.setPlaceholderText(self.tr("mastodon.social"))
        self.instance.setAccessibleName(self.tr("Mastodon server"))
        intro = labels.plain_label(self.tr(
            "Type the server your brand account is on. Posventa opens its sign-in page in "
            "your browser; approve there and this window continues by itself."), wrap=True)
        self._token_box(self.tr("Advanced: paste an access token instead"),
                        self.add_with_token)
        self.token.setPlaceholderText(self.tr("Preferences ▸ Development ▸ your application"))
        server_form = QFormLayout()
        server_form.addRow(self.tr("Server"), self.instance)

        fallback = labels.plain_label(self.tr(
            "No browser on this computer, or it cannot come back here? Open this page on "
            "any device, approve, and paste the code it shows:"), wrap=True)
        self.oob_link = QLineEdit()
        self.oob_link.setReadOnly(True)
        self.oob_link.setAccessibleName(self.tr("Page that shows a sign-in code"))
        self.copy_link = QPushButton(self.tr("Copy"))
        link_row = QHBoxLayout()
        link_row.addWidget(self.oob_link, 1)
        link_row.addWidget(self.copy_link)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("authorization code"))
        self.code.setAccessibleName(self.tr("Authorization code"))
        self.use_code = QPushButton(self.tr("Use this code"))
        code_row = QHBoxLayout()
        code_row.addWidget(self.code, 1)
        code_row.addWidget(self.use_code)
        self.message.setAccessibleName(self.tr("Mastodon sign-in message"))
        self._lay_out([intro, server_form], [fallback, link_row, code_row],
                      [self.advanced, self.token_box])

    # -- what the browser sign-in asks of the form -------------------------------------------

    def _new_sign_in(self) -> tuple[MastodonSignIn, Keep]:
        return MastodonSignIn(check_instance_url(self.instance.text())), signed_in_account

    def _starting(self, signin: MastodonSignIn) -> tuple[str, str]:
        return (self.tr("Registering Posventa on %1…").replace("%1", signin.host),
                self.tr("reach the server"))

    def _waiting_text(self, signin: MastodonSignIn) -> str:
        return self.tr(
            "Your browser opened the sign-in page of %1. Approve Posventa there; this window "
            "continues by itself.").replace("%1", signin.host)

    def _checking_text(self, signin: MastodonSignIn) -> str:
        return self.tr("Checking the code with %1…").replace("%1", signin.host)

    def _signed_in_text(self, account: AccountInfo) -> str:
        return self.tr("Signed in as @%1.").replace("%1", labels.untrusted(account.handle, 200))

    def _lock_fields(self, busy: bool) -> None:
        self.add_token.setEnabled(not busy)
        self.instance.setReadOnly(busy or self.account is not None)

    def _on_waiting(self, signin: MastodonSignIn) -> None:
        self.oob_link.setText(signin.oob_url)
        self.oob_link.setCursorPosition(0)
        self.code.clear()

    def _cleared(self) -> None:
        self.token.clear()
        self.code.clear()
        if self.account is None:
            self.instance.clear()

    @Slot()
    def _copy_oob(self) -> None:
        QGuiApplication.clipboard().setText(self.oob_link.text())
        self._say(self.tr("Link copied."))

    @Slot()
    def submit_code(self) -> None:
        self._submit_pasted(self.code.text())

    # -- the token paste (advanced) ----------------------------------------------------------

    @Slot()
    def add_with_token(self) -> None:
        url, token = self.instance.text(), self.token.text()
        self._add_with_token(
            lambda: self.accounts.add("mastodon", instance_url=url, token=token),
            self.tr("Checking the token with %1…").replace("%1", url.strip() or "…"))
