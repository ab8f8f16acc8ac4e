"""Find text a window cuts: labels, buttons, combo boxes, tabs and placeholders whose text
is wider than the room Qt gave them, and widgets that lie outside the window.

Every width is measured with the widget's own font metrics at the size Qt laid it out,
so the check holds on any machine's fonts: what it reports is cut on that machine.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QTabBar,
    QToolButton,
    QWidget,
)

SLACK = 1  # a pixel of rounding between text advance and the rect Qt chose


def _shown(widget: QWidget, window: QWidget) -> bool:
    """Visible on screen: the widget and every parent up to the window are shown."""
    return widget.isVisibleTo(window) and widget.width() > 0 and widget.height() > 0


def _mnemonic_free(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _widest_line(widget: QWidget, text: str) -> int:
    metrics = widget.fontMetrics()
    return max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)


def _label_cut(label: QLabel) -> str | None:
    text = label.text()
    if not text.strip() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    room = label.contentsRect().adjusted(label.margin(), label.margin(),
                                         -label.margin(), -label.margin())
    indent = max(label.indent(), 0)
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK:
            return f"needs {needed} px of height, has {label.height()}"
        return None
    plain = text if label.textFormat().name == "PlainText" else _strip_tags(text)
    width = _widest_line(label, plain)
    if width > room.width() - indent + SLACK:
        return f"needs {width} px, has {room.width() - indent}"
    return None


def _strip_tags(text: str) -> str:
    import re

    return re.sub(r"<[^>]+>", "", text).replace("&nbsp;", " ").replace("&amp;", "&")


def _button_cut(button: QAbstractButton) -> str | None:
    text = _mnemonic_free(button.text())
    if not text.strip():
        return None
    width = _widest_line(button, text)
    style = button.style()
    if isinstance(button, QPushButton):
        option = QStyleOptionButton()
        option.initFrom(button)
        option.text = button.text()
        option.icon = button.icon()
        option.iconSize = button.iconSize()
        room = style.subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
        if button.menu() is not None:  # the arrow takes its share
            room.setWidth(room.width() - style.pixelMetric(
                QStyle.PixelMetric.PM_MenuButtonIndicator, option, button))
        if not button.icon().isNull():
            width += button.iconSize().width() + 4
        available = room.width()
    elif isinstance(button, (QCheckBox, QRadioButton)):
        option = QStyleOptionButton()
        option.initFrom(button)
        option.text = button.text()
        element = (QStyle.SubElement.SE_CheckBoxContents if isinstance(button, QCheckBox)
                   else QStyle.SubElement.SE_RadioButtonContents)
        available = style.subElementRect(element, option, button).width()
    elif isinstance(button, QToolButton):
        # the tool button's own size hint is its text plus the style's margins
        hint = button.sizeHint().width()
        if button.width() + SLACK < hint:
            return f"needs {hint} px, has {button.width()}"
        return None
    else:
        available = button.contentsRect().width()
    if width > available + SLACK:
        return f"needs {width} px, has {available}"
    return None


def _combo_cut(combo: QComboBox) -> str | None:
    text = combo.currentText()
    if not text.strip() or combo.isEditable():
        return None
    option = QStyleOptionComboBox()
    option.initFrom(combo)
    option.currentText = text
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    width = combo.fontMetrics().horizontalAdvance(text)
    if not combo.itemIcon(combo.currentIndex()).isNull():
        width += combo.iconSize().width() + 4
    # The style draws the label a pixel inside the field on each side
    # (QCommonStyle CE_ComboBoxLabel): "cualquier origen" at 98 px in 97 reads "origer".
    room = field.width() - 2
    if width > room:
        return f"needs {width} px, has {room}"
    return None


def _tab_cuts(bar: QTabBar) -> Iterator[tuple[str, str]]:
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        hint, rect = bar.tabSizeHint(index), bar.tabRect(index)
        text = _mnemonic_free(bar.tabText(index))
        if rect.width() + SLACK < hint.width():
            yield text, f"tab needs {hint.width()} px, has {rect.width()}"
        elif not bar.rect().contains(rect):
            yield text, "tab scrolled out of the bar"


def _placeholder_cut(edit: QLineEdit) -> str | None:
    text = edit.placeholderText()
    if edit.text() or not text.strip():
        return None
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    room = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    # QLineEdit keeps 2 px on each side of its text (QLineEditPrivate::horizontalMargin)
    available = room.width() - margins.left() - margins.right() - 4
    for action in edit.actions():  # clear button and other trailing actions
        if action.isVisible():
            available -= edit.height() - 4
    width = edit.fontMetrics().horizontalAdvance(text)
    if width > available + SLACK:
        return f"placeholder needs {width} px, has {available}"
    return None


def _outside(widget: QWidget, window: QWidget) -> bool:
    """Part of the widget lies beyond the window's edge (cut by the window, not scrolled)."""
    top_left = widget.mapTo(window, QPoint(0, 0))
    return not window.rect().contains(QRect(top_left, widget.size()))


def _in_scroll_area(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def cut_texts(window: QWidget) -> list[str]:
    """One line per text that does not fit: "<class>[<objectName>] 'text': reason"."""
    found: list[str] = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not _shown(widget, window):
            continue
        name = f"{type(widget).__name__}[{widget.objectName()}]"
        if isinstance(widget, QLabel):
            reason = _label_cut(widget)
            text = widget.text()
        elif isinstance(widget, QAbstractButton):
            reason, text = _button_cut(widget), widget.text()
        elif isinstance(widget, QComboBox):
            reason, text = _combo_cut(widget), widget.currentText()
        elif isinstance(widget, QLineEdit):
            reason, text = _placeholder_cut(widget), widget.placeholderText()
        elif isinstance(widget, QTabBar):
            found.extend(f"{name} {t!r}: {r}" for t, r in _tab_cuts(widget))
            continue
        else:
            continue
        if reason is None and text.strip() and not _in_scroll_area(widget, window) \
                and _outside(widget, window):
            reason = "beyond the window's edge"
        if reason is not None:
            found.append(f"{name} {text[:60]!r}: {reason}")
    return found
