"""The accounts dialog: brand accounts with their sync status; add, sign in again, remove.

"Add account…" asks which network (console/channels/networks.py lists them), then shows
that network's form from ``FORMS`` (Mastodon, X and Reddit sign in through the browser;
Bluesky, feeds and WordPress have forms of their own); a network without a form here is
shown, disabled.
"Sign in again…" opens the account's own form for that account when its network signs in
through the browser (Mastodon, X, Reddit: the :class:`BrowserSignInForm` subclasses), the
default button when the account's token was rejected; everything but the secrets stays.
Bluesky renews through its form, by adding the account again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.accounts.queries import AccountInfo
from console.accounts.service import AccountService
from console.channels.network import Network
from console.channels.networks import NETWORKS
from console.sync.events import AccountStatus
from console.ui import labels
from console.ui.bluesky_form import BlueskyForm
from console.ui.browser_sign_in import BrowserSignInForm
from console.ui.feed_form import FeedForm, WordPressForm
from console.ui.mastodon_form import MastodonForm
from console.ui.reddit_form import RedditForm
from console.ui.tasks import Task, TaskSignals, start_tracked
from console.ui.x_form import XForm

log = logging.getLogger(__name__)
LIST_PAGE, ADD_PAGE, SIGN_IN_AGAIN_PAGE = 0, 1, 2


# The form that adds an account of each kind (the networks' descriptors cannot name Qt).
FORMS: dict[str, type[QWidget]] = {
    "mastodon": MastodonForm,
    "bluesky": BlueskyForm,
    "feed": FeedForm,
    "wordpress": WordPressForm,
    "x": XForm,
    "reddit": RedditForm,
}


def kind_text(kind: str) -> str:
    """An account's network as people read it (the stored kind stays English)."""
    return labels.channel_label(kind)


def form_class(network: Network) -> type[QWidget] | None:
    """The network's form class, or None when this version has none for it."""
    return FORMS.get(network.kind)


def again_form_class(kind: str) -> type[BrowserSignInForm] | None:
    """The form that signs an account of ``kind`` in again, or None (no such sign-in)."""
    cls = FORMS.get(kind)
    return cls if cls is not None and issubclass(cls, BrowserSignInForm) else None


def status_text(status: AccountStatus | None) -> str:
    """One account's state in a few words: live, polling, sign in again, offline..."""
    if status is None:
        return QCoreApplication.translate("Accounts", "waiting for the first sync")
    if status.state == "auth":
        return QCoreApplication.translate("Accounts", "token rejected: sign in again")
    if status.state in ("ok", "syncing", "idle"):
        if status.mode == "live":
            return QCoreApplication.translate("Accounts", "live")
        if status.state == "syncing":
            return QCoreApplication.translate("Accounts", "syncing…")
        return QCoreApplication.translate("Accounts", "polling")
    if status.state == "rate_limited":
        return QCoreApplication.translate("Accounts", "rate limited: %1").replace(
            "%1", status.message)
    if status.state == "offline":
        return QCoreApplication.translate("Accounts", "offline: %1").replace("%1", status.message)
    return QCoreApplication.translate("Accounts", "error: %1").replace("%1", status.message)


