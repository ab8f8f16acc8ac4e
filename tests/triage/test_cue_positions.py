"""Cue tables find exactly what running every pattern over the whole text finds, though
they only try the patterns a post's words allow, at the words where a match can start."""

from __future__ import annotations

import json
import random

import pytest

from console.resources import resource_path
from console.triage.cues import CueHit, CueTable, cue_table
from console.triage.text import prepare
from tests.bench.seed import text as generated_text

TABLES = ("complaint_cues", "sarcasm_cues", "urgency_cues", "reason_topics", "spam_cues")
TRICKY = [
    "no no no nothing works, nada de nada", "3 semanas 3 semanas y 45 dias",
    "pedido pedido pedidos #pedido", "call center callcenter call_center", "",
    "ya no funciona... ya no funcciona", "never again never-again nevermore",
    "cobro cobros cobrado cobranza 100 usd", "a a a a a", "x" * 500,
]


def _brute_force(table: CueTable, folded: str, langs: tuple[str, ...]) -> list[CueHit]:
    hits = []
    for lang in (*langs, "*"):
        for cue, regex in zip(table.cues, table._regex, strict=True):
            if cue.lang == lang:
                hits.extend(CueHit(cue.label, cue.weight, lang, m.group())
                            for m in regex.finditer(folded))
    return hits


def _texts() -> list[str]:
    path = resource_path("triage", "eval.jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    rng = random.Random(7)
    return [row["text"] for row in rows] + [generated_text(rng) for _ in range(300)] + TRICKY


@pytest.mark.parametrize("name", TABLES)
def test_indexed_matching_finds_what_scanning_every_pattern_finds(name: str) -> None:
    table = cue_table(name)
    for raw in _texts():
        folded = prepare(raw).folded
        for langs in (("es", "en"), ("es",), ()):
            got = sorted(table.find(folded, langs), key=repr)
            assert got == sorted(_brute_force(table, folded, langs), key=repr), (raw, langs)
