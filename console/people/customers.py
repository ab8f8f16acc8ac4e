"""Customers: linking authors into one, unlinking, names, VIP, tags, link decisions, search.

Writes run inside the caller's ``Store.write()`` transaction; reads anywhere. A customer
merged into another stays in its table untouched (so an unmerge brings it back with its
own id) but is hidden from every list while its merge stands. The statements are in
:mod:`console.people.queries.customers`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from peewee import Database

from console.i18n import translate
from console.people.names import fold
from console.people.queries import customers as queries
from console.people.records import CustomerSummary, LoneAuthor, PeopleError
from console.store.timeutil import from_db, to_db, utcnow

NAME_LIMIT = 200


def now() -> Any:
    return to_db(utcnow())


def merged_into(db: Database, customer_id: int) -> tuple[int, int] | None:
    """(record id, survivor id) when `customer_id` is merged away, else None."""
    return queries.merged_into(db, customer_id)


def require_customer(db: Database, customer_id: int) -> tuple[int, str, bool]:
    """(id, name, vip) of a live customer, or a PeopleError saying why not."""
    row = queries.customer(db, customer_id)
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
    row = queries.author(db, author_id)
    if row is None:
        raise PeopleError(translate("People", "There is no author {id}.").format(id=author_id))
    return int(row[0]), str(row[1]), str(row[2]), str(row[3]), row[4]


def customer_of(db: Database, author_id: int) -> int | None:
    return queries.customer_of(db, author_id)


def author_ids_of(db: Database, customer_id: int) -> list[int]:
    return queries.author_ids_of(db, customer_id)


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
    return queries.insert_customer(db, clean_name(name), now())


def touch(db: Database, customer_id: int) -> None:
    queries.touch_customer(db, customer_id, now())


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
        queries.attach_author(db, author_id, target)
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
    queries.detach_author(db, author_id)
    for other in author_ids_of(db, customer_id):
        record_decision(db, author_id, other, "rejected", "unlinked by an agent", 1.0, agent)
    touch(db, customer_id)
    return customer_id


def rename(db: Database, customer_id: int, name: str) -> str:
    require_customer(db, customer_id)
    clean = clean_name(name)
    queries.rename_customer(db, customer_id, clean, now())
    return clean


def set_vip(db: Database, customer_id: int, vip: bool) -> None:
    require_customer(db, customer_id)
    queries.set_customer_vip(db, customer_id, 1 if vip else 0, now())


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
        if queries.add_customer_tag(db, customer_id, tag):
            added.append(tag)
    if added:
        touch(db, customer_id)
    return added


def remove_tags(db: Database, customer_id: int, names: Iterable[str]) -> list[str]:
    require_customer(db, customer_id)
    removed = []
    for tag in dict.fromkeys(clean_tag(n) for n in names):
        if queries.remove_customer_tag(db, customer_id, tag):
            removed.append(tag)
    if removed:
        touch(db, customer_id)
    return removed


def tags_of(db: Database, customer_id: int) -> tuple[str, ...]:
    return queries.tags_of(db, customer_id)


# --- link decisions ---------------------------------------------------------------------

def record_decision(db: Database, a: int, b: int, decision: str, reasons: str = "",
                    confidence: float = 0.0, agent: str = "") -> None:
    """Remember an answer about the pair (a, b); a later answer replaces an earlier one."""
    if decision not in ("accepted", "rejected"):
        raise ValueError(decision)
    low, high = sorted((a, b))
    if low == high:
        return
    queries.save_decision(db, low, high, decision, reasons[:2000], float(confidence), agent,
                          now())


def decision_for(db: Database, a: int, b: int) -> str | None:
    low, high = sorted((a, b))
    return queries.decision(db, low, high)


def rejected_with(db: Database, author_id: int) -> set[int]:
    """Every author an agent said is not the same person as `author_id`."""
    return queries.rejected_with(db, author_id)


# --- lists and search -------------------------------------------------------------------

def account_label(channel: str, handle: str) -> str:
    return f"{channel} @{handle.lstrip('@')}"


def summaries(db: Database, ids: Sequence[int]) -> list[CustomerSummary]:
    """Summaries of customers in the order of `ids` (missing ones left out)."""
    if not ids:
        return []
    accounts: dict[int, list[str]] = {i: [] for i in ids}
    for cid, channel, handle in queries.accounts_of_customers(db, ids):
        accounts[cid].append(account_label(channel, handle))
    tags: dict[int, list[str]] = {i: [] for i in ids}
    for cid, tag in queries.tags_of_customers(db, ids):
        tags[cid].append(tag)
    rows = queries.customers_by_id(db, ids)
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
    needle = _needle(query) if query.strip() else None
    return summaries(db, queries.customer_ids(db, needle, limit, offset))


def _needle(query: str) -> str:
    """A LIKE pattern for `query`: folded (case and accents), no leading @, anywhere."""
    return f"%{fold(query.strip()).lstrip('@')}%"


def search_lone_authors(db: Database, query: str, limit: int = 20) -> list[LoneAuthor]:
    """Authors with no customer whose handle or display name matches `query`."""
    if not query.strip():
        return []
    return [LoneAuthor(*row) for row in queries.lone_authors(db, _needle(query), limit)]
