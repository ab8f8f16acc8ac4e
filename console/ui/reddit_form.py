"""The "add a Reddit account" form: the team's installed app, signed in through the browser.

The accounts dialog embeds it. The flow is :class:`console.channels.reddit.signin.RedditSignIn`:
the loopback listener starts on a worker, the browser opens Reddit's authorization page, and
a background thread waits for the browser's return (or the address it ended on, pasted
here), trades the code and keeps the account. Every outcome comes back to the GUI thread
as a queued signal; what was typed stays when something fails.
"""

from __future__ import annotations

import contextlib
import logging
import threading

from PySide6.QtCore import QObject, QUrl, Signal, SignalInstance, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from console.accounts.queries import AccountInfo
from console.accounts.service import AccountService
from console.channels.base import ChannelError
from console.channels.loopback import SignInCancelled
from console.channels.reddit.network import NETWORK, signed_in_account
from console.channels.reddit.oauth import APPS_PAGE, REDIRECT_PORT, redirect_uri
from console.channels.reddit.signin import RedditSignIn
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


class RedditForm(QWidget):
    """Signs a Reddit account in with the team's installed app.

    Signals:
        accountAdded(int): the id of the account added.
        busyChanged(bool): a sign-in started or ended (the dialog disables leaving).
    """

    accountAdded = Signal(int)
    busyChanged = Signal(bool)

    def __init__(self, accounts: AccountService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accounts = accounts
        self.signin: RedditSignIn | None = None
        self.open_url = QDesktopServices.openUrl  # tests put their own "browser" here
        self.port = 0  # 0: the app's registered port (tests listen elsewhere)
        self._running: dict[TaskSignals, Task] = {}
        self._relay = _Relay(self)
        self._relay.added.connect(self._on_added)
        self._relay.failed.connect(self._on_failed)
        self._build()
        self.start.clicked.connect(self.begin)
        self.client_id.returnPressed.connect(self.begin)
        self.copy_redirect.clicked.connect(self._copy_redirect)
        self.reopen.clicked.connect(self._open_browser)
        self.use_address.clicked.connect(self.submit_address)
        self.address.returnPressed.connect(self.submit_address)
        self.cancel_button.clicked.connect(self.cancel)

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
        self.start = QPushButton(self.tr("Sign in with the browser"))
        self.start.setDefault(True)
        form = QFormLayout()
        form.addRow(self.tr("Client id"), self.client_id)
        form.addRow(self.tr("Redirect address"), redirect_row)
        form.addRow(self.tr("API"), self.api)
        start_row = QHBoxLayout()
        start_row.addStretch(1)
        start_row.addWidget(self.start)
        app_page = QWidget()
        app_layout = QVBoxLayout(app_page)
        app_layout.setContentsMargins(0, 0, 0, 0)
        app_layout.addWidget(self.note)
        app_layout.addLayout(form)
        app_layout.addLayout(start_row)
        app_layout.addStretch(1)

        self.waiting = labels.plain_label(wrap=True)
        self.waiting.setAccessibleName(self.tr("Sign-in progress"))
        self.reopen = QPushButton(self.tr("Open the page again"))
        browser_row = QHBoxLayout()
        browser_row.addWidget(self.reopen)
        browser_row.addStretch(1)
        fallback = labels.plain_label(self.tr(
            "The browser could not come back to this computer? Paste the whole address it "
            "ended on:"), wrap=True)
        self.address = QLineEdit()
        self.address.setPlaceholderText(redirect_uri() + "?state=…&code=…")
        self.address.setAccessibleName(self.tr("Address the browser ended on"))
        self.use_address = QPushButton(self.tr("Use this address"))
        address_row = QHBoxLayout()
        address_row.addWidget(self.address, 1)
        address_row.addWidget(self.use_address)
        wait_page = QWidget()
        wait_layout = QVBoxLayout(wait_page)
        wait_layout.setContentsMargins(0, 0, 0, 0)
        wait_layout.addWidget(self.waiting)
        wait_layout.addLayout(browser_row)
        wait_layout.addSpacing(8)
        wait_layout.addWidget(fallback)
        wait_layout.addLayout(address_row)
        wait_layout.addStretch(1)

        self.pages = QStackedWidget()
        self.pages.addWidget(app_page)
        self.pages.addWidget(wait_page)
        self.message = labels.plain_label(wrap=True, selectable=True)
        self.message.setAccessibleName(self.tr("Reddit sign-in message"))
        self.cancel_button = QPushButton(self.tr("Cancel sign-in"))
        self.cancel_button.setVisible(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages, 1)
        layout.addLayout(bottom)

    # -- state -------------------------------------------------------------------------------

    def busy(self) -> bool:
        return self.signin is not None or bool(self._running)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {labels.COMPLAINT_COLOUR.name()};" if error else "")
        self.message.setText(text)

    def _set_busy(self, busy: bool) -> None:
        self.start.setEnabled(not busy)
        self.client_id.setReadOnly(busy)
        self.api.setReadOnly(busy)
        self.cancel_button.setVisible(busy)
        self.busyChanged.emit(busy)

    @Slot()
    def _copy_redirect(self) -> None:
        QGuiApplication.clipboard().setText(self.redirect.text())
        self._say(self.tr("Redirect address copied."))

    # -- the browser flow --------------------------------------------------------------------

    @Slot()
    def begin(self) -> None:
        """Listen on the app's redirect address and open the browser (off the GUI thread)."""
        if self.busy():
            return
        try:
            signin = RedditSignIn(self.client_id.text(),
                                  self.api.text().strip() or NETWORK.default_url,
                                  port=self.port or REDIRECT_PORT)
        except (InvalidInput, ChannelError) as exc:
            self._say(str(exc), error=True)
            return
        self.signin = signin
        self._set_busy(True)
        self._say(self.tr("Waiting for Reddit…"))
        task = Task(signin.start, self.tr("listen for the browser"))
        signals = task.signals
        self._running[signals] = task
        signals.succeeded.connect(lambda _r, s=signin, t=signals: self._on_started(s, t))
        signals.failed.connect(lambda m, t=signals: self._on_start_failed(m, t))
        start_task(task)

    def _on_started(self, signin: RedditSignIn, signals: TaskSignals) -> None:
        self._running.pop(signals, None)
        if signin is not self.signin:
            return  # cancelled meanwhile
        self.address.clear()
        self.waiting.setText(self.tr(
            "Your browser opened Reddit's authorization page. Allow Posventa there; this "
            "window continues by itself."))
        self.pages.setCurrentIndex(1)
        self._say("")
        self._open_browser()
        threading.Thread(target=self._finish, args=(signin,), daemon=True,
                         name="posventa-reddit-wait").start()

    def _on_start_failed(self, message: str, signals: TaskSignals) -> None:
        self._running.pop(signals, None)
        if self.signin is None:
            return
        self.signin.cancel()
        self.signin = None
        self._set_busy(False)
        self._say(message, error=True)

    @Slot()
    def _open_browser(self) -> None:
        if self.signin is not None and self.signin.authorize_url:
            self.open_url(QUrl(self.signin.authorize_url))

    def _finish(self, signin: RedditSignIn) -> None:
        """On the waiting thread: the code, the exchange, and keeping the account."""
        try:
            signed = signin.complete(signin.wait())
            if signin.cancelled:
                return
            account = self.accounts.keep(signed_in_account(signed))
        except SignInCancelled:
            return
        except (InvalidInput, ChannelError) as exc:
            self._emit(self._relay.failed, str(exc))
            return
        except Exception as exc:
            log.error("Reddit sign-in failed: %s", type(exc).__name__)
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
        signin = self.signin
        if signin is None:
            return
        try:
            signin.submit_pasted(self.address.text())
        except ChannelError as exc:
            self._say(str(exc), error=True)
            return
        self._say(self.tr("Checking the sign-in with Reddit…"))

    @Slot()
    def cancel(self) -> None:
        """Stop the sign-in at any point; what was typed stays."""
        signin, self.signin = self.signin, None
        if signin is not None:
            signin.cancel()
        self.pages.setCurrentIndex(0)
        self._set_busy(False)
        self._say(self.tr("Sign-in cancelled.") if signin is not None else "")

    @Slot(object)
    def _on_added(self, account: AccountInfo) -> None:
        self.signin = None
        self.pages.setCurrentIndex(0)
        self._set_busy(False)
        self.address.clear()
        self._say(self.tr("Signed in as u/%1.").replace(
            "%1", labels.untrusted(account.handle, 200)))
        self.accountAdded.emit(account.id)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        if self.signin is None:
            return  # cancelled meanwhile
        self.signin = None
        self.pages.setCurrentIndex(0)
        self._set_busy(False)
        self._say(message, error=True)
