"""Merges: moving a customer's accounts, notes and tags to another, the merge records, and
putting back exactly what a merge moved."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from peewee import Database

from console.people.queries import Row, chunks

RESTORED_COLUMNS = ("vip", "updated_at")  # what an unmerge may put back on the survivor


def customer_record(db: Database, customer_id: int) -> Row:
    """(id, name, vip, created_at, updated_at) of a customer known to exist."""
    row: Row | None = db.execute_sql("SELECT id, name, vip, created_at, updated_at FROM customer "
                                     "WHERE id = ?", (customer_id,)).fetchone()
    assert row is not None, customer_id
    return row


def set_customer_column(db: Database, customer_id: int, column: str, value: Any) -> None:
    """Put one column the merge set (``vip`` or ``updated_at``) back to `value`."""
    if column not in RESTORED_COLUMNS:
        raise ValueError(column)  # the name goes into the statement: never from outside
    db.execute_sql(f"UPDATE customer SET {column} = ? WHERE id = ?", (value, customer_id))


def note_count(db: Database, customer_id: int) -> int:
    return int(db.execute_sql("SELECT count(*) FROM note WHERE customer_id = ?",
                              (customer_id,)).fetchone()[0])


def note_ids_of(db: Database, customer_id: int) -> list[int]:
    return [int(r[0]) for r in db.execute_sql(
        "SELECT id FROM note WHERE customer_id = ? ORDER BY id", (customer_id,))]


def move_authors_and_notes(db: Database, from_id: int, to_id: int) -> None:
    """Every author and note of customer `from_id` now belongs to `to_id`."""
    db.execute_sql("UPDATE author SET customer_id = ? WHERE customer_id = ?",
                   (to_id, from_id))
    db.execute_sql("UPDATE note SET customer_id = ? WHERE customer_id = ?",
                   (to_id, from_id))


def copy_missing_tags(db: Database, from_id: int, to_id: int) -> list[int]:
    """Give `to_id` the tags of `from_id` it lacks; returns the new customer_tag row ids."""
    added = []
    for (tag_id,) in db.execute_sql(
            "SELECT tag_id FROM customer_tag WHERE customer_id = ? AND tag_id NOT IN "
            "(SELECT tag_id FROM customer_tag WHERE customer_id = ?) ORDER BY tag_id",
            (from_id, to_id)).fetchall():
        cursor = db.execute_sql("INSERT INTO customer_tag (customer_id, tag_id) VALUES (?, ?)",
                                (to_id, tag_id))
        added.append(int(cursor.lastrowid))
    return added


def insert_merge_record(db: Database, survivor_id: int, merged_id: int, snapshot: str,
                        agent: str, moment: Any) -> int:
    cursor = db.execute_sql(
        "INSERT INTO merge_record (survivor_id, merged_id, snapshot, agent, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (survivor_id, merged_id, snapshot, agent, moment))
    return int(cursor.lastrowid)


def merge_record(db: Database, record_id: int) -> Row | None:
    """(survivor id, merged id, snapshot JSON, undone_at) of a merge, or None."""
    row: Row | None = db.execute_sql(
        "SELECT survivor_id, merged_id, snapshot, undone_at FROM merge_record "
        "WHERE id = ?", (record_id,)).fetchone()
    return row


def later_merges(db: Database, record_id: int, survivor_id: int,
                 merged_id: int) -> list[tuple[int, int, int]]:
    """Merges after `record_id`, still in force, touching either customer, newest first."""
    rows = db.execute_sql(
        "SELECT id, survivor_id, merged_id FROM merge_record WHERE id > ? AND undone_at IS NULL "
        "AND (survivor_id IN (?, ?) OR merged_id IN (?, ?)) ORDER BY id DESC",
        (record_id, survivor_id, merged_id, survivor_id, merged_id))
    return [(int(r[0]), int(r[1]), int(r[2])) for r in rows]


def move_back(db: Database, merged_id: int, survivor_id: int, authors: Sequence[int],
              notes: Sequence[int], customer_tags: Sequence[int]) -> None:
    """Undo a merge's moves: these authors and notes go back, these tag rows go away."""
    for chunk in chunks(authors):
        db.execute_sql(f"UPDATE author SET customer_id = ? WHERE customer_id = ? AND id IN "
                       f"({','.join('?' * len(chunk))})", [merged_id, survivor_id, *chunk])
    for chunk in chunks(notes):
        db.execute_sql(f"UPDATE note SET customer_id = ? WHERE customer_id = ? AND id IN "
                       f"({','.join('?' * len(chunk))})", [merged_id, survivor_id, *chunk])
    for chunk in chunks(customer_tags):
        db.execute_sql(f"DELETE FROM customer_tag WHERE customer_id = ? AND id IN "
                       f"({','.join('?' * len(chunk))})", [survivor_id, *chunk])


def mark_undone(db: Database, record_id: int, moment: Any) -> None:
    db.execute_sql("UPDATE merge_record SET undone_at = ? WHERE id = ?",
                   (moment, record_id))


def merge_records(db: Database, customer_id: int | None, record_id: int | None,
                  limit: int) -> list[Row]:
    """(id, survivor, merged, snapshot, agent, created_at, undone_at), newest first: one
    record, those touching one customer, or all."""
    where, params = "", []
    if record_id is not None:
        where, params = "WHERE id = ?", [record_id]
    elif customer_id is not None:
        where, params = "WHERE survivor_id = ? OR merged_id = ?", [customer_id, customer_id]
    return list(db.execute_sql(
        "SELECT id, survivor_id, merged_id, snapshot, agent, created_at, undone_at FROM "
        f"merge_record {where} ORDER BY id DESC LIMIT ?", [*params, limit]))


