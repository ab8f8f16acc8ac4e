"""What the store knows about a post's author that weighs on its priority.

The customer's open cases (new, open or waiting) and how many times they wrote before,
counted across every account of the same customer when the author is linked to one.
Plain reads (the statements are in console/triage/queries.py); call them from whatever
thread holds a connection.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from peewee import Database

from . import queries

OPEN_CASE_STATUSES = ("new", "open", "waiting")
HISTORY_CAP = 100  # counting stops here: priority only needs "a few" versus "many"


@dataclass(frozen=True)
class AuthorContext:
    """Open cases and earlier mentions of the person behind a post."""

    open_cases: int = 0
    history: int = 0


def _authors(db: Database, author_id: int) -> list[int]:
    found = set(queries.linked_author_ids(db, author_id))
    found.add(author_id)
    return sorted(found)


def context_of_author(db: Database, author_id: int,
                      exclude_mention: int | None = None) -> AuthorContext:
    """The context of a stored author (`exclude_mention`: the post being scored)."""
    authors = _authors(db, author_id)
    open_cases = queries.count_open_cases(db, authors, OPEN_CASE_STATUSES)
    history = queries.count_history(db, authors, exclude_mention or 0, HISTORY_CAP)
    return AuthorContext(open_cases, history)


def context_of_remote_author(db: Database, channel: str, remote_id: str,
                             server: str = "") -> AuthorContext:
    """The context of an author by network id on ``server`` (nothing known yet for a new
    author)."""
    author_id = queries.author_id_by_remote(db, channel, remote_id, server)
    return context_of_author(db, author_id) if author_id is not None else AuthorContext()


RemoteKey = tuple[str, str, str]  # (channel, server, remote id) of an author
CHUNK = 400  # values in one IN (...): well under every database's limit


def _chunks(values: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


def contexts_of_remote_authors(db: Database,
                               keys: Iterable[RemoteKey]) -> dict[RemoteKey, AuthorContext]:
    """:func:`context_of_remote_author` for a page of authors, in a few statements.

    The ingest path calls this once per page instead of four lookups per post; the
    figures are the same (authors not stored yet are left out: nothing known).
    """
    by_place: dict[tuple[str, str], list[str]] = defaultdict(list)
    for channel, server, remote_id in dict.fromkeys(keys):
        by_place[(channel, server)].append(remote_id)
    ids: dict[RemoteKey, int] = {}
    for (channel, server), remote_ids in by_place.items():
        for chunk in _chunks(remote_ids):
            for remote_id, author_id in queries.author_ids_by_remote(
                    db, channel, server, chunk).items():
                ids[(channel, server, remote_id)] = author_id
    if not ids:
        return {}
    stored = sorted(set(ids.values()))
    group: dict[int, set[int]] = {a: {a} for a in stored}
    for chunk in _chunks(stored):
        for author_id, other in queries.linked_author_pairs(db, chunk):
            group[author_id].add(other)
    everyone = sorted(set().union(*group.values()))
    cases: dict[int, set[int]] = defaultdict(set)
    history: dict[int, int] = {}
    for chunk in _chunks(everyone):
        for case_id, author_id in queries.open_case_pairs(db, chunk, OPEN_CASE_STATUSES):
            cases[author_id].add(case_id)
        history.update(queries.history_counts(db, chunk))
    found = {}
    for key, author_id in ids.items():
        members = group[author_id]
        open_cases = len(set().union(*(cases[a] for a in members)))
        count = min(HISTORY_CAP, sum(history.get(a, 0) for a in members))
        found[key] = AuthorContext(open_cases, count)
    return found


WatchTerms = tuple[tuple[str, ...], tuple[str, ...]]


def watch_terms(db: Database, watch_id: int | None,
                cache: dict[int, WatchTerms] | None = None) -> WatchTerms:
    """The context and exclusion terms of the watch that found a post (empty: none)."""
    if watch_id is None:
        return (), ()
    if cache is not None and watch_id in cache:
        return cache[watch_id]
    row = queries.watch_terms_row(db, watch_id)
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
