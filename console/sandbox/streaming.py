"""Mastodon's streaming API for the sandbox: Server-Sent Events under ``/api/v1/streaming``.

Like Mastodon's streaming server: ``GET /api/v1/streaming/health`` answers ``OK``;
``user`` and ``user/notification`` (user token) carry ``notification`` events and the
brand's own ``update``\\ s; ``public``, ``public/local``, ``hashtag?tag=`` and
``hashtag/local?tag=`` carry ``update`` events; ``direct`` (user token) carries
``conversation`` events. Each event is ``event: NAME`` and ``data: JSON`` lines; ``:thump``
comment lines keep an idle connection open. The token may come as ``Authorization: Bearer``
or as the ``access_token`` query parameter.

Test controls: :meth:`StreamHub.drop_all` hangs up every open stream without the
closing chunk (as a network cut would); :meth:`StreamHub.close_all` ends them cleanly.
"""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from . import entities, queries
from .state import NotificationRec, SandboxState, StatusRec

HEARTBEAT = 15.0
PREFIX = "/api/v1/streaming"
_STREAMS = {
    "user": "user",
    "user/notification": "user:notification",
    "public": "public",
    "public/local": "public:local",
    "hashtag": "hashtag",
    "hashtag/local": "hashtag:local",
    "direct": "direct",
}
_NEEDS_TOKEN = {"user", "user:notification", "direct"}


class StreamDropped(Exception):
    """The hub asked this connection to hang up abruptly (a simulated network cut)."""


_DROP = object()
_END = object()


@dataclass
class Subscriber:
    """One open streaming connection."""

    stream: str
    tag: str | None = None
    queue: queue.Queue[Any] = field(default_factory=queue.Queue)


@dataclass
class Refusal:
    """A streaming request answered with an HTTP error instead of a stream."""

    status: int
    body: bytes
    content_type: str = "application/json; charset=utf-8"


def sse(event: str, payload: Any) -> bytes:
    """One Server-Sent Event; the payload is one line of JSON (or a bare string id)."""
    data = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)
    return f"event: {event}\ndata: {data}\n\n".encode()


def _error(status: int, message: str) -> Refusal:
    return Refusal(status, json.dumps({"error": message}).encode("utf-8"))


class StreamHub:
    """Open streams of one sandbox, fed as the state publishes statuses."""

    def __init__(self, state: SandboxState, heartbeat: float = HEARTBEAT) -> None:
        self.state = state
        self.heartbeat = heartbeat
        self._lock = threading.Lock()
        self._subscribers: list[Subscriber] = []
        self.connections = 0  # streams ever opened (tests wait for a reconnect)
        state.listeners.append(self._on_publish)

    # -- connections -------------------------------------------------------------------------

    def open(self, path: str, params: dict[str, list[str]], token: str | None,
             authorized: bool) -> Subscriber | Refusal:
        """A subscriber for ``GET path``, or the error Mastodon answers instead."""
        name = path[len(PREFIX):].strip("/")
        if name == "health":
            return Refusal(200, b"OK", "text/plain; charset=utf-8")
        stream = _STREAMS.get(name)
        if stream is None:
            return _error(404, "Not found")
        if stream in _NEEDS_TOKEN and not token:
            return _error(401, "Missing access token")
        if stream in _NEEDS_TOKEN and not authorized:
            return _error(401, "Invalid access token")
        tag = None
        if stream.startswith("hashtag"):
            tag = (params.get("tag") or [""])[-1].lstrip("#").strip()
            if not tag:
                return _error(400, "No tag for stream provided")
        subscriber = Subscriber(stream, tag.lower() if tag else None)
        with self._lock:
            self._subscribers.append(subscriber)
            self.connections += 1
        return subscriber

    def chunks(self, subscriber: Subscriber) -> Iterator[bytes]:
        """What to write on the connection, until it ends; raises StreamDropped on a cut."""
        try:
            yield b":)\n"
            while True:
                try:
                    item = subscriber.queue.get(timeout=self.heartbeat)
                except queue.Empty:
                    yield b":thump\n"
                    continue
                if item is _DROP:
                    raise StreamDropped
                if item is _END:
                    return
                yield item
        finally:
            with self._lock:
                if subscriber in self._subscribers:
                    self._subscribers.remove(subscriber)

    def count(self, stream: str | None = None) -> int:
        """Open streams (of one kind, e.g. ``"user"``)."""
        with self._lock:
            return sum(1 for s in self._subscribers if stream is None or s.stream == stream)

    def drop_all(self) -> int:
        """Hang up every open stream abruptly; how many there were."""
        with self._lock:
            subscribers = list(self._subscribers)
        for subscriber in subscribers:
            subscriber.queue.put(_DROP)
        return len(subscribers)

    def close_all(self) -> None:
        """End every open stream cleanly (the server is stopping)."""
        with self._lock:
            subscribers = list(self._subscribers)
        for subscriber in subscribers:
            subscriber.queue.put(_END)

    # -- events ------------------------------------------------------------------------------

    def _on_publish(self, status: StatusRec, notification: NotificationRec | None) -> None:
        """Called under the state lock as a status becomes visible."""
        with self._lock:
            subscribers = list(self._subscribers)
        if not subscribers:
            return
        state = self.state
        rendered: dict[str, bytes] = {}

        def event(kind: str) -> bytes:
            if kind not in rendered:
                if kind == "notification":
                    assert notification is not None
                    rendered[kind] = sse(kind, entities.notification(state, notification))
                elif kind == "conversation":
                    rendered[kind] = sse(kind, self._conversation(status))
                else:
                    rendered[kind] = sse(kind, entities.status(state, status))
            return rendered[kind]

        own = status.account_id == state.brand_id
        involved = own or state.brand_id in status.mention_ids
        for sub in subscribers:
            kind = sub.stream
            if kind in ("user", "user:notification") and notification is not None:
                sub.queue.put(event("notification"))
            if self._wants_update(sub, status):
                sub.queue.put(event("update"))
            elif kind == "direct" and status.visibility == "direct" and involved:
                sub.queue.put(event("conversation"))

    def _wants_update(self, sub: Subscriber, status: StatusRec) -> bool:
        """Whether ``status`` belongs on ``sub``'s timeline (home, public or hashtag)."""
        state = self.state
        if sub.stream == "user":
            return status.account_id == state.brand_id  # the brand follows nobody
        if status.visibility != "public":
            return False
        local = state.accounts[status.account_id].person.domain is None
        if sub.stream.startswith("hashtag"):
            tagged = sub.tag in {t.lower() for t in status.tags}
            return tagged and (sub.stream == "hashtag" or local)
        return sub.stream == "public" or (sub.stream == "public:local" and local)

    def _conversation(self, status: StatusRec) -> dict[str, Any]:
        state = self.state
        root = queries.thread_root(state, status)
        people: list[str] = []
        for sid in state.order:
            rec = state.statuses[sid]
            if rec.visibility != "direct" or queries.thread_root(state, rec).id != root.id:
                continue
            for who in [rec.account_id, *rec.mention_ids]:
                if who != state.brand_id and who not in people:
                    people.append(who)
        return entities.conversation(state, root.id, status, people)
