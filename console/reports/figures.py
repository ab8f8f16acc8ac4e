"""The report figures, each aggregated in SQL (``console.reports.queries``) so a period over
a million mentions stays fast.

Mentions are filtered by ``feed_key`` (created_at in ms shifted 20 bits), which every
mention index carries, and bucketed by the same key. Days are the team's days, in its time
zone: the period is cut where the zone's UTC offset changes (daylight saving time), and in
each piece a day is ``((feed_key >> 20) + offset_ms) / 86400000``, counted from
1970-01-01 local; a week starts on Monday (1970-01-01 was a Thursday, hence the 3-day
shift). Cases are counted in the period they were opened.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from peewee import Database

from console.i18n import QT_TRANSLATE_NOOP, translate
from console.reports import queries
from console.store.timeutil import to_db

BUCKETS = ("day", "week")
COMPLAINT_THRESHOLD = 0.5  # the triage's own line between complaint and not
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def zone_info(name: str) -> tzinfo:
    """The time zone called `name` (IANA, e.g. Europe/Madrid); ValueError when unknown."""
    if name.upper() == "UTC":
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {name!r}; use a name like Europe/Madrid") from None


@dataclass(frozen=True)
class Period:
    """The reported span [since, until) as aware moments, how figures over time are grouped,
    and the time zone whose days the buckets follow."""

    since: datetime
    until: datetime
    bucket: str = "day"
    zone: str = "UTC"

    def __post_init__(self) -> None:
        if self.bucket not in BUCKETS:
            raise ValueError(f"unknown bucket {self.bucket!r}; use day or week")
        if self.until <= self.since:
            raise ValueError("the report period must end after it starts")
        zone_info(self.zone)

    @classmethod
    def days(cls, first: date, last: date, bucket: str = "day", zone: str = "UTC") -> Period:
        """From the start of day `first` to the end of day `last`, in `zone`."""
        where = zone_info(zone)
        start = datetime.combine(first, time(), where)
        end = datetime.combine(last + timedelta(days=1), time(), where)
        return cls(start.astimezone(UTC), end.astimezone(UTC), bucket, zone)

    @classmethod
    def last_days(cls, days: int, bucket: str = "day", now: datetime | None = None,
                  zone: str = "UTC") -> Period:
        """The last `days` whole days up to the end of today (in `zone`)."""
        today = (now or datetime.now(UTC)).astimezone(zone_info(zone)).date()
        return cls.days(today - timedelta(days=days - 1), today, bucket, zone)

    def days_shown(self) -> tuple[date, date]:
        """The first and last day of the period, in its zone."""
        where = zone_info(self.zone)
        return (self.since.astimezone(where).date(),
                (self.until - timedelta(milliseconds=1)).astimezone(where).date())

    def key_range(self) -> tuple[int, int]:
        """The feed keys of the period: [first, last)."""
        return _key(self.since), _key(self.until)

    def pieces(self) -> list[tuple[int, int, int]]:
        """(first key, end key, UTC offset in ms) for each stretch of one offset."""
        where = zone_info(self.zone)
        cuts = [self.since]
        moment = self.since
        while moment < self.until:
            step = min(moment + timedelta(hours=12), self.until)
            if _offset(step, where) != _offset(moment, where):
                cuts.append(_change(moment, step, where))
            moment = step
        cuts.append(self.until)
        return [(_key(a), _key(b), _offset(a, where)) for a, b in pairwise(cuts)
                if a < b]


def _offset(moment: datetime, where: tzinfo) -> int:
    shift = moment.astimezone(where).utcoffset()
    return int(shift.total_seconds() * 1000) if shift else 0


def _change(low: datetime, high: datetime, where: tzinfo) -> datetime:
    """The first second in (low, high] with the offset of `high` (a zone changes once in
    twelve hours at most)."""
    after = _offset(high, where)
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        if _offset(middle, where) == after:
            high = middle
        else:
            low = middle
    return high.replace(microsecond=0)


@dataclass(frozen=True)
class Table:
    """One figure's data: a title, column names and rows (what a chart draws and CSV holds)."""

    name: str
    title: str
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]


# How each column reads on screen (the CSV keeps the column keys: they are stable data).
COLUMN_TITLES = {
    "bucket": QT_TRANSLATE_NOOP("ReportColumns", "period"),
    "channel": QT_TRANSLATE_NOOP("ReportColumns", "channel"),
    "agent": QT_TRANSLATE_NOOP("ReportColumns", "agent"),
    "mentions": QT_TRANSLATE_NOOP("ReportColumns", "mentions"),
    "negative": QT_TRANSLATE_NOOP("ReportColumns", "negative"),
    "neutral": QT_TRANSLATE_NOOP("ReportColumns", "neutral"),
    "positive": QT_TRANSLATE_NOOP("ReportColumns", "positive"),
    "complaints": QT_TRANSLATE_NOOP("ReportColumns", "complaints"),
    "complaint_share": QT_TRANSLATE_NOOP("ReportColumns", "complaint share"),
    "reason": QT_TRANSLATE_NOOP("ReportColumns", "reason"),
    "cases": QT_TRANSLATE_NOOP("ReportColumns", "cases"),
    "responded": QT_TRANSLATE_NOOP("ReportColumns", "responded"),
    "avg_first_response_min": QT_TRANSLATE_NOOP("ReportColumns", "avg first response"),
    "first_response_met": QT_TRANSLATE_NOOP("ReportColumns", "first response met"),
    "first_response_breached": QT_TRANSLATE_NOOP("ReportColumns", "first response breached"),
    "resolved": QT_TRANSLATE_NOOP("ReportColumns", "resolved"),
    "avg_resolution_min": QT_TRANSLATE_NOOP("ReportColumns", "avg resolution"),
    "resolution_met": QT_TRANSLATE_NOOP("ReportColumns", "resolution met"),
    "resolution_breached": QT_TRANSLATE_NOOP("ReportColumns", "resolution breached"),
    "closed_without_reply": QT_TRANSLATE_NOOP("ReportColumns", "closed without reply"),
}


