"""Bluesky direct messages: ``chat.bsky.convo.*`` through the PDS, proxied to the chat service.

Every call carries ``atproto-proxy: did:web:api.bsky.chat#bsky_chat`` and needs an app
password made with "Allow access to your direct messages" (else
:class:`~console.channels.bluesky.chat_errors.ChatNotAllowed`).

Pulling: the cursor is the chat log's (``getLog``). A first pull notes where the log stands
now, then reads the newest conversations (``listConvos``) and their newest messages
(``getMessages``) as a backfill; later pulls read the log forward from the cursor and keep
the messages created since. The brand's own messages are its replies, never mentions.

Sending: ``sendMessage`` to the conversation of the message answered, or, to continue a
public post in private, to the conversation with its author (``getConvoForMembers``, which
creates it when needed). ``sendMessage`` takes no idempotency key: after an unknown outcome
the outbox looks at the brand's messages in that conversation first
(:meth:`BlueskyChat.brand_messages_since`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from console.channels.base import (
    BrandReply,
    MalformedResponse,
    NotFound,
    PullResult,
    RemotePost,
    ReplyRefused,
    SentReply,
    count_graphemes,
)
from console.channels.bluesky.chat_parse import (
    MESSAGE_VIEW,
    ChatRef,
    chat_ref,
    check_id,
    convo_url,
    parse_message,
    profiles_by_did,
    sender_of,
)
from console.channels.bluesky.http import BlueskyHttp
from console.channels.bluesky.parse import (
    parse_datetime,
    require_dict,
    require_list,
    split_uri,
)
from console.channels.bluesky.text import build_facets
from console.channels.skips import Skips, name_item
from console.i18n import translate

PROXY = {"atproto-proxy": "did:web:api.bsky.chat#bsky_chat"}
MESSAGE_GRAPHEMES = 1000  # chat.bsky.convo.defs#messageInput text: maxGraphemes
MESSAGE_BYTES = 10000  # ... and maxLength (UTF-8 bytes)
CONVO_PAGE = 25  # conversations read by a first pull
MESSAGE_PAGE = 50  # messages of one conversation per read
LOG_PAGES = 100  # safety stop for a runaway log
LOOK_PAGES = 5  # pages of a conversation read when looking for the brand's messages
CREATE = "chat.bsky.convo.defs#logCreateMessage"


@dataclass
class _Found:
    """Messages met in one pull, per conversation, in the order they were written."""

    inbound: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    before: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    profiles: dict[str, dict[str, Any]] = field(default_factory=dict)
    last: dict[str, tuple[str, str]] = field(default_factory=dict)

    def met(self, convo: str, message: dict[str, Any], brand: str) -> None:
        """One message of ``convo`` from the log, later than any met before in it."""
        message_id = check_id(message.get("id"), "a message")
        sender = sender_of(message)
        if convo in self.last:
            self.before.setdefault((convo, message_id), self.last[convo])
        self.last[convo] = (message_id, sender)
        if sender != brand:
            self.keep(convo, message)

    def keep(self, convo: str, message: dict[str, Any]) -> None:
        kept = self.inbound.setdefault(convo, [])
        if all(m.get("id") != message.get("id") for m in kept):
            kept.append(message)

    def unordered(self, convo: str) -> bool:
        """Whether a message kept from ``convo`` has no known message before it."""
        return any((convo, str(m.get("id"))) not in self.before
                   for m in self.inbound.get(convo, []))


def check_message(text: str, who: str) -> None:
    """ReplyRefused unless ``text`` fits one message (1,000 graphemes, 10,000 bytes)."""
    if not text.strip():
        raise ReplyRefused(translate("Channels", "{who}: the message is empty").format(who=who))
    if count_graphemes(text) > MESSAGE_GRAPHEMES:
        raise ReplyRefused(translate(
            "Channels", "{who}: a direct message takes at most {limit} characters").format(
            who=who, limit=MESSAGE_GRAPHEMES))
    if len(text.encode("utf-8")) > MESSAGE_BYTES:
        raise ReplyRefused(translate(
            "Channels", "{who}: a direct message takes at most {limit} bytes").format(
            who=who, limit=MESSAGE_BYTES))


class BlueskyChat:
    """The brand's direct messages on Bluesky, through the account's PDS session."""

    def __init__(self, http: BlueskyHttp, brand: Callable[[], str],
                 resolve: Callable[[str], str | None], backfill: int = CONVO_PAGE) -> None:
        self.http = http
        self.brand = brand
        self.resolve = resolve
        self.backfill = backfill

    def query(self, nsid: str, params: dict[str, Any]) -> dict[str, Any]:
        return require_dict(self.http.query(nsid, params, headers=PROXY), "an answer")

    def check_access(self) -> None:
        """ChatNotAllowed when the app password may not read direct messages."""
        self.query("chat.bsky.convo.listConvos", {"limit": 1})

    # -- pulling -----------------------------------------------------------------------------

    def pull(self, cursor: str | None) -> PullResult:
        """Messages to the brand since ``cursor`` (a chat log cursor), oldest first."""
        brand = self.brand()
        found = _Found()
        skips = Skips()
        newest: Any
        if cursor:
            newest = self._read_log(cursor, found, brand, skips)
        else:
            newest = self.query("chat.bsky.convo.getLog", {}).get("cursor")
            self._backfill(found, brand, skips)
        posts: dict[str, RemotePost] = {}
        for convo in list(found.inbound):
            if cursor and found.unordered(convo):  # the log says nothing before its start
                self._read_convo(convo, found, brand, skips, collect=False)
        for convo, messages in found.inbound.items():
            for message in messages:
                with skips.item(name_item(message, "message", 0)):
                    key = (convo, str(message.get("id")))
                    post = parse_message(message, convo, found.profiles, found.before.get(key))
                    posts.setdefault(post.remote_id, post)
        ordered = sorted(posts.values(), key=lambda p: p.created_at)
        return PullResult(ordered, newest if isinstance(newest, str) and newest else None,
                          skips.items)

    def _read_log(self, cursor: str, found: _Found, brand: str, skips: Skips) -> str:
        """Read the log forward from ``cursor``; the cursor after the last entry read."""
        at = cursor
        for _ in range(LOG_PAGES):
            data = self.query("chat.bsky.convo.getLog", {"cursor": at})
            logs = require_list(data.get("logs", []), "log entries")
            for position, entry in enumerate(logs):
                with skips.item(name_item(entry, "log entry", position, "rev")):
                    item = require_dict(entry, "a log entry")
                    if item.get("$type") != CREATE:
                        continue  # read marks, reactions, mutes...
                    message = require_dict(item.get("message"), "a message")
                    if message.get("$type") not in (None, MESSAGE_VIEW):
                        continue  # deleted before we saw it
                    convo = check_id(item.get("convoId"), "a conversation")
                    found.profiles.update(profiles_by_did(item.get("relatedProfiles")))
                    found.met(convo, message, brand)
            following = data.get("cursor")
            if not logs or not isinstance(following, str) or not following or following == at:
                return following if isinstance(following, str) and following else at
            at = following
        return at

    def _backfill(self, found: _Found, brand: str, skips: Skips) -> None:
        """The newest conversations and their newest messages (a first pull)."""
        data = self.query("chat.bsky.convo.listConvos", {"limit": self.backfill})
        for position, item in enumerate(require_list(data.get("convos", []), "conversations")):
            with skips.item(name_item(item, "conversation", position)):
                convo = require_dict(item, "a conversation")
                found.profiles.update(profiles_by_did(convo.get("members")))
                last = convo.get("lastMessage")
                if not isinstance(last, dict) or last.get("$type") not in (None, MESSAGE_VIEW):
                    continue  # nothing written yet, or only a deleted message
                self._read_convo(check_id(convo.get("id"), "a conversation"), found, brand,
                                 skips, collect=True)

    def _read_convo(self, convo: str, found: _Found, brand: str, skips: Skips, *,
                    collect: bool) -> None:
        """The newest page of a conversation: which message came before which, its senders'
        profiles, and (``collect``) the messages not written by the brand."""
        try:
            data = self.query("chat.bsky.convo.getMessages",
                              {"convoId": convo, "limit": MESSAGE_PAGE})
        except NotFound as exc:  # the brand left it, or it is gone: its messages stay unread
            with skips.item(f"conversation {convo[:80]}"):
                raise MalformedResponse(str(exc)) from None
            return
        found.profiles.update(profiles_by_did(data.get("relatedProfiles")))
        previous: tuple[str, str] | None = None
        messages = require_list(data.get("messages", []), "messages")
        for position, message in reversed(list(enumerate(messages))):  # newest first
            with skips.item(name_item(message, "message", position)):
                view = require_dict(message, "a message")
                if view.get("$type") not in (None, MESSAGE_VIEW):
                    continue
                current = (check_id(view.get("id"), "a message"), sender_of(view))
                if previous is not None:
                    found.before.setdefault((convo, current[0]), previous)
                previous = current
                if collect and current[1] != brand:
                    found.keep(convo, view)

    # -- sending -----------------------------------------------------------------------------

    def convo_with(self, post_uri: str, create: bool) -> str | None:
        """The 1-1 conversation with the author of a post (made when ``create``)."""
        author = split_uri(post_uri)[0]
        did = author if author.startswith("did:") else self.resolve(author)
        if not did:
            raise NotFound(translate(
                "Channels", "{who}: that post or account does not exist any more").format(
                who=self.http.who))
        if create:
            data = self.query("chat.bsky.convo.getConvoForMembers", {"members": [did]})
        else:
            data = self.query("chat.bsky.convo.getConvoAvailability", {"members": [did]})
            if not isinstance(data.get("convo"), dict):
                return None
        return check_id(require_dict(data.get("convo"), "a conversation").get("id"),
                        "a conversation")

    def send(self, text: str, in_reply_to: str) -> SentReply:
        """Send ``text`` as a message: to the conversation of a message, or to the author of a
        public post (continuing it in private)."""
        check_message(text, self.http.who)
        ref = chat_ref(in_reply_to)
        convo = ref.convo if ref is not None else self.convo_with(in_reply_to, create=True)
        assert convo is not None
        message: dict[str, Any] = {"text": text}
        facets = build_facets(text, self.resolve)
        if facets:
            message["facets"] = facets
        view = require_dict(self.http.procedure("chat.bsky.convo.sendMessage", {
            "convoId": convo, "message": message}, headers=PROXY), "a message")
        message_id = check_id(view.get("id"), "a message")
        try:
            when = parse_datetime(view.get("sentAt"), "sentAt")
        except MalformedResponse:
            when = datetime.now(UTC)
        return SentReply(remote_id=ChatRef(convo, message_id).remote_id, url=convo_url(convo),
                         created_at=when, raw={**view, "$type": MESSAGE_VIEW, "convoId": convo})

    # -- looking before sending again --------------------------------------------------------

    def brand_messages_since(self, remote_id: str, since: datetime) -> list[BrandReply]:
        """The brand's messages after ``since`` in the conversation of a message (or with the
        author of a public post), oldest first."""
        ref = chat_ref(remote_id)
        convo = ref.convo if ref is not None else self.convo_with(remote_id, create=False)
        if convo is None:
            return []  # no conversation with that person yet: nothing was sent
        brand = self.brand()
        found: list[BrandReply] = []
        cursor: str | None = None
        for _ in range(LOOK_PAGES):
            params: dict[str, Any] = {"convoId": convo, "limit": 100}
            if cursor:
                params["cursor"] = cursor
            data = self.query("chat.bsky.convo.getMessages", params)
            older = False
            for item in require_list(data.get("messages", []), "messages"):
                try:
                    view = require_dict(item, "a message")
                    if view.get("$type") not in (None, MESSAGE_VIEW):
                        continue
                    sent = parse_datetime(view.get("sentAt"), "sentAt")
                    if sent <= since:
                        older = True
                        continue
                    if sender_of(view) == brand:
                        text = view.get("text")
                        found.append(BrandReply(
                            ChatRef(convo, check_id(view.get("id"), "a message")).remote_id,
                            sent, convo_url(convo), "", text if isinstance(text, str) else ""))
                except MalformedResponse:
                    continue  # unreadable: it cannot be told apart as the brand's anyway
            following = data.get("cursor")
            if older or not isinstance(following, str) or not following or following == cursor:
                break
            cursor = following
        return sorted(found, key=lambda r: r.created_at)
