"""The sandbox's Reddit: users, subreddits, posts, comments, messages and the brand's inbox.

It plays ``resources/sandbox/reddit.json`` on the sandbox's clock (``SandboxState.clock``).
The data file (all invented): ``brand`` ``{key, name, title, description}``; ``apps``
(installed apps: ``{client_id, redirect_uri, name}``); ``demo_refresh_token``, a refresh
token of the first app the demo signs in with (it opens nothing but the sandbox);
``subreddits`` ``{name, title}``; ``people`` ``{key, name}``; ``things`` ``{key, at,
kind: post|comment|message, by, ...}``: a post has ``sub``, ``title``, ``text`` and may
be ``locked`` or ``archived``, a comment has ``reply_to`` (an earlier post or comment)
and ``text``, a message (to the brand) has ``subject`` and ``text``; ``on_brand_reply``
``{delay, text}`` makes the author answer the brand's reply. ``at`` is seconds on the
sandbox clock (<= 0: backlog).

The inbox follows Reddit: a comment under the brand's post is a ``post_reply``, under the
brand's comment a ``comment_reply``, a comment or self post naming ``u/<brand>`` a
``username_mention``, a message to the brand a message. Everything is guarded by one lock.
"""

from __future__ import annotations

import heapq
import itertools
import json
import re
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from console.resources import resource_path

from .script import ScriptError
from .state import SandboxState

_B36 = "0123456789abcdefghijklmnopqrstuvwxyz"


def base36(number: int) -> str:
    out = ""
    while True:
        number, digit = divmod(number, 36)
        out = _B36[digit] + out
        if not number:
            return out


@dataclass
class Thing:
    """One post (t3), comment (t1) or message (t4)."""

    kind: str
    id36: str
    key: str
    author: str
    created: datetime
    text: str
    sub: str = ""
    title: str = ""
    parent: str | None = None  # fullname of what it answers
    link: str | None = None  # a comment's post
    first: str | None = None  # a message's conversation (its first message)
    dest: str = ""  # a message's addressee
    subject: str = ""
    locked: bool = False
    archived: bool = False
    seq: int = 0

    @property
    def name(self) -> str:
        return f"{self.kind}_{self.id36}"


@dataclass
class InboxItem:
    """One entry of the brand's inbox."""

    seq: int
    thing: str  # fullname
    type: str  # comment_reply | post_reply | username_mention | message


@dataclass(order=True)
class _Due:
    at: float
    seq: int
    raw: dict[str, Any] = field(compare=False)


