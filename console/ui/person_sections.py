"""Parts of the profile panel: a person's accounts, link suggestions, and small record lists.

Every text from a network or an agent is shown as plain text; account links are buttons
whose click the controller checks (http and https only) before opening anything.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from console.mentions.queries import AuthorInfo
from console.people.records import Suggestion
from console.ui import labels

MAX_ROWS = 20
Index = QModelIndex | QPersistentModelIndex


def button_text(text: str, limit: int = 48) -> str:
    """Untrusted text for a button: no mnemonics ('&' doubled), one line, short."""
    return labels.untrusted(" ".join(text.split()), limit).replace("&", "&&")


def account_facts(author: AuthorInfo, followers: str, bot: str) -> str:
    """An account's network, followers and bot flag (`followers` and `bot` already in the
    agent's language): interface words and numbers only."""
    parts = [labels.channel_label(author.channel), followers] + ([bot] if author.bot else [])
    return " · ".join(parts)


def _handle_label(author: AuthorInfo, name: bool = False) -> QWidget:
    """@handle (and, when asked, the display name below it): user data, plain text."""
    text = f"@{labels.untrusted(author.handle, 120)}"
    if name:
        shown = labels.untrusted(" ".join(author.display_name.split()), 120)
        text += f"\n{shown}" if shown else ""
    return labels.mark_data(labels.plain_label(text, wrap=True, selectable=True))


class AccountsSection(QWidget):
    """Every account of the person: network, handle, followers, bio and a link.

    Signals:
        openRequested(str): the agent clicked an account's link (the URL as stored).
        unlinkRequested(int): the agent wants this author out of the customer.
    """

    openRequested = Signal(str)
    unlinkRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Linked accounts"))
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.setSpacing(6)
        self.rows: list[QWidget] = []
        self.link_buttons: list[QPushButton] = []
        self.unlink_buttons: list[QPushButton] = []
        self.more = labels.plain_label(wrap=True)
        self._layout.addWidget(self.more)
        self._layout.addStretch(1)

    def set_accounts(self, authors: Sequence[AuthorInfo], linked: bool,
                     is_safe: Callable[[str], bool]) -> None:
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows, self.link_buttons, self.unlink_buttons = [], [], []
        for position, author in enumerate(authors[:MAX_ROWS]):
            row = self._row(author, linked, is_safe)
            self._layout.insertWidget(position, row)
            self.rows.append(row)
        hidden = len(authors) - MAX_ROWS
        self.more.setText(self.tr("and %1 more account(s)").replace("%1", str(hidden))
                          if hidden > 0 else "")
        self.more.setVisible(hidden > 0)

    def _row(self, author: AuthorInfo, linked: bool, is_safe: Callable[[str], bool]) -> QWidget:
        row = QFrame(self)
        row.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(row)
        box.setContentsMargins(6, 4, 6, 4)
        box.setSpacing(2)
        title = labels.plain_label(account_facts(
            author, self.tr("%Ln follower(s)", "", author.followers), self.tr("bot")), wrap=True)
        title.setAccessibleName(self.tr("Network and followers"))
        handle = _handle_label(author)
        handle.setAccessibleName(self.tr("Account"))
        name = labels.plain_label(labels.untrusted(" ".join(author.display_name.split()), 200),
                                  wrap=True, selectable=True)
        name.setAccessibleName(self.tr("Display name"))
        bio = labels.plain_label(labels.untrusted(author.bio.strip(), 600), wrap=True,
                                 selectable=True)
        bio.setAccessibleName(self.tr("Bio"))
        for widget in (name, bio):
            labels.mark_data(widget)
        bio.setVisible(bool(author.bio.strip()))
        buttons = QHBoxLayout()
        link = QPushButton(button_text(author.url) or self.tr("(no link)"), row)
        link.setFlat(True)
        link.setStyleSheet("text-align: left; color: palette(link);" if is_safe(author.url)
                           else "text-align: left;")
        link.setToolTip(labels.tooltip(author.url))
        link.setAccessibleName(self.tr("Open this account in the browser"))
        link.setEnabled(is_safe(author.url))
        labels.mark_data(link)  # the account's address (or "(no link)")
        # A long address must not widen the panel: the button shrinks and elides instead.
        link.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        link.setMinimumWidth(60)
        link.clicked.connect(lambda _checked=False, url=author.url: self.openRequested.emit(url))
        buttons.addWidget(link, 1)
        self.link_buttons.append(link)
        if linked:
            unlink = QPushButton(self.tr("Unlink"), row)
            unlink.setToolTip(self.tr("Take this account out of the customer"))
            unlink.clicked.connect(
                lambda _checked=False, a=author.id: self.unlinkRequested.emit(a))
            buttons.addWidget(unlink)
            self.unlink_buttons.append(unlink)
        for widget in (title, handle, name, bio):
            box.addWidget(widget)
        box.addLayout(buttons)
        return row


