"""Agents' internal notes on a customer or on a lone author (never sent to anyone).

The statements are in :mod:`console.people.queries.notes`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from peewee import Database

from console.i18n import translate
from console.people.customers import now, require_author, require_customer
from console.people.queries import notes as queries
from console.people.records import NoteInfo, PeopleError
from console.store.timeutil import from_db

NOTE_LIMIT = 10_000


def _clean(body: str) -> str:
    text = body.strip()
    if not text:
        raise PeopleError(translate("People", "The note is empty."))
    if len(text) > NOTE_LIMIT:
        raise PeopleError(translate(
            "People", "The note is {over} characters over the limit of {limit}.").format(
            over=len(text) - NOTE_LIMIT, limit=NOTE_LIMIT))
    return text


def _note(row: Sequence[Any]) -> NoteInfo:
    created = from_db(row[3])
    assert created is not None
    return NoteInfo(int(row[0]), str(row[1]), str(row[2]), created, from_db(row[4]),
                    row[5], row[6])


def get_note(db: Database, note_id: int) -> NoteInfo:
    row = queries.note(db, note_id)
    if row is None:
        raise PeopleError(translate("People", "There is no customer note {id}.").format(
            id=note_id))
    return _note(row)


def add_note(db: Database, body: str, agent: str, customer_id: int | None = None,
             author_id: int | None = None) -> NoteInfo:
    """A note on a customer, or on an author that has none (exactly one of the two)."""
    if (customer_id is None) == (author_id is None):
        raise PeopleError(translate("People",
                                    "A note belongs to one customer or to one author."))
    if customer_id is not None:
        require_customer(db, customer_id)
    else:
        assert author_id is not None
        require_author(db, author_id)
    return get_note(db, queries.insert_note(db, _clean(body), agent, now(), customer_id,
                                            author_id))


def edit_note(db: Database, note_id: int, body: str) -> NoteInfo:
    get_note(db, note_id)
    queries.update_note(db, note_id, _clean(body), now())
    return get_note(db, note_id)


def delete_note(db: Database, note_id: int) -> NoteInfo:
    note = get_note(db, note_id)
    queries.delete_note(db, note_id)
    return note


def notes_for(db: Database, customer_id: int | None,
              author_ids: Sequence[int]) -> tuple[NoteInfo, ...]:
    """The customer's notes and the notes on its accounts, newest first."""
    return tuple(_note(r) for r in queries.notes_of(db, customer_id, author_ids))
