"""The Reddit channel against the sandbox over real sockets: inbox, watches, replies."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from console.channels.base import ReplyRefused, WatchSpec
from console.channels.reddit.channel import RedditChannel, rules_for_post
from console.sandbox import SandboxServer
from tests.channels.reddit_support import BRAND, make_channel, name_of, standing_sandbox


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    sandbox = standing_sandbox()
    yield sandbox
    sandbox.stop()


@pytest.fixture
def channel(server: SandboxServer) -> Iterator[RedditChannel]:
    chan = make_channel(server)
    yield chan
    chan.close()


def test_verify_names_the_brand(channel: RedditChannel) -> None:
    me = channel.verify()
    assert (me.handle, me.remote_id, me.server) == (BRAND, BRAND, "reddit.com")
    assert me.display_name == "Ventalia Atención al Cliente"
    assert me.url == "https://www.reddit.com/user/Ventalia_Soporte/"


def test_inbox_brings_replies_and_messages_then_mentions_as_they_come(
        server: SandboxServer, channel: RedditChannel) -> None:
    first = channel.pull_mentions(None)
    by_id = {p.remote_id: p for p in first.posts}
    message = by_id[name_of(server, "r005")]  # Lucía's message to the brand
    assert (message.source, message.visibility, message.author.handle) == (
        "direct", "direct", "lucia_mdz_uio")
    reply = by_id[name_of(server, "r011")]  # Dan answers the brand's comment
    assert reply.source == "mention" and reply.in_reply_to == name_of(server, "r010")
    assert reply.thread_root == name_of(server, "r003")  # from the inbox item's context
    assert reply.url.startswith("https://www.reddit.com/r/HomeGadgets/comments/")
    assert first.cursor and first.skipped == []
    again = channel.pull_mentions(first.cursor)  # nothing new (the margin re-reads a little)
    assert {p.remote_id for p in again.posts} <= set(by_id)
    server.advance(600)  # Bea's post, Elena's tip and Bea's mention of u/Ventalia_Soporte
    later = channel.pull_mentions(first.cursor)
    names = {p.remote_id for p in later.posts} - set(by_id)
    assert names == {name_of(server, "r102"), name_of(server, "r103")}
    bea = next(p for p in later.posts if p.author.handle == "bea_lozano_alc")
    assert bea.mentions == (BRAND,) and bea.thread_root == name_of(server, "r101")
    assert bea.raw["type"] == "username_mention"
    assert "<a href=" in bea.html and "u/Ventalia_Soporte" in bea.text


def test_search_finds_posts_and_subreddit_comments_are_matched_here(
        server: SandboxServer, channel: RedditChannel) -> None:
    server.advance(6000)
    everywhere = channel.pull_watch(WatchSpec(1, "brisa"), None)
    kinds = {p.remote_id[:2] for p in everywhere.posts}
    assert kinds == {"t3"}  # Reddit's search finds posts only
    assert name_of(server, "r104") in {p.remote_id for p in everywhere.posts}
    named = channel.pull_watch(WatchSpec(2, "brisa r/Ventalia r/consumo_es"), None)
    found = {p.remote_id for p in named.posts}
    assert name_of(server, "r107") in found  # Tomás's comment says Brisa, not Ventalia
    assert name_of(server, "r104") not in found  # r/HomeGadgets is not named
    assert all(p.source == "keyword" and p.watch_id == 2 for p in named.posts)
    excluded = channel.pull_watch(WatchSpec(3, "brisa r/Ventalia", exclude=("lote",)), None)
    assert name_of(server, "r107") not in {p.remote_id for p in excluded.posts}
    again = channel.pull_watch(WatchSpec(2, "brisa r/Ventalia r/consumo_es"), named.cursor)
    assert {p.remote_id for p in again.posts} <= found and again.cursor == named.cursor


def test_the_brand_itself_is_never_a_hit(server: SandboxServer, channel: RedditChannel) -> None:
    found = channel.pull_watch(WatchSpec(1, "etiqueta r/HomeGadgets"), None)
    assert all(p.author.handle != BRAND for p in found.posts)


def test_reply_is_a_comment_and_the_author_answers(server: SandboxServer,
                                                    channel: RedditChannel) -> None:
    server.advance(600)
    target = name_of(server, "r103")
    sent = channel.send_reply(text="Hola Bea, lo sentimos. Te escribimos por privado en "
                              "Bluesky para la recogida.", in_reply_to=target,
                              visibility="public", idempotency_key="k1")
    assert sent.remote_id.startswith("t1_") and "/comments/" in sent.url
    [got] = server.reddit.world.received
    assert got["thing_id"] == target
    assert got["user_agent"].startswith("desktop:org.posventa.console:")
    assert got["user_agent"].endswith("(by /u/Ventalia_Soporte)")
    server.advance(120)
    answer = channel.pull_mentions(None)
    follow = [p for p in answer.posts if p.in_reply_to == sent.remote_id]
    assert follow and follow[0].raw["type"] == "comment_reply"


def test_a_message_is_answered_as_a_message_and_none_is_ever_started(
        server: SandboxServer, channel: RedditChannel) -> None:
    message = name_of(server, "r005")
    sent = channel.send_reply(text="Hola Lucía, revisamos el 51907 ahora.", in_reply_to=message,
                              visibility="direct", idempotency_key="k")
    assert sent.remote_id.startswith("t4_")
    with pytest.raises(ReplyRefused, match="never starts a private message"):
        channel.send_reply(text="Hola", in_reply_to=name_of(server, "r003"),
                           visibility="direct", idempotency_key="k2")


def test_locked_archived_and_too_long_are_refused_in_words(server: SandboxServer,
                                                           channel: RedditChannel) -> None:
    with pytest.raises(ReplyRefused, match="locked"):
        channel.send_reply(text="Hola", in_reply_to=name_of(server, "r006"),
                           visibility="public", idempotency_key="a")
    with pytest.raises(ReplyRefused, match="archived"):
        channel.send_reply(text="Hola", in_reply_to=name_of(server, "r009"),
                           visibility="public", idempotency_key="b")
    with pytest.raises(ReplyRefused, match="10,000"):
        channel.send_reply(text="a" * 10_001, in_reply_to=name_of(server, "r003"),
                           visibility="public", idempotency_key="c")
    assert server.reddit.world.received == []
    locked = channel.pull_watch(WatchSpec(1, "electrodoméstico"), None).posts[0]
    rules = rules_for_post(locked.raw)
    assert not rules.can_reply and "locked" in rules.reason
    open_rules = rules_for_post({"kind": "t4"})
    assert (open_rules.unit, open_rules.limit, open_rules.visibility) == (
        "characters", 10_000, "direct")


def test_brand_replies_since_finds_our_comment_in_the_thread(server: SandboxServer,
                                                             channel: RedditChannel) -> None:
    server.advance(600)
    before = datetime.now(UTC) - timedelta(seconds=5)
    target = name_of(server, "r103")
    assert channel.brand_replies_since(target, before) == []
    sent = channel.send_reply(text="Hola Bea, lo miramos.", in_reply_to=target,
                              visibility="public", idempotency_key="k")
    [found] = channel.brand_replies_since(target, before)  # by a comment: its post is found
    assert found.remote_id == sent.remote_id and found.text == "Hola Bea, lo miramos."
    [same] = channel.brand_replies_since(name_of(server, "r101"), before)  # by the post
    assert same.remote_id == sent.remote_id
    assert channel.brand_replies_since(name_of(server, "r003"), before) == []
    message = name_of(server, "r005")
    answer = channel.send_reply(text="Hola Lucía.", in_reply_to=message, visibility="direct",
                                idempotency_key="m")
    [kept] = channel.brand_replies_since(message, before)
    assert kept.remote_id == answer.remote_id
