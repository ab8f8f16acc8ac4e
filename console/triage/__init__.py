"""Triage: language, sentiment, complaint, relevance, spam and priority of a post.

``Triager.score(TriageInput) -> TriageResult`` is the entry point; ``Triager.learn`` takes
agents' ``Correction``s. Rules (``rules.py``), evaluation (``evaluate.py``) and the
``posventa triage`` command (``cli.py``) build on it. Nothing here imports Qt or needs
the network.
"""

from __future__ import annotations

from datetime import UTC, datetime

from .engine import Triager
from .labels import (
    COMPLAINT_REASONS,
    CORRECTION_FIELDS,
    REASONS,
    SENTIMENT_LABELS,
    Correction,
    TriageInput,
    TriageResult,
)

__all__ = [
    "COMPLAINT_REASONS",
    "CORRECTION_FIELDS",
    "REASONS",
    "SENTIMENT_LABELS",
    "Correction",
    "TriageInput",
    "TriageResult",
    "Triager",
    "utcnow",
]


def utcnow() -> datetime:
    """The current time in UTC (kept from the placeholder API)."""
    return datetime.now(UTC)
