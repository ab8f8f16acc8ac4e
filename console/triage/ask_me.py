"""Ask me: the posts the model is least sure about, for agents to label first.

A team's first corrections teach the model most when they are on posts it cannot decide:
a complaint probability near one half, or two sentiments nearly as likely. How sure the
model was is stored with each post when it is scored (``mention.certainty``, from its
probabilities before any label is applied: see ``certainty.py``); the stored scores cannot
say it, because a label pushes its score past the edge. Posts scored before that column
existed (schema 7) have none until they are scored again (retraining re-scores the open
ones, ``posventa retriage`` all of them); for them :func:`margin` estimates it from the
stored scores. The queue holds recent posts (the last ``RECENT_DAYS``), never spam or
posts marked not about the brand, and never a post an agent already corrected; the least
sure come first. Reading only: the answers are stored through
:meth:`console.triage.service.TriageService.correct` like any correction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from peewee import Database

from console.store.timeutil import from_db, to_db, utcnow

from . import queries
from .engine import SENTIMENT_EDGES

RECENT_DAYS = 30
POOL = 2000  # newest candidate posts ranked; older ones are not worth asking about
UNSURE = 0.35  # certainty (0 = on the boundary, 1 = certain) under which a post is asked
# For posts without a stored certainty: where the sentiment label changes (negative |
# neutral | positive) on the [-1, 1] score is the model's own (engine.SENTIMENT_EDGES); a
# score this close to an edge is as unsure as a complaint probability near 0.5.
SENTIMENT_SPAN = 0.25  # a score this far from every edge counts as certain


@dataclass(frozen=True)
class AskItem:
    """One post to ask an agent about, with what the model thinks now."""

    mention_id: int
    text: str
    lang: str
    complaint: float
    sentiment: float
    sentiment_label: str
    created_at: datetime
    margin: float  # the certainty: 0, the model cannot decide; 1, it is sure

    def as_json(self) -> dict[str, object]:
        return {"mention": self.mention_id, "lang": self.lang,
                "complaint": round(self.complaint, 3),
                "sentiment": round(self.sentiment, 3),
                "sentiment_label": self.sentiment_label,
                "created_at": self.created_at.isoformat(), "margin": round(self.margin, 3),
                "text": self.text}


def margin(complaint: float, sentiment: float, sentiment_label: str) -> float:
    """An estimate of how sure the model was of a post, 0 (on a boundary) to 1, from its
    stored scores: the less sure of its two decisions (complaint or not; which
    sentiment). Only for posts stored without a certainty: the stored sentiment score
    sits past its label's edge, so a torn post can look decided here."""
    complaint_margin = min(1.0, abs(complaint - 0.5) * 2)
    if sentiment_label == "undefined":
        return complaint_margin
    edge = min(abs(sentiment - e) for e in SENTIMENT_EDGES)  # the model's, not a copy
    return min(complaint_margin, min(1.0, edge / SENTIMENT_SPAN))


def queue(db: Database, limit: int = 12, now: datetime | None = None) -> list[AskItem]:
    """Up to `limit` recent uncorrected posts the model is least sure about, least first."""
    since = (now or utcnow()) - timedelta(days=RECENT_DAYS)
    items = []
    for row in queries.ask_candidates(db, to_db(since), POOL):
        mention_id, text, lang, complaint, sentiment, label, created, stored = row
        sure = (margin(float(complaint), float(sentiment), str(label)) if stored is None
                else float(stored))
        if sure < UNSURE:
            created_at = from_db(created)
            assert created_at is not None
            items.append(AskItem(int(mention_id), str(text), str(lang or "other"),
                                 float(complaint), float(sentiment), str(label),
                                 created_at, sure))
    items.sort(key=lambda item: (item.margin, -item.created_at.timestamp()))
    return items[:max(0, limit)]
