"""Reading cases back: what the panel, the CLI and the feed queues show.

Every function takes the database explicitly, so two consoles (two Store objects) on one
workspace each read through their own connection.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from peewee import Database

from console.feed.queries import case_queue_sql
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


CASE_COLUMNS = ('c.id, c.status, c.assignee, c.priority, c.channel, c.thread_root, '
                'c.author_id, c.subject, c.claimed_by, c.claimed_at, c.created_at, '
                'c.updated_at, c.first_response_at, c.first_response_due, c.resolved_at, '
                'c.resolution_due, c.closed_at, c.waiting_since, coalesce(a.handle, \'\')')
_FROM = 'FROM "case" c LEFT JOIN author a ON a.id = c.author_id'


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
    rows = db.execute_sql("SELECT t.name FROM case_tag ct JOIN tag t ON t.id = ct.tag_id "
                          "WHERE ct.case_id = ? ORDER BY t.name", (case_id,)).fetchall()
    return tuple(r[0] for r in rows)


def case_mentions(db: Database, case_id: int) -> tuple[int, ...]:
    rows = db.execute_sql("SELECT id FROM mention WHERE case_id = ? ORDER BY created_at, id",
                          (case_id,)).fetchall()
    return tuple(int(r[0]) for r in rows)


def get_case(db: Database, case_id: int) -> CaseInfo | None:
    row = db.execute_sql(f"SELECT {CASE_COLUMNS} {_FROM} WHERE c.id = ?", (case_id,)).fetchone()
    if row is None:
        return None
    return case_from_row(row, case_tags(db, case_id), case_mentions(db, case_id))


def case_of_mention(db: Database, mention_id: int) -> int | None:
    row = db.execute_sql("SELECT case_id FROM mention WHERE id = ?", (mention_id,)).fetchone()
    return int(row[0]) if row and row[0] is not None else None


def thread_case(db: Database, channel: str, root: str | None,
                in_reply_to: str | None = None) -> int | None:
    """The case a post in this thread belongs to: the newest case holding any post of the
    thread, or the case of a brand reply the post answers."""
    if root:
        row = db.execute_sql(
            "SELECT max(case_id) FROM (SELECT case_id FROM mention WHERE channel = ? AND "
            "thread_root = ? AND case_id IS NOT NULL UNION ALL SELECT case_id FROM mention "
            "WHERE channel = ? AND remote_id = ? AND case_id IS NOT NULL UNION ALL "
            'SELECT id FROM "case" WHERE channel = ? AND thread_root = ?)',
            (channel, root, channel, root, channel, root)).fetchone()
        if row and row[0] is not None:
            return int(row[0])
    if in_reply_to:
        # An answer to the brand's own reply: the brand's posts are kept in the outbox.
        row = db.execute_sql(
            "SELECT m.case_id FROM reply r JOIN mention m ON m.id = r.mention_id "
            "WHERE r.remote_id = ? AND m.channel = ? AND m.case_id IS NOT NULL "
            "ORDER BY r.id DESC LIMIT 1", (in_reply_to, channel)).fetchone()
        if row is not None:
            return int(row[0])
    return None


def history(db: Database, case_id: int, after_id: int = 0, limit: int = 200
            ) -> list[CaseEventInfo]:
    """A case's history, oldest first, `limit` rows after the event `after_id`."""
    rows = db.execute_sql(
        "SELECT id, case_id, at, agent, kind, old, new FROM case_event WHERE case_id = ? "
        "AND id > ? ORDER BY id LIMIT ?", (case_id, after_id, limit)).fetchall()
    return [CaseEventInfo(r[0], r[1], _aware(r[2]), r[3], r[4], r[5], r[6]) for r in rows]


def notes(db: Database, case_id: int, after_id: int = 0, limit: int = 200) -> list[NoteInfo]:
    rows = db.execute_sql(
        "SELECT id, case_id, body, agent, created_at FROM note WHERE case_id = ? AND id > ? "
        "ORDER BY id LIMIT ?", (case_id, after_id, limit)).fetchall()
    return [NoteInfo(r[0], r[1], r[2], r[3], _aware(r[4])) for r in rows]


def list_cases(db: Database, queue: str = "all", statuses: tuple[str, ...] = (),
               agent: str = "", breach_by: datetime | None = None,
               limit: int = 100) -> list[CaseInfo]:
    """Cases of a queue, the most urgent first (earliest running due time, then newest)."""
    condition, params = case_queue_sql(queue, agent, breach_by, alias="c")
    clauses = [condition]
    if statuses:
        clauses.append(f"c.status IN ({','.join('?' * len(statuses))})")
        params.extend(statuses)
    sql = (f"SELECT {CASE_COLUMNS} {_FROM} WHERE {' AND '.join(clauses)} ORDER BY "
           "CASE WHEN c.status IN ('new', 'open', 'waiting') THEN 0 ELSE 1 END, "
           "coalesce(CASE WHEN c.first_response_at IS NULL THEN c.first_response_due END, "
           "c.resolution_due, '9999'), c.id DESC LIMIT ?")
    rows = db.execute_sql(sql, [*params, limit]).fetchall()
    return [case_from_row(r, case_tags(db, r[0])) for r in rows]


def agents(db: Database) -> list[str]:
    """Agent names seen anywhere in the workspace (assignees, claims, history, replies)."""
    rows = db.execute_sql(
        'SELECT assignee FROM "case" WHERE assignee IS NOT NULL UNION '
        'SELECT claimed_by FROM "case" WHERE claimed_by IS NOT NULL UNION '
        "SELECT agent FROM case_event UNION SELECT agent FROM note UNION "
        "SELECT agent FROM reply").fetchall()
    return sorted({str(r[0]) for r in rows if r[0]}, key=str.casefold)


def attach_candidates(db: Database, mention_id: int, limit: int = 50) -> list[CaseInfo]:
    """Open cases of the same customer (the author, or authors linked to the same customer)
    a mention could be attached to, newest first."""
    rows = db.execute_sql(
        f"SELECT {CASE_COLUMNS} {_FROM} WHERE c.status IN ('new', 'open', 'waiting') AND "
        "c.author_id IN (SELECT o.id FROM mention m JOIN author me ON me.id = m.author_id "
        "JOIN author o ON o.id = me.id OR (me.customer_id IS NOT NULL AND "
        "o.customer_id = me.customer_id) WHERE m.id = ?) AND c.id IS NOT "
        "(SELECT case_id FROM mention WHERE id = ?) ORDER BY c.id DESC LIMIT ?",
        (mention_id, mention_id, limit)).fetchall()
    return [case_from_row(r, case_tags(db, r[0])) for r in rows]


def mentions_sharing_cases(db: Database, mention_ids: list[int]) -> list[int]:
    """Other mentions in the cases of these mentions (their rows show the case's state)."""
    if not mention_ids:
        return []
    marks = ",".join("?" * len(mention_ids))
    rows = db.execute_sql(
        f"SELECT id FROM mention WHERE case_id IN (SELECT case_id FROM mention WHERE id IN "
        f"({marks}) AND case_id IS NOT NULL) AND id NOT IN ({marks})",
        (*mention_ids, *mention_ids)).fetchall()
    return [int(r[0]) for r in rows]
