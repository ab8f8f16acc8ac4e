"""A person's cross-channel history (posts, brand replies, notes, case changes), lazily."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from console.people.records import HistoryItem, case_status
from console.people.service import PeopleService
from console.ui import labels

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
NOTE_COLOUR = QColor("#6b4e16")

Index = QModelIndex | QPersistentModelIndex



def heading(item: HistoryItem) -> str:
    """The first line of an entry: when, where, what kind (plain text)."""
    when = labels.when(item.created_at)
    who = labels.untrusted(item.who, 80)
    if item.kind == "reply":
        return QCoreApplication.translate(
            "TimelineModel", "{when} · {channel} · ↩ brand reply by {who} · {state}").format(
            when=when, channel=labels.channel_label(item.channel), who=who or "?",
            state=labels.reply_state_label(item.state))
    if item.kind == "note":
        edited = (QCoreApplication.translate("TimelineModel", " (edited)")
                  if item.state == "edited" else "")
        return QCoreApplication.translate("TimelineModel", "{when} · note by {who}{edited}").format(
            when=when, who=who or "?", edited=edited)
    if item.kind == "status":
        return QCoreApplication.translate("TimelineModel", "{when} · case #{case} · {who}").format(
            when=when, case=item.case_id, who=who or "?")
    marker = labels.sentiment_marker(item.complaint, item.sentiment_label)
    return QCoreApplication.translate(
        "TimelineModel", "{when} · {channel} · @{who} · {state} · {marker}").format(
        when=when, channel=labels.channel_label(item.channel), who=who,
        state=labels.status_label(item.state), marker=marker)


def body(item: HistoryItem) -> str:
    """The second line: the post's text, or a case's change as "open → closed"."""
    if item.kind == "status":
        old, arrow, new = item.text.partition(" → ")
        if arrow:
            return f"{case_status(old)} → {case_status(new)}"
    return labels.first_line(item.text, 160)


class TimelineModel(QAbstractListModel):
    """One person's history, newest first, loaded `page_size` entries at a time."""

    def __init__(self, people: PeopleService, page_size: int = 100, parent: Any = None) -> None:
        super().__init__(parent)
        self._people = people
        self._page_size = page_size
        self._author_ids: tuple[int, ...] = ()
        self._customer_id: int | None = None
        self._items: list[HistoryItem] = []
        self._more = False

    @property
    def author_ids(self) -> tuple[int, ...]:
        return self._author_ids

    @property
    def customer_id(self) -> int | None:
        return self._customer_id

    def set_person(self, author_ids: tuple[int, ...], customer_id: int | None) -> None:
        """Show this person's history from the newest entry (an empty tuple clears it)."""
        self.beginResetModel()
        self._author_ids, self._customer_id = tuple(author_ids), customer_id
        self._items, self._more = [], False
        if author_ids or customer_id is not None:
            self._items = self._people.history(self._author_ids, customer_id, None,
                                               self._page_size)
            self._more = len(self._items) >= self._page_size
        self.endResetModel()

    def clear(self) -> None:
        self.set_person((), None)

    def item_at(self, row: int) -> HistoryItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{heading(item)}\n{body(item)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return labels.tooltip(item.text)
        if role == Qt.ItemDataRole.ForegroundRole:
            if item.kind == "reply":
                return labels.REPLY_COLOUR
            if item.kind in ("note", "status"):
                return NOTE_COLOUR
            if item.complaint >= labels.COMPLAINT_THRESHOLD:
                return labels.COMPLAINT_COLOUR
            return None
        if role == ITEM_ROLE:
            return item
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        before = self._items[-1] if self._items else None
        page = self._people.history(self._author_ids, self._customer_id, before,
                                    self._page_size)
        self._more = len(page) >= self._page_size
        if not page:
            return
        first = len(self._items)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._items.extend(page)
        self.endInsertRows()
