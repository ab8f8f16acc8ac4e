"""Mentions and authors: storing what channels found, and reading it back for the panels."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from peewee import Database

from console.channels.base import RemoteAuthor
from console.store.db import Store
from console.store.models import MENTION_STATUSES, Author, Mention
from console.store.timeutil import from_db, to_db, utcnow


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

def upsert_author(author: RemoteAuthor) -> int:
    """Create or refresh an author from what the network says now; returns its id."""
    now = to_db(utcnow())
    fields = json.dumps([[f.name, f.value, f.verified] for f in author.fields])
    values: dict[Any, Any] = {
        Author.handle: author.handle, Author.display_name: author.display_name,
        Author.url: author.url, Author.followers: author.followers, Author.bio: author.bio,
        Author.avatar_url: author.avatar_url, Author.bot: author.bot, Author.fields: fields,
        Author.payload: json.dumps(author.raw, ensure_ascii=False), Author.updated_at: now,
    }
    row = Author.get_or_none((Author.channel == author.channel)
                             & (Author.remote_id == author.remote_id))
    if row is None:
        return int(Author.insert({Author.channel: author.channel,
                                  Author.remote_id: author.remote_id,
                                  Author.first_seen: now, **values}).execute())
    Author.update(values).where(Author.id == row.id).execute()
    return int(row.id)


def existing_mention(channel: str, remote_id: str) -> tuple[int, str] | None:
    """(id, sources) of a stored mention, or None."""
    row = (Mention.select(Mention.id, Mention.sources)
           .where((Mention.channel == channel) & (Mention.remote_id == remote_id)).first())
    return (row.id, row.sources) if row else None


def add_source(mention_id: int, sources: str, source: str) -> None:
    """Remember one more route that found a stored mention."""
    known = sources.split(",") if sources else []
    if source not in known:
        known.append(source)
        Mention.update(sources=",".join(known)).where(Mention.id == mention_id).execute()


def insert_mention(db: Database, values: dict[str, Any], author_name: str) -> int:
    """Insert a mention and its full-text row; returns the new id."""
    mention_id = int(Mention.insert(**values).execute())
    db.execute_sql("INSERT INTO mention_fts (rowid, text, author) VALUES (?, ?, ?)",
                   (mention_id, values.get("text", ""), author_name))
    return mention_id


def thread_root_of(channel: str, in_reply_to: str | None) -> str | None:
    """The root of the thread a reply belongs to, as far as the store knows it."""
    if not in_reply_to:
        return None
    parent = (Mention.select(Mention.thread_root)
              .where((Mention.channel == channel) & (Mention.remote_id == in_reply_to)).first())
    if parent is not None and parent.thread_root:
        return str(parent.thread_root)
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
        author=_author_info(row.author),
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
    ) {page}
    ORDER BY created_at DESC, kind DESC, id DESC LIMIT ?"""
    params.append(limit)
    items = []
    for kind, item_id, mention_id, created, channel, text, state in db.execute_sql(sql, params):
        when = from_db(created)
        assert when is not None
        items.append(TimelineItem(kind, item_id, mention_id, when, channel, text, state))
    return items


def thread(channel: str, root: str) -> list[MentionDetail]:
    """Every stored post of one thread, oldest first."""
    rows = (Mention.select(Mention.id)
            .where((Mention.channel == channel)
                   & ((Mention.thread_root == root) | (Mention.remote_id == root)))
            .order_by(Mention.created_at))
    return [d for d in (mention_detail(r.id) for r in rows) if d is not None]
