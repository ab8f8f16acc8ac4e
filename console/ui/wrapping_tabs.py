"""Tabs for a narrow pane: the tab buttons wrap onto a second line instead of being cut or
hidden behind scroll arrows (the profile's five tabs need about 400 px in Spanish, and its
pane is about 330 px wide on a 1366x768 screen).

:class:`WrappingTabs` offers the part of ``QTabWidget``'s interface the profile uses.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)


class FlowLayout(QLayout):
    """Lays its widgets out left to right, starting a new line when the next one does not
    fit; its height follows its width."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def add(self, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _place(self, rect: QRect, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x > rect.x() and x + hint.width() > rect.right() + 1:
                x, y, line = rect.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y()


class WrappingTabs(QWidget):
    """Pages with a row of tab buttons that wraps; one page shown at a time.

    Signals:
        currentChanged(int): another page is shown.
    """

    currentChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QWidget()
        self.bar.setAccessibleName(self.tr("Sections"))
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)  # a narrower pane gets a second line of tabs
        self.bar.setSizePolicy(policy)
        self._flow = FlowLayout(self.bar)
        self._stack = QStackedWidget()
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._group.idClicked.connect(self.setCurrentIndex)
        self.buttons: list[QToolButton] = []
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.bar)
        box.addWidget(self._stack, 1)

    def addTab(self, page: QWidget, text: str) -> int:
        index = self._stack.addWidget(page)
        button = QToolButton(self.bar)
        button.setCheckable(True)
        button.setAutoRaise(True)
        button.setText(text)
        button.setChecked(index == self._stack.currentIndex())
        self._group.addButton(button, index)
        self._flow.add(button)
        self.buttons.append(button)
        return index

    def count(self) -> int:
        return self._stack.count()

    def tabText(self, index: int) -> str:
        return self.buttons[index].text() if 0 <= index < len(self.buttons) else ""

    def setTabText(self, index: int, text: str) -> None:
        if 0 <= index < len(self.buttons):
            self.buttons[index].setText(text)
            self.bar.updateGeometry()
            self._flow.invalidate()

    def currentIndex(self) -> int:
        return self._stack.currentIndex()

    def widget(self, index: int) -> QWidget | None:
        return self._stack.widget(index)

    def currentWidget(self) -> QWidget | None:
        return self._stack.currentWidget()

    @Slot(int)
    def setCurrentIndex(self, index: int) -> None:
        if not 0 <= index < self._stack.count():
            return
        self.buttons[index].setChecked(True)
        if index != self._stack.currentIndex():
            self._stack.setCurrentIndex(index)
            self.currentChanged.emit(index)
