"""A person's whole story across channels, newest first, one page at a time.

Four kinds of entries share one ordering (time, kind, id), so a page ends at a key and
the next page starts strictly after it: what they wrote, what the brand answered, the
agents' notes, and the status changes of their cases.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from peewee import Database

from console.people.records import HistoryItem
from console.store.timeutil import from_db, to_db

TEXT_LIMIT = 500


def history(db: Database, author_ids: Sequence[int], customer_id: int | None,
            before: tuple[datetime, str, int] | None = None,
            limit: int = 100) -> list[HistoryItem]:
    """Up to `limit` entries older than `before` (all from the newest when None)."""
    if not author_ids and customer_id is None:
        return []
    ids = list(author_ids) or [-1]
    marks = ",".join("?" * len(ids))
    params: list[Any] = [*ids, *ids, customer_id if customer_id is not None else -1, *ids, *ids]
    page = ""
    if before is not None:
        page = "WHERE (created_at, kind, id) < (?, ?, ?)"
        params.extend([to_db(before[0]), before[1], before[2]])
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
    ) {page}
    ORDER BY created_at DESC, kind DESC, id DESC LIMIT ?"""
    params.append(limit)
    items = []
    for (kind, item_id, created, channel, text, state, who, mention_id, case_id, label,
         complaint) in db.execute_sql(sql, params):
        when = from_db(created)
        assert when is not None
        items.append(HistoryItem(
            kind=str(kind), id=int(item_id), created_at=when, channel=str(channel or ""),
            text=str(text or ""), state=str(state or ""), who=str(who or ""),
            mention_id=mention_id, case_id=case_id, sentiment_label=str(label or ""),
            complaint=float(complaint or 0.0)))
    return items
