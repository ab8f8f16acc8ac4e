"""View > Reports…: charts of volume, sentiment, complaint reasons and SLA for a chosen period.

The figures are computed in SQL on a pool thread (`ReportService`); each tab shows one
chart (QtCharts) over its data table, and can save the chart as PNG and the data as CSV.
"""

from __future__ import annotations

import logging
import math
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QLocale,
    QObject,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.feed.export import ExportError
from console.reports.figures import Period, Table, bucket_starts, column_title, zone_info
from console.reports.service import ReportService, file_name, write_table_csv
from console.ui import labels
from console.ui.tasks import Task, start_task

log = logging.getLogger(__name__)

SENTIMENT_COLOURS = {"negative": "#c0392b", "neutral": "#95a5a6", "positive": "#27ae60"}
# Complaint reasons as the triage strip names them (the stored value stays the key).
REASON_NAMES = {
    "delivery": QT_TRANSLATE_NOOP("ReportsView", "delivery or delay"),
    "billing": QT_TRANSLATE_NOOP("ReportsView", "billing or refund"),
    "product": QT_TRANSLATE_NOOP("ReportsView", "product defect"),
    "service": QT_TRANSLATE_NOOP("ReportsView", "customer service"),
    "cancellation": QT_TRANSLATE_NOOP("ReportsView", "cancellation"),
    "account": QT_TRANSLATE_NOOP("ReportsView", "account or access"),
    "other": QT_TRANSLATE_NOOP("ReportsView", "other"),
}
NO_AGENT = "(none)"  # what the figures say for a case nobody took



def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def reason_name(reason: str) -> str:
    """A complaint reason as it reads in the reports."""
    name = REASON_NAMES.get(reason)
    return QCoreApplication.translate("ReportsView", name) if name else reason


def duration_text(minutes: float) -> str:
    """An average wait in minutes as people read it (see labels.wait_text)."""
    return labels.wait_text(round(minutes))


def channel_name(channel: str) -> str:
    """A channel kind as it reads in the reports (an unknown one as stored)."""
    return labels.channel_label(channel)


def day_label(value: str, short: bool = False) -> str:
    """A period's first day, stored as "2026-11-06", as the agent's locale writes dates
    ("6 Nov 2026"; "6 Nov" on a chart's axis); anything else as it is."""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return value
    if short:
        return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM")
    return labels.day_text(day)


def cell_text(column: str, value: object) -> str:
    """One table cell as it reads on screen: names of values translated, numbers localised."""
    if value is None:
        return ""
    if column == "bucket":  # the CSV keeps "2026-11-06": it is data
        return day_label(str(value))
    if column == "channel":
        return channel_name(str(value))
    if column == "reason":
        return reason_name(str(value))
    if column == "agent" and value == NO_AGENT:
        return QCoreApplication.translate("ReportsView", "(nobody)")
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if column.endswith("_min"):
        return duration_text(float(value))
    if column.endswith("_share"):
        return QCoreApplication.translate("ReportsView", "%1%").replace(
            "%1", QLocale().toString(float(value) * 100, "f", 1))
    return QLocale().toString(value) if isinstance(value, int) else QLocale().toString(
        float(value), "g", 6)