def column_title(column: str) -> str:
    """A column's name as people read it, in the console's language (keys stay English)."""
    title = COLUMN_TITLES.get(column)
    return translate("ReportColumns", title) if title else column.replace("_", " ")


def _key(moment: datetime) -> int:
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    millis = max(0, int((aware - _EPOCH).total_seconds() * 1000))
    return millis << 20


def _week(day: int) -> int:
    return ((day + 3) // 7) * 7 - 3


def bucket_label(number: int) -> str:
    """The first day of a bucket as YYYY-MM-DD (bucket numbers count days since 1970)."""
    return (_EPOCH + timedelta(days=number)).strftime("%Y-%m-%d")


def bucket_starts(period: Period) -> list[str]:
    """Every bucket of the period, so empty days still show as zero."""
    where = zone_info(period.zone)
    last_moment = period.until - timedelta(milliseconds=1)
    first = _date_number(period.since.astimezone(where).date())
    last = _date_number(last_moment.astimezone(where).date())
    if period.bucket == "week":
        first, last = _week(first), _week(last)
    step = 1 if period.bucket == "day" else 7
    return [bucket_label(n) for n in range(first, last + 1, step)]


def _date_number(day: date) -> int:
    return (day - _EPOCH.date()).days


Piece = Callable[[int, int, int], list[tuple[Any, ...]]]  # (low, high, offset) -> rows


def _grouped(period: Period, width: int, piece: Piece) -> list[tuple[Any, ...]]:
    """Rows (bucket, *group values, *sums) over the period, each piece of one UTC offset
    counted in SQL and the pieces added up here; `width` counts the bucket and the grouped
    values that lead each row."""
    totals: dict[tuple[Any, ...], Counter[int]] = {}
    for low, high, offset in period.pieces():
        for row in piece(low, high, offset):
            sums = totals.setdefault(tuple(row[:width]), Counter())
            for index, value in enumerate(row[width:]):
                sums[index] += value or 0
    return [(*key, *(sums[i] for i in range(len(sums))))
            for key, sums in sorted(totals.items())]


def volume_by_channel(db: Database, period: Period) -> Table:
    """Mentions per bucket and channel (reads only the (channel, feed_key) index)."""
    rows = _grouped(period, 2, lambda low, high, offset: queries.volume_piece(
        db, period.bucket, offset, low, high))
    return Table("volume", "Mentions per channel", ("bucket", "channel", "mentions"),
                 [(bucket_label(b), ch, n) for b, ch, n in rows])


def sentiment_over_time(db: Database, period: Period) -> Table:
    """Per bucket: mentions, negative/neutral/positive counts, complaints and their share."""
    rows = _grouped(period, 1, lambda low, high, offset: queries.sentiment_piece(
        db, period.bucket, offset, low, high, COMPLAINT_THRESHOLD))
    return Table("sentiment", "Sentiment and complaint share",
                 ("bucket", "mentions", "negative", "neutral", "positive", "complaints",
                  "complaint_share"),
                 [(bucket_label(b), n, neg, neu, pos, c, round(c / n, 4) if n else 0.0)
                  for b, n, neg, neu, pos, c in rows])


def top_reasons(db: Database, period: Period, limit: int = 10) -> Table:
    """The most frequent complaint reasons of the period."""
    low, high = period.key_range()
    rows = queries.reason_counts(db, low, high, COMPLAINT_THRESHOLD, limit)
    return Table("reasons", "Top complaint reasons", ("reason", "complaints"),
                 [(r, n) for r, n in rows])


def sla(db: Database, period: Period, by: str, now: datetime | None = None) -> Table:
    """First-response and resolution times against their SLA due times, per agent or channel.

    A clock is met when done by its due time, breached when done late or still running
    past it; times are averages in minutes over the cases that got there. A case closed
    with no reply sent is neither: it is counted as "closed without reply".
    """
    if by not in ("agent", "channel"):
        raise ValueError("SLA figures are per agent or per channel")
    moment = to_db(now or datetime.now(UTC))
    rows = queries.sla_rows(db, by, moment, to_db(period.since), to_db(period.until))
    label = "agent" if by == "agent" else "channel"
    return Table(f"sla_{label}", f"SLA per {label}",
                 (label, "cases", "responded", "avg_first_response_min", "first_response_met",
                  "first_response_breached", "resolved", "avg_resolution_min",
                  "resolution_met", "resolution_breached", "closed_without_reply"),
                 [(g or "(none)", n, resp, _round(avg_r), met_r, br_r, res, _round(avg_s),
                   met_s, br_s, silent or 0)
                  for g, n, resp, avg_r, met_r, br_r, res, avg_s, met_s, br_s, silent in rows])


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def all_tables(db: Database, period: Period, now: datetime | None = None) -> list[Table]:
    """Every figure of the report, in the order the view and the CLI show them."""
    return [volume_by_channel(db, period), sentiment_over_time(db, period),
            top_reasons(db, period), sla(db, period, "agent", now),
            sla(db, period, "channel", now)]
