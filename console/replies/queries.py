"""The outbox: replies persisted before they are sent, with a state machine.

draft -> queued -> sending -> sent
   ^        |   \\         \\-> queued (retry later) | failed (shown with why)
   \\-- undo -/    \\-> failed with a warning (held: the brand already replied since the
                       agent opened the conversation; send anyway or discard)
A reply found in "sending" after a crash is sent again with the same idempotency key,
which the network uses to drop the duplicate, so it is never posted twice. A reply the
network cannot take (a blog without a comment API) is posted by the agent in the browser
and recorded here as sent with no remote id.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import cast

from peewee import fn

from console.store.db import Store
from console.store.models import Mention, Reply
from console.store.timeutil import from_db, to_db, utcnow


@dataclass(frozen=True)
class ReplyInfo:
    id: int
    mention_id: int
    account_id: int | None
    text: str
    visibility: str
    idempotency_key: str
    state: str
    error: str
    attempts: int
    remote_id: str | None
    url: str
    created_at: datetime
    sent_at: datetime | None
    context_since: datetime | None = None  # when the agent opened the conversation
    warning: str = ""  # why it is held (the brand already replied), kept after "send anyway"
    agent: str = ""
    next_attempt_at: datetime | None = None

    @property
    def held(self) -> bool:
        """Failed because of the pre-send re-read, not because the network refused it."""
        return self.state == "failed" and bool(self.warning)


class OutboxError(ValueError):
    """A reply cannot move that way (e.g. editing one already sent)."""


def _info(row: Reply) -> ReplyInfo:
    created = from_db(row.created_at)
    assert created is not None
    return ReplyInfo(
        id=row.id, mention_id=int(row.mention_id or 0), account_id=row.account_id, text=row.text,
        visibility=row.visibility, idempotency_key=row.idempotency_key, state=row.state,
        error=row.error, attempts=row.attempts, remote_id=row.remote_id, url=row.url,
        created_at=created, sent_at=from_db(row.sent_at),
        context_since=from_db(row.context_since), warning=row.warning or "", agent=row.agent,
        next_attempt_at=from_db(row.next_attempt_at),
    )


def get_draft(mention_id: int) -> str:
    row = Reply.get_or_none((Reply.mention == mention_id) & (Reply.state == "draft"))
    return row.text if row else ""


def save_draft(store: Store, mention_id: int, text: str) -> None:
    """Keep what the agent typed for this mention (an empty text drops the draft)."""
    now = to_db(utcnow())
    with store.write():
        row = Reply.get_or_none((Reply.mention == mention_id) & (Reply.state == "draft"))
        if not text.strip():
            if row:
                row.delete_instance()
            return
        if row is None:
            mention = Mention.get_by_id(mention_id)
            Reply.create(mention=mention_id, account=mention.account_id, text=text,
                         idempotency_key=str(uuid.uuid4()), state="draft",
                         created_at=now, updated_at=now)
        else:
            row.text, row.updated_at = text, now
            row.save()


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
        mention = Mention.get_or_none(Mention.id == mention_id)
        if mention is None:
            raise OutboxError(f"there is no mention {mention_id}")
        row = Reply.get_or_none((Reply.mention == mention_id) & (Reply.state == "draft"))
        if row is None:
            row = Reply(mention=mention_id, idempotency_key=str(uuid.uuid4()),
                        created_at=to_db(now))
        row.account_id = mention.account_id
        row.text, row.visibility, row.agent, row.state = text, visibility, agent, "queued"
        row.next_attempt_at = to_db(now + timedelta(seconds=delay))
        row.context_since = to_db(context_since) if context_since else None
        row.warning, row.error = "", ""
        row.updated_at = to_db(now)
        row.save()
    return _info(row)


def due_replies(now: datetime | None = None) -> list[ReplyInfo]:
    """Replies to send now: queued ones whose time has come, and any left in "sending"."""
    moment = to_db(now or utcnow())
    rows = (Reply.select()
            .where(((Reply.state == "queued") & (Reply.next_attempt_at <= moment))
                   | (Reply.state == "sending"))
            .order_by(Reply.id))
    return [_info(r) for r in rows]


def next_due_at() -> datetime | None:
    row = (Reply.select(Reply.next_attempt_at).where(Reply.state == "queued")
           .order_by(Reply.next_attempt_at).first())
    return from_db(row.next_attempt_at) if row else None


def mark_sending(store: Store, reply_id: int, expected_state: str | None = None,
                 expected_attempts: int | None = None) -> bool:
    """Claim a reply for sending, atomically: False when it is no longer in the state (and
    attempt count) the caller read, because another console claimed it or the agent pulled
    it back; it must then not be sent."""
    claim = Reply.id == reply_id
    if expected_state is not None:
        claim &= Reply.state == expected_state
    if expected_attempts is not None:
        claim &= Reply.attempts == expected_attempts
    with store.write():
        return Reply.update(state="sending", attempts=Reply.attempts + 1,
                            updated_at=to_db(utcnow())).where(claim).execute() > 0


def mark_sent(store: Store, reply_id: int, remote_id: str, url: str,
              sent_at: datetime) -> None:
    """Record the network's id and mark the mention replied, in one transaction."""
    with store.write():
        row = Reply.get_by_id(reply_id)
        row.state, row.remote_id, row.url, row.error = "sent", remote_id, url, ""
        row.sent_at, row.updated_at = to_db(sent_at), to_db(utcnow())
        row.save()
        Mention.update(status="replied").where(Mention.id == row.mention_id).execute()
        _first_response(store, row)