class SuggestionsSection(QWidget):
    """Accounts that may be the same person, with reasons; accept or reject in one click.

    Signals:
        acceptRequested(object): the agent accepted this Suggestion.
        rejectRequested(object): the agent rejected this Suggestion.
    """

    acceptRequested = Signal(object)
    rejectRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Link suggestions"))
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.setSpacing(6)
        self.status = labels.plain_label(wrap=True)
        self._layout.addWidget(self.status)
        self._layout.addStretch(1)
        self.rows: list[QWidget] = []
        self.accept_buttons: list[QPushButton] = []
        self.reject_buttons: list[QPushButton] = []

    def set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def set_suggestions(self, suggestions: Sequence[Suggestion]) -> None:
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows, self.accept_buttons, self.reject_buttons = [], [], []
        for position, suggestion in enumerate(suggestions[:MAX_ROWS]):
            row = self._row(suggestion)
            self._layout.insertWidget(position + 1, row)
            self.rows.append(row)
        self.set_status("" if suggestions else self.tr("No suggestions for this person."))

    def _row(self, suggestion: Suggestion) -> QWidget:
        row = QFrame(self)
        row.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(row)
        box.setContentsMargins(6, 4, 6, 4)
        box.setSpacing(2)
        other = suggestion.other
        facts = (account_facts(other, self.tr("%Ln follower(s)", "", other.followers),
                               self.tr("bot")) if other
                 else self.tr("author %1").replace("%1", str(suggestion.other_id)))
        if suggestion.other_customer_id is not None:
            facts += "\n" + self.tr("already in customer #%1").replace(
                "%1", str(suggestion.other_customer_id))
        title = labels.plain_label(facts, wrap=True)
        title.setAccessibleName(self.tr("Network and followers"))
        who = _handle_label(other, name=True) if other else None
        if who is not None:
            who.setAccessibleName(self.tr("Suggested account"))
        confidence = labels.plain_label(self.tr("confidence %1%").replace(
            "%1", str(round(suggestion.confidence * 100))))
        reasons = labels.plain_label("\n".join("• " + labels.untrusted(r.text, 300)
                                               for r in suggestion.reasons), wrap=True)
        reasons.setAccessibleName(self.tr("Reasons"))
        labels.mark_data(reasons)  # names, handles and sites, in translated sentences
        accept = QPushButton(self.tr("Same person"), row)
        accept.setToolTip(self.tr("Link these accounts into one customer"))
        reject = QPushButton(self.tr("Not the same"), row)
        reject.setToolTip(self.tr("Never suggest this pair again"))
        accept.clicked.connect(lambda _c=False, s=suggestion: self.acceptRequested.emit(s))
        reject.clicked.connect(lambda _c=False, s=suggestion: self.rejectRequested.emit(s))
        buttons = QHBoxLayout()
        buttons.addWidget(accept)
        buttons.addWidget(reject)
        buttons.addStretch(1)
        for widget in (title, who, confidence, reasons):
            if widget is not None:
                box.addWidget(widget)
        box.addLayout(buttons)
        self.accept_buttons.append(accept)
        self.reject_buttons.append(reject)
        return row


class RecordListModel(QAbstractListModel):
    """A short list of records (notes, cases) shown through a text function.

    These lists are bounded (a person's notes and open cases), so they load whole; the
    unbounded history uses :class:`console.ui.timeline_model.TimelineModel`.
    """

    def __init__(self, text: Callable[[Any], str], parent: Any = None) -> None:
        super().__init__(parent)
        self._text = text
        self._items: list[Any] = []

    def set_items(self, items: Sequence[Any]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item_at(self, row: int) -> Any:
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item_at(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return labels.tooltip(self._text(item))
        return None
