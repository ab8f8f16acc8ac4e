"""The outbox: replies persisted before they are sent, with a state machine.

draft -> queued -> sending -> sent
   ^        |   \\         \\-> queued (retry later) | failed (shown with why)
   \\-- undo -/    \\-> failed with a warning (held: the brand already replied since the
                       agent opened the conversation; send anyway or discard)
A reply in "sending" has an unknown outcome: found so after a crash, or left so by a
timeout mid-request (``mark_unknown``). Before it is sent again with the same idempotency
key, the sender looks for it on the network unless the channel's key lasts forever
(:mod:`console.sync.outbox`), so it is never posted twice. A reply the
network cannot take (a blog without a comment API) is posted by the agent in the browser
and recorded here as sent with no remote id.

Every change runs in one write transaction of the store; the statements are in
:mod:`console.replies.queries`. A sent reply is the first response of its case, told to
:func:`console.cases.cases.reply_sent` in the same transaction.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from console.cases.cases import reply_sent
from console.replies import queries
from console.replies.queries import (
    ReplyInfo,
    counts,
    get_reply,
    list_replies,
    next_due_at,
    replied_by,
    replies_for,
)
from console.store.db import Store
from console.store.timeutil import utcnow

__all__ = [
    "OutboxError",
    "ReplyInfo",
    "cancel_queued",
    "counts",
    "discard_failed",
    "due_replies",
    "get_draft",
    "get_reply",
    "list_replies",
    "mark_failed",
    "mark_held",
    "mark_pending_unknown",
    "mark_retry",
    "mark_sending",
    "mark_sent",
    "mark_unknown",
    "next_due_at",
    "queue_reply",
    "record_manual",
    "replied_by",
    "replies_for",
    "retry_failed",
    "save_draft",
]


class OutboxError(ValueError):
    """A reply cannot move that way (e.g. editing one already sent)."""


def get_draft(mention_id: int) -> str:
    draft = queries.draft_of(mention_id)
    return draft.text if draft else ""


def save_draft(store: Store, mention_id: int, text: str) -> None:
    """Keep what the agent typed for this mention (an empty text drops the draft)."""
    now = utcnow()
    with store.write():
        draft = queries.draft_of(mention_id)
        if not text.strip():
            if draft:
                queries.delete_reply(draft.id)
            return
        if draft is None:
            queries.insert_draft(mention_id, text, str(uuid.uuid4()), now)
        else:
            queries.update_reply(draft.id, text=text, updated_at=now)


def queue_reply(store: Store, mention_id: int, text: str, visibility: str,
                agent: str = "", delay: float = 0.0,
                context_since: datetime | None = None) -> ReplyInfo:
    """Persist a reply for sending (the draft, if any, becomes it).

    `context_since` is when the agent opened the conversation: just before sending, the
    engine re-reads the thread and holds the reply if the brand replied after it.
    """
    if not text.strip():
        raise OutboxError("the reply is empty")
    now = utcnow()
    with store.write():
        target = queries.reply_target(mention_id)
        if target is None:
            raise OutboxError(f"there is no mention {mention_id}")
        return queries.save_over_draft(
            mention_id, str(uuid.uuid4()), now, account_id=target.account_id, text=text,
            visibility=visibility, agent=agent, state="queued",
            next_attempt_at=now + timedelta(seconds=delay), context_since=context_since,
            warning="", error="", updated_at=now)


def due_replies(now: datetime | None = None) -> list[ReplyInfo]:
    """Replies to send now: queued ones whose time has come, and any left in "sending"."""
    return queries.due_replies(now or utcnow())


def mark_sending(store: Store, reply_id: int, expected_state: str | None = None,
                 expected_attempts: int | None = None) -> bool:
    """Claim a reply for sending, atomically: False when it is no longer in the state (and
    attempt count) the caller read, because another console claimed it or the agent pulled
    it back; it must then not be sent."""
    with store.write():
        return queries.claim_for_sending(reply_id, expected_state, expected_attempts,
                                         utcnow())


def mark_sent(store: Store, reply_id: int, remote_id: str, url: str,
              sent_at: datetime) -> None:
    """Record the network's id and mark the mention replied, in one transaction."""
    with store.write():
        reply = queries.update_reply(reply_id, state="sent", remote_id=remote_id, url=url,
                                     error="", sent_at=sent_at, updated_at=utcnow())
        queries.mark_mention_replied(reply.mention_id)
        _first_response(store, reply)


