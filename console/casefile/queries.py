"""Every SQL statement of the case files: the file's own tables, the export's selection and
copy, the import's look-ups in the workspace, and the reviews.

A case file is always SQLite (``sqlite3`` connections here), and so is the workspace a
case file is written from: the export attaches the workspace database as ``src`` and
works out the selection in temp tables. The import writes into the workspace through its
peewee database; its ``INSERT OR IGNORE`` statements are SQLite's.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from peewee import Database

from console.store import migrations

Row = dict[str, Any]

# The case file's own tables, beside the workspace schema.
EXTRA_SCHEMA = (
    """CREATE TABLE "case_file_manifest" ("key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL)""",
    """CREATE TABLE "review" ("id" INTEGER NOT NULL PRIMARY KEY,
    "case_id" INTEGER NOT NULL, "reviewer" TEXT NOT NULL,
    "score" INTEGER NOT NULL CHECK ("score" BETWEEN 1 AND 5),
    "note" TEXT NOT NULL, "created_at" DATETIME NOT NULL)""",
    'CREATE INDEX "review_case_id" ON "review" ("case_id")',
)


# The case file itself ---------------------------------------------------------------

def create_schema(con: sqlite3.Connection) -> None:
    """The workspace schema at its latest version, plus the manifest and review tables."""
    for statements in migrations.MIGRATIONS:
        for statement in statements:
            con.execute(statement)
    for statement in EXTRA_SCHEMA:
        con.execute(statement)
    con.execute(f"PRAGMA user_version = {migrations.LATEST}")


def columns(con: sqlite3.Connection, table: str, schema: str = "main") -> list[str]:
    return [row[1] for row in con.execute(f'PRAGMA {schema}.table_info("{table}")')]


def rows_in_order(con: sqlite3.Connection, table: str) -> Iterator[tuple[Any, ...]]:
    """Every row of ``table`` in the fixed order the checksum reads them."""
    return iter(con.execute(f'SELECT * FROM "{table}" ORDER BY 1, 2'))


def count_rows(con: sqlite3.Connection, table: str) -> int:
    return int(con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])


def read_manifest(con: sqlite3.Connection) -> dict[str, str]:
    """The manifest's key/value pairs (sqlite3.DatabaseError when there is no manifest)."""
    return dict(con.execute('SELECT "key", "value" FROM "case_file_manifest"').fetchall())


def write_manifest(con: sqlite3.Connection, entries: Mapping[str, str]) -> None:
    con.executemany('INSERT INTO "case_file_manifest" VALUES (?, ?)', entries.items())


def file_rows(src: sqlite3.Connection, table: str) -> list[Row]:
    """Every row of a case file's ``table`` as a dict, by id."""
    cursor = src.execute(f'SELECT * FROM "{table}" ORDER BY id')
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def author_names(src: sqlite3.Connection) -> dict[int, str]:
    """A case file's authors: id -> display name and handle (what search indexes)."""
    return dict(src.execute("SELECT a.id, a.display_name || ' ' || a.handle "
                            "FROM author a").fetchall())


def count_reviews(src: sqlite3.Connection) -> int:
    return int(src.execute('SELECT count(*) FROM "review"').fetchone()[0])


def insert_review(con: sqlite3.Connection, case_id: int, reviewer: str, score: int,
                  note: str, created_at: str) -> int:
    """Add a review to the file's ``review`` table; returns its id."""
    cursor = con.execute(
        'INSERT INTO "review" (case_id, reviewer, score, note, created_at) '
        "VALUES (?, ?, ?, ?, ?)",
        (case_id, reviewer, score, note, created_at))
    return int(cursor.lastrowid or 0)


def reviews_of_case(con: sqlite3.Connection, case_id: int, history_kind: str
                    ) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """A case's earlier reviews (history entries of ``history_kind``: id, case id, agent,
    score, note, at) and the file's own (id, case id, reviewer, score, note, created at)."""
    earlier = con.execute(
        'SELECT id, case_id, agent, "old", "new", "at" FROM case_event '
        "WHERE case_id = ? AND kind = ? ORDER BY id", (case_id, history_kind)).fetchall()
    own = con.execute("SELECT id, case_id, reviewer, score, note, created_at "
                      'FROM "review" WHERE case_id = ? ORDER BY id',
                      (case_id,)).fetchall()
    return earlier, own


