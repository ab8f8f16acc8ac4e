"""WordPress REST JSON -> the channel dataclasses, and WordPress errors -> sentences.

Remote ids are addresses that work on any WordPress: a post is ``{site}/?p={post}`` and a
comment ``{site}/?p={post}#comment-{id}``, so a reply knows its post and parent without
asking. A registered commenter is ``{site}/?author={id}``; a guest is a hash of name, the
Gravatar hash WordPress already publishes and their web address, scoped to the site (no
e-mail address is ever sent or kept).
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from typing import Any

import httpx

from console.channels.base import (
    AuthError,
    ChannelError,
    MalformedResponse,
    NotFound,
    RateLimited,
    RemoteAuthor,
    RemotePost,
    ReplyRefused,
    server_of,
)
from console.channels.feeds.http import one_line
from console.channels.feeds.parse import fold, web_url
from console.channels.html import to_plain_text
from console.channels.limits import decode_json
from console.i18n import QT_TRANSLATE_NOOP, translate

KIND = "wordpress"
_COMMENT_ID = re.compile(r"^(?P<site>.+)/\?p=(?P<post>\d+)(?:#comment-(?P<comment>\d+))?$")


def post_id(site: str, post: int) -> str:
    return f"{site}/?p={post}"


def comment_id(site: str, post: int, comment: int) -> str:
    return f"{site}/?p={post}#comment-{comment}"


def split_id(remote_id: str) -> tuple[str, int, int]:
    """(site, post id, comment id or 0) of a remote id made by this module."""
    match = _COMMENT_ID.match(remote_id or "")
    if match is None:
        raise ReplyRefused(f"{remote_id!r} is not a WordPress post or comment of this console")
    return match["site"], int(match["post"]), int(match["comment"] or 0)


def _int(data: dict[str, Any], name: str) -> int:
    value = data.get(name)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise MalformedResponse(f"WordPress sent a comment without a valid {name}")
    return value


def _str(data: dict[str, Any], name: str) -> str:
    value = data.get(name)
    return value if isinstance(value, str) else ""


def rendered(data: dict[str, Any], name: str) -> str:
    """``{"rendered": "..."}`` fields (content, title)."""
    value = data.get(name)
    if isinstance(value, dict) and isinstance(value.get("rendered"), str):
        return str(value["rendered"])
    return value if isinstance(value, str) else ""


def parse_gmt(value: Any) -> datetime:
    """WordPress' ``date_gmt`` ("2026-07-01T10:00:00", UTC without an offset)."""
    if not isinstance(value, str) or not value:
        raise MalformedResponse("WordPress sent a comment without its date")
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise MalformedResponse("WordPress sent an unreadable date") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def gmt_text(moment: datetime) -> str:
    """A UTC moment as WordPress writes ``date_gmt``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")


def _avatar(data: dict[str, Any]) -> str:
    urls = data.get("author_avatar_urls")
    if not isinstance(urls, dict):
        return ""
    sizes = sorted((k for k in urls if str(k).isdigit()), key=int)
    return web_url(urls[sizes[-1]]) if sizes else ""


def _gravatar_hash(avatar: str) -> str:
    match = re.search(r"/avatar/([0-9a-f]{32,64})", avatar)
    return match.group(1) if match else ""


def parse_author(site: str, data: dict[str, Any]) -> RemoteAuthor:
    user = data.get("author")
    name = _str(data, "author_name").strip()[:200] or "Anonymous"
    url = web_url(_str(data, "author_url"))
    avatar = _avatar(data)
    if isinstance(user, int) and not isinstance(user, bool) and user > 0:
        remote_id = f"{site}/?author={user}"
    else:
        seed = "|".join((fold(name), _gravatar_hash(avatar), url.lower()))
        remote_id = f"{site}#guest-{hashlib.sha256(seed.encode('utf-8')).hexdigest()[:24]}"
    return RemoteAuthor(channel=KIND, remote_id=remote_id, handle=name, display_name=name,
                        url=url, avatar_url=avatar,
                        raw={"author": user, "author_name": name, "author_url": url},
                        server=server_of(site))


def parse_comment(site: str, data: Any, source: str, post_title: str = "",
                  watch_id: int | None = None) -> RemotePost:
    """One REST comment as a RemotePost (its post is the thread root)."""
    if not isinstance(data, dict):
        raise MalformedResponse("WordPress sent something other than a comment")
    number, post = _int(data, "id"), _int(data, "post")
    parent = data.get("parent") if isinstance(data.get("parent"), int) else 0
    html = rendered(data, "content")
    keep = {k: data[k] for k in ("id", "post", "parent", "author", "author_name", "author_url",
                                 "date", "date_gmt", "link", "status", "type") if k in data}
    keep["content"] = html
    keep["post_title"] = post_title
    return RemotePost(
        channel=KIND, remote_id=comment_id(site, post, number),
        url=web_url(_str(data, "link")), author=parse_author(site, data),
        text=to_plain_text(html), html=html, created_at=parse_gmt(data.get("date_gmt")),
        source=source, in_reply_to=comment_id(site, post, parent) if parent else post_id(site,
                                                                                        post),
        thread_root=post_id(site, post), watch_id=watch_id, raw=keep, server=server_of(site),
    )


def error_of(body: bytes) -> tuple[str, str]:
    """(code, message) of a WordPress error body, or ("", "")."""
    try:
        data = decode_json(body, "WordPress")
    except MalformedResponse:
        return "", ""
    if not isinstance(data, dict):
        return "", ""
    code, message = data.get("code"), data.get("message")
    return (code if isinstance(code, str) else "",
            to_plain_text(message) if isinstance(message, str) else "")


class DuplicateComment(ReplyRefused):
    """WordPress already has this exact comment by this user (an earlier send went through)."""


class PageOutOfRange(ChannelError):
    """A page past the last one (comments were deleted while paging)."""


# Sentences after "WordPress @user (host): ", translated where the error is raised.
_REJECTED = QT_TRANSLATE_NOOP("Channels", "the application password was rejected; re-enter it")
_AUTH = {
    "incorrect_password": _REJECTED,
    "invalid_username": QT_TRANSLATE_NOOP("Channels",
                                          "the site does not know that user name; check it"),
    "invalid_email": QT_TRANSLATE_NOOP("Channels",
                                       "the site does not know that user; check the user name"),
    "rest_not_logged_in": _REJECTED,
    "application_passwords_disabled": QT_TRANSLATE_NOOP(
        "Channels", "application passwords are turned off on this site"),
    "rest_comment_login_required": QT_TRANSLATE_NOOP(
        "Channels", "the site wants a signed-in user; re-enter the application password"),
}
_REFUSED = {
    "rest_comment_closed": QT_TRANSLATE_NOOP("Channels", "comments are closed on that post"),
    "rest_comment_draft_post": QT_TRANSLATE_NOOP(
        "Channels", "that post is a draft and takes no comments"),
    "rest_comment_trash_post": QT_TRANSLATE_NOOP("Channels", "that post is in the trash"),
    "rest_comment_invalid_post_id": QT_TRANSLATE_NOOP(
        "Channels", "that post does not exist any more"),
    "rest_comment_content_invalid": QT_TRANSLATE_NOOP(
        "Channels", "the site refused the reply's text"),
    "rest_comment_author_data_required": QT_TRANSLATE_NOOP(
        "Channels", "the site wants a name and e-mail with each comment"),
    "comment_duplicate": QT_TRANSLATE_NOOP("Channels", "the site already has this exact reply"),
}


def _said(label: str, sentence: str, detail: str = "") -> str:
    """'<label>: <sentence><detail>' with the sentence in the console's language."""
    return f"{label}: {translate('Channels', sentence)}{detail}"


