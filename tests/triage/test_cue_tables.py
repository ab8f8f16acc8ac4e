"""Cue tables skip patterns a post cannot match, try the rest only where a match can start,
and find exactly what every pattern scanned along the whole post finds."""

from __future__ import annotations

import json
import random

import pytest

from console.resources import resource_path
from console.triage.cues import Cue, CueHit, CueTable, cue_table
from console.triage.text import prepare
from tests.bench.seed import text as generated_text

TABLES = ["complaint_cues", "reason_topics", "urgency_cues", "sarcasm_cues", "spam_cues"]


def _every_pattern(table: CueTable, folded: str, langs: tuple[str, ...]) -> list[CueHit]:
    """Each pattern of the table tried on the post, no index, no skipping."""
    hits = []
    for lang in (*langs, "*"):
        for cue, regex in zip(table.cues, table._regex, strict=True):
            if cue.lang == lang:
                hits.extend(CueHit(cue.label, cue.weight, lang, m.group())
                            for m in regex.finditer(folded))
    return hits


@pytest.fixture(scope="module")
def posts() -> list[str]:
    lines = resource_path("triage", "eval.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line.strip()]
    rng = random.Random(7)
    texts += [generated_text(rng) for _ in range(300)]  # dense in cue words
    texts += [  # repeats, overlaps, numbers inside words, a cue word as a prefix
        "no no no nothing works, nada de nada", "3 semanas 3 semanas y 45 dias",
        "pedido pedido pedidos #pedido", "call center callcenter call_center", "",
        "ya no funciona... ya no funcciona", "never again never-again nevermore",
        "cobro cobros cobrado cobranza 100 usd", "abc123 times, 2nd time, 3 times",
        "a a a a a", "x" * 500,
    ]
    return [prepare(text).folded for text in texts]


@pytest.mark.parametrize("name", TABLES)
def test_a_table_finds_what_every_pattern_finds(name: str, posts: list[str]) -> None:
    table = cue_table(name)
    found = 0
    for folded in posts:
        for langs in (("es", "en"), ("en",), ()):
            hits = table.find(folded, langs)
            assert hits == _every_pattern(table, folded, langs)
            found += len(hits)
    assert found > 0


def test_a_pattern_needs_each_of_its_words() -> None:
    table = CueTable([
        Cue("es", "delivery", 1.0, "sigo ~ pedido|paquete"),
        Cue("en", "other", 0.5, "worst ~ no*"),  # a short prefix later in a pattern
    ])
    assert [h.text for h in table.find("sigo esperando mi paquete", ("es",))] == [
        "sigo esperando mi paquete"]
    assert table.find("sigo esperando mi respuesta", ("es",)) == []
    assert [h.text for h in table.find("the worst, nothing works", ("en",))] == [
        "worst, nothing"]
