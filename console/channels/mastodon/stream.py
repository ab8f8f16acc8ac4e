"""Mastodon's streaming API for the channel: Server-Sent Events read with httpx-sse.

A stream is one long ``GET /api/v1/streaming/<name>`` (``user`` for notifications,
``direct`` for conversations, ``hashtag?tag=`` for a hashtag watch). Its events become
:class:`StreamEvent` s carrying the post and the cursor value the event moves, so the engine
stores each event exactly as a pull would. There is no reconnect here: the engine owns the
loop (backoff, then catch up with REST from the saved cursor).
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

import httpx

from console.channels.base import (
    AuthError,
    ChannelError,
    NetworkError,
    NotFound,
    RateLimited,
    RemotePost,
    ServerError,
    WatchSpec,
    server_of,
)
from console.channels.events import read_events
from console.channels.limits import (
    JSON_PAGE,
    STREAM_OPENING,
    decode_json,
    fetch,
    install_deadlines,
    within,
)
from console.channels.mastodon.http import UNKNOWN_WAIT, MastodonHttp, wait_seconds
from console.channels.mastodon.parse import parse_status, require_dict, require_id
from console.i18n import translate

READ_TIMEOUT = 90.0  # Mastodon's heartbeat comes every 15 seconds; silence past this is a cut


class StreamingChannel(Protocol):
    """What a stream uses of its channel (console/channels/mastodon/channel.py
    `MastodonChannel`, which imports this module)."""

    http: MastodonHttp
    transport: httpx.BaseTransport | None

    def keeps(self, watch: WatchSpec, post: RemotePost) -> bool: ...

    def streaming_url(self, path: str) -> str: ...


@dataclass(frozen=True)
class StreamSpec:
    """Which stream to follow, and the cursor (``route``) its events move."""

    name: str  # "user" | "direct" | "hashtag"
    route: str  # "mentions" | "conversations" | "watch:<id>"
    watch: WatchSpec | None = None

    @classmethod
    def user(cls) -> StreamSpec:
        return cls("user", "mentions")

    @classmethod
    def direct(cls) -> StreamSpec:
        return cls("direct", "conversations")

    @classmethod
    def hashtag(cls, watch: WatchSpec) -> StreamSpec:
        return cls("hashtag", f"watch:{watch.id}", watch)

    def request(self) -> tuple[str, dict[str, str]]:
        """Path and query of the streaming request."""
        if self.name == "hashtag":
            assert self.watch is not None
            return "/api/v1/streaming/hashtag", {"tag": self.watch.term.lstrip("#").strip()}
        return f"/api/v1/streaming/{self.name}", {}


@dataclass(frozen=True)
class StreamEvent:
    """One event worth storing: its post (None when filtered out) and the cursor it moves."""

    route: str
    cursor: str
    post: RemotePost | None


class StreamStop:
    """Ends a stream from another thread at once: sets the flag and shuts its socket down.

    A thread blocked reading the stream wakes up when the socket is shut down, so stopping
    never waits for the next heartbeat.
    """

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._socket: socket.socket | None = None

    def is_set(self) -> bool:
        return self._event.is_set()

    def wait(self, timeout: float) -> bool:
        return self._event.wait(timeout)

    def set(self) -> None:
        self._event.set()
        self.hang_up()

    def hang_up(self) -> None:
        """Cut the current connection (the stream reconnects unless stopped)."""
        with self._lock:
            sock = self._socket
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def attach(self, response: httpx.Response) -> None:
        stream = response.extensions.get("network_stream")
        sock = stream.get_extra_info("socket") if stream is not None else None
        with self._lock:
            self._socket = sock if isinstance(sock, socket.socket) else None

    def detach(self) -> None:
        with self._lock:
            self._socket = None


def streaming_base(base_url: str, instance: dict[str, Any] | None) -> str:
    """Where the streaming API lives: ``configuration.urls.streaming`` when it names this
    server or one of its subdomains (``wss://streaming.example`` -> ``https://...``)."""
    try:
        urls = (instance or {}).get("configuration", {}).get("urls", {})
        declared = urls.get("streaming") if isinstance(urls, dict) else None
    except AttributeError:
        return base_url
    if not isinstance(declared, str) or not declared:
        return base_url
    parts = urlsplit(declared)
    scheme = {"wss": "https", "ws": "http", "https": "https", "http": "http"}.get(parts.scheme)
    own = urlsplit(base_url)
    host, own_host = (parts.hostname or "").lower(), (own.hostname or "").lower()
    if scheme is None or not host or scheme != own.scheme:
        return base_url
    if host != own_host and not host.endswith("." + own_host):
        return base_url  # the token only goes to the instance or its own subdomains
    return f"{scheme}://{parts.netloc}{parts.path.rstrip('/')}"


def event_payload(data: str, who: str = "Mastodon") -> Any:
    """The JSON of an event's data (None for an empty or ``undefined`` payload), bounded in
    size and depth like every answer (MalformedResponse otherwise)."""
    if not data or data == "undefined":
        return None
    return decode_json(data, who)


def notification_status(payload: Any) -> tuple[str, dict[str, Any] | None]:
    """(notification id, its status when it is a mention) from a ``notification`` event."""
    note = require_dict(payload, "a notification")
    note_id = require_id(note, "a notification")
    if note.get("type") != "mention" or note.get("status") is None:
        return note_id, None
    return note_id, require_dict(note.get("status"), "a status")


def conversation_status(payload: Any) -> dict[str, Any] | None:
    """The last status of a ``conversation`` event."""
    conversation = require_dict(payload, "a conversation")
    last = conversation.get("last_status")
    return require_dict(last, "a status") if last is not None else None


def _refusal(response: httpx.Response, host: str) -> ChannelError:
    status = response.status_code
    if status in (401, 403):
        return AuthError(translate(
            "Channels", "{who}: the access token was rejected; sign in again").format(
            who=f"Mastodon {host}"))
    if status in (404, 410):
        return NotFound(translate("Channels", "{who}: this server offers no streaming").format(
            who=f"Mastodon {host}"))
    if status == 429:
        wait = wait_seconds(response)
        wait = UNKNOWN_WAIT if wait is None else wait
        return RateLimited(translate(
            "Channels", "{who}: too many requests; streaming paused").format(
            who=f"Mastodon {host}"), wait)
    if status >= 500:
        return ServerError(translate(
            "Channels", "{who}: the streaming server failed ({status})").format(
            who=f"Mastodon {host}", status=status))
    return ChannelError(translate("Channels", "{who} refused the stream ({status})").format(
        who=f"Mastodon {host}", status=status))


def _event(channel: StreamingChannel, spec: StreamSpec, name: str, data: str) -> StreamEvent | None:
    """The post and cursor of one event of ``spec``'s stream (None: nothing to store)."""
    payload = event_payload(data, f"Mastodon {channel.http.host}")
    server = server_of(channel.http.base_url)  # status ids are numbered per server
    if spec.name == "user" and name == "notification":
        note_id, status = notification_status(payload)
        if status is None:
            return None
        source = "direct" if status.get("visibility") == "direct" else "mention"
        return StreamEvent(spec.route, note_id, parse_status(status, source, server=server))
    if spec.name == "direct" and name == "conversation":
        status = conversation_status(payload)
        if status is None:
            return None
        post = parse_status(status, "direct", server=server)
        return StreamEvent(spec.route, post.remote_id, post)
    if spec.name == "hashtag" and name == "update" and spec.watch is not None:
        post = parse_status(payload, "hashtag", watch_id=spec.watch.id, server=server)
        kept = post if channel.keeps(spec.watch, post) else None
        return StreamEvent(spec.route, post.remote_id, kept)
    return None  # delete, status.update, filters_changed, announcements...


def run_stream(
    channel: StreamingChannel,
    spec: StreamSpec,
    on_event: Callable[[StreamEvent], None],
    *,
    stop: StreamStop,
    on_open: Callable[[], None] | None = None,
    read_timeout: float = READ_TIMEOUT,
    opening: float = STREAM_OPENING,
) -> None:
    """Follow one stream until ``stop`` is set or the server ends it cleanly.

    ``on_open`` runs once the server has accepted the stream and before its first event is
    read (the engine catches up with REST there, so nothing between is missed). A refused
    stream raises the matching ChannelError; a cut connection raises NetworkError. Connecting
    and the headers must take less than ``opening`` seconds in all; the events then have
    ``read_timeout`` each (the heartbeat keeps a live stream under it).
    """
    http = channel.http
    path, params = spec.request()
    client = install_deadlines(httpx.Client(
        headers={**dict(http.client.headers), "Accept": "text/event-stream"},
        timeout=httpx.Timeout(10.0, read=read_timeout),
        transport=channel.transport,
        follow_redirects=False,
    ))
    try:
        with contextlib.ExitStack() as opened:
            # Connecting and the headers have a deadline; the events then keep the heartbeat's.
            with within(opening):
                response = opened.enter_context(
                    client.stream("GET", channel.streaming_url(path), params=params))
            if response.status_code != 200:
                raise _refusal(response, http.host)
            stop.attach(response)
            if stop.is_set():
                return
            if on_open is not None:
                on_open()
            for sse in read_events(response, f"Mastodon {http.host}"):
                if stop.is_set():
                    return
                event = _event(channel, spec, sse.event, sse.data)
                if event is not None:
                    on_event(event)
    except httpx.HTTPError as exc:
        if stop.is_set():
            return
        raise http._network_error(exc) from None
    finally:
        stop.detach()
        client.close()
    if not stop.is_set():
        raise NetworkError(translate("Channels", "{who}: the stream ended; reconnecting").format(
            who=f"Mastodon {http.host}"))


def streaming_health(channel: StreamingChannel) -> bool:
    """``GET /api/v1/streaming/health``: True on OK, False when the server has no streaming."""
    http = channel.http
    request = http.client.build_request(
        "GET", channel.streaming_url("/api/v1/streaming/health"), headers={"Accept": "text/plain"})
    try:
        response, _ = fetch(http.client, request, JSON_PAGE, f"Mastodon {http.host}",
                            deadline=http.deadline)
    except httpx.HTTPError as exc:
        raise http._network_error(exc) from None
    if response.status_code == 200:
        return True
    if response.status_code in (404, 410, 501):
        return False
    raise _refusal(response, http.host)
