"""Merging two customers, directionally and reversibly, with an audit record per merge.

A merge moves the merged customer's accounts and notes to the survivor and copies its
tags there; cases follow their accounts. The merged customer's own row (its id, name,
VIP flag, tags) stays untouched but hidden while the merge stands, so an unmerge brings
it back exactly. The record's snapshot lists every row the merge changed, with the values
before and after, and nothing else: an unmerge puts back only what the merge did.
"""

from __future__ import annotations

import json
from typing import Any

from peewee import Database

from console.i18n import translate
from console.mentions import queries as mentions
from console.people import customers, person
from console.people.records import MergeInfo, MergePreview, PeopleError
from console.store.timeutil import from_db, to_db, utcnow

SNAPSHOT_VERSION = 1


def _customer_row(db: Database, customer_id: int) -> dict[str, Any]:
    row = db.execute_sql("SELECT id, name, vip, created_at, updated_at FROM customer "
                         "WHERE id = ?", (customer_id,)).fetchone()
    return {"id": row[0], "name": row[1], "vip": int(row[2]), "created_at": str(row[3]),
            "updated_at": None if row[4] is None else str(row[4])}


def _check_pair(db: Database, survivor_id: int, merged_id: int) -> None:
    if survivor_id == merged_id:
        raise PeopleError(translate("People", "A customer cannot be merged into itself."))
    customers.require_customer(db, survivor_id)
    customers.require_customer(db, merged_id)


def preview(db: Database, survivor_id: int, merged_id: int) -> MergePreview:
    """What merging `merged_id` into `survivor_id` would move (nothing is changed)."""
    _check_pair(db, survivor_id, merged_id)
    survivor, merged = customers.summaries(db, [survivor_id, merged_id])
    author_ids = customers.author_ids_of(db, merged_id)
    authors = tuple(a for a in (mentions.author_info(i) for i in author_ids) if a is not None)
    notes = int(db.execute_sql("SELECT count(*) FROM note WHERE customer_id = ?",
                               (merged_id,)).fetchone()[0])
    new_tags = tuple(t for t in merged.tags if t not in survivor.tags)
    return MergePreview(survivor, merged, authors, notes, new_tags,
                        person.cases_of(db, author_ids), survivor.vip or merged.vip)


