"""The Mastodon channel against the sandbox: pulls, cursors, watches, threads and replies."""

from __future__ import annotations

from datetime import UTC

import pytest

from console.channels.base import Channel, ReplyRefused, WatchSpec
from console.channels.mastodon.channel import MastodonChannel
from console.sandbox import SandboxServer


def test_is_a_channel_and_reads_the_server(channel: MastodonChannel) -> None:
    assert isinstance(channel, Channel) and channel.kind == "mastodon"
    info = channel.instance_info()
    assert info.max_characters == 500 and info.title == "Posventa Sandbox"
    brand = channel.verify()
    assert brand.handle == "ventalia" and brand.followers == 12840
    assert brand.bio.startswith("Cuenta oficial")
    assert brand.fields[0].verified and brand.fields[0].value == "https://ventalia.example"


def test_first_pull_backfills_and_parses(channel: MastodonChannel, sandbox: SandboxServer) -> None:
    result = channel.pull_mentions(None)
    keys = [sandbox.state.statuses[p.remote_id].key for p in result.posts]
    assert keys == ["p001", "p004", "p005", "p006", "p007"]  # oldest first
    assert result.cursor == max((n.id for n in sandbox.state.notifications), key=int)
    by_key = dict(zip(keys, result.posts, strict=True))
    lucia = by_key["p001"]
    assert lucia.source == "mention" and lucia.created_at.tzinfo == UTC
    assert lucia.author.handle == "lucia_mdz@mastodon.example"
    assert lucia.author.followers == 231 and lucia.author.bio == "Maestra en Quito. Café y libros."
    assert [(f.name, f.verified) for f in lucia.author.fields] == [
        ("Web", True),
        ("Pronombres", False),
    ]
    assert lucia.text.startswith("@ventalia mi pedido 48213")
    assert lucia.mentions == ("ventalia",) and lucia.lang == "es"
    assert lucia.thread_root == lucia.remote_id and lucia.raw["id"] == lucia.remote_id
    assert by_key["p004"].source == "direct" and by_key["p004"].visibility == "direct"
    reply = by_key["p006"]
    assert reply.in_reply_to == lucia.remote_id
    assert reply.in_reply_to_author == lucia.author.remote_id
    assert reply.text == "@ventalia sigo sin respuesta\n\nEs urgente, por favor"
    hostile = by_key["p005"]
    assert "alert" not in hostile.text and hostile.text == "Hola click"
    # a bio that looks like HTML is text: it comes back literally, for plain-text display
    assert hostile.author.bio == sandbox.state.script.people["hostile"].note
    assert hostile.author.display_name.startswith('<b style="color:red">')


def test_cursor_catch_up_over_many_pages(channel: MastodonChannel, sandbox: SandboxServer) -> None:
    first = channel.pull_mentions(None)
    for i in range(130):  # more than three pages of 40
        sandbox.add_post("marta", f"@ventalia queja {i}")
    caught = channel.pull_mentions(first.cursor)
    texts = [p.text for p in caught.posts]
    assert texts == [f"@ventalia queja {i}" for i in range(130)]  # in order, no holes, no dups
    assert int(caught.cursor or 0) > int(first.cursor or 0)
    again = channel.pull_mentions(caught.cursor)
    assert again.posts == [] and again.cursor == caught.cursor
    sandbox.add_post("lucia", "@ventalia una más")
    assert [p.text for p in channel.pull_mentions(caught.cursor).posts] == ["@ventalia una más"]


def test_backfill_is_bounded(sandbox: SandboxServer, sleeps) -> None:
    for i in range(100):
        sandbox.add_post("marta", f"@ventalia {i}")
    chan = MastodonChannel(sandbox.url, "t", backfill_pages=1, sleep=sleeps)
    result = chan.pull_mentions(None)
    assert len(result.posts) == 80  # newest page + one older page
    assert result.posts[-1].text == "@ventalia 99"
    chan.close()


