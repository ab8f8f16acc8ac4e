"""The change log: what every console wrote, so the other consoles on the database can show it.

Each writer that changes something another agent sees (mentions stored, a case claimed,
assigned or moved, a reply's state, a note, a tag) appends one row per changed row to
``change_log`` in the SAME transaction as the change, so a change and its log entry commit
or vanish together. Other consoles read the log after the last id they saw (SQLite: they
poll ``max(id)``; PostgreSQL: the writer's transaction also sends ``NOTIFY`` on
:data:`NOTIFY_CHANNEL`, delivered at commit, and a slow poll catches a missed one).
The log is pruned to about a day: a console away longer reloads anyway.

Both dialects are here: SQL placeholders follow the database's ``param`` (``?`` for
SQLite, ``%s`` for psycopg), and the PostgreSQL schema and notification are separate
constants the PostgreSQL migrations reference.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from console.store.dialect import is_postgres
from console.store.timeutil import to_db, utcnow

# What changed (the ``kind`` column); ``row_id`` is that row's id.
MENTION_ADDED = "mention+"  # a mention stored for the first time
MENTION = "mention"  # a stored mention changed (a new source, its status)
CASE = "case"  # claimed, assigned, state, priority, a note or a tag of a case
REPLY = "reply"  # an outbox entry changed state (queued, sending, sent, failed, removed)
CUSTOMER = "customer"  # a customer's tag
NOTE = "note"  # a note on a customer or on a lone author, written, edited or deleted
KINDS = (MENTION_ADDED, MENTION, CASE, REPLY, CUSTOMER, NOTE)

KEEP_FOR = timedelta(days=1)
NOTIFY_CHANNEL = "posventa_changes"
_ROWS_PER_INSERT = 200

# Schema v6 on SQLite (appended to console/store/migrations.py).
SQLITE_SCHEMA = [
    """CREATE TABLE "change_log" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" VARCHAR(16) NOT NULL, "row_id" INTEGER NOT NULL, "at" DATETIME NOT NULL,
    "console" VARCHAR(64) NOT NULL)""",
    'CREATE INDEX "change_log_at" ON "change_log" ("at")',
]

# The same table on PostgreSQL (for the PostgreSQL migrations of the same number).
POSTGRES_SCHEMA = [
    """CREATE TABLE "change_log" ("id" BIGSERIAL PRIMARY KEY, "kind" VARCHAR(16) NOT NULL,
    "row_id" BIGINT NOT NULL, "at" TIMESTAMP NOT NULL, "console" VARCHAR(64) NOT NULL)""",
    'CREATE INDEX "change_log_at" ON "change_log" ("at")',
]


def _new_console_id() -> str:
    host = socket.gethostname()[:32] or "console"
    return f"{host}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


# Which console this process is: its watcher skips its own entries (its engine already
# reported them, and its window changed them itself).
_console = _new_console_id()


def console_id() -> str:
    return _console


def set_console_id(value: str) -> None:
    """Name this process's console (tests; a child process after fork keeps its parent's)."""
    global _console
    _console = value[:64]


@dataclass(frozen=True)
class Change:
    """One entry of the log."""

    id: int
    kind: str
    row_id: int
    console: str


def _param(db: Any) -> str:
    """The database's own placeholder (the team database takes ``?`` and translates it)."""
    real = getattr(db, "obj", None) or db
    return "%s" if getattr(real, "param", "?") == "%s" else "?"


# The rows recorded inside ``collected``: (its database, rows per kind).
_collecting: ContextVar[tuple[Any, dict[str, set[int]]] | None] = ContextVar(
    "change_log_collecting", default=None)


@contextmanager
def collected(db: Any) -> Iterator[None]:
    """Gather what ``record`` is told inside the block and log it at the end, one statement
    per kind (ingest opens a case per complaint: one statement a page, not one a case).
    Use inside the writer's transaction; nothing is logged when the block fails."""
    if _collecting.get() is not None:
        yield  # an outer block logs them
        return
    pending: dict[str, set[int]] = {}
    token = _collecting.set((db, pending))
    try:
        yield
    finally:
        _collecting.reset(token)
    for kind, ids in pending.items():
        record(db, kind, ids)


def record(db: Any, kind: str, row_ids: Iterable[int]) -> None:
    """Log that these rows changed (call inside the writer's transaction). On PostgreSQL the
    same transaction notifies the listeners; the notification is delivered at commit."""
    collecting = _collecting.get()
    if collecting is not None and collecting[0] is db:
        collecting[1].setdefault(kind, set()).update(int(i) for i in row_ids if i is not None)
        return
    ids = sorted({int(i) for i in row_ids if i is not None})
    if not ids:
        return
    p = _param(db)
    at = to_db(utcnow())
    # One statement a page, not one a row (ingest records a page's mentions at once);
    # chunks stay well under SQLite's limit of bound parameters.
    for start in range(0, len(ids), _ROWS_PER_INSERT):
        chunk = ids[start:start + _ROWS_PER_INSERT]
        values = ", ".join([f"({p}, {p}, {p}, {p})"] * len(chunk))
        params = [value for row_id in chunk for value in (kind, row_id, at, _console)]
        db.execute_sql('INSERT INTO "change_log" ("kind", "row_id", "at", "console") '
                       f"VALUES {values}", params)
    if is_postgres(db):
        db.execute_sql(f"SELECT pg_notify({p}, {p})", (NOTIFY_CHANNEL, kind))


def latest_id(db: Any) -> int:
    """The newest entry's id (0 for an empty log)."""
    row = db.execute_sql('SELECT max("id") FROM "change_log"').fetchone()
    return int(row[0] or 0) if row else 0


SINCE_SQL = ('SELECT "id", "kind", "row_id", "console" FROM "change_log" WHERE "id" > {p} '
             'ORDER BY "id" LIMIT {p}')


def since(db: Any, after_id: int, limit: int = 2000) -> list[Change]:
    """Entries after ``after_id``, oldest first."""
    rows = db.execute_sql(SINCE_SQL.format(p=_param(db)), (after_id, limit)).fetchall()
    return [Change(int(r[0]), str(r[1]), int(r[2]), str(r[3])) for r in rows]


# The watchers read the log on connections of their own (DB-API: sqlite3 or psycopg 3,
# both with ``execute``), not through the store's peewee database.

def read_latest(conn: Any) -> int:
    """The newest entry's id, read on a watcher's own connection."""
    row = conn.execute('SELECT max("id") FROM "change_log"').fetchone()
    return int(row[0] or 0) if row else 0


def read_since(conn: Any, after_id: int, limit: int, param: str) -> list[Change]:
    """Entries after ``after_id`` on a watcher's own connection (``param``: "?" or "%s")."""
    rows = conn.execute(SINCE_SQL.format(p=param), (after_id, limit)).fetchall()
    return [Change(int(r[0]), str(r[1]), int(r[2]), str(r[3])) for r in rows]


def listen(conn: Any) -> None:
    """Subscribe a PostgreSQL connection (autocommit) to the writers' notifications."""
    conn.execute(f'LISTEN "{NOTIFY_CHANNEL}"')


def prune(db: Any, now: datetime | None = None, keep: timedelta = KEEP_FOR) -> int:
    """Drop entries older than ``keep`` (call inside a write transaction); how many."""
    cutoff = to_db((now or utcnow()) - keep)
    cursor = db.execute_sql(f'DELETE FROM "change_log" WHERE "at" < {_param(db)}', (cutoff,))
    return int(cursor.rowcount or 0)
