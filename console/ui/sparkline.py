"""The profile's mood chart: a row of labelled marks, one per week or month, each split into
the period's negative, neutral and positive posts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from console.people.portrait import MoodPeriod
from console.ui import labels


def day(moment: date | datetime) -> str:
    """A period's first day with the locale's month name ("22 nov")."""
    value = QDate(moment.year, moment.month, moment.day)
    return QLocale().toString(value, "d MMM")


def mood_counts(period: MoodPeriod) -> str:
    """ "2 negative, 1 neutral, 0 positive" (each word agreeing with its count)."""
    negative, neutral, positive = period.negative, period.neutral, period.positive
    return ", ".join((
        QCoreApplication.translate("MoodMarks", "%n negative", None, negative),
        QCoreApplication.translate("MoodMarks", "%n neutral", None, neutral),
        QCoreApplication.translate("MoodMarks", "%n positive", None, positive)))


class MoodMarks(QWidget):
    """A row of labelled marks, one per week or month: a bar split into the negative,
    neutral and positive posts of that period, its first day written under it. Drawn only
    with 3 periods or more (fewer are said in words by the profile)."""

    BAR_WIDTH = 14
    MIN_STEP = 34  # room for a "30 nov" label under each bar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._periods: list[MoodPeriod] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Mood per period"))

    @property
    def periods(self) -> list[MoodPeriod]:
        return list(self._periods)

    def shown_periods(self) -> list[MoodPeriod]:
        """The newest periods that fit the width (all of them when they fit)."""
        fits = max(1, (self.width() - 4) // self.MIN_STEP)
        return self._periods[-fits:]

    def sizeHint(self) -> QSize:
        return QSize(min(360, 8 + self.MIN_STEP * max(3, len(self._periods))), self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.MIN_STEP * 3, self._height())

    def _height(self) -> int:
        return 44 + self.fontMetrics().height()

    def set_periods(self, periods: Sequence[MoodPeriod]) -> None:
        self._periods = list(periods)
        self.setMinimumHeight(self._height())
        words = "; ".join(f"{day(p.start)}: {mood_counts(p)}" for p in self._periods)
        self.setAccessibleDescription(words)
        self.setToolTip(labels.tooltip(words.replace("; ", "\n")) if words else "")
        self.updateGeometry()
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        periods = self.shown_periods()
        if not periods:
            return
        painter = QPainter(self)
        metrics = self.fontMetrics()
        text_height = metrics.height()
        bar_top, bar_bottom = 2, self.height() - text_height - 4
        step = (self.width() - 4) / len(periods)
        most = max(p.count for p in periods) or 1
        for i, period in enumerate(periods):
            centre = 2 + step * i + step / 2
            left = centre - self.BAR_WIDTH / 2
            bottom = float(bar_bottom)
            for count, colour in ((period.negative, labels.NEGATIVE_COLOUR),
                                  (period.neutral, labels.NEUTRAL_COLOUR),
                                  (period.positive, labels.POSITIVE_COLOUR)):
                height = (bar_bottom - bar_top) * count / most
                if height > 0:
                    painter.fillRect(QRectF(left, bottom - height, self.BAR_WIDTH, height),
                                     colour)
                    bottom -= height
            painter.setPen(self.palette().color(self.foregroundRole()))
            label = day(period.start)
            painter.drawText(QRectF(centre - step / 2, bar_bottom + 2, step, text_height),
                             int(Qt.AlignmentFlag.AlignHCenter), label)
        painter.end()
