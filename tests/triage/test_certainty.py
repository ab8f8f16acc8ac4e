"""The model's certainty: read from its probabilities, stored with each post, and what
"Ask me" ranks by (a torn post whose stored label looks decided is asked first)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from console.store.timeutil import utcnow
from console.sync.ingest import ingest
from console.triage import Correction, TriageInput, Triager
from console.triage.ask_me import UNSURE, margin
from console.triage.certainty import certainty, complaint_certainty
from tests.builders import make_author, make_post

TORN = {"negative": 0.45, "neutral": 0.40, "positive": 0.15}


def test_certainty_is_the_less_sure_decision_of_the_model():
    assert certainty(TORN, 0.03, defined=True) == pytest.approx(0.05)
    sure = {"negative": 0.05, "neutral": 0.15, "positive": 0.80}
    assert certainty(sure, 0.40, defined=True) == pytest.approx(0.20)
    assert certainty(sure, 0.99, defined=True) == pytest.approx(0.65)
    # An undefined sentiment is no decision: the complaint alone counts.
    assert certainty(TORN, 0.03, defined=False) == pytest.approx(0.94)
    # What an agent settled is certain; the other decision keeps the model's doubt.
    assert certainty(TORN, 0.5, defined=True, told={"reason"}) == pytest.approx(0.05)
    assert certainty(TORN, 0.03, defined=True, told={"sentiment_label"}) == pytest.approx(0.94)
    assert certainty(TORN, 0.5, defined=True, told={"is_complaint", "sentiment_label"}) == 1.0


def test_labels_an_agent_set_make_the_post_certain(triager):
    post = TriageInput("el paquete llegó hoy, ya veremos", lang_hint="es")
    plain = triager.score(post)
    assert plain.certainty is not None and 0.0 <= plain.certainty < 1.0
    both = triager.score(post, forced={"is_complaint": False, "sentiment_label": "neutral"})
    assert both.certainty == 1.0
    one = triager.score(post, forced={"is_complaint": False})
    assert one.certainty is not None and plain.certainty <= one.certainty


def test_a_correction_remembered_for_a_near_copy_makes_it_certain():
    triager = Triager()
    post = "el repartidor tocó el timbre a las 6 de la mañana"
    near_copy = "hoy el repartidor tocó el timbre a las 6 de la mañana"
    triager.learn([Correction(post, "is_complaint", True, "es"),
                   Correction(post, "sentiment_label", "negative", "es")])
    assert triager.score(TriageInput(near_copy, lang_hint="es")).certainty == 1.0


def test_a_post_without_a_sentiment_is_judged_on_the_complaint(triager):
    result = triager.score(TriageInput("Das Paket ist heute angekommen, vielen Dank"))
    assert result.sentiment_label == "undefined"
    assert result.certainty == pytest.approx(complaint_certainty(result.complaint), abs=0.02)


def _model_says(monkeypatch, outputs):
    """The model's probabilities for the next posts scored a page at a time, in order."""
    import console.triage.engine as engine

    real = engine.probabilities_many

    def given(page, linear, team):
        scored = real(page, linear, team)
        return [outputs.pop(0) for _ in scored]

    monkeypatch.setattr(engine, "probabilities_many", given)


def test_a_torn_post_whose_label_looks_decided_is_asked_first(runtime, monkeypatch):
    now = utcnow()
    texts = ["el pedido llegó ayer por la tarde, ya veremos",  # torn sentiment
             "me cobraron el envío y no sé por qué",  # unsure complaint
             "gracias, todo llegó perfecto y a tiempo"]  # sure
    _model_says(monkeypatch, [
        (TORN, 0.03),
        ({"negative": 0.05, "neutral": 0.15, "positive": 0.80}, 0.40),
        ({"negative": 0.02, "neutral": 0.08, "positive": 0.90}, 0.02),
    ])
    posts = [make_post(n, text, author=make_author(n), created_at=now - timedelta(hours=n))
             for n, text in enumerate(texts, 1)]
    store = runtime.workspace.store
    torn, unsure, sure = ingest(store, runtime.triager, None, posts, None, None).added
    row = store.db.execute_sql("SELECT complaint, sentiment, sentiment_label, certainty "
                               "FROM mention WHERE id = ?", (torn,)).fetchone()
    complaint, sentiment, label, stored = float(row[0]), float(row[1]), row[2], row[3]
    assert label == "negative" and stored == pytest.approx(0.05)
    # From the stored scores the post looks decided: the old estimate would not ask.
    assert margin(complaint, sentiment, label) >= UNSURE
    queue = runtime.triage_service.ask_me(12)
    assert [item.mention_id for item in queue] == [torn, unsure]
    assert queue[0].margin == pytest.approx(0.05) and queue[1].margin == pytest.approx(0.2)
    assert sure not in [item.mention_id for item in queue]


def test_a_correction_stores_the_post_as_certain(runtime, monkeypatch):
    post = make_post(1, "el pedido llegó ayer por la tarde, ya veremos", created_at=utcnow())
    _model_says(monkeypatch, [(TORN, 0.5)])
    store = runtime.workspace.store
    (mention_id,) = ingest(store, runtime.triager, None, [post], None, None).added
    service = runtime.triage_service
    service.correct(mention_id, "is_complaint", "no")
    stored = store.db.execute_sql("SELECT certainty FROM mention WHERE id = ?",
                                  (mention_id,)).fetchone()[0]
    assert stored is not None and stored < 1.0  # the sentiment is still the model's guess
    service.correct(mention_id, "sentiment_label", "neutral")
    assert store.db.execute_sql("SELECT certainty FROM mention WHERE id = ?",
                                (mention_id,)).fetchone()[0] == 1.0
    assert service.ask_me(12) == []  # and a corrected post is never asked about