class AccountsDialog(QDialog):
    """Layout only: the account list page, the add page and the sign-in-again page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Accounts"))
        self.resize(720, 480)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._list_page())
        self.pages.addWidget(self._add_page())
        self.pages.addWidget(self._again_page())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)

    def _list_page(self) -> QWidget:
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(self.tr("Brand accounts"))
        self.table.setHorizontalHeaderLabels([self.tr("Account"), self.tr("Network"),
                                              self.tr("Status")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 230)
        self.add = QPushButton(self.tr("Add account…"))
        self.add.setDefault(True)
        self.sign_in_again = QPushButton(self.tr("Sign in again…"))
        self.sign_in_again.setEnabled(False)
        self.remove = QPushButton(self.tr("Remove account…"))
        self.remove.setEnabled(False)
        self.keyring_note = labels.plain_label(wrap=True)
        self.message = labels.plain_label(wrap=True, selectable=True)
        self.message.setAccessibleName(self.tr("Account message"))
        tools = QHBoxLayout()
        tools.addWidget(self.add)
        tools.addStretch(1)
        tools.addWidget(self.sign_in_again)
        tools.addWidget(self.remove)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(tools)
        layout.addWidget(self.message)
        layout.addWidget(self.keyring_note)
        return page

    def _add_page(self) -> QWidget:
        title = labels.plain_label(self.tr("Add an account. Which network?"))
        self.network_group = QButtonGroup(self)
        self.network_buttons: dict[str, QRadioButton] = {}
        choices = QHBoxLayout()
        for index, network in enumerate(NETWORKS):
            name = QCoreApplication.translate("Accounts", network.label)
            button = QRadioButton(name)
            button.setAccessibleName(name)
            self.network_group.addButton(button, index)
            self.network_buttons[network.kind] = button
            choices.addWidget(button)
        choices.addStretch(1)
        self.forms = QStackedWidget()
        self.forms.addWidget(labels.plain_label(self.tr("Choose a network above."), wrap=True))
        self.back = QPushButton(self.tr("◂ Back to the accounts"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.back)
        bottom.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addLayout(choices)
        layout.addWidget(self.forms, 1)
        layout.addLayout(bottom)
        return page

    def _again_page(self) -> QWidget:
        self.again_title = labels.plain_label(wrap=True)
        self.again_holder = QVBoxLayout()
        self.again_back = QPushButton(self.tr("◂ Back to the accounts"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.again_back)
        bottom.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.again_title)
        layout.addLayout(self.again_holder, 1)
        layout.addLayout(bottom)
        return page


class AccountsController(QObject):
    """Lists accounts with their status, adds, signs in again and removes them.

    Network and keyring work runs on workers (the forms' own, or a Task here for removal).

    Signals:
        accountsChanged(): an account was added, signed in again or removed.
    """

    accountsChanged = Signal()

    def __init__(self, dialog: AccountsDialog, accounts: AccountService,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog = dialog
        self.accounts = accounts
        self.confirm = self._ask_remove  # replaced in tests
        self.forms: dict[str, QWidget] = {}
        self.again_form: BrowserSignInForm | None = None
        self._available = {n.kind: form_class(n) for n in NETWORKS}
        self._shown: list[AccountInfo] = []
        self._statuses: dict[int, AccountStatus] = {}
        self._running: dict[TaskSignals, Task] = {}
        for network in NETWORKS:
            button = dialog.network_buttons[network.kind]
            if self._available[network.kind] is None:
                button.setEnabled(False)
                button.setToolTip(self.tr("Not available in this version."))
        dialog.network_group.idClicked.connect(self._choose_network)
        dialog.add.clicked.connect(self.show_add)
        dialog.back.clicked.connect(self.show_list)
        dialog.again_back.clicked.connect(self.show_list)
        dialog.sign_in_again.clicked.connect(self.sign_in_selected_again)
        dialog.remove.clicked.connect(self.remove_selected)
        dialog.table.itemSelectionChanged.connect(self._on_selection)
        dialog.finished.connect(self._cancel_sign_ins)
        self._statuses = dict(accounts.statuses())
        self.reload()

    # --- the list ---------------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        table = self.dialog.table
        self._shown = self.accounts.list()
        table.setRowCount(len(self._shown))
        for row, account in enumerate(self._shown):
            name = labels.untrusted(account.label, 200)
            for column, text in enumerate((name, kind_text(account.kind), "")):
                table.setItem(row, column, QTableWidgetItem(text))
            self._show_status(row, account)
        note = self.accounts.secrets.warning
        self.dialog.keyring_note.setText(note)
        self.dialog.keyring_note.setVisible(bool(note))
        self._on_selection()

    def _show_status(self, row: int, account: AccountInfo) -> None:
        status = self._statuses.get(account.id)
        item = QTableWidgetItem(status_text(status))
        if status is not None and status.message:
            item.setToolTip(labels.tooltip(status.message))
        if status is not None and status.state in ("auth", "error", "offline"):
            item.setForeground(labels.COMPLAINT_COLOUR)
        self.dialog.table.setItem(row, 2, item)

    @Slot(object)
    def on_account_status(self, status: AccountStatus) -> None:
        """The engine reported an account's state (live, polling, sign in again...)."""
        self._statuses[status.account_id] = status
        for row, account in enumerate(self._shown):
            if account.id == status.account_id:
                self._show_status(row, account)
        self._on_selection()

    def _selected(self) -> AccountInfo | None:
        rows = self.dialog.table.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self._shown):
            return None
        return self._shown[rows[0].row()]

    def needs_sign_in(self, account: AccountInfo) -> bool:
        status = self._statuses.get(account.id)
        return status is not None and status.state == "auth"

    @Slot()
    def _on_selection(self) -> None:
        account = self._selected()
        idle = not self._running
        self.dialog.remove.setEnabled(account is not None and idle)
        again = account is not None and again_form_class(account.kind) is not None
        self.dialog.sign_in_again.setEnabled(again and idle)
        self.dialog.sign_in_again.setDefault(
            bool(again and account is not None and self.needs_sign_in(account)))

    @Slot()
    def show_list(self) -> None:
        """Back to the list; a sign-in still waiting for the browser is cancelled."""
        self._cancel_sign_ins()
        self.dialog.pages.setCurrentIndex(LIST_PAGE)

    # --- adding -----------------------------------------------------------------------------

    @Slot()
    def show_add(self) -> None:
        self.dialog.message.setText("")
        self.dialog.pages.setCurrentIndex(ADD_PAGE)
        if self.dialog.network_group.checkedId() < 0:
            self.dialog.network_buttons["mastodon"].click()

    @Slot(int)
    def _choose_network(self, index: int) -> None:
        network = NETWORKS[index]
        form = self.forms.get(network.kind)
        if form is None:
            cls = self._available.get(network.kind)
            if cls is None:
                return
            form = cls(self.accounts, self.dialog.forms)  # type: ignore[call-arg]
            form.accountAdded.connect(self._on_added)  # type: ignore[attr-defined]
            self.forms[network.kind] = form
            self.dialog.forms.addWidget(form)
        self.dialog.forms.setCurrentWidget(form)

    @Slot(int)
    def _on_added(self, account_id: int) -> None:
        self._statuses.pop(account_id, None)  # a new token: the old state no longer holds
        self.reload()
        account = next((a for a in self._shown if a.id == account_id), None)
        if account is not None:
            self.dialog.message.setText(self.tr("%1 is ready; the first sync starts now.")
                                        .replace("%1", labels.untrusted(account.label, 200)))
        self.dialog.pages.setCurrentIndex(LIST_PAGE)
        self.accountsChanged.emit()

    # --- signing in again -------------------------------------------------------------------

    @Slot()
    def sign_in_selected_again(self) -> None:
        account = self._selected()
        cls = again_form_class(account.kind) if account is not None else None
        if account is None or cls is None:
            return
        if self.again_form is not None:
            self.again_form.cancel()
            self.again_form.deleteLater()
        form = cls(self.accounts, None, account=account)
        form.accountAdded.connect(self._on_added)
        self.dialog.again_holder.addWidget(form)
        self.again_form = form
        self.dialog.again_title.setText(self.tr(
            "Sign %1 in again. Posts, cases and settings stay as they are; only the token "
            "is replaced.").replace("%1", labels.untrusted(account.label, 200)))
        self.dialog.pages.setCurrentIndex(SIGN_IN_AGAIN_PAGE)
        form.begin()

    @Slot()
    def _cancel_sign_ins(self) -> None:
        """The dialog closed: stop any sign-in still waiting for the browser."""
        for form in [*self.forms.values(), *([self.again_form] if self.again_form else [])]:
            cancel = getattr(form, "cancel", None)
            if callable(cancel):
                cancel()

    # --- removing ---------------------------------------------------------------------------

    def busy(self) -> bool:
        return bool(self._running)

    def _run(self, task: Task, done: Callable[[object], None],
             failed: Callable[[str], None]) -> None:
        start_tracked(self._running, task, done, failed)

    def _ask_remove(self, account: AccountInfo) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove account"), "",
                          parent=self.dialog)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("Remove %1?\n\nIts token is deleted from the keyring. Mentions "
                            "already stored stay in the workspace.")
                    .replace("%1", labels.untrusted(account.label, 200)))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes

    @Slot()
    def remove_selected(self) -> None:
        account = self._selected()
        if account is None or self.busy() or not self.confirm(account):
            return
        self.dialog.remove.setEnabled(False)
        remove, account_id = self.accounts.remove, account.id  # not `self` (ui/tasks.Task)
        self._run(Task(lambda: remove(account_id), self.tr("remove the account")),
                  self._on_removed, self._on_failed)

    @Slot(object)
    def _on_removed(self, _done: object) -> None:
        self.dialog.message.setStyleSheet("")
        self.dialog.message.setText(self.tr("Account removed."))
        self.reload()
        self.accountsChanged.emit()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.dialog.message.setStyleSheet(f"color: {labels.COMPLAINT_COLOUR.name()};")
        self.dialog.message.setText(message)
        self._on_selection()