# Writing a case file from a workspace -------------------------------------------------

def _thread(alias: str) -> str:
    return f"{alias}.channel || char(31) || coalesce({alias}.thread_root, {alias}.remote_id)"


# Rows of each table that belong to the selection (temp tables sel_* hold the ids).
_ROWS = {
    "account": "id IN (SELECT account_id FROM src.mention WHERE id IN temp.sel_mention "
               "UNION SELECT account_id FROM src.reply WHERE mention_id IN temp.sel_mention)",
    "watch": "id IN (SELECT watch_id FROM src.mention WHERE id IN temp.sel_mention)",
    "customer": "id IN temp.sel_customer",
    "author": "id IN temp.sel_author",
    "case": "id IN temp.sel_case",
    "mention": "id IN temp.sel_mention",
    "mention_source": "feed_key IN (SELECT feed_key FROM src.mention "
                      "WHERE id IN temp.sel_mention)",
    "reply": "mention_id IN temp.sel_mention",
    "note": "case_id IN temp.sel_case OR mention_id IN temp.sel_mention "
            "OR author_id IN temp.sel_author OR customer_id IN temp.sel_customer",
    "tag": "id IN (SELECT tag_id FROM src.mention_tag WHERE mention_id IN temp.sel_mention "
           "UNION SELECT tag_id FROM src.case_tag WHERE case_id IN temp.sel_case "
           "UNION SELECT tag_id FROM src.customer_tag WHERE customer_id IN temp.sel_customer)",
    "mention_tag": "mention_id IN temp.sel_mention",
    "customer_tag": "customer_id IN temp.sel_customer",
    "case_tag": "case_id IN temp.sel_case",
    "case_event": "case_id IN temp.sel_case",
    "feedback": "mention_id IN temp.sel_mention",
    "link_decision": "author_a_id IN temp.sel_author AND author_b_id IN temp.sel_author",
    # SLA targets and business hours (needed to read the clocks), not the workspace's own
    # id: that names the source's keyring secrets (the manifest says where it came from).
    "team_setting": "\"key\" <> 'workspace_id'",
}

# Columns replaced on the way out: an account keeps who it is, not how it signs in.
_SCRUBBED = {"account": {"settings": "'{}'"}}


def begin_export(con: sqlite3.Connection, workspace_db: Path) -> None:
    """Attach the workspace (read only by what follows) as ``src`` and start the file's
    one transaction."""
    con.execute("ATTACH DATABASE ? AS src", (str(workspace_db),))
    con.execute("BEGIN")


def finish_export(con: sqlite3.Connection) -> None:
    """Commit, let go of the workspace and compact the file."""
    con.execute("COMMIT")
    con.execute("DETACH DATABASE src")
    con.execute("VACUUM")


def start_selection(con: sqlite3.Connection) -> None:
    """The temp tables of a selection: seed (mentions found), sel_case, sel_mention,
    sel_author and sel_customer."""
    for name in ("seed", "sel_case", "sel_mention", "sel_author", "sel_customer"):
        con.execute(f"CREATE TEMP TABLE {name} (id INTEGER PRIMARY KEY)")


def has_case(con: sqlite3.Connection, case_id: int) -> bool:
    return con.execute('SELECT 1 FROM src."case" WHERE id = ?', (case_id,)).fetchone() is not None


def select_case(con: sqlite3.Connection, case_id: int) -> None:
    con.execute("INSERT OR IGNORE INTO temp.sel_case VALUES (?)", (case_id,))


def seed_by_search(con: sqlite3.Connection, query: str) -> None:
    """Seed the mentions matching a full-text query (already in FTS syntax)."""
    con.execute("INSERT OR IGNORE INTO temp.seed SELECT m.id FROM src.mention m WHERE "
                "m.feed_key IN (SELECT rowid FROM src.mention_fts WHERE mention_fts "
                "MATCH ?)", (query,))


