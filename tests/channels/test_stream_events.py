"""Server-Sent Events read with a cap (console/channels/events.py): what the Mastodon stream
is made of, and an event that never ends, over a real socket."""

from __future__ import annotations

import httpx
import pytest

from console.channels.base import MalformedResponse
from console.channels.events import ServerEvent, lines, read_events
from tests.channels.hostile_server import HostileServer


def test_lines_end_in_lf_cr_or_crlf_even_split_across_chunks() -> None:
    chunks = [b"one\r", b"\ntwo\rthree\n", b"fo", b"ur\r", b"five"]
    assert list(lines(chunks, "test")) == [b"one", b"two", b"three", b"four", b"five"]


def test_a_line_that_never_ends_is_refused_at_the_cap() -> None:
    endless = (b"x" * 1000 for _ in range(10_000))
    with pytest.raises(MalformedResponse, match="larger than 1 MB"):
        for _ in lines(endless, "test", limit=1_000_000):
            pass


class _Answer:
    """A response as read_events sees it (headers, and bytes in chunks)."""

    def __init__(self, body: bytes, content_type: str = "text/event-stream") -> None:
        self.headers = httpx.Headers({"Content-Type": content_type})
        self._body = body

    def iter_bytes(self):
        for at in range(0, len(self._body), 7):  # small chunks: lines split anywhere
            yield self._body[at:at + 7]


def test_events_names_data_lines_and_heartbeats() -> None:
    body = (b":thump\n\nevent: update\ndata: {\"id\": \"1\"}\n\n"
            b"event: notification\ndata: line one\ndata:line two\r\n\r\n"
            b"data: unnamed\n\nevent: delete\n\n")
    events = list(read_events(_Answer(body), "test"))  # type: ignore[arg-type]
    assert events == [ServerEvent("update", '{"id": "1"}'),
                      ServerEvent("notification", "line one\nline two"),
                      ServerEvent("message", "unnamed")]


def test_an_answer_that_is_not_an_event_stream_is_said() -> None:
    with pytest.raises(MalformedResponse, match="not a stream of events"):
        list(read_events(_Answer(b"{}", "application/json"), "Mastodon x"))  # type: ignore[arg-type]


def test_an_event_that_never_ends_stops_at_the_cap_over_a_socket() -> None:
    with (HostileServer("endless_event") as server, httpx.Client(timeout=10) as client,
          client.stream("GET", f"{server.url}/api/v1/streaming/user") as response,
          pytest.raises(MalformedResponse, match="event larger than 1 MB")):
        for _ in read_events(response, "Mastodon 127.0.0.1"):
            pass
    assert server.sent < 20_000_000  # the client hung up soon after the cap
