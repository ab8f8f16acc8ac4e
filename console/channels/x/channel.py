"""The X channel: mentions, keyword watches, threads by conversation, replies where allowed.

Cursors are post ids (``since_id``): X numbers posts in time order, and ``meta.newest_id``
of the first page is the next ``since_id``. A first pull reads one page (plus
``backfill_pages``); later pulls page with ``pagination_token`` / ``next_token`` until X has
nothing older than the cursor. Every post read is counted (:class:`ReadMeter`): X bills
them, and a monthly budget stops the keyword search when spent.

Replies: ``POST /2/tweets {text, reply: {in_reply_to_tweet_id}}``. On self-serve access X
takes a reply only to a post whose author mentioned or quoted the brand ("summoned"):
such posts carry ``summoned`` in their raw payload, and :func:`rules_for_post` turns the
others into a reply by hand (copy, open in the browser). X has no idempotency key: after
an attempt whose outcome is unknown, the outbox looks at the brand's recent posts first
(:meth:`XChannel.brand_replies_since`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import httpx

from console.channels.base import (
    BrandReply,
    InstanceInfo,
    MalformedResponse,
    NotFound,
    PullResult,
    RemoteAuthor,
    RemotePost,
    ReplyRefused,
    ReplyRules,
    Secrets,
    SentReply,
    WatchSpec,
)
from console.channels.skips import Skips, name_item
from console.channels.weighted import LIMIT, count_weighted
from console.channels.x.http import XHttp
from console.channels.x.parse import (
    ID,
    Page,
    iso,
    parse_datetime,
    parse_post,
    parse_user,
    plain_text,
    post_url,
    references,
    require_dict,
    require_id,
)
from console.channels.x.query import ReadMeter, build_query
from console.i18n import QT_TRANSLATE_NOOP, translate

PAGE = 100
MAX_PAGES = 8  # X's mentions timeline keeps the 800 most recent
TWEET_FIELDS = ("author_id,conversation_id,created_at,entities,in_reply_to_user_id,lang,"
                "public_metrics,referenced_tweets,note_tweet")
USER_FIELDS = "description,profile_image_url,public_metrics,verified"
EXPANSIONS = "author_id,referenced_tweets.id,referenced_tweets.id.author_id"
SUMMONED_REASON = QT_TRANSLATE_NOOP(
    "ReplyRules", "X takes a reply through the API only when the author mentioned or quoted "
    "the brand, and this post does neither: the button copies the reply and opens the post "
    "on X to paste it; the reply is recorded in the case.")


def rules() -> ReplyRules:
    """What any X reply may be: 280 weighted characters, public."""
    return ReplyRules(unit="weighted", limit=LIMIT)


def rules_for_post(raw: dict[str, Any], base: ReplyRules | None = None) -> ReplyRules:
    """The reply rules for one stored post: by hand when its author did not summon the
    brand (X refuses an API reply then)."""
    limited = replace(base or rules(), unit="weighted", limit=LIMIT, visibility="public",
                      max_bytes=None)
    if limited.can_reply and not (isinstance(raw, dict) and raw.get("summoned") is True):
        return replace(limited, manual=True,
                       reason=translate("ReplyRules", SUMMONED_REASON))
    return limited


class XChannel:
    """One brand account on X (``kind = "x"``)."""

    kind = "x"
    lasting_idempotency = False  # X keeps no idempotency key: look before sending again

    def __init__(
        self,
        api_url: str,
        handle: str,
        secrets: Secrets,
        *,
        settings: dict[str, Any] | None = None,
        remote_id: str = "",
        timeout: float = 10.0,
        max_wait: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.time,
        backfill_pages: int = 0,
        deadline: float | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        kept = dict(settings or {})
        self.http = XHttp(api_url, handle, secrets, client_id=str(kept.get("client_id") or ""),
                          timeout=timeout, max_wait=max_wait, sleep=sleep,
                          transport=transport, clock=clock, deadline=deadline)
        self.reads = ReadMeter(kept, now)
        self.backfill_pages = backfill_pages
        self.brand_id = remote_id if ID.match(remote_id or "") else ""
        self.username = self.http.handle
        self._conversations: dict[str, str] = {}  # post id -> conversation id

    def close(self) -> None:
        self.http.close()

    # -- account -----------------------------------------------------------------------------

    def instance_info(self) -> InstanceInfo:
        return InstanceInfo(title="X", version="2", max_characters=LIMIT)

    def verify(self) -> RemoteAuthor:
        """The brand's own account (``GET /2/users/me``)."""
        data = require_dict(self.http.get("/2/users/me", {"user.fields": USER_FIELDS}),
                            "the signed-in account")
        me = parse_user(data.get("data"))
        self.brand_id, self.username = me.remote_id, me.handle
        self.http.handle = me.handle
        return me

    def _brand(self) -> str:
        if not self.brand_id:
            self.verify()
        return self.brand_id

    def reply_rules(self, post_visibility: str) -> ReplyRules:
        return rules()

    def account_settings(self) -> dict[str, Any]:
        """What the engine keeps in the account's settings: the posts read this month."""
        return self.reads.settings()

    def status_note(self) -> str:
        return self.reads.note()

    # -- pulls -------------------------------------------------------------------------------

    def _pages(self, path: str, params: dict[str, Any], token_name: str, pages: int,
               search: bool) -> Iterator[Page]:
        token: str | None = None
        for _ in range(pages):
            query = {**params, **({token_name: token} if token else {})}
            page = Page(self.http.get(path, query))
            self.reads.add(page.read, search=search)
            if not page.posts and page.errors and not token:
                self._page_errors(page)
            yield page
            if not page.next_token or page.next_token == token or not page.posts:
                return
            token = page.next_token

    def _page_errors(self, page: Page) -> None:
        """A 200 with only ``errors``: the brand's account is gone or suspended."""
        first = page.errors[0] if isinstance(page.errors[0], dict) else {}
        if str(first.get("type", "")).endswith("resource-not-found"):
            raise NotFound(translate(
                "Channels", "{who}: X says this account does not exist any more").format(
                who=self.http.who))

    def _fields(self) -> dict[str, Any]:
        return {"tweet.fields": TWEET_FIELDS, "expansions": EXPANSIONS,
                "user.fields": USER_FIELDS}

    def _read(self, pages: Iterator[Page], source: str, cursor: str | None,
              watch_id: int | None, summoned: bool | None) -> PullResult:
        brand = self._brand()
        newest = cursor
        found: dict[str, RemotePost] = {}
        skips = Skips()
        for page in pages:
            if page.newest_id and (newest is None or int(page.newest_id) > int(newest)):
                newest = page.newest_id
            for position, item in enumerate(page.posts):
                with skips.item(name_item(item, "post", position)):
                    post = parse_post(item, page, source, brand_id=brand,
                                      brand_username=self.username, watch_id=watch_id,
                                      summoned=summoned)
                    if post.thread_root:
                        self._conversations[post.remote_id] = post.thread_root
                    if newest is None or int(post.remote_id) > int(newest):
                        newest = post.remote_id
                    if post.author.remote_id != brand:
                        found.setdefault(post.remote_id, post)
        ordered = sorted(found.values(), key=lambda p: (p.created_at, int(p.remote_id)))
        return PullResult(ordered, newest if newest != cursor else None, skips.items)

    def pull_mentions(self, cursor: str | None) -> PullResult:
        """Posts mentioning the brand since ``cursor`` (``GET /2/users/:id/mentions``)."""
        since = cursor if cursor and ID.match(cursor) else None
        params = {"max_results": PAGE, **self._fields()}
        if since:
            params["since_id"] = since
        pages = MAX_PAGES if since else 1 + max(0, self.backfill_pages)
        path = f"/2/users/{self._brand()}/mentions"
        return self._read(self._pages(path, params, "pagination_token", pages, False),
                          "mention", since, None, True)

    def pull_watch(self, watch: WatchSpec, cursor: str | None) -> PullResult:
        """Posts matching a watch since ``cursor`` (``GET /2/tweets/search/recent``); nothing
        once the month's read budget is spent (the status says so)."""
        if self.reads.spent:
            return PullResult([], None)
        source = "hashtag" if watch.kind == "hashtag" or watch.term.startswith("#") \
            else "keyword"
        self._brand()
        since = cursor if cursor and ID.match(cursor) else None
        left = self.reads.left()
        size = PAGE if left is None else max(10, min(PAGE, left))
        params = {"query": build_query(watch, self.username), "max_results": size,
                  **self._fields()}
        if since:
            params["since_id"] = since
        pages = MAX_PAGES if since else 1 + max(0, self.backfill_pages)

        def within_budget() -> Iterator[Page]:
            for page in self._pages("/2/tweets/search/recent", params, "next_token", pages,
                                    True):
                yield page
                if self.reads.spent:
                    return

        return self._read(within_budget(), source, since, watch.id, None)

    # -- threads -----------------------------------------------------------------------------

    def brand_replies_since(self, post_remote_id: str, since: datetime) -> list[BrandReply]:
        """The brand's posts answering in the thread of a post since ``since``: its recent
        posts (``GET /2/users/:id/tweets``), those replying to the post or in its
        conversation."""
        brand = self._brand()
        conversation = self._conversations.get(post_remote_id, post_remote_id)
        params = {"max_results": PAGE, "start_time": iso(since), "exclude": "retweets",
                  "tweet.fields": TWEET_FIELDS}
        found = []
        for page in self._pages(f"/2/users/{brand}/tweets", params, "pagination_token", 3,
                                False):
            for item in page.posts:
                try:
                    post = require_dict(item, "a post")
                    post_id = require_id(post, "id", "a post")
                    created = parse_datetime(post.get("created_at"))
                    text = plain_text(post)
                except MalformedResponse:
                    continue
                replied = references(post).get("replied_to")
                if created <= since or (replied != post_remote_id and post.get(
                        "conversation_id") not in (conversation, post_remote_id)):
                    continue
                found.append(BrandReply(post_id, created, post_url(self.username, post_id),
                                        text=text))
        return sorted(found, key=lambda r: r.created_at)

    # -- replies -----------------------------------------------------------------------------

    def send_reply(
        self, *, text: str, in_reply_to: str, visibility: str, idempotency_key: str
    ) -> SentReply:
        """Post a reply (X keeps no idempotency key; the outbox looks before a retry)."""
        if not ID.match(in_reply_to or ""):
            raise ReplyRefused(translate("Channels", "{who}: that is not an X post id").format(
                who=self.http.who))
        used = count_weighted(text)
        if used > LIMIT:
            raise ReplyRefused(translate(
                "Channels", "{who}: the reply is {used} weighted characters; X takes {limit}"
            ).format(who=self.http.who, used=used, limit=LIMIT))
        data = require_dict(self.http.post("/2/tweets", {
            "text": text, "reply": {"in_reply_to_tweet_id": in_reply_to}}), "a new post")
        created = require_dict(data.get("data"), "a new post")
        post_id = require_id(created, "id", "a new post")
        self._brand()
        return SentReply(remote_id=post_id, url=post_url(self.username, post_id),
                         created_at=datetime.now(UTC), raw=data)
