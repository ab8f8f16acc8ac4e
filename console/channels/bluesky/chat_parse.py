"""Bluesky chat JSON (``chat.bsky.convo.defs``) -> RemotePost, strictly.

A direct message has no at:// URI: the chat service names it by conversation and message
id, so its remote id here is ``chat:<convoId>:<messageId>`` and its thread root
``chat:<convoId>`` (every message of a conversation is one thread, hence one case). Its
``in_reply_to`` is the message before it in the conversation: when that is one of the
brand's messages, the cases step finds the case the brand wrote from (a public complaint
continued in private).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from console.channels.base import MalformedResponse, RemoteAuthor, RemotePost
from console.channels.bluesky.parse import (
    APP,
    KIND,
    SERVER,
    parse_datetime,
    parse_profile,
    render_html,
    require_dict,
    require_str,
)
from console.channels.bluesky.text import find_spans

PREFIX = "chat:"
MESSAGE_VIEW = "chat.bsky.convo.defs#messageView"
DELETED_VIEW = "chat.bsky.convo.defs#deletedMessageView"
_ID = re.compile(r"^[A-Za-z0-9._~-]{1,128}$")


@dataclass(frozen=True)
class ChatRef:
    """A conversation, or one message in it, as a remote id names it."""

    convo: str
    message: str = ""

    @property
    def remote_id(self) -> str:
        return f"{PREFIX}{self.convo}:{self.message}" if self.message else self.root

    @property
    def root(self) -> str:
        return f"{PREFIX}{self.convo}"


def chat_ref(remote_id: str) -> ChatRef | None:
    """The conversation (and message) a ``chat:`` remote id names; None for anything else."""
    if not remote_id.startswith(PREFIX):
        return None
    convo, _, message = remote_id[len(PREFIX):].partition(":")
    if not _ID.match(convo) or (message and not _ID.match(message)):
        return None
    return ChatRef(convo, message)


def is_message(raw: dict[str, Any]) -> bool:
    """Whether a stored payload is a direct message (not a post)."""
    return raw.get("$type") == MESSAGE_VIEW and isinstance(raw.get("convoId"), str)


def convo_url(convo: str) -> str:
    return f"{APP}/messages/{convo}"


def check_id(value: Any, what: str) -> str:
    if not isinstance(value, str) or not _ID.match(value):
        raise MalformedResponse(f"Bluesky sent {what} without a readable id")
    return value


def sender_of(message: dict[str, Any]) -> str:
    sender = require_dict(message.get("sender"), "a message sender")
    return require_str(sender, "did", "a message sender")


def author_from(did: str, profiles: dict[str, dict[str, Any]]) -> RemoteAuthor:
    """The sender's profile when the answer carried it; else a stand-in the channel fills
    with ``getProfiles`` (by DID)."""
    profile = profiles.get(did)
    if profile is not None:
        try:
            return parse_profile(profile)
        except MalformedResponse:
            pass
    return RemoteAuthor(KIND, did, did, "", f"{APP}/profile/{did}", server=SERVER)


def profiles_by_did(items: Any) -> dict[str, dict[str, Any]]:
    """``relatedProfiles`` / ``members`` (profileViewBasic) by DID; unreadable ones left out."""
    found: dict[str, dict[str, Any]] = {}
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and isinstance(item.get("did"), str) and isinstance(
                item.get("handle"), str):
            found[item["did"]] = item
    return found


def parse_message(message: Any, convo: str, profiles: dict[str, dict[str, Any]],
                  before: tuple[str, str] | None = None) -> RemotePost:
    """A ``messageView`` of conversation ``convo`` as a direct message.

    ``before`` is (message id, sender DID) of the message before it, when known.
    """
    data = require_dict(message, "a message")
    check_id(convo, "a conversation")
    message_id = check_id(data.get("id"), "a message")
    text = data.get("text")
    if not isinstance(text, str):
        raise MalformedResponse("Bluesky sent a message without text")
    sender = sender_of(data)
    sent = parse_datetime(data.get("sentAt"), "sentAt")
    ref = ChatRef(convo, message_id)
    reply_to = data.get("replyTo")
    parent: tuple[str, str] | None = before
    if isinstance(reply_to, dict) and isinstance(reply_to.get("id"), str) and _ID.match(
            reply_to["id"]):
        replied = reply_to.get("sender")
        parent = (reply_to["id"], replied.get("did", "") if isinstance(replied, dict) else "")
    handles = tuple(dict.fromkeys(s.value for s in find_spans(text) if s.kind == "mention"))
    raw = {**data, "$type": MESSAGE_VIEW, "convoId": convo}
    return RemotePost(
        channel=KIND,
        remote_id=ref.remote_id,
        url=convo_url(convo),
        author=author_from(sender, profiles),
        text=text,
        html=render_html(text, data.get("facets")),
        created_at=sent,
        source="direct",
        visibility="direct",
        in_reply_to=ChatRef(convo, parent[0]).remote_id if parent else None,
        in_reply_to_author=(parent[1] or None) if parent else None,
        thread_root=ref.root,
        mentions=handles,
        raw=raw,
        server=SERVER,
    )
