"""The "add a blog" forms: an RSS/Atom feed, and a WordPress site with an Application Password.

The accounts dialog embeds both. Adding reaches the network (the feed is read once, the
password is checked with ``/users/me``), so it runs as a :class:`~console.ui.tasks.Task`
and the outcome comes back as a queued signal. What the agent typed stays in the fields
when adding fails; the password field is masked and cleared only after success.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.services import AccountService
from console.store.accounts import AccountInfo
from console.ui import labels
from console.ui.tasks import Task, TaskSignals, start_task


def _note(text: str) -> QLabel:
    note = QLabel(text)
    note.setTextFormat(Qt.TextFormat.PlainText)
    note.setWordWrap(True)
    note.setEnabled(False)  # drawn as secondary text
    return note


class _AccountForm(QWidget):
    """What both forms share: one add button, a message line, work off the GUI thread."""

    accountAdded = Signal(int)
    add: QPushButton  # made by each form

    def __init__(self, accounts: AccountService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accounts = accounts
        self._running: dict[TaskSignals, Task] = {}
        self.message = labels.plain_label(wrap=True, selectable=True)

    def busy(self) -> bool:
        return bool(self._running)

    def _start(self, work: Callable[[], AccountInfo], what: str, waiting: str) -> None:
        self.add.setEnabled(False)
        self._say(waiting, error=False)
        task = Task(work, what)
        signals = task.signals
        self._running[signals] = task  # keep both alive until the outcome arrives
        signals.succeeded.connect(self._on_added)
        signals.failed.connect(self._on_failed)
        start_task(task)

    def _finish(self) -> None:
        self._running.clear()
        self.add.setEnabled(True)

    def _cleared(self) -> None:
        """Empty the fields after a success."""

    @Slot(object)
    def _on_added(self, account: AccountInfo) -> None:
        self._finish()
        self._cleared()
        self._say(self.tr("Added %1. The first sync starts now.").replace("%1", account.label),
                  error=False)
        self.accountAdded.emit(account.id)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._finish()
        self._say(message, error=True)  # what was typed stays in the fields

    def _say(self, text: str, *, error: bool) -> None:
        colour = labels.COMPLAINT_COLOUR.name()
        self.message.setStyleSheet(f"color: {colour};" if error else "")
        self.message.setText(text)

    def _layout(self, form: QFormLayout, extra: list[QWidget]) -> None:
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        for widget in extra:
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.message)


class FeedForm(_AccountForm):
    """Adds a blog or review site read through its RSS or Atom feed (Blogger included).

    Signals:
        accountAdded(int): the id of the account just added.
    """

    def __init__(self, accounts: AccountService, parent: QWidget | None = None) -> None:
        super().__init__(accounts, parent)
        self.url = QLineEdit()
        self.url.setPlaceholderText(self.tr("https://blog.example/feed/"))
        self.url.setAccessibleName(self.tr("Feed address"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Equipo Ventalia"))
        self.name.setAccessibleName(self.tr("The brand's name on that blog"))
        self.own = QCheckBox(self.tr("This is the brand's own blog: every comment is a mention"))
        self.add = QPushButton(self.tr("Read the feed and add"))
        self.add.setDefault(True)
        self.message.setAccessibleName(self.tr("Feed message"))
        form = QFormLayout()
        form.addRow(self.tr("Feed address"), self.url)
        form.addRow(self.tr("Brand signs as"), self.name)
        self._layout(form, [self.own, _note(self.tr(
            "Any RSS or Atom feed: a company blog, a review site, a Blogger blog "
            "(https://NAME.blogspot.com/feeds/posts/default). On other blogs, only posts and "
            "comments matching a watch become mentions. Feeds take no replies: the console "
            "opens the post in the browser with the reply on the clipboard."))])
        self.add.clicked.connect(self.submit)
        self.url.returnPressed.connect(self.submit)

    @Slot()
    def submit(self) -> None:
        """Read the feed once (off the GUI thread) and add the account."""
        if self.busy():
            return
        url, name, own = self.url.text(), self.name.text(), self.own.isChecked()
        self._start(lambda: self.accounts.add_feed(url, name, every_comment=own),
                    "add the feed", self.tr("Reading %1…").replace("%1", url.strip() or "…"))

    def _cleared(self) -> None:
        self.url.clear()
        self.name.clear()
        self.own.setChecked(False)


class WordPressForm(_AccountForm):
    """Adds a WordPress site: comments are read, replies posted with an Application Password.

    Signals:
        accountAdded(int): the id of the account just added (or whose password was replaced).
    """

    def __init__(self, accounts: AccountService, parent: QWidget | None = None) -> None:
        super().__init__(accounts, parent)
        self.site = QLineEdit()
        self.site.setPlaceholderText(self.tr("https://blog.example"))
        self.site.setAccessibleName(self.tr("WordPress site address"))
        self.user = QLineEdit()
        self.user.setPlaceholderText(self.tr("user name"))
        self.user.setAccessibleName(self.tr("WordPress user name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("abcd EFGH 1234 ijkl MNOP 6789"))
        self.password.setAccessibleName(self.tr("Application password"))
        self.own = QCheckBox(self.tr("The brand's own site: every comment is a mention"))
        self.own.setChecked(True)
        self.add = QPushButton(self.tr("Check and add"))
        self.add.setDefault(True)
        self.message.setAccessibleName(self.tr("WordPress message"))
        form = QFormLayout()
        form.addRow(self.tr("Site"), self.site)
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Application password"), self.password)
        self._layout(form, [self.own, _note(self.tr(
            "Use an Application Password, never the account's own password: create one in "
            "WordPress under Users ▸ Profile ▸ Application Passwords. It is kept in the "
            "system keyring only."))])
        self.add.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        self.user.returnPressed.connect(self.password.setFocus)

    @Slot()
    def submit(self) -> None:
        """Check the password with the site (off the GUI thread) and add the account."""
        if self.busy():
            return
        site, user, password = self.site.text(), self.user.text(), self.password.text()
        own = self.own.isChecked()
        self._start(lambda: self.accounts.add_wordpress(site, user, password, every_comment=own),
                    "add the WordPress site",
                    self.tr("Checking %1 on %2…").replace("%1", user.strip() or "…")
                    .replace("%2", site.strip() or "…"))

    def _cleared(self) -> None:
        self.password.clear()
        self.user.clear()
        self.site.clear()
