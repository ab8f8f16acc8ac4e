"""The sandbox's Bluesky views, shaped like the ``app.bsky.*.defs`` lexicons field for field.

``profileViewBasic`` / ``profileView`` / ``profileViewDetailed``, ``postView`` (with the
viewer's ``replyDisabled`` and the root's ``threadgate``), ``threadViewPost`` and
``notification``. Call with the world's lock held.
"""

from __future__ import annotations

from typing import Any

from .bluesky_lexicon import atproto_datetime
from .bluesky_world import Actor, BlueskyWorld, Notification, Post

AVATAR = "https://cdn.bsky.example/img/avatar/plain/{did}/bafkreiavatar@jpeg"


def profile_basic(actor: Actor) -> dict[str, Any]:
    """``profileViewBasic`` as the brand (the sandbox's one viewer) sees it: who may message
    the person (``associated.chat``) and whether they follow the brand (``followedBy``)."""
    viewer: dict[str, Any] = {"muted": False, "blockedBy": False}
    if actor.follows_brand:
        viewer["followedBy"] = f"at://{actor.did}/app.bsky.graph.follow/3kfollowbrand2"
    return {
        "did": actor.did,
        "handle": actor.handle,
        "displayName": actor.display_name,
        "avatar": AVATAR.format(did=actor.did),
        "associated": {"chat": {"allowIncoming": actor.chat},
                       "activitySubscription": {"allowSubscriptions": "followers"}},
        "viewer": viewer,
        "labels": [],
        "createdAt": atproto_datetime(actor.created_at),
    }


def profile(actor: Actor) -> dict[str, Any]:
    return {**profile_basic(actor), "description": actor.description,
            "indexedAt": atproto_datetime(actor.created_at)}


def profile_detailed(world: BlueskyWorld, actor: Actor) -> dict[str, Any]:
    posts = sum(1 for p in world.posts.values() if p.did == actor.did)
    return {**profile(actor), "followersCount": actor.followers, "followsCount": 87,
            "postsCount": posts, "banner": ""}


def threadgate_view(post: Post) -> dict[str, Any] | None:
    if post.threadgate is None:
        return None
    rkey = post.uri.rsplit("/", 1)[1]
    uri = f"at://{post.did}/app.bsky.feed.threadgate/{rkey}"
    from .bluesky_world import make_cid

    return {"uri": uri, "cid": make_cid(post.threadgate), "record": post.threadgate,
            "lists": []}


def post_view(world: BlueskyWorld, post: Post, viewer: str | None) -> dict[str, Any]:
    """``app.bsky.feed.defs#postView`` as ``viewer`` (a DID) sees it."""
    author = world.actors[post.did]
    replies = world.replies_to(post.uri)
    quotes = sum(1 for p in world.posts.values()
                 if (p.record.get("embed") or {}).get("record", {}).get("uri") == post.uri)
    view: dict[str, Any] = {
        "uri": post.uri,
        "cid": post.cid,
        "author": profile_basic(author),
        "record": post.record,
        "bookmarkCount": 0,
        "replyCount": len(replies),
        "repostCount": 0,
        "likeCount": (post.seq * 7) % 23,
        "quoteCount": quotes,
        "indexedAt": atproto_datetime(post.indexed_at),
        "viewer": {"bookmarked": False, "threadMuted": False,
                   "replyDisabled": world.reply_disabled(post, viewer),
                   "embeddingDisabled": False},
        "labels": [],
    }
    embed = post.record.get("embed")
    if isinstance(embed, dict) and embed.get("$type") == "app.bsky.embed.record":
        quoted = world.posts.get(embed["record"]["uri"])
        if quoted is not None:
            view["embed"] = {"$type": "app.bsky.embed.record#view", "record": {
                "$type": "app.bsky.embed.record#viewRecord", "uri": quoted.uri,
                "cid": quoted.cid, "author": profile_basic(world.actors[quoted.did]),
                "value": quoted.record, "labels": [],
                "indexedAt": atproto_datetime(quoted.indexed_at)}}
    gate = threadgate_view(post)
    if gate is not None:
        view["threadgate"] = gate
    return view


def thread_view(world: BlueskyWorld, post: Post, viewer: str | None, depth: int,
                parent_height: int) -> dict[str, Any]:
    """``threadViewPost``: the post, ``parent_height`` ancestors, ``depth`` levels of replies."""
    node: dict[str, Any] = {"$type": "app.bsky.feed.defs#threadViewPost",
                            "post": post_view(world, post, viewer)}
    parent_uri = post.record.get("reply", {}).get("parent", {}).get("uri")
    if parent_uri and parent_height > 0:
        parent = world.posts.get(parent_uri)
        node["parent"] = (thread_view(world, parent, viewer, 0, parent_height - 1)
                          if parent else {"$type": "app.bsky.feed.defs#notFoundPost",
                                          "uri": parent_uri, "notFound": True})
    if depth > 0:
        node["replies"] = [thread_view(world, reply, viewer, depth - 1, 0)
                           for reply in world.replies_to(post.uri)]
    return node


def notification(world: BlueskyWorld, note: Notification) -> dict[str, Any]:
    """``app.bsky.notification.listNotifications#notification``."""
    post = world.posts[note.uri]
    out: dict[str, Any] = {
        "uri": post.uri,
        "cid": post.cid,
        "author": profile(world.actors[post.did]),
        "reason": note.reason,
        "record": post.record,
        "isRead": False,
        "indexedAt": atproto_datetime(note.indexed_at),
        "labels": [],
    }
    if note.reason_subject:
        out["reasonSubject"] = note.reason_subject
    return out
