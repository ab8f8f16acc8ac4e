"""The pre-send re-read: two consoles on one workspace never answer a customer twice."""

from __future__ import annotations

import re
import time
from datetime import timedelta

import pytest

from console.feed.queries import FeedFilter
from console.replies.service import ReplyService
from console.store.timeutil import utcnow
from console.sync import outbox as sync_outbox
from console.sync.engine import Engine


class PlainChannel:
    """A channel without the optional re-read (like a network that cannot list a thread)."""

    kind = "mastodon"

    def __init__(self, inner) -> None:
        self.inner = inner

    def send_reply(self, **kw):
        return self.inner.send_reply(**kw)

    def close(self) -> None:
        self.inner.close()


@pytest.fixture
def two_consoles(connected):
    """Console A (agent ana) is the runtime; console B (bruno) shares its workspace."""
    rt = connected
    rt.replies.agent = "ana"
    engine_b = Engine(rt.workspace.store, rt.workspace.secrets, rt.triager,
                      rt.workspace.settings)
    console_b = ReplyService(rt.workspace.store, engine_b, "bruno")
    rt.engine.sync_once()
    mention = rt.feed.page(FeedFilter(search="48213"))[0].id
    yield rt, console_b, mention
    engine_b.stop()


def test_the_second_console_is_warned_and_holds_its_reply(two_consoles):
    rt, console_b, mention = two_consoles
    sandbox = rt.extras["sandbox"]
    opened_a, opened_b = utcnow(), utcnow()  # both agents open the conversation
    rt.replies.send(mention, "Hola Lucía, soy Ana: lo miramos.", delay=0,
                    context_since=opened_a)
    rt.engine.flush_outbox()
    held = console_b.send(mention, "Hola Lucía, soy Bruno: lo miramos.", delay=0,
                          context_since=opened_b)
    console_b.engine.flush_outbox()
    after = console_b.reply(held.id)
    assert after.state == "failed" and after.held
    assert re.fullmatch(r"The brand already replied at \d\d:\d\d \(by ana\) since you "
                        r"opened this conversation\.", after.warning)
    assert after.error == after.warning
    assert [s["text"] for s in sandbox.received()["statuses"]] == [
        "Hola Lucía, soy Ana: lo miramos."]
    # Bruno decides to send anyway: it leaves, and the warning stays as the record.
    console_b.retry(held.id, send_anyway=True)
    console_b.engine.flush_outbox()
    sent = console_b.reply(held.id)
    assert sent.state == "sent" and sent.warning
    assert len(sandbox.received()["statuses"]) == 2


def test_a_held_reply_can_be_discarded(two_consoles):
    rt, console_b, mention = two_consoles
    opened = utcnow()
    rt.replies.send(mention, "Respuesta de Ana", delay=0, context_since=opened)
    rt.engine.flush_outbox()
    # Even opened at the very same instant, another agent's reply is a collision.
    held = console_b.send(mention, "Respuesta de Bruno", delay=0, context_since=opened)
    console_b.engine.flush_outbox()
    assert console_b.reply(held.id).held
    assert console_b.discard(held.id)
    assert [r.text for r in rt.replies.replies(mention)] == ["Respuesta de Ana"]
    assert len(rt.extras["sandbox"].received()["statuses"]) == 1


def test_no_warning_when_the_brand_replied_before_the_agent_opened_it(two_consoles,
                                                                      monkeypatch):
    rt, console_b, mention = two_consoles
    monkeypatch.setattr(sync_outbox, "CLOCK_SLACK", timedelta(0))
    rt.replies.send(mention, "Respuesta de Ana", delay=0, context_since=utcnow())
    rt.engine.flush_outbox()
    time.sleep(0.01)  # Bruno opens the thread after Ana's reply went out
    reply = console_b.send(mention, "Y un detalle más", delay=0, context_since=utcnow())
    console_b.engine.flush_outbox()
    assert console_b.reply(reply.id).state == "sent"


def test_the_agents_own_earlier_reply_in_the_same_session_is_no_collision(two_consoles):
    rt, _, mention = two_consoles
    opened = utcnow()
    first = rt.replies.send(mention, "Primera parte", delay=0, context_since=opened)
    rt.engine.flush_outbox()
    second = rt.replies.send(mention, "Segunda parte", delay=0, context_since=opened)
    rt.engine.flush_outbox()
    assert rt.replies.reply(first.id).state == "sent"
    assert rt.replies.reply(second.id).state == "sent"


def test_a_reply_posted_outside_posventa_is_named_by_its_app(two_consoles):
    rt, _, mention = two_consoles
    opened = utcnow()
    # Someone answers from the web interface with the brand account.
    channel = rt.engine.channel_for(rt.extras["account_id"])
    remote = rt.profile.mention(mention).remote_id
    channel.send_reply(text="Contestado desde la web", in_reply_to=remote,
                       visibility="public", idempotency_key="web-1")
    reply = rt.replies.send(mention, "Respuesta tardía", delay=0, context_since=opened)
    rt.engine.flush_outbox()
    held = rt.replies.reply(reply.id)
    assert held.held and "(outside Posventa, via Web)" in held.warning


def test_editing_a_held_reply_and_retrying_checks_again_from_now(two_consoles, monkeypatch):
    rt, console_b, mention = two_consoles
    monkeypatch.setattr(sync_outbox, "CLOCK_SLACK", timedelta(0))
    bruno_opened = utcnow()
    rt.replies.send(mention, "Respuesta de Ana", delay=0, context_since=utcnow())
    rt.engine.flush_outbox()
    held = console_b.send(mention, "Respuesta de Bruno", delay=0, context_since=bruno_opened)
    console_b.engine.flush_outbox()
    assert console_b.reply(held.id).held
    time.sleep(0.01)  # the agent reads the warning and Ana's reply, then edits
    console_b.retry(held.id, "Complemento de Bruno a lo que dijo Ana")
    console_b.engine.flush_outbox()
    done = console_b.reply(held.id)
    assert done.state == "sent" and done.warning == ""
    assert [s["text"] for s in rt.extras["sandbox"].received()["statuses"]][-1] == (
        "Complemento de Bruno a lo que dijo Ana")


def test_channels_without_the_re_read_skip_the_check(connected):
    rt = connected
    engine = Engine(rt.workspace.store, rt.workspace.secrets, rt.triager,
                    rt.workspace.settings,
                    channel_factory=lambda account, secrets: PlainChannel(
                        rt.engine.channel_for(account.id)))
    plain = ReplyService(rt.workspace.store, engine, "bruno")
    rt.engine.sync_once()
    mention = rt.feed.page(FeedFilter(search="48213"))[0].id
    opened = utcnow()
    rt.replies.send(mention, "Respuesta de Ana", delay=0, context_since=opened)
    rt.engine.flush_outbox()
    reply = plain.send(mention, "Respuesta de Bruno", delay=0, context_since=opened)
    engine.flush_outbox()
    assert plain.reply(reply.id).state == "sent"  # documented: no re-read, no warning