def explain(label: str) -> Any:
    """The ``explain`` hook of the WebClient: WordPress error bodies to ChannelErrors."""

    def hook(response: httpx.Response, body: bytes, method: str) -> ChannelError | None:
        status = response.status_code
        code, message = error_of(body)
        detail = f" ({one_line(message)})" if message else ""
        if code == "comment_duplicate":
            return DuplicateComment(_said(label, _REFUSED[code]))
        if code.endswith("_invalid_page_number"):
            return PageOutOfRange(f"{label}: no such page of results")
        if code in _AUTH:
            return AuthError(_said(label, _AUTH[code]))
        if code in _REFUSED:
            return ReplyRefused(_said(label, _REFUSED[code], detail))
        if code == "comment_flood":
            return RateLimited(translate(
                "Channels", "{who}: the site says replies are coming too fast; wait a minute")
                .format(who=label), 60.0)
        if status == 401:
            return AuthError(_said(label, _REJECTED))
        if status == 403:
            if method.upper() == "POST":
                return AuthError(translate(
                    "Channels", "{who}: the user may not post comments on this site{detail}")
                    .format(who=label, detail=detail))
            return AuthError(translate(
                "Channels", "{who}: the user may not read this on this site{detail}").format(
                who=label, detail=detail))
        if status in (404, 410):
            if code.startswith("rest_"):
                return NotFound(translate(
                    "Channels", "{who}: that post or comment does not exist on the site")
                    .format(who=label))
            return NotFound(translate(
                "Channels", "{who}: that address does not exist on the site").format(who=label))
        if 400 <= status < 500 and method.upper() == "POST":
            return ReplyRefused(translate("Channels", "{who} refused the reply ({status}){detail}")
                                .format(who=label, status=status, detail=detail))
        return None

    return hook
