"""What one request to a network may cost: an overall deadline, a byte cap, bounded JSON.

A hostile or broken server must not hold an account (and the accounts after it) for ever,
fill the memory, or crash the process with a crafted answer. Every channel's client goes
through here:

- **Deadline.** httpx's timeouts bound each socket operation, so a server that sends one
  byte every few seconds never trips them. :func:`within` sets an overall deadline for the
  calling thread (connect, TLS, headers and body); :func:`install_deadlines` makes a
  client's sockets shorten every wait to what is left of it, and a request past it fails as
  a timeout (httpx.ReadTimeout / ConnectTimeout). Streams use it for their opening only.
- **Byte cap.** :func:`read_capped` reads a streamed answer chunk by chunk and stops at the
  cap of its kind of request (:class:`RequestKind`: a JSON page, a feed).
- **Bounded JSON.** :func:`decode_json` refuses nesting deeper than ``MAX_DEPTH`` before
  Python's parser recurses into it, so a page of 200,000 ``[`` is a MalformedResponse with
  a sentence, not a RecursionError.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import re
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import httpcore
import httpx

from console.channels.base import MalformedResponse
from console.i18n import translate

MAX_DEPTH = 100  # the networks' documented objects nest about 15 deep (a quoted quote's embed)


@dataclass(frozen=True)
class RequestKind:
    """What one kind of request may cost: the answer's bytes and the seconds from connecting
    to the last byte."""

    max_bytes: int
    deadline: float


JSON_PAGE = RequestKind(max_bytes=8_000_000, deadline=60.0)  # an API page, a session, an error
FEED = RequestKind(max_bytes=10_000_000, deadline=120.0)  # an RSS/Atom document
STREAM_OPENING = 30.0  # seconds to connect and receive a stream's headers


class TooLarge(MalformedResponse):
    """The answer was larger than its kind of request allows; it was not read further."""


class NotJson(MalformedResponse):
    """The answer is not JSON at all (a network's client may word this for what it asked)."""


# -- the deadline --------------------------------------------------------------------------

_local = threading.local()


@contextlib.contextmanager
def within(seconds: float) -> Iterator[None]:
    """Everything this thread sends and receives in the block ends within ``seconds``."""
    earlier = getattr(_local, "deadline", None)
    ends = time.monotonic() + seconds
    _local.deadline = ends if earlier is None else min(earlier, ends)
    try:
        yield
    finally:
        _local.deadline = earlier


def _left(timeout: float | None, late: type[Exception]) -> float | None:
    """The wait for one socket operation: its own timeout, or less when the deadline is near."""
    deadline = getattr(_local, "deadline", None)
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise late("the request's deadline passed")
    return left if timeout is None else min(timeout, left)


class _Stream(httpcore.NetworkStream):
    """A connection whose every read and write waits no longer than the deadline allows."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _Stream(self._inner.start_tls(ssl_context, server_hostname,
                                             _left(timeout, httpcore.ConnectTimeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    """httpcore's own backend, with connections that keep the deadline."""

    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        return _Stream(self._inner.connect_tcp(host, port, _left(timeout, httpcore.ConnectTimeout),
                                               local_address, socket_options))

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        return _Stream(self._inner.connect_unix_socket(
            path, _left(timeout, httpcore.ConnectTimeout), socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def install_deadlines(client: httpx.Client) -> httpx.Client:
    """Make ``client``'s connections keep the thread's deadline (see :func:`within`).

    httpx takes no network backend of its own, so the backend of each connection pool it
    built (direct and through proxies) is wrapped in place. A transport without a pool (a
    test's MockTransport) has no socket to bound and is left as it is.
    """
    transports = [client._transport, *client._mounts.values()]
    for transport in transports:
        pool = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if backend is not None and not isinstance(backend, _Backend):
            pool._network_backend = _Backend(backend)  # type: ignore[union-attr]
    return client


# -- the byte cap ----------------------------------------------------------------------------

def too_large(who: str, kind: RequestKind) -> TooLarge:
    return TooLarge(translate(
        "Channels", "{who}: the answer is larger than {size} MB; not read").format(
        who=who, size=max(1, kind.max_bytes // 1_000_000)))


def read_capped(response: httpx.Response, kind: RequestKind, who: str) -> bytes:
    """The body of a streamed ``response``, or TooLarge as soon as it passes the cap."""
    declared = response.headers.get("Content-Length", "").strip()
    if declared.isdigit() and int(declared) > kind.max_bytes:
        raise too_large(who, kind)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > kind.max_bytes:
            raise too_large(who, kind)
        chunks.append(chunk)
    return b"".join(chunks)


def fetch(client: httpx.Client, request: httpx.Request, kind: RequestKind, who: str, *,
          deadline: float | None = None, follow_redirects: bool = False
          ) -> tuple[httpx.Response, bytes]:
    """Send ``request`` and read its answer within the deadline and the byte cap of ``kind``
    (``deadline`` overrides the kind's). httpx errors are left to the caller to word."""
    with within(kind.deadline if deadline is None else deadline):
        response = client.send(request, stream=True, follow_redirects=follow_redirects)
        try:
            body = read_capped(response, kind, who)
        finally:
            response.close()
    # The body is read (within the cap): ``response.content`` gives it as for a plain request.
    response._content = body
    return response, body


# -- bounded JSON ----------------------------------------------------------------------------

# A JSON string (escapes included); what is inside never counts as nesting.
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")
_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


def nesting(content: bytes) -> int:
    """How deep the arrays and objects of a JSON text nest (strings skipped)."""
    brackets = _STRING.sub(b"", content).translate(None, _NOT_BRACKET)
    if not brackets:
        return 0
    return max(itertools.accumulate(map(_STEP.__getitem__, brackets)))


def decode_json(content: bytes | str, who: str, *, max_depth: int = MAX_DEPTH,
                max_bytes: int = JSON_PAGE.max_bytes) -> Any:
    """The JSON value of an answer, or MalformedResponse with a sentence when it is not JSON,
    nests deeper than ``max_depth`` or is larger than ``max_bytes``."""
    raw = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    if len(raw) > max_bytes:
        raise too_large(who, RequestKind(max_bytes, 0.0))
    if nesting(raw) > max_depth:
        raise MalformedResponse(translate(
            "Channels", "{who}: the server sent JSON nested more than {depth} levels deep; "
            "not read").format(who=who, depth=max_depth))
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise NotJson(translate(
            "Channels", "{who}: the server sent an answer that is not JSON").format(
            who=who)) from None
