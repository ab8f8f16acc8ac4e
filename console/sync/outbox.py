"""Sending the outbox: each due reply leaves once, with its idempotency key.

The state is committed as "sending" before the request; after a crash, a reply still in
"sending" is sent again with the same key and the network drops the duplicate.

Before a reply's first attempt, channels that can (:class:`ThreadReader`) re-read the
thread: if the brand account posted in it after the agent opened the conversation
(``context_since``), the reply is held (failed, with a warning) instead of sent. Channels
without the method, replies queued without ``context_since`` and later attempts (which may
already have reached the network, so our own post would look like a collision) skip it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from console.channels.base import (
    AuthError,
    Channel,
    ChannelError,
    NotFound,
    RateLimited,
    ReplyRefused,
    ThreadReader,
)
from console.mentions.queries import MentionDetail, mention_detail
from console.replies import outbox
from console.replies import queries as reply_queries
from console.replies.outbox import ReplyInfo
from console.store.db import Store

# Seconds before retrying a reply that failed for a passing reason, by attempt number.
BACKOFF = (5.0, 15.0, 60.0, 300.0)
# The network's clock and ours differ a little: a brand post this close before the agent
# opened the conversation still counts as "since" (a false alarm beats a double answer).
CLOCK_SLACK = timedelta(seconds=2)


def retry_delay(attempts: int) -> float:
    return BACKOFF[min(max(attempts - 1, 0), len(BACKOFF) - 1)]


def send_one(store: Store, reply: ReplyInfo, channel_for: Callable[[int], Channel]) -> str:
    """Send one reply; returns its new state. Never raises for network trouble."""
    mention = mention_detail(reply.mention_id)
    if mention is None or reply.account_id is None:
        outbox.mark_failed(store, reply.id, "the mention or its account no longer exists")
        return "failed"
    try:
        channel = channel_for(reply.account_id)
    except ChannelError as exc:
        outbox.mark_failed(store, reply.id, str(exc))
        return "failed"
    if reply.attempts == 0 and reply.context_since is not None and isinstance(
            channel, ThreadReader):
        try:
            warning = collision_warning(channel, mention, reply)
        except RateLimited as exc:
            outbox.mark_retry(store, reply.id, str(exc), max(exc.retry_after, 1.0))
            return "queued"
        except ChannelError as exc:
            if exc.retryable:
                outbox.mark_retry(store, reply.id, f"could not re-read the thread: {exc}",
                                  retry_delay(1))
                return "queued"
            outbox.mark_failed(store, reply.id, str(exc))
            return "failed"
        if warning:
            outbox.mark_held(store, reply.id, warning)
            return "failed"
    if not outbox.mark_sending(store, reply.id, reply.state, reply.attempts):
        now = outbox.get_reply(reply.id)  # claimed elsewhere, or pulled back: not ours
        return now.state if now else "draft"
    try:
        sent = channel.send_reply(text=reply.text, in_reply_to=mention.remote_id,
                                  visibility=reply.visibility,
                                  idempotency_key=reply.idempotency_key)
    except (ReplyRefused, AuthError, NotFound) as exc:
        outbox.mark_failed(store, reply.id, str(exc))
        return "failed"
    except RateLimited as exc:
        outbox.mark_retry(store, reply.id, str(exc), max(exc.retry_after, 1.0))
        return "queued"
    except ChannelError as exc:
        outbox.mark_retry(store, reply.id, str(exc), retry_delay(reply.attempts + 1))
        return "queued"
    outbox.mark_sent(store, reply.id, sent.remote_id, sent.url, sent.created_at)
    return "sent"


def collision_warning(channel: ThreadReader, mention: MentionDetail, reply: ReplyInfo) -> str:
    """A sentence if the brand posted in the thread since the agent opened it, else ""."""
    assert reply.context_since is not None
    since = reply.context_since - CLOCK_SLACK
    root = mention.thread_root or mention.remote_id
    try:
        found = channel.brand_replies_since(root, since)
    except NotFound:
        if root == mention.remote_id:
            raise
        found = channel.brand_replies_since(mention.remote_id, since)
    # Replies sent from this same composer session (same agent, same mention, same moment
    # of opening it) are the agent's own: they saw them leave.
    own = reply_queries.sent_in_same_session(reply.id, reply.mention_id, reply.agent,
                                             reply.context_since)
    others = [r for r in found if r.remote_id not in own]
    if not others:
        return ""
    latest = others[-1]
    sender = outbox.replied_by([latest.remote_id]).get(latest.remote_id)
    if sender is not None:
        who = f"by {sender.agent}" if sender.agent else "from another Posventa console"
    elif latest.via:
        who = f"outside Posventa, via {latest.via}"
    else:
        who = "outside Posventa"
    when = latest.created_at.astimezone().strftime("%H:%M")
    return (f"The brand already replied at {when} ({who}) since you opened this "
            "conversation.")