def merge(db: Database, survivor_id: int, merged_id: int, agent: str = "") -> int:
    """Merge `merged_id` into `survivor_id`; returns the merge record's id."""
    _check_pair(db, survivor_id, merged_id)
    before = _customer_row(db, survivor_id)
    merged_row = _customer_row(db, merged_id)
    authors = customers.author_ids_of(db, merged_id)
    notes = [int(r[0]) for r in db.execute_sql(
        "SELECT id FROM note WHERE customer_id = ? ORDER BY id", (merged_id,))]
    db.execute_sql("UPDATE author SET customer_id = ? WHERE customer_id = ?",
                   (survivor_id, merged_id))
    db.execute_sql("UPDATE note SET customer_id = ? WHERE customer_id = ?",
                   (survivor_id, merged_id))
    added_tags = []
    for (tag_id,) in db.execute_sql(
            "SELECT tag_id FROM customer_tag WHERE customer_id = ? AND tag_id NOT IN "
            "(SELECT tag_id FROM customer_tag WHERE customer_id = ?) ORDER BY tag_id",
            (merged_id, survivor_id)).fetchall():
        cursor = db.execute_sql("INSERT INTO customer_tag (customer_id, tag_id) VALUES (?, ?)",
                                (survivor_id, tag_id))
        added_tags.append(int(cursor.lastrowid))
    vip_after = 1 if (before["vip"] or merged_row["vip"]) else 0
    moment = to_db(utcnow())
    db.execute_sql("UPDATE customer SET vip = ?, updated_at = ? WHERE id = ?",
                   (vip_after, moment, survivor_id))
    snapshot = {
        "version": SNAPSHOT_VERSION,
        "survivor_before": before,
        "survivor_after": _customer_row(db, survivor_id),
        "merged": merged_row,
        "authors": authors,  # author.customer_id was merged_id, now survivor_id
        "notes": notes,  # note.customer_id was merged_id, now survivor_id
        "customer_tags_added": added_tags,  # customer_tag rows created on the survivor
    }
    cursor = db.execute_sql(
        "INSERT INTO merge_record (survivor_id, merged_id, snapshot, agent, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (survivor_id, merged_id, json.dumps(snapshot, ensure_ascii=False), agent, moment))
    return int(cursor.lastrowid)


def _record(db: Database, record_id: int) -> tuple[int, int, dict[str, Any], Any]:
    row = db.execute_sql("SELECT survivor_id, merged_id, snapshot, undone_at FROM merge_record "
                         "WHERE id = ?", (record_id,)).fetchone()
    if row is None:
        raise PeopleError(translate("People", "There is no merge #{id}.").format(id=record_id))
    return int(row[0]), int(row[1]), json.loads(row[2]), row[3]


def blockers(db: Database, record_id: int) -> list[tuple[int, int, int]]:
    """Later merges still in force that touch this merge's customers: (id, survivor, merged)."""
    survivor_id, merged_id, _snapshot, _undone = _record(db, record_id)
    rows = db.execute_sql(
        "SELECT id, survivor_id, merged_id FROM merge_record WHERE id > ? AND undone_at IS NULL "
        "AND (survivor_id IN (?, ?) OR merged_id IN (?, ?)) ORDER BY id DESC",
        (record_id, survivor_id, merged_id, survivor_id, merged_id))
    return [(int(r[0]), int(r[1]), int(r[2])) for r in rows]


def unmerge(db: Database, record_id: int, agent: str = "") -> MergeInfo:
    """Put back what merge `record_id` changed: the merged customer reappears as it was."""
    survivor_id, merged_id, snapshot, undone = _record(db, record_id)
    if undone is not None:
        raise PeopleError(translate("People", "Merge #{id} was already undone.").format(
            id=record_id))
    later = blockers(db, record_id)
    if later:
        ids = ", ".join(f"#{r[0]}" for r in later)
        raise PeopleError(translate(
            "People", "Merge #{id} cannot be undone yet: later merge(s) {ids} involve the same "
            "customers; undo {ids} first.").format(id=record_id, ids=ids))
    authors = [int(a) for a in snapshot["authors"]]
    notes = [int(n) for n in snapshot["notes"]]
    for chunk in _chunks(authors):
        db.execute_sql(f"UPDATE author SET customer_id = ? WHERE customer_id = ? AND id IN "
                       f"({','.join('?' * len(chunk))})", [merged_id, survivor_id, *chunk])
    for chunk in _chunks(notes):
        db.execute_sql(f"UPDATE note SET customer_id = ? WHERE customer_id = ? AND id IN "
                       f"({','.join('?' * len(chunk))})", [merged_id, survivor_id, *chunk])
    for chunk in _chunks([int(t) for t in snapshot["customer_tags_added"]]):
        db.execute_sql(f"DELETE FROM customer_tag WHERE customer_id = ? AND id IN "
                       f"({','.join('?' * len(chunk))})", [survivor_id, *chunk])
    before, after = snapshot["survivor_before"], snapshot["survivor_after"]
    current = _customer_row(db, survivor_id)
    # What the merge set on the survivor goes back, unless an agent changed it since.
    for column in ("vip", "updated_at"):
        if current[column] == after[column]:
            db.execute_sql(f"UPDATE customer SET {column} = ? WHERE id = ?",
                           (before[column], survivor_id))
    db.execute_sql("UPDATE merge_record SET undone_at = ? WHERE id = ?",
                   (to_db(utcnow()), record_id))
    return history(db, record_id=record_id)[0]


def _chunks(ids: list[int], size: int = 500) -> list[list[int]]:
    return [ids[i:i + size] for i in range(0, len(ids), size)]


def history(db: Database, customer_id: int | None = None, record_id: int | None = None,
            limit: int = 100) -> list[MergeInfo]:
    """Merges newest first: all, those touching one customer, or one record."""
    where, params = "", []
    if record_id is not None:
        where, params = "WHERE id = ?", [record_id]
    elif customer_id is not None:
        where, params = "WHERE survivor_id = ? OR merged_id = ?", [customer_id, customer_id]
    out = []
    for rid, survivor, merged, snap, agent, created, undone in db.execute_sql(
            "SELECT id, survivor_id, merged_id, snapshot, agent, created_at, undone_at FROM "
            f"merge_record {where} ORDER BY id DESC LIMIT ?", [*params, limit]):
        data = json.loads(snap)
        made = from_db(created)
        assert made is not None
        out.append(MergeInfo(int(rid), int(survivor), int(merged),
                             str(data.get("merged", {}).get("name", "")), str(agent), made,
                             from_db(undone), len(data.get("authors", ())),
                             len(data.get("notes", ()))))
    return out
