"""Language probabilities for a page at once are py3langid's own, and a post gets the same
alone as in any page: short and long posts, upper case, emoji, text with no feature."""

from __future__ import annotations

import json

import numpy as np
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from console.resources import resource_path
from console.triage.lang import LANGID_LANGS, LanguageGuesser
from console.triage.langid_pages import PageIdentifier
from console.triage.text import prepare


def _texts() -> list[str]:
    path = resource_path("triage", "eval.jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    texts = [" ".join(prepare(row["text"]).words) for row in rows]
    return [
        *texts, "", " ", "😡😡😡", "ESTO ES UNA VERGÜENZA", "ok", "\u200b",
        "mi pedido no llega " * 200,  # walks on alone after the page has finished
        "the parcel never came and nobody answers " * 40,
    ]


def test_page_probabilities_are_py3langids() -> None:
    stock = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    stock.set_languages(LANGID_LANGS)
    pages = PageIdentifier(stock)
    texts = _texts()
    got = np.vstack([pages.probabilities(texts[i:i + 40]) for i in range(0, len(texts), 40)])
    for text, row in zip(texts, got, strict=True):
        want = dict(stock.rank(text))
        assert np.allclose(row, [want[lang] for lang in pages.languages], atol=1e-5), text
        assert abs(float(row.sum()) - 1.0) < 1e-5


def test_a_post_scores_the_same_alone_and_in_any_page() -> None:
    pages = LanguageGuesser._langid()
    texts = _texts()
    whole = pages.probabilities(texts)
    for size in (1, 3, 40):
        for start in range(0, len(texts), size):
            part = pages.probabilities(texts[start:start + size])
            assert np.array_equal(part, whole[start:start + size]), (size, start)


def test_detect_many_is_detect_post_by_post() -> None:
    guesser = LanguageGuesser()
    preps = [prepare(text) for text in _texts()]
    hints: list[str | None] = [None, "es", "en", "pt"] * (len(preps) // 4 + 1)
    hints = hints[:len(preps)]
    assert guesser.detect_many(preps, hints) == [
        guesser.detect(prep, hint) for prep, hint in zip(preps, hints, strict=True)]
    assert guesser.detect(prepare("Mi pedido sigue sin llegar, llevo dos semanas")) == "es"
    assert guesser.detect(prepare("My parcel still has not arrived after two weeks")) == "en"
    assert guesser.detect(prepare("Meu pedido ainda não chegou, estou muito chateado")) == "other"
