"""Bluesky replies: the record createRecord receives, field by field; once only; threadgates."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from console.channels.base import ReplyRefused
from console.channels.bluesky.channel import BlueskyChannel
from console.channels.bluesky.text import TID_RE, rkey_for, validate_post
from console.sandbox import SandboxServer
from tests.channels.bluesky_support import make_channel, standing_sandbox, uri_of

KEY = "5b2f7a40-1c1e-4f55-9d7e-2a1b3c4d5e6f"


@pytest.fixture
def sky() -> Iterator[SandboxServer]:
    server = standing_sandbox()
    yield server
    server.stop()


@pytest.fixture
def channel(sky) -> Iterator[BlueskyChannel]:
    chan = make_channel(sky)
    yield chan
    chan.close()


def _send(channel: BlueskyChannel, text: str, to: str, key: str = KEY):
    return channel.send_reply(text=text, in_reply_to=to, visibility="public",
                              idempotency_key=key)


def test_reply_to_a_reply_carries_root_and_parent_strong_refs(channel, sky) -> None:
    world = sky.bluesky.world
    root, parent = world.posts[uri_of(sky, "b001")], world.posts[uri_of(sky, "b009")]
    text = "Hola Sam 👋 José, de Ventalia: escríbenos en https://ventalia.example/ayuda y lo vemos."
    sent = _send(channel, text, parent.uri)
    [got] = sky.received()["bluesky"]
    assert got["repo"] == world.brand.did and got["collection"] == "app.bsky.feed.post"
    assert got["rkey"] == rkey_for(KEY) and TID_RE.match(got["rkey"])
    record = got["record"]
    assert set(record) == {"$type", "text", "createdAt", "reply", "langs", "facets"}
    assert record["$type"] == "app.bsky.feed.post" and record["text"] == text
    assert record["reply"] == {"root": {"uri": root.uri, "cid": root.cid},
                               "parent": {"uri": parent.uri, "cid": parent.cid}}
    assert record["langs"] == ["en"]  # the language of the post answered
    assert datetime.fromisoformat(record["createdAt"].replace("Z", "+00:00")).tzinfo
    assert record["createdAt"].endswith("Z")
    [link] = record["facets"]
    raw = text.encode("utf-8")
    start = raw.index(b"https://")
    assert link == {"index": {"byteStart": start, "byteEnd": start + len(
        "https://ventalia.example/ayuda")}, "features": [
        {"$type": "app.bsky.richtext.facet#link", "uri": "https://ventalia.example/ayuda"}]}
    assert start != text.index("https://")  # bytes, not characters: the emoji and é
    validate_post(record)
    assert sent.remote_id == got["uri"] and sent.url.endswith("/post/" + got["rkey"])
    assert sent.url.startswith("https://bsky.app/profile/ventalia.bsky.example/post/")


def test_reply_to_a_top_level_post_uses_it_as_root_and_mentions_get_dids(channel, sky) -> None:
    world = sky.bluesky.world
    post = world.posts[uri_of(sky, "b004")]
    text = "@lucia.bsky.example lo siento, Lucía. Revisamos el 51907 ahora. @nadie.example"
    _send(channel, text, post.uri)
    record = sky.received()["bluesky"][0]["record"]
    ref = {"uri": post.uri, "cid": post.cid}
    assert record["reply"] == {"root": ref, "parent": ref} and record["langs"] == ["es"]
    [mention] = record["facets"]  # the unknown handle stays plain text
    assert mention["features"] == [{"$type": "app.bsky.richtext.facet#mention",
                                    "did": world.by_key["lucia_a"].did}]
    assert mention["index"] == {"byteStart": 0, "byteEnd": len("@lucia.bsky.example")}


def test_the_same_idempotency_key_never_posts_twice(channel, sky) -> None:
    target = uri_of(sky, "b004")
    first = _send(channel, "Lo miramos ya.", target)
    again = _send(make_channel(sky), "Lo miramos ya.", target)  # after a crash, new process
    assert again.remote_id == first.remote_id
    assert len(sky.received()["bluesky"]) == 1
    other = _send(channel, "Otra respuesta.", target, key="another-key")
    assert other.remote_id != first.remote_id and len(sky.received()["bluesky"]) == 2


def test_the_reply_appears_in_the_thread_and_the_author_answers(channel, sky) -> None:
    world = sky.bluesky.world
    sky.advance(330)
    channel.pull_mentions(None)  # publishes Bea's tagged complaint (at 320)
    bea = uri_of(sky, "b103")
    sent = _send(channel, "Bea, no lo uses más: te mandamos un técnico.", bea)
    thread = channel.fetch_thread(bea)
    assert [p.remote_id for p in thread] == [bea, sent.remote_id]
    assert thread[1].author.remote_id == world.brand.did
    sky.advance(40)  # on_brand_reply after 30 seconds
    later = channel.pull_mentions(None)
    answer = [p for p in later.posts if p.in_reply_to == sent.remote_id]
    assert answer and answer[0].raw["reason"] == "reply" and answer[0].thread_root == bea


def test_a_closed_threadgate_refuses_before_sending(channel, sky) -> None:
    with pytest.raises(ReplyRefused, match="limited who can reply"):
        _send(channel, "Hola Alejandra", uri_of(sky, "b003"))
    assert sky.received()["bluesky"] == []


def test_a_mention_rule_lets_the_mentioned_brand_reply(channel, sky) -> None:
    _send(channel, "Thanks Priya, passing it to the team.", uri_of(sky, "b007"))
    [got] = sky.received()["bluesky"]
    assert got["violates_threadgate"] is False


def test_a_reply_too_long_is_refused_by_the_lexicon_rules(channel, sky) -> None:
    with pytest.raises(ReplyRefused, match="301 graphemes"):
        _send(channel, "a" * 301, uri_of(sky, "b004"))
    with pytest.raises(ReplyRefused, match="bytes"):
        _send(channel, "👨‍👩‍👧‍👦" * 121, uri_of(sky, "b004"))
    assert sky.received()["bluesky"] == []


def test_the_server_validates_records_too(channel, sky) -> None:
    channel.verify()
    bad = {"$type": "app.bsky.feed.post", "text": "x", "createdAt": "yesterday"}
    response = channel.http.client.post(
        "/xrpc/com.atproto.repo.createRecord",
        json={"repo": channel.did, "collection": "app.bsky.feed.post", "record": bad},
        headers={"Authorization": f"Bearer {channel.http.ensure_session()}"})
    assert response.status_code == 400
    assert response.json()["error"] == "InvalidRecord" and "createdAt" in response.json()["message"]


def test_a_missing_post_is_not_found(channel, sky) -> None:
    from console.channels.base import NotFound

    gone = f"at://{sky.bluesky.world.by_key['bea'].did}/app.bsky.feed.post/3kzzzzzzzzzz2"
    with pytest.raises(NotFound):
        _send(channel, "Hola", gone)


def test_brand_replies_since_sees_a_colleagues_reply_in_the_thread(channel, sky) -> None:
    from datetime import UTC, timedelta

    from console.channels.base import ThreadReader

    assert isinstance(channel, ThreadReader)
    opened = datetime.now(UTC) - timedelta(seconds=1)
    target = uri_of(sky, "b009")
    assert channel.brand_replies_since(target, opened) == []
    sent = _send(make_channel(sky), "Ya lo revisa un compañero.", target, key="colleague")
    [seen] = channel.brand_replies_since(target, opened)
    assert seen.remote_id == sent.remote_id and seen.url == sent.url
    assert channel.brand_replies_since(target, datetime.now(UTC) + timedelta(minutes=1)) == []
