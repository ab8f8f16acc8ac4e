"""The few SQL choices that differ between the workspace's SQLite and the team's PostgreSQL.

Most statements are written once (``console/store/postgres.py`` carries SQLite's words
over at the cursor); the ones here cannot be: SQLite's FTS5 ``MATCH`` against the
trigram-indexed search table of the team database.
"""

from __future__ import annotations

import re

from peewee import Database, DatabaseProxy, PostgresqlDatabase

_WORD = re.compile(r"\w+", re.UNICODE)


def is_postgres(db: Database | DatabaseProxy) -> bool:
    """Whether ``db`` (or the database a proxy is bound to) is PostgreSQL: the team's."""
    real = getattr(db, "obj", None) or db
    return isinstance(real, PostgresqlDatabase)


def words_match(document: str, words: list[str]) -> tuple[str, list[str]]:
    """PostgreSQL: every word starts a word of ``document`` (an SQL expression), accents
    and case aside, as FTS5's ``"word"*`` terms do; the trigram index serves the regex."""
    condition = " AND ".join(
        f"posventa_fold({document}) ~ ('\\m' || posventa_fold(?))" for _ in words)
    return condition, list(words)


def phrase_match(document: str, phrase: str, prefix: bool) -> tuple[str, list[str]]:
    """PostgreSQL: the words of ``phrase`` one after the other in ``document`` (the last
    one a prefix when ``prefix``), as FTS5's ``"phrase" *`` does."""
    words = _WORD.findall(phrase) or [""]
    pattern = " || '\\W+' || ".join("posventa_fold(?)" for _ in words)
    end = "" if prefix else " || '\\M'"
    return f"posventa_fold({document}) ~ ('\\m' || {pattern}{end})", list(words)
