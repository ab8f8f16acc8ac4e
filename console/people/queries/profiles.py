"""Author profiles and the lookups behind suggestions and certain links.

Candidates come from indexes: the full-text index of mentions (author names and handles,
post text), substring tests on profile fields, and the feed key's time order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from peewee import Database

from console.people.queries import Row, chunks
from console.store.dialect import is_postgres, phrase_match

PROFILE_COLUMNS = "id, channel, handle, display_name, url, bio, fields, customer_id"
_VERIFIED = "(fields LIKE '%true]%' OR fields LIKE '%\"verified\": true%')"


def profiles(db: Database, ids: Iterable[int]) -> list[Row]:
    """(PROFILE_COLUMNS) of these authors, any number of them."""
    rows: list[Row] = []
    for chunk in chunks(list(ids)):
        rows.extend(db.execute_sql(f"SELECT {PROFILE_COLUMNS} FROM author WHERE id IN "
                                   f"({','.join('?' * len(chunk))})", chunk))
    return rows


def _fts_authors(db: Database, match: str, params: list[Any], limit: int) -> set[int]:
    rows = db.execute_sql(
        "SELECT DISTINCT m.author_id FROM mention_fts f JOIN mention m ON m.feed_key = f.rowid "
        f"WHERE {match} LIMIT ?", (*params, limit))
    return {int(r[0]) for r in rows}


def authors_named(db: Database, term: str, prefix: bool, limit: int) -> set[int]:
    """Authors whose name or handle holds `term` (as a word, or its start when `prefix`)."""
    if is_postgres(db):
        match, params = phrase_match('f."author"', term, prefix)
        return _fts_authors(db, match, list(params), limit)
    # SQLite: FTS5 query syntax (column filter, phrase, prefix star).
    query = f'author : "{term}"' + (" *" if prefix else "")
    return _fts_authors(db, "mention_fts MATCH ?", [query], limit)


def authors_sharing(db: Database, author_id: int,
                    needles: Sequence[str]) -> list[tuple[int, str]]:
    """(id, lowered fields, bio and URL) of other authors whose profile holds a needle."""
    hay = "lower(fields || ' ' || bio || ' ' || url)"
    # SQLite: instr() (PostgreSQL: strpos()).
    where = " OR ".join(f"instr({hay}, ?) > 0" for _ in needles)
    return [(int(author), str(text)) for author, text in db.execute_sql(
            f"SELECT id, {hay} FROM author WHERE id != ? AND ({where}) LIMIT 2000",
            [author_id, *needles])]


def post_texts(db: Database, author_ids: Sequence[int], limit: int) -> list[str]:
    """The text of these authors' newest posts."""
    return [str(text) for (text,) in db.execute_sql(
            f"SELECT text FROM mention WHERE author_id IN ({','.join('?' * len(author_ids))}) "
            "ORDER BY id DESC LIMIT ?", [*author_ids, limit])]


def posts_with_number(db: Database, number: str) -> list[tuple[int, str]]:
    """(author id, text) of up to 200 posts that hold `number` as a word."""
    if is_postgres(db):
        match, params = phrase_match('f."text"', number, prefix=False)
    else:  # SQLite: the FTS5 index (MATCH, rowid, column filter).
        match, params = "mention_fts MATCH ?", [f'text : "{number}"']
    rows = db.execute_sql(
        "SELECT m.author_id, m.text FROM mention_fts f JOIN mention m "
        f"ON m.feed_key = f.rowid WHERE {match} LIMIT 200", params).fetchall()
    return [(int(author), str(text)) for author, text in rows]


def watch_terms(db: Database) -> list[str]:
    return [str(r[0]) for r in db.execute_sql("SELECT term FROM watch")]


def account_handles(db: Database) -> list[str]:
    return [str(r[0]) for r in db.execute_sql("SELECT handle FROM account")]


def complaints_of(db: Database, author_id: int) -> list[tuple[Any, str, str]]:
    """(created_at, text, reason) of the author's 20 newest complaints."""
    rows = db.execute_sql(
        "SELECT created_at, text, reason FROM mention WHERE author_id = ? AND complaint >= 0.5 "
        "ORDER BY id DESC LIMIT 20", (author_id,)).fetchall()
    return [(created, text, reason) for created, text, reason in rows]


def complaints_between(db: Database, low_key: int, high_key: int,
                       exclude_author: int) -> list[tuple[int, str, str]]:
    """(author id, text, reason) of up to 300 complaints with a feed key in the range."""
    return [(int(author), text, reason) for author, text, reason in db.execute_sql(
            "SELECT author_id, text, reason FROM mention WHERE feed_key BETWEEN ? AND ? "
            "AND author_id != ? AND complaint >= 0.5 LIMIT 300",
            (low_key, high_key, exclude_author))]


def recent_author_ids(db: Database, mentions: int) -> list[int]:
    """The authors of the newest `mentions` mentions, newest first (with repeats)."""
    rows = db.execute_sql("SELECT author_id FROM mention ORDER BY feed_key DESC LIMIT ?",
                          (mentions,))
    return [int(r[0]) for r in rows]


# --- certain links ----------------------------------------------------------------------

def verified_profiles_holding(db: Database, needles: Sequence[str],
                              except_channel: str) -> list[Row]:
    """(PROFILE_COLUMNS) of up to 500 authors with a verified field whose fields hold a
    needle (lower-cased), on any channel but `except_channel`."""
    # The cheap test for a verified field comes first; the substring tests run on those rows.
    # SQLite: instr() (PostgreSQL: strpos()).
    where = " OR ".join("instr(lower(fields), ?) > 0" for _ in needles)
    return list(db.execute_sql(
        "SELECT id, channel, handle, display_name, url, bio, fields, customer_id FROM author "
        f"WHERE {_VERIFIED} AND channel != ? AND ({where}) LIMIT 500",
        [except_channel, *needles]).fetchall())


def authors_with_url(db: Database, urls: Sequence[str],
                     exclude: int) -> list[tuple[int, str, str, str]]:
    """(id, url, handle, channel) of up to 50 other authors whose profile URL is one of
    `urls`, ignoring case."""
    marks = ",".join("?" * len(urls))
    # lower() on both sides (SQLite's COLLATE NOCASE does not exist on PostgreSQL; both
    # lower() and NOCASE fold ASCII letters only on SQLite).
    rows = db.execute_sql(f"SELECT id, url, handle, channel FROM author WHERE id != ? AND "
                          f"lower(url) IN ({marks}) LIMIT 50",
                          [exclude, *(url.lower() for url in urls)])
    return [(int(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows]


def profile_states(db: Database, author_ids: Sequence[int]) -> list[tuple[int, str, str]]:
    """(id, fields and URL as one string, channel) of these authors."""
    rows = db.execute_sql(f"SELECT id, fields || url, channel FROM author WHERE id IN "
                          f"({','.join('?' * len(author_ids))})", list(author_ids))
    return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]
