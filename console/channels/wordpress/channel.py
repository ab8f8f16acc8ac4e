"""The WordPress channel: comments through the REST API, replies with an Application Password.

Reads ``GET /wp-json/wp/v2/comments`` (``after``, ``search``, ``orderby=date_gmt``,
``order``, ``per_page``, ``page`` and the ``X-WP-TotalPages`` header) and answers with
``POST /wp-json/wp/v2/comments {post, parent, content}``, authenticated by HTTP Basic with
the user name and an Application Password (over https, or http on this machine only).

What becomes a mention (source ``"comment"``): on the brand's own site (``every_comment``,
the default) every approved comment; on another site where the brand has a user, only the
comments matching a watch (``search=`` the term, then the same word match as feeds).
Comments by the brand's own user are its replies, never mentions.

The cursor is JSON ``{"after": date_gmt, "ids": [...]}``: the newest comment date seen and
the ids seen at that second. A pull asks for comments after that second minus one and
drops the ids it already has, so comments posted within the same second are not lost and
nothing comes twice. (A comment approved from moderation long after it was written keeps
its old date and is not seen by a date cursor: WordPress has no "changed since" filter.)

WordPress has no idempotency key, but refuses the same comment twice (``comment_duplicate``):
a retry after a crash finds the comment it already posted and reports that one.
"""

from __future__ import annotations

import html
import json
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

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
    ReplyRefused,
    ReplyRules,
    SentReply,
    WatchSpec,
    server_of,
)
from console.channels.feeds.channel import matches
from console.channels.feeds.http import Fetched, WebClient
from console.channels.feeds.parse import web_url
from console.channels.html import to_plain_text
from console.channels.limits import JSON_PAGE, NotJson, decode_json
from console.channels.skips import Skips, name_item
from console.channels.urls import web_address, with_scheme
from console.channels.wordpress.parse import (
    KIND,
    DuplicateComment,
    PageOutOfRange,
    explain,
    gmt_text,
    parse_comment,
    parse_gmt,
    rendered,
    split_id,
)
from console.i18n import translate

COMMENT_LIMIT = 65525  # WordPress' comment_content column (wp_get_comment_fields_max_lengths)
PER_PAGE = 100
MAX_PAGES = 100


def check_site_url(url: str) -> str:
    """The site's address without a trailing slash: https, or http only on this machine."""
    address = web_address(with_scheme((url or "").strip()))
    if address is None:
        raise ChannelError(translate(
            "Channels", "{address} is not a web address; type the site like "
            "https://blog.example").format(
            address=url.strip() or translate("Channels", "an empty address")))
    if address.credentials or address.extras:
        raise ChannelError(translate(
            "Channels", "The WordPress address must be a plain https:// address"))
    if address.plain_http:
        raise ChannelError(translate(
            "Channels", "{who}: refusing to send a password over unencrypted http://; use "
            "https://").format(who=f"WordPress {address.host}"))
    return address.base


