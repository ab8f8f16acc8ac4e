"""The shipped training posts: well labelled, and never the evaluation posts."""

from __future__ import annotations

import json

from console.resources import resource_path
from console.triage.labels import COMPLAINT_REASONS
from console.triage.learn import TRAINING_FILES
from console.triage.text import fold


def _rows(name: str) -> list[dict]:
    text = resource_path("triage", name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_no_evaluation_post_is_trained_on() -> None:
    assert "eval.jsonl" not in TRAINING_FILES
    trained = {fold(row["text"]).strip() for name in TRAINING_FILES for row in _rows(name)}
    shared = [row["text"] for row in _rows("eval.jsonl") if fold(row["text"]).strip() in trained]
    assert not shared


def test_every_training_post_is_labelled_consistently() -> None:
    for name in TRAINING_FILES:
        for row in _rows(name):
            assert row["lang"] in ("es", "en"), row
            assert row["sentiment_label"] in ("negative", "neutral", "positive"), row
            assert isinstance(row["is_complaint"], bool), row
            assert row["reason"] in (*COMPLAINT_REASONS, "none"), row
            assert (row["reason"] != "none") == row["is_complaint"], row
