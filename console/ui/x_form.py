"""The "add an X account" form: OAuth 2.0 through the browser with the team's X app.

The accounts dialog embeds it. The flow is :class:`console.channels.x.signin.XSignIn`: the
loopback listener starts on a worker, the browser opens X's consent page, and a background
thread waits for the redirect (or an address the agent pastes), exchanges the code and
keeps the account. Every outcome comes back to the GUI thread as a queued signal. The
monthly read budget is optional (empty: none); what was typed stays when a step fails.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QUrl, Signal, SignalInstance, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.accounts.queries import AccountInfo
from console.accounts.service import AccountService
from console.channels.base import ChannelError
from console.channels.x.network import NETWORK, api_url_of, check_budget, signed_in_account
from console.channels.x.signin import DEFAULT_PORT, SignInCancelled, XSignIn, callback_address
from console.errors import InvalidInput
from console.ui import labels
from console.ui.tasks import Task, TaskSignals, start_task

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Carries the waiting thread's outcome to the GUI thread (queued delivery).

    Signals:
        added(object): the AccountInfo kept.
        failed(str): one sentence saying what went wrong.
    """

    added = Signal(object)
    failed = Signal(str)


class XForm(QWidget):
    """Signs an X account in through the browser (or with a pasted access token).

    Signals:
        accountAdded(int): the id of the account added.
        busyChanged(bool): a sign-in started or ended.
    """

    accountAdded = Signal(int)
    busyChanged = Signal(bool)

    def __init__(self, accounts: AccountService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accounts = accounts
        self.signin: XSignIn | None = None
        self.open_url = QDesktopServices.openUrl  # tests put their own "browser" here
        self._running: dict[TaskSignals, Task] = {}
        self._relay = _Relay(self)
        self._relay.added.connect(self._on_added)
        self._relay.failed.connect(self._on_failed)
        self._build()
        self.start.clicked.connect(self.begin)
        self.reopen.clicked.connect(self._open_browser)
        self.use_address.clicked.connect(self.submit_address)
        self.address.returnPressed.connect(self.submit_address)
        self.cancel_button.clicked.connect(self.cancel)
        self.advanced.toggled.connect(self.token_box.setVisible)
        self.add_token.clicked.connect(self.add_with_token)

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
        self.start = QPushButton(self.tr("Sign in with the browser"))
        self.start.setDefault(True)
        start_row = QHBoxLayout()
        start_row.addStretch(1)
        start_row.addWidget(self.start)

        self.waiting = labels.plain_label(wrap=True)
        self.reopen = QPushButton(self.tr("Open the page again"))
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("http://127.0.0.1:…/callback?state=…&code=…"))
        self.address.setAccessibleName(self.tr("Address the browser ended on"))
        self.use_address = QPushButton(self.tr("Use this address"))
        paste_row = QHBoxLayout()
        paste_row.addWidget(self.address, 1)
        paste_row.addWidget(self.use_address)
        self.wait_box = QWidget()
        wait_layout = QVBoxLayout(self.wait_box)
        wait_layout.setContentsMargins(0, 0, 0, 0)
        wait_layout.addWidget(self.waiting)
        wait_layout.addWidget(self.reopen)
        wait_layout.addWidget(labels.plain_label(self.tr(
            "Approved on another device? Paste the address its browser ended on:"), wrap=True))
        wait_layout.addLayout(paste_row)
        self.wait_box.setVisible(False)

        self.advanced = QCheckBox(self.tr("Advanced: paste a user access token instead"))
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setAccessibleName(self.tr("Access token"))
        self.add_token = QPushButton(self.tr("Verify and add"))
        token_row = QHBoxLayout()
        token_row.setContentsMargins(0, 0, 0, 0)
        token_row.addWidget(self.token, 1)
        token_row.addWidget(self.add_token)
        self.token_box = QWidget()
        self.token_box.setLayout(token_row)
        self.token_box.setVisible(False)

        self.message = labels.plain_label(wrap=True, selectable=True)
        self.message.setAccessibleName(self.tr("X sign-in message"))
        self.cancel_button = QPushButton(self.tr("Cancel sign-in"))
        self.cancel_button.setVisible(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(start_row)
        layout.addWidget(self.wait_box)
        layout.addWidget(self.advanced)
        layout.addWidget(self.token_box)
        layout.addStretch(1)
        layout.addLayout(bottom)
        self._show_callback(self.port.value())

    @Slot(int)
    def _show_callback(self, port: int) -> None:
        self.callback.setText(callback_address(port))

    # -- state -------------------------------------------------------------------------------

    def busy(self) -> bool:
        return self.signin is not None or bool(self._running)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {labels.COMPLAINT_COLOUR.name()};" if error else "")
        self.message.setText(text)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.start, self.add_token, self.client_id, self.port, self.api,
                       self.budget):
            widget.setEnabled(not busy)
        self.cancel_button.setVisible(busy)
        self.wait_box.setVisible(busy and self.signin is not None)
        self.busyChanged.emit(busy)

    def _run(self, task: Task, done: Callable[[object], None],
             failed: Callable[[str], None]) -> None:
        signals = task.signals
        self._running[signals] = task
        signals.succeeded.connect(lambda _r, s=signals: self._running.pop(s, None))
        signals.failed.connect(lambda _m, s=signals: self._running.pop(s, None))
        signals.succeeded.connect(done)
        signals.failed.connect(failed)
        start_task(task)

    # -- the browser flow --------------------------------------------------------------------

    @Slot()
    def begin(self) -> None:
        if self.busy():
            return
        try:
            budget = check_budget(self.budget.text())
            signin = XSignIn(api_url_of(self.api.text()), self.client_id.text(),
                             port=self.port.value())
            signin.start()
        except (InvalidInput, ChannelError) as exc:
            self._say(str(exc), error=True)
            return
        self.signin = signin
        self._set_busy(True)
        self.waiting.setText(self.tr(
            "Your browser opened X's consent page. Approve Posventa there; this window "
            "continues by itself."))
        self._say("")
        self._open_browser()
        threading.Thread(target=self._finish, args=(signin, budget), daemon=True,
                         name="posventa-x-signin-wait").start()

    @Slot()
    def _open_browser(self) -> None:
        if self.signin is not None and self.signin.authorize_url:
            self.open_url(QUrl(self.signin.authorize_url))

    def _finish(self, signin: XSignIn, budget: int | None) -> None:
        """On the waiting thread: the code, the exchange, and keeping the account."""
        try:
            signed = signin.complete(signin.wait())
            if signin.cancelled:
                return
            account = self.accounts.keep(signed_in_account(signed, budget))
        except SignInCancelled:
            return
        except (InvalidInput, ChannelError) as exc:
            self._emit(self._relay.failed, str(exc))
            return
        except Exception as exc:
            log.error("X sign-in failed: %s", type(exc).__name__)
            self._emit(self._relay.failed, self.tr("Could not sign in: unexpected %1.")
                       .replace("%1", type(exc).__name__))
            return
        self._emit(self._relay.added, account)

    @staticmethod
    def _emit(signal: SignalInstance, value: object) -> None:
        with contextlib.suppress(RuntimeError):  # the dialog was closed meanwhile
            signal.emit(value)

    @Slot()
    def submit_address(self) -> None:
        if self.signin is None:
            return
        try:
            self.signin.submit_pasted(self.address.text())
        except ChannelError as exc:
            self._say(str(exc), error=True)
            return
        self._say(self.tr("Checking the approval with X…"))

    @Slot()
    def cancel(self) -> None:
        signin, self.signin = self.signin, None
        if signin is not None:
            signin.cancel()
        self._set_busy(False)
        self._say(self.tr("Sign-in cancelled.") if signin is not None else "")

    @Slot(object)
    def _on_added(self, account: AccountInfo) -> None:
        self.signin = None
        self._set_busy(False)
        self.token.clear()
        self.address.clear()
        self._say(self.tr("Signed in as @%1.").replace("%1", labels.untrusted(account.handle, 200)))
        self.accountAdded.emit(account.id)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        if self.signin is None and not self._running:
            return  # cancelled meanwhile
        self.signin = None
        self._set_busy(False)
        self._say(message, error=True)

    # -- the token paste (advanced) ----------------------------------------------------------

    @Slot()
    def add_with_token(self) -> None:
        if self.busy():
            return
        token, api, budget = self.token.text(), self.api.text(), self.budget.text()
        self._set_busy(True)
        self._say(self.tr("Checking the token with X…"))
        self._run(Task(lambda: self.accounts.add("x", token=token, api_url=api,
                                                 read_budget=budget,
                                                 client_id=self.client_id.text().strip()),
                       self.tr("add the account")),
                  self._on_added, self._on_token_failed)

    @Slot(str)
    def _on_token_failed(self, message: str) -> None:
        self._set_busy(False)
        self._say(message, error=True)  # the token stays in its field
