"""PostgreSQL advisory locks, held by a session: released by the server when it ends.

Used on a dedicated psycopg 3 connection (autocommit) of one console. A lock is named by
two 32-bit keys: the kind of lock and the row it guards. Advisory locks belong to one
database, so two teams on one server never contend.
"""

from __future__ import annotations

from typing import Any

# The first key of every pull lease ("PVST"); the second is the account's id.
PULL_LEASE = 0x50565354


def try_lock(conn: Any, kind: int, key: int) -> bool:
    """Take the lock if it is free (or already this session's); never waits."""
    row = conn.execute("SELECT pg_try_advisory_lock(%s, %s)", (kind, key)).fetchone()
    return bool(row and row[0])


def unlock(conn: Any, kind: int, key: int) -> None:
    conn.execute("SELECT pg_advisory_unlock(%s, %s)", (kind, key))


def ping(conn: Any) -> None:
    """One round trip: raises when the session is gone (and its locks with it)."""
    conn.execute("SELECT 1").fetchone()


def holder(conn: Any, kind: int, key: int) -> int | None:
    """The server process holding a lock, or None (diagnostics and tests)."""
    row = conn.execute("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND "
                       "classid = %s AND objid = %s AND granted", (kind, key)).fetchone()
    return int(row[0]) if row else None