def _first_response(store: Store, row: Reply) -> None:
    """Tell the reply's case (if any) that the brand answered, in the same transaction."""
    from console.cases.cases import reply_sent  # cases build on the store, not the reverse

    sent = from_db(row.sent_at)
    if sent is not None:
        reply_sent(store.db, int(row.mention_id or 0), row.id, row.agent, sent)


def mark_retry(store: Store, reply_id: int, error: str, delay: float) -> None:
    with store.write():
        Reply.update(state="queued", error=error,
                     next_attempt_at=to_db(utcnow() + timedelta(seconds=delay)),
                     updated_at=to_db(utcnow())).where(Reply.id == reply_id).execute()


def mark_failed(store: Store, reply_id: int, error: str) -> None:
    with store.write():
        Reply.update(state="failed", error=error,
                     updated_at=to_db(utcnow())).where(Reply.id == reply_id).execute()


def mark_held(store: Store, reply_id: int, warning: str) -> None:
    """Stop a reply before it leaves: the brand already answered (see :func:`retry_failed`)."""
    with store.write():
        Reply.update(state="failed", error=warning, warning=warning,
                     updated_at=to_db(utcnow())).where(Reply.id == reply_id).execute()


def retry_failed(store: Store, reply_id: int, text: str | None = None,
                 send_anyway: bool = False) -> ReplyInfo:
    """Put a failed reply back in the queue, optionally with corrected text.

    A held reply is checked again before it leaves unless `send_anyway` (the agent saw the
    warning and decided); its warning is then kept as the record of that decision.
    """
    with store.write():
        row = Reply.get_or_none(Reply.id == reply_id)
        if row is None:
            raise OutboxError(f"there is no reply {reply_id}")
        if row.state != "failed":
            raise OutboxError(f"reply {reply_id} is {row.state}, not failed")
        if text is not None:
            if not text.strip():
                raise OutboxError("the reply is empty")
            row.text = text
        if send_anyway:
            row.context_since = None
        elif row.warning:
            row.context_since = to_db(utcnow())  # the agent has now seen the warning
            row.warning = ""
        row.state, row.error, row.next_attempt_at = "queued", "", to_db(utcnow())
        row.updated_at = to_db(utcnow())
        row.save()
    return _info(row)


def discard_failed(store: Store, reply_id: int) -> bool:
    """Drop a failed or held reply the agent decided not to send."""
    with store.write():
        return Reply.delete().where((Reply.id == reply_id)
                                    & (Reply.state == "failed")).execute() > 0


def cancel_queued(store: Store, reply_id: int) -> bool:
    """Pull a queued reply back to a draft before it leaves (undo send).

    If the agent already started another draft for the mention, the pulled-back text goes
    first and the newer draft follows it, so nothing typed is lost.
    """
    with store.write():
        row = Reply.get_or_none((Reply.id == reply_id) & (Reply.state == "queued"))
        if row is None:
            return False
        other = Reply.get_or_none((Reply.mention == row.mention_id) & (Reply.state == "draft"))
        if other is not None:
            if other.text.strip():
                row.text = f"{row.text.rstrip()}\n\n{other.text.strip()}"
            other.delete_instance()
        row.state, row.updated_at = "draft", to_db(utcnow())
        row.save()
        return True


def record_manual(store: Store, mention_id: int, text: str, visibility: str, agent: str,
                  url: str) -> ReplyInfo:
    """Record a reply the agent posts by hand in the browser (no API): sent, no remote id."""
    if not text.strip():
        raise OutboxError("the reply is empty")
    now = utcnow()
    with store.write():
        mention = Mention.get_or_none(Mention.id == mention_id)
        if mention is None:
            raise OutboxError(f"there is no mention {mention_id}")
        row = Reply.get_or_none((Reply.mention == mention_id) & (Reply.state == "draft"))
        if row is None:
            row = Reply(mention=mention_id, idempotency_key=str(uuid.uuid4()),
                        created_at=to_db(now))
        row.account_id = mention.account_id
        row.text, row.visibility, row.agent, row.state = text, visibility, agent, "sent"
        row.url, row.remote_id, row.sent_at, row.updated_at = url, None, to_db(now), to_db(now)
        row.warning = "posted by hand in the browser"
        row.save()
        Mention.update(status="replied").where(Mention.id == mention_id).execute()
        _first_response(store, row)
    return _info(row)


def get_reply(reply_id: int) -> ReplyInfo | None:
    row = Reply.get_or_none(Reply.id == reply_id)
    return _info(row) if row else None


def list_replies(states: Iterable[str] = (), limit: int = 100) -> list[ReplyInfo]:
    """Outbox entries (never drafts), newest first."""
    query = Reply.select().where(Reply.state != "draft")
    wanted = [s for s in states if s]
    if wanted:
        query = query.where(Reply.state.in_(wanted))
    return [_info(r) for r in query.order_by(Reply.id.desc()).limit(limit)]


def replied_by(remote_ids: Iterable[str]) -> dict[str, ReplyInfo]:
    """Which of these network posts were sent from this workspace's outbox."""
    ids = [r for r in remote_ids if r]
    if not ids:
        return {}
    return {str(r.remote_id): _info(r) for r in Reply.select().where(Reply.remote_id.in_(ids))}


def replies_for(mention_id: int) -> list[ReplyInfo]:
    rows = (Reply.select().where((Reply.mention == mention_id) & (Reply.state != "draft"))
            .order_by(Reply.id))
    return [_info(r) for r in rows]


def counts() -> dict[str, int]:
    """How many replies are in each state (drafts excluded)."""
    result = {"queued": 0, "sending": 0, "sent": 0, "failed": 0}
    query = (Reply.select(Reply.state, fn.COUNT(Reply.id))
             .where(Reply.state != "draft").group_by(Reply.state).tuples())
    for state, n in cast(Iterable[tuple[str, int]], query):
        result[state] = n
    return result
