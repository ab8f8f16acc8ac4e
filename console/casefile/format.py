"""The case file format: the workspace schema, a manifest and a review table.

A case file is a SQLite database built by the same numbered migrations as a workspace
(so ``PRAGMA user_version`` is the schema version), holding only the rows of the chosen
cases. Two extra tables: ``case_file_manifest`` (key/value: format, version, who made it,
what was selected, row counts and a SHA-256 of the data rows) and ``review`` (a
reviewer's score and note per case), created by ``console.casefile.queries``. Only the
``review`` table changes after export.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from console.casefile import queries
from console.errors import InvalidInput
from console.i18n import translate

FORMAT_NAME = "posventa-case-file"
FORMAT_VERSION = 1
# The case history kind a review takes once imported into a workspace.
REVIEW_KIND = "review"

# Every table whose rows the file carries, parents before children (import order too).
DATA_TABLES = (
    "account", "watch", "customer", "author", "case", "mention", "mention_source", "reply",
    "note", "tag", "mention_tag", "customer_tag", "case_tag", "case_event", "feedback",
    "link_decision", "team_setting",
)


class CaseFileError(InvalidInput):
    """A case file cannot be written, opened or imported; the message says why."""


def content_digest(con: sqlite3.Connection) -> str:
    """SHA-256 over every data row, table by table in a fixed order (reviews excluded)."""
    digest = hashlib.sha256()
    for table in DATA_TABLES:
        digest.update(f"\x00{table}\x00".encode())
        for row in queries.rows_in_order(con, table):
            digest.update(json.dumps(list(row), default=repr).encode("utf-8"))
            digest.update(b"\n")
    return digest.hexdigest()


def row_counts(con: sqlite3.Connection) -> dict[str, int]:
    return {table: queries.count_rows(con, table) for table in DATA_TABLES}


def _not_a_case_file(path: Path) -> CaseFileError:
    return CaseFileError(translate("CaseFile", "{name} is not a Posventa case file").format(
        name=path.name))


def open_case_file(path: Path, *, writable: bool = False) -> sqlite3.Connection:
    """A connection to a case file, checked to be one (read-only unless ``writable``)."""
    path = Path(path).expanduser()
    if not path.is_file():
        raise CaseFileError(translate("CaseFile", "there is no case file at {path}").format(
            path=path))
    mode = "rw" if writable else "ro"
    try:
        con = sqlite3.connect(f"file:{path.resolve().as_posix()}?mode={mode}", uri=True)
        found = queries.read_manifest(con)
    except sqlite3.DatabaseError:
        raise _not_a_case_file(path) from None
    if found.get("format") != FORMAT_NAME:
        con.close()
        raise _not_a_case_file(path)
    if int(found.get("format_version", "0")) > FORMAT_VERSION:
        con.close()
        raise CaseFileError(translate(
            "CaseFile", "{name} was written by a newer Posventa; update to open it").format(
                name=path.name))
    return con


def manifest(con: sqlite3.Connection) -> dict[str, str]:
    """What the file says about itself: format, version, selection, counts, checksum."""
    return queries.read_manifest(con)


def verify(con: sqlite3.Connection, name: str) -> None:
    """Raise when the data rows no longer match the checksum written at export."""
    if content_digest(con) != manifest(con).get("content_sha256"):
        raise CaseFileError(translate(
            "CaseFile", "{name} was changed after it was exported (its checksum does not "
            "match); ask for a fresh copy").format(name=name))
