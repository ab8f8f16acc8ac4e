"""How a mention is drawn in the feed: two lines, the post's text over the whole width.

Line one: the author, the network, the time, then on the right the case with its SLA
clock, the sentiment and the priority; an impersonation warning comes first, in red.
Line two: the post's text, elided at the end, with the search's matches highlighted.
Everything is drawn with ``drawText`` (plain text: a name posing as markup stays text),
from what the model already holds: painting never reads the database.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

PAD_X, PAD_Y, GAP = 8, 5, 3

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Card:
    """What one row shows, already in the agent's language (the model builds it)."""

    author: str
    meta: str  # network · time
    text: str  # one line: the post with its line breaks as spaces
    badges: tuple[tuple[str, QColor | None], ...]  # case/SLA, sentiment, priority
    warning: str = ""  # the impersonation warning, "" for most authors
    search: str = ""  # what the feed is searched for (highlighted in the text)


CARD_ROLE = Qt.ItemDataRole.UserRole + 3


def _fold(text: str) -> str:
    """One char per char of `text`, lower case and without accents (so that "cancelacion"
    finds "cancelación" where the index found it)."""
    out = []
    for char in text:
        base = unicodedata.normalize("NFD", char)
        kept = "".join(c for c in base if not unicodedata.combining(c)) or char
        out.append(kept[0].casefold()[0] if kept else char)
    return "".join(out)


def match_spans(text: str, search: str) -> list[tuple[int, int]]:
    """(start, end) of each search word in `text`, case and accent blind, merged."""
    folded = _fold(text)
    spans: list[tuple[int, int]] = []
    for word in {_fold(w.strip('"*')) for w in search.split() if w.strip('"*')}:
        start = folded.find(word)
        while start >= 0 and word:
            spans.append((start, start + len(word)))
            start = folded.find(word, start + len(word))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


class FeedCardDelegate(QStyledItemDelegate):
    """Paints the feed's text column as a two-line card (see the module docstring)."""

    warning_colour = QColor("#b3261e")
    match_colour = QColor(255, 214, 0, 110)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics = QFontMetrics(option.font)
        return QSize(200, row_height(metrics))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        card = index.data(CARD_ROLE)
        if not isinstance(card, Card):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""  # the background, selection and focus only
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Normal if option.state & QStyle.StateFlag.State_Active \
            else QPalette.ColorGroup.Inactive
        ink = option.palette.color(group, QPalette.ColorRole.HighlightedText if selected
                                   else QPalette.ColorRole.Text)
        faint = QColor(ink)
        faint.setAlphaF(0.7)
        painter.save()
        rect = option.rect.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y)
        metrics = QFontMetrics(option.font)
        line = metrics.height()
        top = QRect(rect.left(), rect.top(), rect.width(), line)
        bottom = QRect(rect.left(), rect.top() + line + GAP, rect.width(), line)
        right = self._badges(painter, option.font, top, card, ink if selected else None)
        self._first_line(painter, option.font, QRect(top.left(), top.top(),
                                                     right - top.left() - 8, line),
                         card, ink, faint, selected)
        self._text(painter, option.font, bottom, card, ink)
        painter.restore()

    def _badges(self, painter: QPainter, font: QFont, rect: QRect, card: Card,
                selected_ink: QColor | None) -> int:
        """Draws the badges right-aligned; returns where they start."""
        small = QFont(font)
        small.setPointSizeF(max(font.pointSizeF() * 0.92, 7.0))
        metrics = QFontMetrics(small)
        painter.setFont(small)
        x = rect.right()
        for text, colour in reversed(card.badges):
            if not text:
                continue
            width = metrics.horizontalAdvance(text)
            if x - width < rect.left() + rect.width() // 3:
                break  # a narrow pane keeps the author readable: drop the left badges
            x -= width
            painter.setPen(selected_ink or colour or painter.pen().color())
            painter.drawText(QRect(x, rect.top(), width, rect.height()),
                             int(Qt.AlignmentFlag.AlignVCenter), text)
            x -= 10
        return x

    def _first_line(self, painter: QPainter, font: QFont, rect: QRect, card: Card,
                    ink: QColor, faint: QColor, selected: bool) -> None:
        x = rect.left()
        if card.warning:
            bold = QFont(font)
            bold.setBold(True)
            painter.setFont(bold)
            painter.setPen(ink if selected else self.warning_colour)
            mark = "⚠ " + self.tr("lookalike account")  # the whole warning is in the tooltip
            shown = QFontMetrics(bold).elidedText(mark, Qt.TextElideMode.ElideRight,
                                                  max(rect.width() // 2, 40))
            painter.drawText(QRect(x, rect.top(), rect.width(), rect.height()),
                             int(Qt.AlignmentFlag.AlignVCenter), shown)
            x += QFontMetrics(bold).horizontalAdvance(shown) + 8
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(ink)
        metrics = QFontMetrics(bold)
        room = rect.right() - x
        # The network and the time stay whole when they can: when the post was written is worth more
        # than the end of a long display name, which keeps at least a third.
        meta_width = QFontMetrics(font).horizontalAdvance(card.meta) + 8
        author = metrics.elidedText(card.author, Qt.TextElideMode.ElideRight,
                                    max(room - meta_width, room // 3, 30))
        painter.drawText(QRect(x, rect.top(), room, rect.height()),
                         int(Qt.AlignmentFlag.AlignVCenter), author)
        x += metrics.horizontalAdvance(author) + 8
        painter.setFont(font)
        painter.setPen(faint)
        meta = QFontMetrics(font).elidedText(card.meta, Qt.TextElideMode.ElideRight,
                                             max(rect.right() - x, 0))
        painter.drawText(QRect(x, rect.top(), max(rect.right() - x, 0), rect.height()),
                         int(Qt.AlignmentFlag.AlignVCenter), meta)

    def _text(self, painter: QPainter, font: QFont, rect: QRect, card: Card,
              ink: QColor) -> None:
        painter.setFont(font)
        metrics = QFontMetrics(font)
        shown = metrics.elidedText(card.text, Qt.TextElideMode.ElideRight, rect.width())
        if card.search:
            for start, end in match_spans(shown, card.search):
                left = rect.left() + metrics.horizontalAdvance(shown[:start])
                width = metrics.horizontalAdvance(shown[start:end])
                painter.fillRect(QRect(left, rect.top(), width, rect.height()),
                                 self.match_colour)
        painter.setPen(ink)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignVCenter), shown)


def row_height(metrics: QFontMetrics) -> int:
    """Two lines of text and the padding around them."""
    return 2 * metrics.height() + GAP + 2 * PAD_Y
