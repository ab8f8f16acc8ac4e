"""The steps that run on every newly stored mention, inside the ingest transaction.

network -> channel -> ingest (dedupe, persist, triage) -> **rules -> people -> cases**.
Each step is a module with ``run(db, items)``; it sees the mentions just inserted (never
ones seen again by another route) and may update them or record decisions for the steps
after it (a rule's "assign" is carried out by the cases step). Steps run in the order of
``STEPS`` while the write lock is held, so a crash leaves all or nothing.
"""

from __future__ import annotations

from typing import Protocol

from peewee import Database

from console.cases import intake
from console.mentions.ingested import Ingested
from console.people import linking_step
from console.triage import rules_step


class Step(Protocol):
    """One step: a module with ``run(db, items)``."""

    def run(self, db: Database, items: list[Ingested]) -> None: ...


# Order matters: rules decide (tags, priority, spam, assignee, close), people link the
# author when a link is certain, cases open or reopen the conversation.
STEPS: list[Step] = [rules_step, linking_step, intake]


def run_steps(db: Database, items: list[Ingested]) -> None:
    """Runs every step on the newly stored mentions (inside the caller's transaction)."""
    if not items:
        return
    for step in list(STEPS):
        step.run(db, items)
