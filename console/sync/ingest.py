"""Storing what a pull brought: de-duplicate, triage, persist with the cursor, in one go.

A post seen before (same channel, server and remote id) is stored once; the new route that
found it is remembered in `sources`. The cursor is written in the same transaction as the
posts, so a crash leaves either both or neither. Items of the page the channel could not
read were skipped there (the cursor still moves past them); they are carried into the
result so the account's status can say which were skipped and why.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from peewee import Database

from console.accounts import queries as accounts
from console.channels.base import RemotePost, SkippedItem
from console.channels.html import sanitize
from console.i18n import translate
from console.mentions import queries as mentions
from console.mentions.ingested import Ingested
from console.store import changes
from console.store.db import Store
from console.store.timeutil import to_db, utcnow
from console.sync.pipeline import run_steps
from console.triage import TriageInput, Triager, TriageResult
from console.triage.context import (
    AuthorContext,
    WatchTerms,
    contexts_of_remote_authors,
    watch_terms,
)
from console.trust.unicode import storable_post

log = logging.getLogger(__name__)
SKIPS_NAMED = 3  # skipped items named in a status line; the rest are counted


@dataclass
class IngestResult:
    """What one pull stored: new mentions, ones found again, and items skipped unread."""

    added: list[int] = field(default_factory=list)
    changed: list[int] = field(default_factory=list)
    skipped: list[SkippedItem] = field(default_factory=list)


def skipped_text(skipped: Sequence[SkippedItem]) -> str:
    """Which items a sync skipped and why, for the account's status ("" when none)."""
    parts = [translate("Sync", "skipped {item} ({reason})").format(
        item=s.item, reason=s.reason) for s in skipped[:SKIPS_NAMED]]
    if len(skipped) > SKIPS_NAMED:
        parts.append(translate("Sync", "{n} more skipped").format(
            n=len(skipped) - SKIPS_NAMED))
    return "; ".join(parts)


def is_tagged(post: RemotePost, brand_handle: str) -> bool:
    """Whether the post names the brand's account (the customer expects an answer)."""
    if post.source in ("mention", "direct"):
        return True
    brand = brand_handle.lower().lstrip("@")
    brand_user = brand.split("@", 1)[0]
    for handle in post.mentions:
        h = handle.lower().lstrip("@")
        if h == brand or (brand_user and h.split("@", 1)[0] == brand_user and "@" not in brand):
            return True
    return False


def _key(post: RemotePost) -> tuple[str, str, str]:
    return (post.channel, post.server, post.remote_id)


def _score_page(db: Database, triager: Triager, posts: list[RemotePost], tagged: list[bool],
                now: datetime) -> list[TriageResult]:
    """Triage for posts of one page; the author's open cases and history and the watch's
    terms weigh on priority (read for the whole page in a few statements)."""
    if not posts:
        return []
    authors = contexts_of_remote_authors(
        db, [(p.channel, p.author.server, p.author.remote_id) for p in posts])
    watches: dict[int, WatchTerms] = {}
    items = []
    for post, post_tagged in zip(posts, tagged, strict=True):
        author = authors.get((post.channel, post.author.server,
                              post.author.remote_id), AuthorContext())
        context, exclude = watch_terms(db, post.watch_id, watches)
        items.append(TriageInput(
            text=post.text, lang_hint=post.lang, followers=post.author.followers,
            tagged=post_tagged, source=post.source, created_at=post.created_at,
            bot=post.author.bot, author_open_cases=author.open_cases,
            author_history=author.history, watch_context=context, watch_exclude=exclude,
        ))
    # The whole page through the models at once: one matrix product per model.
    return triager.score_many(items, now=now)


