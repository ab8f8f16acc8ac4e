"""Scoring stored mentions again: after the model learned, after a correction, after rules.

Each pass works in batches by id. A batch is scored outside the write lock and written in
one short transaction, so ingest never waits long, and a pass can stop at any time with
every mention holding the labels of one scoring or the other. Labels an agent set on a
post win over the model; the rules then run again on the new labels (tags, priority,
spam, not relevant; closing only when asked, assigning never: that is ingest's business).

:func:`reprioritise` needs no model: it recomputes the priority of posts whose route
changed (a keyword hit later seen as a mention is no longer "untagged").

The rows are those of console/triage/queries.py (``rescore_batch`` and friends), read by
position.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from peewee import Database

from console.store.db import Store
from console.store.timeutil import from_db, utcnow
from console.triage import queries, stored_rules

from . import corrections
from .context import WatchTerms, context_of_author, watch_terms
from .engine import Triager
from .labels import TriageInput, TriageResult
from .priority import find_urgency, priority
from .rules import PostFacts, RuleOutcome, apply_rules
from .text import prepare

BATCH = 500
OPEN_STATUSES = ("new", "open")
Progress = Callable[[int, int, list[int]], None]  # (done, total, ids changed in the batch)


@dataclass
class RescoreReport:
    """How many mentions a pass scored and which ones it changed."""

    scored: int = 0
    changed: list[int] = field(default_factory=list)


def _input(db: Database, r: tuple[Any, ...], cache: dict[int, WatchTerms]) -> TriageInput:
    ctx = context_of_author(db, int(r[10]), exclude_mention=int(r[0]))
    context, exclude = watch_terms(db, r[11], cache)
    return TriageInput(text=r[1], lang_hint=r[2] or None, followers=int(r[3]),
                       tagged=bool(r[4]), source=r[5], created_at=from_db(r[6]),
                       bot=bool(r[7]), author_open_cases=ctx.open_cases,
                       author_history=ctx.history, watch_context=context,
                       watch_exclude=exclude)


def facts(r: Sequence[Any], labels: TriageResult) -> PostFacts:
    """What the rules see of a stored mention row with these labels."""
    return PostFacts(text=r[1], lang=labels.lang, channel=r[8], source=r[5],
                     followers=int(r[3]), author=r[9], complaint=labels.complaint,
                     sentiment=labels.sentiment, vip=bool(r[13]))


def _agent_wins(outcome: RuleOutcome, forced: dict[str, str | bool]) -> RuleOutcome:
    """An agent's spam / relevant label beats a rule's."""
    if "spam" in forced:
        outcome = replace(outcome, spam=False)
    if "relevant" in forced:
        outcome = replace(outcome, not_relevant=False)
    return outcome


def _score_rows(store: Store, triager: Triager, rows: list[tuple[Any, ...]],
                now: datetime, status_changes: bool) -> list[int]:
    """Score and write one batch; returns the ids whose labels changed."""
    db = store.db
    forced = corrections.forced_labels(db, [int(r[0]) for r in rows])
    cache: dict[int, WatchTerms] = {}
    rules = stored_rules.active_rules(db)
    planned = []
    for r in rows:
        own = forced.get(int(r[0]), {})
        labels = triager.score(_input(db, r, cache), now, own or None)
        outcome = _agent_wins(apply_rules(rules, facts(r, labels)), own)
        planned.append((r, labels, outcome))
    changed = []
    with store.write():
        for r, res, outcome in planned:
            if queries.store_rescored(db, r[0], r[5], r[4], res, outcome.fired) == 0:
                continue  # found by another route meanwhile: ingest re-prioritised it
            written = stored_rules.record_outcome(
                db, int(r[0]), outcome, priority=res.priority, reasons=res.priority_reasons,
                status_changes=status_changes and r[12] in OPEN_STATUSES)
            after = (res.sentiment, res.sentiment_label, res.complaint, res.reason,
                     written.get("relevance", res.relevance), written.get("spam", res.spam),
                     written["priority"], written["fired_rules"])
            before = tuple(r[queries.STORED_LABELS])
            if (_norm(before) != _norm(after)) or "status" in written:
                changed.append(int(r[0]))
    return changed


def _norm(values: Sequence[Any]) -> tuple[Any, ...]:
    return tuple(round(float(v), 4) if isinstance(v, float | bool | int) else v
                 for v in values)


def rescore(store: Store, triager: Triager, *, statuses: tuple[str, ...] | None = OPEN_STATUSES,
            progress: Progress | None = None, status_changes: bool = False,
            batch: int = BATCH, stop: Callable[[], bool] | None = None) -> RescoreReport:
    """Score stored mentions again (only those in `statuses`; None: all), in batches."""
    db = store.db
    total = queries.count_mentions_in(db, statuses)
    report = RescoreReport()
    last = 0
    now = utcnow()
    while stop is None or not stop():
        rows = queries.rescore_batch(db, statuses, last, batch)
        if not rows:
            break
        changed = _score_rows(store, triager, rows, now, status_changes)
        report.scored += len(rows)
        report.changed.extend(changed)
        last = int(rows[-1][0])
        if progress is not None:
            progress(report.scored, total, changed)
    return report


def rescore_ids(store: Store, triager: Triager, ids: Sequence[int]) -> list[int]:
    """Score these mentions again now (a correction, a changed rule); returns the changed."""
    if not ids:
        return []
    rows = queries.rescore_rows(store.db, ids)
    return _score_rows(store, triager, rows, utcnow(), status_changes=False) if rows else []


def reprioritise(db: Database, mention_ids: Sequence[int]) -> None:
    """Priority and reasons from the stored labels and the post's current route, with the
    rules run again on it (call inside the caller's write transaction; no model needed)."""
    if not mention_ids:
        return
    rows = queries.reprioritise_rows(db, mention_ids)
    forced = corrections.forced_labels(db, mention_ids)
    rules = stored_rules.active_rules(db)
    now = utcnow()
    cache: dict[int, WatchTerms] = {}
    for r in rows:
        item = _input(db, r, cache)
        lang, label = r[2] or "other", r[15]
        value, reasons = priority(
            item, complaint=float(r[16]), sentiment=float(r[14]), defined=label != "undefined",
            urgency=find_urgency(prepare(r[1]), lang), relevance=float(r[18]),
            spam=bool(r[19]), now=now)
        labels = TriageResult(lang, float(r[14]), label, float(r[16]), float(r[16]) >= 0.5,
                              r[17], float(r[18]), bool(r[19]), value, reasons)
        outcome = _agent_wins(apply_rules(rules, facts(r, labels)), forced.get(int(r[0]), {}))
        stored_rules.record_outcome(db, int(r[0]), outcome, priority=value, reasons=reasons,
                                    status_changes=False)
