"""How the sandbox's Reddit writes things and listings, field for field as Reddit's API does.

Posts are ``t3``, comments ``t1``, messages ``t4``, each ``{"kind", "data"}``; listings are
``{"kind": "Listing", "data": {after, before, dist, modhash, geo_filter, children}}`` and
page with ``after``/``before`` fullnames and ``limit`` (25 by default, 100 at most). An
inbox comment carries ``context``, ``subject``, ``type``, ``was_comment`` and no
``link_id``, as Reddit's inbox does. ``body_html`` is Reddit's markdown rendering, inside
``<div class="md">``. Without ``raw_json=1`` every string has ``&``, ``<`` and ``>``
escaped, Reddit's legacy encoding.
"""

from __future__ import annotations

import html
import re
import zlib
from typing import Any

from .reddit_world import InboxItem, RedditWorld, Thing

_LINK = re.compile(r"(https?://[^\s<>\"]+)|(?<![\w/])(/?u/[A-Za-z0-9_-]{3,20})")


class ListingError(Exception):
    """A listing parameter Reddit would refuse (400)."""


def markdown_html(text: str) -> str:
    """A small subset of Reddit's markdown rendering: paragraphs, links, u/ mentions."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    out = []
    for para in paragraphs:
        pieces, pos = [], 0
        for match in _LINK.finditer(para):
            pieces.append(html.escape(para[pos:match.start()], quote=False))
            target = match.group(0)
            href = target if match.group(1) else "/" + target.lstrip("/")
            pieces.append(f'<a href="{html.escape(href)}">{html.escape(target, quote=False)}</a>')
            pos = match.end()
        pieces.append(html.escape(para[pos:], quote=False))
        out.append("<p>" + "".join(pieces).replace("\n", "<br/>\n") + "</p>")
    return '<div class="md">' + "\n".join(out) + "</div>"


def legacy_escape(value: Any) -> Any:
    """Reddit's legacy JSON encoding: &, < and > escaped in every string."""
    if isinstance(value, str):
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if isinstance(value, list):
        return [legacy_escape(v) for v in value]
    if isinstance(value, dict):
        return {k: legacy_escape(v) for k, v in value.items()}
    return value


def _slug(title: str) -> str:
    words = re.sub(r"[^0-9a-z]+", "_", title.lower()).strip("_")
    return words[:50].rstrip("_") or "post"


def _user_fullname(name: str) -> str:
    return "t2_" + format(zlib.crc32(name.lower().encode()), "x")


class RedditViews:
    """Things of one world as Reddit's JSON."""

    def __init__(self, world: RedditWorld) -> None:
        self.world = world

    def _link(self, thing: Thing) -> Thing:
        return self.world.things[thing.link or thing.name]

    def permalink(self, thing: Thing) -> str:
        post = self._link(thing)
        base = f"/r/{post.sub}/comments/{post.id36}/{_slug(post.title)}/"
        return base if thing.kind == "t3" else f"{base}{thing.id36}/"

    def _common(self, thing: Thing) -> dict[str, Any]:
        stamp = thing.created.timestamp()
        return {"id": thing.id36, "name": thing.name, "author": thing.author,
                "author_fullname": _user_fullname(thing.author), "created": stamp,
                "created_utc": stamp, "distinguished": None, "edited": False}

    def post(self, thing: Thing) -> dict[str, Any]:
        replies = sum(1 for t in self.world.things.values() if t.link == thing.name)
        data = {**self._common(thing), "title": thing.title, "selftext": thing.text,
                "selftext_html": markdown_html(thing.text) if thing.text else None,
                "subreddit": thing.sub, "subreddit_name_prefixed": f"r/{thing.sub}",
                "permalink": self.permalink(thing),
                "url": f"https://www.reddit.com{self.permalink(thing)}", "is_self": True,
                "domain": f"self.{thing.sub}", "num_comments": replies, "score": 1, "ups": 1,
                "locked": thing.locked, "archived": thing.archived, "over_18": False,
                "stickied": False, "send_replies": True, "link_flair_text": None}
        return {"kind": "t3", "data": data}

    def comment(self, thing: Thing) -> dict[str, Any]:
        post = self._link(thing)
        data = {**self._common(thing), "body": thing.text, "body_html": markdown_html(thing.text),
                "link_id": post.name, "parent_id": thing.parent, "subreddit": post.sub,
                "subreddit_name_prefixed": f"r/{post.sub}", "permalink": self.permalink(thing),
                "link_title": post.title, "link_author": post.author,
                "link_permalink": f"https://www.reddit.com{self.permalink(post)}",
                "score": 1, "locked": post.locked, "archived": post.archived,
                "is_submitter": thing.author == post.author, "replies": "",
                "send_replies": True, "stickied": False}
        return {"kind": "t1", "data": data}

    def message(self, thing: Thing) -> dict[str, Any]:
        first = self.world.things.get(thing.first or "")
        data = {**self._common(thing), "body": thing.text, "body_html": markdown_html(thing.text),
                "subject": thing.subject, "dest": thing.dest,
                "first_message": int(first.id36, 36) if first else None,
                "first_message_name": thing.first, "parent_id": thing.parent,
                "was_comment": False, "new": False, "context": "", "subreddit": None,
                "replies": "", "num_comments": None, "type": "unknown"}
        return {"kind": "t4", "data": data}

    def inbox_item(self, item: InboxItem) -> dict[str, Any]:
        thing = self.world.things[item.thing]
        if thing.kind == "t4":
            return self.message(thing)
        post = self._link(thing)
        subject = {"comment_reply": "comment reply", "post_reply": "post reply",
                   "username_mention": "username mention"}[item.type]
        data = {**self._common(thing), "body": thing.text,
                "body_html": markdown_html(thing.text if thing.kind == "t1" else
                                           f"{thing.title}\n\n{thing.text}"),
                "context": f"{self.permalink(thing)}?context=3", "link_title": post.title,
                "parent_id": thing.parent, "subject": subject, "subreddit": post.sub,
                "subreddit_name_prefixed": f"r/{post.sub}", "type": item.type,
                "was_comment": True, "new": False, "dest": self.world.brand_name,
                "first_message": None, "first_message_name": None, "num_comments": None,
                "score": 1, "replies": ""}
        return {"kind": thing.kind, "data": data}

    def thing(self, thing: Thing) -> dict[str, Any]:
        if thing.kind == "t3":
            return self.post(thing)
        return self.comment(thing) if thing.kind == "t1" else self.message(thing)


def listing(children: list[dict[str, Any]], params: dict[str, list[str]]) -> dict[str, Any]:
    """One page of ``children`` (already in order) by ``limit``, ``after`` and ``before``."""
    def one(name: str) -> str | None:
        values = params.get(name)
        return values[-1] if values else None

    try:
        limit = int(one("limit") or 25)
    except ValueError:
        raise ListingError("limit must be a number") from None
    limit = min(max(limit, 1), 100)
    names = [c["data"]["name"] for c in children]
    after, before = one("after"), one("before")
    if after:
        if after not in names:
            page, start = [], len(children)
        else:
            start = names.index(after) + 1
            page = children[start:start + limit]
    elif before:
        if before not in names:
            page, start = [], 0
        else:
            end = names.index(before)
            start = max(0, end - limit)
            page = children[start:end]
    else:
        start = 0
        page = children[:limit]
    more = start + len(page) < len(children)
    return {"kind": "Listing", "data": {
        "after": page[-1]["data"]["name"] if page and more else None,
        "before": page[0]["data"]["name"] if page and start > 0 else None,
        "dist": len(page), "modhash": None, "geo_filter": "", "children": page}}