def _first_response(store: Store, reply: ReplyInfo) -> None:
    """Tell the reply's case (if any) that the brand answered, in the same transaction."""
    if reply.sent_at is not None:
        reply_sent(store.db, reply.mention_id, reply.id, reply.agent, reply.sent_at)


def mark_retry(store: Store, reply_id: int, error: str, delay: float) -> None:
    with store.write():
        queries.set_reply_fields(reply_id, state="queued", error=error,
                                 next_attempt_at=utcnow() + timedelta(seconds=delay),
                                 updated_at=utcnow())


def mark_unknown(store: Store, reply_id: int, error: str, delay: float) -> None:
    """The network may or may not have the reply (a timeout mid-request, or the look for it
    failed): it stays "sending", looked for again in `delay` seconds, never sent blindly."""
    with store.write():
        queries.set_reply_fields(reply_id, state="sending", error=error,
                                 next_attempt_at=utcnow() + timedelta(seconds=delay),
                                 updated_at=utcnow())


def mark_pending_unknown(store: Store, why: str) -> int:
    """After the database lost its latest changes, a reply may be sent though it reads
    "queued": every unsent reply is looked for on the network before it leaves."""
    with store.write():
        return queries.mark_pending_unknown(why, utcnow())


def mark_failed(store: Store, reply_id: int, error: str) -> None:
    with store.write():
        queries.set_reply_fields(reply_id, state="failed", error=error, updated_at=utcnow())


def mark_held(store: Store, reply_id: int, warning: str) -> None:
    """Stop a reply before it leaves: the brand already answered (see :func:`retry_failed`)."""
    with store.write():
        queries.set_reply_fields(reply_id, state="failed", error=warning, warning=warning,
                                 updated_at=utcnow())


def retry_failed(store: Store, reply_id: int, text: str | None = None,
                 send_anyway: bool = False) -> ReplyInfo:
    """Put a failed reply back in the queue, optionally with corrected text.

    A held reply is checked again before it leaves unless `send_anyway` (the agent saw the
    warning and decided); its warning is then kept as the record of that decision.
    """
    with store.write():
        current = queries.get_reply(reply_id)
        if current is None:
            raise OutboxError(f"there is no reply {reply_id}")
        if current.state != "failed":
            raise OutboxError(f"reply {reply_id} is {current.state}, not failed")
        changes: dict[str, object] = {}
        if text is not None:
            if not text.strip():
                raise OutboxError("the reply is empty")
            changes["text"] = text
        if send_anyway:
            changes["context_since"] = None
        elif current.warning:
            changes["context_since"] = utcnow()  # the agent has now seen the warning
            changes["warning"] = ""
        return queries.update_reply(reply_id, **changes, state="queued", error="",
                                    next_attempt_at=utcnow(), updated_at=utcnow())


def discard_failed(store: Store, reply_id: int) -> bool:
    """Drop a failed or held reply the agent decided not to send."""
    with store.write():
        return queries.delete_failed(reply_id)


def cancel_queued(store: Store, reply_id: int) -> bool:
    """Pull a queued reply back to a draft before it leaves (undo send).

    If the agent already started another draft for the mention, the pulled-back text goes
    first and the newer draft follows it, so nothing typed is lost.
    """
    with store.write():
        queued = queries.queued_reply(reply_id)
        if queued is None:
            return False
        text = queued.text
        other = queries.draft_of(queued.mention_id)
        if other is not None:
            if other.text.strip():
                text = f"{text.rstrip()}\n\n{other.text.strip()}"
            queries.delete_reply(other.id)
        queries.update_reply(reply_id, text=text, state="draft", updated_at=utcnow())
        return True


def record_manual(store: Store, mention_id: int, text: str, visibility: str, agent: str,
                  url: str) -> ReplyInfo:
    """Record a reply the agent posts by hand in the browser (no API): sent, no remote id."""
    if not text.strip():
        raise OutboxError("the reply is empty")
    now = utcnow()
    with store.write():
        target = queries.reply_target(mention_id)
        if target is None:
            raise OutboxError(f"there is no mention {mention_id}")
        reply = queries.save_over_draft(
            mention_id, str(uuid.uuid4()), now, account_id=target.account_id, text=text,
            visibility=visibility, agent=agent, state="sent", url=url, remote_id=None,
            sent_at=now, updated_at=now, warning="posted by hand in the browser")
        queries.mark_mention_replied(mention_id)
        _first_response(store, reply)
    return reply