def test_keyword_watch(channel: MastodonChannel, sandbox: SandboxServer) -> None:
    watch = WatchSpec(id=7, term="ventalía", exclude=("encanta",))
    result = channel.pull_watch(watch, None)
    keys = [sandbox.state.statuses[p.remote_id].key for p in result.posts]
    assert "p002" in keys and "p003" not in keys and "p007" not in keys
    assert all(p.source == "keyword" and p.watch_id == 7 for p in result.posts)
    channel.send_reply(
        text="ventalia responde",
        in_reply_to=result.posts[0].remote_id,
        visibility="public",
        idempotency_key="a",
    )
    sandbox.add_post("lucia", "Ventalia otra vez tarde")
    more = channel.pull_watch(watch, result.cursor)
    assert [p.text for p in more.posts] == ["Ventalia otra vez tarde"]  # not the brand's own


def test_keyword_watch_catches_up_with_offsets(
    channel: MastodonChannel, sandbox: SandboxServer
) -> None:
    first = channel.pull_watch(WatchSpec(id=1, term="devolución"), None)
    assert first.posts == []
    for i in range(90):
        sandbox.add_post("lucia", f"devolucion {i}")
    caught = channel.pull_watch(WatchSpec(id=1, term="devolución"), first.cursor)
    assert [p.text for p in caught.posts] == [f"devolucion {i}" for i in range(90)]


def test_hashtag_watch(channel: MastodonChannel, sandbox: SandboxServer) -> None:
    watch = WatchSpec(id=3, term="#Ventalia", kind="hashtag")
    result = channel.pull_watch(watch, None)
    assert [sandbox.state.statuses[p.remote_id].key for p in result.posts] == ["p002", "p007"]
    assert result.posts[0].tags == ("ventalia",) and result.posts[0].source == "hashtag"
    for i in range(45):
        sandbox.add_post("marta", f"#ventalia {i}")
    more = channel.pull_watch(watch, result.cursor)
    assert [p.text for p in more.posts] == [f"#ventalia {i}" for i in range(45)]


def test_fetch_thread(channel: MastodonChannel, sandbox: SandboxServer) -> None:
    channel.verify()
    reply = sandbox.state.by_key["p006"]
    thread = channel.fetch_thread(reply)
    root = sandbox.state.by_key["p001"]
    assert [p.remote_id for p in thread] == [root, reply]
    assert all(p.thread_root == root for p in thread)
    assert thread[0].source == "mention"


def test_send_reply_idempotent_and_refused(
    channel: MastodonChannel, sandbox: SandboxServer
) -> None:
    target = sandbox.state.by_key["p001"]
    first = channel.send_reply(
        text="@lucia_mdz@mastodon.example hola",
        in_reply_to=target,
        visibility="public",
        idempotency_key="abc",
    )
    again = channel.send_reply(
        text="@lucia_mdz@mastodon.example hola",
        in_reply_to=target,
        visibility="public",
        idempotency_key="abc",
    )
    assert first.remote_id == again.remote_id and first.created_at.tzinfo == UTC
    assert first.url.endswith(f"/@ventalia/{first.remote_id}")
    assert len(sandbox.received()["statuses"]) == 1
    with pytest.raises(ReplyRefused, match="character limit of 500"):
        channel.send_reply(
            text="x" * 501, in_reply_to=target, visibility="public", idempotency_key="long"
        )
    thread = channel.fetch_thread(target)
    assert first.remote_id in [p.remote_id for p in thread]


def test_reply_rules(channel: MastodonChannel, sandbox: SandboxServer) -> None:
    sandbox.set_max_characters(1000)
    rules = channel.reply_rules("direct")
    assert (rules.unit, rules.limit, rules.visibility, rules.can_reply) == (
        "characters",
        1000,
        "direct",
        True,
    )
    assert channel.reply_rules("private").visibility == "private"
    assert channel.reply_rules("unlisted").visibility == "unlisted"
    assert channel.reply_rules("public").visibility == "public"
