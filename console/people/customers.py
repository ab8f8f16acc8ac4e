"""Customers: linking authors into one, unlinking, names, VIP, tags, link decisions, search.

Writes run inside the caller's ``Store.write()`` transaction; reads anywhere. A customer
merged into another stays in its table untouched (so an unmerge brings it back with its
own id) but is hidden from every list while its merge stands.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from peewee import Database

from console.i18n import translate
from console.people.names import fold
from console.people.records import CustomerSummary, LoneAuthor, PeopleError
from console.store.timeutil import from_db, to_db, utcnow

# Customers merged into another (their merge not undone): kept for unmerge, never shown.
MERGED_AWAY = "SELECT merged_id FROM merge_record WHERE undone_at IS NULL"
NAME_LIMIT = 200


def now() -> Any:
    return to_db(utcnow())


def ensure_fold(db: Database) -> None:
    """Makes ``people_fold(text)`` (accent and case folding) callable from SQL here."""
    db.connection().create_function("people_fold", 1, lambda s: fold(s) if s else "",
                                    deterministic=True)


def merged_into(db: Database, customer_id: int) -> tuple[int, int] | None:
    """(record id, survivor id) when `customer_id` is merged away, else None."""
    row = db.execute_sql("SELECT id, survivor_id FROM merge_record WHERE merged_id = ? "
                         "AND undone_at IS NULL ORDER BY id DESC LIMIT 1",
                         (customer_id,)).fetchone()
    return (int(row[0]), int(row[1])) if row else None


def require_customer(db: Database, customer_id: int) -> tuple[int, str, bool]:
    """(id, name, vip) of a live customer, or a PeopleError saying why not."""
    row = db.execute_sql("SELECT id, name, vip FROM customer WHERE id = ?",
                         (customer_id,)).fetchone()
    if row is None:
        raise PeopleError(translate("People", "There is no customer {id}.").format(id=customer_id))
    merged = merged_into(db, customer_id)
    if merged is not None:
        raise PeopleError(translate(
            "People", "Customer {id} was merged into customer {survivor} (merge #{merge}); use "
            "customer {survivor}.").format(id=customer_id, survivor=merged[1], merge=merged[0]))
    return int(row[0]), str(row[1]), bool(row[2])


def require_author(db: Database, author_id: int) -> tuple[int, str, str, str, int | None]:
    """(id, channel, handle, display name, customer id) of an author, or a PeopleError."""
    row = db.execute_sql("SELECT id, channel, handle, display_name, customer_id FROM author "
                         "WHERE id = ?", (author_id,)).fetchone()
    if row is None:
        raise PeopleError(translate("People", "There is no author {id}.").format(id=author_id))
    return int(row[0]), str(row[1]), str(row[2]), str(row[3]), row[4]


def customer_of(db: Database, author_id: int) -> int | None:
    row = db.execute_sql("SELECT customer_id FROM author WHERE id = ?", (author_id,)).fetchone()
    return int(row[0]) if row and row[0] is not None else None


def author_ids_of(db: Database, customer_id: int) -> list[int]:
    return [int(r[0]) for r in db.execute_sql(
        "SELECT id FROM author WHERE customer_id = ? ORDER BY id", (customer_id,))]


def clean_name(name: str) -> str:
    """A name as an agent or a network gave it, on one line and of sane length."""
    text = " ".join(name.split())
    if not text:
        raise PeopleError(translate("People", "The customer's name is empty."))
    return text[:NAME_LIMIT]


def best_name(db: Database, author_ids: Sequence[int]) -> str:
    """A name for a new customer: the fullest display name of its authors, else a handle."""
    rows = [require_author(db, a) for a in author_ids]
    named = sorted((r for r in rows if " ".join(r[3].split())),
                   key=lambda r: (-len(r[3].split()), r[0]))
    if named:
        return clean_name(named[0][3])
    return clean_name("@" + rows[0][2]) if rows else "Customer"


def create_customer(db: Database, name: str) -> int:
    moment = now()
    cursor = db.execute_sql("INSERT INTO customer (name, vip, created_at, updated_at) "
                            "VALUES (?, 0, ?, ?)", (clean_name(name), moment, moment))
    return int(cursor.lastrowid)


def touch(db: Database, customer_id: int) -> None:
    db.execute_sql("UPDATE customer SET updated_at = ? WHERE id = ?", (now(), customer_id))


@dataclass(frozen=True)
class LinkResult:
    """What a link did: the customer the authors now belong to, and whether it is new."""

    customer_id: int
    created: bool
    attached: tuple[int, ...]


def link(db: Database, author_ids: Iterable[int], customer_id: int | None = None,
         name: str | None = None, agent: str = "", reasons: str = "linked by hand",
         confidence: float = 1.0) -> LinkResult:
    """Put authors under one customer: `customer_id`, the one some already share, or a new one.

    Linking by hand works for every network (Reddit included); the automatic paths check
    their own rules before calling this.
    """
    ids = list(dict.fromkeys(author_ids))
    if not ids:
        raise PeopleError(translate("People", "Name at least one author to link."))
    rows = [require_author(db, a) for a in ids]
    owners = {r[4] for r in rows if r[4] is not None}
    if customer_id is not None:
        require_customer(db, customer_id)
        others = owners - {customer_id}
        if others:
            other = min(others)
            raise PeopleError(translate(
                "People", "An author already belongs to customer {other}; merge customer "
                "{other} into {id} instead.").format(other=other, id=customer_id))
        target, created = customer_id, False
    elif len(owners) > 1:
        first, second = sorted(owners)[:2]
        raise PeopleError(translate(
            "People", "These authors belong to customers {first} and {second}; merge those "
            "customers instead.").format(first=first, second=second))
    elif owners:
        target, created = owners.pop(), False
    else:
        target, created = create_customer(db, name or best_name(db, ids)), True
    if name is not None and not created:
        rename(db, target, name)
    attached = tuple(r[0] for r in rows if r[4] != target)
    for author_id in attached:
        db.execute_sql("UPDATE author SET customer_id = ? WHERE id = ?", (target, author_id))
    members = author_ids_of(db, target)
    for a, b in combinations(members, 2):
        if a in attached or b in attached:
            record_decision(db, a, b, "accepted", reasons, confidence, agent)
    touch(db, target)
    return LinkResult(target, created, attached)


def unlink(db: Database, author_id: int, agent: str = "") -> int:
    """Take an author out of its customer; returns that customer's id.

    The pairs it formed with the customer's other accounts are recorded as rejected, so
    neither a suggestion nor the automatic linking puts it back.
    """
    row = require_author(db, author_id)
    if row[4] is None:
        raise PeopleError(translate(
            "People", "Author {id} (@{handle}) belongs to no customer.").format(
            id=author_id, handle=row[2]))
    customer_id = int(row[4])
    db.execute_sql("UPDATE author SET customer_id = NULL WHERE id = ?", (author_id,))
    for other in author_ids_of(db, customer_id):
        record_decision(db, author_id, other, "rejected", "unlinked by an agent", 1.0, agent)
    touch(db, customer_id)
    return customer_id


def rename(db: Database, customer_id: int, name: str) -> str:
    require_customer(db, customer_id)
    clean = clean_name(name)
    db.execute_sql("UPDATE customer SET name = ?, updated_at = ? WHERE id = ?",
                   (clean, now(), customer_id))
    return clean


def set_vip(db: Database, customer_id: int, vip: bool) -> None:
    require_customer(db, customer_id)
    db.execute_sql("UPDATE customer SET vip = ?, updated_at = ? WHERE id = ?",
                   (1 if vip else 0, now(), customer_id))


def clean_tag(name: str) -> str:
    text = " ".join(name.split()).lower()
    if not text:
        raise PeopleError(translate("People", "A tag cannot be empty."))
    return text[:64]


def add_tags(db: Database, customer_id: int, names: Iterable[str]) -> list[str]:
    """Tag a customer; returns the tags that were new to it."""
    require_customer(db, customer_id)
    added = []
    for tag in dict.fromkeys(clean_tag(n) for n in names):
        db.execute_sql("INSERT OR IGNORE INTO tag (name) VALUES (?)", (tag,))
        cursor = db.execute_sql(
            "INSERT OR IGNORE INTO customer_tag (customer_id, tag_id) "
            "SELECT ?, id FROM tag WHERE name = ?", (customer_id, tag))
        if cursor.rowcount:
            added.append(tag)
    if added:
        touch(db, customer_id)
    return added


def remove_tags(db: Database, customer_id: int, names: Iterable[str]) -> list[str]:
    require_customer(db, customer_id)
    removed = []
    for tag in dict.fromkeys(clean_tag(n) for n in names):
        cursor = db.execute_sql(
            "DELETE FROM customer_tag WHERE customer_id = ? AND tag_id = "
            "(SELECT id FROM tag WHERE name = ?)", (customer_id, tag))
        if cursor.rowcount:
            removed.append(tag)
    if removed:
        touch(db, customer_id)
    return removed


def tags_of(db: Database, customer_id: int) -> tuple[str, ...]:
    return tuple(str(r[0]) for r in db.execute_sql(
        "SELECT t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
        "WHERE ct.customer_id = ? ORDER BY t.name", (customer_id,)))


# --- link decisions ---------------------------------------------------------------------

def record_decision(db: Database, a: int, b: int, decision: str, reasons: str = "",
                    confidence: float = 0.0, agent: str = "") -> None:
    """Remember an answer about the pair (a, b); a later answer replaces an earlier one."""
    if decision not in ("accepted", "rejected"):
        raise ValueError(decision)
    low, high = sorted((a, b))
    if low == high:
        return
    db.execute_sql(
        "INSERT INTO link_decision (author_a_id, author_b_id, decision, reasons, confidence, "
        "agent, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (author_a_id, author_b_id) DO UPDATE SET decision = excluded.decision, "
        "reasons = excluded.reasons, confidence = excluded.confidence, agent = excluded.agent, "
        "created_at = excluded.created_at",
        (low, high, decision, reasons[:2000], float(confidence), agent, now()))


def decision_for(db: Database, a: int, b: int) -> str | None:
    low, high = sorted((a, b))
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

def account_label(channel: str, handle: str) -> str:
    return f"{channel} @{handle.lstrip('@')}"


def summaries(db: Database, ids: Sequence[int]) -> list[CustomerSummary]:
    """Summaries of customers in the order of `ids` (missing ones left out)."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    accounts: dict[int, list[str]] = {i: [] for i in ids}
    for cid, channel, handle in db.execute_sql(
            f"SELECT customer_id, channel, handle FROM author WHERE customer_id IN ({marks}) "
            "ORDER BY channel, handle", list(ids)):
        accounts[int(cid)].append(account_label(channel, handle))
    tags: dict[int, list[str]] = {i: [] for i in ids}
    for cid, tag in db.execute_sql(
            f"SELECT ct.customer_id, t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
            f"WHERE ct.customer_id IN ({marks}) ORDER BY t.name", list(ids)):
        tags[int(cid)].append(str(tag))
    rows = {int(r[0]): r for r in db.execute_sql(
        f"SELECT id, name, vip, created_at FROM customer WHERE id IN ({marks})", list(ids))}
    out = []
    for cid in ids:
        row = rows.get(cid)
        if row is None:
            continue
        created = from_db(row[3])
        assert created is not None
        out.append(CustomerSummary(cid, str(row[1]), bool(row[2]), created,
                                   tuple(accounts[cid]), tuple(tags[cid])))
    return out


