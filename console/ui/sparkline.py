"""A small sentiment sparkline: one point per period, the zero line, the newest point marked."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from console.people.records import SentimentPoint
from console.ui import labels


def day(moment: date | datetime) -> str:
    """A period's first day with the locale's month name ("22 nov")."""
    value = QDate(moment.year, moment.month, moment.day)
    return QLocale().toString(value, "d MMM")


class Sparkline(QWidget):
    """Draws mean sentiment (-1..1) over time; says the trend in words for screen readers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: list[SentimentPoint] = []
        self.setMinimumHeight(26)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Sentiment over time"))

    def sizeHint(self) -> QSize:
        return QSize(160, 30)

    @property
    def points(self) -> list[SentimentPoint]:
        return list(self._points)

    def set_points(self, points: Sequence[SentimentPoint]) -> None:
        self._points = list(points)
        if self._points:
            last = self._points[-1].mean
            words = (self.tr("positive") if last > 0.05 else
                     self.tr("negative") if last < -0.05 else self.tr("neutral"))
            self.setAccessibleDescription(
                self.tr("%1 periods; latest mean sentiment %2 (%3)")
                .replace("%1", str(len(self._points)))
                .replace("%2", QLocale().toString(float(last), "f", 2))
                .replace("%3", words))
            self.setToolTip(labels.tooltip(self.tr("Mean sentiment per period, from %1 to %2")
                                           .replace("%1", day(self._points[0].start))
                                           .replace("%2", day(self._points[-1].start))))
        else:
            self.setAccessibleDescription(self.tr("No scored posts yet"))
            self.setToolTip("")
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.rect().adjusted(3, 3, -5, -3)
        mid = rect.top() + rect.height() / 2
        painter.setPen(QPen(QColor("#c0c0c0"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(rect.left(), mid), QPointF(rect.right(), mid))
        if not self._points:
            painter.end()
            return
        count = len(self._points)
        step = rect.width() / max(1, count - 1)

        def at(i: int) -> QPointF:
            value = max(-1.0, min(1.0, self._points[i].mean))
            x = rect.left() + (step * i if count > 1 else rect.width() / 2)
            return QPointF(x, mid - value * (rect.height() / 2))

        path = QPainterPath(at(0))
        for i in range(1, count):
            path.lineTo(at(i))
        painter.setPen(QPen(labels.NEUTRAL_COLOUR, 1.5))
        painter.drawPath(path)
        last = self._points[-1].mean
        colour = (labels.POSITIVE_COLOUR if last > 0.05 else
                  labels.NEGATIVE_COLOUR if last < -0.05 else labels.NEUTRAL_COLOUR)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(at(count - 1), 3.0, 3.0)
        painter.end()
