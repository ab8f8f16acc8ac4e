"""A reply whose send timed out mid-request may be on the network: it stays "sending" and is
looked for before any new attempt, so it is never posted twice, even after the network
forgot its idempotency key."""

from __future__ import annotations

from datetime import timedelta

from console.channels.base import NetworkError
from console.channels.networks import open_channel
from console.feed.queries import FeedFilter
from console.replies import outbox
from console.store.timeutil import utcnow
from console.sync.engine import Engine
from console.sync.outbox import UNCHECKABLE


class TimesOutAfterPosting:
    """The real channel, but the first reply's answer is lost (a read timeout)."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.kind = inner.kind
        self.sent = 0

    def send_reply(self, **kw):
        result = self.inner.send_reply(**kw)
        self.sent += 1
        if self.sent == 1:
            raise NetworkError("the network timed out")
        return result

    def brand_replies_since(self, post_remote_id, since):
        return self.inner.brand_replies_since(post_remote_id, since)

    def close(self) -> None:
        self.inner.close()


class CannotReadThreads(TimesOutAfterPosting):
    brand_replies_since = None  # type: ignore[assignment]


def _engine(rt, wrapper):
    made = []

    def factory(account, secrets):
        made.append(wrapper(open_channel(account.for_channel(), secrets)))
        return made[-1]
    engine = Engine(rt.workspace.store, rt.workspace.secrets, rt.triager,
                    rt.workspace.settings, channel_factory=factory)
    return engine, made


def test_a_timeout_mid_post_is_looked_for_not_sent_again(connected):
    rt = connected
    sandbox = rt.extras["sandbox"]
    rt.engine.sync_once()
    mention = rt.feed.page(FeedFilter(search="48213"))[0].id
    reply = rt.replies.send(mention, "Lo siento, lo miramos ya.", delay=0)
    engine, made = _engine(rt, TimesOutAfterPosting)
    try:
        engine.flush_outbox()
        after = outbox.get_reply(reply.id)
        assert after.state == "sending" and "timed out" in after.error
        assert len(sandbox.received()["statuses"]) == 1
        sandbox.forget_idempotency_keys()
        engine.flush_outbox(now=utcnow() + timedelta(hours=2))
        got = sandbox.received()
        assert len(got["statuses"]) == 1 and got["keys"][reply.idempotency_key] == 1
        final = outbox.get_reply(reply.id)
        assert final.state == "sent" and final.remote_id == str(got["statuses"][0]["id"])
        assert made[0].sent == 1
    finally:
        engine.stop()


def test_a_network_that_cannot_be_checked_holds_the_reply_for_the_agent(connected):
    rt = connected
    sandbox = rt.extras["sandbox"]
    rt.engine.sync_once()
    mention = rt.feed.page(FeedFilter(search="48213"))[0].id
    reply = rt.replies.send(mention, "Lo siento, lo miramos ya.", delay=0)
    engine, _ = _engine(rt, CannotReadThreads)
    try:
        engine.flush_outbox()
        engine.flush_outbox(now=utcnow() + timedelta(hours=2))
        held = outbox.get_reply(reply.id)
        assert held.held and held.warning == UNCHECKABLE
        assert len(sandbox.received()["statuses"]) == 1
    finally:
        engine.stop()
