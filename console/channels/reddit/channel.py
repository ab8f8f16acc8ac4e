"""The Reddit channel: the brand's inbox, watches, replies and the look before a resend.

Mentions are the inbox: ``/message/mentions`` (username mentions) and ``/message/inbox``
(replies to the brand's posts and comments, and messages sent to it), read without marking
anything read (``mark=false``). Watches search posts (``/search?sort=new``, or
``/r/A+B/search?restrict_sr=1`` when the watch names subreddits) and read the newest
comments of those subreddits, matched here. Listings come newest first and page with
``after`` fullnames; a cursor is the newest ``created_utc`` seen, and a pull pages back
until it passes that moment (less a margin; what is read twice is stored once).

Replies are ``POST /api/comment`` (``thing_id``, markdown ``text``, 10,000 characters):
to a post or comment a public comment, to a message a message reply. Posventa never
starts a private conversation. ``/api/comment`` takes no idempotency key, so
:meth:`RedditChannel.brand_replies_since` reads the brand's own comments (or sent
messages) in that thread before a reply whose first attempt's outcome is unknown is sent
again.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from console.channels.base import (
    BrandReply,
    InstanceInfo,
    MalformedResponse,
    NotFound,
    PullResult,
    RateLimited,
    RemoteAuthor,
    RemotePost,
    ReplyRefused,
    ReplyRules,
    Secrets,
    SentReply,
    WatchSpec,
    readable,
)
from console.channels.reddit.http import RedditHttp, listing_children
from console.channels.reddit.parse import (
    FULLNAME_RE,
    SITE,
    closed_reason,
    created,
    from_stamp,
    parse_me,
    parse_thing,
    require_dict,
    stamp,
)
from console.channels.reddit.watch import fold, read_watch
from console.channels.skips import Skips, name_item
from console.i18n import QT_TRANSLATE_NOOP, translate

MAX_CHARACTERS = 10_000
PAGE = 100
MAX_PAGES = 10  # 1,000 items: as far back as a Reddit listing goes
MARGIN = timedelta(minutes=2)
_WAIT_IN = re.compile(r"(\d+)\s*(second|minute|hour)", re.IGNORECASE)
_REFUSALS = {
    "TOO_LONG": QT_TRANSLATE_NOOP(
        "Channels", "the reply is longer than Reddit allows (10,000 characters)"),
    "THREAD_LOCKED": QT_TRANSLATE_NOOP(
        "Channels", "the thread is locked: Reddit takes no more comments in it"),
    "TOO_OLD": QT_TRANSLATE_NOOP(
        "Channels", "the post is archived: Reddit takes no more comments in it"),
    "DELETED_COMMENT": QT_TRANSLATE_NOOP("Channels", "the comment was deleted"),
    "USER_BLOCKED": QT_TRANSLATE_NOOP(
        "Channels", "the author blocked the brand account (or the brand blocked them)"),
    "NO_TEXT": QT_TRANSLATE_NOOP("Channels", "the reply is empty"),
}


def rules(visibility: str = "public") -> ReplyRules:
    """What any Reddit reply may be: 10,000 characters of markdown; a message reply stays
    a message."""
    return ReplyRules(unit="characters", limit=MAX_CHARACTERS,
                      visibility="direct" if visibility == "direct" else "public")


def rules_for_post(raw: dict[str, Any], base: ReplyRules | None = None) -> ReplyRules:
    """The reply rules for one stored item: closed when it is locked or archived."""
    visibility = "direct" if raw.get("kind") == "t4" else "public"
    limited = replace(base or rules(visibility), unit="characters", limit=MAX_CHARACTERS,
                      visibility=visibility)
    closed = closed_reason(raw)
    if limited.can_reply and closed == "locked":
        return replace(limited, can_reply=False, reason=translate(
            "ReplyRules", "Reddit: the thread is locked; Reddit takes no more comments in it."))
    if limited.can_reply and closed == "archived":
        return replace(limited, can_reply=False, reason=translate(
            "ReplyRules", "Reddit: the post is archived; Reddit takes no more comments in it."))
    return limited


def _wait_seconds(message: str) -> float:
    match = _WAIT_IN.search(message)
    if not match:
        return 60.0
    unit = match.group(2).lower()
    return float(match.group(1)) * {"second": 1, "minute": 60, "hour": 3600}[unit]


class RedditChannel:
    """One brand account on Reddit (``kind = "reddit"``)."""

    kind = "reddit"
    lasting_idempotency = False  # /api/comment has no idempotency key: look first

    def __init__(
        self,
        api_url: str,
        auth_url: str,
        client_id: str,
        secrets: Secrets,
        *,
        handle: str = "",
        owner: str = "",
        timeout: float = 10.0,
        max_wait: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.time,
        backfill_pages: int = 1,
        deadline: float | None = None,
    ) -> None:
        self.http = RedditHttp(api_url, auth_url, client_id, secrets, handle=handle,
                               owner=owner, timeout=timeout, max_wait=max_wait, sleep=sleep,
                               transport=transport, clock=clock, deadline=deadline)
        self.backfill_pages = backfill_pages
        self._me: RemoteAuthor | None = None

    def close(self) -> None:
        self.http.close()

    # -- account -----------------------------------------------------------------------------

    def instance_info(self) -> InstanceInfo:
        return InstanceInfo(title=self.http.host, version="reddit",
                            max_characters=MAX_CHARACTERS)

    def verify(self) -> RemoteAuthor:
        """The signed-in account (``GET /api/v1/me``)."""
        me = parse_me(self.http.get("/api/v1/me"))
        self._me = me
        self.http.adopt_name(me.handle)
        return me

    @property
    def brand(self) -> str:
        """The brand's username (asked once when the account did not say it)."""
        if self._me is None and not self.http.handle:
            self.verify()
        return self._me.handle if self._me is not None else self.http.handle

    def reply_rules(self, post_visibility: str) -> ReplyRules:
        return rules(post_visibility)

    # -- pulls -------------------------------------------------------------------------------

    def _pages(self, path: str, params: dict[str, Any], pages: int) -> Iterator[list[Any]]:
        after: str | None = None
        for _ in range(pages):
            query = {**params, "limit": PAGE, **({"after": after} if after else {})}
            children, following = listing_children(self.http.get(path, query), self.http.who)
            if not children:
                return
            yield children
            if following is None or following == after:
                return
            after = following

    def _read(self, path: str, params: dict[str, Any], source: str, cursor: str | None,
              skips: Skips, *, watch_id: int | None = None,
              keep: Callable[[RemotePost], bool] = lambda _p: True,
              ) -> tuple[list[RemotePost], datetime | None]:
        """Items of a listing newer than ``cursor`` (less the margin), and the newest moment."""
        newest = from_stamp(cursor)
        floor = newest - MARGIN if newest else None
        pages = MAX_PAGES if cursor else 1 + max(0, self.backfill_pages)
        brand = self.brand.casefold()
        found: list[RemotePost] = []
        for page in self._pages(path, params, pages):
            older = False
            for position, item in enumerate(page):
                data = item.get("data") if isinstance(item, dict) else None
                with skips.item(name_item(data, "item", position, "name")):
                    moment = created(require_dict(data, "an item"))
                    newest = max(newest, moment) if newest else moment
                    if floor is not None and moment < floor:
                        older = True
                        continue
                    post = parse_thing(item, source, watch_id=watch_id)
                    if post.author.handle.casefold() != brand and keep(post):
                        found.append(post)
            if older:
                break
        return found, newest

    def pull_mentions(self, cursor: str | None) -> PullResult:
        """Username mentions, replies to the brand and messages to it since ``cursor``."""
        skips = Skips()
        posts: dict[str, RemotePost] = {}
        newest = from_stamp(cursor)
        for path in ("/message/mentions", "/message/inbox"):
            found, seen = self._read(path, {"mark": "false"}, "mention", cursor, skips)
            if seen is not None:
                newest = max(newest, seen) if newest else seen
            for post in found:
                if post.visibility == "direct":
                    post = replace(post, source="direct")
                posts.setdefault(post.remote_id, post)
        ordered = sorted(posts.values(), key=lambda p: p.created_at)
        return PullResult(ordered, stamp(newest) if newest else None, skips.items)

    def pull_watch(self, watch: WatchSpec, cursor: str | None) -> PullResult:
        """Posts found by search, and comments of the watch's subreddits that match it."""
        wanted = read_watch(watch)
        if not wanted.query:
            return PullResult([], cursor)
        skips = Skips()
        params: dict[str, Any] = {"q": wanted.query, "sort": "new", "type": "link"}
        if wanted.site:
            params["restrict_sr"] = "1"
        found, newest = self._read(f"{wanted.site}/search", params, "keyword", cursor, skips,
                                   watch_id=watch.id,
                                   keep=lambda p: not wanted.excluded(fold(p.text)))
        if wanted.site:
            comments, seen = self._read(f"{wanted.site}/comments", {}, "keyword", cursor,
                                        skips, watch_id=watch.id,
                                        keep=lambda p: wanted.matches(p.text))
            found.extend(comments)
            if seen is not None:
                newest = max(newest, seen) if newest else seen
        posts = {p.remote_id: p for p in found}
        ordered = sorted(posts.values(), key=lambda p: p.created_at)
        return PullResult(ordered, stamp(newest) if newest else cursor, skips.items)

    # -- replies -----------------------------------------------------------------------------

    def send_reply(self, *, text: str, in_reply_to: str, visibility: str,
                   idempotency_key: str) -> SentReply:
        """``POST /api/comment``: a comment under a post or comment, or a message reply."""
        who = self.http.who
        if not FULLNAME_RE.match(in_reply_to or "") or in_reply_to[:2] not in ("t1", "t3",
                                                                               "t4"):
            raise ReplyRefused(translate("Channels", "{who}: that is not a Reddit post, comment "
                                         "or message").format(who=who))
        if visibility == "direct" and not in_reply_to.startswith("t4_"):
            raise ReplyRefused(translate(
                "Channels", "{who}: Posventa never starts a private message on Reddit; it only "
                "answers messages sent to the brand").format(who=who))
        if not text.strip():
            raise ReplyRefused(translate("Channels", "{who}: the reply is empty").format(who=who))
        if len(text) > MAX_CHARACTERS:
            raise ReplyRefused(translate(
                "Channels", "{who}: the reply is {n} characters; Reddit takes at most "
                "10,000").format(who=who, n=len(text)))
        data = self.http.post("/api/comment", {"api_type": "json", "thing_id": in_reply_to,
                                               "text": text})
        return self._sent(data)

    def _sent(self, data: Any) -> SentReply:
        who = self.http.who
        body = require_dict(require_dict(data, "an answer").get("json"), "an answer")
        errors = body.get("errors") or []
        for error in errors if isinstance(errors, list) else []:
            if not isinstance(error, list) or not error:
                continue
            code = str(error[0])
            message = str(error[1]) if len(error) > 1 else ""
            if code == "RATELIMIT":
                wait = _wait_seconds(message)
                raise RateLimited(translate(
                    "Channels", "{who}: Reddit asks the brand to wait before commenting again; "
                    "try again in {seconds} seconds").format(who=who, seconds=int(wait)), wait)
            known = _REFUSALS.get(code)
            reason = translate("Channels", known) if known else readable(message or code, 200)
            raise ReplyRefused(translate("Channels", "{who}: the reply was refused: {reason}")
                               .format(who=who, reason=reason))
        things = require_dict(body.get("data"), "the new comment").get("things")
        if not isinstance(things, list) or not things:
            raise MalformedResponse(translate(
                "Channels", "{who}: the server did not say what it posted").format(who=who))
        thing = require_dict(things[0], "the new comment")
        made = require_dict(thing.get("data"), "the new comment")
        name = made.get("name")
        if not isinstance(name, str) or not FULLNAME_RE.match(name):
            raise MalformedResponse(translate(
                "Channels", "{who}: the server did not say what it posted").format(who=who))
        try:
            moment = created(made)
        except MalformedResponse:
            moment = datetime.now(UTC)
        permalink = made.get("permalink")
        url = SITE + permalink if isinstance(permalink, str) and permalink.startswith("/") else (
            f"{SITE}/message/messages/{name[3:]}" if name.startswith("t4_") else "")
        return SentReply(name, url, moment, raw=made)

    def brand_replies_since(self, post_remote_id: str, since: datetime) -> list[BrandReply]:
        """The brand's comments in the thread of ``post_remote_id`` (or its message replies in
        that conversation) created after ``since``, oldest first."""
        if post_remote_id.startswith("t4_"):
            return self._brand_messages_since(post_remote_id, since)
        link = post_remote_id if post_remote_id.startswith("t3_") else self._link_of(
            post_remote_id)
        found = []
        path = f"/user/{self.brand}/comments"
        for page in self._pages(path, {"sort": "new"}, MAX_PAGES):
            older = False
            for item in page:
                data = item.get("data") if isinstance(item, dict) else None
                if not isinstance(data, dict):
                    continue
                try:
                    moment = created(data)
                except MalformedResponse:
                    continue
                if moment <= since:
                    older = True
                    continue
                if data.get("link_id") == link and isinstance(data.get("name"), str):
                    permalink = data.get("permalink")
                    url = SITE + permalink if isinstance(permalink, str) else ""
                    found.append(BrandReply(data["name"], moment, url, text=_body(data)))
            if older:
                break
        return sorted(found, key=lambda r: r.created_at)

    def _link_of(self, remote_id: str) -> str:
        """The post (``t3_``) a comment belongs to (``/api/info``)."""
        children, _ = listing_children(self.http.get("/api/info", {"id": remote_id}),
                                       self.http.who)
        for item in children:
            data = item.get("data") if isinstance(item, dict) else None
            if isinstance(data, dict) and data.get("name") == remote_id:
                link = data.get("link_id")
                if isinstance(link, str) and FULLNAME_RE.match(link):
                    return link
        raise NotFound(translate(
            "Channels", "{who}: that post, comment or account does not exist any more").format(
            who=self.http.who))

    def _brand_messages_since(self, remote_id: str, since: datetime) -> list[BrandReply]:
        found = []
        for page in self._pages("/message/sent", {"mark": "false"}, MAX_PAGES):
            older = False
            for item in page:
                data = item.get("data") if isinstance(item, dict) else None
                if not isinstance(data, dict):
                    continue
                try:
                    moment = created(data)
                except MalformedResponse:
                    continue
                if moment <= since:
                    older = True
                    continue
                if remote_id in (data.get("parent_id"), data.get("first_message_name")) and (
                        isinstance(data.get("name"), str)):
                    found.append(BrandReply(data["name"], moment,
                                            f"{SITE}/message/messages/{data.get('id', '')}",
                                            text=_body(data)))
            if older:
                break
        return sorted(found, key=lambda r: r.created_at)


def _body(data: dict[str, Any]) -> str:
    body = data.get("body")
    return body if isinstance(body, str) else ""
