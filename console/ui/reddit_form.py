"""The "add a Reddit account" form: the team's installed app, signed in through the browser.

The accounts dialog embeds it (also to sign an account in again). The flow is
:class:`console.channels.reddit.signin.RedditSignIn`, run by
:class:`~console.ui.browser_sign_in.BrowserSignInForm`: the loopback listener starts on a
worker, the browser opens Reddit's authorization page, and a background thread waits for
the browser's return (or the address it ended on, pasted here), trades the code and keeps
the account. What is Reddit's own: the app's client id, the redirect address to register
and the API address; what was typed stays when something fails.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QWidget

from console.accounts.queries import AccountInfo
from console.accounts.service import AccountService
from console.channels.reddit.network import NETWORK, signed_in_account
from console.channels.reddit.oauth import APPS_PAGE, REDIRECT_PORT, redirect_uri
from console.channels.reddit.signin import RedditSignIn
from console.ui import labels
from console.ui.browser_sign_in import BrowserSignInForm, Keep


class RedditForm(BrowserSignInForm):
    """Signs a Reddit account in with the team's installed app; ``account`` given: signs
    that account in again, with its app filled in.

    Signals: those of :class:`BrowserSignInForm` (accountAdded, busyChanged).
    """

    network_name = "Reddit"

    def __init__(self, accounts: AccountService, parent: QWidget | None = None,
                 account: AccountInfo | None = None) -> None:
        super().__init__(accounts, parent, account)
        self.port = 0  # 0: the app's registered port (tests listen elsewhere)
        self._build()
        self.client_id.returnPressed.connect(self.begin)
        self.copy_redirect.clicked.connect(self._copy_redirect)
        if account is not None:
            self.client_id.setText(str(account.settings.get("client_id") or ""))
            self.redirect.setText(redirect_uri(_port_of(account.settings.get("redirect_uri"))))
            self.api.setText(account.base_url)
            self.api.setReadOnly(True)

    # -- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.note = labels.plain_label(self.tr(
            "Reddit approves new apps before they can use its API: register an installed app "
            "at %1 with the redirect address below, wait for Reddit's approval, then paste "
            "its client id here. Posventa never links a Reddit author to a customer by itself "
            "and never starts a private message.").replace("%1", APPS_PAGE), wrap=True)
        self.client_id = QLineEdit()
        self.client_id.setPlaceholderText(self.tr("the id under the app's name"))
        self.client_id.setAccessibleName(self.tr("Reddit app client id"))
        self.redirect = QLineEdit(redirect_uri())
        self.redirect.setReadOnly(True)
        self.redirect.setAccessibleName(self.tr("Redirect address to register"))
        self.copy_redirect = QPushButton(self.tr("Copy"))
        redirect_row = QHBoxLayout()
        redirect_row.addWidget(self.redirect, 1)
        redirect_row.addWidget(self.copy_redirect)
        self.api = QLineEdit(NETWORK.default_url)
        self.api.setAccessibleName(self.tr("Reddit API address"))
        form = QFormLayout()
        form.addRow(self.tr("Client id"), self.client_id)
        form.addRow(self.tr("Redirect address"), redirect_row)
        form.addRow(self.tr("API"), self.api)

        fallback = labels.plain_label(self.tr(
            "The browser could not come back to this computer? Paste the whole address it "
            "ended on:"), wrap=True)
        address_row = self._address_row(redirect_uri() + "?state=…&code=…")
        self.message.setAccessibleName(self.tr("Reddit sign-in message"))
        self._lay_out([self.note, form], [fallback, address_row])

    @Slot()
    def _copy_redirect(self) -> None:
        QGuiApplication.clipboard().setText(self.redirect.text())
        self._say(self.tr("Redirect address copied."))

    # -- what the browser sign-in asks of the form -------------------------------------------

    def _new_sign_in(self) -> tuple[RedditSignIn, Keep]:
        kept = self.account.settings if self.account is not None else {}
        auth, owner = kept.get("auth_url"), str(kept.get("owner") or "")
        signin = RedditSignIn(self.client_id.text(),
                              self.api.text().strip() or NETWORK.default_url,
                              auth if isinstance(auth, str) else None,
                              port=self.port or _port_of(kept.get("redirect_uri")),
                              owner=owner)
        return signin, lambda signed: signed_in_account(signed, owner)

    def _starting(self, signin: RedditSignIn) -> tuple[str, str]:
        return self.tr("Waiting for Reddit…"), self.tr("listen for the browser")

    def _waiting_text(self, signin: RedditSignIn) -> str:
        return self.tr(
            "Your browser opened Reddit's authorization page. Allow Posventa there; this "
            "window continues by itself.")

    def _checking_text(self, signin: RedditSignIn) -> str:
        return self.tr("Checking the sign-in with Reddit…")

    def _signed_in_text(self, account: AccountInfo) -> str:
        return self.tr("Signed in as u/%1.").replace("%1", labels.untrusted(account.handle, 200))

    def _lock_fields(self, busy: bool) -> None:
        self.client_id.setReadOnly(busy)
        self.api.setReadOnly(busy or self.account is not None)

    def _on_waiting(self, signin: RedditSignIn) -> None:
        self.address.clear()
        self.address.setPlaceholderText(signin.redirect_uri + "?state=…&code=…")

    def _cleared(self) -> None:
        self.address.clear()


def _port_of(address: object) -> int:
    """The port of the redirect address an account signed in with (the app registers an
    exact address), else the usual one."""
    if isinstance(address, str):
        try:
            port = urlsplit(address).port
        except ValueError:
            port = None
        if port:
            return port
    return REDIRECT_PORT
