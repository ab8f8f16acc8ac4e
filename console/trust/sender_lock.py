"""One sender at a time: two consoles on one workspace never send the outbox together.

Consoles on the same workspace share the database (WAL mode, a busy timeout, writes in
short transactions), so pulling and reading cooperate safely. Sending is different: a
reply found in "sending" is taken to be left over from a crash and sent again, which is
only true when no other console is in the middle of sending it. So each outbox pass holds
an OS file lock on ``<workspace>/outbox.lock``; a console that finds it held skips the
pass (the holder sends every due reply, whoever queued it). The OS drops the lock when a
process dies, so a crashed sender never blocks the others. ``try_lock``/``unlock`` are the
OS lock itself, shared with the pull leases and the workspace-presence marks.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

LOCK_NAME = "outbox.lock"

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def try_lock(handle: IO[bytes]) -> bool:
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def unlock(handle: IO[bytes]) -> None:
        with contextlib.suppress(OSError):
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def try_lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class SenderLock:
    """The right to send a workspace's outbox, held for one pass at a time.

    ``path`` is the lock file (None: no other console can exist, e.g. an in-memory
    database; the lock is then always granted). Safe to use from several threads.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._threads = threading.Lock()

    @classmethod
    def for_database(cls, database: Path | str) -> SenderLock:
        if not isinstance(database, Path):
            return cls(None)
        return cls(database.parent / LOCK_NAME)

    @contextlib.contextmanager
    def hold(self, wait: float = 0.0) -> Iterator[bool]:
        """Yields True while this console holds the lock, False when another console
        kept it for ``wait`` seconds (the caller then skips its pass)."""
        free = (self._threads.acquire(timeout=wait) if wait > 0
                else self._threads.acquire(blocking=False))
        if not free:
            yield False
            return
        try:
            if self.path is None:
                yield True
                return
            handle = self._open()
            if handle is None:  # the folder cannot hold a lock file: do not send blind
                yield False
                return
            try:
                deadline = time.monotonic() + wait
                got = try_lock(handle)
                while not got and time.monotonic() < deadline:
                    time.sleep(0.05)
                    got = try_lock(handle)
                try:
                    yield got
                finally:
                    if got:
                        unlock(handle)
            finally:
                handle.close()
        finally:
            self._threads.release()

    def _open(self) -> IO[bytes] | None:
        assert self.path is not None
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            return None
        return os.fdopen(fd, "r+b")
