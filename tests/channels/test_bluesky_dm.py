"""Bluesky direct messages over a real socket: what the chat service is asked, field by field,
what comes back as posts, and how every refusal reads."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from console.channels.base import (
    MalformedResponse,
    NotFound,
    ReplyRefused,
    ServerError,
    StaticSecrets,
)
from console.channels.bluesky.channel import BlueskyChannel, rules_for_post
from console.channels.bluesky.chat import PROXY
from console.channels.bluesky.chat_errors import ChatNotAllowed
from console.channels.bluesky.chat_parse import chat_ref
from console.sandbox import SandboxServer
from tests.channels.bluesky_support import APP_PASSWORD, make_channel, standing_sandbox, uri_of

LOG = "/xrpc/chat.bsky.convo.getLog"


@pytest.fixture
def sky() -> Iterator[SandboxServer]:
    server = standing_sandbox(release_all=True)
    yield server
    server.stop()


@pytest.fixture
def channel(sky) -> Iterator[BlueskyChannel]:
    chan = make_channel(sky)
    yield chan
    chan.close()


def _convo_with(sky: SandboxServer, key: str):
    did = sky.bluesky.world.by_key[key].did
    return next(c for c in sky.bluesky.chat.convos.values() if did in c.members)


def test_first_pull_reads_the_conversations_as_direct_posts_without_the_brands(channel,
                                                                                sky) -> None:
    result = channel.pull_conversations(None)
    assert result.skipped == [] and result.cursor
    texts = [p.text for p in result.posts]
    assert any(t.startswith("Hola, soy Beatriz Lozano") for t in texts)
    assert not any(t.startswith("Hola, Lucía. Lo hemos reclamado") for t in texts)  # the brand's
    lucia = [p for p in result.posts if p.author.handle == "lucia.bsky.example"]
    assert len(lucia) == 2
    first, second = lucia
    convo = _convo_with(sky, "lucia_a")
    brand_reply = convo.messages[1]
    for post in lucia:
        assert (post.source, post.visibility, post.channel) == ("direct", "direct", "bluesky")
        assert post.thread_root == f"chat:{convo.id}" and post.server == "bsky.app"
        assert post.url == f"https://bsky.app/messages/{convo.id}"
        assert post.author.remote_id == sky.bluesky.world.by_key["lucia_a"].did
        assert post.author.followers == 540  # filled from getProfiles
    assert first.in_reply_to is None
    assert second.in_reply_to == f"chat:{convo.id}:{brand_reply.id}"  # the brand's message
    assert second.in_reply_to_author == sky.bluesky.world.brand.did
    assert chat_ref(second.remote_id).message == convo.messages[2].id
    assert [p.created_at for p in result.posts] == sorted(p.created_at for p in result.posts)


def test_later_pulls_read_the_log_forward_and_only_what_is_new(channel, sky) -> None:
    first = channel.pull_conversations(None)
    assert channel.pull_conversations(first.cursor).posts == []
    chat, world = sky.bluesky.chat, sky.bluesky.world
    with world.lock:
        convo = _convo_with(sky, "lucia_a")
        chat.write(convo, world.brand.did, "Mañana sale del almacén.")
        answer = chat.write(convo, world.by_key["lucia_a"].did, "¡Por fin! Gracias.")
    later = channel.pull_conversations(first.cursor)
    [post] = later.posts
    assert post.text == "¡Por fin! Gracias." and post.remote_id.endswith(answer.id)
    assert post.in_reply_to == f"chat:{convo.id}:{convo.messages[-2].id}"  # the brand's, in the log
    assert later.cursor and later.cursor > first.cursor
    assert channel.pull_conversations(later.cursor).posts == []


def test_a_new_conversation_in_the_log_reads_its_order_from_the_conversation(channel,
                                                                              sky) -> None:
    cursor = channel.pull_conversations(None).cursor
    chat, world = sky.bluesky.chat, sky.bluesky.world
    with world.lock:
        convo = chat._open("c-sam", world.by_key["sam"])
        chat.write(convo, world.by_key["sam"].did, "hi, is this the right place for order 51804?")
    [post] = channel.pull_conversations(cursor).posts
    assert post.in_reply_to is None and post.thread_root == f"chat:{convo.id}"
    assert post.author.handle == "samdev.bsky.example"


def test_every_chat_call_names_the_chat_service(sky) -> None:
    with httpx.Client(base_url=sky.url) as client:
        session = client.post("/xrpc/com.atproto.server.createSession", json={
            "identifier": "ventalia.bsky.example", "password": APP_PASSWORD}).json()
        auth = {"Authorization": f"Bearer {session['accessJwt']}"}
        bare = client.get("/xrpc/chat.bsky.convo.listConvos", headers=auth)
        proxied = client.get("/xrpc/chat.bsky.convo.listConvos", headers={**auth, **PROXY})
    assert bare.status_code == 501 and bare.json()["error"] == "MethodNotImplemented"
    assert proxied.status_code == 200 and proxied.json()["convos"]
    assert PROXY == {"atproto-proxy": "did:web:api.bsky.chat#bsky_chat"}


def test_an_app_password_without_dm_access_is_said_once_and_does_not_stop_the_rest(sky) -> None:
    sky.bluesky.world.sessions.without_dm.add(APP_PASSWORD)
    chan = make_channel(sky)
    try:
        with pytest.raises(ChatNotAllowed) as refused:
            chan.chat.check_access()
        message = str(refused.value)
        assert "Allow access to your direct messages" in message and APP_PASSWORD not in message
        result = chan.pull_conversations(None)  # the route is skipped with the reason
        [skipped] = result.skipped
        assert result.posts == [] and skipped.item == "direct messages"
        assert "no access to direct messages" in skipped.reason
        assert sky.bluesky.world.sessions.refresh_count == 0  # no refresh for a method refusal
        assert chan.pull_mentions(None).posts  # public posts keep coming
        with pytest.raises(ReplyRefused, match="no access to direct messages"):
            chan.send_reply(text="Hola", in_reply_to=uri_of(sky, "b103"), visibility="direct",
                            idempotency_key="k")
    finally:
        chan.close()


def test_a_reply_to_a_message_is_a_message_field_by_field(channel, sky) -> None:
    post = next(p for p in channel.pull_conversations(None).posts
                if p.author.handle == "bea.bsky.example")
    text = ("Hola Bea 👋 Lo sentimos mucho. Mándanos las fotos del lote 23-B y organizamos la "
            "recogida: https://ventalia.example/ayuda @bea.bsky.example")
    before = len(sky.bluesky.world.received)
    sent = channel.send_reply(text=text, in_reply_to=post.remote_id, visibility="direct",
                              idempotency_key="k-1")
    assert len(sky.bluesky.world.received) == before  # no public post was made
    [got] = sky.received()["bluesky_chat"]
    convo = _convo_with(sky, "bea")
    assert got["convoId"] == convo.id and set(got["message"]) == {"text", "facets"}
    assert got["message"]["text"] == text
    link, mention = got["message"]["facets"]
    start = text.encode().index(b"https://")
    assert link["index"] == {"byteStart": start,
                             "byteEnd": start + len(b"https://ventalia.example/ayuda")}
    assert mention["features"] == [{"$type": "app.bsky.richtext.facet#mention",
                                    "did": sky.bluesky.world.by_key["bea"].did}]
    assert sent.remote_id == f"chat:{convo.id}:{got['id']}"
    assert sent.url == f"https://bsky.app/messages/{convo.id}"
    assert convo.status == "accepted"  # answering a request accepts it


def test_continuing_in_private_writes_to_the_author_and_never_posts(channel, sky) -> None:
    world = sky.bluesky.world
    views = {p.remote_id: p for p in channel.pull_mentions(None).posts}
    dan = views[uri_of(sky, "b105")]
    bea = views[uri_of(sky, "b103")]
    assert rules_for_post(bea.raw).private is not None  # allowIncoming "all"
    assert rules_for_post(dan.raw).private is None  # allowIncoming "none"
    since = datetime.now(UTC) - timedelta(seconds=2)
    assert channel.brand_messages_since(bea.remote_id, since) == []
    sent = channel.send_reply(text="Hola Bea, seguimos por privado.", in_reply_to=bea.remote_id,
                              visibility="direct", idempotency_key="k-2")
    assert sent.remote_id.startswith("chat:") and world.received == []
    [found] = channel.brand_messages_since(bea.remote_id, since)
    assert found.remote_id == sent.remote_id and found.text == "Hola Bea, seguimos por privado."
    assert channel.brand_replies_since(sent.remote_id, since) == [found]  # by the message, too


def test_who_may_not_be_messaged_is_said_in_a_sentence(channel, sky) -> None:
    cases = {"b105": "does not accept direct messages",  # dan: none
             "b101": "only accepts direct messages from accounts they follow"}  # nate
    for key, words in cases.items():
        with pytest.raises(ReplyRefused, match=words):
            channel.send_reply(text="Hola", in_reply_to=uri_of(sky, key), visibility="direct",
                               idempotency_key=f"k-{key}")
    assert sky.received()["bluesky_chat"] == []


def test_a_message_is_at_most_1000_graphemes(channel, sky) -> None:
    post = channel.pull_conversations(None).posts[-1]
    rules = rules_for_post(post.raw)
    assert (rules.unit, rules.limit, rules.max_bytes, rules.visibility) == (
        "graphemes", 1000, 10000, "direct")
    assert rules.measure("👨‍👩‍👧‍👦" * 1000) == 1000
    with pytest.raises(ReplyRefused, match="at most 1000"):
        channel.send_reply(text="a" * 1001, in_reply_to=post.remote_id, visibility="direct",
                           idempotency_key="k-3")
    with pytest.raises(ReplyRefused, match="at most 10000 bytes"):  # 25 bytes each
        channel.send_reply(text="👨‍👩‍👧‍👦" * 1000, in_reply_to=post.remote_id,
                           visibility="direct", idempotency_key="k-4")
    sent = channel.send_reply(text="👍🏽" * 1000, in_reply_to=post.remote_id,
                              visibility="direct", idempotency_key="k-4")
    assert sent.remote_id.startswith("chat:")
    assert channel.idempotency_lasts("direct") is False
    assert channel.idempotency_lasts("public") is True


def test_a_gone_conversation_and_server_faults_read_as_sentences(channel, sky) -> None:
    with pytest.raises(NotFound, match="not on Bluesky any more"):
        channel.send_reply(text="Hola", in_reply_to="chat:2zzzzzzzzzzzz:3n3uy2mdr542l",
                           visibility="direct", idempotency_key="k-5")
    cursor = channel.pull_conversations(None).cursor
    sky.inject_fault(LOG, 503, count=0)
    with pytest.raises(ServerError, match="the server failed"):
        channel.pull_conversations(cursor)
    sky.faults.clear()
    sky.inject_fault(LOG, kind="malformed")
    with pytest.raises(MalformedResponse):
        channel.pull_conversations(cursor)


def test_one_unreadable_log_entry_is_skipped_and_the_rest_kept(channel, sky) -> None:
    cursor = channel.pull_conversations(None).cursor
    chat, world = sky.bluesky.chat, sky.bluesky.world
    with world.lock:
        convo = _convo_with(sky, "lucia_a")
        chat.write(convo, world.by_key["lucia_a"].did, "uno")
        chat.log[-1]["message"]["sentAt"] = "year zero"
        chat.write(convo, world.by_key["lucia_a"].did, "dos")
    result = channel.pull_conversations(cursor)
    assert [p.text for p in result.posts] == ["dos"]
    assert len(result.skipped) == 1 and "sentAt" in result.skipped[0].reason


def test_the_sandbox_refuses_what_the_lexicon_refuses(sky) -> None:
    held = StaticSecrets({"app_password": APP_PASSWORD})
    chan = make_channel(sky, held)
    try:
        chan.verify()
        token = chan.http.ensure_session()
    finally:
        chan.close()
    auth = {"Authorization": f"Bearer {token}", **PROXY}
    convo = _convo_with(sky, "lucia_a").id
    with httpx.Client(base_url=sky.url, headers=auth) as client:
        long = client.post("/xrpc/chat.bsky.convo.sendMessage",
                           json={"convoId": convo, "message": {"text": "x" * 1001}})
        missing = client.post("/xrpc/chat.bsky.convo.sendMessage", json={"convoId": convo})
        wrong = client.get("/xrpc/chat.bsky.convo.getMessages", params={"convoId": "nope"})
        handle = client.get("/xrpc/chat.bsky.convo.getConvoForMembers",
                            params={"members": "bea.bsky.example"})
        bad_cursor = client.get("/xrpc/chat.bsky.convo.getLog", params={"cursor": "x"})
    assert long.status_code == 400 and "1000 graphemes" in long.json()["message"]
    assert missing.status_code == 400 and missing.json()["error"] == "InvalidRequest"
    assert wrong.status_code == 400 and wrong.json()["error"] == "InvalidConvo"
    assert handle.status_code == 400  # members are DIDs, not handles
    assert bad_cursor.status_code == 400
