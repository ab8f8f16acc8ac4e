"""SLA arithmetic: business hours, weekends, holidays and daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from console.cases.sla import (
    BusinessHours,
    SlaError,
    SlaPolicy,
    add_business,
    business_seconds,
    read_clock,
    resume_after_pause,
    span_text,
)

MADRID = ZoneInfo("Europe/Madrid")
HOUR = 3600
OFFICE = ((540, 1080),) * 5 + (None, None)  # Mon-Fri 09:00-18:00
ALWAYS = ((0, 1440),) * 7


def local(zone: str, *parts: int) -> datetime:
    return datetime(*parts, tzinfo=ZoneInfo(zone))


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_inside_one_day_and_into_the_next():
    hours = BusinessHours("Europe/Madrid", OFFICE)
    # Tuesday 10:00 + 1 h = 11:00 the same day
    assert add_business(local("Europe/Madrid", 2026, 11, 24, 10), HOUR, hours) == \
        local("Europe/Madrid", 2026, 11, 24, 11)
    # Tuesday 17:30 + 2 h = Wednesday 10:30 (the night does not count)
    assert add_business(local("Europe/Madrid", 2026, 11, 24, 17, 30), 2 * HOUR, hours) == \
        local("Europe/Madrid", 2026, 11, 25, 10, 30)
    # arriving at night: the clock starts at 09:00
    assert add_business(local("Europe/Madrid", 2026, 11, 24, 23, 15), 30 * 60, hours) == \
        local("Europe/Madrid", 2026, 11, 25, 9, 30)


def test_weekend_is_skipped():
    hours = BusinessHours("Europe/Madrid", OFFICE)
    friday = local("Europe/Madrid", 2026, 11, 27, 17, 30)
    assert add_business(friday, HOUR, hours) == local("Europe/Madrid", 2026, 11, 30, 9, 30)
    saturday = local("Europe/Madrid", 2026, 11, 28, 12, 0)
    assert add_business(saturday, 8 * HOUR, hours) == local("Europe/Madrid", 2026, 11, 30, 17)
    assert business_seconds(friday, local("Europe/Madrid", 2026, 11, 30, 9, 30), hours) == HOUR


def test_holidays_are_skipped():
    hours = BusinessHours("Europe/Madrid", OFFICE,
                          frozenset({date(2026, 12, 24), date(2026, 12, 25)}))
    wednesday = local("Europe/Madrid", 2026, 12, 23, 17)
    # 1 h left on Wednesday, Thursday and Friday are holidays, then the weekend
    assert add_business(wednesday, 2 * HOUR, hours) == local("Europe/Madrid", 2026, 12, 28, 10)


def test_madrid_spring_forward_weekend():
    hours = BusinessHours("Europe/Madrid", OFFICE)
    # Clocks go from CET (+1) to CEST (+2) on Sunday 29 March 2026.
    friday = local("Europe/Madrid", 2026, 3, 27, 17, 30)
    assert friday.astimezone(UTC) == utc(2026, 3, 27, 16, 30)
    due = add_business(friday, HOUR, hours)
    assert due == utc(2026, 3, 30, 7, 30)  # Monday 09:30 CEST, not 08:30 UTC
    assert due.astimezone(MADRID).hour == 9


def test_madrid_fall_back_weekend():
    hours = BusinessHours("Europe/Madrid", OFFICE)
    # Clocks go from CEST (+2) back to CET (+1) on Sunday 25 October 2026.
    friday = local("Europe/Madrid", 2026, 10, 23, 17, 30)
    assert add_business(friday, HOUR, hours) == utc(2026, 10, 26, 8, 30)  # Monday 09:30 CET


def test_round_the_clock_days_are_23_and_25_hours_long():
    hours = BusinessHours("Europe/Madrid", ALWAYS)
    march = (local("Europe/Madrid", 2026, 3, 29), local("Europe/Madrid", 2026, 3, 30))
    october = (local("Europe/Madrid", 2026, 10, 25), local("Europe/Madrid", 2026, 10, 26))
    assert business_seconds(*march, hours) == 23 * HOUR
    assert business_seconds(*october, hours) == 25 * HOUR
    # six real hours through the spring-forward night end at 05:00 local, not 04:00
    start = local("Europe/Madrid", 2026, 3, 28, 23)
    assert add_business(start, 6 * HOUR, hours) == local("Europe/Madrid", 2026, 3, 29, 6)
    assert add_business(start, 6 * HOUR, hours) - start.astimezone(UTC) == \
        timedelta(hours=6)


def test_new_york_both_changes():
    hours = BusinessHours("America/New_York", OFFICE)
    # DST starts Sunday 8 March 2026 (EST -5 -> EDT -4) and ends Sunday 1 November 2026.
    assert add_business(local("America/New_York", 2026, 3, 6, 17, 30), HOUR, hours) == \
        utc(2026, 3, 9, 13, 30)
    assert add_business(local("America/New_York", 2026, 10, 30, 17, 30), HOUR, hours) == \
        utc(2026, 11, 2, 14, 30)


def test_mexico_city_keeps_one_offset_all_year():
    # Mexico abolished daylight saving time in 2022: the old change dates move nothing.
    hours = BusinessHours("America/Mexico_City", OFFICE)
    assert add_business(local("America/Mexico_City", 2026, 4, 3, 17, 30), HOUR, hours) == \
        utc(2026, 4, 6, 15, 30)
    assert add_business(local("America/Mexico_City", 2026, 10, 23, 17, 30), HOUR, hours) == \
        utc(2026, 10, 26, 15, 30)


def test_subtracting_and_measuring_are_inverse_of_adding():
    hours = BusinessHours("Europe/Madrid", OFFICE, frozenset({date(2026, 3, 31)}))
    start = local("Europe/Madrid", 2026, 3, 26, 15, 20)
    for seconds in (60, HOUR, 7 * HOUR, 20 * HOUR, 61 * HOUR):
        due = add_business(start, seconds, hours)
        assert business_seconds(start, due, hours) == seconds
        assert add_business(due, -seconds, hours) == start.astimezone(UTC)


def test_priority_tiers_and_retargeting():
    policy = SlaPolicy(BusinessHours("Europe/Madrid", OFFICE))
    assert policy.target_for(95).tier == "urgent"
    assert policy.target_for(80).tier == "urgent"
    assert policy.target_for(79).tier == "high"
    assert policy.target_for(0).tier == "low"
    start = local("Europe/Madrid", 2026, 11, 24, 10)
    assert policy.first_response_due(start, 90) == local("Europe/Madrid", 2026, 11, 24, 11)
    assert policy.resolution_due(start, 90) == local("Europe/Madrid", 2026, 11, 24, 18)
    assert policy.resolution_due(start, 70) == local("Europe/Madrid", 2026, 11, 25, 17)
    # normal (4 h) -> urgent (1 h): due 3 business hours earlier
    due = policy.first_response_due(start, 40)
    assert policy.retarget(due, 40, 90, "first_response") == \
        local("Europe/Madrid", 2026, 11, 24, 11)


def test_a_pause_moves_the_due_time_by_the_business_time_spent_waiting():
    hours = BusinessHours("Europe/Madrid", OFFICE)
    due = local("Europe/Madrid", 2026, 11, 27, 12)  # Friday noon
    paused = local("Europe/Madrid", 2026, 11, 27, 10)  # 2 business hours left
    resumed = local("Europe/Madrid", 2026, 11, 30, 17)  # Monday 17:00
    assert resume_after_pause(due, paused, resumed, hours) == \
        local("Europe/Madrid", 2026, 12, 1, 10)
    # already breached before the pause: the breach stands
    assert resume_after_pause(paused, due, resumed, hours) == paused.astimezone(UTC)


def test_clock_reading():
    due = utc(2026, 11, 24, 12)
    warning = timedelta(minutes=60)
    assert read_clock("first_response", due, None, utc(2026, 11, 24, 10), warning).state == \
        "running"
    soon = read_clock("first_response", due, None, utc(2026, 11, 24, 11, 15), warning)
    assert soon.state == "soon" and soon.left == timedelta(minutes=45) and soon.alarming
    late = read_clock("first_response", due, None, utc(2026, 11, 24, 12, 10), warning)
    assert late.state == "breached" and late.left == timedelta(minutes=-10)
    assert read_clock("resolution", due, utc(2026, 11, 24, 11), utc(2026, 11, 25),
                      warning).state == "met"
    assert read_clock("resolution", due, utc(2026, 11, 24, 13), utc(2026, 11, 25),
                      warning).state == "late"
    assert read_clock("resolution", due, None, utc(2026, 11, 25), warning,
                      paused=True).state == "paused"
    assert read_clock("resolution", None, None, utc(2026, 11, 25), warning).state == "none"
    assert span_text(timedelta(minutes=45)) == "45 min"
    assert span_text(timedelta(hours=3, minutes=20)) == "3 h 20 min"
    assert span_text(timedelta(days=2, hours=4)) == "2 d 4 h"


def test_bad_hours_are_refused_in_one_sentence():
    with pytest.raises(SlaError, match="time zone"):
        BusinessHours("Mars/Olympus", OFFICE)
    with pytest.raises(SlaError, match="before its closing"):
        BusinessHours("Europe/Madrid", ((1080, 540),) * 7)
    with pytest.raises(SlaError, match="at least one open day"):
        BusinessHours("Europe/Madrid", (None,) * 7)
