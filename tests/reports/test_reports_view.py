"""The reports window: figures for the chosen period, charts saved as PNG, data as CSV."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate, QLocale
from PySide6.QtGui import QImage

from console.app.runtime import Runtime
from console.cases import team_settings
from console.reports.service import ReportService
from console.ui.reports_view import ReportsController, ReportsView, cell_text, duration_text


def set_zone(rt: Runtime, zone: str) -> None:
    store = rt.workspace.store
    with store.write():
        team_settings.put(store.db, "timezone", zone)


def test_reports_view_shows_and_exports(report_rt: Runtime, qtbot, tmp_path) -> None:
    set_zone(report_rt, "UTC")  # the figures worked out by hand count UTC days
    view = ReportsView()
    qtbot.addWidget(view)
    controller = ReportsController(view, ReportService(report_rt.workspace.store),
                                   today=datetime(2026, 3, 8, tzinfo=UTC))
    assert view.since.date() == QDate(2026, 2, 7)  # "last 30 days" by default
    view.preset.setCurrentIndex(view.preset.findData(0))  # custom
    view.since.setDate(QDate(2026, 3, 2))
    view.until.setDate(QDate(2026, 3, 8))
    view.show()
    with qtbot.waitSignal(controller.shown, timeout=10000):
        view.refresh.click()
    assert "5 mentions" in view.status.text()
    reasons = view.tab["reasons"]
    assert reasons.table.rowCount() == 2 and reasons.table.item(0, 0).text() == "delivery or delay"
    assert len(view.tab["volume"].chart_view.chart().series()[0].barSets()) == 2
    png = controller.save_png("sentiment", str(tmp_path / "sentiment.png"))
    assert png is not None and not QImage(str(png)).isNull()
    csv_path = controller.save_csv("sla_channel", str(tmp_path / "sla.csv"))
    assert csv_path is not None and "mastodon,2,2,25.0" in csv_path.read_text()
    for name in ("volume", "sentiment", "sla_agent"):
        view.tabs.setCurrentWidget(view.tab[name])
        view.grab().save(f"/tmp/reports_{name}.png")
    # The team works in Madrid (UTC+1 in March): its 2nd starts at 23:00 UTC on the 1st,
    # which brings mention 6 (and its billing complaint) into the period.
    set_zone(report_rt, "Europe/Madrid")
    with qtbot.waitSignal(controller.shown, timeout=10000):
        view.refresh.click()
    assert "6 mentions" in view.status.text() and "Europe/Madrid" in view.status.text()
    assert reasons.table.rowCount() == 3


def test_waits_and_shares_read_as_people_say_them() -> None:
    assert [duration_text(m) for m in (0.4, 45, 125, 2070, 3000)] == [
        "0 min", "45 min", "2 h 05 min", "34 h 30 min", "2 d 2 h"]
    assert cell_text("avg_resolution_min", 240.0) == "4 h 00 min"
    before = QLocale()
    QLocale.setDefault(QLocale("en_US"))
    try:
        assert cell_text("complaint_share", 0.3333) == "33.3%"
        assert cell_text("cases", 1234) == "1,234"
    finally:
        QLocale.setDefault(before)