class RedditWorld:
    """Mutable Reddit state of one sandbox run."""

    def __init__(self, state: SandboxState, data: Any, release_all: bool = False) -> None:
        self.state = state
        self.lock = threading.RLock()
        self.things: dict[str, Thing] = {}  # by fullname, in publishing order
        self.by_key: dict[str, str] = {}
        self.inbox: list[InboxItem] = []
        self.received: list[dict[str, Any]] = []
        self.apps: dict[str, dict[str, str]] = {}
        self.subreddits: dict[str, str] = {}  # lower-case name -> name
        self.users: dict[str, str] = {}  # key -> username
        self._seq = itertools.count(1)
        self._due: list[_Due] = []
        self._raw: dict[str, dict[str, Any]] = {}
        self._load(data, release_all)

    @classmethod
    def load(cls, state: SandboxState, path: Path | None = None,
             release_all: bool = False) -> RedditWorld:
        path = Path(path or resource_path("sandbox", "reddit.json"))
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ScriptError(f"the Reddit sandbox data {path} could not be read: {exc}") from exc
        return cls(state, data, release_all)

    # -- loading -----------------------------------------------------------------------------

    def _load(self, data: Any, release_all: bool) -> None:
        if not isinstance(data, dict) or not isinstance(data.get("brand"), dict):
            raise ScriptError("the Reddit sandbox data must be an object with a 'brand'")
        self.brand = data["brand"]
        self.brand_name = str(self.brand["name"])
        self.demo_refresh_token = str(data.get("demo_refresh_token") or "")
        self.users = {"brand": self.brand_name}
        for person in data.get("people", []):
            self.users[str(person["key"])] = str(person["name"])
        for app in data.get("apps", []):
            self.apps[str(app["client_id"])] = {k: str(v) for k, v in app.items()}
        for sub in data.get("subreddits", []):
            self.subreddits[str(sub["name"]).lower()] = str(sub["name"])
        things = data.get("things", [])
        latest = max([float(t.get("at", 0)) for t in things] + [0.0])
        for raw in things:
            if not isinstance(raw, dict) or raw.get("kind") not in ("post", "comment", "message"):
                raise ScriptError(f"a Reddit thing needs a kind: {raw!r:.80}")
            if raw.get("by") not in self.users:
                raise ScriptError(f"Reddit thing {raw.get('key')}: unknown author")
            self._raw[str(raw["key"])] = raw
            at = float(raw.get("at", 0))
            if at <= 0 or release_all:
                shift = at - latest - 60 if release_all and at > 0 else at
                self._publish(raw, self.state.start_wall + timedelta(seconds=shift))
            else:
                heapq.heappush(self._due, _Due(at, next(self._seq), raw))

    # -- the clock ---------------------------------------------------------------------------

    def tick(self) -> None:
        """Publish what is due on the sandbox clock (script posts, authors' follow-ups)."""
        with self.lock:
            now = self.state.clock()
            while self._due and self._due[0].at <= now:
                self._publish(heapq.heappop(self._due).raw, datetime.now(UTC))

    # -- publishing --------------------------------------------------------------------------

    def _new_id(self, seq: int) -> str:
        return base36(1_300_000_000 + seq * 7_919)

    def _publish(self, raw: dict[str, Any], moment: datetime) -> Thing:
        seq = next(self._seq)
        author = self.users[str(raw["by"])]
        kind = {"post": "t3", "comment": "t1", "message": "t4"}[str(raw["kind"])]
        thing = Thing(kind, self._new_id(seq), str(raw.get("key") or f"x{seq}"), author,
                      moment.replace(microsecond=0), str(raw.get("text", "")), seq=seq,
                      locked=bool(raw.get("locked")), archived=bool(raw.get("archived")))
        if kind == "t3":
            thing.sub = self.subreddits.get(str(raw.get("sub", "")).lower(), str(raw.get("sub")))
            thing.title = str(raw.get("title", ""))
        elif kind == "t1":
            parent = self.things[self.by_key[str(raw["reply_to"])]]
            thing.parent = parent.name
            thing.link = parent.name if parent.kind == "t3" else parent.link
            thing.sub = parent.sub
        else:
            thing.dest = self.users.get(str(raw.get("to", "brand")), self.brand_name)
            thing.subject = str(raw.get("subject", ""))
            reply_to = raw.get("reply_to")
            if reply_to:
                parent = self.things[self.by_key[str(reply_to)]]
                thing.parent = parent.name
                thing.first = parent.first or parent.name
        self.things[thing.name] = thing
        self.by_key[thing.key] = thing.name
        self._notify(thing)
        return thing

    def _notify(self, thing: Thing) -> None:
        """The brand's inbox entry for a new thing, if it gets one."""
        if thing.author == self.brand_name:
            return
        if thing.kind == "t4":
            if thing.dest == self.brand_name:
                self.inbox.append(InboxItem(thing.seq, thing.name, "message"))
            return
        parent = self.things.get(thing.parent or "")
        if parent is not None and parent.author == self.brand_name:
            kind = "post_reply" if parent.kind == "t3" else "comment_reply"
            self.inbox.append(InboxItem(thing.seq, thing.name, kind))
            return
        said = f"{thing.title}\n{thing.text}"
        if re.search(rf"(?<![\w/])/?u/{re.escape(self.brand_name)}\b", said, re.IGNORECASE):
            self.inbox.append(InboxItem(thing.seq, thing.name, "username_mention"))

    def brand_reply(self, parent: Thing, text: str) -> Thing:
        """The brand's comment (or message reply) under ``parent``; schedules the author's
        follow-up when the script has one."""
        raw: dict[str, Any] = {"kind": "message" if parent.kind == "t4" else "comment",
                               "by": "brand", "text": text, "key": f"brand-{len(self.things)}"}
        if parent.kind == "t4":
            raw["to"] = next((k for k, v in self.users.items() if v == parent.author), "brand")
            raw["subject"] = parent.subject if parent.subject.startswith("re: ") else (
                "re: " + parent.subject)
        raw["reply_to"] = parent.key
        thing = self._publish(raw, datetime.now(UTC))
        follow = self._raw.get(parent.key, {}).get("on_brand_reply")
        if isinstance(follow, dict) and follow.get("text"):
            heapq.heappush(self._due, _Due(
                self.state.clock() + float(follow.get("delay", 30)), next(self._seq),
                {"kind": "message" if parent.kind == "t4" else "comment",
                 "by": self._raw[parent.key]["by"], "text": str(follow["text"]),
                 "reply_to": thing.key, "key": f"{parent.key}-follow"}))
        return thing

    def publish_now(self, key: str) -> str:
        """Publish a scheduled script thing now; its fullname."""
        with self.lock:
            for due in list(self._due):
                if due.raw.get("key") == key:
                    self._due.remove(due)
                    heapq.heapify(self._due)
                    return self._publish(due.raw, datetime.now(UTC)).name
            return self.by_key[key]

    def visible(self) -> list[Thing]:
        """Everything published, newest first (Reddit's ``new`` order)."""
        return sorted(self.things.values(), key=lambda t: (t.created, t.seq), reverse=True)
