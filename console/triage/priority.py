"""Priority 0..100 and the human-readable reasons behind it.

Complaints come first; then how upset the writer is, urgency (legal threats, safety, a
customer about to leave, the third message about the same thing), reach (followers, on a
log scale), untagged posts (nobody at the brand was told: a proactive chance), direct
messages, authors with open cases or a history, and age (old posts decay a little).
Spam is pushed to the bottom and posts about another meaning of the keyword are scaled
down by their relevance.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime

from .cues import cue_table
from .labels import TriageInput
from .text import Prepared

URGENCY_CAP = 40
_LABELS = {
    "legal": "legal threat",
    "safety": "safety risk",
    "churn": "about to leave",
    "repeat": "repeated contact",
    "urgent": "marked urgent",
}


@dataclass(frozen=True, slots=True)
class Urgency:
    """Urgency points per kind (legal, safety, churn, repeat, urgent)."""

    points: dict[str, float]

    @property
    def total(self) -> float:
        return min(URGENCY_CAP, sum(self.points.values()))


def find_urgency(prep: Prepared, lang: str) -> Urgency:
    """The urgency cues of a post, strongest per kind."""
    langs = ("es", "en") if lang != "en" else ("en", "es")
    points: dict[str, float] = {}
    for hit in cue_table("urgency_cues").find(prep.folded, langs):
        points[hit.label] = max(points.get(hit.label, 0.0), hit.weight)
    return Urgency(points)


def followers_text(n: int) -> str:
    """12400 -> "12k followers"."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f}M followers".replace(".0M", "M")
    if n >= 1000:
        return f"{n // 1000}k followers"
    return f"{n} followers"


def age_text(hours: float) -> str:
    if hours >= 48:
        return f"{int(hours // 24)} days old"
    return f"{int(hours)} hours old"


def priority(
    item: TriageInput,
    *,
    complaint: float,
    sentiment: float,
    defined: bool,
    urgency: Urgency,
    relevance: float,
    spam: bool,
    now: datetime,
) -> tuple[int, tuple[str, ...]]:
    """The priority and its reasons, strongest contributions first."""
    parts: list[tuple[float, str]] = []
    score = 8.0
    parts.append((complaint * 42, f"complaint {complaint:.2f}"))
    if defined and sentiment < -0.05:
        parts.append((-sentiment * 12, f"negative {sentiment:.2f}"))
    raw = sum(urgency.points.values())
    scale = min(1.0, URGENCY_CAP / raw) if raw else 1.0
    for kind, pts in sorted(urgency.points.items(), key=lambda kv: -kv[1]):
        parts.append((pts * scale, _LABELS.get(kind, kind)))
    if item.followers > 0:
        reach = min(15.0, 3.0 * math.log10(item.followers + 1))
        if reach >= 3.0:
            parts.append((reach, followers_text(item.followers)))
    if not item.tagged:
        parts.append((8.0 if complaint >= 0.5 else 3.0, "untagged"))
    if item.source == "direct":
        parts.append((8.0, "direct message"))
    elif item.source == "comment":
        parts.append((2.0, "comment"))
    if item.author_open_cases > 0:
        n = item.author_open_cases
        parts.append((min(8.0, 4.0 * n), f"{n} open case" + ("s" if n > 1 else "")))
    if item.author_history >= 3:
        parts.append((4.0, f"{item.author_history} earlier mentions"))
    if item.created_at is not None:
        created = item.created_at if item.created_at.tzinfo else item.created_at.replace(tzinfo=UTC)
        hours = max(0.0, (now - created).total_seconds() / 3600)
        if hours >= 6:
            parts.append((-min(15.0, 2.5 * math.log2(1 + hours / 6)), age_text(hours)))
    score += sum(p for p, _ in parts)
    if relevance < 0.5:
        score *= relevance / 0.5
        parts.append((100.0, f"low relevance {relevance:.2f}"))
    if spam:
        score = min(score, 3.0)
        parts.append((200.0, "spam"))
    value = round(max(0.0, min(100.0, score)))
    shown = [text for pts, text in sorted(parts, key=lambda p: -abs(p[0])) if abs(pts) >= 2.0]
    return value, tuple(shown)
