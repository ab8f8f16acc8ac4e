"""Reviewing a case file: its verified private copy, and the reviews saved in the file.

The console reads a temporary copy of the case file (so nothing the window does can
change the file's data rows, and the workspace is never opened); ``console.app.review``
opens a runtime over that copy. Reviews are the one thing written, into the original
file's ``review`` table. Reviews made earlier, imported into the workspace and exported
again, travel as case history entries and are read from there.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from console.casefile import queries
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
                review_id = queries.insert_review(con, case_id, self.reviewer, score,
                                                  note.strip(), str(to_db(created)))
        except sqlite3.Error as exc:
            raise CaseFileError(translate(
                "CaseFile", "cannot save the review in {name}: {error}").format(
                    name=self.path.name, error=exc)) from None
        finally:
            con.close()
        return Review(review_id, case_id, self.reviewer, score, note.strip(), created)

    def for_case(self, case_id: int) -> list[Review]:
        """The case's reviews, oldest first: earlier ones, then this file's own."""
        con = open_case_file(self.path)
        try:
            earlier, own = queries.reviews_of_case(con, case_id, REVIEW_KIND)
        finally:
            con.close()
        return ([Review(r[0], r[1], r[2], _score(r[3]), r[4], from_db(r[5]) or utcnow(), True)
                 for r in earlier]
                + [Review(r[0], r[1], r[2], r[3], r[4], from_db(r[5]) or utcnow())
                   for r in own])


def _score(text: str) -> int:
    return int(text) if text.isdigit() else 0


def copy_for_review(path: Path, target: Path) -> None:
    """Check the case file at ``path`` and copy it whole to the new database ``target``."""
    con = open_case_file(path)
    try:
        verify(con, Path(path).name)
        copy = sqlite3.connect(str(target))
        try:
            con.backup(copy)
        finally:
            copy.close()
    finally:
        con.close()

