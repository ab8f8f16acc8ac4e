"""Feeds: an Atom entry without an author has the feed's (RFC 4287 §4.1.2), and table
cells never run together in plain text."""

from __future__ import annotations

from console.channels.base import WatchSpec
from console.channels.feeds.channel import FeedChannel
from console.channels.feeds.parse import parse_feed
from console.channels.html import to_plain_text
from tests.channels.canned_server import CannedServer

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Blog de Marta</title>
<id>tag:blog.example,2026:feed</id><updated>2026-03-01T10:00:00Z</updated>
<author><name>Marta Ruiz</name><uri>https://blog.example/marta</uri></author>
<entry><id>tag:blog.example,2026:1</id><title>Ventalia y mi pedido</title>
<link href="https://blog.example/1"/><updated>2026-03-01T10:00:00Z</updated>
<content type="html">Ventalia no contesta</content></entry>
<entry><id>tag:blog.example,2026:2</id><title>Otra de Ventalia</title>
<link href="https://blog.example/2"/><updated>2026-03-01T11:00:00Z</updated>
<author><name>Invitado</name></author>
<content type="html">Ventalia tampoco</content></entry>
</feed>"""


def test_an_atom_entry_without_an_author_has_the_feeds():
    parsed = parse_feed(ATOM, "https://blog.example/feed.atom")
    assert [e.author.name for e in parsed.entries] == ["Marta Ruiz", "Invitado"]
    assert parsed.entries[0].author.uri == "https://blog.example/marta"


def test_the_feeds_author_reaches_the_stored_post_over_the_network():
    with CannedServer({"/feed.atom": ATOM}) as server:
        server.content_types["/feed.atom"] = "application/atom+xml"
        channel = FeedChannel(server.url + "/feed.atom", timeout=5.0, sleep=lambda s: None)
        result = channel.pull_watch(WatchSpec(1, "ventalia"), None)
    assert [p.author.display_name for p in result.posts] == ["Marta Ruiz", "Invitado"]
    assert all(p.server == server.url.split("//")[1] for p in result.posts)


def test_table_cells_and_rows_are_kept_apart():
    html = ("<table><tr><td>last night</td><td>submitted by</td><th>Ana</th></tr>"
            "<tr><td>ayer</td><td>envío</td></tr></table>")
    text = to_plain_text(html)
    assert "last night submitted by Ana" in text
    assert "nightsubmitted" not in text and "Anaayer" not in text
    assert "ayer envío" in text
