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


# While a console has the database open, ``posventa.db.open`` lies beside it; a clean close
# (everything folded into the file) removes it. Found at open with no ``-wal`` beside the
# database, it means the log of a console that stopped without closing was deleted, and
# with it the latest committed changes.
OPEN_SUFFIX = ".open"


def open_marker(database: Path) -> Path:
    return database.with_name(database.name + OPEN_SUFFIX)


def log_lost(database: Path) -> bool:
    """Whether the database was left open (not closed cleanly) and its write-ahead log is
    gone: asked before SQLite opens the file (opening starts a new, empty log)."""
    return (database.exists() and open_marker(database).exists()
            and not Path(f"{database}-wal").exists())


def mark_open(database: Path) -> None:
    """Leave the marker (readable by the user only) while the database is open."""
    fd = os.open(open_marker(database), os.O_WRONLY | os.O_CREAT, 0o600)
    os.close(fd)


def mark_closed(database: Path) -> None:
    """Take the marker away: the file holds every committed change on its own."""
    with contextlib.suppress(FileNotFoundError):
        open_marker(database).unlink()
