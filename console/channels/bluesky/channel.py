"""The Bluesky channel: mentions, replies and quotes, keyword watches, threads and replies.

Cursors are the newest moment seen (RFC 3339). Notifications and search results come
newest first, so a pull with a cursor pages back until it passes that moment (less a
margin, so a post indexed late is not missed; what is read twice is stored once), and a
first pull reads a few pages as a backfill. Replies carry a record key derived from the
outbox's idempotency key, so a retry finds the reply already posted instead of posting twice.

Direct messages (console/channels/bluesky/chat.py) are the ``conversations`` route; a reply
with visibility "direct" leaves as a message (``sendMessage``), never as a post. Messages
have no idempotency key, so :meth:`BlueskyChannel.idempotency_lasts` says so for them and
the outbox looks at the brand's messages before sending one again.
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from console.channels.base import (
    AuthError,
    BrandReply,
    ChannelError,
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
    SkippedItem,
    WatchSpec,
)
from console.channels.bluesky.chat import MESSAGE_BYTES, MESSAGE_GRAPHEMES, BlueskyChat
from console.channels.bluesky.chat_errors import ChatNotAllowed
from console.channels.bluesky.chat_parse import chat_ref, is_message
from console.channels.bluesky.http import BlueskyHttp
from console.channels.bluesky.parse import (
    SERVER,
    gate_closed,
    iso,
    parse_datetime,
    parse_post,
    parse_profile,
    post_url,
    reply_disabled,
    require_dict,
    require_list,
    require_str,
)
from console.channels.bluesky.text import (
    LANG_RE,
    MAX_BYTES,
    MAX_GRAPHEMES,
    POST_TYPE,
    RecordInvalid,
    build_facets,
    rkey_for,
    validate_post,
)
from console.channels.skips import Skips, name_item
from console.i18n import translate

REASONS = ("mention", "reply", "quote")
PAGE = 50
SEARCH_PAGE = 100
HYDRATE = 25  # getPosts takes at most 25 URIs
MAX_PAGES = 100
MARGIN = timedelta(minutes=2)
PROFILE_TTL = 3600.0  # seconds an author's follower count and bio are reused
GATED = "the author limited who can reply to this thread; Bluesky will not take a reply"


def rules() -> ReplyRules:
    """What any Bluesky reply may be: 300 graphemes and 3000 UTF-8 bytes, public."""
    return ReplyRules(unit="graphemes", limit=MAX_GRAPHEMES, max_bytes=MAX_BYTES)


def message_rules() -> ReplyRules:
    """What a direct message may be: 1,000 graphemes and 10,000 bytes, to the person only."""
    return ReplyRules(unit="graphemes", limit=MESSAGE_GRAPHEMES, max_bytes=MESSAGE_BYTES,
                      visibility="direct")


def accepts_messages(raw: dict[str, Any]) -> bool:
    """Whether the author of a stored post takes a message from the brand, as their profile
    said when the post was read: ``associated.chat.allowIncoming`` "all", or "following"
    (Bluesky's default) when they follow the brand (``viewer.followedBy``)."""
    author = raw.get("author")
    if not isinstance(author, dict):
        return False
    associated = author.get("associated")
    chat = associated.get("chat") if isinstance(associated, dict) else None
    allowed = chat.get("allowIncoming") if isinstance(chat, dict) else None
    if allowed == "all":
        return True
    viewer = author.get("viewer")
    follows_brand = isinstance(viewer, dict) and isinstance(viewer.get("followedBy"), str)
    return allowed in (None, "following") and follows_brand


def rules_for_post(raw: dict[str, Any], base: ReplyRules | None = None) -> ReplyRules:
    """The reply rules for one stored post or message: a message is answered by message; a
    post's thread may be closed by its gate; a post whose author takes messages may be
    continued in private (``ReplyRules.private``)."""
    if is_message(raw):
        return replace(base or rules(), unit="graphemes", limit=MESSAGE_GRAPHEMES,
                       visibility="direct", max_bytes=MESSAGE_BYTES, private=None)
    limited = replace(base or rules(), unit="graphemes", limit=MAX_GRAPHEMES,
                      visibility="public", max_bytes=MAX_BYTES,
                      private=message_rules() if accepts_messages(raw) else None)
    if limited.can_reply and (reply_disabled(raw) or gate_closed(raw.get("threadgate"))):
        return replace(limited, can_reply=False, reason=translate(
            "ReplyRules", "Bluesky: the author limited who can reply to this thread; Bluesky "
            "will not take a reply."))
    return limited


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class BlueskyChannel:
    """One brand account on one Bluesky PDS (``kind = "bluesky"``)."""

    kind = "bluesky"
    # The reply's record key comes from its idempotency key: a late retry finds it.
    lasting_idempotency = True

    def __init__(
        self,
        service_url: str,
        handle: str,
        secrets: Secrets,
        *,
        timeout: float = 10.0,
        max_wait: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.time,
        backfill_pages: int = 2,
        deadline: float | None = None,
        direct_messages: bool = True,
    ) -> None:
        self.http = BlueskyHttp(service_url, handle, secrets, timeout=timeout,
                                max_wait=max_wait, sleep=sleep, transport=transport, clock=clock,
                                deadline=deadline)
        self.backfill_pages = backfill_pages
        self.clock = clock
        self._handles: dict[str, str | None] = {}
        self._profiles: dict[str, tuple[float, RemoteAuthor]] = {}
        self.direct_messages = direct_messages
        self.chat = BlueskyChat(self.http, lambda: self.did, self.resolve_handle)

    def close(self) -> None:
        self.http.close()

    # -- account -----------------------------------------------------------------------------

    def instance_info(self) -> InstanceInfo:
        return InstanceInfo(title=self.http.host, version="atproto", max_characters=MAX_GRAPHEMES)

    def verify(self) -> RemoteAuthor:
        """Sign in (or refresh) and return the brand's own profile."""
        self.http.ensure_session()
        did = self.http.did
        try:
            return parse_profile(self.http.query("app.bsky.actor.getProfile", {"actor": did}))
        except NotFound:  # a brand-new account without a profile record yet
            return RemoteAuthor("bluesky", str(did), self.http.handle, "",
                                f"https://bsky.app/profile/{self.http.handle}", server=SERVER)

    @property
    def did(self) -> str:
        if self.http.did is None:
            self.http.ensure_session()
        return str(self.http.did)

    def reply_rules(self, post_visibility: str) -> ReplyRules:
        return message_rules() if post_visibility == "direct" else rules()

    def idempotency_lasts(self, visibility: str) -> bool:
        """A post's record key comes from its idempotency key (a late retry finds it); a
        message has no key, so an unknown outcome is looked for before sending again."""
        return visibility != "direct"

    # -- pulls -------------------------------------------------------------------------------

    def _pages(self, nsid: str, params: dict[str, Any], key: str, pages: int,
               ) -> Iterator[list[Any]]:
        api_cursor: str | None = None
        for _ in range(pages):
            query = {**params, **({"cursor": api_cursor} if api_cursor else {})}
            data = require_dict(self.http.query(nsid, query), "a page of results")
            items = require_list(data.get(key, []), key)
            if not items:
                return
            yield items
            following = data.get("cursor")
            if not isinstance(following, str) or not following or following == api_cursor:
                return
            api_cursor = following

    def pull_mentions(self, cursor: str | None) -> PullResult:
        """Mentions, replies and quotes of the brand since ``cursor`` (an indexedAt moment)."""
        floor = parse_datetime(cursor) - MARGIN if cursor else None
        newest = parse_datetime(cursor) if cursor else None
        notes: list[dict[str, Any]] = []
        skips = Skips()
        pages = MAX_PAGES if cursor else 1 + max(0, self.backfill_pages)
        params = {"reasons": list(REASONS), "limit": PAGE}
        for page in self._pages("app.bsky.notification.listNotifications", params,
                                "notifications", pages):
            older = False
            for position, item in enumerate(page):
                with skips.item(name_item(item, "notification", position, "uri")):
                    note = require_dict(item, "a notification")
                    indexed = parse_datetime(note.get("indexedAt"), "indexedAt")
                    newest = max(newest, indexed) if newest else indexed
                    if floor is not None and indexed < floor:
                        older = True
                        continue
                    if note.get("reason") in REASONS:
                        require_str(note, "uri", "a notification")
                        notes.append(note)
            if older:
                break
        views = self._hydrate([n["uri"] for n in notes])
        posts: dict[str, RemotePost] = {}
        for note in reversed(notes):  # oldest first, so equal times keep their order
            uri = note["uri"]
            with skips.item(f"post {uri[:80]}"):
                extra = {"reason": note.get("reason")}
                view = views.get(uri)
                post = (parse_post(view, "mention", extra=extra) if view is not None
                        else parse_post(note, "mention", extra=extra))
                posts.setdefault(post.remote_id, post)
        ordered = sorted(posts.values(), key=lambda p: p.created_at)
        return PullResult(self._with_profiles(ordered), iso(newest) if newest else None,
                          skips.items)

    def _hydrate(self, uris: list[str]) -> dict[str, dict[str, Any]]:
        """Post views (viewer state, threadgate, counts) for notification subjects."""
        views: dict[str, dict[str, Any]] = {}
        unique = list(dict.fromkeys(uris))
        for start in range(0, len(unique), HYDRATE):
            data = require_dict(self.http.query("app.bsky.feed.getPosts",
                                                {"uris": unique[start:start + HYDRATE]}),
                                "posts")
            for view in require_list(data.get("posts"), "posts"):
                if isinstance(view, dict) and isinstance(view.get("uri"), str):
                    views[view["uri"]] = view
        return views

    def _with_profiles(self, posts: list[RemotePost]) -> list[RemotePost]:
        """Posts whose authors carry follower counts and bios (``getProfiles``, cached an hour;
        notifications and search results only hold the short profile)."""
        now = self.clock()
        wanted = list(dict.fromkeys(
            p.author.remote_id for p in posts
            if now - self._profiles.get(p.author.remote_id, (-PROFILE_TTL, None))[0]
            >= PROFILE_TTL))
        for start in range(0, len(wanted), HYDRATE):
            data = require_dict(self.http.query("app.bsky.actor.getProfiles",
                                                {"actors": wanted[start:start + HYDRATE]}),
                                "profiles")
            for item in require_list(data.get("profiles"), "profiles"):
                try:
                    author = parse_profile(item)
                except MalformedResponse:
                    continue  # the post keeps the short profile it came with
                self._profiles[author.remote_id] = (now, author)
        return [replace(p, author=self._profiles[p.author.remote_id][1])
                if p.author.remote_id in self._profiles else p for p in posts]

    def pull_watch(self, watch: WatchSpec, cursor: str | None) -> PullResult:
        """Posts matching a watch term since ``cursor`` (``searchPosts``, newest first)."""
        term = watch.term.strip()
        source = "hashtag" if watch.kind == "hashtag" or term.startswith("#") else "keyword"
        if source == "hashtag":
            term = "#" + term.lstrip("#")
        params: dict[str, Any] = {"q": term, "sort": "latest", "limit": SEARCH_PAGE}
        if watch.lang:
            params["lang"] = watch.lang
        newest = parse_datetime(cursor) if cursor else None
        if cursor:
            params["since"] = iso(parse_datetime(cursor) - MARGIN)
        pages = MAX_PAGES if cursor else 1 + max(0, self.backfill_pages)
        excluded = [_fold(t) for t in watch.exclude if t.strip()]
        brand = self.did
        found: list[RemotePost] = []
        skips = Skips()
        for page in self._pages("app.bsky.feed.searchPosts", params, "posts", pages):
            for position, item in enumerate(page):
                with skips.item(name_item(item, "post", position, "uri")):
                    post = parse_post(item, source, watch_id=watch.id)
                    newest = max(newest, post.created_at) if newest else post.created_at
                    if post.author.remote_id == brand:
                        continue
                    if excluded and any(t in _fold(post.text) for t in excluded):
                        continue
                    found.append(post)
        posts = {p.remote_id: p for p in reversed(found)}  # oldest first
        ordered = sorted(posts.values(), key=lambda p: p.created_at)
        return PullResult(self._with_profiles(ordered), iso(newest) if newest else None,
                          skips.items)

    def pull_conversations(self, cursor: str | None) -> PullResult:
        """Direct messages to the brand since ``cursor`` (the chat log's). Without DM access
        the route is skipped with the reason, so mentions and watches keep syncing."""
        if not self.direct_messages:
            return PullResult([], None)
        try:
            result = self.chat.pull(cursor)
        except ChatNotAllowed as exc:
            return PullResult([], None, [SkippedItem(
                translate("Channels", "direct messages"), str(exc))])
        return PullResult(self._with_profiles(result.posts), result.cursor, result.skipped)

    # -- threads -----------------------------------------------------------------------------

    def _thread(self, uri: str, depth: int, parents: int) -> dict[str, Any]:
        data = require_dict(self.http.query("app.bsky.feed.getPostThread", {
            "uri": uri, "depth": depth, "parentHeight": parents}), "a thread")
        thread = require_dict(data.get("thread"), "a thread")
        if thread.get("notFound") is True:
            raise NotFound(f"{self.http.who}: that post does not exist any more")
        if thread.get("blocked") is True:
            raise ReplyRefused(f"{self.http.who}: the author of that post blocks this account")
        require_dict(thread.get("post"), "a post")
        return data

    def _thread_views(self, remote_id: str) -> tuple[list[dict[str, Any]], str]:
        """Post views of the thread around a post (ancestors, it, replies) and its root URI."""
        data = self._thread(remote_id, 10, 80)
        chain: list[dict[str, Any]] = []
        node: Any = data["thread"]
        while isinstance(node, dict) and isinstance(node.get("post"), dict):
            chain.insert(0, node["post"])
            node = node.get("parent")
        below: list[dict[str, Any]] = []

        def walk(item: Any) -> None:
            for reply in item.get("replies") or [] if isinstance(item, dict) else []:
                if isinstance(reply, dict) and isinstance(reply.get("post"), dict):
                    below.append(reply["post"])
                    walk(reply)

        walk(data["thread"])
        return [*chain, *below], (chain[0]["uri"] if chain else remote_id)

    def _mentions_brand(self, post: RemotePost) -> bool:
        record = post.raw.get("record")
        facets = record.get("facets") if isinstance(record, dict) else None
        for facet in facets if isinstance(facets, list) else []:
            for feature in facet.get("features") or [] if isinstance(facet, dict) else []:
                if isinstance(feature, dict) and feature.get("did") == self.did:
                    return True
        return self.http.handle in post.mentions

    def fetch_thread(self, remote_id: str) -> list[RemotePost]:
        """The conversation around a post: its ancestors, the post, and replies below it."""
        views, root = self._thread_views(remote_id)
        posts = []
        for view in views:
            try:
                post = parse_post(view, "comment")
            except MalformedResponse:
                continue  # one unreadable post does not hide the rest of the thread
            if self._mentions_brand(post):
                post = replace(post, source="mention")
            if post.thread_root is None and post.remote_id != root:
                post = replace(post, thread_root=root)
            posts.append(post)
        return posts

    def brand_replies_since(self, post_remote_id: str, since: datetime) -> list[BrandReply]:
        """The brand's posts in the thread of a post created after ``since`` (pre-send check);
        for a direct message, the brand's messages in its conversation."""
        if chat_ref(post_remote_id) is not None:
            return self.chat.brand_messages_since(post_remote_id, since)
        views, _ = self._thread_views(post_remote_id)
        brand = self.did
        found = []
        for view in views:
            try:
                post = parse_post(view, "comment")
            except MalformedResponse:
                continue
            if post.author.remote_id == brand and post.created_at > since:
                found.append(BrandReply(post.remote_id, post.created_at, post.url))
        return sorted(found, key=lambda r: r.created_at)

    # -- replies -----------------------------------------------------------------------------

    def resolve_handle(self, handle: str) -> str | None:
        """The DID behind a handle (None when it does not resolve); remembered per channel."""
        key = handle.lower()
        if key not in self._handles:
            try:
                data = require_dict(self.http.query("com.atproto.identity.resolveHandle",
                                                    {"handle": key}), "a DID")
                did = data.get("did")
                self._handles[key] = did if isinstance(did, str) else None
            except ChannelError as exc:  # 400 "Unable to resolve handle": leave it plain text
                if exc.retryable or isinstance(exc, AuthError):
                    raise
                self._handles[key] = None
        return self._handles[key]

    def build_reply(self, text: str, parent: dict[str, Any], now: datetime | None = None,
                    ) -> dict[str, Any]:
        """The ``app.bsky.feed.post`` record replying to the post view ``parent``."""
        parent_ref = {"uri": require_str(parent, "uri", "a post"),
                      "cid": require_str(parent, "cid", "a post")}
        record = require_dict(parent.get("record"), "a post record")
        reply = record.get("reply")
        root = reply.get("root") if isinstance(reply, dict) else None
        root_ref = ({"uri": root["uri"], "cid": root["cid"]} if isinstance(root, dict)
                    and isinstance(root.get("uri"), str) and isinstance(root.get("cid"), str)
                    else parent_ref)
        out: dict[str, Any] = {
            "$type": POST_TYPE,
            "text": text,
            "createdAt": iso(now or datetime.now(UTC)),
            "reply": {"root": root_ref, "parent": parent_ref},
        }
        langs = [code for code in record.get("langs") or [] if isinstance(code, str)
                 and LANG_RE.match(code)][:1]
        if langs:
            out["langs"] = langs
        facets = build_facets(text, self.resolve_handle)
        if facets:
            out["facets"] = facets
        return out

    def brand_messages_since(self, post_remote_id: str, since: datetime) -> list[BrandReply]:
        """The brand's direct messages after ``since`` to the conversation of a message, or
        to the author of a post (a reply continued in private), oldest first."""
        return self.chat.brand_messages_since(post_remote_id, since)

    def send_reply(
        self, *, text: str, in_reply_to: str, visibility: str, idempotency_key: str
    ) -> SentReply:
        """Post a reply once; a retry with the same key returns the reply already posted.

        A direct reply (to a message, or a public post continued in private) leaves as a
        message; a message is never answered by a public post."""
        if visibility == "direct" or chat_ref(in_reply_to) is not None:
            return self.chat.send(text, in_reply_to)
        did = self.did
        rkey = rkey_for(idempotency_key)
        try:
            existing = require_dict(self.http.query("com.atproto.repo.getRecord", {
                "repo": did, "collection": POST_TYPE, "rkey": rkey}), "a record")
            return self._sent(existing, existing.get("value"))
        except NotFound:
            pass
        data = self._thread(in_reply_to, 0, 0)
        parent = data["thread"]["post"]
        if reply_disabled(parent) or gate_closed(data.get("threadgate")) or gate_closed(
                parent.get("threadgate")):
            raise ReplyRefused(f"{self.http.who}: {GATED}")
        record = self.build_reply(text, parent)
        try:
            validate_post(record)
        except RecordInvalid as exc:
            raise ReplyRefused(f"{self.http.who}: the reply breaks Bluesky's rules: {exc}",
                               ) from None
        created = require_dict(self.http.procedure("com.atproto.repo.createRecord", {
            "repo": did, "collection": POST_TYPE, "rkey": rkey, "record": record}), "a record")
        return self._sent(created, record)

    def _sent(self, data: dict[str, Any], record: Any) -> SentReply:
        uri = require_str(data, "uri", "a record")
        require_str(data, "cid", "a record")
        rec = record if isinstance(record, dict) else {}
        try:
            when = parse_datetime(rec.get("createdAt"))
        except MalformedResponse:
            when = datetime.now(UTC)
        return SentReply(remote_id=uri, url=post_url(self.http.handle, uri), created_at=when,
                         raw={**data, "record": rec})
