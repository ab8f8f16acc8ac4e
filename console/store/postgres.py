"""The team database: PostgreSQL through psycopg 3, behind the same Store interface.

The queries of the feature packages are written once, in SQLite's dialect with ``?``
parameters. This module carries them to PostgreSQL at the cursor: placeholders become
``%s``, ``INSERT OR IGNORE`` becomes ``ON CONFLICT DO NOTHING``, ``LIKE`` keeps SQLite's
case-blindness as ``ILIKE``, an insert into a table with an ``id`` returns it (SQLite's
``lastrowid``), and booleans travel as 0/1 like the columns that hold them. What cannot be
carried word for word (full-text search, ``people_fold``) is either defined as a SQL
function by the PostgreSQL migrations or chosen per dialect in ``console/store/dialect.py``.
"""

from __future__ import annotations

import os
import re
import socket
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from peewee import InterfaceError, OperationalError, PostgresqlDatabase

from console.errors import StoreError
from console.store import migrations_pg
from console.store.db import Store, StoreCorrupt

# Tables without an "id" column: an insert into them has no id to return.
_NO_ID = frozenset({"mention_source", "mention_fts", "team_setting", "schema_version",
                    "console_presence"})
_INSERT = re.compile(r'^\s*INSERT\s+(OR\s+IGNORE\s+)?INTO\s+"?([A-Za-z_][\w.]*)"?',
                     re.IGNORECASE)
_RETURNING = re.compile(r"\bRETURNING\b", re.IGNORECASE)
_LIKE = re.compile(r"(?<![\w])LIKE(?![\w])")


def _outside_quotes(sql: str, has_params: bool) -> str:
    """``?`` -> ``%s`` and ``%`` -> ``%%`` (psycopg's syntax), leaving quoted text's ``?``
    alone; ``LIKE`` -> ``ILIKE`` (SQLite's LIKE ignores the case of ASCII letters)."""
    out: list[str] = []
    quote = ""
    word: list[str] = []  # the bare text since the last quote, for the LIKE rewrite

    def flush() -> None:
        if word:
            out.append(_LIKE.sub("ILIKE", "".join(word)))
            word.clear()

    for ch in sql:
        if quote:
            out.append("%%" if ch == "%" and has_params else ch)
            if ch == quote:
                quote = ""
            continue
        if ch in ("'", '"'):
            flush()
            quote = ch
            out.append(ch)
        elif ch == "?":
            word.append("%s")
        elif ch == "%" and has_params:
            word.append("%%")
        else:
            word.append(ch)
    flush()
    return "".join(out)


def translate(sql: str, has_params: bool) -> tuple[str, bool]:
    """SQLite-dialect SQL as PostgreSQL runs it; the flag says whether ``RETURNING "id"``
    was added (so the cursor can offer ``lastrowid``)."""
    if "%s" in sql and "?" not in sql:  # peewee's own introspection, already psycopg's
        return sql, False
    text = _outside_quotes(sql, has_params)
    insert = _INSERT.match(text)
    returning = False
    if insert is not None:
        if insert.group(1):
            text = _INSERT.sub(lambda m: f'INSERT INTO "{m.group(2)}"'
                               if '"' in m.group(0) else f"INSERT INTO {m.group(2)}", text, 1)
            text = text.rstrip().rstrip(";") + " ON CONFLICT DO NOTHING"
        table = insert.group(2).split(".")[-1]
        if table not in _NO_ID and not _RETURNING.search(text):
            text = text.rstrip().rstrip(";") + ' RETURNING "id"'
            returning = True
    return text, returning


def _params(params: Any) -> Any:
    if not params:
        return None
    if isinstance(params, dict):
        return params
    return [int(p) if isinstance(p, bool) else p for p in params]


class _TeamCursor:
    """A psycopg cursor that speaks the queries' SQLite dialect (see the module doc)."""

    __slots__ = ("_cursor", "_held", "lastrowid")

    def __init__(self, cursor: Any) -> None:
        self._cursor = cursor
        self.lastrowid: int | None = None
        self._held: list[Any] | None = None

    def execute(self, sql: str, params: Any = None) -> _TeamCursor:
        values = _params(params)
        text, returning = translate(sql, values is not None)
        try:
            self._cursor.execute(text, values)
        except _psycopg_operational() as exc:
            # A lost server or connection: one sentence wherever it surfaces.
            where = f"postgresql://{self._cursor.connection.info.host}"
            raise StoreError(fault_sentence(exc, where)) from exc
        self._held = None
        if returning:
            row = self._cursor.fetchone()
            self.lastrowid = int(row[0]) if row else None
            self._held = []
        return self

    def executemany(self, sql: str, seq: Sequence[Any]) -> _TeamCursor:
        text, _ = translate(sql, True)
        if text.endswith(' RETURNING "id"'):
            text = text[: -len(' RETURNING "id"')]
        self._cursor.executemany(text, [_params(p) for p in seq])
        return self

    def fetchone(self) -> Any:
        if self._held is not None:
            return None
        return self._cursor.fetchone()

    def fetchall(self) -> list[Any]:
        if self._held is not None:
            return []
        return list(self._cursor.fetchall())

    def fetchmany(self, size: int = 1) -> list[Any]:
        if self._held is not None:
            return []
        return list(self._cursor.fetchmany(size))

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchone, None)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cursor, name)


