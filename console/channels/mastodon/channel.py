"""The Mastodon channel: mentions, DMs, keyword and hashtag watches, threads and replies.

Cursors are the newest id seen. With a cursor, pulls page forward with ``min_id`` and the
``rel="prev"`` links until a page comes back empty, so a long gap is caught up oldest to
newest without holes. Without one, they read the newest page and a few older ones
(``rel="next"``) as a backfill.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime
from typing import Any
from urllib.parse import quote

import httpx

from console.channels.base import (
    BrandReply,
    ChannelError,
    InstanceInfo,
    MalformedResponse,
    NotFound,
    PullResult,
    RemoteAuthor,
    RemotePost,
    ReplyRules,
    SentReply,
    WatchSpec,
    server_of,
)
from console.channels.mastodon.direct import direct_reply_text
from console.channels.mastodon.http import MastodonHttp
from console.channels.mastodon.parse import (
    fold,
    id_key,
    max_id,
    parse_account,
    parse_datetime,
    parse_link_header,
    parse_status,
    require_dict,
    require_id,
    require_list,
)
from console.channels.mastodon.stream import (
    StreamEvent,
    StreamSpec,
    StreamStop,
    run_stream,
    streaming_base,
    streaming_health,
)
from console.channels.skips import Skips, name_item

PAGE = 40
MAX_PAGES = 250  # safety stop for a runaway pagination loop
DEFAULT_MAX_CHARACTERS = 500


class MastodonChannel:
    """One brand account on one Mastodon server (``kind = "mastodon"``)."""

    kind = "mastodon"

    def __init__(
        self,
        base_url: str,
        token: str | None,
        *,
        timeout: float = 10.0,
        max_wait: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
        brand_acct: str | None = None,
        backfill_pages: int = 5,
        deadline: float | None = None,
    ) -> None:
        self.http = MastodonHttp(
            base_url, token, timeout=timeout, max_wait=max_wait, sleep=sleep, transport=transport,
            deadline=deadline,
        )
        self.base_url = self.http.base_url
        self.server = server_of(self.base_url)  # ids are numbered per server
        self.transport = transport
        self._streaming_base: str | None = None
        self.brand_acct = brand_acct
        self.brand_id: str | None = None
        self.backfill_pages = backfill_pages
        self._instance: InstanceInfo | None = None

    def close(self) -> None:
        self.http.close()

    # -- server and account ------------------------------------------------------------------

    def instance_info(self) -> InstanceInfo:
        """Title, version and post length limit, from ``/api/v2/instance`` (or v1)."""
        try:
            data, _ = self.http.get_json("/api/v2/instance")
            info = require_dict(data, "an instance")
            self._streaming_base = streaming_base(self.base_url, info)
            statuses = (info.get("configuration") or {}).get("statuses") or {}
            limit = statuses.get("max_characters") if isinstance(statuses, dict) else None
        except NotFound:
            data, _ = self.http.get_json("/api/v1/instance")
            info = require_dict(data, "an instance")
            config = info.get("configuration") or {}
            statuses = config.get("statuses") if isinstance(config, dict) else None
            limit = info.get("max_toot_chars") or (
                statuses.get("max_characters") if isinstance(statuses, dict) else None
            )
        if not isinstance(limit, int) or isinstance(limit, bool) or limit <= 0:
            limit = DEFAULT_MAX_CHARACTERS
        title = info.get("title")
        version = info.get("version")
        self._instance = InstanceInfo(
            title=title if isinstance(title, str) else self.http.host,
            version=version if isinstance(version, str) else "",
            max_characters=limit,
        )
        return self._instance

    def verify(self) -> RemoteAuthor:
        """The brand account behind the token (and remember it)."""
        data, _ = self.http.get_json("/api/v1/accounts/verify_credentials")
        author = parse_account(data, self.server)
        self.brand_id = author.remote_id
        self.brand_acct = author.handle
        return author

    def _is_brand(self, author: RemoteAuthor) -> bool:
        if self.brand_id is None and self.brand_acct is None:
            self.verify()
        if self.brand_id is not None and author.remote_id == self.brand_id:
            return True
        return self.brand_acct is not None and author.handle.lower() == self.brand_acct.lower()

    # -- pagination --------------------------------------------------------------------------

    def _pages(
        self,
        path: str,
        params: dict[str, Any],
        cursor: str | None,
        key: Callable[[dict[str, Any]], str] = lambda item: require_id(item, "an item"),
    ) -> Iterator[list[Any]]:
        """Pages of a Link-paginated list: forward from ``cursor``, or newest plus backfill.

        ``key`` is the id the server paginates by (a conversation's last status id).
        """
        if cursor:
            url: str = path
            query: Any = {**params, "min_id": cursor, "limit": PAGE}
            last_top = cursor
            for _ in range(MAX_PAGES):
                data, response = self.http.get_json(url, query)
                page = require_list(data, "items")
                if not page:
                    return
                yield page
                top = max_id(_readable_ids(page, key))
                if top is None or id_key(top) <= id_key(last_top):
                    return  # the server did not move forward; stop rather than loop
                last_top = top
                prev = parse_link_header(response.headers.get("Link")).get("prev")
                if prev:
                    url, query = prev, None
                else:
                    url, query = path, {**params, "min_id": top, "limit": PAGE}
            return
        url, query = path, {**params, "limit": PAGE}
        for _ in range(1 + max(0, self.backfill_pages)):
            data, response = self.http.get_json(url, query)
            page = require_list(data, "items")
            if not page:
                return
            yield page
            following = parse_link_header(response.headers.get("Link")).get("next")
            if not following:
                return
            url, query = following, None

    # -- pulls -------------------------------------------------------------------------------

    def pull_mentions(self, cursor: str | None) -> PullResult:
        """New mentions and direct messages since ``cursor`` (a notification id).

        A notification that cannot be read is skipped (and listed); the cursor still moves
        past it when its id can be read."""
        posts: dict[str, RemotePost] = {}
        seen: list[str] = []
        skips = Skips()
        params = {"types[]": "mention"}
        for page in self._pages("/api/v1/notifications", params, cursor):
            for position, item in enumerate(page):
                with skips.item(name_item(item, "notification", position)):
                    note = require_dict(item, "a notification")
                    seen.append(require_id(note, "a notification"))
                    if note.get("type") != "mention" or note.get("status") is None:
                        continue
                    status = require_dict(note.get("status"), "a status")
                    source = "direct" if status.get("visibility") == "direct" else "mention"
                    post = parse_status(status, source, server=self.server)
                    posts.setdefault(post.remote_id, post)
        ordered = sorted(posts.values(), key=lambda p: id_key(p.remote_id))
        return PullResult(ordered, max_id(seen, cursor), skips.items)

    def pull_watch(self, watch: WatchSpec, cursor: str | None) -> PullResult:
        """New posts for a keyword (full-text search) or hashtag watch since ``cursor``."""
        if watch.kind == "hashtag":
            tag = watch.term.lstrip("#").strip()
            pages = self._pages(f"/api/v1/timelines/tag/{quote(tag, safe='')}", {}, cursor)
            source = "hashtag"
        else:
            pages = self._search_pages(watch.term, cursor)
            source = "keyword"
        posts: dict[str, RemotePost] = {}
        seen: list[str] = []
        skips = Skips()
        for page in pages:
            for position, item in enumerate(page):
                with skips.item(name_item(item, "status", position)):
                    seen.append(require_id(require_dict(item, "a status"), "a status"))
                    post = parse_status(item, source, watch_id=watch.id, server=self.server)
                    if self.keeps(watch, post):
                        posts.setdefault(post.remote_id, post)
        ordered = sorted(posts.values(), key=lambda p: id_key(p.remote_id))
        return PullResult(ordered, max_id(seen, cursor), skips.items)

    def keeps(self, watch: WatchSpec, post: RemotePost) -> bool:
        """Whether a post found for ``watch`` belongs in the feed (language, exclusions)."""
        if self._is_brand(post.author):
            return False
        if watch.lang and post.lang and post.lang != watch.lang:
            return False
        excluded = [fold(term) for term in watch.exclude if term.strip()]
        return not (excluded and any(term in fold(post.text) for term in excluded))

    def pull_conversations(self, cursor: str | None) -> PullResult:
        """Direct conversations whose last message is newer than ``cursor`` (a status id)."""
        posts: dict[str, RemotePost] = {}
        seen: list[str] = []
        skips = Skips()

        def last_id(item: dict[str, Any]) -> str:
            return require_id(require_dict(item.get("last_status"), "a status"), "a status")

        for page in self._pages("/api/v1/conversations", {}, cursor, key=last_id):
            for position, item in enumerate(page):
                with skips.item(name_item(item, "conversation", position)):
                    conversation = require_dict(item, "a conversation")
                    if conversation.get("last_status") is None:
                        continue
                    seen.append(last_id(conversation))
                    post = parse_status(conversation["last_status"], "direct",
                                        server=self.server)
                    posts.setdefault(post.remote_id, post)
        ordered = sorted(posts.values(), key=lambda p: id_key(p.remote_id))
        return PullResult(ordered, max_id(seen, cursor), skips.items)

    # -- streaming ---------------------------------------------------------------------------

    def streaming_url(self, path: str) -> str:
        """``path`` on the streaming server the instance names (or the instance itself)."""
        if self._streaming_base is None:
            with contextlib.suppress(ChannelError):
                self.instance_info()
        return (self._streaming_base or self.base_url) + path

    def stream_specs(self, watches: list[WatchSpec]) -> list[StreamSpec]:
        """The streams this account follows: notifications, direct conversations, and one
        per hashtag watch (keyword watches have no stream; search stays polled)."""
        tags = [StreamSpec.hashtag(w) for w in watches if w.kind == "hashtag"]
        return [StreamSpec.user(), StreamSpec.direct(), *tags]

    def streaming_available(self) -> bool:
        """Whether the server streams (``GET /api/v1/streaming/health`` says OK)."""
        return streaming_health(self)

    def stream(
        self,
        spec: StreamSpec,
        on_event: Callable[[StreamEvent], None],
        *,
        stop: StreamStop,
        on_open: Callable[[], None] | None = None,
    ) -> None:
        """Follow one stream until ``stop``; see :func:`mastodon_stream.run_stream`."""
        run_stream(self, spec, on_event, stop=stop, on_open=on_open)

    def _search_pages(self, term: str, cursor: str | None) -> Iterator[list[Any]]:
        """Search result pages (search has no Link header: page with ``offset``)."""
        pages = MAX_PAGES if cursor else 1 + max(0, self.backfill_pages)
        offset = 0
        for _ in range(pages):
            params: dict[str, Any] = {"q": term, "type": "statuses", "limit": PAGE}
            if cursor:
                params["min_id"] = cursor
            if offset:
                params["offset"] = offset
            data, _ = self.http.get_json("/api/v2/search", params)
            page = require_list(require_dict(data, "search results").get("statuses"), "statuses")
            if not page:
                return
            yield page
            if len(page) < PAGE:
                return
            offset += len(page)

    # -- threads and replies -----------------------------------------------------------------

    def fetch_status(self, remote_id: str) -> dict[str, Any]:
        data, _ = self.http.get_json(f"/api/v1/statuses/{quote(remote_id, safe='')}")
        return require_dict(data, "a status")

    def fetch_thread(self, remote_id: str) -> list[RemotePost]:
        """The whole conversation around a post: ancestors, the post, descendants."""
        status = self.fetch_status(remote_id)
        data, _ = self.http.get_json(f"/api/v1/statuses/{quote(remote_id, safe='')}/context")
        context = require_dict(data, "a thread context")
        ancestors = require_list(context.get("ancestors"), "statuses")
        descendants = require_list(context.get("descendants"), "statuses")
        raw = [*ancestors, status, *descendants]
        root = require_id(require_dict(raw[0], "a status"), "a status")
        posts = []
        for position, item in enumerate(raw):
            with Skips().item(name_item(item, "status", position)):  # the rest of the thread
                post = parse_status(item, self._thread_source(item), server=self.server)
                posts.append(_with_root(post, root))
        return posts

    def brand_replies_since(self, post_remote_id: str, since: datetime) -> list[BrandReply]:
        """The brand's posts in the thread of a post created after ``since`` (pre-send check).

        Reads ``GET /api/v1/statuses/:id/context`` of the post: its ancestors and every
        descendant, so a brand reply anywhere below the thread root is seen.
        """
        status = self.fetch_status(post_remote_id)
        data, _ = self.http.get_json(f"/api/v1/statuses/{quote(post_remote_id, safe='')}/context")
        context = require_dict(data, "a thread context")
        raw = [
            *require_list(context.get("ancestors"), "statuses"),
            status,
            *require_list(context.get("descendants"), "statuses"),
        ]
        found: list[BrandReply] = []
        for item in raw:
            try:
                post = parse_status(item, "comment", server=self.server)
            except MalformedResponse:
                continue  # unreadable: it cannot be told apart as the brand's anyway
            if post.created_at > since and self._is_brand(post.author):
                app = require_dict(item, "a status").get("application")
                via = app.get("name") if isinstance(app, dict) else None
                found.append(
                    BrandReply(post.remote_id, post.created_at, post.url,
                               via if isinstance(via, str) else "", post.text)
                )
        return sorted(found, key=lambda r: r.created_at)

    def _thread_source(self, status: dict[str, Any]) -> str:
        if status.get("visibility") == "direct":
            return "direct"
        brand = (self.brand_acct or "").lower()
        for mention in status.get("mentions") or []:
            if isinstance(mention, dict) and (
                mention.get("id") == self.brand_id or str(mention.get("acct", "")).lower() == brand
            ):
                return "mention"
        return "comment"

    def send_reply(
        self, *, text: str, in_reply_to: str, visibility: str, idempotency_key: str
    ) -> SentReply:
        """Post a reply once: a retry with the same key returns the same status.

        A direct reply mentions every participant of the message and nobody else.
        """
        if visibility == "direct":
            parent = self.fetch_status(in_reply_to)
            if self.brand_acct is None:
                self.verify()
            text = direct_reply_text(parent, text, self._is_brand, self.brand_acct or "")
        response = self.http.request(
            "POST",
            "/api/v1/statuses",
            data={"status": text, "in_reply_to_id": in_reply_to, "visibility": visibility},
            headers={"Idempotency-Key": idempotency_key},
        )
        status = require_dict(self.http.decode(response), "a status")
        remote_id = require_id(status, "a status")
        url = status.get("url") or status.get("uri") or ""
        return SentReply(
            remote_id=remote_id,
            url=url if isinstance(url, str) else "",
            created_at=parse_datetime(status.get("created_at")),
            raw=status,
        )

    def reply_rules(self, post_visibility: str) -> ReplyRules:
        """Characters up to the server's limit; a reply keeps the post's audience."""
        if self._instance is None:
            with contextlib.suppress(ChannelError):
                self.instance_info()
        limit = self._instance.max_characters if self._instance else DEFAULT_MAX_CHARACTERS
        visibility = (
            post_visibility if post_visibility in ("direct", "private", "unlisted") else ("public")
        )
        return ReplyRules(unit="characters", limit=limit, visibility=visibility)


def _readable_ids(page: list[Any], key: Callable[[dict[str, Any]], str]) -> list[str]:
    """The pagination ids of a page's items, leaving out items whose id cannot be read."""
    ids = []
    for item in page:
        if isinstance(item, dict):
            with contextlib.suppress(MalformedResponse):
                ids.append(key(item))
    return ids


def _with_root(post: RemotePost, root: str) -> RemotePost:
    return replace(post, thread_root=root)
