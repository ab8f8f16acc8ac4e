"""Bluesky XRPC JSON -> the channel dataclasses, strictly: a wrong shape is MalformedResponse.

A post's remote id is its ``at://`` URI; its ``cid`` (needed for reply strong refs) stays in
``raw``. Threads come from ``record.reply`` (root and parent URIs).
"""

from __future__ import annotations

import html
from datetime import UTC, datetime
from typing import Any

from console.channels.base import MalformedResponse, RemoteAuthor, RemotePost
from console.channels.bluesky.text import AT_URI_RE, LINK, POST_TYPE, TAG, find_spans

KIND = "bluesky"
APP = "https://bsky.app"
# DIDs and at:// URIs name a record on the whole network, whichever PDS an account is on,
# so every Bluesky post and author shares one server in the store's keys: the network's.
SERVER = "bsky.app"


def require_dict(data: Any, what: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise MalformedResponse(f"Bluesky sent something other than {what}")
    return data


def require_list(data: Any, what: str) -> list[Any]:
    if not isinstance(data, list):
        raise MalformedResponse(f"Bluesky sent something other than a list of {what}")
    return data


def require_str(data: dict[str, Any], name: str, what: str) -> str:
    value = data.get(name)
    if not isinstance(value, str) or not value:
        raise MalformedResponse(f"Bluesky sent {what} without '{name}'")
    return value


def parse_datetime(value: Any, what: str = "createdAt") -> datetime:
    """An RFC 3339 datetime as timezone-aware UTC."""
    if not isinstance(value, str):
        raise MalformedResponse(f"Bluesky sent no valid {what}")
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise MalformedResponse(f"Bluesky sent an unreadable {what}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        raise MalformedResponse(f"Bluesky sent an impossible {what}") from None


def iso(moment: datetime) -> str:
    """RFC 3339 with milliseconds and 'Z', as atproto writes datetimes."""
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def split_uri(uri: str) -> tuple[str, str, str]:
    """(authority, collection, rkey) of an ``at://`` record URI."""
    match = AT_URI_RE.match(uri)
    if not match:
        raise MalformedResponse(f"Bluesky sent a record address that is not an at:// URI: "
                                f"{uri[:80]}")
    return match.group(1), match.group(2), match.group(3)


def post_url(handle: str, uri: str) -> str:
    return f"{APP}/profile/{handle}/post/{split_uri(uri)[2]}"


def parse_profile(data: Any) -> RemoteAuthor:
    """``app.bsky.actor.defs#profileView`` (or Basic / Detailed)."""
    profile = require_dict(data, "a profile")
    did = require_str(profile, "did", "a profile")
    handle = require_str(profile, "handle", "a profile")
    name = profile.get("displayName")
    bio = profile.get("description")
    avatar = profile.get("avatar")
    followers = profile.get("followersCount")
    labels = profile.get("labels")
    bot = isinstance(labels, list) and any(
        isinstance(x, dict) and x.get("val") == "bot" for x in labels)
    return RemoteAuthor(
        channel=KIND,
        remote_id=did,
        handle=handle,
        display_name=name if isinstance(name, str) else "",
        url=f"{APP}/profile/{handle}",
        followers=followers if isinstance(followers, int) and followers >= 0 else 0,
        bio=bio if isinstance(bio, str) else "",
        avatar_url=avatar if isinstance(avatar, str) else "",
        bot=bot,
        raw=profile,
        server=SERVER,
    )


def reply_refs(record: dict[str, Any]) -> tuple[str | None, str | None]:
    """(root URI, parent URI) of a post record, or (None, None) for a top-level post."""
    reply = record.get("reply")
    if not isinstance(reply, dict):
        return None, None
    root, parent = reply.get("root"), reply.get("parent")
    root_uri = root.get("uri") if isinstance(root, dict) else None
    parent_uri = parent.get("uri") if isinstance(parent, dict) else None
    if not isinstance(parent_uri, str) or not AT_URI_RE.match(parent_uri):
        return None, None
    if not isinstance(root_uri, str) or not AT_URI_RE.match(root_uri):
        root_uri = parent_uri
    return root_uri, parent_uri


def render_html(text: str, facets: Any) -> str:
    """The text as HTML with its link facets as anchors (the store sanitises it again)."""
    raw = text.encode("utf-8")
    links: list[tuple[int, int, str]] = []
    for facet in facets if isinstance(facets, list) else []:
        if not isinstance(facet, dict) or not isinstance(facet.get("index"), dict):
            continue
        start, end = facet["index"].get("byteStart"), facet["index"].get("byteEnd")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(raw)):
            continue
        for feature in facet.get("features") or []:
            uri = feature.get("uri") if isinstance(feature, dict) else None
            if feature.get("$type") == LINK and isinstance(uri, str) and uri.startswith(
                    ("http://", "https://")):
                links.append((start, end, uri))
    links.sort()
    out, pos = [], 0
    for start, end, uri in links:
        if start < pos:
            continue
        out.append(html.escape(raw[pos:start].decode("utf-8", "replace")))
        label = html.escape(raw[start:end].decode("utf-8", "replace"))
        out.append(f'<a href="{html.escape(uri, quote=True)}" rel="nofollow noopener">{label}</a>')
        pos = end
    out.append(html.escape(raw[pos:].decode("utf-8", "replace")))
    return "<p>" + "".join(out).replace("\n", "<br>") + "</p>"


def parse_post(
    view: Any,
    source: str,
    *,
    watch_id: int | None = None,
    record: Any = None,
    author: Any = None,
    extra: dict[str, Any] | None = None,
) -> RemotePost:
    """A ``postView`` (or a notification's uri/cid/author/record) as a RemotePost."""
    data = require_dict(view, "a post")
    uri = require_str(data, "uri", "a post")
    require_str(data, "cid", "a post")
    split_uri(uri)
    rec = require_dict(record if record is not None else data.get("record"), "a post record")
    if rec.get("$type", POST_TYPE) != POST_TYPE:
        raise MalformedResponse("Bluesky sent a record that is not a post")
    text = rec.get("text")
    if not isinstance(text, str):
        raise MalformedResponse("Bluesky sent a post without text")
    person = parse_profile(author if author is not None else data.get("author"))
    created = parse_datetime(rec.get("createdAt"))
    indexed = data.get("indexedAt")
    if isinstance(indexed, str):
        created = min(created, parse_datetime(indexed, "indexedAt"))
    root, parent = reply_refs(rec)
    langs = rec.get("langs")
    lang = langs[0] if isinstance(langs, list) and langs and isinstance(langs[0], str) else None
    tags = [t for t in rec.get("tags") or [] if isinstance(t, str)]
    facets = rec.get("facets")
    for facet in facets if isinstance(facets, list) else []:
        for feature in facet.get("features") or [] if isinstance(facet, dict) else []:
            if isinstance(feature, dict) and feature.get("$type") == TAG and isinstance(
                    feature.get("tag"), str):
                tags.append(feature["tag"])
    handles = tuple(dict.fromkeys(s.value for s in find_spans(text) if s.kind == "mention"))
    raw = {**data, "record": rec, **(extra or {})}
    if author is not None:
        raw["author"] = author
    return RemotePost(
        channel=KIND,
        remote_id=uri,
        url=post_url(person.handle, uri),
        author=person,
        text=text,
        html=render_html(text, rec.get("facets")),
        created_at=created,
        source=source,
        visibility="public",
        in_reply_to=parent,
        in_reply_to_author=split_uri(parent)[0] if parent else None,
        thread_root=root,
        lang=lang,
        mentions=handles,
        tags=tuple(dict.fromkeys(t.lstrip("#") for t in tags if t.strip("#"))),
        watch_id=watch_id,
        raw=raw,
        server=SERVER,
    )


def sort_at(post: RemotePost) -> str:
    """The post's place in time as searchPosts orders it (earlier of created and indexed)."""
    return iso(post.created_at)


def reply_disabled(view: dict[str, Any]) -> bool:
    """Whether the AppView says the viewer (the brand) may not reply to this post."""
    viewer = view.get("viewer")
    return isinstance(viewer, dict) and viewer.get("replyDisabled") is True


def gate_closed(threadgate: Any) -> bool:
    """A threadgate whose ``allow`` is an empty list: nobody may reply."""
    if not isinstance(threadgate, dict):
        return False
    record = threadgate.get("record")
    return isinstance(record, dict) and record.get("allow") == []
