"""Agents' corrections (the ``feedback`` table): storing, listing, and which ones are learned.

The database is the source of truth for what the model learns, so every console on one
database learns the same. Resetting to the shipped model does not delete corrections: it
records, in the team setting ``triage.learned_after``, the newest correction forgotten;
only corrections after it are learned. A forgotten correction still holds for the post it
was made on (the agent's label on that post stays), it just no longer teaches the model.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from peewee import Database

from console.store.timeutil import from_db, to_db, utcnow

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
    cursor = db.execute_sql(
        "INSERT INTO feedback (mention_id, field, value, previous, text, lang, agent, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (mention_id, field, value_text(value), previous, text, lang, agent,
         to_db(utcnow())))
    return int(cursor.lastrowid)


def learned_after(db: Database) -> int:
    """Corrections with an id up to this one were forgotten by a reset (0: none)."""
    row = db.execute_sql("SELECT value FROM team_setting WHERE key = ?",
                         (LEARNED_AFTER,)).fetchone()
    try:
        return int(json.loads(row[0])) if row else 0
    except (TypeError, ValueError):
        return 0


def forget_all(db: Database) -> int:
    """Mark every stored correction as forgotten (a reset); returns how many were learned."""
    newest = int(db.execute_sql("SELECT coalesce(max(id), 0) FROM feedback").fetchone()[0])
    before = learned_count(db)
    db.execute_sql(
        "INSERT INTO team_setting (key, value, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
        "updated_at = excluded.updated_at", (LEARNED_AFTER, json.dumps(newest),
                                             to_db(utcnow())))
    return before


_COLUMNS = ("id, mention_id, field, value, previous, text, lang, agent, created_at")


def _row(values: tuple[Any, ...], after: int) -> StoredCorrection:
    created = from_db(values[8])
    assert created is not None
    return StoredCorrection(int(values[0]), values[1], values[2], values[3], values[4],
                            values[5], values[6], values[7], created, int(values[0]) > after)


def list_corrections(db: Database, limit: int = 200,
                     before_id: int | None = None) -> list[StoredCorrection]:
    """Corrections newest first, `limit` at a time (pass the last id seen to page on)."""
    after = learned_after(db)
    where, params = "", []
    if before_id is not None:
        where, params = "WHERE id < ?", [before_id]
    rows = db.execute_sql(f"SELECT {_COLUMNS} FROM feedback {where} ORDER BY id DESC LIMIT ?",
                          (*params, limit)).fetchall()
    return [_row(r, after) for r in rows]


def for_mention(db: Database, mention_id: int) -> list[StoredCorrection]:
    after = learned_after(db)
    rows = db.execute_sql(f"SELECT {_COLUMNS} FROM feedback WHERE mention_id = ? ORDER BY id",
                          (mention_id,)).fetchall()
    return [_row(r, after) for r in rows]


def count(db: Database) -> int:
    return int(db.execute_sql("SELECT count(*) FROM feedback").fetchone()[0])


def learned_count(db: Database) -> int:
    return int(db.execute_sql("SELECT count(*) FROM feedback WHERE id > ?",
                              (learned_after(db),)).fetchone()[0])


def learned(db: Database) -> list[Correction]:
    """The corrections the model learns from, oldest first (bad rows are skipped)."""
    out = []
    for row in db.execute_sql("SELECT text, field, value, lang FROM feedback WHERE id > ? "
                              "ORDER BY id", (learned_after(db),)):
        try:
            out.append(normalise(Correction(row[0], row[1], row[2], row[3] or None)))
        except ValueError:
            continue
    return out


def fingerprint(db: Database) -> tuple[int, int, int]:
    """Changes whenever what the model should learn changes: (count, newest id, reset)."""
    row = db.execute_sql("SELECT count(*), coalesce(max(id), 0) FROM feedback").fetchone()
    return int(row[0]), int(row[1]), learned_after(db)


def forced_labels(db: Database, mention_ids: Iterable[int]) -> dict[int, dict[str, str | bool]]:
    """The labels agents set on these mentions: the latest value per field, by mention."""
    ids = list(mention_ids)
    out: dict[int, dict[str, str | bool]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        rows = db.execute_sql(
            f"SELECT mention_id, field, value FROM feedback WHERE mention_id IN "
            f"({','.join('?' * len(chunk))}) ORDER BY id", chunk).fetchall()
        for mention_id, field, value in rows:
            try:
                name, fixed = check(field, value)
            except ValueError:
                continue
            out.setdefault(int(mention_id), {})[name] = fixed
    return out
