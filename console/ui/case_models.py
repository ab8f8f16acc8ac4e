"""A case's history and notes as lazily loaded list models (oldest first, paged by id)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from console.ui import labels

Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[int, int], list[Any]]  # (after id, limit) -> items with an `id`


class PagedListModel(QAbstractListModel):
    """Items read `page` at a time after the last id seen; new ones are appended in place."""

    def __init__(self, display: Callable[[Any], str], page: int = 100,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._display = display
        self._page = page
        self._fetch: Fetch | None = None
        self._items: list[Any] = []
        self._more = False

    def set_source(self, fetch: Fetch | None) -> None:
        """Show another case's items (None: nothing)."""
        self.beginResetModel()
        self._fetch = fetch
        self._items = fetch(0, self._page) if fetch else []
        self._more = len(self._items) >= self._page
        self.endResetModel()

    def refresh(self) -> None:
        """Append what was added since (only once every older page is loaded)."""
        if self._fetch is None or self._more:
            return
        after = self._items[-1].id if self._items else 0
        fresh = self._fetch(after, self._page)
        if fresh:
            first = len(self._items)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._items.extend(fresh)
            self.endInsertRows()
            self._more = len(fresh) >= self._page

    def item(self, row: int) -> Any:
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(self._items[index.row()])
        if role == Qt.ItemDataRole.ToolTipRole:
            return labels.tooltip(self._display(self._items[index.row()]))
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and self._fetch is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._more = False  # refresh() appends the next page and keeps paging
        assert self._fetch is not None
        after = self._items[-1].id if self._items else 0
        fresh = self._fetch(after, self._page)
        if fresh:
            first = len(self._items)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._items.extend(fresh)
            self.endInsertRows()
        self._more = len(fresh) >= self._page
