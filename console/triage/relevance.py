"""Relevance of a keyword hit: is the post about the brand or another meaning of the word?

A post that tags the brand, or reaches it directly, is about it. A keyword or hashtag hit
("Brisa" the shop or the breeze) starts undecided and moves with the watch's context terms
("pedido", "envío"), its exclusion terms ("viento", "mar"), customer vocabulary (a
complaint cue, orders, accounts, stores) and what agents marked as not relevant before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .text import fold, fold_word

_CUSTOMER = re.compile(
    r"\b(?:pedido|compra|compre|tienda|sucursal|app|aplicacion|cuenta|envio|factura|cliente|"
    r"soporte|atencion|pague|cobr\w*|reembolso|garantia|order|store|account|delivery|refund|"
    r"customer|support|bill\w*|charged|purchase|bought|shipping|subscription|suscripcion)\b"
)


@lru_cache(maxsize=4096)
def _term_regex(term: str) -> re.Pattern[str]:
    words = fold_word(term.strip().lstrip("#@")).split()
    return re.compile(r"\b" + r"\W+".join(re.escape(w) for w in words) + r"\b")


def count_terms(folded: str, terms: Iterable[str]) -> int:
    """How many of the terms (words or phrases, any case or accents) the folded text has."""
    return sum(1 for t in terms if t.strip() and _term_regex(t).search(folded))


def relevance(
    folded: str,
    *,
    tagged: bool,
    source: str,
    context: tuple[str, ...],
    exclude: tuple[str, ...],
    complaint_cue: float,
    learned_not_relevant: float,
    learned_relevant: float,
    learned_terms: frozenset[str],
    post_stems: frozenset[str],
) -> float:
    """A value in [0, 1]; below 0.5 means probably another meaning of the keyword."""
    score = 0.95 if tagged or source in ("mention", "direct", "comment") else 0.6
    hits = count_terms(folded, context)
    if hits:
        score += 0.25 if hits == 1 else 0.35
    elif context and not tagged:
        score -= 0.15
    if count_terms(folded, exclude):
        score -= 0.5
    if complaint_cue >= 0.5 or _CUSTOMER.search(folded):
        score += 0.15
    if learned_terms and post_stems & learned_terms:
        score -= 0.3
    score -= 0.7 * learned_not_relevant
    score += 0.5 * learned_relevant
    return max(0.0, min(1.0, score))


def fold_terms(terms: Iterable[str]) -> tuple[str, ...]:
    """Watch terms folded the same way as posts (for display or storage)."""
    return tuple(fold(t) for t in terms if t.strip())
