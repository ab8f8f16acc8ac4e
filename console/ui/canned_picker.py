"""Choosing canned replies by keyboard: ``/shortcut`` completion in the editor, and a picker.

Typing ``/`` at the start of a word in the reply editor opens a completion popup of the
matching canned replies; Up/Down choose, Enter or Tab insert, Escape closes. The picker
(the composer's "Canned replies" button, Ctrl+/) searches the library and inserts one or
several replies at once, stacked into one message.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from console.cases.canned import Canned, CannedService
from console.cases.canned_text import stack
from console.ui import labels
from console.ui.canned_model import CannedListModel, CannedRole

# "/env" right before the cursor, at the start of the text or after a space.
SLASH_TOKEN = re.compile(r"(?:^|(?<=\s))/([\w-]{0,40})$")
POPUP_ROWS = 12


class SlashEditor(QPlainTextEdit):
    """The reply editor; while the completion popup is open it steers it by keyboard.

    Signals:
        completionKey(int): Enter/Return/Tab (accept), Up/Down (move) or Escape (close)
            was pressed while the popup is visible.
    """

    completionKey = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.popup_open = False

    def event(self, event: QEvent) -> bool:
        # Tab normally moves the focus (tabChangesFocus) before keyPressEvent sees it.
        if (self.popup_open and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Tab):
            self.completionKey.emit(int(Qt.Key.Key_Tab))
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Up,
                Qt.Key.Key_Down, Qt.Key.Key_Escape)
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                      Qt.KeyboardModifier.KeypadModifier)
        if self.popup_open and plain and event.key() in keys:
            self.completionKey.emit(int(event.key()))
            event.accept()
            return
        super().keyPressEvent(event)


class SlashCompleter(QObject):
    """Watches the editor for ``/word`` and offers the matching canned replies.

    Signals:
        chosen(object): the :class:`Canned` the agent picked; the ``/word`` is still in the
            editor (see :meth:`token_range`) so the receiver replaces it.
    """

    chosen = Signal(object)

    def __init__(self, editor: SlashEditor, canned: CannedService,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.canned = canned
        self.lang = ""  # the post's language: its replies are offered first
        self.model = CannedListModel(self)
        self.completer = QCompleter(self)
        self.completer.setModel(self.model)
        self.completer.setWidget(editor)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(POPUP_ROWS)
        self.completer.popup().setAccessibleName(self.tr("Canned replies"))
        self.completer.activated[QModelIndex].connect(self._on_activated)
        editor.textChanged.connect(self.refresh)
        editor.cursorPositionChanged.connect(self.refresh)
        editor.completionKey.connect(self._on_key)

    def token_range(self) -> tuple[int, int] | None:
        """Document positions of the ``/word`` just before the cursor, if there is one."""
        cursor = self.editor.textCursor()
        if cursor.hasSelection():
            return None
        block = cursor.block()
        before = block.text()[: cursor.positionInBlock()]
        match = SLASH_TOKEN.search(before)
        if match is None:
            return None
        start = block.position() + match.start()
        return start, cursor.position()

    def prefix(self) -> str | None:
        span = self.token_range()
        if span is None:
            return None
        return self.editor.toPlainText()[span[0] + 1: span[1]]

    def is_open(self) -> bool:
        return self.completer.popup().isVisible()

    @Slot()
    def refresh(self) -> None:
        prefix = self.prefix() if self.editor.isEnabled() else None
        items = (self.canned.search(prefix, limit=50, prefer=self.lang)
                 if prefix is not None else [])
        if not items:
            self.close()
            return
        self.model.set_items(items)
        rect = self.editor.cursorRect()
        rect.setWidth(max(320, self.completer.popup().sizeHintForColumn(0) + 24))
        self.completer.complete(rect)
        popup = self.completer.popup()
        popup.setCurrentIndex(self.completer.completionModel().index(0, 0))
        self.editor.popup_open = True

    @Slot()
    def close(self) -> None:
        self.completer.popup().hide()
        self.editor.popup_open = False

    def current(self) -> Canned | None:
        index = self.completer.popup().currentIndex()
        item = index.data(CannedRole) if index.isValid() else None
        return item if isinstance(item, Canned) else self.model.item(0)

    @Slot(int)
    def _on_key(self, key: int) -> None:
        popup = self.completer.popup()
        if key == Qt.Key.Key_Escape:
            self.close()
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            rows = self.completer.completionModel().rowCount()
            step = -1 if key == Qt.Key.Key_Up else 1
            row = (popup.currentIndex().row() + step) % max(rows, 1)
            popup.setCurrentIndex(self.completer.completionModel().index(row, 0))
            return
        self._choose(self.current())

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        item = index.data(CannedRole)
        self._choose(item if isinstance(item, Canned) else None)

    def _choose(self, item: Canned | None) -> None:
        self.close()
        if item is not None and self.token_range() is not None:
            self.chosen.emit(item)


class CannedPicker(QDialog):
    """Search the library and pick one or several replies (Ctrl/Shift-click to stack).

    Signals:
        picked(list): the chosen :class:`Canned` items, in list order.
    """

    picked = Signal(list)

    def __init__(self, canned: CannedService, lang: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canned = canned
        self.lang = lang
        self._order: list[int] = []
        self.setWindowTitle(self.tr("Insert canned replies"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by shortcut, name or language…"))
        self.search.setAccessibleName(self.tr("Search canned replies"))
        self.search.setClearButtonEnabled(True)
        self.model = CannedListModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Canned replies"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("Canned reply text"))
        self.preview.setMaximumHeight(140)
        self.hint = labels.plain_label(self.tr(
            "Select several with Ctrl or Shift to stack them into one reply."), wrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.insert = buttons.addButton(self.tr("Insert"),
                                        QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.preview)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self.resize(520, 460)
        self.search.textChanged.connect(self.reload)
        self.search.returnPressed.connect(self._accept)
        self.list.doubleClicked.connect(self._accept)
        self.list.selectionModel().selectionChanged.connect(self._show_selected)
        self.reload()

    @Slot()
    def reload(self) -> None:
        query = self.search.text()
        # The post's language first, then replies for any language, then the others.
        items = self.canned.search(query, limit=200, prefer=self.lang)
        self.model.set_items(items)
        if items:
            self.list.setCurrentIndex(self.model.index(0, 0))
        self._show_selected()

    def selected(self) -> list[Canned]:
        """The selected replies in the order the agent picked them (the stacking order)."""
        rows = [i.row() for i in self.list.selectionModel().selectedIndexes()]
        items = {c.id: c for c in (self.model.item(r) for r in rows) if c is not None}
        self._order = [i for i in self._order if i in items]
        self._order += [i for i in sorted(items, key=lambda i: self.model.row_of(i))
                        if i not in self._order]
        return [items[i] for i in self._order]

    @Slot()
    def _show_selected(self) -> None:
        chosen = self.selected()
        self.preview.setPlainText(stack(c.body for c in chosen))
        self.insert.setEnabled(bool(chosen))

    @Slot()
    def _accept(self) -> None:
        chosen = self.selected()
        if chosen:
            self.picked.emit(chosen)
            self.accept()
