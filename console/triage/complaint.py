"""Complaint probability, reason and the combined sentiment of a post.

A complaint is a breach of what the writer expected from the company (late delivery, no
refund, broken product, no answer, a double charge, a cancellation that does not go
through, a login that fails). That is not the same as negative words: "sigo esperando mi
pedido" is a complaint with no negative vocabulary, "qué tormenta tan horrible" is
negative and no complaint. So the probability leans on complaint cues per reason
(``resources/lexicons/complaint_cues.tsv``) and on a Naive Bayes classifier trained on the
project's examples and the agents' corrections; negative sentiment only helps a little.
"""

from __future__ import annotations

from dataclasses import dataclass

from .cues import best_per_label, cue_table
from .features import Signals, has_wait
from .model import logit, sigmoid
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


@dataclass(frozen=True, slots=True)
class ComplaintReading:
    """The complaint side of a post: probability, reason and sentiment."""

    complaint: float
    reason: str
    sentiment: float


def complaint_probability(signals: Signals, nb_yes: float) -> float:
    """Combines cue strength, evidence against, sarcasm, waiting and the classifier."""
    positive = sorted((w for r, w in signals.cues.items() if r != "none" and w > 0), reverse=True)
    against = min((w for w in signals.cues.values() if w < 0), default=0.0)
    z = -1.2 + 0.5 * max(-5.0, min(5.0, logit(nb_yes)))
    if positive:
        z += 2.6 * positive[0] + 0.5 * sum(positive[1:3])
    z += 2.0 * against
    if signals.sarcastic:
        z += 1.8
    if signals.waiting:
        z += 0.5
    lex = signals.lexicon
    if lex < -0.3:
        z += 0.5 * min(1.0, -lex)
    elif lex > 0.4 and not signals.sarcastic:
        z -= 0.8 * lex
    return sigmoid(z)


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


def combined_sentiment(
    signals: Signals, complaint: float, sentiment_probs: dict[str, float]
) -> float:
    """Sentiment in [-1, 1]: lexicon, flipped by sarcasm, pulled down by complaints."""
    lex = signals.lexicon
    if signals.sarcastic:
        lex = -max(abs(lex), 0.3) - 0.2
    if complaint > 0.5:
        lex -= 0.6 * (complaint - 0.5)
    nb = sentiment_probs.get("positive", 0.0) - sentiment_probs.get("negative", 0.0)
    score = 0.7 * lex + 0.3 * nb
    return max(-1.0, min(1.0, score))


def sentiment_label(score: float) -> str:
    """negative, neutral or positive for a combined score."""
    if score <= -0.12:
        return "negative"
    if score >= 0.15:
        return "positive"
    return "neutral"
