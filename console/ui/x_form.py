"""The "add an X account" form: OAuth 2.0 through the browser with the team's X app.

The accounts dialog embeds it (also to sign an account in again). The flow is
:class:`console.channels.x.signin.XSignIn`, run by
:class:`~console.ui.browser_sign_in.BrowserSignInForm`: the loopback listener starts on a
worker, the browser opens X's consent page, and a background thread waits for the redirect
(or an address the agent pastes), exchanges the code and keeps the account. What is X's
own: the app's Client ID and callback port, the optional monthly read budget (empty: none),
the API address and the advanced token paste; what was typed stays when a step fails.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QFormLayout, QLineEdit, QSpinBox, QWidget

from console.accounts.queries import AccountInfo
from console.accounts.service import AccountService
from console.channels.x.network import NETWORK, api_url_of, check_budget, signed_in_account
from console.channels.x.signin import DEFAULT_PORT, XSignIn, callback_address
from console.ui import labels
from console.ui.browser_sign_in import BrowserSignInForm, Keep


class XForm(BrowserSignInForm):
    """Signs an X account in through the browser (or with a pasted access token);
    ``account`` given: signs that account in again, with its app and budget filled in.

    Signals: those of :class:`BrowserSignInForm` (accountAdded, busyChanged).
    """

    network_name = "X"

    def __init__(self, accounts: AccountService, parent: QWidget | None = None,
                 account: AccountInfo | None = None) -> None:
        super().__init__(accounts, parent, account)
        self._build()
        if account is not None:
            self.client_id.setText(str(account.settings.get("client_id") or ""))
            budget = account.settings.get("x_read_budget")
            self.budget.setText(str(budget) if budget else "")
            self.api.setText(account.base_url)
            self.api.setReadOnly(True)

    # -- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        intro = labels.plain_label(self.tr(
            "X signs in through your team's own X app: create one in X's developer console "
            "(type Native App), copy its Client ID, and add the callback shown below. X bills "
            "every post Posventa reads; a monthly read budget stops the keyword search when "
            "spent, and mentions keep coming."), wrap=True)
        self.client_id = QLineEdit()
        self.client_id.setPlaceholderText(self.tr("Client ID of your X app"))
        self.client_id.setAccessibleName(self.tr("X app Client ID"))
        self.port = QSpinBox()
        self.port.setRange(1024, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.port.setAccessibleName(self.tr("Callback port"))
        self.callback = labels.plain_label(selectable=True)
        self.port.valueChanged.connect(self._show_callback)
        self.budget = QLineEdit()
        self.budget.setPlaceholderText(self.tr("no budget"))
        self.budget.setAccessibleName(self.tr("Monthly read budget (posts)"))
        self.api = QLineEdit(NETWORK.default_url)
        self.api.setAccessibleName(self.tr("X API address"))
        form = QFormLayout()
        form.addRow(self.tr("Client ID"), self.client_id)
        form.addRow(self.tr("Callback port"), self.port)
        form.addRow(self.tr("Callback"), self.callback)
        form.addRow(self.tr("Read budget per month"), self.budget)
        form.addRow(self.tr("API address"), self.api)

        self._token_box(self.tr("Advanced: paste a user access token instead"),
                        self.add_with_token)

        fallback = labels.plain_label(self.tr(
            "Approved on another device? Paste the address its browser ended on:"), wrap=True)
        address_row = self._address_row(self.tr("http://127.0.0.1:…/callback?state=…&code=…"))
        self.message.setAccessibleName(self.tr("X sign-in message"))
        self._lay_out([intro, form], [fallback, address_row], [self.advanced, self.token_box])
        self._show_callback(self.port.value())

    @Slot(int)
    def _show_callback(self, port: int) -> None:
        self.callback.setText(callback_address(port))

    # -- what the browser sign-in asks of the form -------------------------------------------

    def _new_sign_in(self) -> tuple[XSignIn, Keep]:
        budget = check_budget(self.budget.text())
        signin = XSignIn(api_url_of(self.api.text()), self.client_id.text(),
                         port=self.port.value())
        return signin, lambda signed: signed_in_account(signed, budget)

    def _starting(self, signin: XSignIn) -> tuple[str, str]:
        return self.tr("Waiting for X…"), self.tr("listen for the browser")

    def _waiting_text(self, signin: XSignIn) -> str:
        return self.tr("Your browser opened X's consent page. Approve Posventa there; this "
                       "window continues by itself.")

    def _checking_text(self, signin: XSignIn) -> str:
        return self.tr("Checking the approval with X…")

    def _signed_in_text(self, account: AccountInfo) -> str:
        return self.tr("Signed in as @%1.").replace("%1", labels.untrusted(account.handle, 200))

    def _lock_fields(self, busy: bool) -> None:
        for widget in (self.add_token, self.client_id, self.port, self.api, self.budget):
            widget.setEnabled(not busy)

    def _on_waiting(self, signin: XSignIn) -> None:
        self.address.clear()

    def _cleared(self) -> None:
        self.token.clear()
        self.address.clear()

    # -- the token paste (advanced) ----------------------------------------------------------

    @Slot()
    def add_with_token(self) -> None:
        token, api, budget = self.token.text(), self.api.text(), self.budget.text()
        client_id = self.client_id.text().strip()
        self._add_with_token(
            lambda: self.accounts.add("x", token=token, api_url=api, read_budget=budget,
                                      client_id=client_id),
            self.tr("Checking the token with X…"))
