"""The blog channel: any RSS 2.0 or Atom feed, its comment feeds, and Blogger's feeds.

What becomes a mention (every one with source ``"comment"``):

* **The brand's own blog** (``every_comment``): every comment on every post. The posts
  themselves are the brand's and are only the threads' roots (never mentions); comments
  signed with the brand's name (the account's handle) are the brand's replies.
* **Any other blog**: each post that matches a watch term, each comment that matches one,
  and every comment on a post that matched (the conversation about the brand), found by
  that watch (``watch_id``).

Comments come from the feed itself when it is a comments feed (Atom with
``thr:in-reply-to``, WordPress' ``/comments/feed/``, Blogger's ``/feeds/comments/default``),
else from each post's comment feed (``wfw:commentRss`` or ``link rel="replies"``), or for a
Blogger posts feed from the blog's one comments feed. A post is its comments' thread root.

Cursors are JSON: for each document read, its ``ETag`` and ``Last-Modified`` (sent back as
``If-None-Match``/``If-Modified-Since``, so an unchanged feed costs a 304 and nothing is
parsed), the post each comment feed belongs to, and for a watch the posts that matched it.
Every pull has its own cursor, so a crash between two pulls loses nothing; a document read
less than ``min_interval`` seconds ago is reused instead of asked for again.

Authors are ``channel="feed"``. Their remote id is the Blogger profile address when there
is one (Blogger assigns it), else a hash of name, e-mail and address scoped to the blog's
site: a guest's e-mail address is never stored, not even in the raw payload.

There is no API to post a comment on a feed (Blogger has none): replies are ``manual``.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

from console.channels.base import (
    ChannelError,
    InstanceInfo,
    NotFound,
    PullResult,
    RemoteAuthor,
    RemotePost,
    ReplyRefused,
    ReplyRules,
    SentReply,
    SkippedItem,
    WatchSpec,
    server_of,
)
from console.channels.feeds.http import WebClient
from console.channels.feeds.parse import (
    MAX_URL,
    FeedEntry,
    ParsedFeed,
    blogger_comments_url,
    blogger_kind,
    fold,
    host_of,
    parse_feed,
)
from console.channels.html import to_plain_text
from console.channels.limits import FEED
from console.channels.urls import web_address, with_scheme
from console.i18n import QT_TRANSLATE_NOOP, translate

KIND = "feed"
COMMENT_LIMIT = 4096  # Blogger's comment limit; a sensible bound for any blog's form
MAX_COMMENT_FEEDS = 50
MAX_MATCHED = 500
ACCEPT = ("application/atom+xml, application/rss+xml;q=0.9, application/xml;q=0.8, "
          "text/xml;q=0.7, */*;q=0.1")
_BLOGGER_PROFILE = re.compile(r"^https?://(?:www\.)?blogger\.com/profile/\d+$")
MANUAL_REASON = QT_TRANSLATE_NOOP(
    "ReplyRules", "{site} takes no replies through an API: open the post in the browser and "
    "paste the reply there (it is copied to the clipboard); the reply is still recorded in "
    "the case.")


def check_feed_url(url: str) -> str:
    """A usable feed address (http or https), or ChannelError saying why not."""
    text = with_scheme((url or "").strip())
    address = web_address(text)
    if address is None:
        raise ChannelError(translate(
            "Channels", "{address} is not a web address; type the feed like "
            "https://blog.example/feed/").format(
            address=url.strip() or translate("Channels", "an empty address")))
    if address.credentials:
        raise ChannelError(translate(
            "Channels", "A feed address must not contain a user name or password"))
    return text[:MAX_URL]


def manual_rules(url: str) -> ReplyRules:
    """What a reply to a blog comment read from a feed may be: written by hand."""
    site = "Blogger" if blogger_kind(url) else translate("ReplyRules", "The blog {host}").format(
        host=host_of(url))
    return ReplyRules("characters", COMMENT_LIMIT, can_reply=True, manual=True,
                      reason=translate("ReplyRules", MANUAL_REASON).format(site=site))


def rules_for_post(raw: dict[str, Any], rules: ReplyRules) -> ReplyRules:
    """The rules for a reply to one stored feed entry: by hand, in the browser."""
    feed = raw.get("feed") if isinstance(raw, dict) else None
    manual = manual_rules(feed if isinstance(feed, str) and feed else "https://blog.invalid/")
    return ReplyRules(manual.unit, manual.limit, can_reply=rules.can_reply, manual=True,
                      reason=rules.reason if not rules.can_reply else manual.reason)


@dataclass
class _Document:
    at: float
    etag: str
    modified: str
    parsed: ParsedFeed | None  # None: the answer was 304


@dataclass(frozen=True)
class _PostRef:
    id: str
    title: str = ""
    link: str = ""


@dataclass
class _Gathered:
    """Every entry of the documents that changed, and which of them this cursor had not
    seen (``fresh``); old entries stay for working out threads."""

    posts: list[FeedEntry]
    comments: list[tuple[FeedEntry, _PostRef | None]]
    docs: dict[str, dict[str, Any]]
    lang: str | None
    fresh: set[str] = field(default_factory=set)
    skipped: list[SkippedItem] = field(default_factory=list)  # unreadable entries

    @property
    def by_id(self) -> dict[str, FeedEntry]:
        return {post.id: post for post in self.posts}

    @property
    def answers(self) -> dict[str, str]:
        """Comment id -> what it answers (``thr:in-reply-to``), for comments read now."""
        return {entry.id: entry.in_reply_to for entry, _ in self.comments if entry.in_reply_to}


def _short(entry_id: str) -> str:
    """A compact, stable token for an entry id (what a cursor remembers as seen)."""
    return hashlib.sha1(entry_id.encode("utf-8")).hexdigest()[:12]


def _root(ref: str, answers: dict[str, str]) -> str | None:
    """Follow in-reply-to links through the comments at hand up to the post."""
    seen: set[str] = set()
    while ref in answers and ref not in seen:
        seen.add(ref)
        ref = answers[ref]
    return ref or None


def _load(cursor: str | None) -> dict[str, Any]:
    try:
        data = json.loads(cursor) if cursor else {}
    except ValueError:
        data = {}
    if not isinstance(data, dict) or not isinstance(data.get("docs"), dict):
        data = {"docs": {}}
    matched = data.get("matched")
    kept = matched if isinstance(matched, list) else []
    data["matched"] = [m for m in kept if isinstance(m, str)]
    return data


def matches(watch: WatchSpec, text: str, lang: str | None) -> bool:
    """Whether a watch term appears as a word in ``text`` (case and accents ignored)."""
    term = fold(watch.term.lstrip("#").strip())
    folded = fold(text)
    if not term or not re.search(rf"(?<!\w){re.escape(term)}(?!\w)", folded):
        return False
    if watch.lang and lang and lang != watch.lang:
        return False
    return not any(fold(word) in folded for word in watch.exclude if word.strip())


class FeedChannel:
    """One blog read through its feed (``kind = "feed"``)."""

    kind = KIND

    def __init__(
        self,
        url: str,
        *,
        brand_name: str = "",
        every_comment: bool = False,
        min_interval: float = 60.0,
        timeout: float = 15.0,
        max_wait: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
        deadline: float = FEED.deadline,
    ) -> None:
        self.url = check_feed_url(url)
        parts = urlsplit(self.url)
        self.site = f"{parts.scheme}://{parts.netloc}"
        self.server = server_of(self.url)  # an entry id is only sure to be unique per site
        self.brand_name = brand_name.strip()
        self.every_comment = every_comment
        self.min_interval = min_interval
        self.clock = clock
        self.label = f"Feed {host_of(self.url)}"
        self.http = WebClient(self.label, timeout=timeout, max_wait=max_wait, sleep=sleep,
                              transport=transport, accept=ACCEPT, deadline=deadline)
        self._docs: dict[str, _Document] = {}

    def close(self) -> None:
        self.http.close()

    # -- documents ---------------------------------------------------------------------------

    def _fetch(self, url: str, known: dict[str, str]) -> tuple[ParsedFeed | None, dict[str, str]]:
        """The document if it changed since ``known`` validators (None if not), and the new
        validators."""
        etag, modified = known.get("etag", ""), known.get("modified", "")
        doc = self._docs.get(url)
        if doc is not None and self.clock() - doc.at < self.min_interval:
            same = (etag and etag == doc.etag) or (
                not doc.etag and modified and modified == doc.modified)
            if same:
                return None, {"etag": doc.etag, "modified": doc.modified}
            if doc.parsed is not None:
                return doc.parsed, {"etag": doc.etag, "modified": doc.modified}
        fetched = self.http.get(url, etag=etag, modified=modified)
        if not fetched.modified:
            validators = {"etag": fetched.etag or etag,
                          "modified": fetched.last_modified or modified}
            self._docs[url] = _Document(self.clock(), validators["etag"],
                                        validators["modified"], None)
            return None, validators
        parsed = parse_feed(fetched.content, fetched.url,
                            fetched.headers.get("Content-Type", ""))
        self._docs[url] = _Document(self.clock(), fetched.etag, fetched.last_modified, parsed)
        return parsed, {"etag": fetched.etag, "modified": fetched.last_modified}

    def _gather(self, state: dict[str, Any]) -> _Gathered:
        docs: dict[str, Any] = state["docs"]
        found = _Gathered([], [], {}, None)

        def read(url: str, extra: dict[str, str]) -> ParsedFeed | None:
            known = docs.get(url) if isinstance(docs.get(url), dict) else {}
            parsed, validators = self._fetch(url, known or {})
            before = known.get("seen") if isinstance(known, dict) else None
            seen = [s for s in before if isinstance(s, str)] if isinstance(before, list) else []
            if parsed is not None:
                earlier = set(seen)
                seen = [_short(entry.id) for entry in parsed.entries]
                found.fresh.update(e.id for e in parsed.entries if _short(e.id) not in earlier)
                found.lang = found.lang or parsed.lang
                found.skipped.extend(parsed.skipped)
            found.docs[url] = {**validators, **extra, "seen": seen}
            return parsed

        main = read(self.url, {})
        feeds: dict[str, _PostRef | None] = {}
        if main is None:
            for url, info in docs.items():
                if url != self.url and isinstance(info, dict):
                    post = info.get("post") or ""
                    feeds[url] = _PostRef(post, info.get("title", ""), info.get("link", "")) \
                        if post else None
        elif main.is_comments:
            found.comments.extend((entry, None) for entry in main.entries)
        else:
            found.posts = main.entries
            if main.is_blogger and blogger_kind(self.url) == "posts":
                feeds[blogger_comments_url(self.url)] = None
            else:
                for post in found.posts:
                    if post.replies_url and post.replies_url != self.url:
                        feeds.setdefault(post.replies_url, _PostRef(post.id, post.title[:200],
                                                                     post.link))
        for url, ref in list(feeds.items())[:MAX_COMMENT_FEEDS]:
            extra = {"post": ref.id, "title": ref.title, "link": ref.link} if ref else {}
            try:
                parsed = read(url, extra)
            except NotFound:
                continue  # the post is gone, or its comments were switched off
            if parsed is not None:
                found.comments.extend((entry, ref) for entry in parsed.entries)
        return found

    # -- entries to posts ----------------------------------------------------------------

    def _author(self, entry: FeedEntry) -> RemoteAuthor:
        author = entry.author
        name = author.name or "Anonymous"
        if _BLOGGER_PROFILE.match(author.uri):
            remote_id = author.uri
        else:
            seed = "|".join((fold(name), author.email_hash, author.uri.lower()))
            digest = hashlib.sha256(seed.encode("utf-8")).hexdigest()[:24]
            remote_id = f"{self.site}#author-{digest}"
        return RemoteAuthor(channel=KIND, remote_id=remote_id, handle=name[:200],
                            display_name=name[:200], url=author.uri,
                            raw={"name": name, "uri": author.uri, "site": self.site},
                            server=self.server)

    def _is_brand(self, entry: FeedEntry) -> bool:
        return bool(self.brand_name) and fold(entry.author.name) == fold(self.brand_name)

    def _remote_post(self, entry: FeedEntry, *, comment: bool, root: str | None,
                     parent: str | None, post_title: str, watch_id: int | None,
                     lang: str | None) -> RemotePost:
        body = to_plain_text(entry.html)
        if comment:
            text = body or to_plain_text(entry.title)
        else:
            title = to_plain_text(entry.title)
            text = f"{title}\n\n{body}" if title and body else (title or body)
        raw = {
            "id": entry.id, "link": entry.link, "title": entry.title[:500],
            "author": entry.author.name, "author_uri": entry.author.uri,
            "published": entry.published.isoformat() if entry.published else None,
            "in_reply_to": entry.in_reply_to or None, "post": root, "post_title": post_title,
            "comments": entry.comment_count, "feed": self.url, "kind": "comment" if comment
            else "post",
        }
        return RemotePost(
            channel=KIND, remote_id=entry.id, url=entry.link, author=self._author(entry),
            text=text, html=entry.html, created_at=entry.published or datetime.now(UTC),
            source="comment", in_reply_to=parent, thread_root=root,
            lang=entry.lang or lang, tags=entry.tags, watch_id=watch_id, raw=raw,
            server=self.server,
        )

    def _comment(self, entry: FeedEntry, ref: _PostRef | None, found: _Gathered,
                 watch_id: int | None) -> RemotePost:
        root = ref.id if ref else _root(entry.in_reply_to, found.answers)
        parent = entry.parent_comment or entry.in_reply_to or (ref.id if ref else None)
        post = found.by_id.get(root or "")
        title = ref.title if ref and ref.title else (post.title if post else "")
        return self._remote_post(entry, comment=True, root=root, parent=parent,
                                 post_title=title[:200], watch_id=watch_id, lang=found.lang)

    # -- pulls -------------------------------------------------------------------------------

    def pull_mentions(self, cursor: str | None) -> PullResult:
        """Every comment of the brand's own blog; nothing for any other blog."""
        if not self.every_comment:
            return PullResult([], None)
        state = _load(cursor)
        found = self._gather(state)
        out: dict[str, RemotePost] = {}
        for entry, ref in found.comments:
            if entry.id in found.fresh and not self._is_brand(entry):
                out.setdefault(entry.id, self._comment(entry, ref, found, None))
        return PullResult(_ordered(out), json.dumps({"docs": found.docs}), found.skipped)

    def pull_watch(self, watch: WatchSpec, cursor: str | None) -> PullResult:
        """Posts and comments of another blog matching ``watch``, with their conversation."""
        if self.every_comment:
            return PullResult([], None)
        state = _load(cursor)
        found = self._gather(state)
        matched: list[str] = list(state["matched"])
        answers = found.answers
        out: dict[str, RemotePost] = {}
        for post in found.posts:
            text = f"{post.title}\n{to_plain_text(post.html)}"
            if post.id in found.fresh and matches(watch, text, post.lang):
                out[post.id] = self._remote_post(post, comment=False, root=post.id, parent=None,
                                                 post_title=post.title[:200], watch_id=watch.id,
                                                 lang=found.lang)
                if post.id not in matched:
                    matched.append(post.id)
        on_topic = set(matched)
        for entry, ref in found.comments:
            if entry.id not in found.fresh or self._is_brand(entry) or entry.id in out:
                continue
            root = ref.id if ref else _root(entry.in_reply_to, answers)
            if root in on_topic or matches(watch, f"{entry.title}\n{to_plain_text(entry.html)}",
                                           entry.lang):
                out[entry.id] = self._comment(entry, ref, found, watch.id)
        value = {"docs": found.docs, "matched": matched[-MAX_MATCHED:]}
        return PullResult(_ordered(out), json.dumps(value), found.skipped)

    # -- the account -------------------------------------------------------------------------

    def instance_info(self) -> InstanceInfo:
        """The feed's title and format; replies are limited to a blog comment's size."""
        parsed, _ = self._fetch(self.url, {})
        title = (parsed.title if parsed else "") or host_of(self.url)
        return InstanceInfo(title=to_plain_text(title)[:200] or host_of(self.url),
                            version=parsed.version if parsed else "",
                            max_characters=COMMENT_LIMIT)

    def verify(self) -> RemoteAuthor:
        """Reads the feed (so a wrong address fails now) and describes the blog."""
        parsed, _ = self._fetch(self.url, {})
        title = to_plain_text(parsed.title if parsed else "")[:200] or host_of(self.url)
        return RemoteAuthor(channel=KIND, remote_id=(parsed.feed_id if parsed else "")
                            or self.url, handle=self.brand_name or title, display_name=title,
                            url=(parsed.link if parsed else "") or self.site, server=self.server)

    def reply_rules(self, post_visibility: str) -> ReplyRules:
        return manual_rules(self.url)

    def send_reply(self, *, text: str, in_reply_to: str, visibility: str,
                   idempotency_key: str) -> SentReply:
        raise ReplyRefused(manual_rules(self.url).reason)


def _ordered(posts: dict[str, RemotePost]) -> list[RemotePost]:
    return sorted(posts.values(), key=lambda p: (p.created_at, p.remote_id))
