"""The first ingest step: the team's rules, in order, on every newly stored mention.

Each rule that fires is recorded on the mention (``fired_rules``); its actions tag the
mention, set its priority, hide it as spam, mark it not relevant (relevance 0, hidden
like spam) or close it. "Assign" is a decision for the cases step after this one: it is
left on the :class:`Ingested` item (``assignee``, ``open_case``), never carried out here.
"""

from __future__ import annotations

from dataclasses import replace

from peewee import Database

from console.mentions.ingested import Ingested
from console.triage import rule_queries as stored_rules
from console.triage.rules import PostFacts, apply_rules


def _vip_authors(db: Database, author_ids: list[int]) -> set[int]:
    if not author_ids:
        return set()
    rows = db.execute_sql(
        "SELECT a.id FROM author a JOIN customer c ON c.id = a.customer_id "
        f"WHERE c.vip AND a.id IN ({','.join('?' * len(author_ids))})", author_ids)
    return {int(r[0]) for r in rows}


def run(db: Database, items: list[Ingested]) -> None:
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
