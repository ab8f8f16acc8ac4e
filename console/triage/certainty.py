"""How sure the model is of a post: its own probabilities, read before any label is applied.

The stored scores cannot tell this. The sentiment score is pushed to its label's side of
the edges and the complaint probability is clamped and blended with what agents taught,
so a post torn between "negative" (0.45) and "neutral" (0.40) is stored with a score that
looks decided. The certainty is therefore taken from the probabilities themselves:

- complaint: ``|p - 0.5| * 2`` (0 at one half, 1 at 0 or 1);
- sentiment: the likeliest label's probability minus the runner-up's (0 when two labels
  tie, 1 when one has it all);
- the post: the less sure of the two. A post whose sentiment is "undefined" (a language
  not analysed, or no content) is judged on the complaint alone.

A decision an agent made counts as certain (1.0): a label set on this very post, or a
correction remembered for a nearly identical post (which then carries its label over).
The other decision keeps the model's own certainty. "Ask me" ranks posts by this value.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

# Correction fields that settle each decision (a reason says complaint or not).
COMPLAINT_FIELDS = ("is_complaint", "reason")
SENTIMENT_FIELDS = ("sentiment_label",)


def complaint_certainty(complaint: float) -> float:
    """0 when the complaint probability is one half, 1 when it is 0 or 1."""
    return min(1.0, abs(complaint - 0.5) * 2)


def sentiment_certainty(probs: Mapping[str, float]) -> float:
    """The likeliest sentiment's probability minus the runner-up's, in [0, 1]."""
    ranked = sorted(probs.values(), reverse=True)
    if len(ranked) < 2:
        return 1.0
    return max(0.0, min(1.0, ranked[0] - ranked[1]))


def certainty(
    sentiment_probs: Mapping[str, float],
    complaint: float,
    *,
    defined: bool,
    told: Collection[str] = (),
) -> float:
    """How sure the model is of a post, 0 (it cannot decide) to 1.

    ``complaint`` is the model's probability before corrections or clamping; ``defined``
    is False when the sentiment is "undefined"; ``told`` holds the correction fields an
    agent settled for this post (its own labels, or those remembered from a near copy).
    """
    sure = 1.0 if any(f in told for f in COMPLAINT_FIELDS) else complaint_certainty(complaint)
    if defined and not any(f in told for f in SENTIMENT_FIELDS):
        sure = min(sure, sentiment_certainty(sentiment_probs))
    return round(sure, 4)
