"""Dates follow the chosen locale everywhere: the date fields of the reports and of the
case export read like the sentences beside them, in the C locale too (no ISO date beside
"5 11 2026")."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QDate, QLocale

from console.ui import labels


@pytest.fixture
def c_locale():
    saved = QLocale()
    QLocale.setDefault(QLocale.c())
    yield
    QLocale.setDefault(saved)


def test_every_date_field_and_sentence_uses_one_format(c_locale, qapp):
    from console.ui.casefile_dialogs import ExportCasesDialog
    from console.ui.reports_view import ReportsView

    day = QDate(2026, 11, 5)
    assert labels.day_text(day) == labels.day_text(date(2026, 11, 5)) == "5 Nov 2026"
    view = ReportsView()
    dialog = ExportCasesDialog(None, "")
    for edit in (view.since, view.until, dialog.since_date):
        edit.setDate(day)
        assert edit.text() == "5 Nov 2026", edit.text()
    assert labels.full_time(datetime(2026, 11, 5, 14, 3, tzinfo=UTC).astimezone()).startswith(
        "5 Nov 2026 ")


def test_spanish_dates_have_spanish_month_names(qapp):
    saved = QLocale()
    QLocale.setDefault(QLocale("es_ES"))
    try:
        assert labels.day_text(date(2026, 11, 5)) == "5 nov 2026"
    finally:
        QLocale.setDefault(saved)


def test_the_recovery_list_and_case_clocks_write_dates_like_the_rest(c_locale, qapp):
    from console.ui.case_text import local_time
    from console.ui.recovery_dialog import offer_time

    moment = datetime(2025, 11, 5, 14, 3, tzinfo=UTC)

    class Offer:
        taken_at = moment

    assert offer_time(Offer()) == labels.full_time(moment)  # type: ignore[arg-type]
    assert "-" not in offer_time(Offer())  # not 2025-11-05
    assert local_time(moment).split()[1:3] == ["5", "Nov"]


def test_report_periods_read_as_dates_on_screen(c_locale, qapp):
    from console.ui.reports_view import cell_text, day_label

    assert cell_text("bucket", "2026-11-06") == "6 Nov 2026"
    assert day_label("2026-11-06", short=True) == "6 Nov"
    assert cell_text("channel", "mastodon") == "mastodon"
