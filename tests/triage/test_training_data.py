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


# Held-apart posts: eval.jsonl, and the 30% of the varied and of the positive hand-written
# posts kept out of written-varied.jsonl and written-positive.jsonl (LABELLING.md says how
# they were split).
EVALUATION_FILES = ("eval.jsonl", "eval-varied.jsonl", "eval-positive.jsonl")


def test_no_evaluation_post_is_trained_on() -> None:
    trained = {fold(row["text"]).strip() for name in TRAINING_FILES for row in _rows(name)}
    for name in EVALUATION_FILES:
        assert name not in TRAINING_FILES
        shared = [row["text"] for row in _rows(name) if fold(row["text"]).strip() in trained]
        assert not shared, (name, shared[:3])


def test_evaluation_files_are_labelled_like_training_posts() -> None:
    for name in EVALUATION_FILES:
        for row in _rows(name):
            assert row["lang"] in ("es", "en"), row
            assert row["sentiment_label"] in ("negative", "neutral", "positive"), row
            assert (row["reason"] != "none") == row["is_complaint"], row


def test_every_training_post_is_labelled_consistently() -> None:
    for name in TRAINING_FILES:
        for row in _rows(name):
            assert row["lang"] in ("es", "en"), row
            assert row["sentiment_label"] in ("negative", "neutral", "positive"), row
            assert isinstance(row["is_complaint"], bool), row
            assert row["reason"] in (*COMPLAINT_REASONS, "none"), row
            assert (row["reason"] != "none") == row["is_complaint"], row
