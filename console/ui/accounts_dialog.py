"""The accounts dialog: list brand accounts, add a Mastodon account, remove one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.services import AccountService
from console.store.accounts import AccountInfo
from console.ui import labels
from console.ui.tasks import Task, TaskSignals, start_task


class AccountsDialog(QDialog):
    """Layout only: the account table, the add form and the dialog buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Accounts")
        self.resize(640, 440)
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName("Brand accounts")
        self.table.setHorizontalHeaderLabels(["Account", "Kind", "Instance"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.remove = QPushButton("Remove account…")
        self.remove.setEnabled(False)
        self.keyring_note = labels.plain_label(wrap=True)

        self.instance = QLineEdit()
        self.instance.setPlaceholderText("mastodon.social")
        self.instance.setAccessibleName("Instance address")
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText("access token (Preferences ▸ Development ▸ Your app)")
        self.token.setAccessibleName("Access token")
        self.add = QPushButton("Verify and add")
        self.add.setDefault(True)
        self.message = labels.plain_label(wrap=True, selectable=True)
        self.message.setAccessibleName("Account message")
        form = QFormLayout()
        form.addRow("Instance", self.instance)
        form.addRow("Access token", self.token)
        adding = QVBoxLayout()
        adding.addLayout(form)
        adding.addWidget(self.add, 0, Qt.AlignmentFlag.AlignRight)
        adding.addWidget(self.message)
        box = QGroupBox("Add a Mastodon account")
        box.setLayout(adding)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        tools = QHBoxLayout()
        tools.addStretch(1)
        tools.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(tools)
        layout.addWidget(self.keyring_note)
        layout.addWidget(box)
        layout.addWidget(self.buttons)


class AccountsController(QObject):
    """Lists accounts and adds/removes them on a worker thread (the network and keyring block).

    Signals:
        accountsChanged(): an account was added or removed.
    """

    accountsChanged = Signal()

    def __init__(self, dialog: AccountsDialog, accounts: AccountService,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog = dialog
        self.accounts = accounts
        self.confirm = self._ask_remove  # replaced in tests
        self._shown: list[AccountInfo] = []
        self._running: dict[TaskSignals, Task] = {}
        dialog.add.clicked.connect(self.add_mastodon)
        dialog.token.returnPressed.connect(self.add_mastodon)
        dialog.remove.clicked.connect(self.remove_selected)
        dialog.table.itemSelectionChanged.connect(self._on_selection)
        self.reload()

    @Slot()
    def reload(self) -> None:
        table = self.dialog.table
        self._shown = self.accounts.list()
        table.setRowCount(len(self._shown))
        for row, account in enumerate(self._shown):
            for column, text in enumerate((account.label, account.kind, account.base_url)):
                table.setItem(row, column, QTableWidgetItem(text))
        self.dialog.keyring_note.setText(self.accounts.secrets.warning)
        self.dialog.keyring_note.setVisible(bool(self.accounts.secrets.warning))
        self._on_selection()

    def busy(self) -> bool:
        return bool(self._running)

    def _run(self, task: Task, done: Callable[[object], None],
             failed: Callable[[str], None]) -> None:
        signals = task.signals
        self._running[signals] = task  # keep both alive until the outcome arrives
        signals.succeeded.connect(lambda _r, s=signals: self._running.pop(s, None))
        signals.failed.connect(lambda _m, s=signals: self._running.pop(s, None))
        signals.succeeded.connect(done)
        signals.failed.connect(failed)
        start_task(task)

    @Slot()
    def add_mastodon(self) -> None:
        dialog = self.dialog
        if self.busy():
            return
        url, token = dialog.instance.text(), dialog.token.text()
        dialog.add.setEnabled(False)
        dialog.message.setStyleSheet("")
        dialog.message.setText(f"Checking the token with {url.strip() or '…'}…")
        self._run(Task(lambda: self.accounts.add_mastodon(url, token), "add the account"),
                  self._on_added, self._on_failed)

    @Slot(object)
    def _on_added(self, account: AccountInfo) -> None:
        dialog = self.dialog
        dialog.add.setEnabled(True)
        dialog.token.clear()
        dialog.instance.clear()
        dialog.message.setStyleSheet("")
        dialog.message.setText(f"Added {account.label}. The first sync starts now.")
        self.reload()
        self.accountsChanged.emit()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        dialog = self.dialog
        dialog.add.setEnabled(True)
        dialog.remove.setEnabled(self._selected() is not None)
        dialog.message.setStyleSheet(f"color: {labels.COMPLAINT_COLOUR.name()};")
        dialog.message.setText(message)  # what was typed stays in the fields

    def _selected(self) -> AccountInfo | None:
        rows = self.dialog.table.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self._shown):
            return None
        return self._shown[rows[0].row()]

    @Slot()
    def _on_selection(self) -> None:
        self.dialog.remove.setEnabled(self._selected() is not None and not self.busy())

    def _ask_remove(self, account: AccountInfo) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, "Remove account", "", parent=self.dialog)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"Remove {account.label}?\n\nIts token is deleted from the keyring. "
                    "Mentions already stored stay in the workspace.")
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes

    @Slot()
    def remove_selected(self) -> None:
        account = self._selected()
        if account is None or self.busy() or not self.confirm(account):
            return
        self.dialog.remove.setEnabled(False)
        self._run(Task(lambda: self.accounts.remove(account.id), "remove the account"),
                  self._on_removed, self._on_failed)

    @Slot(object)
    def _on_removed(self, _done: object) -> None:
        self.dialog.message.setStyleSheet("")
        self.dialog.message.setText("Account removed.")
        self.reload()
        self.accountsChanged.emit()
