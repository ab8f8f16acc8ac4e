"""The first ingest step: the team's rules, in order, on every newly stored mention.

Each rule that fires is recorded on the mention (``fired_rules``); its actions tag the
mention, set its priority, hide it as spam, mark it not relevant (relevance 0, hidden
like spam) or close it. "Assign" is a decision for the cases step after this one: it is
left on the item (``assignee``, ``open_case``), never carried out here.

The items are console.mentions.ingested.Ingested records; this step names only what it
reads and writes of them (:class:`RuledMention`), since mentions imports triage and
triage never imports mentions back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from peewee import Database

from console.channels.base import RemotePost
from console.triage import queries, stored_rules
from console.triage.labels import TriageResult
from console.triage.rules import PostFacts, apply_rules


class RuledMention(Protocol):
    """What the rules step reads and writes of a mention just stored."""

    @property
    def mention_id(self) -> int: ...
    @property
    def author_id(self) -> int: ...
    @property
    def post(self) -> RemotePost: ...

    labels: TriageResult
    tags: list[str]
    fired_rules: list[str]
    assignee: str | None
    open_case: bool
    closed: bool


def _vip_authors(db: Database, author_ids: list[int]) -> set[int]:
    if not author_ids:
        return set()
    return queries.vip_author_ids(db, author_ids)


def run(db: Database, items: Sequence[RuledMention]) -> None:
    """Apply the enabled rules to each new mention and record what they decided."""
    rules = stored_rules.active_rules(db)
    if not rules:
        return
    vips = _vip_authors(db, sorted({i.author_id for i in items}))
    for item in items:
        post, labels = item.post, item.labels
        facts = PostFacts(text=post.text, lang=labels.lang, channel=post.channel,
                          source=post.source, followers=post.author.followers,
                          author=post.author.handle, complaint=labels.complaint,
                          sentiment=labels.sentiment, vip=item.author_id in vips)
        outcome = apply_rules(rules, facts)
        if not outcome.fired:
            continue
        written = stored_rules.record_outcome(
            db, item.mention_id, outcome, priority=labels.priority,
            reasons=labels.priority_reasons)
        item.fired_rules.extend(outcome.fired)
        item.tags.extend(t for t in outcome.tags if t not in item.tags)
        if outcome.assignee:
            item.assignee = outcome.assignee
            item.open_case = True
        if outcome.closed:
            item.closed = True
        # Later steps (a case's priority) see what the rules decided.
        item.labels = replace(
            labels, priority=int(written["priority"]),
            priority_reasons=tuple(
                r for r in str(written["priority_reasons"]).split(" · ") if r),
            spam=bool(written.get("spam", labels.spam)),
            relevance=float(written.get("relevance", labels.relevance)))
