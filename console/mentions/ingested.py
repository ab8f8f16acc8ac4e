"""A mention just stored by the ingest pipeline, as each step after it sees it.

The steps (console/triage/rules_step.py, console/people/linking_step.py,
console/cases/intake.py) read and update these records inside the ingest transaction;
console/sync/pipeline.py runs them in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from console.channels.base import RemotePost
from console.triage import TriageResult


@dataclass
class Ingested:
    """One mention just stored, with what the steps decided so far."""

    mention_id: int
    author_id: int
    account_id: int | None
    post: RemotePost
    labels: TriageResult
    tagged: bool
    thread_root: str | None
    tags: list[str] = field(default_factory=list)
    fired_rules: list[str] = field(default_factory=list)
    assignee: str | None = None
    open_case: bool = False
    closed: bool = False
    history: bool = False  # imported past conversation: stored and triaged, opens no case
