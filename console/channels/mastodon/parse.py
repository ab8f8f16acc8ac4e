"""Mastodon JSON -> the channel dataclasses, strictly: a wrong shape is MalformedResponse."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime
from typing import Any

from console.channels.base import MalformedResponse, ProfileField, RemoteAuthor, RemotePost
from console.channels.html import to_plain_text

KIND = "mastodon"
_LINK = re.compile(r"<([^<>]*)>")
_REL = re.compile(r"""(?i)\brel\s*=\s*(?:"([^"]*)"|([^\s;,]+))""")


def parse_link_header(value: str | None) -> dict[str, str]:
    """``rel`` -> URL from a ``Link`` header; tolerant of spacing, quoting and odd entries."""
    links: dict[str, str] = {}
    if not value:
        return links
    value = value[:20_000]
    matches = list(_LINK.finditer(value))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(value)
        url, params = match.group(1).strip(), value[match.end() : end]
        rel = _REL.search(params)
        if not rel or not url:
            continue
        for name in (rel.group(1) or rel.group(2) or "").lower().split():
            links.setdefault(name, url)
    return links


def parse_datetime(value: Any, what: str = "created_at") -> datetime:
    """An ISO 8601 datetime as timezone-aware UTC."""
    if not isinstance(value, str):
        raise MalformedResponse(f"Mastodon sent no valid {what}")
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise MalformedResponse(f"Mastodon sent an unreadable {what}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError:  # year 1 or 9999 with an offset: outside what datetime holds
        raise MalformedResponse(f"Mastodon sent an impossible {what}") from None


def _list(value: Any) -> list[Any]:
    """A JSON array, or nothing when the server sent something else in its place."""
    return value if isinstance(value, list) else []


def require_dict(data: Any, what: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise MalformedResponse(f"Mastodon sent something other than {what}")
    return data


def require_list(data: Any, what: str) -> list[Any]:
    if not isinstance(data, list):
        raise MalformedResponse(f"Mastodon sent something other than a list of {what}")
    return data


def require_id(data: dict[str, Any], what: str) -> str:
    value = data.get("id")
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str) or not value:
        raise MalformedResponse(f"Mastodon sent {what} without an id")
    return value


def id_key(value: str) -> tuple[int, str]:
    """Sort key for Mastodon ids: numeric when they are numbers (they usually are)."""
    return (int(value), "") if value.isdigit() else (-1, value)


def max_id(ids: list[str], current: str | None = None) -> str | None:
    candidates = [*ids, *([current] if current else [])]
    return max(candidates, key=id_key) if candidates else None


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text`` for term matching."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _text(data: dict[str, Any], name: str) -> str:
    value = data.get(name)
    return value if isinstance(value, str) else ""


def _count(data: dict[str, Any], name: str) -> int:
    value = data.get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


def parse_account(data: Any, server: str = "") -> RemoteAuthor:
    """A Mastodon Account as a RemoteAuthor (bio and field values as plain text).

    ``server`` is the host the id was read from: account ids are numbered per server."""
    account = require_dict(data, "an account")
    remote_id = require_id(account, "an account")
    acct = _text(account, "acct") or _text(account, "username")
    if not acct:
        raise MalformedResponse("Mastodon sent an account without a handle")
    fields = []
    raw_fields = account.get("fields")
    for item in raw_fields if isinstance(raw_fields, list) else []:
        if isinstance(item, dict):
            fields.append(
                ProfileField(
                    name=to_plain_text(_text(item, "name")) or _text(item, "name"),
                    value=to_plain_text(_text(item, "value")),
                    verified=item.get("verified_at") is not None,
                )
            )
    return RemoteAuthor(
        channel=KIND,
        remote_id=remote_id,
        handle=acct,
        display_name=_text(account, "display_name") or _text(account, "username"),
        url=_text(account, "url"),
        followers=_count(account, "followers_count"),
        bio=to_plain_text(_text(account, "note")),
        avatar_url=_text(account, "avatar"),
        bot=account.get("bot") is True,
        fields=tuple(fields),
        raw=account,
        server=server,
    )


def parse_status(data: Any, source: str, watch_id: int | None = None,
                 server: str = "") -> RemotePost:
    """A Mastodon Status as a RemotePost; boosts are unwrapped to the boosted status.

    ``server`` is the host it was read from (status ids are numbered per server)."""
    status = require_dict(data, "a status")
    if isinstance(status.get("reblog"), dict):
        status = status["reblog"]
    remote_id = require_id(status, "a status")
    html = status.get("content")
    if not isinstance(html, str):
        raise MalformedResponse("Mastodon sent a status without content")
    visibility = _text(status, "visibility") or "public"
    if visibility not in ("public", "unlisted", "private", "direct"):
        visibility = "public"
    spoiler = _text(status, "spoiler_text")
    text = to_plain_text(html)
    if spoiler:
        text = f"{spoiler}\n\n{text}" if text else spoiler
    mentions = tuple(
        m["acct"]
        for m in _list(status.get("mentions"))
        if isinstance(m, dict) and isinstance(m.get("acct"), str)
    )
    tags = tuple(
        t["name"]
        for t in _list(status.get("tags"))
        if isinstance(t, dict) and isinstance(t.get("name"), str)
    )
    in_reply_to = status.get("in_reply_to_id")
    reply_author = status.get("in_reply_to_account_id")
    language = status.get("language")
    url = _text(status, "url") or _text(status, "uri")
    return RemotePost(
        channel=KIND,
        remote_id=remote_id,
        url=url,
        author=parse_account(status.get("account"), server),
        text=text,
        html=html,
        created_at=parse_datetime(status.get("created_at")),
        source=source,
        visibility=visibility,
        in_reply_to=str(in_reply_to) if in_reply_to not in (None, "") else None,
        in_reply_to_author=str(reply_author) if reply_author not in (None, "") else None,
        thread_root=remote_id if in_reply_to in (None, "") else None,
        lang=language if isinstance(language, str) and language else None,
        mentions=mentions,
        tags=tags,
        watch_id=watch_id,
        raw=status,
        server=server,
    )
