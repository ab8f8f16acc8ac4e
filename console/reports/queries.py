"""Every SQL statement of the reports: figure aggregates, the export count, sent replies.

Figures are aggregated in SQL so a period over a million mentions stays fast; the Python
that cuts a period into pieces of one UTC offset and adds the pieces up is in
``console.reports.figures``. The store is SQLite today, and some of this is SQLite's own
(``julianday``, summing comparisons, ``/`` as integer division): a PostgreSQL store needs
a dialect switch here.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from peewee import Database

from console.feed.queries import FeedFilter, filter_clauses

_DAY_MS = 86_400_000
_REPLY_CHUNK = 500  # ids per IN (...) list, well under SQLite's variable limit

Row = tuple[Any, ...]


def _bucket_sql(bucket: str, offset_ms: int) -> str:
    day = f"(((feed_key >> 20) + {int(offset_ms)}) / {_DAY_MS})"
    return day if bucket == "day" else f"((({day} + 3) / 7) * 7 - 3)"


def _grouped_piece(db: Database, bucket: str, offset: int, low: int, high: int,
                   columns: str, group: str, args: tuple[Any, ...] = ()) -> list[Row]:
    """Rows (bucket, *group values, *sums) of mentions with low <= feed_key < high."""
    return list(db.execute_sql(
        f"SELECT {_bucket_sql(bucket, offset)} AS b{group}, {columns} "
        f"FROM mention WHERE feed_key >= ? AND feed_key < ? GROUP BY b{group}",
        (*args, low, high)).fetchall())


def volume_piece(db: Database, bucket: str, offset: int, low: int, high: int) -> list[Row]:
    """(bucket, channel, mentions) for one piece of a period (one UTC offset)."""
    return _grouped_piece(db, bucket, offset, low, high, "count(*)", ", channel")


def sentiment_piece(db: Database, bucket: str, offset: int, low: int, high: int,
                    complaint_threshold: float) -> list[Row]:
    """(bucket, mentions, negative, neutral, positive, complaints) for one piece."""
    return _grouped_piece(db, bucket, offset, low, high,
                          "count(*), sum(sentiment_label = 'negative'), "
                          "sum(sentiment_label = 'neutral'), sum(sentiment_label = 'positive'), "
                          "sum(complaint >= ?)", "", (complaint_threshold,))


def reason_counts(db: Database, low: int, high: int, complaint_threshold: float,
                  limit: int) -> list[Row]:
    """(reason, complaints) of the period's complaints, most frequent first."""
    return list(db.execute_sql(
        "SELECT reason, count(*) AS n FROM mention WHERE feed_key >= ? AND feed_key < ? "
        "AND complaint >= ? AND reason NOT IN ('', 'none') GROUP BY reason "
        "ORDER BY n DESC, reason LIMIT ?", (low, high, complaint_threshold, limit)).fetchall())


# The agent of a case: its assignee, else whoever sent its first reply.
_AGENT = """coalesce(nullif(c.assignee, ''), (SELECT r.agent FROM reply r
  JOIN mention m ON m.id = r.mention_id WHERE m.case_id = c.id AND r.state = 'sent'
  ORDER BY r.sent_at LIMIT 1), '')"""
_MINUTES = "(julianday({end}) - julianday({start})) * 1440.0"  # SQLite only


def sla_rows(db: Database, by: str, moment: Any, since: Any, until: Any) -> list[Row]:
    """Per agent or channel (``by``) of the cases opened in [since, until): cases,
    responded, avg first response (min), met, breached, resolved, avg resolution (min),
    met, breached, closed without reply; a running clock counts as breached once
    ``moment`` is past its due. A case closed (or resolved) with no reply sent is only
    counted in the last column: it met no target and missed none either."""
    group = _AGENT if by == "agent" else "c.channel"
    first = _MINUTES.format(start="c.created_at", end="c.first_response_at")
    resolve = _MINUTES.format(start="c.created_at", end="c.resolved_at")
    silent = "(c.resolved_at IS NOT NULL AND c.first_response_at IS NULL)"
    answered = "c.first_response_at IS NOT NULL"
    return list(db.execute_sql(
        f"""SELECT {group} AS g, count(*),
          count(c.first_response_at), avg({first}),
          sum(c.first_response_at IS NOT NULL AND c.first_response_due IS NOT NULL
              AND c.first_response_at <= c.first_response_due),
          sum(c.first_response_due IS NOT NULL AND NOT {silent}
              AND coalesce(c.first_response_at, ?) > c.first_response_due),
          sum(c.resolved_at IS NOT NULL AND {answered}),
          avg(CASE WHEN {answered} THEN {resolve} END),
          sum(c.resolved_at IS NOT NULL AND {answered} AND c.resolution_due IS NOT NULL
              AND c.resolved_at <= c.resolution_due),
          sum(c.resolution_due IS NOT NULL AND NOT {silent}
              AND coalesce(c.resolved_at, ?) > c.resolution_due),
          sum({silent})
        FROM "case" c WHERE c.created_at >= ? AND c.created_at < ?
        GROUP BY g ORDER BY g""",
        (moment, moment, since, until)).fetchall())


def count_filtered(db: Database, flt: FeedFilter) -> int:
    """How many mentions a feed filter admits."""
    clauses, params = filter_clauses(flt)
    where = " AND ".join(clauses) or "1"
    row = db.execute_sql(
        f"SELECT count(*) FROM mention m JOIN author a ON a.id = m.author_id WHERE {where}",
        params).fetchone()
    return int(row[0])


def sent_replies(db: Database, ids: Sequence[int]) -> Iterator[Row]:
    """(mention id, sent at, agent, text) of the brand's sent replies to these mentions,
    oldest first within each chunk of ids."""
    for start in range(0, len(ids), _REPLY_CHUNK):
        chunk = list(ids[start:start + _REPLY_CHUNK])
        marks = ",".join("?" * len(chunk))
        yield from db.execute_sql(
            f"SELECT mention_id, coalesce(sent_at, created_at), agent, text FROM reply "
            f"WHERE state = 'sent' AND mention_id IN ({marks}) ORDER BY sent_at",
            chunk).fetchall()
