"""Backups of the workspace database: make one, keep the newest few, put one back.

A backup is a whole, self-contained SQLite file made with SQLite's online backup API (so
a console that is running and writing is copied consistently, WAL included) and written
as ``<workspace>/backups/posventa-YYYYmmddTHHMMSSZ.db``, readable by the user only.

Nothing here ever leaves a half-written file where a database is expected: every file is
written beside its final name, flushed to disk, then renamed into place. A restore checks
the backup first and keeps the database it replaces as ``posventa.db.before-restore-<stamp>``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol

from console.app.folders import DB_NAME, private_dir
from console.errors import BackupError
from console.i18n import translate
from console.store import files
from console.store.migrations import LATEST
from console.store.timeutil import utcnow

BACKUP_DIR = "backups"
STAMP = "%Y%m%dT%H%M%SZ"
DAY = timedelta(hours=24)
_NAME = re.compile(r"^posventa-(\d{8}T\d{6}Z)(?:-(\d+))?\.db$")


class _HasDbPath(Protocol):
    db_path: Path


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: the file put in place and where the previous one was kept."""

    database: Path
    restored_from: Path
    kept_aside: Path | None


# --- paths ----------------------------------------------------------------------------------

def _database_of(source: Path | str | _HasDbPath) -> Path:
    """The database file of a workspace folder, a database path or an open Workspace."""
    if hasattr(source, "db_path"):
        return Path(source.db_path)
    path = Path(source).expanduser()
    return path / DB_NAME if path.is_dir() else path


def _team_database(database: Path) -> str:
    """The team database a workspace works in ("" for its own database file)."""
    from console.app.settings import Settings

    settings, _damage = Settings.read(database.parent / "settings.json")
    return settings.team_url


def default_backup_dir(source: Path | str | _HasDbPath) -> Path:
    """``<workspace>/backups`` for a workspace (or its database file)."""
    return _database_of(source).parent / BACKUP_DIR


def _stamp_of(path: Path) -> tuple[datetime, int] | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        moment = datetime.strptime(match.group(1), STAMP).replace(tzinfo=utcnow().tzinfo)
    except ValueError:
        return None
    return moment, int(match.group(2) or 0)


def backup_time(path: Path) -> datetime | None:
    """When a backup was taken, from its name (UTC), or None for another file."""
    stamp = _stamp_of(path)
    return stamp[0] if stamp else None


def list_backups(folder: Path | str) -> list[Path]:
    """The backups in ``folder``, newest first (by the time in their names)."""
    folder = Path(folder)
    try:
        entries = list(folder.iterdir())
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise BackupError(_os_message(exc, folder, "cannot read")) from None
    dated = [(stamp, path) for path in entries
             if path.is_file() and (stamp := _stamp_of(path)) is not None]
    dated.sort(key=lambda item: item[0], reverse=True)
    return [path for _, path in dated]


# --- errors ---------------------------------------------------------------------------------

def _os_message(exc: OSError, folder: Path, doing: str = "cannot write to") -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full; nothing was changed"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{doing} {folder}: the folder is read-only or not yours; nothing was changed"
    if exc.errno == errno.ENOTDIR:
        return f"{doing} {folder}: part of that path is a file, not a folder"
    return f"{doing} {folder}: {exc.strerror or exc}; nothing was changed"


def _sqlite_message(exc: sqlite3.Error, folder: Path) -> str:
    text = str(exc)
    if "disk is full" in text:
        return "the disk is full; nothing was changed"
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return (f"cannot write to {folder}: the folder is read-only or not yours; "
                "nothing was changed")
    return f"the database could not be copied ({text}); nothing was changed"


