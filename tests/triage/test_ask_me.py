"""Ask me: the recent, uncorrected, non-spam posts the model is least sure about, first."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from console.app.cli.main import main
from console.app.runtime import open_runtime
from console.store.timeutil import to_db, utcnow
from console.sync.ingest import ingest
from console.triage.ask_me import margin
from tests.builders import make_author, make_post

# (text, complaint, sentiment, label, spam, days ago) as the model would have stored them
POSTS = [
    ("me cobraron dos veces el envío", 0.51, -0.40, "negative", False, 1),  # unsure: complaint
    ("gracias, todo perfecto", 0.02, 0.80, "positive", False, 1),  # sure
    ("el paquete llegó hoy", 0.10, 0.14, "neutral", False, 2),  # unsure: sentiment edge
    ("gana dinero fácil aquí", 0.50, 0.00, "neutral", True, 1),  # spam: never asked
    ("sigo sin saber nada del pedido", 0.48, -0.50, "negative", False, 90),  # too old
    ("no sé si cancelar el pedido", 0.55, -0.60, "negative", False, 3),  # unsure, corrected
]


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    monkeypatch.setattr("console.app.secrets.SecretStore._probe", lambda self: None)
    ws = tmp_path / "ws"
    rt = open_runtime(ws, memory_secrets=True)
    now = utcnow()
    posts = [make_post(n, text, author=make_author(n), created_at=now - timedelta(days=days))
             for n, (text, *_rest, days) in enumerate(POSTS, 1)]
    ids = ingest(rt.workspace.store, rt.triager, None, posts, None, None).added
    db = rt.workspace.store.db
    # Stored as before schema 7 (no certainty): Ask me estimates it from these scores.
    with rt.workspace.store.write():
        for mention_id, (_text, complaint, sentiment, label, spam, _days) in zip(
                ids, POSTS, strict=True):
            db.execute_sql("UPDATE mention SET complaint = ?, sentiment = ?, "
                           "sentiment_label = ?, spam = ?, relevance = 1, certainty = NULL "
                           "WHERE id = ?", (complaint, sentiment, label, spam, mention_id))
    rt.triage_service.correct(ids[5], "is_complaint", "yes")
    # correct() relabels the post; put back the unsure figures to show the filter works
    with rt.workspace.store.write():
        db.execute_sql("UPDATE mention SET complaint = 0.55, certainty = NULL, created_at = ? "
                       "WHERE id = ?",
                       (to_db(now - timedelta(days=3)), ids[5]))
    yield rt, ids, ws
    rt.close()


def test_margin_is_low_on_either_boundary():
    assert margin(0.5, 0.9, "positive") == 0
    assert margin(0.02, 0.9, "positive") > 0.9
    assert margin(0.02, 0.15, "positive") < 0.05  # on the neutral|positive edge
    assert margin(0.02, 0.0, "undefined") > 0.9


def test_queue_holds_only_recent_unsure_uncorrected_posts(workspace):
    rt, ids, _ws = workspace
    queue = rt.triage_service.ask_me(12)
    assert [item.mention_id for item in queue] == [ids[0], ids[2]]  # least sure first
    assert queue[0].text == "me cobraron dos veces el envío"
    assert rt.triage_service.ask_me(1) == queue[:1]
    rt.triage_service.correct(ids[0], "is_complaint", "yes")
    assert [item.mention_id for item in rt.triage_service.ask_me(12)] == [ids[2]]


def test_cli_lists_the_queue_as_text_and_jsonl(workspace, capsys):
    rt, ids, ws = workspace
    rt.close()
    assert main(["--workspace", str(ws), "corrections", "ask", "--limit", "12"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("help the model: 2 posts to check")
    assert f"{ids[0]}\tes\tcomplaint 0.51" in out
    assert main(["--workspace", str(ws), "corrections", "ask", "--jsonl", "--limit", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    first = json.loads(lines[0])
    assert first["mention"] == ids[0] and first["complaint"] == 0.51
    assert first["text"] == "me cobraron dos veces el envío"


def test_the_edges_asked_about_are_where_the_model_changes_label(triager):
    from console.resources import resource_path
    from console.triage import TriageInput
    from console.triage.ask_me import SENTIMENT_EDGES

    lines = resource_path("triage", "eval.jsonl").read_text(encoding="utf-8").splitlines()
    items = [TriageInput(text=json.loads(line)["text"]) for line in lines if line.strip()]
    negative_edge, positive_edge = SENTIMENT_EDGES
    seen = set()
    for result in triager.score_many(items):
        seen.add(result.sentiment_label)
        if result.sentiment_label == "negative":
            assert result.sentiment <= negative_edge
        elif result.sentiment_label == "positive":
            assert result.sentiment >= positive_edge
        elif result.sentiment_label == "neutral":
            assert negative_edge < result.sentiment < positive_edge
    assert {"negative", "neutral", "positive"} <= seen
    # a score on either edge is the least sure there is
    assert margin(0.02, negative_edge, "negative") == margin(0.02, positive_edge, "positive") == 0
