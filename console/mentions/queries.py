"""Mentions and authors: storing what channels found, and reading it back for the panels.

A post and an author are keyed by (channel, server, remote_id): two Mastodon servers
number their posts alike, so the server (``RemotePost.server``) is part of every lookup
by a network id. Written for SQLite; statements PostgreSQL would need another way are
marked ``SQLite:`` (INSERT OR IGNORE, the FTS5 table, lastrowid).
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from peewee import Database

from console.channels.base import RemoteAuthor
from console.store.db import Store, database_proxy
from console.store.models import MENTION_STATUSES, Author, Mention
from console.store.timeutil import from_db, to_db, utcnow
from console.trust.unicode import (
    BIO_LIMIT,
    FIELDS_LIMIT,
    HANDLE_LIMIT,
    NAME_LIMIT,
    URL_LIMIT,
    capped,
)


@dataclass(frozen=True)
class AuthorInfo:
    """One network account as the profile panel shows it (all text is plain)."""

    id: int
    channel: str
    remote_id: str
    handle: str
    display_name: str
    url: str
    followers: int
    bio: str
    bot: bool
    fields: tuple[tuple[str, str, bool], ...]
    customer_id: int | None
    first_seen: datetime
    mention_count: int = 0
    server: str = ""  # where remote_id is unique


@dataclass(frozen=True)
class MentionDetail:
    """Everything about one mention the composer and the thread view need."""

    id: int
    account_id: int | None
    channel: str
    remote_id: str
    url: str
    text: str
    html: str
    created_at: datetime
    source: str
    sources: str
    visibility: str
    status: str
    lang: str
    sentiment: float
    sentiment_label: str
    complaint: float
    reason: str
    priority: int
    priority_reasons: str
    in_reply_to: str | None
    thread_root: str | None
    author: AuthorInfo
    server: str = ""  # where remote_id (and the thread's ids) are unique


@dataclass(frozen=True)
class TimelineItem:
    """One entry of an author's history: a mention of theirs or a brand reply to them."""

    kind: str  # "mention" | "reply"
    id: int
    mention_id: int
    created_at: datetime
    channel: str
    text: str
    state: str  # mention status, or reply state


# --- writing (call inside Store.write()) -------------------------------------------------
# The ingest path runs these for every post, so they are plain SQL: building peewee
# queries costs more than running them.

def upsert_author(db: Database, author: RemoteAuthor) -> int:
    """Create or refresh an author from what the network says now; returns its id."""
    row = db.execute_sql(
        "SELECT id FROM author WHERE channel = ? AND server = ? AND remote_id = ?",
        (author.channel, author.server, author.remote_id)).fetchone()
    return _write_author(db, author, None if row is None else int(row[0]))


AuthorKey = tuple[str, str, str]  # (channel, server, remote id)
CHUNK = 400  # values in one IN (...): well under every database's limit


def _in_chunks(db: Database, sql: str, head: tuple[Any, ...],
               values: list[Any]) -> list[tuple[Any, ...]]:
    """Rows of `sql` (its ``{marks}`` an IN list) for `values`, CHUNK at a time."""
    rows: list[tuple[Any, ...]] = []
    for start in range(0, len(values), CHUNK):
        chunk = values[start:start + CHUNK]
        rows.extend(db.execute_sql(sql.format(marks=",".join("?" * len(chunk))),
                                   (*head, *chunk)).fetchall())
    return rows


def _by_place(keys: list[AuthorKey]) -> dict[tuple[str, str], list[str]]:
    places: dict[tuple[str, str], list[str]] = {}
    for channel, server, remote_id in dict.fromkeys(keys):
        places.setdefault((channel, server), []).append(remote_id)
    return places


def upsert_authors(db: Database, authors: list[RemoteAuthor]) -> dict[AuthorKey, int]:
    """:func:`upsert_author` for a page: one lookup per network, one write per author whose
    profile changed (the last of a page's copies of an author wins, as if written one by
    one). An author's ``updated_at`` is when the stored profile last changed."""
    latest = {(a.channel, a.server, a.remote_id): a for a in authors}
    stored: dict[AuthorKey, tuple[int, tuple[Any, ...]]] = {}
    for (channel, server), remote_ids in _by_place(list(latest)).items():
        for remote_id, author_id, *row in _in_chunks(
                db, f"SELECT remote_id, id, {_PROFILE} FROM author WHERE channel = ? "
                "AND server = ? AND remote_id IN ({marks})", (channel, server), remote_ids):
            stored[(channel, server, str(remote_id))] = (int(author_id), _as_stored(row))
    ids: dict[AuthorKey, int] = {}
    for key, author in latest.items():
        profile = _profile(author)
        known = stored.get(key)
        # Most pages bring the same people again, unchanged: no write for them.
        if known is not None and known[1] == profile:
            ids[key] = known[0]
        else:
            ids[key] = _write_author(db, author, None if known is None else known[0], profile)
    return ids


