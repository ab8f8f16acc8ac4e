"""Writing a case file: the chosen cases with their whole threads, people and history.

The selection is worked out in SQL on the workspace database (attached read-only in
spirit: only SELECTs run against it), then the rows are copied column by column into a
new file built by the same migrations. Accounts are copied without their settings; no
secret ever lives in the database, and the keyring is never read.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import console
from console.casefile.format import (
    DATA_TABLES,
    FORMAT_NAME,
    FORMAT_VERSION,
    CaseFileError,
    columns,
    content_digest,
    create_schema,
    row_counts,
)
from console.i18n import translate
from console.store.search import fts_query
from console.store.timeutil import to_db, utcnow

Progress = Callable[[int, int], None]  # (step done, steps in all)


@dataclass(frozen=True)
class Selection:
    """Which cases to export: any mix of case ids, a full-text search and a start date."""

    case_ids: Sequence[int] = ()
    search: str = ""
    since: date | None = None

    def describe(self) -> dict[str, object]:
        return {"cases": list(self.case_ids), "search": self.search,
                "since": self.since.isoformat() if self.since else None}

    def is_empty(self) -> bool:
        return not self.case_ids and not self.search.strip() and self.since is None


@dataclass
class ExportResult:
    """What a case file holds: rows per table."""

    path: Path
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def cases(self) -> int:
        return self.counts.get("case", 0)

    @property
    def mentions(self) -> int:
        return self.counts.get("mention", 0)


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
    "team_setting": "1",  # SLA targets and business hours: needed to read the clocks
}

# Columns replaced on the way out: an account keeps who it is, not how it signs in.
_SCRUBBED = {"account": {"settings": "'{}'"}}


def _select(con: sqlite3.Connection, selection: Selection) -> None:
    """Fill temp.sel_case, sel_mention, sel_author and sel_customer from the selection."""
    for name in ("seed", "sel_case", "sel_mention", "sel_author", "sel_customer"):
        con.execute(f"CREATE TEMP TABLE {name} (id INTEGER PRIMARY KEY)")
    for case_id in selection.case_ids:
        if con.execute('SELECT 1 FROM src."case" WHERE id = ?', (case_id,)).fetchone() is None:
            raise CaseFileError(translate(
                "CaseFile", "there is no case {number} in this workspace").format(number=case_id))
        con.execute("INSERT OR IGNORE INTO temp.sel_case VALUES (?)", (case_id,))
    if selection.search.strip():
        query = fts_query(selection.search)
        if query is None:
            raise CaseFileError(translate("CaseFile", "the search has no words to look for"))
        con.execute("INSERT OR IGNORE INTO temp.seed SELECT m.id FROM src.mention m WHERE "
                    "m.feed_key IN (SELECT rowid FROM src.mention_fts WHERE mention_fts "
                    "MATCH ?)", (query,))
    if selection.since is not None:
        start = to_db(datetime.combine(selection.since, datetime.min.time()).astimezone())
        con.execute("INSERT OR IGNORE INTO temp.seed SELECT id FROM src.mention "
                    "WHERE created_at >= ?", (str(start),))
        con.execute('INSERT OR IGNORE INTO temp.sel_case SELECT id FROM src."case" '
                    "WHERE updated_at >= ?", (str(start),))
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
    if not con.execute("SELECT count(*) FROM temp.sel_mention").fetchone()[0]:
        raise CaseFileError(translate(
            "CaseFile", "nothing matches that selection; no case file was written"))


def export_cases(workspace_db: Path, target: Path, selection: Selection, *,
                 workspace_id: str = "", progress: Progress | None = None) -> ExportResult:
    """Write the case file for ``selection`` to ``target`` (replaced atomically)."""
    if selection.is_empty():
        raise CaseFileError(translate(
            "CaseFile", "choose what to export: case ids, a search or a start date"))
    target = Path(target).expanduser()
    if not target.parent.is_dir():
        raise CaseFileError(translate("CaseFile", "the folder {folder} does not exist").format(
            folder=target.parent))
    partial = target.with_name(f".{target.name}.partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    steps = len(DATA_TABLES) + 2
    try:
        con = sqlite3.connect(str(partial), isolation_level=None)
    except sqlite3.Error as exc:
        raise CaseFileError(translate("CaseFile", "cannot write {file}: {error}").format(
            file=target, error=exc)) from None
    try:
        con.execute("ATTACH DATABASE ? AS src", (str(workspace_db),))
        con.execute("BEGIN")
        create_schema(con)
        _select(con, selection)
        if progress:
            progress(1, steps)
        for done, table in enumerate(DATA_TABLES, start=2):
            names = columns(con, table)
            scrub = _SCRUBBED.get(table, {})
            picked = ", ".join(scrub.get(n, f'"{n}"') for n in names)
            quoted = ", ".join(f'"{n}"' for n in names)
            con.execute(f'INSERT INTO main."{table}" ({quoted}) SELECT {picked} '
                        f'FROM src."{table}" WHERE {_ROWS[table]}')
            if progress:
                progress(done, steps)
        con.execute("INSERT INTO main.mention_fts (rowid, text, author) SELECT rowid, text, "
                    "author FROM src.mention_fts WHERE rowid IN (SELECT feed_key FROM "
                    "main.mention)")
        counts = row_counts(con)
        entries = {
            "format": FORMAT_NAME, "format_version": str(FORMAT_VERSION),
            "app_version": console.__version__, "created_at": utcnow().isoformat(),
            "source_workspace": workspace_id, "selection": json.dumps(selection.describe()),
            "row_counts": json.dumps(counts), "content_sha256": content_digest(con),
        }
        con.executemany('INSERT INTO "case_file_manifest" VALUES (?, ?)', entries.items())
        con.execute("COMMIT")
        con.execute("DETACH DATABASE src")
        con.execute("VACUUM")
    except sqlite3.Error as exc:
        con.close()
        partial.unlink(missing_ok=True)
        raise CaseFileError(translate(
            "CaseFile", "cannot write the case file {name}: {error}").format(
                name=target.name, error=exc)) from None
    except BaseException:
        con.close()
        partial.unlink(missing_ok=True)
        raise
    con.close()
    os.replace(partial, target)
    if progress:
        progress(steps, steps)
    return ExportResult(target, counts)