def seed_since(con: sqlite3.Connection, start: str) -> None:
    """Seed the mentions posted, and select the cases active, since ``start``."""
    con.execute("INSERT OR IGNORE INTO temp.seed SELECT id FROM src.mention "
                "WHERE created_at >= ?", (start,))
    con.execute('INSERT OR IGNORE INTO temp.sel_case SELECT id FROM src."case" '
                "WHERE updated_at >= ?", (start,))


def complete_selection(con: sqlite3.Connection) -> int:
    """Grow the seeds and chosen cases into whole threads with their people; returns how
    many mentions are selected."""
    con.execute("INSERT OR IGNORE INTO temp.sel_case SELECT case_id FROM src.mention "
                "WHERE id IN temp.seed AND case_id IS NOT NULL")
    # Whole threads: every post of the cases' threads and of the seeds' threads.
    con.execute(f"""INSERT OR IGNORE INTO temp.sel_mention SELECT m.id FROM src.mention m
        WHERE m.id IN temp.seed OR m.case_id IN temp.sel_case OR {_thread('m')} IN (
            SELECT {_thread('s')} FROM src.mention s
            WHERE s.id IN temp.seed OR s.case_id IN temp.sel_case
            UNION SELECT c.channel || char(31) || c.thread_root FROM src."case" c
            WHERE c.id IN temp.sel_case AND c.thread_root IS NOT NULL)""")
    con.execute("INSERT OR IGNORE INTO temp.sel_case SELECT case_id FROM src.mention "
                "WHERE id IN temp.sel_mention AND case_id IS NOT NULL")
    con.execute("INSERT OR IGNORE INTO temp.sel_author SELECT author_id FROM src.mention "
                "WHERE id IN temp.sel_mention")
    con.execute('INSERT OR IGNORE INTO temp.sel_author SELECT author_id FROM src."case" '
                "WHERE id IN temp.sel_case AND author_id IS NOT NULL")
    con.execute("INSERT OR IGNORE INTO temp.sel_customer SELECT customer_id FROM src.author "
                "WHERE id IN temp.sel_author AND customer_id IS NOT NULL")
    # The customers' other accounts, so the profile shows the whole person.
    con.execute("INSERT OR IGNORE INTO temp.sel_author SELECT id FROM src.author "
                "WHERE customer_id IN temp.sel_customer")
    return int(con.execute("SELECT count(*) FROM temp.sel_mention").fetchone()[0])


def copy_selected(con: sqlite3.Connection, table: str) -> None:
    """Copy the selection's rows of ``table`` from the workspace, column by column, with
    secrets scrubbed."""
    names = columns(con, table)
    scrub = _SCRUBBED.get(table, {})
    picked = ", ".join(scrub.get(n, f'"{n}"') for n in names)
    quoted = ", ".join(f'"{n}"' for n in names)
    con.execute(f'INSERT INTO main."{table}" ({quoted}) SELECT {picked} '
                f'FROM src."{table}" WHERE {_ROWS[table]}')


def copy_search_index(con: sqlite3.Connection) -> None:
    """The full-text index entries of the copied mentions."""
    con.execute("INSERT INTO main.mention_fts (rowid, text, author) SELECT rowid, text, "
                "author FROM src.mention_fts WHERE rowid IN (SELECT feed_key FROM "
                "main.mention)")


# Bringing a case file into a workspace ------------------------------------------------

def _one(db: Database, sql: str, args: tuple[Any, ...]) -> Any:
    row = db.execute_sql(sql, args).fetchone()
    return None if row is None else row[0]


def insert_row(db: Database, table: str, values: Mapping[str, Any]) -> int:
    """Insert one row into the workspace; returns its new id."""
    names = ", ".join(f'"{k}"' for k in values)
    marks = ", ".join("?" * len(values))
    cursor = db.execute_sql(f'INSERT INTO "{table}" ({names}) VALUES ({marks})',
                            tuple(values.values()))
    return int(cursor.lastrowid)


def find_account(db: Database, kind: str, base_url: str, handle: str) -> int | None:
    return _one(db, "SELECT id FROM account WHERE kind = ? AND base_url = ? AND handle = ?",
                (kind, base_url, handle))


