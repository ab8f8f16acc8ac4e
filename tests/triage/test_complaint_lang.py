"""Language id, complaint vs negative, reasons, relevance, spam, priority."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from console.triage import TriageInput, Triager


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("sigo esperando mi pedido, nadie me responde", "es"),
        ("still waiting for my order, nobody answers", "en"),
        ("Pésimo servicio", "es"),
        ("Merci beaucoup pour votre aide, très bien", "other"),
        ("Não recebi meu pedido ainda, que absurdo", "other"),
    ],
)
def test_language(triager: Triager, text: str, lang: str) -> None:
    assert triager.score(TriageInput(text)).lang == lang


def test_lang_hint_tips_close_calls_only(triager: Triager) -> None:
    assert triager.score(TriageInput("ok", lang_hint="es")).lang == "es"
    assert triager.score(TriageInput("still waiting for my refund", lang_hint="es")).lang == "en"


def test_mixed_language_post_is_handled(triager: Triager) -> None:
    result = triager.score(TriageInput("mi order no ha llegado y ya pasaron 2 weeks"))
    assert result.lang in ("es", "en")
    assert result.is_complaint and result.reason == "delivery"


def test_complaint_is_not_just_negative(triager: Triager) -> None:
    for text in ["sigo esperando mi pedido", "still waiting for my order"]:
        r = triager.score(TriageInput(text))
        assert r.is_complaint and r.complaint > 0.7, text
    for text in ["qué tormenta tan horrible", "what a terrible storm"]:
        r = triager.score(TriageInput(text))
        assert r.sentiment_label == "negative" and not r.is_complaint, text


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("el paquete no ha llegado y ya van 10 días", "delivery"),
        ("me cobraron dos veces la suscripción", "billing"),
        ("the blender arrived broken", "product"),
        ("nadie responde en el chat de soporte", "service"),
        ("I can't cancel my subscription, there is no button", "cancellation"),
        ("no puedo iniciar sesión en la app desde ayer", "account"),
        ("charged me twice and still no refund", "billing"),
    ],
)
def test_reason(triager: Triager, text: str, reason: str) -> None:
    result = triager.score(TriageInput(text))
    assert result.is_complaint
    assert result.reason == reason


def test_praise_and_questions_are_not_complaints(triager: Triager) -> None:
    for text in [
        "¿a qué hora abren el sábado?",
        "gracias, ya me llegó todo perfecto",
        "do you ship to Canada?",
        "love my new phone, thanks",
    ]:
        result = triager.score(TriageInput(text))
        assert not result.is_complaint and result.reason == "none", text


def test_relevance_uses_watch_context_and_exclusions(triager: Triager) -> None:
    breeze = TriageInput(
        "qué rica brisa del mar esta tarde",
        tagged=False,
        source="keyword",
        watch_context=("pedido", "tienda"),
        watch_exclude=("mar", "viento"),
    )
    shop = TriageInput(
        "mi pedido de Brisa no llega",
        tagged=False,
        source="keyword",
        watch_context=("pedido", "tienda"),
        watch_exclude=("mar", "viento"),
    )
    assert triager.score(breeze).relevance < 0.5
    assert triager.score(shop).relevance > 0.8
    assert triager.score(TriageInput("hola @Brisa")).relevance > 0.9


def test_spam(triager: Triager) -> None:
    spam = [
        TriageInput("Gana dinero fácil desde casa 💰 link en la bio https://x.co/a https://x.co/b"),
        TriageInput("Free followers!!! buy followers cheap #follow #f4f #likes #promo #viral"),
        TriageInput("invest in crypto now, guaranteed returns, dm me", followers=3),
        TriageInput("hola", bot=True),
    ]
    for item in spam:
        assert triager.score(item).spam, item.text
    assert not triager.score(TriageInput("sigo esperando mi pedido #fail #envio")).spam


def test_priority_order_and_reasons(triager: Triager) -> None:
    now = datetime(2026, 1, 10, 12, tzinfo=UTC)
    calm = triager.score(TriageInput("¿tienen envíos a Lima?"), now)
    complaint = triager.score(TriageInput("sigo esperando mi pedido"), now)
    loud = triager.score(
        TriageInput(
            "tercera vez que escribo, mi pedido no llega, voy a ir a profeco",
            followers=12_400,
            tagged=False,
        ),
        now,
    )
    safety = triager.score(TriageInput("el cargador se incendió y salió humo"), now)
    assert calm.priority < complaint.priority < loud.priority
    assert safety.priority > complaint.priority
    assert any(r.startswith("complaint ") for r in loud.priority_reasons)
    assert "untagged" in loud.priority_reasons
    assert "12k followers" in loud.priority_reasons
    assert "legal threat" in loud.priority_reasons
    assert "safety risk" in safety.priority_reasons
    assert all(0 <= r.priority <= 100 for r in (calm, complaint, loud, safety))


def test_priority_age_direct_and_spam(triager: Triager) -> None:
    now = datetime(2026, 1, 10, 12, tzinfo=UTC)
    fresh = triager.score(TriageInput("my order never arrived", created_at=now), now)
    old = triager.score(
        TriageInput("my order never arrived", created_at=now - timedelta(days=5)), now
    )
    direct = triager.score(TriageInput("my order never arrived", source="direct"), now)
    assert old.priority < fresh.priority < direct.priority
    assert "direct message" in direct.priority_reasons
    spam = triager.score(TriageInput("my order never arrived", bot=True), now)
    assert spam.spam and spam.priority <= 3
