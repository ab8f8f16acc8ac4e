"""Learning from corrections, rules, evaluation arithmetic and the CLI handlers."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from console.resources import resource_path
from console.triage import Correction, TriageInput, Triager
from console.triage.cli import register, run_triage, stream_jsonl
from console.triage.evaluate import classification_report, evaluate
from console.triage.learn import inputs_digest, linear_digest
from console.triage.rules import Action, Condition, PostFacts, Rule, apply_rules, rules_from_list

ROOT = Path(__file__).resolve().parents[2]


def test_shipped_model_is_up_to_date() -> None:
    data = json.loads(resource_path("triage", "base-model.json").read_text(encoding="utf-8"))
    assert data["digest"] == inputs_digest(), "run resources/triage/build_model.py"
    import numpy as np

    with np.load(resource_path("triage", "linear-model.npz")) as linear:
        assert str(linear["digest"]) == linear_digest(), "run resources/triage/build_model.py"


def test_learning_changes_similar_posts_and_reset_restores(tmp_path: Path) -> None:
    triager = Triager(tmp_path)
    post = "el repartidor tocó el timbre a las 6 de la mañana"
    similar = "hoy el repartidor tocó el timbre a las 6 de la mañana"
    before = triager.score(TriageInput(similar))
    assert not before.is_complaint
    triager.learn(
        [
            Correction(post, "is_complaint", True),
            Correction(post, "reason", "delivery"),
            Correction(post, "sentiment_label", "negative"),
        ]
    )
    assert triager.corrections_count == 3
    after = triager.score(TriageInput(similar))
    assert after.is_complaint and after.reason == "delivery"
    assert after.sentiment_label == "negative"
    reloaded = Triager(tmp_path)  # saved to model_dir and loaded on init
    assert reloaded.corrections_count == 3
    assert reloaded.score(TriageInput(similar)).is_complaint
    reloaded.reset()
    assert reloaded.corrections_count == 0
    assert reloaded.score(TriageInput(similar)).is_complaint == before.is_complaint
    assert Triager(tmp_path).corrections_count == 0


def test_learning_relevance_spam_and_lang(tmp_path: Path) -> None:
    triager = Triager(tmp_path)
    breeze = "la brisa marina de Acapulco al atardecer"
    item = TriageInput("brisa marina en Acapulco hoy", tagged=False, source="keyword")
    assert triager.score(item).relevance >= 0.5
    triager.learn(
        [
            Correction(breeze, "not_relevant", True),
            Correction("promo brisa sorteo", "spam", True),
            Correction("brisa brisa jaja", "lang", "other"),
        ]
    )
    assert triager.score(item).relevance < 0.5
    assert triager.score(TriageInput("promo brisa sorteo")).spam
    assert triager.score(TriageInput("brisa brisa jaja")).lang == "other"


def test_bad_corrections_are_rejected(tmp_path: Path) -> None:
    triager = Triager(tmp_path)
    with pytest.raises(ValueError):
        triager.learn([Correction("x", "colour", "red")])
    with pytest.raises(ValueError):
        triager.learn([Correction("x", "sentiment_label", "furious")])
    assert triager.corrections_count == 0


def test_rules_in_order_and_fired_recorded() -> None:
    rules = [
        Rule(
            "vip",
            (Condition("author_in", "@Ana, bob"),),
            (Action("tag", "vip"), Action("set_priority", "90")),
        ),
        Rule(
            "legal",
            (Condition("keyword", "abogado, profeco"), Condition("language", "es")),
            (Action("tag", "legal"), Action("assign", "legal-team"), Action("set_priority", "95")),
        ),
        Rule(
            "quiet",
            (Condition("followers_at_least", "1000", negate=True),),
            (Action("tag", "small"),),
            stop=True,
        ),
        Rule("never", (), (Action("close"),)),
    ]
    post = PostFacts(
        text="Voy a ir a PROFECO", lang="es", author="ana", followers=10, complaint=0.9
    )
    outcome = apply_rules(rules, post)
    assert outcome.fired == ["vip", "legal", "quiet"]
    assert outcome.tags == ["vip", "legal", "small"]
    assert outcome.priority == 95 and outcome.assignee == "legal-team"
    assert not outcome.closed  # stop=True ended the evaluation
    other = apply_rules(rules, PostFacts(text="hola", lang="en", followers=5000, sentiment=-0.8))
    assert other.fired == ["never"] and other.closed


def test_rule_conditions_and_serialisation() -> None:
    rule = Rule(
        "angry big",
        (
            Condition("complaint_at_least", "0.8"),
            Condition("sentiment_at_most", "-0.5"),
            Condition("channel", "mastodon,bluesky"),
            Condition("source", "keyword"),
        ),
        (Action("hide_spam"), Action("mark_not_relevant")),
        match="all",
    )
    data = json.loads(json.dumps([rule.to_dict()]))
    assert rules_from_list(data) == [rule]
    hit = PostFacts(text="x", channel="bluesky", source="keyword", complaint=0.85, sentiment=-0.6)
    out = apply_rules([rule], hit)
    assert out.spam and out.not_relevant and out.fired == ["angry big"]
    assert apply_rules([rule], PostFacts(text="x", channel="bluesky", complaint=0.85)).fired == []
    with pytest.raises(ValueError):
        Rule.from_dict({"name": "bad", "conditions": [{"kind": "weather", "value": "x"}]})
    with pytest.raises(ValueError):
        Action("set_priority", "150")


def test_evaluation_arithmetic() -> None:
    gold = ["neg", "neg", "neg", "pos", "pos", "neu"]
    pred = ["neg", "neg", "pos", "pos", "neu", "neu"]
    report = classification_report("s", gold, pred)
    neg, pos, neu = report.classes["neg"], report.classes["pos"], report.classes["neu"]
    assert (neg.precision, neg.recall) == (1.0, pytest.approx(2 / 3))
    assert neg.f1 == pytest.approx(0.8)
    assert (pos.precision, pos.recall, pos.f1) == (0.5, 0.5, 0.5)
    assert (neu.precision, neu.recall) == (0.5, 1.0)
    assert neu.f1 == pytest.approx(2 / 3)
    assert report.macro_f1 == pytest.approx((0.8 + 0.5 + 2 / 3) / 3)
    assert report.accuracy == pytest.approx(4 / 6)
    empty = classification_report("s", ["a"], ["b"])
    assert empty.classes["b"].precision == 0.0 and empty.classes["a"].f1 == 0.0


def test_evaluate_reads_lines_and_skips_bad_ones(triager: Triager) -> None:
    lines = [
        json.dumps(
            {
                "text": "sigo esperando mi pedido",
                "lang": "es",
                "is_complaint": True,
                "sentiment_label": "negative",
            }
        ),
        "{not json",
        json.dumps({"text": "what a terrible storm", "is_complaint": False}),
    ]
    result = evaluate(lines, triager.score)
    assert result.lines == 2 and len(result.errors) == 1
    assert result.overall["is_complaint"].accuracy == 1.0
    # Beside the model: what labelling every post a complaint would score.
    baseline = result.overall["is_complaint"].baseline
    assert baseline is not None
    assert baseline.classes["complaint"].f1 == pytest.approx(2 / 3)  # P 1/2, R 1
    assert baseline.macro_f1 == pytest.approx(1 / 3)
    assert result.overall["negative"].classes["negative"].support == 1


def _args(**kw: object) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="posventa")
    register(parser.add_subparsers(dest="command"))
    argv = ["triage"]
    if kw.get("text"):
        argv.append(str(kw["text"]))
    if kw.get("jsonl"):
        argv.append("--jsonl")
    if kw.get("evaluate"):
        argv += ["--evaluate", str(kw["evaluate"])]
    return parser.parse_args(argv)


def test_cli_text() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert run_triage(_args(text="sigo esperando mi pedido"), stdout=out, stderr=err) == 0
    assert "complaint:  yes" in out.getvalue() and "delivery" in out.getvalue()


def test_cli_jsonl_streams_and_reports_bad_lines(triager: Triager) -> None:
    lines = [
        json.dumps({"text": "still waiting for my order"}),
        "oops",
        json.dumps({"lang": "es"}),
        json.dumps({"text": "gracias!", "lang": "es"}),
    ]
    out = io.StringIO()
    assert stream_jsonl(triager, lines, out) == 1
    rows = [json.loads(x) for x in out.getvalue().splitlines()]
    assert len(rows) == 4
    assert list(rows[0]) == [
        "lang",
        "sentiment",
        "sentiment_label",
        "complaint",
        "is_complaint",
        "reason",
        "priority",
    ]
    assert "error" in rows[1] and "error" in rows[2] and rows[3]["lang"] == "es"


def test_cli_evaluate_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"text": "my order never arrived", "is_complaint": True}) + "\n")
    out, err = io.StringIO(), io.StringIO()
    assert run_triage(_args(evaluate=path), stdout=out, stderr=err) == 0
    assert "macro F1" in out.getvalue()
    assert "baseline, every post complaint: complaint F1 1.000" in out.getvalue()
    err = io.StringIO()
    assert (
        run_triage(_args(evaluate=tmp_path / "missing.jsonl"), stdout=io.StringIO(), stderr=err)
        == 1
    )
    assert err.getvalue().count("\n") == 1 and "Traceback" not in err.getvalue()
    err = io.StringIO()
    assert run_triage(_args(), stdout=io.StringIO(), stderr=err) == 2


def test_cli_subprocess_streams_many_lines() -> None:
    code = (
        "import argparse,sys; from console.triage.cli import register;"
        "p=argparse.ArgumentParser(); s=p.add_subparsers(); register(s);"
        "a=p.parse_args(['triage','--jsonl']); sys.exit(a.func(a))"
    )
    feed = "".join(json.dumps({"text": f"pedido {i} no llega"}) + "\n" for i in range(300))
    proc = subprocess.run(
        [sys.executable, "-c", code],
        input=feed + "{bad\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    rows = proc.stdout.splitlines()
    assert len(rows) == 301 and proc.returncode == 1
    assert "Traceback" not in proc.stderr