def find_watch(db: Database, term: str, kind: str) -> int | None:
    return _one(db, "SELECT id FROM watch WHERE term = ? AND kind = ?", (term, kind))


def find_tag(db: Database, name: str) -> int | None:
    return _one(db, "SELECT id FROM tag WHERE name = ?", (name,))


def find_author(db: Database, channel: str, server: str, remote_id: str) -> int | None:
    return _one(db, "SELECT id FROM author WHERE channel = ? AND server = ? AND remote_id = ?",
                (channel, server, remote_id))


def customer_of(db: Database, author_id: int | None) -> int | None:
    return _one(db, "SELECT customer_id FROM author WHERE id = ?", (author_id,))


def find_case_by_thread(db: Database, channel: str, thread_root: str) -> int | None:
    return _one(db, 'SELECT id FROM "case" WHERE channel = ? AND thread_root = ?',
                (channel, thread_root))


def find_case_without_thread(db: Database, channel: str, created_at: Any,
                             subject: str) -> int | None:
    return _one(db, 'SELECT id FROM "case" WHERE channel = ? AND created_at = ? '
                "AND subject = ? AND thread_root IS NULL", (channel, created_at, subject))


def find_mention(db: Database, channel: str, server: str, remote_id: str) -> int | None:
    return _one(db, "SELECT id FROM mention WHERE channel = ? AND server = ? "
                "AND remote_id = ?", (channel, server, remote_id))


def find_reply(db: Database, idempotency_key: str) -> int | None:
    return _one(db, "SELECT id FROM reply WHERE idempotency_key = ?", (idempotency_key,))


def find_note(db: Database, body: str, created_at: Any, agent: str) -> int | None:
    return _one(db, "SELECT id FROM note WHERE body = ? AND created_at = ? "
                "AND agent = ?", (body, created_at, agent))


def find_case_event(db: Database, case_id: int | None, at: Any, kind: str, new: Any,
                    old: Any) -> int | None:
    return _one(db, 'SELECT id FROM case_event WHERE case_id = ? AND "at" = ? AND '
                'kind = ? AND "new" = ? AND "old" = ?', (case_id, at, kind, new, old))


def find_feedback(db: Database, mention_id: int | None, field: str, value: Any,
                  created_at: Any) -> int | None:
    return _one(db, "SELECT id FROM feedback WHERE mention_id IS ? AND field = ? AND "
                "value = ? AND created_at = ?", (mention_id, field, value, created_at))


def link_tag(db: Database, table: str, owner: str, owner_id: int | None,
             tag_id: int | None) -> bool:
    """Tag a mention, case or customer (``table`` is its link table); False when the
    link was already there."""
    return bool(db.execute_sql(
        f'INSERT OR IGNORE INTO "{table}" ("{owner}_id", tag_id) VALUES (?, ?)',
        (owner_id, tag_id)).rowcount > 0)


def add_link_decision(db: Database, author_a_id: int | None, author_b_id: int | None,
                      decision: Row) -> bool:
    """Record an agent's decision about two authors; False when it was already there."""
    return bool(db.execute_sql(
        "INSERT OR IGNORE INTO link_decision (author_a_id, author_b_id, decision, "
        "reasons, confidence, agent, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (author_a_id, author_b_id, decision["decision"], decision["reasons"],
         decision["confidence"], decision["agent"], decision["created_at"])).rowcount > 0)


def find_history_entry(db: Database, entry: Iterable[Any]) -> int | None:
    """A case history entry by (case id, at, agent, kind, old, new)."""
    return _one(db, 'SELECT id FROM case_event WHERE case_id = ? AND "at" = ? AND '
                'agent = ? AND kind = ? AND "old" = ? AND "new" = ?', tuple(entry))


def add_history_entry(db: Database, entry: Iterable[Any]) -> None:
    """Add a case history entry (case id, at, agent, kind, old, new)."""
    db.execute_sql('INSERT INTO case_event (case_id, "at", agent, kind, '
                   '"old", "new") VALUES (?, ?, ?, ?, ?, ?)', tuple(entry))
