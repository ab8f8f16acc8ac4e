"""Who pulls an account: of the consoles holding its token, one at a time.

Five consoles on one database must not poll a network five times (and burn its rate
limit). Before pulling or streaming an account, a console takes that account's lease; a
console that cannot get it leaves the account to the holder, shows "pulled by another
console" and asks again every few seconds, so when the holder stops or dies, another
console takes over.

Two kinds, one protocol (:class:`PullLease`):

- :class:`FileLease`, SQLite: an OS file lock per account on ``pull-<id>.lock`` beside the
  database, the same approach as the outbox's (console/trust/sender_lock.py). The OS drops
  the lock when a process dies, even by ``kill -9``.
- :class:`AdvisoryLease`, PostgreSQL: ``pg_try_advisory_lock`` held by a dedicated
  connection of this console; the server drops it when that connection ends (the console
  died, or the network between them did). Advisory locks belong to one database, so two
  teams on one server never contend.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, Protocol

from console.store import advisory
from console.trust.sender_lock import try_lock, unlock

log = logging.getLogger(__name__)


class PullLease(Protocol):
    """The right to pull accounts, one lease per account (thread-safe)."""

    backend: str

    def try_hold(self, account_id: int) -> bool:
        """True when this console holds the account's lease (taking it if it was free)."""
        ...

    def holds(self, account_id: int) -> bool:
        """Whether this console holds it, as last known (no round trip)."""
        ...

    def verify(self) -> set[int]:
        """The accounts still held after checking the lease's connection (a lost one drops
        them all)."""
        ...

    def release(self, account_id: int) -> None: ...

    def close(self) -> None:
        """Release every lease."""
        ...


class FileLease:
    """Pull leases as OS file locks beside a SQLite database (``folder`` None: nobody else
    can open the database, e.g. in memory; every lease is granted)."""

    backend = "sqlite"

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._held: dict[int, IO[bytes] | None] = {}
        self._lock = threading.Lock()

    @classmethod
    def for_database(cls, database: Path | str) -> FileLease:
        return cls(database.parent if isinstance(database, Path) else None)

    def path_for(self, account_id: int) -> Path | None:
        return self.folder / f"pull-{account_id}.lock" if self.folder is not None else None

    def try_hold(self, account_id: int) -> bool:
        with self._lock:
            if account_id in self._held:
                return True
            path = self.path_for(account_id)
            if path is None:
                self._held[account_id] = None
                return True
            try:
                handle = os.fdopen(os.open(path, os.O_RDWR | os.O_CREAT, 0o600), "r+b")
            except OSError as exc:  # a folder that takes no lock file: pull, as before
                log.warning("no pull lock file for account %s: %s", account_id, exc)
                self._held[account_id] = None
                return True
            if not try_lock(handle):
                handle.close()
                return False
            self._held[account_id] = handle
            return True

    def holds(self, account_id: int) -> bool:
        with self._lock:
            return account_id in self._held

    def verify(self) -> set[int]:
        with self._lock:
            return set(self._held)

    def release(self, account_id: int) -> None:
        with self._lock:
            handle = self._held.pop(account_id, None)
        if handle is not None:
            unlock(handle)
            handle.close()

    def close(self) -> None:
        for account_id in self.verify():
            self.release(account_id)


Connect = Callable[[], Any]  # a new psycopg 3 connection to the team database


class AdvisoryLease:
    """Pull leases as PostgreSQL advisory locks on one dedicated connection.

    ``connect`` opens a new psycopg 3 connection to the team database (the store's seam:
    see console/sync/team_watch.py ``parts_for``). The connection is opened when first
    needed and again after it drops (its leases are then gone, and taken again only if
    still free).
    """

    backend = "postgresql"

    def __init__(self, connect: Connect) -> None:
        self._connect = connect
        self._conn: Any = None
        self._held: set[int] = set()
        self._lock = threading.Lock()

    def _connection(self) -> Any:
        if self._conn is None or self._conn.closed:
            self._held.clear()
            self._conn = self._connect()
            self._conn.autocommit = True
        return self._conn

    def _drop(self) -> None:
        self._held.clear()
        if self._conn is not None:
            try:
                self._conn.close()
            except Exception:  # already broken: nothing to close cleanly
                log.debug("closing a broken lease connection failed", exc_info=True)
        self._conn = None

    def _alive(self) -> bool:
        try:
            advisory.ping(self._connection())
        except Exception as exc:  # psycopg.Error, or the server gone
            log.info("the pull lease connection was lost: %s", exc)
            self._drop()
            return False
        return True

    def try_hold(self, account_id: int) -> bool:
        with self._lock:
            if account_id in self._held and self._alive() and account_id in self._held:
                return True
            try:
                taken = advisory.try_lock(self._connection(), advisory.PULL_LEASE, account_id)
            except Exception as exc:
                log.info("pull lease of account %s not taken: %s", account_id, exc)
                self._drop()
                return False
            if taken:
                self._held.add(account_id)
                return True
            return False

    def holds(self, account_id: int) -> bool:
        with self._lock:
            return account_id in self._held

    def verify(self) -> set[int]:
        with self._lock:
            if self._held:
                self._alive()
            return set(self._held)

    def release(self, account_id: int) -> None:
        with self._lock:
            if account_id not in self._held:
                return
            self._held.discard(account_id)
            try:
                advisory.unlock(self._connection(), advisory.PULL_LEASE, account_id)
            except Exception:  # the connection is gone, and the lock with it
                self._drop()

    def close(self) -> None:
        with self._lock:
            # Let go on the server before hanging up: a closed connection frees its locks
            # only once the server has noticed, and a console taking over at once would
            # still find them held.
            if self._conn is not None and not self._conn.closed:
                for account_id in sorted(self._held):
                    try:
                        advisory.unlock(self._conn, advisory.PULL_LEASE, account_id)
                    except Exception:  # the connection is gone, and the locks with it
                        break
            self._drop()
