"""Other consoles' changes, heard by this one: the change log turned into engine events.

Every writer appends to the change log in its own transaction (console/store/changes.py).
A watcher thread reads the entries after the last one it saw, leaves out this console's
own (its engine already reported them), and raises the very events the window reacts to
for its own engine's writes: ``MentionsAdded`` (the feed inserts rows, no reset),
``MentionsChanged`` (rows, the case panel and the thread refresh), ``OutboxChanged`` (the
outbox bar) and ``PeopleChanged``.

Where the entries come from is a :class:`ChangeSource`:

- :class:`SqliteChanges` polls the workspace file every half second on a connection of its
  own (one indexed ``max`` read when nothing happened);
- :class:`PostgresChanges` LISTENs on a dedicated connection, woken by the NOTIFY the
  writer's transaction sends at commit, and reads the log every few seconds anyway, so a
  notification missed while that connection was down is still caught.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from console.cases import queries as case_queries
from console.replies import outbox
from console.store import changes
from console.store.changes import Change
from console.store.db import Store
from console.sync.events import (
    Event,
    MentionsAdded,
    MentionsChanged,
    OutboxChanged,
    PeopleChanged,
)

log = logging.getLogger(__name__)

SQLITE_POLL = 0.5  # seconds between reads of the workspace file
POSTGRES_POLL = 3.0  # seconds between reads when no notification came
GAP_WAIT = 5.0  # seconds an id below newer ones may stay uncommitted (PostgreSQL sequences)
BATCH = 2000
PRUNE_EVERY = 600.0  # seconds between prunings of the log


class ChangeSource(Protocol):
    """Where a console reads the change log (the seam between backends)."""

    backend: str

    def latest(self) -> int:
        """The newest entry's id now."""
        ...

    def since(self, after_id: int, limit: int = BATCH) -> list[Change]:
        """Entries after ``after_id``, oldest first."""
        ...

    def wait(self, seconds: float, stop: threading.Event) -> None:
        """Return after ``seconds``, earlier when a change was announced or ``stop`` set."""
        ...

    def close(self) -> None: ...


class SqliteChanges:
    """The change log of a SQLite workspace, polled on a connection of its own (the
    watcher's thread is its only user)."""

    backend = "sqlite"

    def __init__(self, path: Path, poll: float = SQLITE_POLL) -> None:
        self.path = path
        self.poll = poll
        self._con: sqlite3.Connection | None = None

    def _db(self) -> sqlite3.Connection:
        if self._con is None:
            self._con = sqlite3.connect(str(self.path), timeout=5.0, check_same_thread=False,
                                        isolation_level=None)
        return self._con

    def latest(self) -> int:
        return changes.read_latest(self._db())

    def since(self, after_id: int, limit: int = BATCH) -> list[Change]:
        return changes.read_since(self._db(), after_id, limit, "?")

    def wait(self, seconds: float, stop: threading.Event) -> None:
        stop.wait(min(seconds, self.poll))

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None


class PostgresChanges:
    """The change log of a team database: LISTEN on a dedicated connection, plus a poll.

    ``connect`` opens a new psycopg 3 connection to the team database. After the connection
    drops, the next call opens another (LISTEN again) and reads from the last id seen, so
    nothing committed meanwhile is lost.
    """

    backend = "postgresql"

    def __init__(self, connect: Callable[[], Any], poll: float = POSTGRES_POLL) -> None:
        self._connect = connect
        self.poll = poll
        self._conn: Any = None
        self.reconnects = 0  # how often the listening connection was opened again
        self._dropped = False

    def _connection(self) -> Any:
        if self._conn is None or self._conn.closed:
            if self._dropped:
                self.reconnects += 1
                self._dropped = False
            conn = self._connect()
            conn.autocommit = True
            changes.listen(conn)
            self._conn = conn
        return self._conn

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # a broken connection may fail to close: it is gone anyway
                log.debug("closing the listening connection failed", exc_info=True)
        self._dropped = True

    def _read(self, read: Callable[[Any], Any]) -> Any:
        try:
            return read(self._connection())
        except Exception:
            self._drop()
            raise

    def session_pid(self) -> int | None:
        """The server process of the listening connection (diagnostics and tests)."""
        conn = self._conn
        return int(conn.info.backend_pid) if conn is not None and not conn.closed else None

    def latest(self) -> int:
        return int(self._read(changes.read_latest))

    def since(self, after_id: int, limit: int = BATCH) -> list[Change]:
        result: list[Change] = self._read(
            lambda conn: changes.read_since(conn, after_id, limit, "%s"))
        return result

    def wait(self, seconds: float, stop: threading.Event) -> None:
        timeout = min(seconds, self.poll)
        if stop.is_set():
            return
        try:
            conn = self._connection()
            for _ in conn.notifies(timeout=timeout, stop_after=1):
                break
        except Exception as exc:  # the connection dropped: the next read reconnects
            log.info("team change listener: %s", exc)
            self._drop()
            stop.wait(min(timeout, 1.0))

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:
                log.debug("closing the listening connection failed", exc_info=True)


