"""Reading cases back: what the panel, the CLI and the feed queues show.

Every function takes the database explicitly, so two consoles (two Store objects) on one
workspace each read through their own connection; the statements are in
:mod:`console.cases.queries`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from peewee import Database

from console.cases import queries
from console.store.timeutil import from_db

STATUSES = ("new", "open", "waiting", "resolved", "closed")
ACTIVE = ("new", "open", "waiting")


@dataclass(frozen=True)
class CaseInfo:
    """One case as the agent sees it (times are aware UTC)."""

    id: int
    status: str
    assignee: str | None
    priority: int
    channel: str
    thread_root: str | None
    author_id: int | None
    subject: str
    claimed_by: str | None
    claimed_at: datetime | None
    created_at: datetime
    updated_at: datetime
    first_response_at: datetime | None
    first_response_due: datetime | None
    resolved_at: datetime | None
    resolution_due: datetime | None
    closed_at: datetime | None
    waiting_since: datetime | None
    author_handle: str = ""
    tags: tuple[str, ...] = ()
    mention_ids: tuple[int, ...] = ()

    @property
    def active(self) -> bool:
        return self.status in ACTIVE


@dataclass(frozen=True)
class CaseEventInfo:
    """One line of a case's history."""

    id: int
    case_id: int
    at: datetime
    agent: str
    kind: str
    old: str
    new: str


@dataclass(frozen=True)
class NoteInfo:
    """An internal note on a case: never sent to the customer."""

    id: int
    case_id: int
    body: str
    agent: str
    created_at: datetime


def _aware(value: Any) -> datetime:
    moment = from_db(value)
    assert moment is not None
    return moment


def case_from_row(row: tuple, tags: tuple[str, ...] = (),
                  mention_ids: tuple[int, ...] = ()) -> CaseInfo:
    return CaseInfo(
        id=row[0], status=row[1], assignee=row[2] or None, priority=row[3], channel=row[4],
        thread_root=row[5], author_id=row[6], subject=row[7], claimed_by=row[8] or None,
        claimed_at=from_db(row[9]), created_at=_aware(row[10]), updated_at=_aware(row[11]),
        first_response_at=from_db(row[12]), first_response_due=from_db(row[13]),
        resolved_at=from_db(row[14]), resolution_due=from_db(row[15]),
        closed_at=from_db(row[16]), waiting_since=from_db(row[17]), author_handle=row[18],
        tags=tags, mention_ids=mention_ids,
    )


def case_tags(db: Database, case_id: int) -> tuple[str, ...]:
    return queries.case_tags(db, case_id)


def case_mentions(db: Database, case_id: int) -> tuple[int, ...]:
    return queries.case_mentions(db, case_id)


def get_case(db: Database, case_id: int) -> CaseInfo | None:
    row = queries.case_row(db, case_id)
    if row is None:
        return None
    return case_from_row(row, case_tags(db, case_id), case_mentions(db, case_id))


def case_of_mention(db: Database, mention_id: int) -> int | None:
    return queries.case_of_mention(db, mention_id)


def thread_case(db: Database, channel: str, root: str | None,
                in_reply_to: str | None = None, server: str = "") -> int | None:
    """The case a post in this thread (on ``server``) belongs to: the newest case holding
    any post of the thread, or the case of a brand reply the post answers."""
    if root:
        case_id = queries.newest_thread_case(db, channel, root, server)
        if case_id is not None:
            return case_id
    if in_reply_to:
        # An answer to the brand's own reply: the brand's posts are kept in the outbox.
        return queries.case_of_brand_reply(db, in_reply_to, channel, server)
    return None


def thread_cases(db: Database, keys: list[tuple[str, str, str]]
                 ) -> dict[tuple[str, str, str], int]:
    """The newest case of each thread (channel, server, root) that has one, read for a
    page of posts at once (:func:`thread_case` without the brand-reply lookup)."""
    places: dict[tuple[str, str], list[str]] = {}
    for channel, server, root in dict.fromkeys(keys):
        places.setdefault((channel, server), []).append(root)
    found: dict[tuple[str, str, str], int] = {}
    for (channel, server), roots in places.items():
        for start in range(0, len(roots), 200):
            for root, case_id in queries.newest_thread_cases(
                    db, channel, server, roots[start:start + 200]).items():
                found[(channel, server, root)] = case_id
    return found


def history(db: Database, case_id: int, after_id: int = 0, limit: int = 200
            ) -> list[CaseEventInfo]:
    """A case's history, oldest first, `limit` rows after the event `after_id`."""
    rows = queries.event_rows(db, case_id, after_id, limit)
    return [CaseEventInfo(r[0], r[1], _aware(r[2]), r[3], r[4], r[5], r[6]) for r in rows]


def notes(db: Database, case_id: int, after_id: int = 0, limit: int = 200) -> list[NoteInfo]:
    rows = queries.note_rows(db, case_id, after_id, limit)
    return [NoteInfo(r[0], r[1], r[2], r[3], _aware(r[4])) for r in rows]


def list_cases(db: Database, queue: str = "all", statuses: tuple[str, ...] = (),
               agent: str = "", breach_by: datetime | None = None,
               limit: int = 100) -> list[CaseInfo]:
    """Cases of a queue, the most urgent first (earliest running due time, then newest)."""
    rows = queries.queue_rows(db, queue, statuses, agent, breach_by, limit)
    return [case_from_row(r, case_tags(db, r[0])) for r in rows]


def agents(db: Database) -> list[str]:
    """Agent names seen anywhere in the workspace (assignees, claims, history, replies)."""
    return sorted({str(name) for name in queries.agent_names(db) if name}, key=str.casefold)


def attach_candidates(db: Database, mention_id: int, limit: int = 50) -> list[CaseInfo]:
    """Open cases of the same customer (the author, or authors linked to the same customer)
    a mention could be attached to, newest first."""
    rows = queries.attach_candidate_rows(db, mention_id, limit)
    return [case_from_row(r, case_tags(db, r[0])) for r in rows]


def mentions_sharing_cases(db: Database, mention_ids: list[int]) -> list[int]:
    """Other mentions in the cases of these mentions (their rows show the case's state)."""
    if not mention_ids:
        return []
    return queries.mentions_sharing_cases(db, mention_ids)
