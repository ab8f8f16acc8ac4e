"""Merging two customers, directionally and reversibly, with an audit record per merge.

A merge moves the merged customer's accounts and notes to the survivor and copies its
tags there; cases follow their accounts. The merged customer's own row (its id, name,
VIP flag, tags) stays untouched but hidden while the merge stands, so an unmerge brings
it back exactly. The record's snapshot lists every row the merge changed, with the values
before and after, and nothing else: an unmerge puts back only what the merge did.
The statements are in :mod:`console.people.queries.merges`.
"""

from __future__ import annotations

import json
from typing import Any

from peewee import Database

from console.i18n import translate
from console.mentions import queries as mentions
from console.people import customers, person
from console.people.queries import customers as customer_queries
from console.people.queries import merges as queries
from console.people.records import MergeInfo, MergePreview, PeopleError
from console.store.timeutil import from_db, to_db, utcnow

SNAPSHOT_VERSION = 1


def _customer_row(db: Database, customer_id: int) -> dict[str, Any]:
    row = queries.customer_record(db, customer_id)
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
    notes = queries.note_count(db, merged_id)
    new_tags = tuple(t for t in merged.tags if t not in survivor.tags)
    return MergePreview(survivor, merged, authors, notes, new_tags,
                        person.cases_of(db, author_ids), survivor.vip or merged.vip)


def merge(db: Database, survivor_id: int, merged_id: int, agent: str = "") -> int:
    """Merge `merged_id` into `survivor_id`; returns the merge record's id."""
    _check_pair(db, survivor_id, merged_id)
    before = _customer_row(db, survivor_id)
    merged_row = _customer_row(db, merged_id)
    authors = customers.author_ids_of(db, merged_id)
    notes = queries.note_ids_of(db, merged_id)
    queries.move_authors_and_notes(db, merged_id, survivor_id)
    added_tags = queries.copy_missing_tags(db, merged_id, survivor_id)
    vip_after = 1 if (before["vip"] or merged_row["vip"]) else 0
    moment = to_db(utcnow())
    customer_queries.set_customer_vip(db, survivor_id, vip_after, moment)
    snapshot = {
        "version": SNAPSHOT_VERSION,
        "survivor_before": before,
        "survivor_after": _customer_row(db, survivor_id),
        "merged": merged_row,
        "authors": authors,  # author.customer_id was merged_id, now survivor_id
        "notes": notes,  # note.customer_id was merged_id, now survivor_id
        "customer_tags_added": added_tags,  # customer_tag rows created on the survivor
    }
    return queries.insert_merge_record(db, survivor_id, merged_id,
                                       json.dumps(snapshot, ensure_ascii=False), agent, moment)


def _record(db: Database, record_id: int) -> tuple[int, int, dict[str, Any], Any]:
    row = queries.merge_record(db, record_id)
    if row is None:
        raise PeopleError(translate("People", "There is no merge #{id}.").format(id=record_id))
    return int(row[0]), int(row[1]), json.loads(row[2]), row[3]


def blockers(db: Database, record_id: int) -> list[tuple[int, int, int]]:
    """Later merges still in force that touch this merge's customers: (id, survivor, merged)."""
    survivor_id, merged_id, _snapshot, _undone = _record(db, record_id)
    return queries.later_merges(db, record_id, survivor_id, merged_id)


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
    queries.move_back(db, merged_id, survivor_id, authors, notes,
                      [int(t) for t in snapshot["customer_tags_added"]])
    before, after = snapshot["survivor_before"], snapshot["survivor_after"]
    current = _customer_row(db, survivor_id)
    # What the merge set on the survivor goes back, unless an agent changed it since.
    for column in queries.RESTORED_COLUMNS:
        if current[column] == after[column]:
            queries.set_customer_column(db, survivor_id, column, before[column])
    queries.mark_undone(db, record_id, to_db(utcnow()))
    return history(db, record_id=record_id)[0]


def history(db: Database, customer_id: int | None = None, record_id: int | None = None,
            limit: int = 100) -> list[MergeInfo]:
    """Merges newest first: all, those touching one customer, or one record."""
    out = []
    for rid, survivor, merged, snap, agent, created, undone in queries.merge_records(
            db, customer_id, record_id, limit):
        data = json.loads(snap)
        made = from_db(created)
        assert made is not None
        out.append(MergeInfo(int(rid), int(survivor), int(merged),
                             str(data.get("merged", {}).get("name", "")), str(agent), made,
                             from_db(undone), len(data.get("authors", ())),
                             len(data.get("notes", ()))))
    return out
