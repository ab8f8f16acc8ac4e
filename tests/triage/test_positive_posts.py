"""Positive posts without a stock praise word are called positive, and thank-yous that are
not praise are not.

The posts are the held-out ones of the self-written sets (never trained on): praise such as
"the barista remembered my name", thanks after a fix, "zero issues", relief, loyalty. The
model shipped before written-positive.jsonl called most of them negative (positive recall
0.37 en / 0.42 es over both files; now 0.52 / 0.64).
"""

from __future__ import annotations

import json

import pytest

from console.resources import resource_path
from console.triage import TriageInput, Triager


def _rows(name: str) -> list[dict]:
    text = resource_path("triage", name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_most_held_out_positive_posts_are_called_positive(triager: Triager, lang: str) -> None:
    positives = [row["text"] for name in ("eval-positive.jsonl", "eval-varied.jsonl")
                 for row in _rows(name)
                 if row["lang"] == lang and row["sentiment_label"] == "positive"]
    called = [triager.score(TriageInput(text, lang_hint=lang)).sentiment_label
              for text in positives]
    recall = called.count("positive") / len(positives)
    assert len(positives) > 60
    assert recall >= 0.48, (lang, recall)


@pytest.mark.parametrize("text, lang", [
    # Written for this test, in no data file. (Sarcasm with nothing but an emoji to mark it,
    # "thanks a bunch, third dropped call this hour 🙃", is still called positive.)
    ("appreciate the reply @Enviox but the parcel still hasn't moved since friday", "en"),
    ("gracias por la respuesta @Movilia, pero sigo sin línea desde el lunes", "es"),
    ("gracias por nada @AguaSur, otra vez sin agua y sin aviso", "es"),
])
def test_a_thank_you_over_a_fault_is_still_a_negative_complaint(
    triager: Triager, text: str, lang: str
) -> None:
    result = triager.score(TriageInput(text, lang_hint=lang))
    assert (result.sentiment_label, result.is_complaint) == ("negative", True)
