"""Agents' internal notes on a customer or on a lone author (never sent to anyone)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from peewee import Database

from console.i18n import translate
from console.people.customers import now, require_author, require_customer
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


_COLUMNS = "id, body, agent, created_at, updated_at, customer_id, author_id"


def get_note(db: Database, note_id: int) -> NoteInfo:
    row = db.execute_sql(f"SELECT {_COLUMNS} FROM note WHERE id = ? AND "
                         "(customer_id IS NOT NULL OR author_id IS NOT NULL)",
                         (note_id,)).fetchone()
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
    moment = now()
    cursor = db.execute_sql(
        "INSERT INTO note (body, agent, created_at, updated_at, customer_id, author_id) "
        "VALUES (?, ?, ?, NULL, ?, ?)", (_clean(body), agent, moment, customer_id, author_id))
    return get_note(db, int(cursor.lastrowid))


def edit_note(db: Database, note_id: int, body: str) -> NoteInfo:
    get_note(db, note_id)
    db.execute_sql("UPDATE note SET body = ?, updated_at = ? WHERE id = ?",
                   (_clean(body), now(), note_id))
    return get_note(db, note_id)


def delete_note(db: Database, note_id: int) -> NoteInfo:
    note = get_note(db, note_id)
    db.execute_sql("DELETE FROM note WHERE id = ?", (note_id,))
    return note


def notes_for(db: Database, customer_id: int | None,
              author_ids: Sequence[int]) -> tuple[NoteInfo, ...]:
    """The customer's notes and the notes on its accounts, newest first."""
    clauses, params = [], []
    if customer_id is not None:
        clauses.append("customer_id = ?")
        params.append(customer_id)
    if author_ids:
        clauses.append(f"author_id IN ({','.join('?' * len(author_ids))})")
        params.extend(author_ids)
    if not clauses:
        return ()
    rows = db.execute_sql(f"SELECT {_COLUMNS} FROM note WHERE {' OR '.join(clauses)} "
                          "ORDER BY created_at DESC, id DESC", params)
    return tuple(_note(r) for r in rows)
