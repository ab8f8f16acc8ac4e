"""Sending the outbox: each due reply leaves once, with its idempotency key.

The state is committed as "sending" before the request. A reply still in "sending" when
the outbox comes to it (a crash mid-request, a timeout, a lost database change) may or may
not be on the network: unless its channel's idempotency key lasts forever
(``lasting_idempotency``, or ``idempotency_lasts(visibility)``: a Bluesky message has no
key; Mastodon forgets one after an hour), the brand's posts in the thread (or, for a
direct reply where the channel can tell, its messages) are read first. Found, it is
recorded as sent with that post's id; not found, it is sent again with the same key; when
the look itself fails it stays "sending" and is looked for again later: never sent
blindly. A channel that cannot read a thread holds such a reply for the agent (send anyway
or discard).

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
    BrandReply,
    Channel,
    ChannelError,
    MalformedResponse,
    NetworkError,
    NotFound,
    RateLimited,
    ReplyRefused,
    ThreadReader,
    idempotency_lasts,
)
from console.mentions.queries import MentionDetail, mention_detail
from console.replies import outbox
from console.replies import queries as reply_queries
from console.replies.outbox import ReplyInfo
from console.store.db import Store

# Why a reply whose outcome is unknown stays "sending" or is held (stored in English like
# the other outbox sentences; console/sync/outbox_text.py words them for the window).
LOOK_FAILED = "could not check whether the earlier attempt was posted"
UNCHECKABLE = ("The earlier attempt may have been posted and this network cannot be "
               "checked: look at the thread, then send anyway or discard.")
# Seconds before retrying a reply that failed for a passing reason, by attempt number.
BACKOFF = (5.0, 15.0, 60.0, 300.0)
# The network's clock and ours differ a little: a brand post this close before the agent
# opened the conversation still counts as "since" (a false alarm beats a double answer).
CLOCK_SLACK = timedelta(seconds=2)


def retry_delay(attempts: int) -> float:
    return BACKOFF[min(max(attempts - 1, 0), len(BACKOFF) - 1)]


def may_send(store: Store, reply: ReplyInfo, channel_for: Callable[[int], Channel]) -> bool:
    """Whether this console sends the reply. On a team database a console without the
    account's token leaves it queued, untouched, for a console that holds the token (every
    console may queue replies); alone on a workspace, sending reports the missing token."""
    if reply.account_id is None or getattr(store, "backend", "sqlite") == "sqlite":
        return True
    try:
        channel_for(reply.account_id)
    except AuthError:  # no token in this console's keyring
        return False
    except ChannelError:  # another fault: sending reports it on the reply
        return True
    return True


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
    if reply.state == "sending" and not idempotency_lasts(channel, reply.visibility):
        settled = settle_unknown(store, channel, mention, reply)
        if settled is not None:
            return settled
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
        # A timeout or a cut connection (NetworkError), or an answer we could not read
        # (MalformedResponse): the network may have posted it. A server that answered
        # with an error (ServerError) did not.
        unknown = isinstance(exc, NetworkError | MalformedResponse)
        if not unknown or idempotency_lasts(channel, reply.visibility):
            outbox.mark_retry(store, reply.id, str(exc), retry_delay(reply.attempts + 1))
            return "queued"
        outbox.mark_unknown(store, reply.id, str(exc), retry_delay(reply.attempts + 1))
        return "sending"
    outbox.mark_sent(store, reply.id, sent.remote_id, sent.url, sent.created_at)
    return "sent"


def settle_unknown(store: Store, channel: Channel, mention: MentionDetail,
                   reply: ReplyInfo) -> str | None:
    """Look on the network for a reply whose earlier attempt's outcome is unknown: its new
    state when that settles it ("sent": found; "sending": could not look, try later;
    "failed": held for the agent), or None when it is not there and may be sent."""
    if not isinstance(channel, ThreadReader):
        outbox.mark_held(store, reply.id, UNCHECKABLE)
        return "failed"
    try:
        found = earlier_attempt(channel, mention, reply)
    except RateLimited as exc:
        outbox.mark_unknown(store, reply.id, f"{LOOK_FAILED}: {exc}", max(exc.retry_after, 1.0))
        return "sending"
    except NotFound as exc:  # the post answered is gone: nothing to post to any more
        outbox.mark_failed(store, reply.id, str(exc))
        return "failed"
    except ChannelError as exc:
        outbox.mark_unknown(store, reply.id, f"{LOOK_FAILED}: {exc}",
                            retry_delay(max(reply.attempts, 1)))
        return "sending"
    if found is None:
        return None
    outbox.mark_sent(store, reply.id, found.remote_id, found.url, found.created_at)
    return "sent"


def earlier_attempt(channel: ThreadReader, mention: MentionDetail,
                    reply: ReplyInfo) -> BrandReply | None:
    """The brand's post answering the mention that is this reply (same text, posted since it
    was written, not recorded as another reply), or None. A direct reply is looked for among
    the brand's messages where the channel tells them apart (``brand_messages_since``)."""
    look = channel.brand_replies_since
    messages = getattr(channel, "brand_messages_since", None)
    if reply.visibility == "direct" and callable(messages):
        look = messages
    posted = look(mention.remote_id, reply.created_at - CLOCK_SLACK)
    others = {remote for remote, sent in outbox.replied_by([p.remote_id for p in posted]).items()
              if sent.id != reply.id}
    for post in posted:
        if post.remote_id not in others and same_text(reply.text, post.text):
            return post
    return None


def same_text(ours: str, theirs: str) -> bool:
    """Whether a post the network shows is our text: letters and digits compared, since the
    network reformats links and mentions and a direct reply starts with the participants.
    A channel that gives no text cannot tell: a brand post there counts as ours (better
    recorded as sent and checked by the agent than posted twice)."""
    if not theirs:
        return True
    wanted = _letters(ours)
    return bool(wanted) and wanted in _letters(theirs)


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


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
