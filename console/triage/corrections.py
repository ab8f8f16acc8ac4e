"""Agents' corrections (the ``feedback`` table): storing, listing, and which ones are learned.

The database is the source of truth for what the model learns, so every console on one
database learns the same. Resetting to the shipped model does not delete corrections: it
records, in the team setting ``triage.learned_after``, the newest correction forgotten;
only corrections after it are learned. A forgotten correction still holds for the post it
was made on (the agent's label on that post stays), it just no longer teaches the model.
The statements are in console/triage/queries.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from peewee import Database

from console.store.timeutil import from_db, to_db, utcnow

from . import queries
from .labels import Correction
from .learn import normalise

LEARNED_AFTER = "triage.learned_after"


@dataclass(frozen=True)
class StoredCorrection:
    """One stored correction, and whether the current model learns from it."""

    id: int
    mention_id: int | None
    field: str
    value: str
    previous: str
    text: str
    lang: str
    agent: str
    created_at: datetime
    learned: bool

    def as_correction(self) -> Correction:
        return normalise(Correction(self.text, self.field, self.value, self.lang or None))


def value_text(value: str | bool) -> str:
    """How a label value is stored: booleans as yes/no."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def check(field: str, value: str | bool) -> tuple[str, str | bool]:
    """The canonical (field, value) of a correction; ValueError with a clear sentence."""
    fixed = normalise(Correction("", field, value))
    return fixed.field, fixed.value


def add(db: Database, *, mention_id: int | None, field: str, value: str | bool,
        previous: str, text: str, lang: str, agent: str) -> int:
    """Store one correction (the caller holds the write lock); returns its id."""
    return queries.insert_feedback(
        db, mention_id=mention_id, field=field, value=value_text(value), previous=previous,
        text=text, lang=lang, agent=agent, created_at=to_db(utcnow()))


def learned_after(db: Database) -> int:
    """Corrections with an id up to this one were forgotten by a reset (0: none)."""
    value = queries.team_setting(db, LEARNED_AFTER)
    try:
        return int(json.loads(value)) if value is not None else 0
    except (TypeError, ValueError):
        return 0


def forget_all(db: Database) -> int:
    """Mark every stored correction as forgotten (a reset); returns how many were learned."""
    newest = queries.newest_feedback_id(db)
    before = learned_count(db)
    queries.put_team_setting(db, LEARNED_AFTER, json.dumps(newest), to_db(utcnow()))
    return before


def _row(values: tuple[Any, ...], after: int) -> StoredCorrection:
    created = from_db(values[8])
    assert created is not None
    return StoredCorrection(int(values[0]), values[1], values[2], values[3], values[4],
                            values[5], values[6], values[7], created, int(values[0]) > after)


def list_corrections(db: Database, limit: int = 200,
                     before_id: int | None = None) -> list[StoredCorrection]:
    """Corrections newest first, `limit` at a time (pass the last id seen to page on)."""
    after = learned_after(db)
    return [_row(r, after) for r in queries.feedback_rows(db, limit, before_id)]


def for_mention(db: Database, mention_id: int) -> list[StoredCorrection]:
    after = learned_after(db)
    return [_row(r, after) for r in queries.feedback_rows_of_mention(db, mention_id)]


def count(db: Database) -> int:
    return queries.count_feedback(db)


def learned_count(db: Database) -> int:
    return queries.count_feedback_after(db, learned_after(db))


def learned(db: Database) -> list[Correction]:
    """The corrections the model learns from, oldest first (bad rows are skipped)."""
    out = []
    for row in queries.feedback_to_learn(db, learned_after(db)):
        try:
            out.append(normalise(Correction(row[0], row[1], row[2], row[3] or None)))
        except ValueError:
            continue
    return out


def fingerprint(db: Database) -> tuple[int, int, int]:
    """Changes whenever what the model should learn changes: (count, newest id, reset)."""
    count_, newest = queries.feedback_fingerprint(db)
    return count_, newest, learned_after(db)


def forced_labels(db: Database, mention_ids: Iterable[int]) -> dict[int, dict[str, str | bool]]:
    """The labels agents set on these mentions: the latest value per field, by mention."""
    ids = list(mention_ids)
    out: dict[int, dict[str, str | bool]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for mention_id, field, value in queries.feedback_labels(db, chunk):
            try:
                name, fixed = check(field, value)
            except ValueError:
                continue
            out.setdefault(int(mention_id), {})[name] = fixed
    return out
