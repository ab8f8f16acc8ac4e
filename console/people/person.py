"""One person as the profile panel and `customers show` see them: accounts, cases, figures.

The statements are in :mod:`console.people.queries.person`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from peewee import Database

from console.mentions import queries as mentions
from console.people import customers, notes
from console.people.queries import person as queries
from console.people.records import (
    OPEN_CASE_STATUSES,
    CaseInfo,
    Person,
    PersonStats,
)
from console.store.timeutil import from_db

COMPLAINT_THRESHOLD = 0.5


def person_for_author(db: Database, author_id: int) -> Person | None:
    """The author's customer with all its accounts, or the author alone; None if unknown."""
    owner = customers.customer_of(db, author_id)
    if owner is not None:
        return person_for_customer(db, owner)
    author = mentions.author_info(author_id)
    if author is None:
        return None
    name = " ".join(author.display_name.split()) or "@" + author.handle
    ids = (author.id,)
    return Person(None, name, False, (author,), (), notes.notes_for(db, None, ids),
                  open_cases(db, ids), stats(db, ids))


def person_for_customer(db: Database, customer_id: int) -> Person:
    cid, name, vip = customers.require_customer(db, customer_id)
    ids = customers.author_ids_of(db, cid)
    authors = tuple(a for a in (mentions.author_info(i) for i in ids) if a is not None)
    return Person(cid, name, vip, authors, customers.tags_of(db, cid),
                  notes.notes_for(db, cid, ids), open_cases(db, ids), stats(db, ids),
                  from_db(queries.customer_created_at(db, cid)))


def _case(row: Sequence[Any]) -> CaseInfo:
    created, updated = from_db(row[7]), from_db(row[8])
    assert created is not None and updated is not None
    return CaseInfo(int(row[0]), str(row[1]), str(row[2] or ""), str(row[3] or ""),
                    int(row[4] or 0), row[5], row[6], created, updated,
                    int(row[9]) if row[9] is not None else None)


def cases_of(db: Database, author_ids: Sequence[int], open_only: bool = False,
             limit: int = 200) -> tuple[CaseInfo, ...]:
    """Cases whose author is one of `author_ids`, most recently updated first."""
    if not author_ids:
        return ()
    rows = queries.cases_of(db, author_ids, OPEN_CASE_STATUSES if open_only else None, limit)
    return tuple(_case(r) for r in rows)


def open_cases(db: Database, author_ids: Sequence[int]) -> tuple[CaseInfo, ...]:
    return cases_of(db, author_ids, open_only=True)


def _mean(values: list[timedelta]) -> timedelta | None:
    if not values:
        return None
    return sum(values, timedelta()) / len(values)


def stats(db: Database, author_ids: Sequence[int]) -> PersonStats:
    """First post, last contact (their post or our sent reply), complaints, answer time.

    "First seen" is the first stored post's time, the one source the profile shows: when
    the console happened to store the author (``author.first_seen``) is a sync time and
    read beside it as a contradiction."""
    if not author_ids:
        return PersonStats(None, None, 0, 0, 0, None)
    count, complaints, first, last = queries.mention_figures(db, author_ids,
                                                             COMPLAINT_THRESHOLD)
    waits: list[timedelta] = []
    last_reply: datetime | None = None
    for created, answered in queries.first_answers(db, author_ids):
        asked, sent = from_db(created), from_db(answered)
        assert asked is not None and sent is not None
        waits.append(max(timedelta(), sent - asked))
        last_reply = sent if last_reply is None or sent > last_reply else last_reply
    lasts = [t for t in (from_db(last), last_reply) if t is not None]
    return PersonStats(
        first_seen=from_db(first),
        last_contact=max(lasts) if lasts else None,
        mentions=count, complaints=complaints, answered=len(waits),
        average_first_answer=_mean(waits))
