"""Sentiment: negation, intensifiers, emoji, sarcasm, undefined, HTML and huge input."""

from __future__ import annotations

import time

from console.triage import TriageInput, Triager
from console.triage.sentiment import spanish_score
from console.triage.text import prepare


def es(text: str) -> float:
    return spanish_score(prepare(text))


def test_spanish_negation_flips() -> None:
    assert es("me gusta el servicio") > 0.2
    assert es("no me gusta el servicio") < -0.2
    assert es("nada contento con la compra") < 0
    assert es("nunca es bueno") < 0
    assert abs(es("ni bueno ni malo")) < 0.2


def test_spanish_intensifiers_and_diminishers() -> None:
    assert es("muy lento") < es("lento") < 0
    assert es("súper lento") < es("lento")
    assert es("demasiado caro") < es("caro")
    assert es("un poco lento") > es("lento")
    assert es("lentísimo") < es("lento")


def test_accents_and_repeated_letters_are_tolerated() -> None:
    assert es("pesimo") == es("pésimo")
    assert es("muuuuy maaalo") == es("muy malo")


def test_emoji_and_emoticons_count() -> None:
    assert es("el pedido 😡") < -0.3
    assert es("el pedido 😍") > 0.3
    assert es("el pedido :(") < 0
    assert es("el pedido :)") > 0


def test_sarcasm_turns_praise_negative(triager: Triager) -> None:
    for text in [
        "gracias por nada @Brisa",
        "genial, otra vez sin internet",
        "qué maravilla... 3 semanas esperando el paquete",
        "thanks for nothing @Brisa",
        "oh great, the app crashed again",
    ]:
        result = triager.score(TriageInput(text))
        assert result.sentiment_label == "negative", text


def test_english_uses_vader(triager: Triager) -> None:
    assert (
        triager.score(TriageInput("I love this store, great staff")).sentiment_label == "positive"
    )
    assert triager.score(TriageInput("this is awful, worst app ever")).sentiment_label == "negative"


def test_undefined_for_no_content_or_other_language(triager: Triager) -> None:
    assert triager.score(TriageInput("")).sentiment_label == "undefined"
    assert triager.score(TriageInput("https://t.co/abc @Brisa")).sentiment_label == "undefined"
    pt = triager.score(TriageInput("Obrigado pela ajuda, muito bom o atendimento de vocês"))
    assert pt.lang == "other" and pt.sentiment_label == "undefined"


def test_html_remnants_are_stripped(triager: Triager) -> None:
    prep = prepare("<p>Sigo esperando&nbsp;mi <b>pedido</b> &amp; nada</p>")
    assert "<" not in prep.clean and "&amp;" not in prep.clean
    result = triager.score(TriageInput("<p>Sigo esperando mi <b>pedido</b> &amp; nada</p>"))
    assert result.is_complaint and result.reason == "delivery"


def test_huge_input_is_capped(triager: Triager) -> None:
    text = ("sigo esperando mi pedido " * 50_000)[:1_000_000]
    start = time.perf_counter()
    result = triager.score(TriageInput(text))
    assert time.perf_counter() - start < 1.0
    assert result.is_complaint
    garbage = "<" * 500_000 + "a" * 500_000
    start = time.perf_counter()
    triager.score(TriageInput(garbage))
    assert time.perf_counter() - start < 1.0
