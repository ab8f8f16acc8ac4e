"""What a person's portrait is counted from: their stored posts (with the raw payloads the
networks sent), post counts per network, the team's watch terms and the accounts' names.

Portable SQL (SQLite and PostgreSQL alike): no dialect-only functions, aliases on every
derived table, ``?`` placeholders as the rest of the package.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from peewee import Database

from console.people.queries import Row, marks


def posts_of(db: Database, author_ids: Sequence[int], limit: int) -> list[Row]:
    """(author id, channel, created_at, text, raw, sentiment label, sentiment, reason,
    account id) of these authors' newest `limit` stored posts, newest first."""
    ids = list(author_ids)
    if not ids:
        return []
    # The newest ids first, then their rows: sorting rows that carry their payloads (a few
    # KB each) costs far more than sorting ids.
    return list(db.execute_sql(
        "SELECT author_id, channel, created_at, text, raw, sentiment_label, sentiment, "
        "reason, account_id FROM mention WHERE id IN (SELECT newest.id FROM mention newest "
        f"WHERE newest.author_id IN ({marks(ids)}) "
        "ORDER BY newest.created_at DESC, newest.id DESC LIMIT ?) "
        "ORDER BY created_at DESC, id DESC", [*ids, limit]))


def moods(db: Database, author_ids: Sequence[int], limit: int) -> list[Row]:
    """(created_at, sentiment label, sentiment) of these authors' newest `limit` analysed
    posts (undefined sentiment left out)."""
    ids = list(author_ids)
    if not ids:
        return []
    return list(db.execute_sql(
        "SELECT created_at, sentiment_label, sentiment FROM mention "
        f"WHERE author_id IN ({marks(ids)}) AND sentiment_label IN (?, ?, ?) "
        "ORDER BY created_at DESC LIMIT ?", [*ids, "positive", "neutral", "negative", limit]))


def posts_per_network(db: Database, author_ids: Sequence[int]) -> list[tuple[str, int]]:
    """(channel, stored posts) of these authors, one row per network."""
    ids = list(author_ids)
    if not ids:
        return []
    rows = db.execute_sql(
        f"SELECT channel, count(*) FROM mention WHERE author_id IN ({marks(ids)}) "
        "GROUP BY channel ORDER BY channel", ids)
    return [(str(channel), int(count)) for channel, count in rows]


def watch_terms(db: Database) -> list[tuple[str, str]]:
    """(term, kind) of the team's active watches."""
    rows = db.execute_sql("SELECT term, kind FROM watch WHERE active = ? ORDER BY id", [True])
    return [(str(term), str(kind)) for term, kind in rows]


def account_names(db: Database, account_ids: Sequence[int]) -> dict[int, tuple[str, str, str]]:
    """{account id: (kind, display name, base URL)} of these brand accounts."""
    ids = sorted({int(i) for i in account_ids})
    if not ids:
        return {}
    rows: Any = db.execute_sql(
        f"SELECT id, kind, display_name, base_url FROM account WHERE id IN ({marks(ids)})", ids)
    return {int(i): (str(kind), str(name or ""), str(url or "")) for i, kind, name, url in rows}
