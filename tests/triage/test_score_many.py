"""Scoring a page at once gives every post the labels it gets when scored alone."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from console.resources import resource_path
from console.triage import Correction, TriageInput, Triager

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def _eval_items() -> list[TriageInput]:
    lines = resource_path("triage", "eval.jsonl").read_text(encoding="utf-8").splitlines()
    items = [TriageInput(text=json.loads(line)["text"]) for line in lines if line.strip()]
    # Posts with nothing for the models to read sit in the page too.
    return [*items, TriageInput(text=""), TriageInput(text="https://example.org @someone")]


def test_a_page_scored_at_once_matches_each_post_scored_alone(triager: Triager) -> None:
    items = _eval_items()
    page = triager.score_many(items, now=NOW)
    alone = [triager.score(item, now=NOW) for item in items]
    assert len(page) == len(items) > 600
    assert page == alone
    assert {r.sentiment_label for r in page} >= {"negative", "neutral", "positive"}
    assert any(r.is_complaint for r in page) and not all(r.is_complaint for r in page)


def test_a_team_model_scores_a_page_like_post_by_post() -> None:
    team = Triager()
    team.learn([
        Correction("the parcel locker ate my code again", "is_complaint", True),
        Correction("parcel locker was quick today", "is_complaint", False),
        Correction("parcel locker was quick today", "sentiment_label", "positive"),
    ])
    items = _eval_items()[:200]
    assert team.score_many(items, now=NOW) == [team.score(i, now=NOW) for i in items]


def test_an_empty_page_scores_nothing(triager: Triager) -> None:
    assert triager.score_many([], now=NOW) == []
