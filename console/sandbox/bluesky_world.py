"""The sandbox's Bluesky: actors with DIDs and handles, post records, notifications, sessions.

It plays ``resources/sandbox/bluesky.json`` on the sandbox's clock (``SandboxState.clock``),
so Bluesky posts appear interleaved with the Mastodon script. People are the script's
people (by ``key``) with a Bluesky handle and DID of their own; names and bios come from
the script when the key is there. Everything is guarded by one lock.

The data file (all invented): ``brand`` and ``people`` are ``{key, handle, did, followers,
display_name?, description?, chat?, follows_brand?}`` (``chat``: who may start a direct
conversation with them, "all", "following" (the default) or "none"); ``posts`` are ``{key,
at, by, text, lang?, reply_to?, quote_of?, threadgate?, on_brand_reply?}`` where ``at`` is
seconds on the sandbox clock (<= 0: backlog), ``reply_to``/``quote_of`` name earlier
posts, ``threadgate`` is the ``allow`` part of an ``app.bsky.feed.threadgate`` record
(``{"allow": []}``: nobody may reply) and ``on_brand_reply`` is ``{delay, text}``: the
author answers the brand's reply.
Facets (@handle, links, #tags) are computed from the text, so a post that says
``@ventalia.bsky.example`` notifies the brand.
"""

from __future__ import annotations

import base64
import hashlib
import heapq
import itertools
import json
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from console.resources import resource_path

from .bluesky_facets import facets_for
from .bluesky_lexicon import (
    MENTION_FEATURE,
    POST_NSID,
    atproto_datetime,
    check_post,
    is_did,
    is_handle,
    is_record_uri,
    make_tid,
)
from .bluesky_sessions import Sessions
from .script import ScriptError
from .state import SandboxState


@dataclass
class Actor:
    """One Bluesky account of the sandbox."""

    key: str
    did: str
    handle: str
    display_name: str
    description: str
    followers: int
    created_at: datetime
    chat: str = "following"  # associated.chat.allowIncoming: all | following | none
    follows_brand: bool = False


@dataclass
class Post:
    """One ``app.bsky.feed.post`` record as the network holds it."""

    uri: str
    cid: str
    key: str
    did: str
    record: dict[str, Any]
    indexed_at: datetime
    threadgate: dict[str, Any] | None = None  # the threadgate record, on a thread root
    seq: int = 0


@dataclass
class Notification:
    """One entry of the brand's ``listNotifications``: why (reason) and about what."""

    seq: int
    uri: str
    reason: str
    reason_subject: str | None
    indexed_at: datetime


@dataclass(order=True)
class _Due:
    at: float
    seq: int
    raw: dict[str, Any] = field(compare=False)


def make_cid(data: Any) -> str:
    """A CIDv1 (dag-cbor, sha-256) string for ``data``, base32 like the network's."""
    digest = hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).digest()
    return "b" + base64.b32encode(b"\x01\x71\x12\x20" + digest).decode().lower().rstrip("=")


