"""Reddit things (``t1`` comment, ``t3`` post, ``t4`` message) -> the channel dataclasses.

A post's remote id is its fullname (``t1_abc``), unique across Reddit. An author's remote
id is the username (unique, unchangeable, and the one field every listing carries; inbox
items may lack ``author_fullname``). Bodies are markdown (``body``) with Reddit's HTML
rendering (``body_html``, asked for without the legacy escaping: ``raw_json=1``). Inbox
comments have no ``link_id`` or ``permalink``: their thread comes from ``context``.
"""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from typing import Any

from console.channels.base import MalformedResponse, RemoteAuthor, RemotePost

KIND = "reddit"
SITE = "https://www.reddit.com"
SERVER = "reddit.com"  # fullnames and usernames are unique on the whole of Reddit
FULLNAME_RE = re.compile(r"^t[1-6]_[0-9a-z]{1,13}$")
_CONTEXT_RE = re.compile(r"^/r/([A-Za-z0-9_]{1,21})/comments/([0-9a-z]{1,13})/[^/?#]*/"
                         r"(?:([0-9a-z]{1,13})/?)?")
_USER_MENTION = re.compile(r"(?<![\w/])/?u/([A-Za-z0-9_-]{3,20})\b")
DELETED = "[deleted]"


def require_dict(data: Any, what: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise MalformedResponse(f"Reddit sent something other than {what}")
    return data


def require_str(data: dict[str, Any], name: str, what: str) -> str:
    value = data.get(name)
    if not isinstance(value, str) or not value:
        raise MalformedResponse(f"Reddit sent {what} without '{name}'")
    return value


def fullname(value: Any, what: str) -> str:
    if not isinstance(value, str) or not FULLNAME_RE.match(value):
        raise MalformedResponse(f"Reddit sent {what} with an unreadable id")
    return value


def created(data: dict[str, Any]) -> datetime:
    """``created_utc`` (seconds since the epoch, a float) as timezone-aware UTC."""
    value = data.get("created_utc")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise MalformedResponse("Reddit sent no valid created_utc")
    try:
        return datetime.fromtimestamp(float(value), UTC)
    except (OverflowError, OSError, ValueError):
        raise MalformedResponse("Reddit sent an impossible created_utc") from None


def stamp(moment: datetime) -> str:
    """A cursor: the moment as epoch seconds (what Reddit itself writes)."""
    return f"{moment.timestamp():.3f}"


def from_stamp(cursor: str | None) -> datetime | None:
    try:
        return datetime.fromtimestamp(float(cursor), UTC) if cursor else None
    except (ValueError, OverflowError, OSError):
        return None


def user_url(name: str) -> str:
    return f"{SITE}/user/{name}/"


def parse_author(name: Any) -> RemoteAuthor:
    if not isinstance(name, str) or not name or name == DELETED:
        raise MalformedResponse("Reddit sent an item whose author was deleted")
    return RemoteAuthor(channel=KIND, remote_id=name, handle=name, display_name=name,
                        url=user_url(name), server=SERVER)


def parse_me(data: Any) -> RemoteAuthor:
    """``GET /api/v1/me``: the signed-in account."""
    me = require_dict(data, "an account")
    name = require_str(me, "name", "the account")
    karma = me.get("total_karma", me.get("link_karma", 0))
    profile = me.get("subreddit")
    sub: dict[str, Any] = profile if isinstance(profile, dict) else {}
    title = _text(sub, "title")
    bio = _text(sub, "public_description")
    icon = _text(me, "icon_img")
    return RemoteAuthor(channel=KIND, remote_id=name, handle=name, display_name=title or name,
                        url=user_url(name), followers=0, bio=bio, avatar_url=icon,
                        raw={"name": name, "id": me.get("id"), "karma": karma}, server=SERVER)


def context_parts(context: Any) -> tuple[str | None, str | None]:
    """(post fullname, comment fullname) of an inbox item's ``context`` path."""
    if not isinstance(context, str):
        return None, None
    match = _CONTEXT_RE.match(context)
    if not match:
        return None, None
    return f"t3_{match.group(2)}", (f"t1_{match.group(3)}" if match.group(3) else None)


def _text(data: dict[str, Any], name: str) -> str:
    value = data.get(name)
    return value if isinstance(value, str) else ""


def _html(markdown_html: str, text: str) -> str:
    if markdown_html:
        return markdown_html
    return "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"


def parse_thing(thing: Any, source: str, *, watch_id: int | None = None) -> RemotePost:
    """One ``{"kind": "t1"|"t3"|"t4", "data": {...}}`` as a RemotePost."""
    wrapper = require_dict(thing, "a thing")
    kind = wrapper.get("kind")
    data = require_dict(wrapper.get("data"), "a thing")
    if kind not in ("t1", "t3", "t4"):
        raise MalformedResponse(f"Reddit sent a thing of an unexpected kind {str(kind)[:10]!r}")
    name = fullname(data.get("name"), "an item")
    if not name.startswith(f"{kind}_"):
        raise MalformedResponse("Reddit sent an item whose id does not match its kind")
    author = parse_author(data.get("author"))
    moment = created(data)
    permalink = _text(data, "permalink")
    raw = {**data, "kind": kind}
    if kind == "t3":
        title = _text(data, "title")
        body = _text(data, "selftext")
        link = _text(data, "url")
        text = title + (f"\n\n{body}" if body else (
            f"\n\n{link}" if link and not data.get("is_self") else ""))
        page = html.escape(title)
        markup = f"<p><strong>{page}</strong></p>" + (_text(data, "selftext_html") or (
            f"<p>{html.escape(link)}</p>" if link and not data.get("is_self") else ""))
        return _post(name, permalink, author, text, markup, moment, source, raw,
                     watch_id=watch_id)
    text = _text(data, "body")
    if not text.strip():
        raise MalformedResponse("Reddit sent an item without text")
    markup = _html(_text(data, "body_html"), text)
    parent = data.get("parent_id")
    parent = parent if isinstance(parent, str) and FULLNAME_RE.match(parent) else None
    if kind == "t4":
        first = data.get("first_message_name")
        root = first if isinstance(first, str) and FULLNAME_RE.match(first) else None
        url = f"{SITE}/message/messages/{data.get('id') or name[3:]}"
        return _post(name, url, author, text, markup, moment, source, raw, parent=parent,
                     root=root if root != name else None, visibility="direct",
                     watch_id=watch_id)
    link_id = data.get("link_id")
    root = link_id if isinstance(link_id, str) and FULLNAME_RE.match(link_id) else None
    if root is None:
        root, _ = context_parts(data.get("context"))
    if not permalink:
        permalink = _text(data, "context").split("?")[0]
    return _post(name, permalink, author, text, markup, moment, source, raw, parent=parent,
                 root=root, watch_id=watch_id)


def _post(name: str, path: str, author: RemoteAuthor, text: str, markup: str,
          moment: datetime, source: str, raw: dict[str, Any], *, parent: str | None = None,
          root: str | None = None, visibility: str = "public",
          watch_id: int | None = None) -> RemotePost:
    url = path if path.startswith("https://") else (SITE + path if path.startswith("/") else "")
    mentions = tuple(dict.fromkeys(m.group(1) for m in _USER_MENTION.finditer(text)))
    return RemotePost(channel=KIND, remote_id=name, url=url, author=author, text=text,
                      html=markup, created_at=moment, source=source, visibility=visibility,
                      in_reply_to=parent, thread_root=root, mentions=mentions,
                      watch_id=watch_id, raw=raw, server=SERVER)


def closed_reason(raw: dict[str, Any]) -> str:
    """Why Reddit will not take a reply to this item ("" when it will)."""
    if raw.get("locked") is True:
        return "locked"
    if raw.get("archived") is True:
        return "archived"
    if raw.get("kind") == "t4" and raw.get("author") in (None, DELETED):
        return "deleted"
    return ""
