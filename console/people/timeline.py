"""A person's whole story across channels, newest first, one page at a time.

Four kinds of entries share one ordering (time, kind, id), so a page ends at a key and
the next page starts strictly after it: what they wrote, what the brand answered, the
agents' notes, and the status changes of their cases (one statement, in
:mod:`console.people.queries.person`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from peewee import Database

from console.people.queries import person as queries
from console.people.records import HistoryItem
from console.store.timeutil import from_db, to_db


def history(db: Database, author_ids: Sequence[int], customer_id: int | None,
            before: tuple[datetime, str, int] | None = None,
            limit: int = 100) -> list[HistoryItem]:
    """Up to `limit` entries older than `before` (all from the newest when None)."""
    if not author_ids and customer_id is None:
        return []
    key = (to_db(before[0]), before[1], before[2]) if before is not None else None
    items = []
    for (kind, item_id, created, channel, text, state, who, mention_id, case_id, label,
         complaint) in queries.history(db, author_ids, customer_id, key, limit):
        when = from_db(created)
        assert when is not None
        items.append(HistoryItem(
            kind=str(kind), id=int(item_id), created_at=when, channel=str(channel or ""),
            text=str(text or ""), state=str(state or ""), who=str(who or ""),
            mention_id=mention_id, case_id=case_id, sentiment_label=str(label or ""),
            complaint=float(complaint or 0.0)))
    return items
