"""The case file format: the workspace schema, a manifest and a review table.

A case file is a SQLite database built by the same numbered migrations as a workspace
(so ``PRAGMA user_version`` is the schema version), holding only the rows of the chosen
cases. Two extra tables: ``case_file_manifest`` (key/value: format, version, who made it,
what was selected, row counts and a SHA-256 of the data rows) and ``review`` (a
reviewer's score and note per case). Only the ``review`` table changes after export.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from console.errors import InvalidInput
from console.i18n import translate
from console.store import migrations

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

EXTRA_SCHEMA = (
    """CREATE TABLE "case_file_manifest" ("key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL)""",
    """CREATE TABLE "review" ("id" INTEGER NOT NULL PRIMARY KEY,
    "case_id" INTEGER NOT NULL, "reviewer" TEXT NOT NULL,
    "score" INTEGER NOT NULL CHECK ("score" BETWEEN 1 AND 5),
    "note" TEXT NOT NULL, "created_at" DATETIME NOT NULL)""",
    'CREATE INDEX "review_case_id" ON "review" ("case_id")',
)


class CaseFileError(InvalidInput):
    """A case file cannot be written, opened or imported; the message says why."""


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


def content_digest(con: sqlite3.Connection) -> str:
    """SHA-256 over every data row, table by table in a fixed order (reviews excluded)."""
    digest = hashlib.sha256()
    for table in DATA_TABLES:
        digest.update(f"\x00{table}\x00".encode())
        for row in con.execute(f'SELECT * FROM "{table}" ORDER BY 1, 2'):
            digest.update(json.dumps(list(row), default=repr).encode("utf-8"))
            digest.update(b"\n")
    return digest.hexdigest()


def row_counts(con: sqlite3.Connection) -> dict[str, int]:
    return {table: int(con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
            for table in DATA_TABLES}


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
        found = dict(con.execute('SELECT "key", "value" FROM "case_file_manifest"').fetchall())
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
    return dict(con.execute('SELECT "key", "value" FROM "case_file_manifest"').fetchall())


def verify(con: sqlite3.Connection, name: str) -> None:
    """Raise when the data rows no longer match the checksum written at export."""
    if content_digest(con) != manifest(con).get("content_sha256"):
        raise CaseFileError(translate(
            "CaseFile", "{name} was changed after it was exported (its checksum does not "
            "match); ask for a fresh copy").format(name=name))
