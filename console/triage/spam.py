"""Spam and bot posts: money and crypto pitches, link farms, mass tagging, bot accounts.

Content cues come from ``resources/lexicons/spam_cues.tsv``; structure adds to them (many
links, hashtags or handles, long runs of one character, a phone number, an account with
almost no followers pushing links). A real complaint cue pulls the other way: a customer
shouting with many hashtags is still a customer. The network's bot flag is enough alone.
"""

from __future__ import annotations

import re

from .cues import cue_table
from .text import Prepared

THRESHOLD = 1.0
_RUN = re.compile(r"(.)\1{5,}")
_PHONE = re.compile(r"\+?\d[\d\s-]{8,}\d")


def spam_score(
    prep: Prepared, followers: int, bot: bool, complaint_cue: float
) -> tuple[float, list[str]]:
    """Spam evidence (spam from 1.0) and the signals that gave it."""
    why: list[str] = []
    score = 0.0
    if bot:
        score += 1.0
        why.append("bot account")
    kinds: dict[str, float] = {}
    for hit in cue_table("spam_cues").find(prep.folded, ()):
        kinds[hit.label] = max(kinds.get(hit.label, 0.0), hit.weight)
    if kinds:
        score += sum(kinds.values())
        why.extend(sorted(kinds))
    if prep.urls >= 2:
        score += min(0.6, 0.3 * (prep.urls - 1))
        why.append(f"{prep.urls} links")
    if prep.hashtags >= 5:
        score += 0.4 if prep.hashtags < 8 else 0.7
        why.append(f"{prep.hashtags} hashtags")
    if prep.handles >= 5:
        score += 0.4
        why.append("mass tagging")
    if _RUN.search(prep.clean):
        score += 0.2
    if len(prep.emoji) >= 10:
        score += 0.3
    if _PHONE.search(prep.clean):
        score += 0.3
        why.append("phone number")
    if prep.urls and followers < 10:
        score += 0.2
    if kinds and followers < 50:
        score += 0.2
    if complaint_cue >= 0.75 and not bot:
        score -= 0.5
    return score, why