# The stored profile, in the order of :func:`_profile`.
_PROFILE = "handle, display_name, url, followers, bio, avatar_url, bot, fields, raw"


def _as_stored(row: list[Any]) -> tuple[Any, ...]:
    """A profile row as :func:`_profile` builds it (SQLite gives the flag as 0/1)."""
    handle, name, url, followers, bio, avatar, bot, fields, raw = row
    return (handle, name, url, followers, bio, avatar, bool(bot), fields, raw)


def _profile(author: RemoteAuthor) -> tuple[Any, ...]:
    # What is shown and compared is capped (a name of a million characters froze the
    # window); the raw payload keeps what the network sent.
    fields = json.dumps([[capped(f.name, BIO_LIMIT), capped(f.value, BIO_LIMIT), f.verified]
                         for f in author.fields[:FIELDS_LIMIT]], ensure_ascii=False)
    return (capped(author.handle, HANDLE_LIMIT), capped(author.display_name, NAME_LIMIT),
            capped(author.url, URL_LIMIT), author.followers, capped(author.bio, BIO_LIMIT),
            capped(author.avatar_url, URL_LIMIT), bool(author.bot), fields,
            json.dumps(author.raw, ensure_ascii=False))


def _write_author(db: Database, author: RemoteAuthor, author_id: int | None,
                  profile: tuple[Any, ...] | None = None) -> int:
    now = to_db(utcnow())
    values = (*(profile or _profile(author)), now)
    if author_id is None:
        cursor = db.execute_sql(
            "INSERT INTO author (handle, display_name, url, followers, bio, avatar_url, bot, "
            "fields, raw, updated_at, channel, server, remote_id, first_seen) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*values, author.channel, author.server, author.remote_id, now))
        return int(cursor.lastrowid)
    db.execute_sql(
        "UPDATE author SET handle = ?, display_name = ?, url = ?, followers = ?, bio = ?, "
        "avatar_url = ?, bot = ?, fields = ?, raw = ?, updated_at = ? WHERE id = ?",
        (*values, author_id))
    return author_id


def existing_mention(db: Database, channel: str, remote_id: str,
                     server: str = "") -> tuple[int, str] | None:
    """(id, sources) of a stored mention of that server, or None."""
    row = db.execute_sql("SELECT id, sources FROM mention "
                         "WHERE channel = ? AND server = ? AND remote_id = ?",
                         (channel, server, remote_id)).fetchone()
    return (int(row[0]), str(row[1])) if row else None


def existing_mentions(db: Database,
                      keys: list[AuthorKey]) -> dict[AuthorKey, tuple[int, str]]:
    """:func:`existing_mention` for a page: (channel, server, remote id) -> (id, sources)."""
    found: dict[AuthorKey, tuple[int, str]] = {}
    for (channel, server), remote_ids in _by_place(keys).items():
        for remote_id, mention_id, sources in _in_chunks(
                db, "SELECT remote_id, id, sources FROM mention WHERE channel = ? "
                "AND server = ? AND remote_id IN ({marks})", (channel, server), remote_ids):
            found[(channel, server, str(remote_id))] = (int(mention_id), str(sources))
    return found


# Which route names a mention in the feed when several found it: the most specific.
SOURCE_RANK = {"direct": 5, "mention": 4, "comment": 3, "hashtag": 2, "keyword": 1}


def add_source(db: Database, mention_id: int, sources: str, source: str) -> bool:
    """Remember one more route that found a stored mention; True if it was new.

    A keyword hit later seen as a mention of the brand becomes a (tagged) mention, and
    its priority and reasons are worked out again ("untagged" no longer applies).
    """
    known = sources.split(",") if sources else []
    if source in known:
        return False
    known.append(source)
    primary = max(known, key=lambda s: SOURCE_RANK.get(s, 0))
    tagged = 1 if primary in ("direct", "mention") else None
    before = db.execute_sql("SELECT source, tagged FROM mention WHERE id = ?",
                            (mention_id,)).fetchone()
    db.execute_sql("UPDATE mention SET sources = ?, source = ?, tagged = coalesce(?, tagged) "
                   "WHERE id = ?", (",".join(known), primary, tagged, mention_id))
    # SQLite: INSERT OR IGNORE (PostgreSQL: ON CONFLICT DO NOTHING).
    db.execute_sql("INSERT OR IGNORE INTO mention_source (source, feed_key) "
                   "SELECT ?, feed_key FROM mention WHERE id = ?", (source, mention_id))
    if before is not None and (before[0] != primary or (tagged and not before[1])):
        from console.triage.rescore import reprioritise  # triage reads the store, not back

        reprioritise(db, [mention_id])
    return True


def _wanted_key(created_at: datetime, salt: str) -> int:
    """A post's feed key if free: its time in ms shifted 20 bits, plus a tie-break."""
    millis = max(0, int(created_at.timestamp() * 1000))
    return (millis << 20) | (zlib.crc32(salt.encode("utf-8", "replace")) & 0xFFFFF)


def _key_taken(db: Database, key: int) -> bool:
    return db.execute_sql("SELECT 1 FROM mention WHERE feed_key = ?", (key,)).fetchone() is not None


def feed_key(db: Database, created_at: datetime, salt: str) -> int:
    """A free feed key for a post: its time in ms shifted 20 bits, plus a tie-break."""
    key = _wanted_key(created_at, salt)
    while _key_taken(db, key):
        key += 1
    return key


def feed_keys(db: Database, posts: list[tuple[datetime, str]]) -> list[int]:
    """:func:`feed_key` for a page of posts (created_at, salt), each key free and distinct:
    one lookup for the page; only a clash looks further, one key at a time."""
    wanted = [_wanted_key(created, salt) for created, salt in posts]
    taken = {int(r[0]) for r in _in_chunks(
        db, "SELECT feed_key FROM mention WHERE feed_key IN ({marks})", (), wanted)}
    checked, used, keys = set(wanted), set(), []
    for key in wanted:
        while key in used or key in taken or (key not in checked and _key_taken(db, key)):
            key += 1
        used.add(key)
        keys.append(key)
    return keys


SearchEntry = tuple[int, str, str, str]  # (feed key, text, author's name, sources)


def insert_mention(db: Database, values: dict[str, Any], author_name: str) -> int:
    """Insert a mention and its full-text row; returns the new id."""
    mention_id, entry = insert_mention_row(db, values, author_name)
    index_mentions(db, [entry])
    return mention_id


def insert_mention_row(db: Database, values: dict[str, Any],
                       author_name: str) -> tuple[int, SearchEntry]:
    """Insert a mention without its full-text and route rows; returns the new id and what
    :func:`index_mentions` needs (a page of them is indexed in two statements)."""
    if "feed_key" not in values:
        created = from_db(values["created_at"])
        assert created is not None
        values = {**values, "feed_key": feed_key(
            db, created, f"{values['channel']}:{values['remote_id']}")}
    columns = ", ".join(values)
    marks = ", ".join("?" * len(values))
    cursor = db.execute_sql(f"INSERT INTO mention ({columns}) VALUES ({marks})",
                            tuple(values.values()))
    if len(author_name) > NAME_LIMIT + HANDLE_LIMIT + 1:  # "<name> <handle>": keep both ends
        author_name = f"{author_name[:NAME_LIMIT]} {author_name[-HANDLE_LIMIT:]}"
    entry = (int(values["feed_key"]), str(values.get("text", "")), author_name,
             str(values.get("sources") or values["source"]))
    return int(cursor.lastrowid), entry


def index_mentions(db: Database, entries: list[SearchEntry]) -> None:
    """The full-text rows and the routes of mentions just inserted, CHUNK at a time."""
    # SQLite: the FTS5 table keyed by feed_key; INSERT OR IGNORE becomes PostgreSQL's
    # ON CONFLICT DO NOTHING. Several rows in one statement: one round trip a page.
    routes = list(dict.fromkeys((source, key) for key, _, _, sources in entries
                                for source in sources.split(",")))
    for table, rows, verb in (("mention_fts (rowid, text, author)",
                               [(key, text, name) for key, text, name, _ in entries],
                               "INSERT"),
                              ("mention_source (source, feed_key)", routes,
                               "INSERT OR IGNORE")):
        for start in range(0, len(rows), CHUNK // 4):
            chunk = rows[start:start + CHUNK // 4]
            width = len(chunk[0])
            marks = ", ".join(["(" + ", ".join("?" * width) + ")"] * len(chunk))
            db.execute_sql(f"{verb} INTO {table} VALUES {marks}",
                           tuple(value for row in chunk for value in row))


def thread_root_of(db: Database, channel: str, in_reply_to: str | None,
                   server: str = "") -> str | None:
    """The root of the thread a reply (read from ``server``) belongs to, as far as the store
    knows it."""
    if not in_reply_to:
        return None
    row = db.execute_sql("SELECT thread_root FROM mention "
                         "WHERE channel = ? AND server = ? AND remote_id = ?",
                         (channel, server, in_reply_to)).fetchone()
    if row is not None:
        return str(row[0] or in_reply_to)
    # An answer to one of the brand's replies belongs to the thread the brand answered in.
    row = db.execute_sql(
        "SELECT coalesce(m.thread_root, m.remote_id) FROM reply r "
        "JOIN mention m ON m.id = r.mention_id "
        "WHERE r.remote_id = ? AND m.channel = ? AND m.server = ?",
        (in_reply_to, channel, server)).fetchone()
    if row is not None and row[0]:
        return str(row[0])
    return in_reply_to


def author_history_count(author_id: int) -> int:
    return int(Mention.select().where(Mention.author == author_id).count())


def set_status(store: Store, mention_ids: list[int], status: str) -> int:
    if status not in MENTION_STATUSES:
        raise ValueError(f"unknown status {status!r}; use one of {', '.join(MENTION_STATUSES)}")
    with store.write():
        return int(Mention.update(status=status).where(Mention.id.in_(mention_ids)).execute())


# --- reading -----------------------------------------------------------------------------

def _author_info(row: Author, mention_count: int = 0) -> AuthorInfo:
    first_seen = from_db(row.first_seen)
    assert first_seen is not None
    return AuthorInfo(
        id=row.id, channel=row.channel, remote_id=row.remote_id, handle=row.handle,
        display_name=row.display_name, url=row.url, followers=row.followers, bio=row.bio,
        bot=row.bot, fields=tuple((f[0], f[1], bool(f[2])) for f in json.loads(row.fields)),
        customer_id=row.customer_id, first_seen=first_seen, mention_count=mention_count,
        server=row.server,
    )


def author_info(author_id: int) -> AuthorInfo | None:
    row = Author.get_or_none(Author.id == author_id)
    return _author_info(row, author_history_count(author_id)) if row else None


def mention_detail(mention_id: int) -> MentionDetail | None:
    row = Mention.get_or_none(Mention.id == mention_id)
    if row is None:
        return None
    created = from_db(row.created_at)
    assert created is not None
    return MentionDetail(
        id=row.id, account_id=row.account_id, channel=row.channel, remote_id=row.remote_id,
        url=row.url, text=row.text, html=row.html, created_at=created, source=row.source,
        sources=row.sources, visibility=row.visibility, status=row.status, lang=row.lang,
        sentiment=row.sentiment, sentiment_label=row.sentiment_label, complaint=row.complaint,
        reason=row.reason, priority=row.priority, priority_reasons=row.priority_reasons,
        in_reply_to=row.in_reply_to, thread_root=row.thread_root,
        author=_author_info(row.author), server=row.server,
    )


def author_timeline(db: Database, author_id: int, before: tuple[datetime, str, int] | None = None,
                    limit: int = 100) -> list[TimelineItem]:
    """An author's mentions and the brand's replies to them, newest first, paged."""
    params: list[Any] = [author_id, author_id]
    page = ""
    if before is not None:
        page = "WHERE (created_at, kind, id) < (?, ?, ?)"
        params.extend([to_db(before[0]), before[1], before[2]])
    sql = f"""
    SELECT * FROM (
      SELECT 'mention' AS kind, m.id AS id, m.id AS mention_id, m.created_at AS created_at,
             m.channel AS channel, substr(m.text, 1, 500) AS text, m.status AS state
        FROM mention m WHERE m.author_id = ?
      UNION ALL
      SELECT 'reply', r.id, r.mention_id, coalesce(r.sent_at, r.created_at), m.channel,
             substr(r.text, 1, 500), r.state
        FROM reply r JOIN mention m ON m.id = r.mention_id
       WHERE m.author_id = ? AND r.state != 'draft'
    ) AS timeline {page}
    ORDER BY created_at DESC, kind DESC, id DESC LIMIT ?"""
    params.append(limit)
    items = []
    for kind, item_id, mention_id, created, channel, text, state in db.execute_sql(sql, params):
        when = from_db(created)
        assert when is not None
        items.append(TimelineItem(kind, item_id, mention_id, when, channel, text, state))
    return items


def thread(channel: str, root: str, server: str = "") -> list[MentionDetail]:
    """Every stored post of one thread (on one server), oldest first."""
    # Two indexed lookups (an OR across the two columns would read the whole table).
    rows = database_proxy.execute_sql(
        "SELECT id FROM mention WHERE channel = ? AND thread_root = ? AND server = ? UNION "
        "SELECT id FROM mention WHERE channel = ? AND server = ? AND remote_id = ?",
        (channel, root, server, channel, server, root)).fetchall()
    found = [d for d in (mention_detail(r[0]) for r in rows) if d is not None]
    return sorted(found, key=lambda d: (d.created_at, d.id))
