"""The X channel against the sandbox over a real socket: pulls, pages, cursors, threads."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from console.channels.base import StaticSecrets, WatchSpec
from console.channels.x.channel import XChannel
from console.sandbox import SandboxServer
from tests.channels.x_support import DEMO_TOKEN, make_channel, post_id, standing_sandbox


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    server = standing_sandbox()
    yield server
    server.stop()


@pytest.fixture
def channel(sandbox: SandboxServer) -> Iterator[XChannel]:
    chan = make_channel(sandbox)
    yield chan
    chan.close()


def test_the_brand_comes_from_users_me(channel: XChannel, sandbox: SandboxServer) -> None:
    me = channel.verify()
    assert (me.handle, me.remote_id) == ("ventalia", sandbox.x.world.brand.id)
    assert me.followers == 21340 and me.server == "x.com"
    assert channel.instance_info().max_characters == 280


def test_mentions_with_authors_languages_and_the_next_since_id(channel: XChannel,
                                                               sandbox: SandboxServer) -> None:
    first = channel.pull_mentions(None)
    handles = [p.author.handle for p in first.posts]
    assert handles == ["lucia_mdz", "priyaraman"]  # oldest first; the brand's own never
    lucia = first.posts[0]
    assert lucia.url == f"https://x.com/lucia_mdz/status/{lucia.remote_id}"
    assert lucia.lang == "es" and lucia.source == "mention" and lucia.raw["summoned"]
    assert lucia.author.followers == 233 and lucia.author.avatar_url.startswith("https://")
    assert first.cursor == first.posts[-1].remote_id
    assert channel.pull_mentions(first.cursor).posts == []
    sandbox.advance(100)  # Bea writes twice: untagged, then tagging the brand in a reply
    later = channel.pull_mentions(first.cursor)
    [bea] = later.posts
    root = post_id(sandbox, "x101")
    assert bea.author.handle == "bealozano_arq" and "Pedido 49981" in bea.text
    assert (bea.in_reply_to, bea.thread_root) == (root, root)  # threads by conversation_id
    assert int(later.cursor or 0) > int(first.cursor or 0)


def test_pages_are_followed_since_the_cursor(sandbox: SandboxServer) -> None:
    world = sandbox.x.world
    cursor = make_channel(sandbox).pull_mentions(None).cursor
    for n in range(130):
        world.publish("marta", f"@ventalia consulta número {n} sobre el pedido 6{n:03d}")
    chan = make_channel(sandbox)
    result = chan.pull_mentions(cursor)
    assert len(result.posts) == 130 and len({p.remote_id for p in result.posts}) == 130
    calls = [c for c in sandbox.x.calls if c.endswith("/mentions")]
    assert len(calls) >= 3  # two pages since the cursor (100 + 30), after the first pull
    assert chan.reads.posts >= 130


def test_a_watch_searches_with_language_and_exclusions(channel: XChannel,
                                                       sandbox: SandboxServer) -> None:
    found = channel.pull_watch(WatchSpec(7, "brisa", lang="es"), None)
    assert {p.author.handle for p in found.posts} == {"tecnopablo", "kenji_tanaka"}
    assert all(p.watch_id == 7 and p.source == "keyword" for p in found.posts)
    assert not any(p.raw["summoned"] for p in found.posts)  # nobody tagged the brand
    fewer = channel.pull_watch(WatchSpec(8, "brisa", exclude=("ventiladores",)), None)
    assert {p.author.handle for p in fewer.posts} == {"tecnopablo"}
    tag = channel.pull_watch(WatchSpec(9, "#ventaliafail", kind="hashtag"), None)
    assert [p.author.handle for p in tag.posts] == ["dwhitfield"]
    assert tag.posts[0].tags == ("VentaliaFail",) and tag.posts[0].source == "hashtag"
    assert channel.pull_watch(WatchSpec(7, "brisa", lang="es"), found.cursor).posts == []
    sandbox.advance(40)
    [bea] = channel.pull_watch(WatchSpec(7, "brisa", lang="es"), found.cursor).posts
    assert bea.author.handle == "bealozano_arq" and not bea.raw["summoned"]


def test_a_quote_of_the_brand_summons_it(channel: XChannel) -> None:
    [marta] = channel.pull_watch(WatchSpec(3, "vecina"), None).posts
    assert marta.author.handle == "martavillalba" and marta.raw["summoned"]


def test_links_are_shown_as_written_not_as_t_co(channel: XChannel) -> None:
    [spam] = channel.pull_watch(WatchSpec(4, "cripto"), None).posts
    assert "https://ventalia-premios.example/claim" in spam.text and "t.co" not in spam.text
    assert spam.raw["data"]["text"].count("https://t.co/") == 1


def test_one_bad_post_is_skipped_and_the_rest_kept() -> None:
    good = {"id": "1800000000000000001", "text": "@ventalia hola", "author_id": "42",
            "created_at": "2026-08-01T10:00:00.000Z", "conversation_id": "1800000000000000001",
            "entities": {"mentions": [{"start": 0, "end": 9, "username": "ventalia",
                                       "id": "7"}]}}
    bad = {"id": "1800000000000000002", "text": "no date", "author_id": "42",
           "created_at": "ayer"}
    page = {"data": [bad, good, "not a post"], "meta": {"newest_id": "1800000000000000002"},
            "includes": {"users": [{"id": "42", "name": "Ana", "username": "ana"}]}}

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/2/users/me":
            return httpx.Response(200, json={"data": {"id": "7", "name": "V",
                                                      "username": "ventalia"}})
        return httpx.Response(200, json=page)

    chan = XChannel("https://api.x.com", "ventalia", StaticSecrets({"token": DEMO_TOKEN}),
                    transport=httpx.MockTransport(answer))
    result = chan.pull_mentions(None)
    assert [p.author.handle for p in result.posts] == ["ana"]
    assert [s.item for s in result.skipped] == ["post 1800000000000000002", "post #3"]
    assert result.cursor == "1800000000000000002"  # the cursor moves past the bad one
