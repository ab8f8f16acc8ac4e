"""Sending the outbox: each due reply leaves once, with its idempotency key.

The state is committed as "sending" before the request; after a crash, a reply still in
"sending" is sent again with the same key and the network drops the duplicate.
"""

from __future__ import annotations

from collections.abc import Callable

from console.channels.base import (
    AuthError,
    Channel,
    ChannelError,
    NotFound,
    RateLimited,
    ReplyRefused,
)
from console.store import outbox
from console.store.db import Store
from console.store.mentions import mention_detail
from console.store.outbox import ReplyInfo

# Seconds before retrying a reply that failed for a passing reason, by attempt number.
BACKOFF = (5.0, 15.0, 60.0, 300.0)


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
    outbox.mark_sending(store, reply.id)
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
