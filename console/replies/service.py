"""Drafts, the channel's reply rules and queueing replies into the outbox.

What the composer, the outbox bar and `posventa reply` call; the engine sends. The
service reaches the engine only through :class:`Sender` (the app layer hands it the
running `console.sync.engine.Engine`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from console.channels.base import ReplyRules
from console.channels.networks import post_reply_rules
from console.errors import InvalidInput
from console.i18n import translate
from console.mentions import queries as mentions
from console.replies import outbox, queries, reply_rules
from console.replies.outbox import ReplyInfo
from console.store.db import Store
from console.store.timeutil import utcnow


class OutboxSettings(Protocol):
    """The workspace setting the service reads (console/app/settings.py `Settings`)."""

    outbox_delay: float  # seconds a reply waits (undo send); read at every send


class Sender(Protocol):
    """What the service needs of the engine that sends the outbox."""

    @property
    def settings(self) -> OutboxSettings: ...

    def reply_rules(self, account_id: int | None, visibility: str) -> ReplyRules:
        """What a reply through this account may be, without touching the network."""
        ...

    def wake_outbox(self) -> None:
        """A reply was queued or changed: send it as soon as it is due."""
        ...


@dataclass(frozen=True)
class Counter:
    """How much of the channel's limit a text uses."""

    used: int
    limit: int
    unit: str

    @property
    def remaining(self) -> int:
        return self.limit - self.used

    @property
    def over(self) -> bool:
        return self.used > self.limit


class ReplyService:
    """Drafts, the channel's reply rules, and queueing replies into the outbox."""

    def __init__(self, store: Store, engine: Sender, agent: str = "") -> None:
        self.store = store
        self.engine = engine
        self.agent = agent

    def draft(self, mention_id: int) -> str:
        return outbox.get_draft(mention_id)

    def save_draft(self, mention_id: int, text: str) -> None:
        outbox.save_draft(self.store, mention_id, text)

    def rules(self, mention_id: int, private: bool = False) -> ReplyRules:
        """The channel's rules for a reply to this mention (its reply window applied).

        ``private``: the agent chose to continue in private (``ReplyRules.private``, e.g. a
        Bluesky message to the author of a public post); a reply that is already direct
        stays as it is."""
        detail = mentions.mention_detail(mention_id)
        if detail is None:
            return ReplyRules("characters", 0, can_reply=False, reason=translate(
                "ReplyRules", "There is no mention {mention}.").format(mention=mention_id))
        rules = self.engine.reply_rules(detail.account_id, detail.visibility)
        rules = post_reply_rules(detail.channel, lambda: self._payload(mention_id), rules)
        if private and rules.visibility != "direct":
            rules = rules.private or ReplyRules(rules.unit, rules.limit, can_reply=False,
                                                reason=translate(
                "ReplyRules", "This person cannot be answered in private from here (they do "
                "not accept direct messages from the brand, or the network has none)."))
        return reply_rules.for_mention(rules, detail.created_at, utcnow())

    def _payload(self, mention_id: int) -> dict[str, Any]:
        """What the network sent for this mention (e.g. a Bluesky post's threadgate)."""
        raw = queries.mention_payload(mention_id)
        try:
            data = json.loads(raw) if raw else {}
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    @staticmethod
    def count(text: str, rules: ReplyRules) -> Counter:
        return Counter(rules.measure(text), rules.limit, rules.unit)

    def refusal(self, mention_id: int, text: str, private: bool = False) -> str:
        """Why this text cannot be sent to this mention now (one sentence), or ""."""
        return reply_rules.refusal(text, self.rules(mention_id, private))

    def send(self, mention_id: int, text: str, delay: float | None = None,
             context_since: datetime | None = None, private: bool = False) -> ReplyInfo:
        """Check the channel's rules, persist the reply, and wake the outbox.

        `context_since`: when the agent opened the conversation; the engine re-reads the
        thread before sending and holds the reply if the brand answered after that.
        `private`: continue in private (the reply leaves as a direct message to the author).
        """
        rules = self.rules(mention_id, private)
        if rules.can_reply and rules.manual:
            raise InvalidInput(rules.reason or translate(
                "ReplyRules", "This channel has no way to post a reply from here: open the "
                "post in the browser and paste the reply there."))
        problem = reply_rules.refusal(text, rules)
        if problem:
            raise InvalidInput(problem)
        wait = self.engine.settings.outbox_delay if delay is None else delay
        reply = outbox.queue_reply(self.store, mention_id, text, rules.visibility,
                                   self.agent, delay=max(0.0, wait),
                                   context_since=context_since)
        self.engine.wake_outbox()
        return reply

    def record_manual(self, mention_id: int, text: str) -> ReplyInfo:
        """The agent posts this reply by hand in the browser: record it as sent."""
        rules = self.rules(mention_id)
        if not rules.manual:
            raise InvalidInput(translate(
                "ReplyRules", "This channel takes replies from the console; use Send."))
        problem = reply_rules.refusal(text, rules)
        if problem:
            raise InvalidInput(problem)
        detail = mentions.mention_detail(mention_id)
        url = detail.url if detail else ""
        reply = outbox.record_manual(self.store, mention_id, text, rules.visibility,
                                     self.agent, url)
        self.engine.wake_outbox()
        return reply

    def replies(self, mention_id: int) -> list[ReplyInfo]:
        return outbox.replies_for(mention_id)

    def counts(self) -> dict[str, int]:
        return outbox.counts()

    def reply(self, reply_id: int) -> ReplyInfo | None:
        return outbox.get_reply(reply_id)

    def outbox(self, states: tuple[str, ...] = (), limit: int = 100) -> list[ReplyInfo]:
        """Outbox entries (not drafts), newest first."""
        return outbox.list_replies(states, limit)

    def retry(self, reply_id: int, text: str | None = None,
              send_anyway: bool = False) -> ReplyInfo:
        """Queue a failed (or held) reply again, optionally with corrected text."""
        current = outbox.get_reply(reply_id)
        if current is None:
            raise InvalidInput(translate("ReplyRules", "There is no reply {reply}.").format(
                reply=reply_id))
        if text is not None:
            problem = reply_rules.refusal(text, self.rules(
                current.mention_id, private=current.visibility == "direct"))
            if problem:
                raise InvalidInput(problem)
        reply = outbox.retry_failed(self.store, reply_id, text, send_anyway)
        self.engine.wake_outbox()
        return reply

    def discard(self, reply_id: int) -> bool:
        """Drop a failed or held reply (the agent decided not to send it)."""
        done = outbox.discard_failed(self.store, reply_id)
        self.engine.wake_outbox()
        return done

    def cancel(self, reply_id: int) -> bool:
        """Undo send: pull a queued reply back to the mention's draft before it leaves."""
        done = outbox.cancel_queued(self.store, reply_id)
        self.engine.wake_outbox()
        return done
