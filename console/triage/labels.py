"""The values triage reads and writes: inputs, results, corrections and label names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

LANGS = ("es", "en", "other")
SENTIMENT_LABELS = ("negative", "neutral", "positive", "undefined")
REASONS = ("delivery", "billing", "product", "service", "cancellation", "account", "other", "none")
COMPLAINT_REASONS = REASONS[:-1]
SOURCES = ("mention", "keyword", "hashtag", "direct", "comment")
CORRECTION_FIELDS = ("sentiment_label", "is_complaint", "reason", "lang", "relevant", "spam")


@dataclass(frozen=True)
class TriageInput:
    """What triage is told about one post."""

    text: str
    lang_hint: str | None = None
    followers: int = 0
    tagged: bool = True  # the brand's handle is in the post
    source: str = "mention"  # mention|keyword|hashtag|direct|comment
    created_at: datetime | None = None
    author_open_cases: int = 0
    author_history: int = 0  # earlier mentions by the same author
    watch_context: tuple[str, ...] = ()  # context terms of the watch that found it
    watch_exclude: tuple[str, ...] = ()  # exclusion terms of the watch
    bot: bool = False  # the network flags the author as a bot


@dataclass(frozen=True)
class TriageResult:
    """Labels for one post, with the reasons the priority was given."""

    lang: str  # es|en|other
    sentiment: float  # [-1, 1]
    sentiment_label: str  # negative|neutral|positive|undefined
    complaint: float  # [0, 1] probability the post is a complaint
    is_complaint: bool
    reason: str  # delivery|billing|product|service|cancellation|account|other|none
    relevance: float  # [0, 1] about the brand, not another meaning of the word
    spam: bool
    priority: int  # 0..100
    priority_reasons: tuple[str, ...]  # e.g. ("complaint 0.91", "untagged", "12k followers")
    # [0, 1] how sure the model was, from its probabilities before any label was applied
    # (see certainty.py); None when not scored (labels read back from the store).
    certainty: float | None = None


@dataclass(frozen=True)
class Correction:
    """An agent's correction of one triage label, used to retrain.

    ``field`` is one of ``CORRECTION_FIELDS``; ``value`` is, per field:
    ``sentiment_label`` negative|neutral|positive; ``is_complaint`` True/False;
    ``reason`` one of ``COMPLAINT_REASONS``; ``lang`` es|en|other;
    ``relevant`` False when the post is not about the brand (True to confirm it is);
    ``spam`` True/False. Strings "yes"/"no"/"true"/"false" are accepted for booleans.
    ``lang`` is the post's language when known (saves detecting it again).
    """

    text: str
    field: str
    value: str | bool
    lang: str | None = None


def as_bool(value: object) -> bool:
    """Reads a boolean label written as bool, int or yes/no/true/false text."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return bool(value)
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "si", "sí", "y"):
        return True
    if text in ("0", "false", "no", "n", ""):
        return False
    raise ValueError(f"{value!r} is not yes or no")
