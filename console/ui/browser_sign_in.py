"""What the account forms of the networks that sign in through the browser share.

Mastodon, X and Reddit sign an account in the same way: a sign-in object (from
console/channels/<network>/signin.py) starts on a worker (a loopback listener, for Mastodon
also the app's registration), the browser opens the network's authorization page, and a
background thread waits for the browser's return (or what the agent pastes), exchanges the
code and keeps the account. :class:`BrowserSignInForm` owns that part: the worker, the
waiting thread, the page shown while waiting ("Open the page again", the paste), cancel and
the messages. Every outcome of the waiting thread comes back to the GUI thread as a queued
signal. Given an ``account``, the form signs that account in again: the same account, new
secrets.

A form (a subclass) keeps only what is its own: its fields and help text, the words it
says, how it makes its sign-in object and what it keeps from the outcome.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal, SignalInstance, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from console.accounts.queries import AccountInfo
from console.accounts.service import AccountService
from console.channels.base import ChannelError
from console.channels.loopback import ReceivedCode, SignInCancelled
from console.channels.network import AccountFound
from console.errors import InvalidInput
from console.ui import labels
from console.ui.tasks import Task, TaskSignals, start_tracked

log = logging.getLogger(__name__)

FIELDS_PAGE, WAITING_PAGE = 0, 1


class BrowserSignIn(Protocol):
    """One sign-in attempt of a network (MastodonSignIn, XSignIn, RedditSignIn)."""

    authorize_url: str

    def start(self) -> None: ...

    def submit_pasted(self, text: str) -> None: ...

    def wait(self, timeout: float | None = None) -> ReceivedCode: ...

    def complete(self, received: ReceivedCode) -> Any: ...

    def cancel(self) -> None: ...

    @property
    def cancelled(self) -> bool: ...


Keep = Callable[[Any], AccountFound]
"""What a form keeps from a finished sign-in (on the waiting thread: no widgets)."""
Items = Sequence[QWidget | QLayout | int]
"""What a page shows, top to bottom (a number: that much space)."""


def _page(items: Items) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    for item in items:
        if isinstance(item, int):
            layout.addSpacing(item)
        elif isinstance(item, QLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item)
    layout.addStretch(1)
    return page


class _Relay(QObject):
    """Carries the waiting thread's outcome to the GUI thread (queued delivery).

    Signals:
        added(object): the AccountInfo kept.
        failed(str): one sentence saying what went wrong.
    """

    added = Signal(object)
    failed = Signal(str)


class BrowserSignInForm(QWidget):
    """Base of the browser sign-in forms (``account`` given: signs that account in again).

    A subclass makes its fields and the fallback shown while waiting and hands them to
    :meth:`_lay_out` (a token paste made with :meth:`_token_box` too); it implements
    :meth:`_new_sign_in`, :meth:`_starting`, :meth:`_waiting_text`, :meth:`_checking_text`
    and :meth:`_signed_in_text`, and :meth:`_lock_fields`, :meth:`_on_waiting` and
    :meth:`_cleared` when it has more to do.

    Signals:
        accountAdded(int): the id of the account added or signed in again.
        busyChanged(bool): a sign-in started or ended (the dialog disables leaving).
    """

    accountAdded = Signal(int)
    busyChanged = Signal(bool)
    network_name = ""  # for the log only
    address: QLineEdit  # made by _address_row, for the forms that use it

    def __init__(self, accounts: AccountService, parent: QWidget | None = None,
                 account: AccountInfo | None = None) -> None:
        super().__init__(parent)
        self.accounts = accounts
        self.account = account
        self.signin: BrowserSignIn | None = None
        self.open_url = QDesktopServices.openUrl  # tests put their own "browser" here
        self._running: dict[TaskSignals, Task] = {}
        self._relay = _Relay(self)
        self._relay.added.connect(self._on_added)
        self._relay.failed.connect(self._on_failed)
        # Explicit context: `self.tr` here would take the subclass's name at runtime.
        self.start = QPushButton(QCoreApplication.translate(
            "BrowserSignInForm", "Sign in with the browser"))
        self.start.setDefault(True)
        self.waiting = labels.plain_label(wrap=True)
        self.waiting.setAccessibleName(QCoreApplication.translate(
            "BrowserSignInForm", "Sign-in progress"))
        self.reopen = QPushButton(QCoreApplication.translate(
            "BrowserSignInForm", "Open the page again"))
        self.message = labels.plain_label(wrap=True, selectable=True)
        self.cancel_button = QPushButton(QCoreApplication.translate(
            "BrowserSignInForm", "Cancel sign-in"))
        self.cancel_button.setVisible(False)
        self.pages = QStackedWidget()
        self.start.clicked.connect(self.begin)
        self.reopen.clicked.connect(self._open_browser)
        self.cancel_button.clicked.connect(self.cancel)

    # -- what each form says and does --------------------------------------------------------

    def _new_sign_in(self) -> tuple[BrowserSignIn, Keep]:
        """The sign-in object for what was typed, and what to keep from its outcome;
        raises InvalidInput or ChannelError (said to the agent)."""
        raise NotImplementedError

    def _starting(self, signin: Any) -> tuple[str, str]:
        """While the sign-in starts: the message, and the verb phrase of a failure."""
        raise NotImplementedError

    def _waiting_text(self, signin: Any) -> str:
        raise NotImplementedError

    def _checking_text(self, signin: Any) -> str:
        """Said once what the agent pasted was handed over."""
        raise NotImplementedError

    def _signed_in_text(self, account: AccountInfo) -> str:
        raise NotImplementedError

    def _lock_fields(self, busy: bool) -> None:
        """Make the form's own fields read-only (or not) while a sign-in runs."""

    def _on_waiting(self, signin: Any) -> None:
        """The browser is about to open: fill the waiting page's own parts."""

    def _cleared(self) -> None:
        """Empty what the agent typed after a success."""

    # -- layout ------------------------------------------------------------------------------

    def _address_row(self, placeholder: str) -> QHBoxLayout:
        """Where the agent pastes the address the browser ended on (``self.address``)."""
        self.address = QLineEdit()
        self.address.setPlaceholderText(placeholder)
        self.address.setAccessibleName(QCoreApplication.translate(
            "BrowserSignInForm", "Address the browser ended on"))
        self.use_address = QPushButton(QCoreApplication.translate(
            "BrowserSignInForm", "Use this address"))
        self.use_address.clicked.connect(self.submit_address)
        self.address.returnPressed.connect(self.submit_address)
        row = QHBoxLayout()
        row.addWidget(self.address, 1)
        row.addWidget(self.use_address)
        return row

    def _token_box(self, advanced: str, add: Callable[[], None]) -> None:
        """The advanced paste of a token made elsewhere: ``self.advanced`` (labelled
        ``advanced``) shows ``self.token_box``, where ``self.add_token`` calls ``add``."""
        self.advanced = QCheckBox(advanced)
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setAccessibleName(QCoreApplication.translate(
            "BrowserSignInForm", "Access token"))
        self.add_token = QPushButton(QCoreApplication.translate(
            "BrowserSignInForm", "Verify and add"))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.token, 1)
        row.addWidget(self.add_token)
        self.token_box = QWidget()
        self.token_box.setLayout(row)
        self.token_box.setVisible(False)
        self.advanced.toggled.connect(self._show_advanced)
        self.add_token.clicked.connect(add)
        self.token.returnPressed.connect(add)

    @Slot(bool)
    def _show_advanced(self, shown: bool) -> None:
        self.token_box.setVisible(shown)
        if shown:
            self.token.setFocus()

    def _lay_out(self, fields: Items, fallback: Items, below: Items = ()) -> None:
        """The form's page (``fields``, the start button, then ``below``), the waiting page
        (with ``fallback`` under its own parts), and the message with the cancel button
        under both."""
        start_row = QHBoxLayout()
        start_row.addStretch(1)
        start_row.addWidget(self.start)
        self.pages.addWidget(_page([*fields, start_row, *below]))
        browser_row = QHBoxLayout()
        browser_row.addWidget(self.reopen)
        browser_row.addStretch(1)
        self.pages.addWidget(_page([self.waiting, browser_row, 8, *fallback]))
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The message right under the fields and buttons it is about, not at the foot of
        # a tall dialog.
        layout.addWidget(self.pages)
        layout.addLayout(bottom)
        layout.addStretch(1)

    # -- state -------------------------------------------------------------------------------

    def busy(self) -> bool:
        return self.signin is not None or bool(self._running)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {labels.COMPLAINT_COLOUR.name()};" if error else "")
        self.message.setText(text)

    def _set_busy(self, busy: bool) -> None:
        self.start.setEnabled(not busy)
        self._lock_fields(busy)
        self.cancel_button.setVisible(busy)
        self.busyChanged.emit(busy)

    def _back_to_fields(self) -> None:
        self.signin = None
        self.pages.setCurrentIndex(FIELDS_PAGE)
        self._set_busy(False)

    def _run(self, task: Task, done: Callable[[Any], None],
             failed: Callable[[str], None]) -> None:
        start_tracked(self._running, task, done, failed)

    # -- the browser flow --------------------------------------------------------------------

    @Slot()
    def begin(self) -> None:
        """Start the sign-in off the GUI thread, then open the browser."""
        if self.busy():
            return
        try:
            signin, keep = self._new_sign_in()
        except (InvalidInput, ChannelError) as exc:
            self._say(str(exc), error=True)
            return
        self.signin = signin
        self._set_busy(True)
        progress, what = self._starting(signin)
        self._say(progress)
        self._run(Task(signin.start, what),
                  lambda _r, s=signin, k=keep: self._on_started(s, k), self._on_start_failed)

    def _on_started(self, signin: BrowserSignIn, keep: Keep) -> None:
        if signin is not self.signin:
            return  # cancelled meanwhile
        self._on_waiting(signin)
        self.waiting.setText(self._waiting_text(signin))
        self.pages.setCurrentIndex(WAITING_PAGE)
        self._say("")
        self._open_browser()
        threading.Thread(target=self._finish, args=(signin, keep), daemon=True,
                         name="posventa-signin-wait").start()

    @Slot(str)
    def _on_start_failed(self, message: str) -> None:
        if self.signin is None:
            return  # cancelled meanwhile
        self.signin.cancel()
        self._back_to_fields()
        self._say(message, error=True)

    @Slot()
    def _open_browser(self) -> None:
        if self.signin is not None and self.signin.authorize_url:
            self.open_url(QUrl(self.signin.authorize_url))

    def _finish(self, signin: BrowserSignIn, keep: Keep) -> None:
        """On the waiting thread: the first code, the exchange, and keeping the account."""
        try:
            signed = signin.complete(signin.wait())
            if signin.cancelled:
                return
            if self.account is not None:
                account = self.accounts.renew(self.account.id, keep(signed))
            else:
                account = self.accounts.keep(keep(signed))
        except SignInCancelled:
            return
        except (InvalidInput, ChannelError) as exc:
            self._emit(self._relay.failed, str(exc))
            return
        except Exception as exc:
            log.error("%s sign-in failed: %s", self.network_name, type(exc).__name__)
            self._emit(self._relay.failed, QCoreApplication.translate(
                "BrowserSignInForm", "Could not sign in: unexpected %1.").replace(
                "%1", type(exc).__name__))
            return
        self._emit(self._relay.added, account)

    @staticmethod
    def _emit(signal: SignalInstance, value: object) -> None:
        with contextlib.suppress(RuntimeError):  # the dialog was closed meanwhile
            signal.emit(value)

    def _submit_pasted(self, text: str) -> None:
        signin = self.signin
        if signin is None:
            return
        try:
            signin.submit_pasted(text)
        except ChannelError as exc:
            self._say(str(exc), error=True)
            return
        self._say(self._checking_text(signin))

    @Slot()
    def submit_address(self) -> None:
        self._submit_pasted(self.address.text())

    @Slot()
    def cancel(self) -> None:
        """Stop the sign-in at any point; what was typed stays."""
        signin = self.signin
        if signin is not None:
            signin.cancel()
        self._back_to_fields()
        self._say(QCoreApplication.translate("BrowserSignInForm", "Sign-in cancelled.")
                  if signin is not None else "")

    @Slot(object)
    def _on_added(self, account: AccountInfo) -> None:
        self._back_to_fields()
        self._cleared()
        self._say(self._signed_in_text(account))
        self.accountAdded.emit(account.id)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        if self.signin is None:
            return  # cancelled meanwhile
        self._back_to_fields()
        self._say(message, error=True)

    # -- a token made elsewhere (the forms that take one) ------------------------------------

    def _add_with_token(self, work: Callable[[], AccountInfo], checking: str) -> None:
        """Check a pasted token with the network on a worker, then keep the account."""
        if self.busy():
            return
        self._set_busy(True)
        self._say(checking)
        what = QCoreApplication.translate("BrowserSignInForm", "add the account")
        self._run(Task(work, what), self._on_added, self._on_token_failed)

    @Slot(str)
    def _on_token_failed(self, message: str) -> None:
        self._set_busy(False)
        self._say(message, error=True)  # the token stays in its field
