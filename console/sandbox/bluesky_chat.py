"""The sandbox's Bluesky chat service: ``chat.bsky.convo.*`` as the PDS proxies it.

Shaped like the lexicons (``chat.bsky.convo.defs``: convoView, messageView, the log
entries; ``chat.bsky.actor.defs#profileViewBasic``) and the PDS's rules: a chat call needs
``atproto-proxy: did:web:api.bsky.chat#bsky_chat`` (without it the call goes to the AppView,
which does not implement it: 501), and an access token from an app password made with DM
access (else 400 ``InvalidToken`` "Bad token method", pipethrough.ts). Errors are the
lexicons' names: ``InvalidConvo``, ``MessagesDisabled``, ``NotFollowedBySender``,
``RecipientNotFound``.

It plays the ``conversations`` of ``resources/sandbox/bluesky.json`` on the sandbox clock:
``{key, with, status?, messages: [{at, by, text}], on_brand_message?: {delay, text}}``
(``by`` is ``with`` or "brand"; ``at`` <= 0 is backlog; ``on_brand_message``: the person
answers, after ``delay`` seconds, the brand's first message sent after they wrote).
Everything runs under the Bluesky world's lock.
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from .bluesky_facets import facets_for
from .bluesky_lexicon import atproto_datetime, graphemes, is_did, is_tid, make_tid
from .bluesky_sessions import XrpcError
from .bluesky_views import AVATAR
from .bluesky_world import Actor, BlueskyWorld
from .script import ScriptError

PROXY = "did:web:api.bsky.chat#bsky_chat"
DEFS = "chat.bsky.convo.defs"
LOG_PAGE = 100
TEXT_GRAPHEMES, TEXT_BYTES = 1000, 10000


@dataclass
class Message:
    id: str
    rev: str
    sender: str  # DID
    text: str
    sent_at: datetime
    facets: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Convo:
    id: str
    key: str
    members: list[str]  # DIDs, the brand first
    status: str = "accepted"  # the brand's view: request | accepted
    rev: str = ""
    messages: list[Message] = field(default_factory=list)
    follow_up: dict[str, Any] | None = None


def chat_profile(actor: Actor) -> dict[str, Any]:
    """``chat.bsky.actor.defs#profileViewBasic``."""
    return {"did": actor.did, "handle": actor.handle, "displayName": actor.display_name,
            "avatar": AVATAR.format(did=actor.did),
            "associated": {"chat": {"allowIncoming": actor.chat}},
            "viewer": {"muted": False, "blockedBy": False}, "labels": [],
            "chatDisabled": False}


