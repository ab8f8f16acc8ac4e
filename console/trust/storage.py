"""Disk trouble in plain words: a full disk, a read-only folder, a busy database.

SQLite and the OS report these as error codes and terse strings ("database or disk is
full", ``[Errno 30] Read-only file system``). Here they become one sentence for the agent
that also says what happened to the data: every writer in Posventa writes whole
transactions or whole files (temp file, then rename), so the answer is "nothing was
saved" or "nothing was written", never half of it.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

_FULL = ("database or disk is full", "disk is full")
_READ_ONLY = ("readonly database", "read-only", "readonly")
_BUSY = ("database is locked", "database table is locked", "database is busy")


def sqlite_problem(exc: BaseException) -> str | None:
    """A sentence for a storage failure reported by SQLite, or None for another error."""
    if not isinstance(exc, sqlite3.Error) and type(exc).__module__ != "peewee":
        return None
    text = str(exc).lower()
    if any(words in text for words in _FULL):
        return ("the disk holding the workspace is full; nothing from this change was saved "
                "and the data already there is intact (free some space and try again)")
    if any(words in text for words in _READ_ONLY):
        return ("the workspace folder is read-only; nothing from this change was saved "
                "(make the folder writable again, or open another workspace)")
    if any(words in text for words in _BUSY):
        return ("the workspace is busy in another Posventa on this computer; nothing from "
                "this change was saved (try again in a moment)")
    if "disk i/o error" in text:
        return ("the disk reported an error while writing the workspace; nothing from this "
                "change was saved")
    return None


def os_problem(exc: OSError, doing: str, target: Path | str) -> str:
    """A sentence for an OSError met while ``doing`` (e.g. "write the export to") ``target``."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"cannot {doing} {target}: the disk is full"
    if exc.errno == errno.EROFS:
        return f"cannot {doing} {target}: the disk or folder is read-only"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"cannot {doing} {target}: permission denied (the folder is not yours?)"
    if exc.errno == errno.ENOTDIR:
        return f"cannot {doing} {target}: part of that path is a file, not a folder"
    if exc.errno == errno.ENOENT:
        return f"cannot {doing} {target}: the folder does not exist"
    return f"cannot {doing} {target}: {exc.strerror or exc}"
