"""Ask me: the posts the model is least sure about, for agents to label first.

A team's first corrections teach the model most when they are on posts it cannot decide:
a complaint probability near one half, or a sentiment score near the edge between two
labels. The queue holds recent posts (the last ``RECENT_DAYS``), never spam or posts
marked not about the brand, and never a post an agent already corrected; the least sure
come first. Reading only: the answers are stored through
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
UNSURE = 0.35  # margin (0 = on the boundary, 1 = certain) under which a post is asked
# Where the sentiment label changes (negative | neutral | positive) on the [-1, 1] score
# is the model's own (engine.SENTIMENT_EDGES); a score this close to an edge is as unsure
# as a complaint probability near 0.5.
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
    margin: float  # 0: the model cannot decide; 1: it is sure

    def as_json(self) -> dict[str, object]:
        return {"mention": self.mention_id, "lang": self.lang,
                "complaint": round(self.complaint, 3),
                "sentiment": round(self.sentiment, 3),
                "sentiment_label": self.sentiment_label,
                "created_at": self.created_at.isoformat(), "margin": round(self.margin, 3),
                "text": self.text}


def margin(complaint: float, sentiment: float, sentiment_label: str) -> float:
    """How sure the model is of a post, 0 (on a boundary) to 1: the less sure of its two
    decisions (complaint or not; which sentiment)."""
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
        mention_id, text, lang, complaint, sentiment, label, created = row
        sure = margin(float(complaint), float(sentiment), str(label))
        if sure < UNSURE:
            created_at = from_db(created)
            assert created_at is not None
            items.append(AskItem(int(mention_id), str(text), str(lang or "other"),
                                 float(complaint), float(sentiment), str(label),
                                 created_at, sure))
    items.sort(key=lambda item: (item.margin, -item.created_at.timestamp()))
    return items[:max(0, limit)]