class WordPressChannel:
    """One user on one WordPress site (``kind = "wordpress"``)."""

    kind = KIND
    # WordPress refuses the same comment twice, however late (see send_reply).
    lasting_idempotency = True

    def __init__(
        self,
        site_url: str,
        username: str,
        app_password: str | None,
        *,
        every_comment: bool = True,
        timeout: float = 15.0,
        max_wait: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
        backfill_pages: int = 2,
        per_page: int = PER_PAGE,
        deadline: float = JSON_PAGE.deadline,
    ) -> None:
        self.site = check_site_url(site_url)
        self.username = (username or "").strip()
        self.api = f"{self.site}/wp-json/wp/v2"
        host = urlsplit(self.site).hostname or self.site
        self.label = f"WordPress @{self.username or '?'} ({host})"
        # WordPress shows application passwords in groups of four; the spaces are optional.
        password = "".join((app_password or "").split())
        auth = (self.username, password) if self.username and password else None
        self.http = WebClient(self.label, timeout=timeout, max_wait=max_wait, sleep=sleep,
                              transport=transport, auth=auth, explain=explain(self.label),
                              accept="application/json", max_bytes=JSON_PAGE.max_bytes,
                              deadline=deadline)
        self.every_comment = every_comment
        self.backfill_pages = backfill_pages
        self.per_page = per_page
        self.me: RemoteAuthor | None = None
        self._titles: dict[int, str] = {}

    def close(self) -> None:
        self.http.close()

    def _json(self, fetched: Fetched, what: str) -> Any:
        try:
            return decode_json(fetched.content, self.label)
        except NotJson:
            raise MalformedResponse(f"{self.label}: the site sent {what} that is not JSON") \
                from None

    # -- the account -------------------------------------------------------------------------

    def instance_info(self) -> InstanceInfo:
        """The site's name from the REST index (``/wp-json/``)."""
        index = self._json(self.http.get(f"{self.site}/wp-json/"), "an index")
        if not isinstance(index, dict):
            raise MalformedResponse(f"{self.label}: {self.site}/wp-json/ is not a WordPress "
                                    "REST index")
        spaces = index.get("namespaces")
        if isinstance(spaces, list) and "wp/v2" not in spaces:
            raise ChannelError(translate(
                "Channels", "{who}: the site's REST API has no wp/v2 (comments)").format(
                who=self.label))
        name = index.get("name")
        title = to_plain_text(name)[:200] if isinstance(name, str) else ""
        return InstanceInfo(title=title or self.site, version="wp/v2",
                            max_characters=COMMENT_LIMIT)

    def verify(self) -> RemoteAuthor:
        """The user behind the application password (``/users/me``)."""
        data = self._json(self.http.get(f"{self.api}/users/me"), "a user")
        if not isinstance(data, dict) or not isinstance(data.get("id"), int):
            raise MalformedResponse(f"{self.label}: the site sent no user")
        name = str(data["name"]) if isinstance(data.get("name"), str) else ""
        slug = str(data["slug"]) if isinstance(data.get("slug"), str) else ""
        self.me = RemoteAuthor(channel=KIND, remote_id=f"{self.site}/?author={data['id']}",
                               handle=slug or self.username, display_name=name or slug,
                               url=web_url(data.get("link")), raw={"id": data["id"]},
                               server=server_of(self.site))
        return self.me

    # -- reading comments --------------------------------------------------------------------

    def _pages(self, params: dict[str, Any], newest_first: bool, pages: int
               ) -> Iterator[list[Any]]:
        query = {**params, "orderby": "date_gmt", "order": "desc" if newest_first else "asc",
                 "per_page": self.per_page}
        for page in range(1, pages + 1):
            try:
                fetched = self.http.get(f"{self.api}/comments", params={**query, "page": page})
            except PageOutOfRange:
                return
            items = self._json(fetched, "comments")
            if not isinstance(items, list):
                raise MalformedResponse(f"{self.label}: the site sent something other than a "
                                        "list of comments")
            if items:
                yield items
            total = fetched.headers.get("X-WP-TotalPages", "")
            last = int(total) if total.isdigit() else (page + 1 if items else page)
            if not items or page >= last:
                return

    def _title(self, post: int) -> str:
        if post not in self._titles:
            try:
                data = self._json(self.http.get(f"{self.api}/posts/{post}",
                                                params={"_fields": "id,title,link"}), "a post")
            except NotFound:
                data = {}
            title = rendered(data, "title") if isinstance(data, dict) else ""
            self._titles[post] = to_plain_text(title)[:200]
        return self._titles[post]

    def _comments(self, params: dict[str, Any], cursor: str | None,
                  watch: WatchSpec | None) -> PullResult:
        try:
            state = json.loads(cursor) if cursor else {}
        except ValueError:
            state = {}
        after = state.get("after") if isinstance(state, dict) else None
        known = set(state.get("ids") or []) if isinstance(state, dict) else set()
        if isinstance(after, str) and after:
            since = parse_gmt(after) - timedelta(seconds=1)
            pages = self._pages({**params, "after": gmt_text(since) + "Z"}, False, MAX_PAGES)
        else:
            after, pages = None, self._pages(params, True, max(1, self.backfill_pages))
        found: dict[str, RemotePost] = {}
        newest, at_newest = after, set(known)
        skips = Skips()
        for page in pages:
            for position, item in enumerate(page):
                with skips.item(name_item(item, "comment", position)):
                    if not isinstance(item, dict) or not isinstance(item.get("post"), int):
                        raise MalformedResponse(f"{self.label}: the site sent a comment "
                                                "without its post")
                    post = parse_comment(self.site, item, "comment", self._title(item["post"]),
                                         watch.id if watch else None)
                    stamp = gmt_text(post.created_at)
                    number = int(item["id"])
                    if after is not None and (stamp < after or (stamp == after
                                                                and number in known)):
                        continue
                    if newest is None or stamp > newest:
                        newest, at_newest = stamp, {number}
                    elif stamp == newest:
                        at_newest.add(number)
                    if self.me is not None and post.author.remote_id == self.me.remote_id:
                        continue  # the brand's own reply
                    if watch is not None and not matches(watch, post.text, post.lang):
                        continue
                    found.setdefault(post.remote_id, post)
        ordered = sorted(found.values(), key=lambda p: (p.created_at, p.remote_id))
        if newest is None or (newest == after and at_newest == known):
            return PullResult(ordered, None, skips.items)
        return PullResult(ordered, json.dumps({"after": newest, "ids": sorted(at_newest)}),
                          skips.items)

    def pull_mentions(self, cursor: str | None) -> PullResult:
        """Every new approved comment of the brand's own site."""
        if not self.every_comment:
            return PullResult([], None)
        return self._comments({}, cursor, None)

    def pull_watch(self, watch: WatchSpec, cursor: str | None) -> PullResult:
        """New comments matching ``watch`` on a site that is not the brand's own."""
        if self.every_comment:
            return PullResult([], None)
        return self._comments({"search": watch.term.lstrip("#")}, cursor, watch)

    # -- replies -----------------------------------------------------------------------------

    def reply_rules(self, post_visibility: str) -> ReplyRules:
        return ReplyRules("characters", COMMENT_LIMIT, visibility="public")

    def _sent(self, data: Any) -> SentReply:
        if not isinstance(data, dict):
            raise MalformedResponse(f"{self.label}: the site did not send the new comment back")
        post = parse_comment(self.site, data, "comment")
        return SentReply(remote_id=post.remote_id, url=post.url, created_at=post.created_at,
                         raw=post.raw)

    def send_reply(self, *, text: str, in_reply_to: str, visibility: str,
                   idempotency_key: str) -> SentReply:
        """Post a comment answering ``in_reply_to`` (a comment, or the post itself)."""
        site, post, parent = split_id(in_reply_to)
        if site != self.site:
            raise ReplyRefused(f"{self.label}: that comment belongs to another site ({site})")
        content = html.escape(text, quote=False)
        try:
            fetched = self.http.request("POST", f"{self.api}/comments",
                                        json={"post": post, "parent": parent, "content": content})
        except DuplicateComment:
            earlier = self._find_own(post, parent, text)
            if earlier is None:
                raise
            return earlier
        return self._sent(self._json(fetched, "the new comment"))

    def _own_comments(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        me = self.me or self.verify()
        user = int(me.raw.get("id", 0))
        query = {**params, "author": user, "orderby": "date_gmt", "order": "desc",
                 "per_page": self.per_page}
        items = self._json(self.http.get(f"{self.api}/comments", params=query), "comments")
        return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []

    def _find_own(self, post: int, parent: int, text: str) -> SentReply | None:
        """The brand's earlier comment with this text (after a duplicate refusal)."""
        wanted = to_plain_text(html.escape(text, quote=False))
        for item in self._own_comments({"post": post, "parent": parent}):
            if to_plain_text(rendered(item, "content")) == wanted:
                return self._sent(item)
        return None

    def brand_replies_since(self, post_remote_id: str, since: datetime) -> list[BrandReply]:
        """The brand's comments on the same post written after ``since`` (collision check)."""
        _, post, _ = split_id(post_remote_id)
        found = []
        for item in self._own_comments({"post": post, "after": gmt_text(since) + "Z"}):
            reply = self._sent(item)
            if reply.created_at > since:
                found.append(BrandReply(reply.remote_id, reply.created_at, reply.url))
        return sorted(found, key=lambda r: r.created_at)