class ReportTab(QWidget):
    """One figure: its chart, its data table and the two save buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart_view = QChartView()
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(260)
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.save_png = QPushButton(self.tr("Save chart as PNG…"))
        self.save_csv = QPushButton(self.tr("Save data as CSV…"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_png)
        buttons.addWidget(self.save_csv)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.chart_view)
        split.addWidget(self.table)
        split.setSizes([360, 140])
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self.data: Table | None = None


class ReportsView(QDialog):
    """Layout only: the period bar, one tab per figure, a status line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reports"))
        self.preset = QComboBox()
        for days, label in ((7, self.tr("Last 7 days")), (30, self.tr("Last 30 days")),
                            (90, self.tr("Last 90 days")), (0, self.tr("Custom"))):
            self.preset.addItem(label, days)
        self.since = QDateEdit()
        self.until = QDateEdit()
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(labels.date_format())
        self.bucket = QComboBox()
        self.bucket.addItem(self.tr("per day"), "day")
        self.bucket.addItem(self.tr("per week"), "week")
        self.refresh = QPushButton(self.tr("Show"))
        bar = QHBoxLayout()
        for widget in (QLabel(self.tr("Period:")), self.preset, QLabel(self.tr("from")),
                       self.since, QLabel(self.tr("to")), self.until, self.bucket):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.refresh)
        self.tabs = QTabWidget()
        self.tab = {name: ReportTab() for name in
                    ("volume", "sentiment", "reasons", "sla_agent", "sla_channel")}
        titles = {"volume": self.tr("Volume"), "sentiment": self.tr("Sentiment"),
                  "reasons": self.tr("Complaint reasons"), "sla_agent": self.tr("SLA per agent"),
                  "sla_channel": self.tr("SLA per channel")}
        for name, tab in self.tab.items():
            self.tabs.addTab(tab, titles[name])
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        self.resize(980, 680)


class _Chart(QObject):
    """Builds the charts from tables (plain text only: channel and agent names are data)."""

    def volume(self, table: Table, period: Period) -> QChart:
        buckets = bucket_starts(period)
        channels = sorted({row[1] for row in table.rows})
        counts = {(row[0], row[1]): row[2] for row in table.rows}
        series = QStackedBarSeries()
        for channel in channels:
            bars = QBarSet(channel_name(channel))
            bars.append([float(counts.get((b, channel), 0)) for b in buckets])
            series.append(bars)
        return self._bars(self.tr("Mentions per channel"), series,
                          [day_label(b, short=True) for b in buckets], vertical=True)

    def sentiment(self, table: Table, period: Period) -> QChart:
        buckets = bucket_starts(period)
        by_bucket = {row[0]: row for row in table.rows}
        series = QStackedBarSeries()
        for index, label in ((2, "negative"), (3, "neutral"), (4, "positive")):
            bars = QBarSet(labels.sentiment_label(label))
            bars.setColor(QColor(SENTIMENT_COLOURS[label]))
            bars.append([float(by_bucket[b][index]) if b in by_bucket else 0.0
                         for b in buckets])
            series.append(bars)
        chart = self._bars(self.tr("Sentiment and complaint share"), series,
                           [day_label(b, short=True) for b in buckets], True)
        share = QLineSeries()
        share.setName(self.tr("complaint share %"))
        share.setColor(QColor("#8e44ad"))
        for i, b in enumerate(buckets):
            if b in by_bucket:  # a day without mentions has no share, not a share of 0
                share.append(float(i), float(by_bucket[b][6]) * 100)
        chart.addSeries(share)
        percent = QValueAxis()
        percent.setRange(0, 100)
        percent.setLabelFormat("%d%%")
        chart.addAxis(percent, Qt.AlignmentFlag.AlignRight)
        share.attachAxis(chart.axes(Qt.Orientation.Horizontal)[0])
        share.attachAxis(percent)
        return chart

    def reasons(self, table: Table) -> QChart:
        rows = list(reversed(table.rows))  # the largest at the top
        bars = QBarSet(self.tr("complaints"))
        bars.append([float(n) for _r, n in rows])
        series = QHorizontalBarSeries()
        series.append(bars)
        return self._bars(self.tr("Top complaint reasons"), series,
                          [reason_name(r) for r, _n in rows], vertical=False)

    def sla(self, table: Table, title: str, by: str) -> QChart:
        series = QBarSeries()
        names = (self.tr("first response met"), self.tr("first response breached"),
                 self.tr("resolution met"), self.tr("resolution breached"))
        colours = ("#27ae60", "#c0392b", "#2980b9", "#e67e22")
        for column, name, colour in zip((4, 5, 8, 9), names, colours, strict=True):
            bars = QBarSet(name)
            bars.setColor(QColor(colour))
            bars.append([float(row[column] or 0) for row in table.rows])
            series.append(bars)
        return self._bars(title, series, [cell_text(by, row[0]) for row in table.rows],
                          vertical=True)

    def _bars(self, title: str, series: QBarSeries | QStackedBarSeries | QHorizontalBarSeries,
              categories: list[str], vertical: bool) -> QChart:
        chart = QChart()
        chart.setTitle(title)
        chart.addSeries(series)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        axis = QBarCategoryAxis()
        axis.append(categories or [""])
        if vertical and len(categories) > 14:
            axis.setLabelsAngle(-90)
        values = QValueAxis()
        values.setLabelFormat("%d")
        top = _tallest(series, len(categories))
        # A little room above the tallest bar, so it never touches the chart's top edge.
        ceiling = max(1, math.ceil(top if top <= 5 else top * 1.08))
        values.setRange(0, ceiling)
        if ceiling <= 5:
            values.setTickCount(ceiling + 1)  # whole numbers only
        else:
            values.applyNiceNumbers()
        bottom, left = Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft
        chart.addAxis(axis, bottom if vertical else left)
        chart.addAxis(values, left if vertical else bottom)
        series.attachAxis(axis)
        series.attachAxis(values)
        return chart


