"""Writing a case file: the chosen cases with their whole threads, people and history.

The selection is worked out in SQL on the workspace database (attached read-only in
spirit: only SELECTs run against it), then the rows are copied column by column into a
new file built by the same migrations; the statements are in ``console.casefile.queries``.
Accounts are copied without their settings; no secret ever lives in the database, and the
keyring is never read.
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
from console.casefile import queries
from console.casefile.format import (
    DATA_TABLES,
    FORMAT_NAME,
    FORMAT_VERSION,
    CaseFileError,
    content_digest,
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


def _select(con: sqlite3.Connection, selection: Selection) -> None:
    """Fill temp.sel_case, sel_mention, sel_author and sel_customer from the selection."""
    queries.start_selection(con)
    for case_id in selection.case_ids:
        if not queries.has_case(con, case_id):
            raise CaseFileError(translate(
                "CaseFile", "there is no case {number} in this workspace").format(number=case_id))
        queries.select_case(con, case_id)
    if selection.search.strip():
        query = fts_query(selection.search)
        if query is None:
            raise CaseFileError(translate("CaseFile", "the search has no words to look for"))
        queries.seed_by_search(con, query)
    if selection.since is not None:
        start = to_db(datetime.combine(selection.since, datetime.min.time()).astimezone())
        queries.seed_since(con, str(start))
    if not queries.complete_selection(con):
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
        # Created readable by the user only before SQLite opens it (SQLite keeps the mode
        # it finds, and gives its journal the same): a case file holds customers' posts.
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        con = sqlite3.connect(str(partial), isolation_level=None)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise CaseFileError(translate("CaseFile", "cannot write {file}: {error}").format(
            file=target, error=exc)) from None
    try:
        queries.begin_export(con, workspace_db)
        queries.create_schema(con)
        _select(con, selection)
        if progress:
            progress(1, steps)
        for done, table in enumerate(DATA_TABLES, start=2):
            queries.copy_selected(con, table)
            if progress:
                progress(done, steps)
        queries.copy_search_index(con)
        counts = row_counts(con)
        entries = {
            "format": FORMAT_NAME, "format_version": str(FORMAT_VERSION),
            "app_version": console.__version__, "created_at": utcnow().isoformat(),
            "source_workspace": workspace_id, "selection": json.dumps(selection.describe()),
            "row_counts": json.dumps(counts), "content_sha256": content_digest(con),
        }
        queries.write_manifest(con, entries)
        queries.finish_export(con)
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
