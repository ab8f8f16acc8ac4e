"""The steps that run on every newly stored mention, inside the ingest transaction.

network -> channel -> ingest (dedupe, persist, triage) -> **rules -> people -> cases**.
Each step is a module with ``run(db, items)``; it sees the mentions just inserted (never
ones seen again by another route) and may update them or record decisions for the steps
after it (a rule's "assign" is carried out by the cases step). Steps run in the order of
``STEP_MODULES`` while the write lock is held, so a crash leaves all or nothing.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from types import ModuleType
from typing import Protocol

from peewee import Database

from console.channels.base import RemotePost
from console.triage import TriageResult

# Order matters: rules decide (tags, priority, spam, assignee, close), people link the
# author when a link is certain, cases open or reopen the conversation.
STEP_MODULES: tuple[str, ...] = ("console.sync.rules_step", "console.people.linking_step",
                                  "console.cases.intake")


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


class Step(Protocol):
    def run(self, db: Database, items: list[Ingested]) -> None: ...


_loaded: list[ModuleType] | None = None


def steps() -> list[ModuleType]:
    """The step modules, imported once."""
    global _loaded
    if _loaded is None:
        _loaded = [importlib.import_module(name) for name in STEP_MODULES]
    return _loaded


def run_steps(db: Database, items: list[Ingested]) -> None:
    """Runs every step on the newly stored mentions (inside the caller's transaction)."""
    if not items:
        return
    for module in steps():
        module.run(db, items)