@contextlib.contextmanager
def _temp_beside(target: Path, prefix: str) -> Iterator[Path]:
    """A new empty file in ``target``'s folder, removed unless it was renamed away."""
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=prefix, suffix=".tmp")
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
    finally:
        for extra in (tmp, Path(f"{tmp}-journal"), Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            with contextlib.suppress(FileNotFoundError):
                extra.unlink()


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a folder
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# --- checking -------------------------------------------------------------------------------

def check_backup(path: Path) -> str | None:
    """None when ``path`` is a sound Posventa database this version can open, else why not."""
    try:
        found = files.inspect_file(path)
    except sqlite3.DatabaseError as exc:
        return str(exc)
    if found.integrity != ["ok"]:
        return "; ".join(found.integrity[:3]) or "no answer from the integrity check"
    if not found.has_mentions:
        return "it is not a Posventa database"
    version = found.schema_version
    if version > LATEST:
        return (f"it was written by a newer Posventa (schema {version}, this version "
                f"knows {LATEST})")
    return None


# --- backing up -----------------------------------------------------------------------------

def _free_name(folder: Path, now: datetime) -> Path:
    base = f"posventa-{now.strftime(STAMP)}"
    target = folder / f"{base}.db"
    counter = 1
    while target.exists():  # two backups in the same second keep both
        target = folder / f"{base}-{counter}.db"
        counter += 1
    return target


def backup_now(source: Path | str | _HasDbPath, dest_dir: Path | str | None = None) -> Path:
    """Copy the workspace database into ``dest_dir`` (default ``<workspace>/backups``).

    ``source`` is a workspace folder, its database file, or an open Workspace. Returns
    the new backup's path. Raises BackupError with a plain message when it cannot.
    """
    database = _database_of(source)
    folder = Path(dest_dir) if dest_dir is not None else default_backup_dir(database)
    team_url = _team_database(database)
    if team_url:
        raise BackupError(translate(
            "Backup", "this workspace works in the team database {url}, which is backed up "
                      "with PostgreSQL's own tools (pg_dump) on its server; for a local "
                      "copy, run: posventa team export FILE").format(url=team_url))
    if not database.is_file():
        raise BackupError(f"there is no workspace database at {database}")
    try:
        private_dir(folder)
        target = _free_name(folder, utcnow())
        with _temp_beside(target, ".posventa-backup-") as tmp:
            files.copy_whole(database, tmp)
            problem = check_backup(tmp)
            if problem is not None:
                raise BackupError(f"the workspace database could not be read whole "
                                  f"({problem}); no backup was written")
            os.chmod(tmp, 0o600)
            _fsync_file(tmp)
            os.replace(tmp, target)
        _fsync_dir(folder)
    except OSError as exc:
        raise BackupError(_os_message(exc, folder)) from None
    except sqlite3.DatabaseError as exc:
        raise BackupError(_sqlite_message(exc, folder)) from None
    return target


def prune(folder: Path | str, keep: int) -> list[Path]:
    """Delete all but the ``keep`` newest backups in ``folder``; returns the deleted ones."""
    if keep < 1:
        raise BackupError("keep at least one backup (--keep 1 or more)")
    removed = []
    for old in list_backups(folder)[keep:]:
        try:
            old.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise BackupError(_os_message(exc, Path(folder), "cannot delete old backups in")
                              ) from None
        removed.append(old)
    return removed


def daily_backup_if_due(workspace: Path | str | _HasDbPath, keep: int = 7,
                        now: datetime | None = None) -> Path | None:
    """Make a backup when the newest one is 24 hours old or more (or there is none),
    then keep the ``keep`` newest. Returns the new backup, or None when none was due."""
    folder = default_backup_dir(workspace)
    moment = now or utcnow()
    newest = list_backups(folder)[:1]
    if newest:
        stamp = _stamp_of(newest[0])
        if stamp is not None and moment - stamp[0] < DAY:
            return None
    made = backup_now(workspace, folder)
    prune(folder, keep)
    return made


# --- restoring ------------------------------------------------------------------------------

def _ensure_not_in_use(database: Path) -> None:
    """Refuse while another console has the database open (its writes would be lost)."""
    try:
        # Alone: fold the write-ahead log into the file so the file is whole.
        files.checkpoint_alone(database)
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise BackupError("the workspace is open in another Posventa; close it and try "
                              "again (nothing was changed)") from None
        # A damaged current database cannot be checkpointed; it is kept aside as it is.
    except sqlite3.DatabaseError:
        pass


def _keep_aside(database: Path, stamp: str) -> Path:
    aside = database.with_name(f"{database.name}.before-restore-{stamp}")
    counter = 1
    while aside.exists():
        aside = database.with_name(f"{database.name}.before-restore-{stamp}-{counter}")
        counter += 1
    try:
        os.link(database, aside)  # the current file stays in place until the swap
    except OSError:
        shutil.copy2(database, aside)
        _fsync_file(aside)
    for suffix in ("-wal", "-shm"):
        extra = Path(f"{database}{suffix}")
        if extra.exists():  # a log left by a damaged file belongs with it, not the new one
            extra.rename(Path(f"{aside}{suffix}"))
    files.mark_closed(database)  # the restored copy holds everything on its own: no log to lose
    return aside


def restore(backup_path: Path | str, workspace_path: Path | str) -> RestoreResult:
    """Put ``backup_path`` in place as the workspace's database.

    The backup is checked first (a damaged one is refused and nothing changes); the
    current database is kept as ``posventa.db.before-restore-<stamp>``; the copy is
    written beside the database, flushed, and renamed over it in one step. The console
    must not have the workspace open.
    """
    backup = Path(backup_path).expanduser()
    database = _database_of(workspace_path)
    folder = database.parent
    if not backup.is_file():
        raise BackupError(f"there is no backup file at {backup}")
    problem = check_backup(backup)
    if problem is not None:
        raise BackupError(f"{backup.name} is not a sound backup ({problem}); "
                          "nothing was changed")
    if not folder.is_dir():
        raise BackupError(f"there is no workspace folder at {folder}")
    if database.exists():
        _ensure_not_in_use(database)
    aside: Path | None = None
    try:
        with _temp_beside(database, ".posventa-restore-") as tmp:
            with open(backup, "rb") as src, open(tmp, "wb") as dst:
                shutil.copyfileobj(src, dst, 1024 * 1024)
                dst.flush()
                os.fsync(dst.fileno())
            copied = check_backup(tmp)
            if copied is not None:
                raise BackupError(f"the copy of {backup.name} came out damaged ({copied}); "
                                  "nothing was changed")
            os.chmod(tmp, 0o600)
            if database.exists():
                aside = _keep_aside(database, utcnow().strftime(STAMP))
            os.replace(tmp, database)
        _fsync_dir(folder)
    except OSError as exc:
        if aside is not None and exc.errno == errno.ENOSPC:
            raise BackupError("the disk is full; the current database was not replaced "
                              f"(a copy of it is also in {aside.name})") from None
        raise BackupError(_os_message(exc, folder)) from None
    return RestoreResult(database=database, restored_from=backup, kept_aside=aside)