def _numeric_loader() -> Any:
    """PostgreSQL's sum() of integers is numeric: give it back as SQLite does (an int when
    whole, else a float), never as Decimal."""
    from psycopg.adapt import Loader

    class NumericLoader(Loader):
        def load(self, data: Any) -> Any:
            text = bytes(data).decode()
            if "." in text or "e" in text.lower() or "n" in text.lower():
                return float(text)
            return int(text)

    return NumericLoader


class TeamDatabase(PostgresqlDatabase):
    """peewee's PostgreSQL database with ``?`` parameters and the translating cursor."""

    param = "?"

    def _connect(self) -> Any:
        conn = super()._connect()  # type: ignore[misc]
        conn.adapters.register_loader("numeric", _numeric_loader())
        return conn

    def cursor(self, named_cursor: Any = None) -> Any:
        # A connection the server dropped (restart, network cut) is replaced on the next
        # statement outside a transaction: the console reconnects by itself.
        if (not self.is_closed() and not self.in_transaction()
                and not self.is_connection_usable()):
            self.drop_connection()
        return _TeamCursor(super().cursor(named_cursor))

    def drop_connection(self) -> None:
        """Forget this thread's connection (closing it if it still can be)."""
        try:
            self.close()
        except Exception:  # the connection is gone either way
            self._state.reset()  # type: ignore[attr-defined]


def split_url(url: str) -> tuple[str, str | None]:
    """The team database's address without a password, and the password it held (or None).

    Accepts ``postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME[?sslmode=...&sslrootcert=...]``;
    raises ValueError with a sentence for anything else."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("postgresql", "postgres"):
        raise ValueError(f"{_shown(url)} is not a PostgreSQL address; write it like "
                         "postgresql://USER@HOST:5432/DBNAME")
    if not parts.hostname or not parts.path.strip("/") or not parts.username:
        raise ValueError(f"{_shown(url)} needs a user, a host and a database name, like "
                         "postgresql://USER@HOST:5432/DBNAME")
    try:
        port = parts.port
    except ValueError:
        raise ValueError(f"{_shown(url)} has a port that is not a number") from None
    for key, _value in parse_qsl(parts.query):
        if key not in ("sslmode", "sslrootcert", "connect_timeout", "application_name"):
            raise ValueError(f"{key} is not a setting Posventa passes to the team database "
                             "(sslmode, sslrootcert and connect_timeout are)")
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    netloc = f"{parts.username}@{host}" + (f":{port}" if port else "")
    clean = f"postgresql://{netloc}{parts.path}" + (f"?{parts.query}" if parts.query else "")
    password = unquote(parts.password) if parts.password is not None else None
    return clean, password


def _shown(url: str) -> str:
    """An address as it may be shown: never with its password."""
    parts = urlsplit(url.strip())
    if parts.password is None:
        return url.strip()
    return url.strip().replace(f":{parts.password}@", ":***@", 1)


# TCP keepalives of the engine's own connections (pull leases, LISTEN): seconds idle before
# the first probe, seconds between probes, probes lost before the peer counts as gone.
KEEPALIVE = (10, 5, 3)


def connect_params(url: str, password: str | None) -> dict[str, Any]:
    """psycopg's connection keywords for a clean address (see :func:`split_url`)."""
    parts = urlsplit(url)
    params: dict[str, Any] = {
        "host": parts.hostname, "port": parts.port or 5432,
        "user": unquote(parts.username or ""), "dbname": unquote(parts.path.lstrip("/")),
        # Every console names itself, so `posventa team status` can count them.
        "connect_timeout": 5,
        "application_name": f"posventa/{socket.gethostname()}/{os.getpid()}"[:63],
        # Times are naive UTC in the database, as on SQLite.
        "options": "-c timezone=UTC",
        # No server-side prepared statements: a generic plan cannot see the search words
        # and chose a trigram bitmap scan over every match (15 ms became 280 ms at 100k).
        "prepare_threshold": None,
    }
    for key, value in parse_qsl(parts.query):
        params[key] = int(value) if key == "connect_timeout" else value
    if password:
        params["password"] = password
    return params


def _psycopg_operational() -> type[Exception]:
    import psycopg

    return psycopg.OperationalError


