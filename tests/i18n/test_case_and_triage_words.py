"""The Qt-free words the case panel, composer and triage strip show: stored English data
(priority reasons, outbox sentences) read back in the agent's language, and errors that
stay English for the CLI but follow the translator in the window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from console import i18n
from console.cases.wording import event_detail, sentence, state_name
from console.channels.base import ReplyRules
from console.replies import reply_rules
from console.sync.outbox_text import outbox_sentence
from console.triage.labels import TriageInput
from console.triage.priority import Urgency, priority
from console.triage.reason_text import known, reason_text, reasons_text, topic_name
from console.triage.rules import Condition

SPANISH = {
    ("TriageReasons", "complaint {score}"): "queja {score}",
    ("TriageReasons", "{n}k followers"): "{n} mil seguidores",
    ("TriageReasons", "{n} open cases"): "{n} casos abiertos",
    ("TriageReasons", "untagged"): "no menciona a la marca",
    ("TriageReasons", "rule {name} set {priority}"): "la regla {name} fijó {priority}",
    ("TriageReasons", "billing or refund"): "facturación o reembolso",
    ("Outbox", "The brand already replied at {time} ({who}) since you opened this "
               "conversation."): "La marca ya respondió a las {time} ({who}).",
    ("Outbox", "outside Posventa, via {app}"): "fuera de Posventa, desde {app}",
    ("CaseStates", "closed"): "cerrado",
    ("CaseEvents", "from mention {0}"): "desde la mención {0}",
    ("CaseEvents", "reply {0} sent"): "respuesta {0} enviada",
    ("ReplyRules", "The reply is {over} graphemes over the limit of {limit}."):
        "La respuesta supera en {over} grafemas el límite de {limit}.",
    ("ReplyRules", "The reply is 1 grapheme over the limit of {limit}."):
        "La respuesta supera en 1 grafema el límite de {limit}.",
    ("ReplyRules", "graphemes"): "grafemas",
    ("RuleKinds", "followers_at_least"): "«seguidores como mínimo»",
    ("Rules", "the {kind} condition needs a whole number, not {value!r}"):
        "la condición {kind} necesita un número entero, no {value!r}",
}


def spanish(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return SPANISH.get((context, text), text)


@pytest.fixture
def in_spanish() -> Iterator[None]:
    i18n.install(spanish)
    yield
    i18n.install(None)


def comma(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def test_every_reason_triage_gives_has_words() -> None:
    now = datetime(2026, 11, 20, 12, tzinfo=UTC)
    cases = [
        TriageInput("x", followers=12_400, tagged=False, source="direct", author_open_cases=2,
                    author_history=5, created_at=now - timedelta(days=3)),
        TriageInput("x", followers=2_500_000, source="comment", author_open_cases=1,
                    created_at=now - timedelta(hours=9)),
        TriageInput("x", followers=40),
    ]
    urgency = Urgency({"legal": 20.0, "safety": 15.0, "churn": 10.0, "repeat": 5.0,
                       "urgent": 5.0})
    seen = set()
    for item in cases:
        for spam, relevance in ((False, 1.0), (True, 0.2)):
            _value, reasons = priority(item, complaint=0.91, sentiment=-0.7, defined=True,
                                       urgency=urgency, relevance=relevance, spam=spam, now=now)
            seen.update(reasons)
    unknown = sorted(r for r in seen if not known(r))
    assert not unknown
    assert len(seen) >= 15


def test_stored_reasons_read_in_the_agents_language(in_spanish: None) -> None:
    stored = "rule VIP set 90 · complaint 0.91 · 12k followers · untagged · 2 open cases"
    assert reasons_text(stored, comma) == ("la regla VIP fijó 90 · queja 0,91 · 12 mil "
                                           "seguidores · no menciona a la marca · 2 casos "
                                           "abiertos")
    assert topic_name("billing") == "facturación o reembolso"
    assert reason_text("something an older version wrote") == "something an older version wrote"


def test_without_a_translator_the_reasons_read_as_stored() -> None:
    stored = ("complaint 0.91 · negative -0.40 · 1.5M followers · 1 open case · 3 days old · "
              "rule a rule set 5 · low relevance 0.20 · spam")
    assert reasons_text(stored) == stored


def test_outbox_sentences_are_translated_and_network_text_is_kept(in_spanish: None) -> None:
    held = ("The brand already replied at 14:03 (outside Posventa, via Tusky) since you "
            "opened this conversation.")
    assert outbox_sentence(held) == "La marca ya respondió a las 14:03 (fuera de Posventa, " \
                                    "desde Tusky)."
    assert outbox_sentence("HTTP 422: Validation failed") == "HTTP 422: Validation failed"
    i18n.install(None)
    assert outbox_sentence(held) == held


def test_case_errors_follow_the_translator_and_stay_english_for_the_cli(in_spanish: None
                                                                      ) -> None:
    assert state_name("closed") == "cerrado"
    assert state_name("archived") == "archived"
    assert sentence("el caso 3 está cerrado") == "El caso 3 está cerrado."
    with pytest.raises(ValueError, match="«seguidores como mínimo» necesita un número entero"):
        Condition("followers_at_least", "12a")
    i18n.install(None)
    with pytest.raises(ValueError, match="the followers_at_least condition needs a whole "):
        Condition("followers_at_least", "12a")


def test_reply_limits_are_worded_in_the_agents_language(in_spanish: None) -> None:
    rules = ReplyRules("graphemes", 5)
    assert reply_rules.refusal("seven!!", rules) == \
        "La respuesta supera en 2 grafemas el límite de 5."
    i18n.install(None)
    assert reply_rules.refusal("seven!!", rules) == \
        "The reply is 2 graphemes over the limit of 5."


def test_one_over_the_limit_is_singular(in_spanish: None) -> None:
    assert reply_rules.refusal("sixsix", ReplyRules("graphemes", 5)) == \
        "La respuesta supera en 1 grafema el límite de 5."
    i18n.install(None)
    assert reply_rules.refusal("sixsix", ReplyRules("characters", 5)) == \
        "The reply is 1 character over the limit of 5."
    assert reply_rules.refusal("seven!!", ReplyRules("characters", 5)) == \
        "The reply is 2 characters over the limit of 5."
    assert reply_rules.refusal("sixsix", ReplyRules("weighted", 5)) == \
        "The reply is 1 weighted character over the limit of 5."


def test_case_history_details_written_by_the_code_are_translated(in_spanish: None) -> None:
    assert event_detail("from mention 12") == "desde la mención 12"
    assert event_detail("reply 4 sent") == "respuesta 4 enviada"
    assert event_detail("reembolso") == "reembolso"  # a tag: data, shown as stored
