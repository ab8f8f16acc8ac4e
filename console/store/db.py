"""Opening the workspace database: SQLite in WAL mode with foreign keys, one writer lock."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from peewee import Database, DatabaseProxy, OperationalError, SqliteDatabase

from console.errors import StoreError
from console.store.timeutil import to_db, utcnow
from console.trust.storage import sqlite_problem

# Every model binds to this proxy; `open_database` points it at a real database.
database_proxy = DatabaseProxy()

PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": "normal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "cache_size": -32000,  # 32 MB page cache
}


class StoreCorrupt(StoreError):
    """The database file is damaged (SQLite: "malformed", "not a database"): the store
    writes nothing more to it, and the command or the engine that met it stops."""


# What SQLite says of a damaged file (SQLITE_CORRUPT, SQLITE_NOTADB).
_DAMAGE = ("malformed", "not a database", "database corruption")


def damage_sentence(problem: str) -> str:
    """The one sentence the agent reads when the database is found damaged."""
    return (f"the workspace database is damaged ({problem}); nothing more is written to it: "
            "put a backup back with posventa restore (posventa backup --list shows them)")


def _damage_in(exc: BaseException) -> str | None:
    text = str(exc)
    return text if any(word in text.lower() for word in _DAMAGE) else None


class _GuardedCursor:
    """A SQLite cursor whose damage errors become :class:`StoreCorrupt` (reads fetch rows
    lazily, after peewee's own error wrapping, so the cursor itself must say it)."""

    __slots__ = ("_cursor", "_store")

    def __init__(self, cursor: sqlite3.Cursor, store: Store) -> None:
        self._cursor = cursor
        self._store = store

    def _guarded(self, call: Any, *args: Any) -> Any:
        try:
            return call(*args)
        except sqlite3.DatabaseError as exc:
            problem = _damage_in(exc)
            if problem is None:
                raise
            raise self._store.mark_damaged(problem) from exc

    def execute(self, sql: str, params: Any = ()) -> _GuardedCursor:
        self._guarded(self._cursor.execute, sql, params)
        return self

    def executemany(self, sql: str, params: Any) -> _GuardedCursor:
        self._guarded(self._cursor.executemany, sql, params)
        return self

    def fetchone(self) -> Any:
        return self._guarded(self._cursor.fetchone)

    def fetchmany(self, size: int = 1) -> list[Any]:
        return list(self._guarded(self._cursor.fetchmany, size))

    def fetchall(self) -> list[Any]:
        return list(self._guarded(self._cursor.fetchall))

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchone, None)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cursor, name)


class _StoreDatabase(SqliteDatabase):
    """peewee's SQLite database with cursors that report a damaged file."""

    def __init__(self, store: Store, path: str, **kwargs: Any) -> None:
        super().__init__(path, **kwargs)
        self._store = store

    def cursor(self, named_cursor: Any = None, **options: Any) -> Any:
        return _GuardedCursor(super().cursor(named_cursor, **options), self._store)


class Store:
    """The workspace database: connections per thread, and one lock for all writes.

    Reads may happen on any thread (peewee keeps one connection per thread); writes
    go through :meth:`write`, so a batch and its cursor commit together and two writer
    threads never interleave.
    """

    def __init__(self, path: Path | str) -> None:
        self.path: Path | str = Path(path) if str(path) != ":memory:" else path
        # SQLite here; the team database's PostgreSQL in console/store/postgres.py.
        self.db: Database = _StoreDatabase(self, str(path), pragmas=PRAGMAS,
                                                 check_same_thread=False)
        self._write_lock = threading.RLock()
        self.damaged = ""  # what SQLite said when the file was found damaged

    def mark_damaged(self, problem: str) -> StoreCorrupt:
        """Remember that the file is damaged (every later write is refused); the error
        to raise."""
        if not self.damaged:
            self.damaged = problem
        return StoreCorrupt(damage_sentence(self.damaged))

    @contextmanager
    def write(self) -> Iterator[None]:
        """A write transaction, serialised with every other writer of this process.

        Another process's writers wait up to ``busy_timeout``. A full disk, a read-only
        folder or a database still busy after that roll the transaction back and raise
        :class:`StoreError` with a sentence for the agent.
        """
        if self.damaged:  # never write more into a damaged file
            raise StoreCorrupt(damage_sentence(self.damaged))
        try:
            with self._write_lock, self.db.atomic("IMMEDIATE"):
                yield
        except (sqlite3.OperationalError, OperationalError) as exc:
            problem = _storage_problem(exc)
            if problem is None:
                raise
            raise StoreError(problem) from exc

    def checkpoint(self) -> bool:
        """Fold the write-ahead log into the file; True when all of it went in (another
        connection reading may keep part of it back)."""
        if self.damaged:
            return False
        try:
            row = self.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except (sqlite3.Error, OperationalError, StoreError):
            return False
        return row is not None and int(row[0]) == 0 and int(row[1]) == int(row[2])

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()


def _storage_problem(exc: BaseException) -> str | None:
    """The storage failure behind ``exc``: after SQLITE_FULL, SQLite may roll back on its
    own, and the rollback peewee then tries fails too, hiding the first error."""
    seen: BaseException | None = exc
    for _ in range(6):
        if seen is None:
            return None
        problem = sqlite_problem(seen)
        if problem is not None:
            return problem
        seen = seen.__cause__ or seen.__context__
    return None


def check_integrity(path: Path, thorough: bool = True) -> str | None:
    """Return None when the file is a sound SQLite database, else what is wrong.

    The thorough check reads every page (about a second per 800 MB), so opening a
    workspace does the quick structural one and the engine runs the thorough one in the
    background.
    """
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if thorough:
                row = con.execute("PRAGMA quick_check").fetchone()
            else:
                # Reading the header, the schema and the newest rows catches a damaged
                # file header or first pages, the usual results of a bad copy.
                con.execute("SELECT name, sql FROM sqlite_master").fetchall()
                for table in ("mention", "author", "account"):
                    if con.execute("SELECT 1 FROM sqlite_master WHERE name = ?",
                                   (table,)).fetchone():
                        con.execute(f'SELECT * FROM "{table}" ORDER BY rowid DESC LIMIT 50'
                                    ).fetchall()
                row = ("ok",)
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    if row is None or row[0] != "ok":
        return str(row[0]) if row else "no answer from integrity check"
    return None


# The workspace's id (the keyring's namespace for its secrets) is kept in the database, in
# the key/value ``team_setting`` table, where a damaged settings file cannot lose it. It
# is no team setting (``console/cases/team_settings.py`` neither lists nor checks it).
WORKSPACE_ID_KEY = "workspace_id"


def kept_workspace_id(db: Database) -> str | None:
    """The workspace id the database holds, or None (a database from before it did)."""
    row = db.execute_sql('SELECT "value" FROM "team_setting" WHERE "key" = ?',
                         (WORKSPACE_ID_KEY,)).fetchone()
    if row is None:
        return None
    try:
        value = json.loads(row[0])
    except ValueError:
        return None
    return value if isinstance(value, str) and value else None


def keep_workspace_id(db: Database, workspace_id: str) -> str:
    """Store the workspace id unless the database already has one; returns the one kept
    (call inside a write transaction)."""
    db.execute_sql('INSERT INTO "team_setting" ("key", "value", "updated_at") VALUES (?, ?, ?) '
                   'ON CONFLICT ("key") DO NOTHING',
                   (WORKSPACE_ID_KEY, json.dumps(workspace_id), to_db(utcnow())))
    return kept_workspace_id(db) or workspace_id
