"""How good is the model here: cross-validated precision and recall on the team's corrections.

The corrections are the only labels this team's own traffic has, so they are what the
model is measured on: k-fold over the corrected posts (a post and all its corrections
stay in one fold), a fresh Triager per fold that learns the other folds, the held-out
posts scored as if new. Two figures: complaints (``is_complaint``) and negative sentiment
(``sentiment_label``). Below ``MIN_CORRECTIONS`` posts with that label it says so rather
than print a figure that means nothing.

The last measurement, and the one before it, are kept in the team setting
``triage.quality`` so every console on the database shows what changed after the last
retraining.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from peewee import Database

from console.store.timeutil import to_db, utcnow

from . import queries
from .engine import Triager
from .labels import Correction, TriageInput, TriageResult

QUALITY_KEY = "triage.quality"
MIN_CORRECTIONS = 20  # posts with a label below which no figure is given for it
FOLDS = 5


@dataclass(frozen=True)
class Scores:
    """Precision and recall of one label on held-out corrected posts."""

    posts: int  # corrected posts measured
    positives: int  # of them, how many agents said are complaints (or negative)
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(frozen=True)
class Quality:
    """One measurement: on how many corrections, and the figures (None: too few)."""

    learned: int  # corrections the model learned from when measured
    complaint: Scores | None
    negative: Scores | None
    complaint_posts: int  # posts with a complaint correction (to say "12 of 20")
    negative_posts: int
    measured_at: str  # ISO time, UTC
    folds: int = FOLDS

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @staticmethod
    def from_json(data: Any) -> Quality | None:
        try:
            scores = {k: Scores(**data[k]) if data.get(k) else None
                      for k in ("complaint", "negative")}
            return Quality(int(data["learned"]), scores["complaint"], scores["negative"],
                           int(data["complaint_posts"]), int(data["negative_posts"]),
                           str(data["measured_at"]), int(data.get("folds", FOLDS)))
        except (KeyError, TypeError, ValueError):
            return None


@dataclass(frozen=True)
class QualityHistory:
    """The last measurement and the one before the last retraining (either may be None)."""

    now: Quality | None
    before: Quality | None


# label name -> (field of the corrections, value that counts as positive, predicted yes)
_LABELS: dict[str, tuple[str, object, Callable[[TriageResult], bool]]] = {
    "complaint": ("is_complaint", True, lambda r: r.is_complaint),
    "negative": ("sentiment_label", "negative", lambda r: r.sentiment_label == "negative"),
}


def worth_measuring(last: Quality | None, learned: int) -> bool:
    """Whether a retraining on `learned` corrections calls for a new measurement: none yet,
    a reset, or enough new corrections to move the figures (10, or 5% once there are
    more than 200); measuring costs a retraining per fold, so not after every click."""
    if last is None or learned < last.learned:
        return True
    return learned - last.learned >= max(10, last.learned // 20)


def _fold_of(text: str, folds: int) -> int:
    # Stable across runs and consoles (hash() is salted per process).
    return zlib.crc32(text.encode("utf-8", "replace")) % folds


def _truth(corrections: Sequence[Correction], field: str) -> dict[str, tuple[object, str | None]]:
    """text -> (the latest value agents gave this field, lang)."""
    out: dict[str, tuple[object, str | None]] = {}
    for c in corrections:
        if c.field == field:
            out[c.text] = (c.value, c.lang)
    return out


def cross_validate(corrections: Sequence[Correction], folds: int = FOLDS,
                   make: Callable[[], Triager] = Triager) -> Quality:
    """Measure the model on these corrections, k-fold (see the module's docstring)."""
    truths = {name: _truth(corrections, field) for name, (field, _p, _y) in _LABELS.items()}
    counted = {name: len(t) for name, t in truths.items()}
    wanted = {name for name, n in counted.items() if n >= MIN_CORRECTIONS}
    hits: dict[str, list[tuple[bool, bool]]] = {name: [] for name in wanted}
    if wanted:
        for fold in range(folds):
            held = {text for name in wanted for text in truths[name]
                    if _fold_of(text, folds) == fold}
            if not held:
                continue
            triager = make()
            train = [c for c in corrections if c.text not in held]
            if train:
                triager.learn(train)
            for name in wanted:
                _field, positive, predicted = _LABELS[name]
                for text, (value, lang) in truths[name].items():
                    if text in held:
                        result = triager.score(TriageInput(text=text, lang_hint=lang))
                        hits[name].append((value == positive, predicted(result)))
    scores = {name: _scores(hits[name]) if name in wanted else None for name in _LABELS}
    return Quality(len(corrections), scores["complaint"], scores["negative"],
                   counted["complaint"], counted["negative"], utcnow().isoformat(), folds)


def _scores(pairs: list[tuple[bool, bool]]) -> Scores:
    tp = sum(1 for truth, guess in pairs if truth and guess)
    guessed = sum(1 for _truth_, guess in pairs if guess)
    positives = sum(1 for truth, _guess in pairs if truth)
    return Scores(len(pairs), positives, tp / guessed if guessed else 0.0,
                  tp / positives if positives else 0.0)


def history(db: Database) -> QualityHistory:
    """The stored measurements (none yet: both None)."""
    raw = queries.team_setting(db, QUALITY_KEY)
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    return QualityHistory(Quality.from_json(data.get("now")) if data.get("now") else None,
                          Quality.from_json(data.get("before")) if data.get("before") else None)


def record(db: Database, measured: Quality) -> QualityHistory:
    """Store a new measurement; the previous one becomes "before" when the model learned
    from a different number of corrections (the caller holds the write lock)."""
    old = history(db)
    before = old.before
    if old.now is not None and old.now.learned != measured.learned:
        before = old.now
    data = {"now": measured.as_json(), "before": before.as_json() if before else None}
    queries.put_team_setting(db, QUALITY_KEY, json.dumps(data), to_db(utcnow()))
    return QualityHistory(measured, before)


def measured_at(quality: Quality) -> datetime:
    return datetime.fromisoformat(quality.measured_at)
