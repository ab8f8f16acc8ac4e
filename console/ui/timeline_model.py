"""An author's history (their mentions and the brand's replies to them) as a lazy list model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from console.services import ProfileService
from console.store.mentions import TimelineItem
from console.ui import labels

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class TimelineModel(QAbstractListModel):
    """One author's timeline, newest first, loaded `page_size` items at a time."""

    def __init__(self, profile: ProfileService, page_size: int = 100, parent: Any = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self._page_size = page_size
        self._author_id: int | None = None
        self._items: list[TimelineItem] = []
        self._more = False

    @property
    def author_id(self) -> int | None:
        return self._author_id

    def set_author(self, author_id: int | None) -> None:
        self.beginResetModel()
        self._author_id = author_id
        self._items = []
        self._more = False
        if author_id is not None:
            self._items = self._profile.timeline(author_id, None, self._page_size)
            self._more = len(self._items) >= self._page_size
        self.endResetModel()

    def item_at(self, row: int) -> TimelineItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            what = ("↩ brand reply · " + labels.REPLY_STATE_WORDS.get(item.state, item.state)
                    if item.kind == "reply" else f"mention · {item.state}")
            heading = f"{labels.when(item.created_at)} · {item.channel} · {what}"
            return f"{heading}\n{labels.first_line(item.text, 160)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return labels.tooltip(item.text)
        if role == Qt.ItemDataRole.ForegroundRole and item.kind == "reply":
            return labels.REPLY_COLOUR
        if role == ITEM_ROLE:
            return item
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more or self._author_id is None:
            return
        before = self._items[-1] if self._items else None
        page = self._profile.timeline(self._author_id, before, self._page_size)
        self._more = len(page) >= self._page_size
        if not page:
            return
        first = len(self._items)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._items.extend(page)
        self.endInsertRows()
