"""The "add a blog" forms: an RSS/Atom feed, and a WordPress site with an Application Password.

The accounts dialog embeds both. Adding reaches the network (the feed is read once, the
password is checked with ``/users/me``), so it runs as a :class:`~console.ui.tasks.Task`
and the outcome comes back as a queued signal. What the agent typed stays in the fields
when adding fails; the password field is masked and cleared only after success.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from console.accounts.service import AccountService
from console.ui.account_form import AccountForm, secondary_note


class FeedForm(AccountForm):
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
        self._layout(form, [self.own, secondary_note(self.tr(
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
        self._start(lambda: self.accounts.add("feed", url=url, name=name, every_comment=own),
                    self.tr("add the feed"),
                    self.tr("Reading %1…").replace("%1", url.strip() or "…"))

    def _cleared(self) -> None:
        self.url.clear()
        self.name.clear()
        self.own.setChecked(False)


class WordPressForm(AccountForm):
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
        self._layout(form, [self.own, secondary_note(self.tr(
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
        self._start(lambda: self.accounts.add("wordpress", site_url=site, username=user,
                                              app_password=password, every_comment=own),
                    self.tr("add the WordPress site"),
                    self.tr("Checking %1 on %2…").replace("%1", user.strip() or "…")
                    .replace("%2", site.strip() or "…"))

    def _cleared(self) -> None:
        self.password.clear()
        self.user.clear()
        self.site.clear()