class LogCursor:
    """How far the log was read. An id may commit after a higher one (PostgreSQL hands out
    sequence numbers before commit), so reading goes on from the lowest id not yet seen,
    skipping the ones seen; a hole left longer than :data:`GAP_WAIT` (a rolled back
    transaction) is given up."""

    def __init__(self, start: int, gap_wait: float = GAP_WAIT) -> None:
        self.floor = start
        self.gap_wait = gap_wait
        self._seen: set[int] = set()
        self._gap_since: float | None = None

    def take(self, entries: list[Change], now: float | None = None) -> list[Change]:
        """The entries not taken before; moves the cursor."""
        now = time.monotonic() if now is None else now
        fresh = [c for c in entries if c.id > self.floor and c.id not in self._seen]
        self._seen.update(c.id for c in fresh)
        self._collapse()
        if not self._seen:
            self._gap_since = None
        elif self._gap_since is None:
            self._gap_since = now
        elif now - self._gap_since >= self.gap_wait:
            self.floor = min(self._seen) - 1
            self._collapse()
            self._gap_since = now if self._seen else None
        return fresh

    def _collapse(self) -> None:
        while self.floor + 1 in self._seen:
            self.floor += 1
            self._seen.discard(self.floor)


class Resolver(Protocol):
    """What the watcher reads to turn log entries into events."""

    def mentions_of_cases(self, case_ids: list[int]) -> list[int]: ...

    def reply_changed(self, reply_id: int) -> OutboxChanged: ...

    def prune(self) -> None: ...


class StoreResolver:
    """The :class:`Resolver` reading the console's own store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def mentions_of_cases(self, case_ids: list[int]) -> list[int]:
        """The mentions of these cases (another console claimed, assigned or moved them)."""
        return [m for case_id in case_ids
                for m in case_queries.case_mentions(self.store.db, case_id)]

    def reply_changed(self, reply_id: int) -> OutboxChanged:
        """The outbox event for a reply another console queued, sent or removed."""
        reply = outbox.get_reply(reply_id)
        if reply is None:
            return OutboxChanged(outbox.counts(), reply_id)
        return OutboxChanged(outbox.counts(), reply.id, reply.mention_id, reply.state,
                             reply.error)

    def prune(self) -> None:
        """Drop entries older than a day."""
        with self.store.write():
            changes.prune(self.store.db)


def events_for(entries: list[Change], resolver: Resolver) -> list[Event]:
    """The engine events other consoles' entries call for, in the order a window takes
    them: rows added, rows changed, the outbox, people."""
    def ids(*kinds: str) -> list[int]:
        return sorted({c.row_id for c in entries if c.kind in kinds})

    events: list[Event] = []
    added = ids(changes.MENTION_ADDED)
    if added:
        events.append(MentionsAdded(tuple(added)))
    changed = set(ids(changes.MENTION)) - set(added)
    case_ids = ids(changes.CASE)
    if case_ids:
        changed.update(resolver.mentions_of_cases(case_ids))
    outbox = [resolver.reply_changed(reply_id) for reply_id in ids(changes.REPLY)]
    changed.update(e.mention_id for e in outbox if e.state == "sent" and e.mention_id)
    if changed:
        events.append(MentionsChanged(tuple(sorted(changed))))
    events.extend(outbox)
    customers, notes = ids(changes.CUSTOMER), ids(changes.NOTE)
    if customers or notes:
        events.append(PeopleChanged(tuple(customers), tuple(notes)))
    return events


class TeamWatch:
    """The thread that hears other consoles: reads the log after the last entry seen,
    from the moment it starts, and emits the events (see :func:`events_for`)."""

    def __init__(self, source: ChangeSource, resolver: Resolver,
                 emit: Callable[[Event], None], own: str | None = None) -> None:
        self.source = source
        self.own = own or changes.console_id()  # entries this console wrote are skipped
        self.resolver = resolver
        self.emit = emit
        self.cursor: LogCursor | None = None
        self.last_error = ""
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._pruned = time.monotonic()

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="posventa-team-watch",
                                        daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self.source.close()
        self.cursor = None  # started again, it reads from the newest entry then

    def pump(self) -> list[Event]:
        """Read what is new once and emit it (the thread's step; tests call it too)."""
        if self.cursor is None:
            self.cursor = LogCursor(self.source.latest())
            return []
        fresh = self.cursor.take(self.source.since(self.cursor.floor))
        theirs = [c for c in fresh if c.console != self.own]
        events = events_for(theirs, self.resolver) if theirs else []
        for event in events:
            self.emit(event)
        return events

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.pump()
                self.last_error = ""
                if time.monotonic() - self._pruned > PRUNE_EVERY:
                    self._pruned = time.monotonic()
                    self.resolver.prune()
            except Exception as exc:  # busy file, team database away: try again soon
                if str(exc) != self.last_error:
                    log.warning("reading other consoles' changes failed: %s", exc)
                self.last_error = str(exc)
                self._stop.wait(1.0)
                continue
            self.source.wait(POSTGRES_POLL, self._stop)


def parts_for(store: Any) -> tuple[ChangeSource | None, Any]:
    """The change source and pull lease a store's backend calls for.

    The seam with the team store: a store whose ``backend`` is ``"postgresql"`` offers
    ``connect_direct()``, a new psycopg 3 connection to the team database (with the
    password from the keyring); this console then LISTENs and holds advisory locks on
    two connections of its own. Otherwise it is the workspace's SQLite file (an in-memory
    database has no other console: no watcher, every lease granted).
    """
    from console.sync.pull_lease import AdvisoryLease, FileLease

    if getattr(store, "backend", "sqlite") == "postgresql":
        connect = store.connect_direct
        return PostgresChanges(connect), AdvisoryLease(connect)
    path = store.path
    source = SqliteChanges(path) if isinstance(path, Path) else None
    return source, FileLease.for_database(path)