def list_customers(db: Database, query: str = "", limit: int = 100,
                   offset: int = 0) -> list[CustomerSummary]:
    """Customers (VIP first, then by name), or those whose name or a handle matches `query`.

    Matching ignores case and accents: "lucia" finds "Lucía Méndez" and "@LuciaM".
    """
    params: list[Any] = []
    where = f"c.id NOT IN ({MERGED_AWAY})"
    if query.strip():
        ensure_fold(db)
        needle = f"%{fold(query.strip()).lstrip('@')}%"
        where += (" AND (people_fold(c.name) LIKE ? OR c.id IN (SELECT customer_id FROM author "
                  "WHERE customer_id IS NOT NULL AND (people_fold(handle) LIKE ? OR "
                  "people_fold(display_name) LIKE ?)))")
        params += [needle, needle, needle]
    rows = db.execute_sql(
        f"SELECT c.id FROM customer c WHERE {where} ORDER BY c.vip DESC, "
        f"people_fold(c.name), c.id LIMIT ? OFFSET ?" if query.strip() else
        f"SELECT c.id FROM customer c WHERE {where} ORDER BY c.vip DESC, c.name, c.id "
        f"LIMIT ? OFFSET ?", [*params, limit, offset])
    return summaries(db, [int(r[0]) for r in rows])


def search_lone_authors(db: Database, query: str, limit: int = 20) -> list[LoneAuthor]:
    """Authors with no customer whose handle or display name matches `query`."""
    if not query.strip():
        return []
    ensure_fold(db)
    needle = f"%{fold(query.strip()).lstrip('@')}%"
    rows = db.execute_sql(
        "SELECT id, channel, handle, display_name FROM author WHERE customer_id IS NULL AND "
        "(people_fold(handle) LIKE ? OR people_fold(display_name) LIKE ?) "
        "ORDER BY id DESC LIMIT ?", (needle, needle, limit))
    return [LoneAuthor(int(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows]
