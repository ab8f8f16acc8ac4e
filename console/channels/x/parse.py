"""X API v2 JSON -> the channel dataclasses, strictly: a wrong shape is MalformedResponse.

A page is ``{data: [Post], includes: {users, tweets}, meta: {newest_id, next_token...}}``
(X's data dictionary). A post keeps, as its raw payload, the post itself, the users and
posts it refers to (``includes``) and whether it summoned the brand (mentioned it or
quoted one of its posts): X takes an API reply only then (``summoned``).
"""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from typing import Any

from console.channels.base import MalformedResponse, RemoteAuthor, RemotePost

KIND = "x"
WEB = "https://x.com"
SERVER = "x.com"  # post and user ids are unique on the whole network
ID = re.compile(r"^[0-9]{1,19}$")
_LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">"}  # what X escapes in ``text``
MAX_TEXT = 30_000


def require_dict(data: Any, what: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise MalformedResponse(f"X sent something other than {what}")
    return data


def require_list(data: Any, what: str) -> list[Any]:
    if data is None:
        return []
    if not isinstance(data, list):
        raise MalformedResponse(f"X sent something other than a list of {what}")
    return data


def require_id(data: dict[str, Any], name: str, what: str) -> str:
    value = data.get(name)
    if not isinstance(value, str) or not ID.match(value):
        raise MalformedResponse(f"X sent {what} without a valid '{name}'")
    return value


def parse_datetime(value: Any, what: str = "created_at") -> datetime:
    if not isinstance(value, str):
        raise MalformedResponse(f"X sent no valid {what}")
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise MalformedResponse(f"X sent an unreadable {what}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        raise MalformedResponse(f"X sent an impossible {what}") from None


def iso(moment: datetime) -> str:
    """ISO 8601 as X takes ``start_time`` (seconds, 'Z')."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def post_url(username: str, post_id: str) -> str:
    return f"{WEB}/{username or 'i'}/status/{post_id}"


def plain_text(post: dict[str, Any]) -> str:
    """The post's text, long posts whole (``note_tweet``), X's escapes undone and its t.co
    links shown as the addresses they stand for."""
    note = post.get("note_tweet")
    text = note.get("text") if isinstance(note, dict) else None
    entities_holder = note if isinstance(text, str) else post
    if not isinstance(text, str):
        text = post.get("text")
    if not isinstance(text, str):
        raise MalformedResponse("X sent a post without text")
    text = text[:MAX_TEXT]
    entities = entities_holder.get("entities") if isinstance(entities_holder, dict) else None
    urls = entities.get("urls") if isinstance(entities, dict) else None
    for item in urls if isinstance(urls, list) else []:
        if not isinstance(item, dict):
            continue
        short, long = item.get("url"), item.get("expanded_url")
        if isinstance(short, str) and isinstance(long, str) and short and long.startswith(
                ("http://", "https://")):
            text = text.replace(short, long[:2000])
    for escaped, char in _ENTITIES.items():
        text = text.replace(escaped, char)
    return text


def _html(text: str) -> str:
    return "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"


def parse_user(data: Any) -> RemoteAuthor:
    """A User object (``id``, ``name``, ``username``, optional fields)."""
    user = require_dict(data, "a user")
    user_id = require_id(user, "id", "a user")
    username = user.get("username")
    if not isinstance(username, str) or not username:
        raise MalformedResponse("X sent a user without a username")
    name = user.get("name") if isinstance(user.get("name"), str) else username
    metrics = user.get("public_metrics")
    followers = metrics.get("followers_count") if isinstance(metrics, dict) else 0
    bio = user.get("description")
    avatar = user.get("profile_image_url")
    return RemoteAuthor(
        KIND, user_id, username[:50], str(name)[:200], f"{WEB}/{username[:50]}",
        followers=followers if isinstance(followers, int) and not isinstance(
            followers, bool) and followers >= 0 else 0,
        bio=bio[:2000] if isinstance(bio, str) else "",
        avatar_url=avatar if isinstance(avatar, str) and avatar.startswith("https://") else "",
        raw=user, server=SERVER)


class Page:
    """One page of posts with its ``includes`` looked up by id, and its ``meta``."""

    def __init__(self, data: Any) -> None:
        body = require_dict(data, "a page of posts")
        self.posts = require_list(body.get("data"), "posts")
        found = body.get("includes")
        includes: dict[str, Any] = found if isinstance(found, dict) else {}
        self.users = {u["id"]: u for u in require_list(includes.get("users"), "users")
                      if isinstance(u, dict) and isinstance(u.get("id"), str)}
        # The data dictionary names them ``tweets``; the newest OpenAPI text ``posts``.
        included = [*require_list(includes.get("tweets"), "posts"),
                    *require_list(includes.get("posts"), "posts")]
        self.included = {t["id"]: t for t in included
                         if isinstance(t, dict) and isinstance(t.get("id"), str)}
        given = body.get("meta")
        meta: dict[str, Any] = given if isinstance(given, dict) else {}
        newest, following = meta.get("newest_id"), meta.get("next_token")
        self.newest_id = newest if isinstance(newest, str) and ID.match(newest) else None
        self.next_token = following if isinstance(following, str) and following else None
        self.errors = require_list(body.get("errors"), "errors")

    @property
    def read(self) -> int:
        """Posts this page billed: the posts and the posts they brought along."""
        return len(self.posts) + len(self.included)


def references(post: dict[str, Any]) -> dict[str, str]:
    """The post's ``referenced_tweets`` by type (replied_to, quoted, retweeted) -> id."""
    found: dict[str, str] = {}
    refs = post.get("referenced_tweets", post.get("referenced_posts"))
    for ref in refs if isinstance(refs, list) else []:
        if isinstance(ref, dict) and isinstance(ref.get("type"), str) and isinstance(
                ref.get("id"), str) and ID.match(ref["id"]):
            found.setdefault(ref["type"], ref["id"])
    return found


def mentioned(post: dict[str, Any]) -> list[dict[str, Any]]:
    entities = post.get("entities")
    items = entities.get("mentions") if isinstance(entities, dict) else None
    return [m for m in items if isinstance(m, dict)] if isinstance(items, list) else []


def summons(post: dict[str, Any], page: Page, brand_id: str, brand_username: str) -> bool:
    """Whether the post's author summoned the brand: @mentioned it or quoted its post."""
    handle = brand_username.casefold()
    for item in mentioned(post):
        if item.get("id") == brand_id or (
                isinstance(item.get("username"), str) and item["username"].casefold() == handle):
            return True
    quoted = references(post).get("quoted")
    quoted_post = page.included.get(quoted or "")
    return bool(quoted_post and quoted_post.get("author_id") == brand_id)


def parse_post(data: Any, page: Page, source: str, *, brand_id: str = "",
               brand_username: str = "", watch_id: int | None = None,
               summoned: bool | None = None) -> RemotePost:
    """One Post of ``page`` as a RemotePost (its author from ``includes.users``)."""
    post = require_dict(data, "a post")
    post_id = require_id(post, "id", "a post")
    author_id = require_id(post, "author_id", "a post")
    user = page.users.get(author_id)
    author = parse_user(user) if user is not None else RemoteAuthor(
        KIND, author_id, "", "", f"{WEB}/i/user/{author_id}", server=SERVER)
    created = parse_datetime(post.get("created_at"))
    text = plain_text(post)
    refs = references(post)
    conversation = post.get("conversation_id")
    root = conversation if isinstance(conversation, str) and ID.match(conversation) else None
    lang = post.get("lang")
    reply_user = post.get("in_reply_to_user_id")
    given = post.get("entities")
    entities: dict[str, Any] = given if isinstance(given, dict) else {}
    listed = entities.get("hashtags")
    tags: list[Any] = listed if isinstance(listed, list) else []
    if summoned is None:
        summoned = summons(post, page, brand_id, brand_username)
    kept_users = [u for uid, u in page.users.items() if uid == author_id]
    kept_posts = [page.included[i] for i in refs.values() if i in page.included]
    raw = {"data": post, "includes": {"users": kept_users, "tweets": kept_posts},
           "summoned": bool(summoned)}
    return RemotePost(
        channel=KIND, remote_id=post_id, url=post_url(author.handle, post_id), author=author,
        text=text, html=_html(text), created_at=created, source=source,
        in_reply_to=refs.get("replied_to"),
        in_reply_to_author=reply_user if isinstance(reply_user, str) and ID.match(
            reply_user) else None,
        thread_root=root if root and root != post_id else None,
        lang=lang if isinstance(lang, str) and _LANG.match(lang) else None,
        mentions=tuple(str(m["username"])[:50] for m in mentioned(post)
                       if isinstance(m.get("username"), str)),
        tags=tuple(str(t["tag"])[:100] for t in tags
                   if isinstance(t, dict) and isinstance(t.get("tag"), str)),
        watch_id=watch_id, raw=raw, server=SERVER)