def ingest(store: Store, triager: Triager, account_id: int | None, posts: list[RemotePost],
           cursor_name: str | None, cursor_value: str | None, brand_handle: str = "",
           brand_remote_id: str = "", history: bool = False,
           skipped: Sequence[SkippedItem] = ()) -> IngestResult:
    """Store `posts` found by one pull and its cursor together; returns the ids touched.

    `history` marks posts imported from the past: the cases step leaves them alone.
    `skipped` are the items the pull could not read; they come back in the result.
    """
    result = IngestResult(skipped=list(skipped))
    for item in skipped:
        log.warning("account %s, %s: skipped %s: %s", account_id, cursor_name, item.item,
                    item.reason)
    now = utcnow()
    db = store.db
    # no lone surrogate reaches SQLite; the brand's own posts are replies, kept in the outbox
    page = [post for post in map(storable_post, posts)
            if not (brand_remote_id and post.author.remote_id == brand_remote_id)]
    # Triage runs before the write lock, and only for posts not stored yet: a post seen
    # again by another route (every keyword pull re-finds tagged posts) only adds a route.
    # What the store knows is read for the whole page at once, not post by post.
    known = mentions.existing_mentions(db, [_key(post) for post in page])
    tagged = [is_tagged(post, brand_handle) for post in page]
    labels: list[TriageResult | None] = [None] * len(page)
    todo = [i for i, post in enumerate(page) if _key(post) not in known]
    for i, result_labels in zip(todo, _score_page(db, triager, [page[i] for i in todo],
                                                  [tagged[i] for i in todo], now), strict=True):
        labels[i] = result_labels
    with store.write():
        fresh: list[Ingested] = []
        searchable: list[mentions.SearchEntry] = []
        fetched_at = to_db(now)
        # Looked up again under the lock: another pull may have stored some meanwhile.
        found = mentions.existing_mentions(db, [_key(post) for post in page])
        new = [i for i, post in enumerate(page) if _key(post) not in found]
        late = [i for i in new if labels[i] is None]  # stored at first, gone since
        for i, result_labels in zip(late, _score_page(db, triager, [page[i] for i in late],
                                                      [tagged[i] for i in late], now), strict=True):
            labels[i] = result_labels
        authors = mentions.upsert_authors(db, [page[i].author for i in new])
        # By position: a second copy of a post in the page reserves a key it never uses.
        feed_keys = dict(zip(new, mentions.feed_keys(
            db, [(page[i].created_at, f"{page[i].channel}:{page[i].remote_id}") for i in new]),
            strict=True))
        for i, post in enumerate(page):
            key = _key(post)
            if key in found:
                mention_id, sources = found[key]
                if mentions.add_source(db, mention_id, sources, post.source):
                    result.changed.append(mention_id)
                    found[key] = (mention_id, f"{sources},{post.source}" if sources
                                  else post.source)
                continue
            post_labels = labels[i]
            assert post_labels is not None
            author_id = authors[(post.author.channel, post.author.server,
                                 post.author.remote_id)]
            root = post.thread_root or mentions.thread_root_of(db, post.channel,
                                                               post.in_reply_to, post.server)
            values = {
                "account_id": account_id, "channel": post.channel, "server": post.server,
                "remote_id": post.remote_id,
                "url": post.url, "author_id": author_id, "text": post.text,
                "html": sanitize(post.html) if post.html else "",
                "created_at": to_db(post.created_at), "fetched_at": fetched_at,
                "feed_key": feed_keys[i],
                "source": post.source, "sources": post.source, "watch_id": post.watch_id,
                "in_reply_to": post.in_reply_to,
                "thread_root": root,
                "visibility": post.visibility, "tagged": tagged[i], "lang": post_labels.lang,
                "sentiment": post_labels.sentiment,
                "sentiment_label": post_labels.sentiment_label,
                "complaint": post_labels.complaint, "reason": post_labels.reason,
                "relevance": post_labels.relevance, "priority": post_labels.priority,
                "priority_reasons": " · ".join(post_labels.priority_reasons),
                "spam": post_labels.spam, "certainty": post_labels.certainty, "status": "new",
                "raw": json.dumps(post.raw, ensure_ascii=False),
            }
            name = f"{post.author.display_name} {post.author.handle}"
            mention_id, entry = mentions.insert_mention_row(db, values, name)
            searchable.append(entry)
            # A second copy of this post later in the page only adds its route.
            found[key] = (mention_id, post.source)
            result.added.append(mention_id)
            fresh.append(Ingested(mention_id, author_id, account_id, post, post_labels,
                                  tagged[i], root, history=history))
        mentions.index_mentions(db, searchable)  # the page's search rows at once
        with changes.collected(db):  # the page's changes logged at once, cases included
            run_steps(db, fresh)
            changes.record(db, changes.MENTION_ADDED, result.added)  # other consoles show them
            changes.record(db, changes.MENTION, result.changed)
        if account_id is not None and cursor_name and cursor_value:
            accounts.set_cursor(account_id, cursor_name, cursor_value)
    return result
