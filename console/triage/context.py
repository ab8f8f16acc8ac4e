"""What the store knows about a post's author that weighs on its priority.

The customer's open cases (new, open or waiting) and how many times they wrote before,
counted across every account of the same customer when the author is linked to one.
Plain reads; call them from whatever thread holds a connection.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from peewee import Database

OPEN_CASE_STATUSES = ("new", "open", "waiting")
HISTORY_CAP = 100  # counting stops here: priority only needs "a few" versus "many"


@dataclass(frozen=True)
class AuthorContext:
    """Open cases and earlier mentions of the person behind a post."""

    open_cases: int = 0
    history: int = 0


def _authors(db: Database, author_id: int) -> list[int]:
    rows = db.execute_sql(
        "SELECT b.id FROM author a JOIN author b ON b.customer_id = a.customer_id "
        "WHERE a.id = ? AND a.customer_id IS NOT NULL", (author_id,)).fetchall()
    found = {int(r[0]) for r in rows}
    found.add(author_id)
    return sorted(found)


def context_of_author(db: Database, author_id: int,
                      exclude_mention: int | None = None) -> AuthorContext:
    """The context of a stored author (`exclude_mention`: the post being scored)."""
    authors = _authors(db, author_id)
    marks = ",".join("?" * len(authors))
    open_cases = int(db.execute_sql(
        f'SELECT count(*) FROM "case" c WHERE c.status IN ({",".join("?" * 3)}) AND '
        f"(c.author_id IN ({marks}) OR c.id IN (SELECT case_id FROM mention "
        f"WHERE author_id IN ({marks}) AND case_id IS NOT NULL))",
        (*OPEN_CASE_STATUSES, *authors, *authors)).fetchone()[0])
    history = int(db.execute_sql(
        f"SELECT count(*) FROM (SELECT 1 FROM mention WHERE author_id IN ({marks}) "
        "AND id != ? LIMIT ?)", (*authors, exclude_mention or 0, HISTORY_CAP)).fetchone()[0])
    return AuthorContext(open_cases, history)


def context_of_remote_author(db: Database, channel: str, remote_id: str) -> AuthorContext:
    """The context of an author by network id (nothing known yet for a new author)."""
    row = db.execute_sql("SELECT id FROM author WHERE channel = ? AND remote_id = ?",
                         (channel, remote_id)).fetchone()
    return context_of_author(db, int(row[0])) if row else AuthorContext()


WatchTerms = tuple[tuple[str, ...], tuple[str, ...]]


def watch_terms(db: Database, watch_id: int | None,
                cache: dict[int, WatchTerms] | None = None) -> WatchTerms:
    """The context and exclusion terms of the watch that found a post (empty: none)."""
    if watch_id is None:
        return (), ()
    if cache is not None and watch_id in cache:
        return cache[watch_id]
    row = db.execute_sql("SELECT context, exclude FROM watch WHERE id = ?",
                         (watch_id,)).fetchone()
    terms: WatchTerms = ((), ())
    if row is not None:
        try:
            terms = (tuple(str(t) for t in json.loads(row[0])),
                     tuple(str(t) for t in json.loads(row[1])))
        except (TypeError, ValueError):
            terms = ((), ())
    if cache is not None:
        cache[watch_id] = terms
    return terms
