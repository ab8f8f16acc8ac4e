"""Server-Sent Events read with a cap: no line or event a server sends grows without end.

A stream stays open for hours, so its size cannot be capped as a page's is; each event is
(a Mastodon status is a few kilobytes). The format is the WHATWG one: lines end in CR, LF
or CR LF; ``event:`` names the event, ``data:`` lines are joined with LF, a line starting
with ``:`` is a comment (a heartbeat), and an empty line dispatches the event.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import httpx

from console.channels.base import MalformedResponse
from console.i18n import translate

MAX_EVENT = 1_000_000  # bytes of one event, its lines included
_LINE_END = re.compile(rb"\r\n|\r|\n")


@dataclass(frozen=True)
class ServerEvent:
    """One dispatched event: its name ("message" when unnamed) and its data."""

    event: str
    data: str


def _too_large(who: str, limit: int) -> MalformedResponse:
    return MalformedResponse(translate(
        "Channels", "{who}: the stream sent an event larger than {size} MB; not read").format(
        who=who, size=max(1, limit // 1_000_000)))


def lines(chunks: Iterable[bytes], who: str, limit: int = MAX_EVENT) -> Iterator[bytes]:
    """The lines of a byte stream, without their ends; MalformedResponse as soon as one
    line passes `limit` bytes without ending."""
    pending = b""
    for chunk in chunks:
        pending += chunk
        start = 0
        while (end := _LINE_END.search(pending, start)) is not None:
            if end.group() == b"\r" and end.end() == len(pending):
                break  # a CR at the end of a chunk may be half of CR LF
            yield pending[start:end.start()]
            start = end.end()
        pending = pending[start:]
        if len(pending) > limit:
            raise _too_large(who, limit)
    if pending:
        yield pending


def read_events(response: httpx.Response, who: str,
                limit: int = MAX_EVENT) -> Iterator[ServerEvent]:
    """The events of a streamed `response`; MalformedResponse when it is not an event
    stream or an event passes `limit` bytes."""
    if "text/event-stream" not in response.headers.get("Content-Type", ""):
        raise MalformedResponse(f"{who}: the streaming answer is not a stream of events")
    name, size = "", 0
    data: list[str] = []
    for raw in lines(response.iter_bytes(), who, limit):
        if not raw:
            if data:
                yield ServerEvent(name or "message", "\n".join(data))
            name, data, size = "", [], 0
            continue
        size += len(raw)
        if size > limit:
            raise _too_large(who, limit)
        line = raw.decode("utf-8", "replace")
        if line.startswith(":"):
            continue  # a comment: the server's heartbeat
        field, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if field == "event":
            name = value
        elif field == "data":
            data.append(value)
