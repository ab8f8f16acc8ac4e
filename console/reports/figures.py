"""The report figures, each aggregated in SQL so a period over a million mentions stays fast.

Mentions are filtered by ``feed_key`` (created_at in ms shifted 20 bits), which every
mention index carries, and bucketed by the same key: a day is ``(feed_key >> 20) / 86400000``
and a week starts on Monday (1970-01-01 was a Thursday, hence the 3-day shift). Cases are
counted in the period they were opened.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from peewee import Database

from console.i18n import QT_TRANSLATE_NOOP, translate
from console.store.timeutil import to_db

BUCKETS = ("day", "week")
COMPLAINT_THRESHOLD = 0.5  # the triage's own line between complaint and not
_DAY_MS = 86_400_000
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Period:
    """The reported span [since, until) in UTC, and how figures over time are grouped."""

    since: datetime
    until: datetime
    bucket: str = "day"

    def __post_init__(self) -> None:
        if self.bucket not in BUCKETS:
            raise ValueError(f"unknown bucket {self.bucket!r}; use day or week")
        if self.until <= self.since:
            raise ValueError("the report period must end after it starts")

    @classmethod
    def last_days(cls, days: int, bucket: str = "day", now: datetime | None = None) -> Period:
        """The last `days` whole days up to the end of today (UTC)."""
        today = (now or datetime.now(UTC)).astimezone(UTC).replace(
            hour=0, minute=0, second=0, microsecond=0)
        return cls(today + timedelta(days=1 - days), today + timedelta(days=1), bucket)

    def key_range(self) -> tuple[int, int]:
        """The feed keys of the period: [first, last)."""
        return _key(self.since), _key(self.until)


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
    "avg_first_response_min": QT_TRANSLATE_NOOP("ReportColumns", "avg first response min"),
    "first_response_met": QT_TRANSLATE_NOOP("ReportColumns", "first response met"),
    "first_response_breached": QT_TRANSLATE_NOOP("ReportColumns", "first response breached"),
    "resolved": QT_TRANSLATE_NOOP("ReportColumns", "resolved"),
    "avg_resolution_min": QT_TRANSLATE_NOOP("ReportColumns", "avg resolution min"),
    "resolution_met": QT_TRANSLATE_NOOP("ReportColumns", "resolution met"),
    "resolution_breached": QT_TRANSLATE_NOOP("ReportColumns", "resolution breached"),
}


def column_title(column: str) -> str:
    """A column's name as people read it, in the console's language (keys stay English)."""
    title = COLUMN_TITLES.get(column)
    return translate("ReportColumns", title) if title else column.replace("_", " ")


def _key(moment: datetime) -> int:
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    millis = max(0, int((aware - _EPOCH).total_seconds() * 1000))
    return millis << 20


def _bucket_sql(bucket: str) -> str:
    day = f"((feed_key >> 20) / {_DAY_MS})"
    return day if bucket == "day" else f"((({day} + 3) / 7) * 7 - 3)"


def bucket_label(number: int) -> str:
    """The first day of a bucket as YYYY-MM-DD (bucket numbers count days since 1970)."""
    return (_EPOCH + timedelta(days=number)).strftime("%Y-%m-%d")


def bucket_starts(period: Period) -> list[str]:
    """Every bucket of the period, so empty days still show as zero."""
    first, last = (_key(period.since) >> 20) // _DAY_MS, ((_key(period.until) >> 20) - 1) // _DAY_MS
    if period.bucket == "week":
        first, last = ((first + 3) // 7) * 7 - 3, ((last + 3) // 7) * 7 - 3
    step = 1 if period.bucket == "day" else 7
    return [bucket_label(n) for n in range(first, last + 1, step)]


def volume_by_channel(db: Database, period: Period) -> Table:
    """Mentions per bucket and channel (reads only the (channel, feed_key) index)."""
    low, high = period.key_range()
    rows = db.execute_sql(
        f"SELECT {_bucket_sql(period.bucket)} AS b, channel, count(*) FROM mention "
        "WHERE feed_key >= ? AND feed_key < ? GROUP BY b, channel ORDER BY b, channel",
        (low, high)).fetchall()
    return Table("volume", "Mentions per channel", ("bucket", "channel", "mentions"),
                 [(bucket_label(b), ch, n) for b, ch, n in rows])


def sentiment_over_time(db: Database, period: Period) -> Table:
    """Per bucket: mentions, negative/neutral/positive counts, complaints and their share."""
    low, high = period.key_range()
    rows = db.execute_sql(
        f"SELECT {_bucket_sql(period.bucket)} AS b, count(*), "
        "sum(sentiment_label = 'negative'), sum(sentiment_label = 'neutral'), "
        "sum(sentiment_label = 'positive'), sum(complaint >= ?) FROM mention "
        "WHERE feed_key >= ? AND feed_key < ? GROUP BY b ORDER BY b",
        (COMPLAINT_THRESHOLD, low, high)).fetchall()
    return Table("sentiment", "Sentiment and complaint share",
                 ("bucket", "mentions", "negative", "neutral", "positive", "complaints",
                  "complaint_share"),
                 [(bucket_label(b), n, neg, neu, pos, c, round(c / n, 4) if n else 0.0)
                  for b, n, neg, neu, pos, c in rows])


def top_reasons(db: Database, period: Period, limit: int = 10) -> Table:
    """The most frequent complaint reasons of the period."""
    low, high = period.key_range()
    rows = db.execute_sql(
        "SELECT reason, count(*) AS n FROM mention WHERE feed_key >= ? AND feed_key < ? "
        "AND complaint >= ? AND reason NOT IN ('', 'none') GROUP BY reason "
        "ORDER BY n DESC, reason LIMIT ?", (low, high, COMPLAINT_THRESHOLD, limit)).fetchall()
    return Table("reasons", "Top complaint reasons", ("reason", "complaints"),
                 [(r, n) for r, n in rows])


# The agent of a case: its assignee, else whoever sent its first reply.
_AGENT = """coalesce(nullif(c.assignee, ''), (SELECT r.agent FROM reply r
  JOIN mention m ON m.id = r.mention_id WHERE m.case_id = c.id AND r.state = 'sent'
  ORDER BY r.sent_at LIMIT 1), '')"""
_MINUTES = "(julianday({end}) - julianday({start})) * 1440.0"


def sla(db: Database, period: Period, by: str, now: datetime | None = None) -> Table:
    """First-response and resolution times against their SLA due times, per agent or channel.

    A clock is met when done by its due time, breached when done late or still running
    past it; times are averages in minutes over the cases that got there.
    """
    if by not in ("agent", "channel"):
        raise ValueError("SLA figures are per agent or per channel")
    group = _AGENT if by == "agent" else "c.channel"
    moment = to_db(now or datetime.now(UTC))
    first = _MINUTES.format(start="c.created_at", end="c.first_response_at")
    resolve = _MINUTES.format(start="c.created_at", end="c.resolved_at")
    rows = db.execute_sql(
        f"""SELECT {group} AS g, count(*),
          count(c.first_response_at), avg({first}),
          sum(c.first_response_at IS NOT NULL AND c.first_response_due IS NOT NULL
              AND c.first_response_at <= c.first_response_due),
          sum(c.first_response_due IS NOT NULL AND coalesce(c.first_response_at, ?)
              > c.first_response_due),
          count(c.resolved_at), avg({resolve}),
          sum(c.resolved_at IS NOT NULL AND c.resolution_due IS NOT NULL
              AND c.resolved_at <= c.resolution_due),
          sum(c.resolution_due IS NOT NULL AND coalesce(c.resolved_at, ?) > c.resolution_due)
        FROM "case" c WHERE c.created_at >= ? AND c.created_at < ?
        GROUP BY g ORDER BY g""",
        (moment, moment, to_db(period.since), to_db(period.until))).fetchall()
    label = "agent" if by == "agent" else "channel"
    return Table(f"sla_{label}", f"SLA per {label}",
                 (label, "cases", "responded", "avg_first_response_min", "first_response_met",
                  "first_response_breached", "resolved", "avg_resolution_min",
                  "resolution_met", "resolution_breached"),
                 [(g or "(none)", n, resp, _round(avg_r), met_r, br_r, res, _round(avg_s),
                   met_s, br_s)
                  for g, n, resp, avg_r, met_r, br_r, res, avg_s, met_s, br_s in rows])


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def all_tables(db: Database, period: Period, now: datetime | None = None) -> list[Table]:
    """Every figure of the report, in the order the view and the CLI show them."""
    return [volume_by_channel(db, period), sentiment_over_time(db, period),
            top_reasons(db, period), sla(db, period, "agent", now),
            sla(db, period, "channel", now)]
