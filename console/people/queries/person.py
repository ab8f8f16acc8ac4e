"""One person's story in the database: cases, figures, sentiment and the timeline."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from peewee import Database

from console.people.queries import Row, marks

TEXT_LIMIT = 500  # characters of a post, reply or note a timeline entry carries


def customer_created_at(db: Database, customer_id: int) -> Any:
    """The stored creation time of a customer (None when there is none)."""
    row = db.execute_sql("SELECT created_at FROM customer WHERE id = ?",
                         (customer_id,)).fetchone()
    return row[0] if row else None


def cases_of(db: Database, author_ids: Sequence[int], statuses: Sequence[str] | None,
             limit: int) -> list[Row]:
    """(id, status, subject, channel, priority, assignee, author id, created_at, updated_at,
    first mention id) of these authors' cases (only `statuses` when given), most recently
    updated first."""
    status = (f" AND status IN ({marks(statuses)})" if statuses is not None else "")
    return list(db.execute_sql(
        "SELECT id, status, subject, channel, priority, assignee, author_id, created_at, "
        'updated_at, (SELECT min(m.id) FROM mention m WHERE m.case_id = "case".id) '
        f'FROM "case" WHERE author_id IN ({marks(author_ids)}){status} '
        "ORDER BY updated_at DESC, id DESC LIMIT ?",
        [*author_ids, *(statuses if statuses is not None else ()), limit]))


def mention_figures(db: Database, author_ids: Sequence[int], complaint_threshold: float
                    ) -> tuple[int, int, Any, Any]:
    """(mentions, complaints, first created_at, last created_at) of these authors."""
    ids = list(author_ids)
    # A CASE, not sum() of a comparison: PostgreSQL cannot add booleans.
    count, complaints, first, last = db.execute_sql(
        "SELECT count(*), coalesce(sum(CASE WHEN complaint >= ? THEN 1 ELSE 0 END), 0), "
        f"min(created_at), max(created_at) "
        f"FROM mention WHERE author_id IN ({marks(ids)})",
        [complaint_threshold, *ids]).fetchone()
    return int(count), int(complaints), first, last


def first_answers(db: Database, author_ids: Sequence[int]) -> list[tuple[Any, Any]]:
    """(mention created_at, first sent reply's sent_at) of each answered mention."""
    ids = list(author_ids)
    return [(created, answered) for created, answered in db.execute_sql(
            "SELECT m.created_at, min(r.sent_at) FROM mention m JOIN reply r "
            "ON r.mention_id = m.id WHERE m.author_id IN "
            f"({marks(ids)}) AND r.state = 'sent' AND r.sent_at IS NOT NULL GROUP BY m.id",
            ids)]


def history(db: Database, author_ids: Sequence[int], customer_id: int | None,
            before: tuple[Any, str, int] | None, limit: int) -> list[Row]:
    """(kind, id, created_at, channel, text, state, who, mention id, case id, sentiment
    label, complaint) of what these authors wrote, the replies they got, the notes on them
    and their cases' status changes, newest first, strictly older than `before` (a stored
    time, kind, id) when given."""
    ids = list(author_ids) or [-1]
    marks = ",".join("?" * len(ids))  # the statement below reads this name
    params: list[Any] = [*ids, *ids, customer_id if customer_id is not None else -1, *ids, *ids]
    page = ""
    if before is not None:
        page = "WHERE (created_at, kind, id) < (?, ?, ?)"
        params.extend([before[0], before[1], before[2]])
    # The subquery in FROM has an alias: PostgreSQL before 16 needs one.
    sql = f"""
    SELECT * FROM (
      SELECT 'mention' AS kind, m.id AS id, m.created_at AS created_at, m.channel AS channel,
             substr(m.text, 1, {TEXT_LIMIT}) AS text, m.status AS state, a.handle AS who,
             m.id AS mention_id, m.case_id AS case_id, m.sentiment_label AS label,
             m.complaint AS complaint
        FROM mention m JOIN author a ON a.id = m.author_id WHERE m.author_id IN ({marks})
      UNION ALL
      SELECT 'reply', r.id, coalesce(r.sent_at, r.created_at), m.channel,
             substr(r.text, 1, {TEXT_LIMIT}), r.state, r.agent, r.mention_id, m.case_id, '', 0
        FROM reply r JOIN mention m ON m.id = r.mention_id
       WHERE m.author_id IN ({marks}) AND r.state != 'draft'
      UNION ALL
      SELECT 'note', n.id, n.created_at, '', substr(n.body, 1, {TEXT_LIMIT}),
             CASE WHEN n.updated_at IS NULL THEN '' ELSE 'edited' END, n.agent, NULL, NULL,
             '', 0
        FROM note n WHERE n.customer_id = ? OR n.author_id IN ({marks})
      UNION ALL
      SELECT 'status', e.id, e.at, c.channel, e.old || ' → ' || e.new, e.new, e.agent,
             NULL, e.case_id, '', 0
        FROM case_event e JOIN "case" c ON c.id = e.case_id
       WHERE c.author_id IN ({marks}) AND e.kind IN ('status', 'reopened')
    ) AS history {page}
    ORDER BY created_at DESC, kind DESC, id DESC LIMIT ?"""
    params.append(limit)
    return list(db.execute_sql(sql, params))
