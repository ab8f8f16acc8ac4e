"""Triage: language, sentiment, complaint, relevance, spam and priority of a post.

Placeholder scorer for the foundation; the triage issue replaces it behind the same API.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

_NEGATIVE = {
    "no llega", "no ha llegado", "sigo esperando", "reembolso", "devolución", "devolucion",
    "estafa", "roto", "rota", "cobraron", "cancelar", "pésimo", "pesimo", "nadie responde",
    "still waiting", "refund", "broken", "charged twice", "terrible", "worst", "never arrived",
    "cancel", "scam", "no answer",
}


@dataclass(frozen=True)
class TriageInput:
    """What triage is told about one post."""

    text: str
    lang_hint: str | None = None
    followers: int = 0
    tagged: bool = True  # the brand's handle is in the post
    source: str = "mention"
    created_at: datetime | None = None
    author_open_cases: int = 0
    author_history: int = 0  # earlier mentions by the same author
    watch_context: tuple[str, ...] = ()
    watch_exclude: tuple[str, ...] = ()
    bot: bool = False


@dataclass(frozen=True)
class TriageResult:
    """Labels for one post, with the reasons the priority was given."""

    lang: str  # es|en|other
    sentiment: float  # [-1, 1]
    sentiment_label: str  # negative|neutral|positive|undefined
    complaint: float  # [0, 1]
    is_complaint: bool
    reason: str  # delivery|billing|product|service|cancellation|account|other|none
    relevance: float  # [0, 1]
    spam: bool
    priority: int  # 0..100
    priority_reasons: tuple[str, ...]


class Triager:
    """Scores posts. ``model_dir`` holds what was learned from agents' corrections."""

    def __init__(self, model_dir: Path | None = None) -> None:
        self.model_dir = model_dir

    def score(self, item: TriageInput, now: datetime | None = None) -> TriageResult:
        text = item.text.lower()
        hits = sum(1 for cue in _NEGATIVE if cue in text)
        complaint = min(1.0, 0.35 * hits)
        sentiment = -complaint
        label = "negative" if hits else "neutral"
        priority = int(complaint * 70 + (0 if item.tagged else 10))
        reasons = [f"complaint {complaint:.2f}"] + ([] if item.tagged else ["untagged"])
        return TriageResult(
            lang=item.lang_hint or "other", sentiment=sentiment, sentiment_label=label,
            complaint=complaint, is_complaint=complaint >= 0.5, reason="other" if hits else "none",
            relevance=1.0, spam=False, priority=min(100, priority),
            priority_reasons=tuple(reasons),
        )


def utcnow() -> datetime:
    return datetime.now(UTC)