class BlueskyWorld:
    """Mutable Bluesky state of one sandbox run."""

    def __init__(self, state: SandboxState, data: dict[str, Any], release_all: bool = False,
                 ) -> None:
        self.state = state
        self.lock = threading.RLock()
        self.sessions = Sessions()
        self.actors: dict[str, Actor] = {}  # by DID
        self.by_key: dict[str, Actor] = {}
        self.posts: dict[str, Post] = {}  # by URI
        self.post_by_key: dict[str, str] = {}
        self.notifications: list[Notification] = []
        self.received: list[dict[str, Any]] = []
        self._seq = itertools.count(1)
        self._due: list[_Due] = []
        self._script_posts: dict[str, dict[str, Any]] = {}
        self._followed_up: set[str] = set()
        self._load(data, release_all)

    @classmethod
    def load(cls, state: SandboxState, path: Path | None = None,
             release_all: bool = False) -> BlueskyWorld:
        path = Path(path or resource_path("sandbox", "bluesky.json"))
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ScriptError(f"the Bluesky sandbox data {path} could not be read: {exc}") from exc
        return cls(state, data, release_all)

    # -- loading -----------------------------------------------------------------------------

    def _actor(self, raw: Any, where: str) -> Actor:
        if not isinstance(raw, dict):
            raise ScriptError(f"{where} must be an object")
        key, did, handle = raw.get("key"), raw.get("did"), raw.get("handle")
        if not isinstance(key, str) or not isinstance(did, str) or not is_did(did):
            raise ScriptError(f"{where}: needs a 'key' and a valid 'did'")
        if not isinstance(handle, str) or not is_handle(handle):
            raise ScriptError(f"{where}: 'handle' must be a domain name like name.bsky.example")
        script = self.state.script
        person = script.brand if key == "brand" else script.people.get(key)
        name = raw.get("display_name", person.display_name if person else handle)
        bio = raw.get("description", person.note if person else "")
        index = len(self.actors)
        chat = raw.get("chat", "following")
        if chat not in ("all", "following", "none"):
            raise ScriptError(f"{where}: 'chat' must be all, following or none")
        return Actor(key, did, handle.lower(), str(name), str(bio), int(raw.get("followers", 0)),
                     self.state.start_wall - timedelta(days=200 + 29 * index), chat,
                     bool(raw.get("follows_brand", False)))

    def _load(self, data: Any, release_all: bool) -> None:
        if not isinstance(data, dict):
            raise ScriptError("the Bluesky sandbox data must be a JSON object")
        self.brand = self._actor(data.get("brand"), "brand")
        self.conversations_data = data.get("conversations") or []  # bluesky_chat.py plays them
        for actor in [self.brand, *(self._actor(p, f"people[{i}]")
                                    for i, p in enumerate(data.get("people") or []))]:
            if actor.did in self.actors or actor.key in self.by_key:
                raise ScriptError(f"Bluesky person {actor.key!r} is listed twice")
            self.actors[actor.did] = actor
            self.by_key[actor.key] = actor
        for i, raw in enumerate(data.get("posts") or []):
            if not isinstance(raw, dict) or not isinstance(raw.get("key"), str):
                raise ScriptError(f"Bluesky posts[{i}] needs a 'key'")
            if raw.get("by") not in self.by_key or not isinstance(raw.get("text"), str):
                raise ScriptError(f"Bluesky posts[{i}]: 'by' names no Bluesky person")
            for ref in ("reply_to", "quote_of"):
                if raw.get(ref) is not None and raw[ref] not in self._script_posts:
                    raise ScriptError(f"Bluesky posts[{i}]: {ref} is not an earlier post")
            self._script_posts[raw["key"]] = raw
            heapq.heappush(self._due, _Due(float(raw.get("at", 0)), next(self._seq), raw))
        with self.lock:
            while self._due and (release_all or self._due[0].at <= 0):
                item = heapq.heappop(self._due)
                self._publish_script(item.raw, backlog=True)

    # -- the clock ---------------------------------------------------------------------------

    def tick(self) -> None:
        """Publish every post whose time has come on the sandbox clock."""
        with self.lock:
            now = self.state.clock()
            while self._due and self._due[0].at <= now:
                item = heapq.heappop(self._due)
                raw = item.raw
                if "followup_to" in raw:
                    self.publish(raw["by"], raw["text"], reply_to=raw["followup_to"],
                                 lang=raw.get("lang"))
                elif raw["key"] not in self.post_by_key:
                    self._publish_script(raw, backlog=False)

    def _publish_script(self, raw: dict[str, Any], backlog: bool) -> str:
        when = None
        if backlog:
            jitter = timedelta(milliseconds=sum(map(ord, raw["key"])) * 53 % 1000)
            when = self.state.start_wall + timedelta(seconds=float(raw.get("at", 0))) + jitter
        return self.publish(raw["by"], raw["text"], key=raw["key"], lang=raw.get("lang"),
                            reply_to=self.post_by_key.get(raw.get("reply_to") or ""),
                            quote_of=self.post_by_key.get(raw.get("quote_of") or ""),
                            threadgate=raw.get("threadgate"), when=when)

    # -- publishing --------------------------------------------------------------------------

    def resolve(self, handle: str) -> str | None:
        handle = handle.lower()
        return next((a.did for a in self.actors.values() if a.handle == handle), None)

    def actor(self, ident: str) -> Actor | None:
        """An actor by DID or handle."""
        if ident.startswith("did:"):
            return self.actors.get(ident)
        did = self.resolve(ident)
        return self.actors.get(did) if did else None

    def publish(self, by: str, text: str, *, key: str | None = None, lang: str | None = None,
                reply_to: str | None = None, quote_of: str | None = None,
                threadgate: dict[str, Any] | None = None, when: datetime | None = None,
                ) -> str:
        """Publish a post by the person with key ``by`` now (or at ``when``); its URI."""
        with self.lock:
            author = self.by_key[by]
            moment = when or datetime.now(UTC)
            record: dict[str, Any] = {"$type": POST_NSID, "text": text,
                                      "createdAt": atproto_datetime(moment)}
            if lang:
                record["langs"] = [lang]
            facets = facets_for(text, self.resolve)
            if facets:
                record["facets"] = facets
            if reply_to:
                parent = self.posts[reply_to]
                root = parent.record.get("reply", {}).get("root") or {
                    "uri": parent.uri, "cid": parent.cid}
                record["reply"] = {"root": dict(root),
                                   "parent": {"uri": parent.uri, "cid": parent.cid}}
            if quote_of:
                quoted = self.posts[quote_of]
                record["embed"] = {"$type": "app.bsky.embed.record",
                                   "record": {"uri": quoted.uri, "cid": quoted.cid}}
            check_post(record)
            micros = int(moment.timestamp() * 1_000_000)
            rkey = make_tid(micros, next(self._seq) % 1024)
            return self.store(author, rkey, record, key or f"runtime-{rkey}", moment, threadgate)

    def store(self, author: Actor, rkey: str, record: dict[str, Any], key: str,
              indexed_at: datetime, threadgate: dict[str, Any] | None = None) -> str:
        """Keep a record and notify the brand of what concerns it; its URI."""
        uri = f"at://{author.did}/{POST_NSID}/{rkey}"
        gate = None
        if threadgate is not None:
            gate = {"$type": "app.bsky.feed.threadgate", "post": uri,
                    "createdAt": record["createdAt"], **threadgate}
        post = Post(uri, make_cid(record), key, author.did, record, indexed_at, gate,
                    next(self._seq))
        self.posts[uri] = post
        self.post_by_key[key] = uri
        if author.did != self.brand.did:
            reason, subject = self._reason(post)
            if reason:
                self.notifications.append(Notification(next(self._seq), uri, reason, subject,
                                                       indexed_at))
        return uri

    def _reason(self, post: Post) -> tuple[str | None, str | None]:
        brand = self.brand.did
        parent = post.record.get("reply", {}).get("parent", {}).get("uri")
        if parent and self.posts.get(parent) and self.posts[parent].did == brand:
            return "reply", parent
        embed = post.record.get("embed") or {}
        quoted = embed.get("record", {}).get("uri") if isinstance(embed, dict) else None
        if quoted and self.posts.get(quoted) and self.posts[quoted].did == brand:
            return "quote", quoted
        for facet in post.record.get("facets") or []:
            for feature in facet.get("features") or []:
                if feature.get("$type") == MENTION_FEATURE and feature.get("did") == brand:
                    return "mention", None
        return None, None

    # -- threads and gates -------------------------------------------------------------------

    def root_of(self, post: Post) -> Post:
        uri = post.record.get("reply", {}).get("root", {}).get("uri")
        return self.posts.get(uri, post) if uri else post

    def reply_disabled(self, post: Post, viewer: str | None) -> bool:
        """Whether ``viewer`` may not reply under ``post``, by its thread root's gate."""
        root = self.root_of(post)
        gate = root.threadgate
        if gate is None or "allow" not in gate or viewer == root.did:
            return False
        for rule in gate["allow"]:
            if rule.get("$type") == "app.bsky.feed.threadgate#mentionRule" and any(
                    f.get("did") == viewer for facet in root.record.get("facets") or []
                    for f in facet.get("features") or []):
                return False
        return True  # follower/following/list rules: the brand is in none of them here

    def replies_to(self, uri: str) -> list[Post]:
        return sorted((p for p in self.posts.values()
                       if p.record.get("reply", {}).get("parent", {}).get("uri") == uri),
                      key=lambda p: p.seq)

    def schedule_followup(self, parent_uri: str, brand_reply_uri: str) -> None:
        """After a brand reply, the author may answer (``on_brand_reply`` in the data)."""
        parent = self.posts.get(parent_uri)
        raw = self._script_posts.get(parent.key) if parent else None
        follow = raw.get("on_brand_reply") if raw else None
        if (not isinstance(follow, dict) or parent_uri in self._followed_up or raw is None
                or parent is None):
            return
        self._followed_up.add(parent_uri)
        due = self.state.clock() + float(follow.get("delay", 0))
        heapq.heappush(self._due, _Due(due, next(self._seq), {
            "by": raw["by"], "text": str(follow.get("text", "")), "lang": raw.get("lang"),
            "followup_to": brand_reply_uri, "key": f"followup-{parent.key}"}))

    def is_post_uri(self, uri: str) -> bool:
        return is_record_uri(uri)