class BlueskyChatService:
    """Conversations of the brand, their messages and the brand's chat log."""

    def __init__(self, world: BlueskyWorld, data: Any, release_all: bool = False) -> None:
        self.world = world
        self.convos: dict[str, Convo] = {}
        self.log: list[dict[str, Any]] = []
        self.sent: list[dict[str, Any]] = []  # every sendMessage input the brand made
        self._seq = itertools.count(1)
        self._last_micros = 0
        self._due: list[tuple[float, int, str, str, str]] = []  # at, seq, key, by, text
        self._scripted: dict[str, dict[str, Any]] = {}
        self._load(data if isinstance(data, list) else [], release_all)

    # -- loading and the clock ---------------------------------------------------------------

    def _load(self, items: list[Any], release_all: bool) -> None:
        brand = self.world.brand
        for i, raw in enumerate(items):
            where = f"Bluesky conversations[{i}]"
            if not isinstance(raw, dict) or not isinstance(raw.get("key"), str):
                raise ScriptError(f"{where} needs a 'key'")
            other = self.world.by_key.get(str(raw.get("with")))
            if other is None or other.did == brand.did:
                raise ScriptError(f"{where}: 'with' names no Bluesky person")
            self._scripted[raw["key"]] = raw
            for j, message in enumerate(raw.get("messages") or []):
                if not isinstance(message, dict) or message.get("by") not in (
                        "brand", raw.get("with")) or not isinstance(message.get("text"), str):
                    raise ScriptError(f"{where}.messages[{j}]: needs 'by' (brand or "
                                      "'with') and 'text'")
                sender = brand.did if message["by"] == "brand" else other.did
                heapq.heappush(self._due, (float(message.get("at", 0)), next(self._seq),
                                           raw["key"], sender, message["text"]))
        while self._due and (release_all or self._due[0][0] <= 0):
            at, _, key, sender, text = heapq.heappop(self._due)
            when = self.world.state.start_wall + timedelta(seconds=at)
            self.write(self._scripted_convo(key), sender, text, when)

    def _scripted_convo(self, key: str) -> Convo:
        """The conversation a scripted message belongs to: the one the brand and that person
        already share (there is one per pair), else a new one, as the data describes it."""
        if key in self.convos:  # a follow-up names its conversation by id
            return self.convos[key]
        raw = self._scripted[key]
        other = self.world.by_key[str(raw["with"])]
        follow = raw.get("on_brand_message")
        convo = self._existing(other) or self._open(key, other, str(raw.get("status",
                                                                            "accepted")))
        if isinstance(follow, dict) and convo.follow_up is None:
            convo.follow_up = follow
        return convo

    def tick(self) -> None:
        """Deliver every message whose time has come on the sandbox clock."""
        now = self.world.state.clock()
        while self._due and self._due[0][0] <= now:
            _, _, key, sender, text = heapq.heappop(self._due)
            self.write(self._scripted_convo(key), sender, text)

    def _rev(self) -> str:
        micros = max(int(time.time() * 1_000_000), self._last_micros + 1)
        self._last_micros = micros
        return make_tid(micros, next(self._seq) % 1024)

    def _open(self, key: str, other: Actor, status: str = "accepted") -> Convo:
        digest = int.from_bytes(hashlib.sha256(key.encode()).digest()[:6], "big")
        convo_id = make_tid(1_700_000_000_000_000 + digest, 7)
        convo = Convo(convo_id, key, [self.world.brand.did, other.did], status)
        self.convos[convo_id] = convo
        convo.rev = self._rev()
        self.log.append({"$type": f"{DEFS}#logBeginConvo", "rev": convo.rev,
                         "convoId": convo_id})
        return convo

    def write(self, convo: Convo, sender: str, text: str, when: datetime | None = None,
              facets: list[dict[str, Any]] | None = None) -> Message:
        """A message in ``convo`` now (or at ``when``), in the log."""
        moment = when or datetime.now(UTC)
        rev = self._rev()
        message = Message(make_tid(int(moment.timestamp() * 1_000_000), next(self._seq) % 1024),
                          rev, sender, text, moment,
                          facets if facets is not None else facets_for(text, self.world.resolve))
        convo.messages.append(message)
        convo.rev = rev
        self.log.append({"$type": f"{DEFS}#logCreateMessage", "rev": rev, "convoId": convo.id,
                         "message": self.message_view(message),
                         "relatedProfiles": [chat_profile(self.world.actors[sender])]})
        return message

    # -- views -------------------------------------------------------------------------------

    @staticmethod
    def message_view(message: Message) -> dict[str, Any]:
        view: dict[str, Any] = {"$type": f"{DEFS}#messageView", "id": message.id,
                                "rev": message.rev, "text": message.text,
                                "sender": {"did": message.sender},
                                "sentAt": atproto_datetime(message.sent_at)}
        if message.facets:
            view["facets"] = message.facets
        return view

    def convo_view(self, convo: Convo) -> dict[str, Any]:
        view: dict[str, Any] = {
            "id": convo.id, "rev": convo.rev,
            "members": [chat_profile(self.world.actors[did]) for did in convo.members],
            "muted": False, "status": convo.status,
            "unreadCount": sum(1 for m in convo.messages if m.sender != self.world.brand.did),
            "kind": {"$type": f"{DEFS}#directConvo"}}
        if convo.messages:
            view["lastMessage"] = self.message_view(convo.messages[-1])
        return view

    # -- serving -----------------------------------------------------------------------------

    def handle(self, nsid: str, request: Any, viewer: str, token: str | None,
               body: dict[str, Any] | None) -> Any:
        if request.headers.get("atproto-proxy") != PROXY:
            raise XrpcError(501, "MethodNotImplemented", "Method Not Implemented")
        if not self.world.sessions.privileged(token):
            raise XrpcError(400, "InvalidToken", "Bad token method")
        method = getattr(self, "_" + nsid.rsplit(".", 1)[1], None)
        if method is None:
            raise XrpcError(501, "MethodNotImplemented", "Method Not Implemented")
        if viewer != self.world.brand.did:
            raise XrpcError(400, "InvalidRequest", "Unknown account")
        return method(request, body)

    def _convo(self, convo_id: str | None) -> Convo:
        convo = self.convos.get(convo_id or "")
        if convo is None or self.world.brand.did not in convo.members:
            raise XrpcError(400, "InvalidConvo", "Convo not found")
        return convo

    @staticmethod
    def _limit(request: Any, default: int = 50) -> int:
        raw = request.param("limit")
        try:
            value = int(raw) if raw is not None else default
        except ValueError:
            raise XrpcError(400, "InvalidRequest", "Error: limit must be an integer") from None
        if not 1 <= value <= 100:
            raise XrpcError(400, "InvalidRequest", "Error: limit must be between 1 and 100")
        return value

    def _listConvos(self, request: Any, body: Any) -> Any:
        limit = self._limit(request)
        status = request.param("status")
        cursor = request.param("cursor")
        convos = sorted((c for c in self.convos.values() if c.messages
                         and (not status or c.status == status)),
                        key=lambda c: c.rev, reverse=True)
        if cursor:
            convos = [c for c in convos if c.rev < cursor]
        page = convos[:limit]
        out: dict[str, Any] = {"convos": [self.convo_view(c) for c in page]}
        if len(convos) > limit:
            out["cursor"] = page[-1].rev
        return out

    def _getMessages(self, request: Any, body: Any) -> Any:
        convo = self._convo(request.param("convoId"))
        limit = self._limit(request)
        cursor = request.param("cursor")
        messages = sorted(convo.messages, key=lambda m: m.rev, reverse=True)
        if cursor:
            messages = [m for m in messages if m.rev < cursor]
        page = messages[:limit]
        out: dict[str, Any] = {
            "messages": [self.message_view(m) for m in page],
            "relatedProfiles": [chat_profile(self.world.actors[d])
                                for d in dict.fromkeys(m.sender for m in page)]}
        if len(messages) > limit:
            out["cursor"] = page[-1].rev
        return out

    def _getLog(self, request: Any, body: Any) -> Any:
        cursor = request.param("cursor")
        if cursor is None:
            return {"logs": [], **({"cursor": self.log[-1]["rev"]} if self.log else {})}
        if not is_tid(cursor):
            raise XrpcError(400, "InvalidRequest", "Malformed cursor")
        page = [entry for entry in self.log if entry["rev"] > cursor][:LOG_PAGE]
        return {"logs": page, "cursor": page[-1]["rev"] if page else cursor}

    def _members(self, request: Any) -> Actor:
        members = request.params.get("members") or []
        if not members or len(members) > 10 or not all(is_did(m) for m in members):
            raise XrpcError(400, "InvalidRequest",
                            "Error: members must be 1 to 10 DIDs")
        others = [m for m in dict.fromkeys(members) if m != self.world.brand.did]
        if len(others) != 1:
            raise XrpcError(400, "InvalidRequest", "A direct conversation has two members")
        actor = self.world.actors.get(others[0])
        if actor is None:
            raise XrpcError(400, "RecipientNotFound", "Recipient not found")
        return actor

    def _existing(self, actor: Actor) -> Convo | None:
        return next((c for c in self.convos.values() if actor.did in c.members), None)

    def _can_chat(self, actor: Actor) -> str:
        """Why the brand may not start a conversation with ``actor`` ("" when it may)."""
        if actor.chat == "none":
            return "MessagesDisabled"
        if actor.chat == "following" and not actor.follows_brand:
            return "NotFollowedBySender"
        return ""

    def _getConvoAvailability(self, request: Any, body: Any) -> Any:
        actor = self._members(request)
        convo = self._existing(actor)
        out: dict[str, Any] = {"canChat": convo is not None or not self._can_chat(actor)}
        if convo is not None:
            out["convo"] = self.convo_view(convo)
        return out

    def _getConvoForMembers(self, request: Any, body: Any) -> Any:
        actor = self._members(request)
        convo = self._existing(actor)
        if convo is None:
            refusal = self._can_chat(actor)
            if refusal == "MessagesDisabled":
                raise XrpcError(400, refusal, "recipient has disabled incoming messages")
            if refusal:
                raise XrpcError(400, refusal, "recipient requires incoming messages to come "
                                "from someone they follow")
            convo = self._open(f"runtime-{actor.key}", actor)
        return {"convo": self.convo_view(convo)}

    def _sendMessage(self, request: Any, body: Any) -> Any:
        assert body is not None
        convo = self._convo(body.get("convoId") if isinstance(body.get("convoId"), str)
                            else None)
        message = body.get("message")
        if not isinstance(message, dict) or not isinstance(message.get("text"), str):
            raise XrpcError(400, "InvalidRequest", 'Input/message must have the property "text"')
        text = message["text"]
        if graphemes(text) > TEXT_GRAPHEMES or len(text.encode()) > TEXT_BYTES:
            raise XrpcError(400, "InvalidRequest",
                            "Input/message/text must not be longer than 1000 graphemes")
        if not text.strip():
            raise XrpcError(400, "InvalidRequest", "Message text can not be empty")
        facets = message.get("facets")
        if facets is not None and not isinstance(facets, list):
            raise XrpcError(400, "InvalidRequest", "Input/message/facets must be an array")
        brand = self.world.brand.did
        if convo.status == "request":  # answering a request accepts it
            convo.status = "accepted"
            self.log.append({"$type": f"{DEFS}#logAcceptConvo", "rev": self._rev(),
                             "convoId": convo.id})
        other = next(d for d in convo.members if d != brand)
        wrote = any(m.sender == other for m in convo.messages)
        sent = self.write(convo, brand, text, facets=facets or [])
        self.sent.append({"convoId": convo.id, "message": message, "id": sent.id})
        if wrote and convo.follow_up is not None:  # the person answers once
            due = self.world.state.clock() + float(convo.follow_up.get("delay", 0))
            heapq.heappush(self._due, (due, next(self._seq), convo.id, other,
                                       str(convo.follow_up.get("text", ""))))
            convo.follow_up = None
        return self.message_view(sent)
