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
from console.triage.context import context_of_remote_author, watch_terms
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
    prepared = []
    now = utcnow()
    db = store.db

    def score(post: RemotePost, tagged: bool) -> TriageResult:
        # The customer's open cases and history, and the watch's terms, weigh on priority.
        author = context_of_remote_author(db, post.channel, post.author.remote_id,
                                          post.author.server)
        context, exclude = watch_terms(db, post.watch_id)
        return triager.score(TriageInput(
            text=post.text, lang_hint=post.lang, followers=post.author.followers,
            tagged=tagged, source=post.source, created_at=post.created_at,
            bot=post.author.bot, author_open_cases=author.open_cases,
            author_history=author.history, watch_context=context, watch_exclude=exclude,
        ), now=now)

    # Triage runs before the write lock, and only for posts not stored yet: a post seen
    # again by another route (every keyword pull re-finds tagged posts) only adds a route.
    for post in map(storable_post, posts):  # no lone surrogate reaches SQLite
        if brand_remote_id and post.author.remote_id == brand_remote_id:
            continue  # the brand's own posts are replies, kept in the outbox
        tagged = is_tagged(post, brand_handle)
        known = mentions.existing_mention(db, post.channel, post.remote_id,
                                          post.server) is not None
        prepared.append((post, tagged, None if known else score(post, tagged)))
    with store.write():
        fresh: list[Ingested] = []
        for post, tagged, labels in prepared:
            found = mentions.existing_mention(db, post.channel, post.remote_id, post.server)
            if found is not None:
                if mentions.add_source(db, found[0], found[1], post.source):
                    result.changed.append(found[0])
                continue
            if labels is None:
                labels = score(post, tagged)
            author_id = mentions.upsert_author(db, post.author)
            root = post.thread_root or mentions.thread_root_of(db, post.channel,
                                                               post.in_reply_to, post.server)
            values = {
                "account_id": account_id, "channel": post.channel, "server": post.server,
                "remote_id": post.remote_id,
                "url": post.url, "author_id": author_id, "text": post.text,
                "html": sanitize(post.html) if post.html else "",
                "created_at": to_db(post.created_at), "fetched_at": to_db(now),
                "feed_key": mentions.feed_key(db, post.created_at,
                                              f"{post.channel}:{post.remote_id}"),
                "source": post.source, "sources": post.source, "watch_id": post.watch_id,
                "in_reply_to": post.in_reply_to,
                "thread_root": root,
                "visibility": post.visibility, "tagged": tagged, "lang": labels.lang,
                "sentiment": labels.sentiment, "sentiment_label": labels.sentiment_label,
                "complaint": labels.complaint, "reason": labels.reason,
                "relevance": labels.relevance, "priority": labels.priority,
                "priority_reasons": " · ".join(labels.priority_reasons),
                "spam": labels.spam, "status": "new",
                "raw": json.dumps(post.raw, ensure_ascii=False),
            }
            name = f"{post.author.display_name} {post.author.handle}"
            mention_id = mentions.insert_mention(db, values, name)
            result.added.append(mention_id)
            fresh.append(Ingested(mention_id, author_id, account_id, post, labels, tagged, root,
                                  history=history))
        run_steps(db, fresh)
        changes.record(db, changes.MENTION_ADDED, result.added)  # other consoles show them
        changes.record(db, changes.MENTION, result.changed)
        if account_id is not None and cursor_name and cursor_value:
            accounts.set_cursor(account_id, cursor_name, cursor_value)
    return result
