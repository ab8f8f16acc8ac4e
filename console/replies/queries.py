"""Every statement the replies feature runs: the outbox rows and what a reply needs of its
mention.

The models' bound database is used; callers that change rows hold the store's write
transaction (``Store.write()``), which :mod:`console.replies.outbox` opens. Datetimes go
in aware and are stored as naive UTC. The state machine itself is in
:mod:`console.replies.outbox`; nothing here decides.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from peewee import fn

from console.store import changes
from console.store.models import Mention, Reply
from console.store.timeutil import from_db, to_db


@dataclass(frozen=True)
class ReplyInfo:
    """One outbox entry (or draft) as the composer, the CLI and the sender see it."""

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


@dataclass(frozen=True)
class ReplyTarget:
    """The mention a reply answers, and the account it came through (None: no account)."""

    mention_id: int
    account_id: int | None


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


def _stored(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: to_db(v) if isinstance(v, datetime) else v for k, v in fields.items()}


# --- the mention a reply answers ------------------------------------------------------------

def reply_target(mention_id: int) -> ReplyTarget | None:
    mention = Mention.get_or_none(Mention.id == mention_id)
    return ReplyTarget(mention_id, mention.account_id) if mention is not None else None


def mark_mention_replied(mention_id: int) -> None:
    Mention.update(status="replied").where(Mention.id == mention_id).execute()
    changes.record(Mention._meta.database, changes.MENTION, (mention_id,))


def mention_payload(mention_id: int) -> str | None:
    """The raw JSON the network sent for a mention, as stored."""
    return cast(str | None,
                Mention.select(Mention.payload).where(Mention.id == mention_id).scalar())


# --- writing replies ------------------------------------------------------------------------

def insert_draft(mention_id: int, text: str, idempotency_key: str, at: datetime) -> None:
    """A new draft for a mention (peewee's DoesNotExist if the mention is gone)."""
    now = to_db(at)
    mention = Mention.get_by_id(mention_id)
    Reply.create(mention=mention_id, account=mention.account_id, text=text,
                 idempotency_key=idempotency_key, state="draft",
                 created_at=now, updated_at=now)


def save_over_draft(mention_id: int, idempotency_key: str, at: datetime,
                    **fields: Any) -> ReplyInfo:
    """Write these fields over the mention's draft; with no draft, into a new reply with this
    idempotency key, created `at`."""
    row = Reply.get_or_none((Reply.mention == mention_id) & (Reply.state == "draft"))
    if row is None:
        row = Reply(mention=mention_id, idempotency_key=idempotency_key,
                    created_at=to_db(at))
    for name, value in _stored(fields).items():
        setattr(row, name, value)
    row.save()
    if row.state != "draft":  # a draft is the agent's own; queued and after, the team's
        changes.record(Reply._meta.database, changes.REPLY, (row.id,))
    return _info(row)


def update_reply(reply_id: int, **fields: Any) -> ReplyInfo:
    """Write these fields of a reply (peewee's DoesNotExist if it is gone); returns it."""
    row = Reply.get_by_id(reply_id)
    for name, value in _stored(fields).items():
        setattr(row, name, value)
    row.save()
    changes.record(Reply._meta.database, changes.REPLY, (reply_id,))
    return _info(row)


def set_reply_fields(reply_id: int, **fields: Any) -> None:
    """One UPDATE of these fields, whatever state the reply is in."""
    Reply.update(**_stored(fields)).where(Reply.id == reply_id).execute()
    changes.record(Reply._meta.database, changes.REPLY, (reply_id,))


def claim_for_sending(reply_id: int, expected_state: str | None,
                      expected_attempts: int | None, at: datetime) -> bool:
    """Move a reply to "sending" (one more attempt) if it is still as the caller read it."""
    claim = Reply.id == reply_id
    if expected_state is not None:
        claim &= Reply.state == expected_state
    if expected_attempts is not None:
        claim &= Reply.attempts == expected_attempts
    claimed = Reply.update(state="sending", attempts=Reply.attempts + 1,
                           updated_at=to_db(at)).where(claim).execute() > 0
    changes.record(Reply._meta.database, changes.REPLY, (reply_id,) if claimed else ())
    return bool(claimed)


def delete_reply(reply_id: int) -> None:
    Reply.delete().where(Reply.id == reply_id).execute()
    changes.record(Reply._meta.database, changes.REPLY, (reply_id,))


def delete_failed(reply_id: int) -> bool:
    deleted = Reply.delete().where((Reply.id == reply_id)
                                   & (Reply.state == "failed")).execute() > 0
    changes.record(Reply._meta.database, changes.REPLY, (reply_id,) if deleted else ())
    return bool(deleted)


# --- reading replies ------------------------------------------------------------------------

def draft_of(mention_id: int) -> ReplyInfo | None:
    row = Reply.get_or_none((Reply.mention == mention_id) & (Reply.state == "draft"))
    return _info(row) if row else None


def queued_reply(reply_id: int) -> ReplyInfo | None:
    row = Reply.get_or_none((Reply.id == reply_id) & (Reply.state == "queued"))
    return _info(row) if row else None


def get_reply(reply_id: int) -> ReplyInfo | None:
    row = Reply.get_or_none(Reply.id == reply_id)
    return _info(row) if row else None


def due_replies(now: datetime) -> list[ReplyInfo]:
    """Queued replies whose time has come, and those left in "sending" (outcome unknown)
    unless a failed look on the network put their next try later."""
    moment = to_db(now)
    rows = (Reply.select()
            .where(((Reply.state == "queued") & (Reply.next_attempt_at <= moment))
                   | ((Reply.state == "sending") & (Reply.next_attempt_at.is_null()
                                                    | (Reply.next_attempt_at <= moment))))
            .order_by(Reply.id))
    return [_info(r) for r in rows]


def next_due_at() -> datetime | None:
    row = (Reply.select(Reply.next_attempt_at)
           .where(Reply.state.in_(("queued", "sending")) & Reply.next_attempt_at.is_null(False))
           .order_by(Reply.next_attempt_at).first())
    return from_db(row.next_attempt_at) if row else None


def mark_pending_unknown(error: str, at: datetime) -> int:
    """Every reply not yet sent for sure ("queued" or "sending") becomes "sending" (outcome
    unknown: the network is asked before it is sent again); how many."""
    return int(Reply.update(state="sending", error=error, updated_at=to_db(at))
               .where(Reply.state.in_(("queued", "sending"))).execute())


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


def sent_in_same_session(reply_id: int, mention_id: int, agent: str,
                         context_since: datetime) -> set[str]:
    """Remote ids of the other replies this agent sent to this mention from the same
    composer session (the same moment of opening it)."""
    return {str(r.remote_id) for r in Reply.select(Reply.remote_id).where(
        (Reply.mention == mention_id) & (Reply.id != reply_id)
        & (Reply.agent == agent) & (Reply.context_since == to_db(context_since))
        & Reply.remote_id.is_null(False))}