def fault_sentence(exc: BaseException, url: str) -> str:
    """One sentence for why the team database could not be used (never the password)."""
    if isinstance(exc, StoreError):  # already worded
        return str(exc)
    text = str(exc).lower()
    where = urlsplit(url).hostname or url
    if "password authentication failed" in text or "no password supplied" in text:
        return (f"the team database at {where} refused the password; connect again with "
                "posventa team connect URL --password-stdin")
    if "does not exist" in text and "database" in text:
        return f"the team database {urlsplit(url).path.lstrip('/')} does not exist on {where}"
    if "ssl" in text and ("certificate" in text or "sslmode" in text or "ssl" in text[:40]):
        return f"the secure connection to the team database at {where} failed ({_first_line(exc)})"
    if ("connection refused" in text or "could not translate host" in text
            or "timeout" in text or "no route" in text or "connection failed" in text
            or "server closed the connection" in text or "terminating connection" in text
            or "consuming input failed" in text or "connection is closed" in text
            or "the connection is lost" in text):
        return (f"the team database at {where} cannot be reached; check the network and "
                "that the server runs (Posventa tries again by itself)")
    if "extension" in text and ("permission denied" in text or "must be" in text
                                or "not available" in text):
        return (f"the team database at {where} needs the unaccent and pg_trgm extensions and "
                "this user may not create them; ask its administrator to run CREATE "
                "EXTENSION unaccent; CREATE EXTENSION pg_trgm; in that database")
    if "lock timeout" in text:
        return (f"another console kept the team database at {where} busy for too long; "
                "nothing was written, try again")
    if "permission denied" in text:
        return f"the team database at {where} refused this user: {_first_line(exc)}"
    return f"the team database at {where} answered with an error: {_first_line(exc)}"


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


# The team's writer lock (two-int advisory key: it never meets a one-bigint key).
WRITER_LOCK = (0x506F7376, 1)


class TeamStore(Store):
    """The team's PostgreSQL database with the interface of :class:`console.store.db.Store`:
    reads on any thread (a connection per thread), writes through :meth:`write`, one
    transaction each, so a failure leaves nothing half written."""

    is_team = True
    backend = "postgresql"  # what the engine's team watch and pull leases go by

    def __init__(self, url: str, password: str | None) -> None:
        # Store.__init__ would open a SQLite file: this one sets the same attributes.
        self.url = url
        self._password = password
        self.path: Path | str = url  # what messages name as the database
        params = connect_params(url, password)
        self.db: TeamDatabase = TeamDatabase(params.pop("dbname"), prefer_psycopg3=True, **params)
        self._write_lock = threading.RLock()
        self.damaged = ""  # never set: PostgreSQL looks after its own files

    def mark_damaged(self, problem: str) -> StoreCorrupt:
        return StoreCorrupt(problem)

    def connect_direct(self) -> Any:
        """A new psycopg connection of this console's own, outside peewee's pool: the
        engine LISTENs for other consoles' changes and holds its pull leases on these
        (a lease lives as long as its connection)."""
        import psycopg

        params = connect_params(self.url, self._password)
        # A console whose machine vanishes (power cut, cable pulled) never closes its
        # socket: without keepalives the server would hold its pull leases for the
        # kernel's two hours. Probed after 10 s idle, it is dropped within about 25 s.
        params["options"] = (f"{params['options']} -c tcp_keepalives_idle={KEEPALIVE[0]} "
                             f"-c tcp_keepalives_interval={KEEPALIVE[1]} "
                             f"-c tcp_keepalives_count={KEEPALIVE[2]}")
        return psycopg.connect(**params, keepalives=1, keepalives_idle=KEEPALIVE[0],
                               keepalives_interval=KEEPALIVE[1], keepalives_count=KEEPALIVE[2])

    @contextmanager
    def write(self) -> Iterator[None]:
        """A write transaction; a lost server rolls it back and raises :class:`StoreError`
        with one sentence."""
        try:
            with self._write_lock, self.db.atomic():
                # One writer at a time across the team, as SQLite's BEGIN IMMEDIATE has it
                # across processes: the features read, then write (look up an author, then
                # insert it), and two consoles storing the same post at once would
                # otherwise collide on its unique key. Released at commit or rollback,
                # and by the server if the console dies.
                self.db.execute_sql("SET LOCAL lock_timeout = '15s'")
                self.db.execute_sql("SELECT pg_advisory_xact_lock(?, ?)", WRITER_LOCK)
                yield
        except (OperationalError, InterfaceError) as exc:
            self._reset_if_broken()
            raise StoreError(fault_sentence(exc, self.url)) from exc

    def _reset_if_broken(self) -> None:
        """After a dropped connection, the next query opens a new one."""
        if not self.db.is_closed() and not self.db.is_connection_usable():
            self.db.drop_connection()

    def checkpoint(self) -> bool:
        return True  # nothing to fold: the server keeps its own log

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()


def open_team_store(url: str, password: str | None) -> tuple[TeamStore, int, int]:
    """The team database, connected and at the current schema, with its schema version
    before and after; :class:`StoreError` with one sentence when it cannot be used
    (unreachable, refused, a newer schema), nothing left open."""
    store = TeamStore(url, password)
    try:
        store.db.connect(reuse_if_open=True)
        before, after = migrations_pg.migrate(store.db)
    except migrations_pg.SchemaTooNew as exc:
        store.close()
        raise StoreError(str(exc)) from None
    except (OperationalError, InterfaceError, StoreError) as exc:
        store.close()
        raise StoreError(fault_sentence(exc, url)) from None
    return store, before, after
