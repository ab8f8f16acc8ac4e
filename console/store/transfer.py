"""Copying every table between the workspace's SQLite database and the team database.

``posventa team migrate`` copies a workspace into an empty team database (ids kept, the
id sequences moved past them); ``posventa team export`` copies the team database into a
new SQLite file. The destination is written in one transaction: a failure leaves it as
it was. The tables and their columns are read from the SQLite side, in creation order,
so a row's foreign keys point at rows already copied.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from peewee import Database

# One callback per batch: (table, rows copied so far, rows in the table).
Progress = Callable[[str, int, int], None]
BATCH = 1000
SEARCH_TABLE = "mention_fts"  # SQLite's FTS5 table; a plain table on PostgreSQL
# Tables on the team database whose rows are nobody's data.
_SKIPPED = ("schema_version", "console_presence")
# Where data lives: a team database with a row in any of these is not empty.
DATA_TABLES = ("account", "author", "customer", "mention", "case", "rule", "canned_reply",
               "feedback")


def sqlite_tables(db: Database) -> list[tuple[str, list[str]]]:
    """(table, columns) of a SQLite database's own tables, in creation order; the search
    table as (rowid, text, author)."""
    names = [r[0] for r in db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'mention_fts%' ORDER BY rowid").fetchall()]
    tables = [(name, [r[1] for r in db.execute_sql(f'PRAGMA table_info("{name}")')])
              for name in names if name not in _SKIPPED]
    tables.append((SEARCH_TABLE, ["rowid", "text", "author"]))
    return tables


def holds_data(db: Database) -> bool:
    """Whether a database has rows in any table that holds a team's work."""
    return any(db.execute_sql(f'SELECT 1 FROM "{t}" LIMIT 1').fetchone() is not None
               for t in DATA_TABLES)


def _rows(db: Database, table: str, columns: list[str]) -> Iterator[list[tuple[Any, ...]]]:
    listed = ", ".join(c if c == "rowid" else f'"{c}"' for c in columns)
    order = "rowid" if table == SEARCH_TABLE else ('"id"' if "id" in columns else "1")
    cursor = db.execute_sql(f'SELECT {listed} FROM "{table}" ORDER BY {order}')
    while True:
        batch = cursor.fetchmany(BATCH)
        if not batch:
            return
        yield [tuple(row) for row in batch]


def copy_tables(source: Database, target: Database, tables: list[tuple[str, list[str]]],
                progress: Progress | None = None) -> int:
    """Copy these tables' rows from ``source`` into ``target`` (inside the caller's
    transaction on ``target``); the number of rows copied."""
    copied = 0
    for table, columns in tables:
        total = int(source.execute_sql(f'SELECT count(*) FROM "{table}"').fetchone()[0])
        done = 0
        if progress is not None:
            progress(table, 0, total)
        listed = ", ".join(c if c == "rowid" else f'"{c}"' for c in columns)
        marks = ", ".join("?" * len(columns))
        insert = f'INSERT INTO "{table}" ({listed}) VALUES ({marks})'
        for batch in _rows(source, table, columns):
            target.cursor().executemany(insert, batch)
            done += len(batch)
            if progress is not None:
                progress(table, done, total)
        copied += done
    return copied


def move_sequences_past_ids(db: Database, tables: list[tuple[str, list[str]]]) -> None:
    """PostgreSQL: each identity column's next value after the ids copied in."""
    for table, columns in tables:
        if "id" not in columns:
            continue
        db.execute_sql(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
            f'coalesce((SELECT max("id") FROM "{table}"), 0) + 1, false)')


def team_setting(db: Database, key: str) -> str | None:
    row = db.execute_sql('SELECT "value" FROM "team_setting" WHERE "key" = ?',
                         (key,)).fetchone()
    return str(row[0]) if row else None


def set_team_setting(db: Database, key: str, value: str, now: Any) -> None:
    db.execute_sql('INSERT INTO "team_setting" ("key", "value", "updated_at") VALUES (?, ?, ?) '
                   'ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value", '
                   '"updated_at" = excluded."updated_at"', (key, value, now))


def consoles_online(db: Database) -> list[str]:
    """PostgreSQL: the consoles connected to this database now (their application names,
    "posventa/<host>/<process>"), this one left out."""
    rows = db.execute_sql(
        "SELECT DISTINCT application_name FROM pg_stat_activity WHERE datname = "
        "current_database() AND application_name LIKE 'posventa/%' AND application_name "
        "!= (SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()) "
        "ORDER BY 1").fetchall()
    return [str(r[0]) for r in rows]
