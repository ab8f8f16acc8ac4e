"""The "add a Mastodon account" form: sign in through the browser, or paste a code or token.

The accounts dialog embeds it (also to sign an account in again). The flow itself is
:class:`console.channels.mastodon.signin.MastodonSignIn`: registering the app and the
loopback listener start on a worker; the browser opens on the authorization page; a
background thread waits for the loopback redirect or a pasted code, then exchanges it and
keeps the account. Every outcome comes back to the GUI thread as a queued signal.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QUrl, Signal, SignalInstance, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
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
from console.channels.mastodon.network import check_instance_url, signed_in_account
from console.channels.mastodon.signin import MastodonSignIn, SignInCancelled
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


class MastodonForm(QWidget):
    """Signs a Mastodon account in (``account`` given: signs that account in again).

    Signals:
        accountAdded(int): the id of the account added or signed in again.
        busyChanged(bool): a sign-in started or ended (the dialog disables leaving).
    """

    accountAdded = Signal(int)
    busyChanged = Signal(bool)

    def __init__(self, accounts: AccountService, parent: QWidget | None = None,
                 account: AccountInfo | None = None) -> None:
        super().__init__(parent)
        self.accounts = accounts
        self.account = account
        self.signin: MastodonSignIn | None = None
        self.open_url = QDesktopServices.openUrl  # tests put their own "browser" here
        self._running: dict[TaskSignals, Task] = {}
        self._relay = _Relay(self)
        self._relay.added.connect(self._on_added)
        self._relay.failed.connect(self._on_failed)
        self._build()
        self.start.clicked.connect(self.begin)
        self.instance.returnPressed.connect(self.begin)
        self.cancel_button.clicked.connect(self.cancel)
        self.reopen.clicked.connect(self._open_browser)
        self.copy_link.clicked.connect(self._copy_oob)
        self.use_code.clicked.connect(self.submit_code)
        self.code.returnPressed.connect(self.submit_code)
        self.advanced.toggled.connect(self._show_advanced)
        self.add_token.clicked.connect(self.add_with_token)
        self.token.returnPressed.connect(self.add_with_token)
        if account is not None:
            self.instance.setText(account.base_url)
            self.instance.setReadOnly(True)

    # -- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.instance = QLineEdit()
        self.instance.setPlaceholderText(self.tr("mastodon.social"))
        self.instance.setAccessibleName(self.tr("Mastodon server"))
        self.start = QPushButton(self.tr("Sign in with the browser"))
        self.start.setDefault(True)
        intro = labels.plain_label(self.tr(
            "Type the server your brand account is on. Posventa opens its sign-in page in "
            "your browser; approve there and this window continues by itself."), wrap=True)
        self.advanced = QCheckBox(self.tr("Advanced: paste an access token instead"))
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("Preferences ▸ Development ▸ your application"))
        self.token.setAccessibleName(self.tr("Access token"))
        self.add_token = QPushButton(self.tr("Verify and add"))
        token_row = QHBoxLayout()
        token_row.addWidget(self.token, 1)
        token_row.addWidget(self.add_token)
        self.token_box = QWidget()
        self.token_box.setLayout(token_row)
        token_row.setContentsMargins(0, 0, 0, 0)
        self.token_box.setVisible(False)
        server_form = QFormLayout()
        server_form.addRow(self.tr("Server"), self.instance)
        start_row = QHBoxLayout()
        start_row.addStretch(1)
        start_row.addWidget(self.start)
        server_page = QWidget()
        server_layout = QVBoxLayout(server_page)
        server_layout.setContentsMargins(0, 0, 0, 0)
        server_layout.addWidget(intro)
        server_layout.addLayout(server_form)
        server_layout.addLayout(start_row)
        server_layout.addWidget(self.advanced)
        server_layout.addWidget(self.token_box)
        server_layout.addStretch(1)

        self.waiting = labels.plain_label(wrap=True)
        self.waiting.setAccessibleName(self.tr("Sign-in progress"))
        self.reopen = QPushButton(self.tr("Open the page again"))
        browser_row = QHBoxLayout()
        browser_row.addWidget(self.reopen)
        browser_row.addStretch(1)
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
        wait_page = QWidget()
        wait_layout = QVBoxLayout(wait_page)
        wait_layout.setContentsMargins(0, 0, 0, 0)
        wait_layout.addWidget(self.waiting)
        wait_layout.addLayout(browser_row)
        wait_layout.addSpacing(8)
        wait_layout.addWidget(fallback)
        wait_layout.addLayout(link_row)
        wait_layout.addLayout(code_row)
        wait_layout.addStretch(1)

        self.pages = QStackedWidget()
        self.pages.addWidget(server_page)
        self.pages.addWidget(wait_page)
        self.message = labels.plain_label(wrap=True, selectable=True)
        self.message.setAccessibleName(self.tr("Mastodon sign-in message"))
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
        self.add_token.setEnabled(not busy)
        self.instance.setReadOnly(busy or self.account is not None)
        self.cancel_button.setVisible(busy)
        self.busyChanged.emit(busy)

    @Slot(bool)
    def _show_advanced(self, shown: bool) -> None:
        self.token_box.setVisible(shown)
        if shown:
            self.token.setFocus()

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
        """Register the app, listen on loopback and open the browser (off the GUI thread)."""
        if self.busy():
            return
        try:
            url = check_instance_url(self.instance.text())
            signin = MastodonSignIn(url)
        except (InvalidInput, ChannelError) as exc:
            self._say(str(exc), error=True)
            return
        self.signin = signin
        self._set_busy(True)
        self._say(self.tr("Registering Posventa on %1…").replace("%1", signin.host))
        self._run(Task(signin.start, self.tr("reach the server")),
                  lambda _r, s=signin: self._on_started(s), self._on_start_failed)

    def _on_started(self, signin: MastodonSignIn) -> None:
        if signin is not self.signin:
            return  # cancelled meanwhile
        self.oob_link.setText(signin.oob_url)
        self.oob_link.setCursorPosition(0)
        self.code.clear()
        self.waiting.setText(self.tr(
            "Your browser opened the sign-in page of %1. Approve Posventa there; this window "
            "continues by itself.").replace("%1", signin.host))
        self.pages.setCurrentIndex(1)
        self._say("")
        self._open_browser()
        threading.Thread(target=self._finish, args=(signin,), daemon=True,
                         name="posventa-signin-wait").start()

    @Slot(str)
    def _on_start_failed(self, message: str) -> None:
        if self.signin is None:
            return  # cancelled meanwhile
        self.signin.cancel()
        self.signin = None
        self._set_busy(False)
        self._say(message, error=True)

    @Slot()
    def _open_browser(self) -> None:
        if self.signin is not None and self.signin.authorize_url:
            self.open_url(QUrl(self.signin.authorize_url))

    @Slot()
    def _copy_oob(self) -> None:
        QGuiApplication.clipboard().setText(self.oob_link.text())
        self._say(self.tr("Link copied."))

    def _finish(self, signin: MastodonSignIn) -> None:
        """On the waiting thread: the first code, the exchange, and keeping the account."""
        try:
            signed = signin.complete(signin.wait())
            if signin.cancelled:
                return
            if self.account is not None:
                account = self.accounts.renew(self.account.id, signed_in_account(signed))
            else:
                account = self.accounts.keep(signed_in_account(signed))
        except SignInCancelled:
            return
        except (InvalidInput, ChannelError) as exc:
            self._emit(self._relay.failed, str(exc))
            return
        except Exception as exc:
            log.error("Mastodon sign-in failed: %s", type(exc).__name__)
            self._emit(self._relay.failed, self.tr("Could not sign in: unexpected %1.")
                       .replace("%1", type(exc).__name__))
            return
        self._emit(self._relay.added, account)

    @staticmethod
    def _emit(signal: SignalInstance, value: object) -> None:
        with contextlib.suppress(RuntimeError):  # the dialog was closed meanwhile
            signal.emit(value)

    @Slot()
    def submit_code(self) -> None:
        signin = self.signin
        if signin is None:
            return
        try:
            signin.submit_pasted(self.code.text())
        except ChannelError as exc:
            self._say(str(exc), error=True)
            return
        self._say(self.tr("Checking the code with %1…").replace("%1", signin.host))

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
        self.token.clear()
        self.code.clear()
        if self.account is None:
            self.instance.clear()
        self._say(self.tr("Signed in as @%1.").replace("%1", labels.untrusted(account.handle, 200)))
        self.accountAdded.emit(account.id)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        if self.signin is None:
            return  # cancelled meanwhile
        self.signin = None
        self.pages.setCurrentIndex(0)
        self._set_busy(False)
        self._say(message, error=True)

    # -- the token paste (advanced) ----------------------------------------------------------

    @Slot()
    def add_with_token(self) -> None:
        if self.busy():
            return
        url, token = self.instance.text(), self.token.text()
        self._set_busy(True)
        self._say(self.tr("Checking the token with %1…").replace("%1", url.strip() or "…"))
        self._run(Task(lambda: self.accounts.add("mastodon", instance_url=url, token=token),
                       self.tr("add the account")),
                  self._on_token_added, self._on_token_failed)

    @Slot(object)
    def _on_token_added(self, account: AccountInfo) -> None:
        self._on_added(account)

    @Slot(str)
    def _on_token_failed(self, message: str) -> None:
        self._set_busy(False)
        self._say(message, error=True)  # the token stays in its field
