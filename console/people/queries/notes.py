"""Agents' notes on a customer or on a lone author."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from peewee import Database

from console.people.queries import Row
from console.store import changes

_NOTE_COLUMNS = "id, body, agent, created_at, updated_at, customer_id, author_id"


def note(db: Database, note_id: int) -> Row | None:
    """(id, body, agent, created_at, updated_at, customer id, author id) of a person's note."""
    row: Row | None = db.execute_sql(f"SELECT {_NOTE_COLUMNS} FROM note WHERE id = ? AND "
                                     "(customer_id IS NOT NULL OR author_id IS NOT NULL)",
                                     (note_id,)).fetchone()
    return row


def insert_note(db: Database, body: str, agent: str, moment: Any, customer_id: int | None,
                author_id: int | None) -> int:
    cursor = db.execute_sql(
        "INSERT INTO note (body, agent, created_at, updated_at, customer_id, author_id) "
        "VALUES (?, ?, ?, NULL, ?, ?)", (body, agent, moment, customer_id, author_id))
    changes.record(db, changes.NOTE, (cursor.lastrowid,))
    return int(cursor.lastrowid)


def update_note(db: Database, note_id: int, body: str, moment: Any) -> None:
    db.execute_sql("UPDATE note SET body = ?, updated_at = ? WHERE id = ?",
                   (body, moment, note_id))
    changes.record(db, changes.NOTE, (note_id,))


def delete_note(db: Database, note_id: int) -> None:
    db.execute_sql("DELETE FROM note WHERE id = ?", (note_id,))
    changes.record(db, changes.NOTE, (note_id,))


def notes_of(db: Database, customer_id: int | None, author_ids: Sequence[int]) -> list[Row]:
    """The customer's notes and the notes on these authors (columns as `note`), newest
    first."""
    clauses, params = [], []
    if customer_id is not None:
        clauses.append("customer_id = ?")
        params.append(customer_id)
    if author_ids:
        clauses.append(f"author_id IN ({','.join('?' * len(author_ids))})")
        params.extend(author_ids)
    if not clauses:
        return []
    return list(db.execute_sql(f"SELECT {_NOTE_COLUMNS} FROM note WHERE "
                               f"{' OR '.join(clauses)} ORDER BY created_at DESC, id DESC",
                               params))
