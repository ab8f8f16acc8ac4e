"""Reviewing a case file: a runtime on a private copy, and the reviews saved in the file.

The console reads a temporary copy of the case file (so nothing the window does can
change the file's data rows, and the workspace is never opened). The engine is built but
never started: review mode makes no network connection. Reviews are the one thing
written, into the original file's ``review`` table. Reviews made earlier, imported into
the workspace and exported again, travel as case history entries and are read from there.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from console.app.runtime import Runtime, open_runtime
from console.app.workspace import DB_NAME
from console.casefile.format import REVIEW_KIND, CaseFileError, open_case_file, verify
from console.i18n import translate
from console.store.timeutil import from_db, to_db, utcnow

SCORES = range(1, 6)


@dataclass(frozen=True)
class Review:
    """One reviewer's verdict on one case."""

    id: int
    case_id: int
    reviewer: str
    score: int
    note: str
    created_at: datetime
    earlier: bool = False  # from an earlier review, carried in the case history


class ReviewService:
    """Reads and adds the reviews of a case file (its ``review`` table only)."""

    def __init__(self, path: Path, reviewer: str) -> None:
        self.path = Path(path)
        self.reviewer = reviewer

    def add(self, case_id: int, score: int, note: str) -> Review:
        if score not in SCORES:
            raise CaseFileError(translate("CaseFile",
                                          "a review score is a whole number from 1 to 5"))
        created = utcnow()
        con = open_case_file(self.path, writable=True)
        try:
            with con:
                cursor = con.execute(
                    'INSERT INTO "review" (case_id, reviewer, score, note, created_at) '
                    "VALUES (?, ?, ?, ?, ?)",
                    (case_id, self.reviewer, score, note.strip(), str(to_db(created))))
        except sqlite3.Error as exc:
            raise CaseFileError(translate(
                "CaseFile", "cannot save the review in {name}: {error}").format(
                    name=self.path.name, error=exc)) from None
        finally:
            con.close()
        return Review(int(cursor.lastrowid or 0), case_id, self.reviewer, score, note.strip(),
                      created)

    def for_case(self, case_id: int) -> list[Review]:
        """The case's reviews, oldest first: earlier ones, then this file's own."""
        con = open_case_file(self.path)
        try:
            earlier = con.execute(
                'SELECT id, case_id, agent, "old", "new", "at" FROM case_event '
                "WHERE case_id = ? AND kind = ? ORDER BY id", (case_id, REVIEW_KIND)).fetchall()
            own = con.execute("SELECT id, case_id, reviewer, score, note, created_at "
                              'FROM "review" WHERE case_id = ? ORDER BY id',
                              (case_id,)).fetchall()
        finally:
            con.close()
        return ([Review(r[0], r[1], r[2], _score(r[3]), r[4], from_db(r[5]) or utcnow(), True)
                 for r in earlier]
                + [Review(r[0], r[1], r[2], r[3], r[4], from_db(r[5]) or utcnow())
                   for r in own])


def _score(text: str) -> int:
    return int(text) if text.isdigit() else 0


def open_review(path: Path, reviewer: str = "") -> Runtime:
    """A runtime over a private copy of the case file at ``path``; close with close_review."""
    path = Path(path).expanduser().resolve()
    con = open_case_file(path)
    folder = Path(tempfile.mkdtemp(prefix="posventa-review-"))
    try:
        verify(con, path.name)
        copy = sqlite3.connect(str(folder / DB_NAME))
        try:
            con.backup(copy)
        finally:
            copy.close()
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    finally:
        con.close()
    try:
        runtime = open_runtime(folder, memory_secrets=True)
    except Exception:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    name = reviewer or runtime.cases.agent
    runtime.extras.update(case_file=path, review_folder=folder,
                          reviews=ReviewService(path, name))
    return runtime


def close_review(runtime: Runtime) -> None:
    """Close a review runtime and delete its private copy."""
    runtime.close()
    folder = runtime.extras.get("review_folder")
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


def check_case_file(path: Path) -> None:
    """Raise CaseFileError unless ``path`` is an intact case file."""
    con = open_case_file(path)
    try:
        verify(con, Path(path).name)
    finally:
        con.close()
