"""Customers and their authors: rows, links, names, VIP, tags, link decisions, search.

A customer merged into another keeps its row; ``MERGED_AWAY`` hides it from lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from peewee import Database

from console.people.names import fold
from console.people.queries import Row
from console.store import changes

# Customers merged into another (their merge not undone): kept for unmerge, never shown.
MERGED_AWAY = "SELECT merged_id FROM merge_record WHERE undone_at IS NULL"


def ensure_fold(db: Database) -> None:
    """Makes ``people_fold(text)`` (accent and case folding) callable from SQL here."""
    # SQLite: a function registered on the connection (PostgreSQL would need one in SQL).
    db.connection().create_function("people_fold", 1, lambda s: fold(s) if s else "",
                                    deterministic=True)


# --- customers and their authors --------------------------------------------------------

def merged_into(db: Database, customer_id: int) -> tuple[int, int] | None:
    """(record id, survivor id) when `customer_id` is merged away, else None."""
    row = db.execute_sql("SELECT id, survivor_id FROM merge_record WHERE merged_id = ? "
                         "AND undone_at IS NULL ORDER BY id DESC LIMIT 1",
                         (customer_id,)).fetchone()
    return (int(row[0]), int(row[1])) if row else None


def customer(db: Database, customer_id: int) -> Row | None:
    """(id, name, vip) of a customer, merged away or not; None when there is none."""
    row: Row | None = db.execute_sql("SELECT id, name, vip FROM customer WHERE id = ?",
                                     (customer_id,)).fetchone()
    return row


def author(db: Database, author_id: int) -> Row | None:
    """(id, channel, handle, display name, customer id) of an author, or None."""
    row: Row | None = db.execute_sql(
        "SELECT id, channel, handle, display_name, customer_id FROM author "
        "WHERE id = ?", (author_id,)).fetchone()
    return row


def customer_of(db: Database, author_id: int) -> int | None:
    row = db.execute_sql("SELECT customer_id FROM author WHERE id = ?", (author_id,)).fetchone()
    return int(row[0]) if row and row[0] is not None else None


def author_ids_of(db: Database, customer_id: int) -> list[int]:
    return [int(r[0]) for r in db.execute_sql(
        "SELECT id FROM author WHERE customer_id = ? ORDER BY id", (customer_id,))]


def insert_customer(db: Database, name: str, moment: Any) -> int:
    cursor = db.execute_sql("INSERT INTO customer (name, vip, created_at, updated_at) "
                            "VALUES (?, 0, ?, ?)", (name, moment, moment))
    return int(cursor.lastrowid)


def touch_customer(db: Database, customer_id: int, moment: Any) -> None:
    db.execute_sql("UPDATE customer SET updated_at = ? WHERE id = ?", (moment, customer_id))


def rename_customer(db: Database, customer_id: int, name: str, moment: Any) -> None:
    db.execute_sql("UPDATE customer SET name = ?, updated_at = ? WHERE id = ?",
                   (name, moment, customer_id))


def set_customer_vip(db: Database, customer_id: int, vip: int, moment: Any) -> None:
    db.execute_sql("UPDATE customer SET vip = ?, updated_at = ? WHERE id = ?",
                   (vip, moment, customer_id))


def attach_author(db: Database, author_id: int, customer_id: int) -> None:
    db.execute_sql("UPDATE author SET customer_id = ? WHERE id = ?", (customer_id, author_id))


def detach_author(db: Database, author_id: int) -> None:
    db.execute_sql("UPDATE author SET customer_id = NULL WHERE id = ?", (author_id,))


# --- tags -------------------------------------------------------------------------------

def add_customer_tag(db: Database, customer_id: int, tag: str) -> bool:
    """Tag a customer (creating the tag when new); False when it already had it."""
    # SQLite: INSERT OR IGNORE (PostgreSQL: ON CONFLICT DO NOTHING).
    db.execute_sql("INSERT OR IGNORE INTO tag (name) VALUES (?)", (tag,))
    cursor = db.execute_sql(
        "INSERT OR IGNORE INTO customer_tag (customer_id, tag_id) "
        "SELECT ?, id FROM tag WHERE name = ?", (customer_id, tag))
    changes.record(db, changes.CUSTOMER, (customer_id,) if cursor.rowcount else ())
    return bool(cursor.rowcount)


def remove_customer_tag(db: Database, customer_id: int, tag: str) -> bool:
    """Untag a customer; False when it did not have the tag."""
    cursor = db.execute_sql(
        "DELETE FROM customer_tag WHERE customer_id = ? AND tag_id = "
        "(SELECT id FROM tag WHERE name = ?)", (customer_id, tag))
    changes.record(db, changes.CUSTOMER, (customer_id,) if cursor.rowcount else ())
    return bool(cursor.rowcount)


def tags_of(db: Database, customer_id: int) -> tuple[str, ...]:
    return tuple(str(r[0]) for r in db.execute_sql(
        "SELECT t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
        "WHERE ct.customer_id = ? ORDER BY t.name", (customer_id,)))


# --- link decisions ---------------------------------------------------------------------

def save_decision(db: Database, low: int, high: int, decision: str, reasons: str,
                  confidence: float, agent: str, moment: Any) -> None:
    """Store the answer about the pair (low < high), replacing an earlier one."""
    db.execute_sql(
        "INSERT INTO link_decision (author_a_id, author_b_id, decision, reasons, confidence, "
        "agent, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (author_a_id, author_b_id) DO UPDATE SET decision = excluded.decision, "
        "reasons = excluded.reasons, confidence = excluded.confidence, agent = excluded.agent, "
        "created_at = excluded.created_at",
        (low, high, decision, reasons, confidence, agent, moment))


def decision(db: Database, low: int, high: int) -> str | None:
    row = db.execute_sql("SELECT decision FROM link_decision WHERE author_a_id = ? AND "
                         "author_b_id = ?", (low, high)).fetchone()
    return str(row[0]) if row else None


def rejected_with(db: Database, author_id: int) -> set[int]:
    """Every author an agent said is not the same person as `author_id`."""
    rows = db.execute_sql(
        "SELECT author_b_id FROM link_decision WHERE author_a_id = ? AND decision = 'rejected' "
        "UNION SELECT author_a_id FROM link_decision WHERE author_b_id = ? "
        "AND decision = 'rejected'", (author_id, author_id))
    return {int(r[0]) for r in rows}


# --- lists and search -------------------------------------------------------------------

def accounts_of_customers(db: Database, ids: Sequence[int]) -> list[tuple[int, str, str]]:
    """(customer id, channel, handle) of every author of these customers."""
    marks = ",".join("?" * len(ids))
    return [(int(cid), str(channel), str(handle)) for cid, channel, handle in db.execute_sql(
            f"SELECT customer_id, channel, handle FROM author WHERE customer_id IN ({marks}) "
            "ORDER BY channel, handle", list(ids))]


def tags_of_customers(db: Database, ids: Sequence[int]) -> list[tuple[int, str]]:
    """(customer id, tag) pairs of these customers, by tag name."""
    marks = ",".join("?" * len(ids))
    return [(int(cid), str(tag)) for cid, tag in db.execute_sql(
            f"SELECT ct.customer_id, t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
            f"WHERE ct.customer_id IN ({marks}) ORDER BY t.name", list(ids))]


def customers_by_id(db: Database, ids: Sequence[int]) -> dict[int, Row]:
    """(id, name, vip, created_at) of these customers, by id."""
    marks = ",".join("?" * len(ids))
    return {int(r[0]): r for r in db.execute_sql(
        f"SELECT id, name, vip, created_at FROM customer WHERE id IN ({marks})", list(ids))}


def customer_ids(db: Database, needle: str | None, limit: int, offset: int) -> list[int]:
    """Live customers, VIP first then by name; with `needle` (a folded LIKE pattern) only
    those whose name, or a handle or display name of theirs, matches it."""
    params: list[Any] = []
    where = f"c.id NOT IN ({MERGED_AWAY})"
    if needle is not None:
        ensure_fold(db)
        # SQLite: people_fold is registered on the connection (see ensure_fold).
        where += (" AND (people_fold(c.name) LIKE ? OR c.id IN (SELECT customer_id FROM author "
                  "WHERE customer_id IS NOT NULL AND (people_fold(handle) LIKE ? OR "
                  "people_fold(display_name) LIKE ?)))")
        params += [needle, needle, needle]
    rows = db.execute_sql(
        f"SELECT c.id FROM customer c WHERE {where} ORDER BY c.vip DESC, "
        f"people_fold(c.name), c.id LIMIT ? OFFSET ?" if needle is not None else
        f"SELECT c.id FROM customer c WHERE {where} ORDER BY c.vip DESC, c.name, c.id "
        f"LIMIT ? OFFSET ?", [*params, limit, offset])
    return [int(r[0]) for r in rows]


def lone_authors(db: Database, needle: str, limit: int) -> list[tuple[int, str, str, str]]:
    """(id, channel, handle, display name) of authors with no customer matching `needle`."""
    ensure_fold(db)
    # SQLite: people_fold is registered on the connection (see ensure_fold).
    rows = db.execute_sql(
        "SELECT id, channel, handle, display_name FROM author WHERE customer_id IS NULL AND "
        "(people_fold(handle) LIKE ? OR people_fold(display_name) LIKE ?) "
        "ORDER BY id DESC LIMIT ?", (needle, needle, limit))
    return [(int(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows]


