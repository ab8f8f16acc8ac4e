"""Report figures against values worked out by hand from the fixture in conftest.py."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from console.app.runtime import Runtime
from console.reports import figures
from console.reports.figures import Period
from tests.reports.conftest import NOW, PERIOD, add_mention


def test_volume_per_channel_per_day(report_rt: Runtime) -> None:
    table = figures.volume_by_channel(report_rt.workspace.store.db, PERIOD)
    assert table.rows == [("2026-03-02", "bluesky", 1), ("2026-03-02", "mastodon", 2),
                          ("2026-03-04", "bluesky", 1), ("2026-03-04", "mastodon", 1)]


def test_sentiment_and_complaint_share(report_rt: Runtime) -> None:
    table = figures.sentiment_over_time(report_rt.workspace.store.db, PERIOD)
    assert table.rows == [("2026-03-02", 3, 1, 1, 1, 1, 0.3333),
                          ("2026-03-04", 2, 2, 0, 0, 2, 1.0)]


def test_weeks_start_on_monday(report_rt: Runtime) -> None:
    period = Period(datetime(2026, 2, 23, tzinfo=UTC), datetime(2026, 3, 9, tzinfo=UTC), "week")
    table = figures.sentiment_over_time(report_rt.workspace.store.db, period)
    assert [(r[0], r[1]) for r in table.rows] == [("2026-02-23", 1), ("2026-03-02", 5)]
    assert figures.bucket_starts(period) == ["2026-02-23", "2026-03-02"]


def test_top_reasons(report_rt: Runtime) -> None:
    table = figures.top_reasons(report_rt.workspace.store.db, PERIOD)
    assert table.rows == [("delivery", 2), ("refund", 1)]


def test_sla_per_agent(report_rt: Runtime) -> None:
    table = figures.sla(report_rt.workspace.store.db, PERIOD, "agent", NOW)
    # lucia: case 1 answered in 30 min (met), resolved in 240 (met); case 2 answered in
    # 120 min (late), unresolved past its due time. marco sent case 3's first reply (20 min).
    assert table.rows == [("lucia", 2, 2, 75.0, 1, 1, 1, 240.0, 1, 1, 0),
                          ("marco", 1, 1, 20.0, 1, 0, 0, None, 0, 0, 0)]


def test_sla_per_channel(report_rt: Runtime) -> None:
    table = figures.sla(report_rt.workspace.store.db, PERIOD, "channel", NOW)
    assert table.rows == [("bluesky", 1, 1, 120.0, 0, 1, 0, None, 0, 1, 0),
                          ("mastodon", 2, 2, 25.0, 2, 0, 1, 240.0, 1, 0, 0)]


def test_empty_days_are_listed_and_periods_checked() -> None:
    assert figures.bucket_starts(PERIOD)[:3] == ["2026-03-02", "2026-03-03", "2026-03-04"]
    assert len(figures.bucket_starts(PERIOD)) == 7
    with pytest.raises(ValueError):
        Period(PERIOD.until, PERIOD.since)


def test_days_follow_the_team_time_zone(report_rt: Runtime) -> None:
    """Madrid is UTC+1 in early March: the 2nd to the 8th there is 23:00 UTC on the 1st to
    23:00 UTC on the 8th. Mention 6 (23:00 UTC on the 1st) now opens the 2nd, mention 3
    (23:59 UTC on the 2nd) moves to the 3rd, and case 4 (opened at 23:00 UTC on the 1st)
    joins lucia's cases."""
    db = report_rt.workspace.store.db
    period = Period.days(date(2026, 3, 2), date(2026, 3, 8), "day", "Europe/Madrid")
    assert period.since == datetime(2026, 3, 1, 23, tzinfo=UTC)
    assert figures.volume_by_channel(db, period).rows == [
        ("2026-03-02", "mastodon", 3), ("2026-03-03", "bluesky", 1),
        ("2026-03-04", "bluesky", 1), ("2026-03-04", "mastodon", 1)]
    assert figures.bucket_starts(period)[0] == "2026-03-02"
    assert len(figures.bucket_starts(period)) == 7
    agents = figures.sla(db, period, "agent", NOW).rows
    assert agents[0][:2] == ("lucia", 3)


def test_a_daylight_saving_change_inside_the_period(runtime: Runtime) -> None:
    """Madrid moves from UTC+1 to UTC+2 at 01:00 UTC on Sunday 29 March 2026."""
    moments = [datetime(2026, 3, 28, 22, 59), datetime(2026, 3, 28, 23, 30),  # 28th, 29th
               datetime(2026, 3, 29, 21, 30), datetime(2026, 3, 29, 22, 30),  # 29th, 30th
               datetime(2026, 3, 30, 21, 59)]                                  # 30th
    with runtime.workspace.store.write():
        for n, when in enumerate(moments, start=1):
            add_mention(runtime, n, "mastodon", when, "neutral", 0.0, "none", None)
    period = Period.days(date(2026, 3, 28), date(2026, 3, 30), "day", "Europe/Madrid")
    assert [(a >> 20, b >> 20, off) for a, b, off in period.pieces()] == [
        (int(datetime(2026, 3, 27, 23, tzinfo=UTC).timestamp() * 1000),
         int(datetime(2026, 3, 29, 1, tzinfo=UTC).timestamp() * 1000), 3_600_000),
        (int(datetime(2026, 3, 29, 1, tzinfo=UTC).timestamp() * 1000),
         int(datetime(2026, 3, 30, 22, tzinfo=UTC).timestamp() * 1000), 7_200_000)]
    rows = figures.volume_by_channel(runtime.workspace.store.db, period).rows
    assert rows == [("2026-03-28", "mastodon", 1), ("2026-03-29", "mastodon", 2),
                    ("2026-03-30", "mastodon", 2)]
    week = Period.days(date(2026, 3, 23), date(2026, 3, 30), "week", "Europe/Madrid")
    assert figures.sentiment_over_time(runtime.workspace.store.db, week).rows[0][:2] == (
        "2026-03-23", 3)


def test_unknown_zones_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown time zone"):
        Period.days(date(2026, 3, 2), date(2026, 3, 8), "day", "Mars/Olympus")
    assert Period.last_days(1, now=datetime(2026, 3, 1, 23, 30, tzinfo=UTC),
                            zone="Europe/Madrid").days_shown() == (date(2026, 3, 2),
                                                                  date(2026, 3, 2))