def _tallest(series: QBarSeries | QStackedBarSeries | QHorizontalBarSeries,
             count: int) -> float:
    """The top of the value axis: the tallest bar, or stack of bars."""
    sets = series.barSets()
    if isinstance(series, QStackedBarSeries):
        return max((sum(b.at(i) for b in sets) for i in range(count)), default=0.0)
    return max((b.at(i) for b in sets for i in range(count)), default=0.0)


class ReportsController(QObject):
    """Reads the figures for the chosen period off the GUI thread and fills the tabs.

    Signals:
        shown(): every tab was filled with the figures of the period.
    """

    shown = Signal()

    def __init__(self, view: ReportsView, service: ReportService,
                 pool: QThreadPool | None = None, today: datetime | None = None) -> None:
        super().__init__(view)
        self.view, self.service, self.pool = view, service, pool
        self.charts = _Chart(self)
        self.period: Period | None = None
        self._signals: object = None
        day = (today or datetime.now(UTC)).astimezone(zone_info(self._team_zone())).date()
        self._today = _qdate(day)
        view.preset.currentIndexChanged.connect(self._on_preset)
        view.refresh.clicked.connect(self.load)
        for name, tab in view.tab.items():
            tab.save_png.clicked.connect(lambda _c=False, n=name: self.save_png(n))
            tab.save_csv.clicked.connect(lambda _c=False, n=name: self.save_csv(n))
        view.preset.setCurrentIndex(1)
        self._on_preset()

    @Slot()
    def _on_preset(self) -> None:
        days = int(self.view.preset.currentData() or 0)
        custom = days == 0
        self.view.since.setEnabled(custom)
        self.view.until.setEnabled(custom)
        if not custom:
            self.view.until.setDate(self._today)
            self.view.since.setDate(self._today.addDays(1 - days))

    def chosen_days(self) -> tuple[date, date]:
        """The first and last day chosen (the team's days: the task reads its zone)."""
        since, until = self.view.since.date(), self.view.until.date()
        return (date(since.year(), since.month(), since.day()),
                date(until.year(), until.month(), until.day()))

    def _team_zone(self) -> str:
        try:
            zone = self.service.zone()
            zone_info(zone)
        except Exception:  # an unreadable setting: count UTC days rather than none
            log.warning("the team's time zone could not be read; reports use UTC")
            return "UTC"
        return zone

    @Slot()
    def load(self) -> None:
        first, last = self.chosen_days()
        if last < first:
            self.view.status.setText(self.tr("The period must end on or after its first day."))
            return
        self.view.refresh.setEnabled(False)
        self.view.status.setText(self.tr("Counting…"))
        service, bucket, zone = self.service, str(self.view.bucket.currentData()), self._team_zone

        def work() -> tuple[Period, list[Table]]:
            period = Period.days(first, last, bucket, zone())  # the zone is read off the GUI
            return period, service.tables(period)

        task = Task(work, self.tr("read the reports"))
        task.signals.succeeded.connect(self._on_tables)  # before starting: no result is lost
        task.signals.failed.connect(self._on_failed)
        self._signals = start_task(task, self.pool)

    @Slot(object)
    def _on_tables(self, result: object) -> None:
        period, tables = result  # type: ignore[misc]
        self.period = period
        by_name = {t.name: t for t in tables}
        charts = {"volume": self.charts.volume(by_name["volume"], period),
                  "sentiment": self.charts.sentiment(by_name["sentiment"], period),
                  "reasons": self.charts.reasons(by_name["reasons"]),
                  "sla_agent": self.charts.sla(by_name["sla_agent"],
                                               self.tr("Cases against SLA per agent"), "agent"),
                  "sla_channel": self.charts.sla(by_name["sla_channel"],
                                                 self.tr("Cases against SLA per channel"),
                                                 "channel")}
        for name, chart in charts.items():
            tab = self.view.tab[name]
            old = tab.chart_view.chart()
            tab.chart_view.setChart(chart)
            if old is not None and old is not chart:
                old.deleteLater()
            self._fill_table(tab, by_name[name])
        mentions = sum(row[1] for row in by_name["sentiment"].rows)
        first, last = period.days_shown()
        locale = QLocale()
        self.view.status.setText(self.tr("%1 mentions from %2 to %3 (days in %4).")
                                 .replace("%1", locale.toString(int(mentions)))
                                 .replace("%2", labels.day_text(_qdate(first)))
                                 .replace("%3", labels.day_text(_qdate(last)))
                                 .replace("%4", period.zone))
        self.view.refresh.setEnabled(True)
        self.shown.emit()

    def _fill_table(self, tab: ReportTab, table: Table) -> None:
        tab.data = table
        tab.table.clear()
        tab.table.setColumnCount(len(table.columns))
        tab.table.setRowCount(len(table.rows))
        tab.table.setHorizontalHeaderLabels([column_title(c) for c in table.columns])
        for r, row in enumerate(table.rows):
            for c, value in enumerate(row):
                tab.table.setItem(r, c, QTableWidgetItem(cell_text(table.columns[c], value)))
        tab.table.resizeColumnsToContents()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.view.refresh.setEnabled(True)
        self.view.status.setText(message)

    def save_png(self, name: str, path: str | None = None) -> Path | None:
        """Save one tab's chart as PNG (asks for a file when no path is given)."""
        tab = self.view.tab[name]
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self.view, self.tr("Save chart"),
                                                  str(Path.home() / f"{name}.png"),
                                                  self.tr("PNG images (*.png)"))
            if not path:
                return None
        if not tab.chart_view.grab().save(path, "PNG"):
            self.view.status.setText(self.tr("Could not save the chart to %1.").replace("%1", path))
            return None
        self.view.status.setText(self.tr("Saved the chart to %1.").replace("%1", path))
        return Path(path)

    def save_csv(self, name: str, path: str | None = None) -> Path | None:
        """Save one tab's data as CSV (asks for a file when no path is given)."""
        tab = self.view.tab[name]
        if tab.data is None or self.period is None:
            self.view.status.setText(self.tr("Show a period first."))
            return None
        if path is None:
            suggested = str(Path.home() / file_name(tab.data, self.period))
            path, _ = QFileDialog.getSaveFileName(self.view, self.tr("Save data"), suggested,
                                                  self.tr("CSV files (*.csv)"))
            if not path:
                return None
        try:
            write_table_csv(tab.data, path)
        except ExportError as exc:
            self.view.status.setText(str(exc))
            return None
        self.view.status.setText(self.tr("Saved the data to %1.").replace("%1", path))
        return Path(path)


def open_reports(parent: QWidget, service: ReportService) -> ReportsView:
    """Show the reports window (non-modal) and compute the default period's figures."""
    view = ReportsView(parent)
    view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    controller = ReportsController(view, service)
    view.show()
    controller.load()
    return view
