"""Report figures against values worked out by hand from the fixture in conftest.py."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from console.reports import figures
from console.reports.figures import Period
from console.runtime import Runtime
from tests.reports.conftest import NOW, PERIOD


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
    assert table.rows == [("lucia", 2, 2, 75.0, 1, 1, 1, 240.0, 1, 1),
                          ("marco", 1, 1, 20.0, 1, 0, 0, None, 0, 0)]


def test_sla_per_channel(report_rt: Runtime) -> None:
    table = figures.sla(report_rt.workspace.store.db, PERIOD, "channel", NOW)
    assert table.rows == [("bluesky", 1, 1, 120.0, 0, 1, 0, None, 0, 1),
                          ("mastodon", 2, 2, 25.0, 2, 0, 1, 240.0, 1, 0)]


def test_empty_days_are_listed_and_periods_checked() -> None:
    assert figures.bucket_starts(PERIOD)[:3] == ["2026-03-02", "2026-03-03", "2026-03-04"]
    assert len(figures.bucket_starts(PERIOD)) == 7
    with pytest.raises(ValueError):
        Period(PERIOD.until, PERIOD.since)
