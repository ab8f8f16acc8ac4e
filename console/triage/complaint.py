"""The rule-based readings of a post (lexicon, complaint cues, sarcasm, waiting) and the
complaint's reason.

A complaint is a breach of what the writer expected from the company (late delivery, no
refund, broken product, no answer, a double charge, a cancellation that does not go
through, a login that fails). That is not the same as negative words: "sigo esperando mi
pedido" is a complaint with no negative vocabulary, "qué tormenta tan horrible" is
negative and no complaint. The readings here enter the linear models as features
(``features.py``, ``shipped.py``), which learn how far to trust each; the reason is the
strongest cue, then topic words, then the Naive Bayes reason table.
"""

from __future__ import annotations

from .cues import best_per_label, cue_table
from .features import Signals, has_wait
from .sentiment import EnglishScorer, find_sarcasm, spanish_score
from .text import Prepared

_english = EnglishScorer()


def lexicon_score(prep: Prepared, lang: str) -> float:
    """Squashed lexicon sentiment: VADER for English, the project lexicon otherwise."""
    if lang == "en":
        return _english.score(prep)
    return spanish_score(prep)


def read_signals(prep: Prepared, lang: str) -> Signals:
    """Lexicon score, complaint cues, sarcasm and waiting time of a post."""
    langs = ("es", "en") if lang != "en" else ("en", "es")
    primary = lang if lang in ("es", "en") else None
    cues = best_per_label(cue_table("complaint_cues").find(prep.folded, langs), primary)
    lex = lexicon_score(prep, lang)
    waiting = has_wait(prep)
    positive_cue = max((w for r, w in cues.items() if r != "none"), default=0.0)
    sarcasm = find_sarcasm(prep, langs, lang)
    sarcastic = sarcasm.applies(positive_cue, waiting or lex < -0.2)
    return Signals(lexicon=lex, cues=cues, sarcastic=sarcastic, waiting=waiting)


def reason_topics(prep: Prepared) -> dict[str, float]:
    """Topic words per reason (orders, charges, accounts...), for choosing a reason only."""
    return best_per_label(cue_table("reason_topics").find(prep.folded, ()))


def choose_reason(
    signals: Signals, reason_probs: dict[str, float], topics: dict[str, float]
) -> str:
    """The complaint's reason: the strongest cue, then topic words, then the classifier."""
    best, best_score = "other", -1.0
    for reason, p in reason_probs.items():
        score = 0.8 * p + 1.5 * max(0.0, signals.cues.get(reason, 0.0)) + topics.get(reason, 0.0)
        if score > best_score:
            best, best_score = reason, score
    return best
