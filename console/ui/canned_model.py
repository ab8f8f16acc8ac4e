"""A list model of canned replies: search results for the slash completer and the dialogs.

The rows are whatever the last search returned (the service caps it), so the model never
holds the whole library; :meth:`set_items` swaps them with a model reset, since a new
search is a new list, not an edit of the old one.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from console.cases.canned import Canned
from console.ui import labels

CannedRole = Qt.ItemDataRole.UserRole + 1
ShortcutRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class CannedListModel(QAbstractListModel):
    """Rows of :class:`Canned`: "/shortcut — name (lang)", the body as a tooltip."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[Canned] = []

    def set_items(self, items: list[Canned]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> Canned | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, canned_id: int) -> int:
        return next((i for i, c in enumerate(self._items) if c.id == canned_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._items):
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            lang = f"  ({item.lang})" if item.lang else ""
            return f"/{item.shortcut} — {labels.untrusted(item.name, 80)}{lang}"
        if role == Qt.ItemDataRole.EditRole:
            return item.shortcut
        if role == Qt.ItemDataRole.ToolTipRole:
            return labels.tooltip(item.body)
        if role == CannedRole:
            return item
        if role == ShortcutRole:
            return item.shortcut
        return None
