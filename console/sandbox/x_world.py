"""The sandbox's X: users, posts with X's ids and entities, the brand's mentions, search.

It plays ``resources/sandbox/x.json`` on the sandbox's clock (``SandboxState.clock``), so X
posts appear interleaved with the other networks' (the story: Bea complains on X, then
on Reddit, then on Bluesky). Names come from the Mastodon script when a person's key is
there. Everything is guarded by one lock.

The data file (all invented): ``brand`` and ``people`` are ``{key, id, username,
followers, name?, description?}``; ``posts`` are ``{key, at, by, text, lang?, reply_to?,
quote_of?, on_brand_reply?}``; ``at`` is seconds on the sandbox clock (<= 0: backlog).

What X documents and the sandbox keeps: ids are snowflakes (time-ordered); ``text`` has
``&``, ``<`` and ``>`` escaped and every link replaced by a 23-character t.co link, with
``entities.urls`` giving the address behind it; ``entities.mentions`` and ``hashtags`` carry
start/end offsets; a reply starts with the @names it answers; ``conversation_id`` is the
id of the thread's first post.
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
import json
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from console.resources import resource_path

from .script import ScriptError
from .state import SandboxState

EPOCH_MS = 1288834974657  # X's snowflake epoch
_MENTION = re.compile(r"(?<![\w@])@(\w{1,15})")
_TAG = re.compile(r"(?<![\w#&])#(\w+)")
_LINK = re.compile(r"https?://[^\s<>\"]+")


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def iso_ms(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + \
        f"{moment.microsecond // 1000:03d}Z"


@dataclass
class User:
    key: str
    id: str
    username: str
    name: str
    description: str
    followers: int
    created_at: datetime

    def view(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "username": self.username,
                "created_at": iso_ms(self.created_at), "description": self.description,
                "profile_image_url": f"https://pbs.twimg.example/profile_images/{self.id}/"
                                     "normal.jpg",
                "protected": False, "verified": False,
                "public_metrics": {"followers_count": self.followers,
                                   "following_count": 150 + self.followers % 97,
                                   "tweet_count": 1000 + self.followers % 1013,
                                   "listed_count": self.followers // 500,
                                   "like_count": 300 + self.followers % 211}}


@dataclass
class Post:
    id: str
    author_id: str
    text: str  # as X sends it: escaped, links as t.co
    plain: str  # what the author typed (search matches it)
    created_at: datetime
    lang: str
    conversation_id: str
    entities: dict[str, Any]
    referenced: list[dict[str, str]] = field(default_factory=list)
    in_reply_to_user_id: str | None = None
    key: str = ""

    def view(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id, "text": self.text, "edit_history_tweet_ids": [self.id],
            "author_id": self.author_id, "created_at": iso_ms(self.created_at),
            "conversation_id": self.conversation_id, "lang": self.lang,
            "public_metrics": {"retweet_count": 0, "reply_count": 0, "like_count": 0,
                               "quote_count": 0, "bookmark_count": 0,
                               "impression_count": 40 + int(self.id[-3:])},
        }
        if self.entities:
            out["entities"] = self.entities
        if self.referenced:
            out["referenced_tweets"] = self.referenced
        if self.in_reply_to_user_id:
            out["in_reply_to_user_id"] = self.in_reply_to_user_id
        return out


@dataclass(order=True)
class _Due:
    at: float
    seq: int
    raw: dict[str, Any] = field(compare=False)


class XWorld:
    """Mutable X state of one sandbox run."""

    def __init__(self, state: SandboxState, data: dict[str, Any],
                 release_all: bool = False) -> None:
        self.state = state
        self.lock = threading.RLock()
        self.users: dict[str, User] = {}
        self.by_key: dict[str, User] = {}
        self.by_username: dict[str, User] = {}
        self.posts: dict[str, Post] = {}
        self.post_by_key: dict[str, str] = {}
        self.received: list[dict[str, Any]] = []
        self._seq = itertools.count(1)
        self._due: list[_Due] = []
        self._script_posts: dict[str, dict[str, Any]] = {}
        self._followed_up: set[str] = set()
        self._last_ms = 0
        self._load(data, release_all)

    @classmethod
    def load(cls, state: SandboxState, path: Path | None = None,
             release_all: bool = False) -> XWorld:
        path = Path(path or resource_path("sandbox", "x.json"))
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ScriptError(f"the X sandbox data {path} could not be read: {exc}") from exc
        return cls(state, data, release_all)

    # -- loading -----------------------------------------------------------------------------

    def _user(self, raw: Any, where: str, index: int) -> User:
        if not isinstance(raw, dict) or not isinstance(raw.get("key"), str):
            raise ScriptError(f"{where} must be an object with a 'key'")
        uid, username = raw.get("id"), raw.get("username")
        if not isinstance(uid, str) or not re.fullmatch(r"[0-9]{1,19}", uid):
            raise ScriptError(f"{where}: 'id' must be a numeric string")
        if not isinstance(username, str) or not re.fullmatch(r"\w{1,15}", username):
            raise ScriptError(f"{where}: 'username' must be 1-15 letters, digits or _")
        script = self.state.script
        person = script.brand if raw["key"] == "brand" else script.people.get(raw["key"])
        name = raw.get("name", person.display_name if person else username)
        bio = raw.get("description", person.note if person else "")
        return User(raw["key"], uid, username, str(name)[:50], str(bio)[:160],
                    int(raw.get("followers", 0)),
                    self.state.start_wall - timedelta(days=300 + 41 * index))

    def _load(self, data: Any, release_all: bool) -> None:
        if not isinstance(data, dict):
            raise ScriptError("the X sandbox data must be a JSON object")
        people = [data.get("brand"), *(data.get("people") or [])]
        for index, raw in enumerate(people):
            user = self._user(raw, "brand" if index == 0 else f"people[{index - 1}]", index)
            if user.id in self.users or user.key in self.by_key:
                raise ScriptError(f"X person {user.key!r} is listed twice")
            self.users[user.id] = self.by_key[user.key] = user
            self.by_username[user.username.casefold()] = user
        self.brand = self.by_key["brand"]
        for i, raw in enumerate(data.get("posts") or []):
            if not isinstance(raw, dict) or not isinstance(raw.get("key"), str):
                raise ScriptError(f"X posts[{i}] needs a 'key'")
            if raw.get("by") not in self.by_key or not isinstance(raw.get("text"), str):
                raise ScriptError(f"X posts[{i}]: 'by' names no X person")
            for ref in ("reply_to", "quote_of"):
                if raw.get(ref) is not None and raw[ref] not in self._script_posts:
                    raise ScriptError(f"X posts[{i}]: {ref} is not an earlier post")
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
                raw = heapq.heappop(self._due).raw
                if "followup_to" in raw:
                    self.publish(raw["by"], raw["text"], reply_to=raw["followup_to"],
                                 lang=raw.get("lang", "es"))
                elif raw["key"] not in self.post_by_key:
                    self._publish_script(raw, backlog=False)

    def _publish_script(self, raw: dict[str, Any], backlog: bool) -> str:
        when = None
        if backlog:
            when = self.state.start_wall + timedelta(seconds=float(raw.get("at", 0)))
        return self.publish(raw["by"], raw["text"], key=raw["key"], lang=raw.get("lang", "es"),
                            reply_to=self.post_by_key.get(raw.get("reply_to") or ""),
                            quote_of=self.post_by_key.get(raw.get("quote_of") or ""),
                            when=when)

    # -- publishing --------------------------------------------------------------------------

    def _new_id(self, when: datetime) -> str:
        ms = max(int(when.timestamp() * 1000) - EPOCH_MS, self._last_ms + 1)
        self._last_ms = ms
        return str((ms << 22) + next(self._seq) % 4096)

    def _entities(self, text: str) -> tuple[str, dict[str, Any]]:
        """X's ``text`` (links as t.co, ``&<>`` escaped) and its entities with offsets."""
        out, urls, position = [], [], 0
        for match in _LINK.finditer(text):
            link = match.group(0).rstrip(".,;:!?)")
            out.append(text[position:match.start()])
            short = "https://t.co/" + hashlib.sha256(link.encode()).hexdigest()[:10]
            urls.append((sum(map(len, out)), short, link))
            out.append(short)
            position = match.start() + len(link)
        out.append(text[position:])
        shown = "".join(out)
        entities: dict[str, Any] = {}
        if urls:
            entities["urls"] = [
                {"start": start, "end": start + len(short), "url": short, "expanded_url": link,
                 "display_url": link.split("://", 1)[1][:26]} for start, short, link in urls]
        mentions = []
        for match in _MENTION.finditer(shown):
            user = self.by_username.get(match.group(1).casefold())
            item: dict[str, Any] = {"start": match.start(), "end": match.end(),
                                    "username": user.username if user else match.group(1)}
            if user:
                item["id"] = user.id
            mentions.append(item)
        if mentions:
            entities["mentions"] = mentions
        tags = [{"start": m.start(), "end": m.end(), "tag": m.group(1)}
                for m in _TAG.finditer(shown)]
        if tags:
            entities["hashtags"] = tags
        escaped = shown.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return escaped, entities

    def publish(self, by_key: str, text: str, *, key: str = "", lang: str = "es",
                reply_to: str | None = None, quote_of: str | None = None,
                when: datetime | None = None) -> str:
        """A new post by a person (or the brand) now, or at ``when``; its id."""
        with self.lock:
            author = self.by_key[by_key]
            moment = when or datetime.now(UTC)
            parent = self.posts.get(reply_to or "")
            shown, entities = self._entities(text)
            post_id = self._new_id(moment)
            referenced = []
            if parent is not None:
                referenced.append({"type": "replied_to", "id": parent.id})
            if quote_of and quote_of in self.posts:
                referenced.append({"type": "quoted", "id": quote_of})
            post = Post(post_id, author.id, shown, text, moment, lang,
                        parent.conversation_id if parent else post_id, entities, referenced,
                        parent.author_id if parent else None, key)
            self.posts[post_id] = post
            if key:
                self.post_by_key[key] = post_id
            return post_id

    def brand_reply(self, text: str, in_reply_to: str) -> str:
        """The brand's reply; schedules the author's scripted answer, if any."""
        with self.lock:
            post_id = self.publish("brand", text, reply_to=in_reply_to, lang="es")
            parent = self.posts[in_reply_to]
            raw = self._script_posts.get(parent.key)
            follow = raw.get("on_brand_reply") if raw else None
            if raw is not None and isinstance(follow, dict) and \
                    parent.key not in self._followed_up:
                self._followed_up.add(parent.key)
                heapq.heappush(self._due, _Due(
                    self.state.clock() + float(follow.get("delay", 30)), next(self._seq),
                    {"key": f"{parent.key}-followup", "by": raw["by"],
                     "text": str(follow.get("text", "")), "followup_to": post_id}))
            self.received.append({"id": post_id, "text": text, "in_reply_to": in_reply_to})
            return post_id

    # -- reading -----------------------------------------------------------------------------

    def visible(self) -> list[Post]:
        """Every published post, newest first."""
        return sorted(self.posts.values(), key=lambda p: int(p.id), reverse=True)

    def mentions_of(self, user_id: str) -> list[Post]:
        return [p for p in self.visible() if p.author_id != user_id and any(
            m.get("id") == user_id for m in p.entities.get("mentions", []))]

    def timeline_of(self, user_id: str) -> list[Post]:
        return [p for p in self.visible() if p.author_id == user_id]

    def summoned(self, post: Post, user_id: str) -> bool:
        """Whether ``post``'s author mentioned ``user_id`` or quoted one of its posts."""
        if any(m.get("id") == user_id for m in post.entities.get("mentions", [])):
            return True
        return any(ref["type"] == "quoted" and self.posts.get(ref["id"]) is not None
                   and self.posts[ref["id"]].author_id == user_id for ref in post.referenced)
