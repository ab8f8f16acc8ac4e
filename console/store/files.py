"""The workspace database as a file: reading one as it is, copying one whole, folding its
write-ahead log in, and the marker that tells a lost write-ahead log. The backup and
restore code (console/app/backup.py) words what these find for the agent; here is only
what SQLite is asked.

Every function raises ``sqlite3.Error`` as SQLite reports it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FileCheck:
    """What a database file says of itself, read without changing a byte."""

    integrity: list[str]  # ["ok"] when sound
    schema_version: int
    has_mentions: bool  # a Posventa workspace database has a mention table


def inspect_file(path: Path) -> FileCheck:
    """Reads `path` exactly as it is (``immutable=1``: even from a read-only folder)."""
    con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        rows = con.execute("PRAGMA integrity_check").fetchall()
        version = int(con.execute("PRAGMA user_version").fetchone()[0])
        has_mentions = con.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'mention'"
        ).fetchone()
    finally:
        con.close()
    return FileCheck([str(r[0]) for r in rows], version, has_mentions is not None)


def copy_whole(source: Path, target: Path) -> None:
    """Copies a database that may be open and written (SQLite's online backup, WAL
    included) into a self-contained file: no -wal sidecar to forget when moving it."""
    src = sqlite3.connect(str(source), timeout=5.0)
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def checkpoint_alone(database: Path) -> None:
    """Folds the write-ahead log into the file, only when no other connection has it open
    (else ``sqlite3.OperationalError``: locked or busy)."""
    con = sqlite3.connect(str(database), timeout=0.5, isolation_level=None)
    try:
        con.execute("PRAGMA locking_mode = EXCLUSIVE")
        con.execute("BEGIN EXCLUSIVE")
        con.execute("ROLLBACK")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()


# While a console has the database open, it leaves an entry in the folder
# ``posventa.db.open/`` beside it (one per console, so one console closing does not speak
# for another); a clean close (everything folded into the file) removes its own entry.
# Each entry names the database file it was opened with (device and inode). Found at open:
# - with no ``-wal`` beside the database, the log of a console that stopped without
#   closing was deleted, and with it the latest committed changes;
# - with a ``-wal`` but entries naming only another file, the database was replaced (copied
#   over) while that log stayed: SQLite would apply a log written for another file.
OPEN_SUFFIX = ".open"


def open_marker(database: Path) -> Path:
    return database.with_name(database.name + OPEN_SUFFIX)


def _identity(database: Path) -> str:
    found = database.stat()
    return f"{found.st_dev}:{found.st_ino}"


def _entries(database: Path) -> list[Path]:
    folder = open_marker(database)
    if folder.is_file():
        return [folder]  # one marker file, as the first version of this check left it
    if not folder.is_dir():
        return []
    return [entry for entry in folder.iterdir() if entry.is_file()]


def log_lost(database: Path) -> bool:
    """Whether the database was left open (not closed cleanly) and its write-ahead log is
    gone: asked before SQLite opens the file (opening starts a new, empty log)."""
    return (database.exists() and bool(_entries(database))
            and not Path(f"{database}-wal").exists())


def log_of_another_file(database: Path) -> bool:
    """Whether the write-ahead log beside the database was left by a console that had
    another file open under this name (the database was replaced while the log stayed):
    asked before SQLite opens the file, which would apply the log to it."""
    log = Path(f"{database}-wal")
    if not database.exists() or not log.exists() or log.stat().st_size == 0:
        return False
    entries = _entries(database)
    if not entries:
        return False  # nothing says which file the log belongs to
    current = _identity(database)
    named = set()
    for entry in entries:
        with contextlib.suppress(OSError):
            named.add(entry.read_text(encoding="ascii").strip())
    named.discard("")
    return bool(named) and current not in named


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, owned by someone else
    return True


def forget_stopped(database: Path) -> None:
    """Drop the entries of consoles no longer running, once what they left was looked at
    (their log, if any, is now in the file SQLite opened): they speak for nothing more."""
    for entry in _entries(database):
        pid = entry.name.split("-", 1)[0]
        if entry == open_marker(database) or not pid.isdigit() or not _alive(int(pid)):
            with contextlib.suppress(FileNotFoundError, IsADirectoryError):
                entry.unlink()


def mark_open(database: Path) -> Path:
    """Leave this console's entry (readable by the user only) while the database is open;
    returns it, for :func:`mark_closed`."""
    folder = open_marker(database)
    if folder.is_file():
        folder.unlink()
    folder.mkdir(mode=0o700, exist_ok=True)
    entry = folder / f"{os.getpid()}-{os.urandom(4).hex()}"
    fd = os.open(entry, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, _identity(database).encode("ascii"))
    finally:
        os.close(fd)
    return entry


def mark_closed(database: Path, entry: Path | None = None) -> None:
    """Take this console's entry away (the file holds every change it committed), or,
    with no entry, every entry (the file was replaced by one that needs no log)."""
    for found in ([entry] if entry is not None else _entries(database)):
        with contextlib.suppress(FileNotFoundError, IsADirectoryError):
            found.unlink()
    with contextlib.suppress(OSError):  # not empty: another console still has it open
        open_marker(database).rmdir()
