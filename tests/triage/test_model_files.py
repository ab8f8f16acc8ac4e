"""The Naive Bayes tables saved: the reason table only (format 2); format 1 files, which
also held unused complaint and sentiment tables, still load or are retrained."""

from __future__ import annotations

import json
from pathlib import Path

from console.resources import resource_path
from console.triage import Correction, TriageInput, Triager, learn

POST = "me cobraron dos veces la suscripción de este mes"
NEAR = "otra vez me cobraron dos veces la suscripción de este mes"
CORRECTIONS = [Correction(POST, "reason", "billing", "es"),
               Correction(POST, "sentiment_label", "negative", "es")]


def test_the_shipped_file_holds_the_reason_table_only():
    data = json.loads(resource_path("triage", learn.BASE_MODEL).read_text(encoding="utf-8"))
    assert data["format"] == learn.BASE_FORMAT == 2
    assert set(data) == {"format", "digest", "reason"}


def test_a_team_file_holds_the_reason_table_only(tmp_path: Path):
    Triager(tmp_path).learn(CORRECTIONS)
    data = json.loads((tmp_path / learn.MODEL_FILE).read_text(encoding="utf-8"))
    assert data["version"] == learn.MODEL_VERSION == 2
    assert set(data) == {"version", "corrections", "reason"}


def _as_format_1(path: Path) -> None:
    """Rewrites a saved team model as the previous version wrote it: three tables."""
    data = json.loads(path.read_text(encoding="utf-8"))
    unused = {"labels": ["no", "yes"], "priors": {"no": -1.0, "yes": -1.0},
              "features": {"w:cobr": {"no": -9.0, "yes": -1.0}}}
    data.update(version=1, complaint=unused, sentiment=unused)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_a_format_1_team_file_loads_and_is_saved_again_as_format_2(tmp_path: Path):
    Triager(tmp_path).learn(CORRECTIONS)
    path = tmp_path / learn.MODEL_FILE
    _as_format_1(path)
    triager = Triager(tmp_path)
    assert triager.corrections_count == 2
    result = triager.score(TriageInput(NEAR, lang_hint="es"))
    assert result.is_complaint and result.reason == "billing"
    assert result.sentiment_label == "negative"
    triager.learn([Correction(NEAR, "is_complaint", True, "es")])
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 2 and "complaint" not in data and "sentiment" not in data
    assert Triager(tmp_path).corrections_count == 3


def test_a_damaged_team_file_is_retrained_or_skipped_not_a_crash(tmp_path: Path):
    Triager(tmp_path).learn(CORRECTIONS)
    path = tmp_path / learn.MODEL_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    data["reason"] = "not a table"
    path.write_text(json.dumps(data), encoding="utf-8")
    triager = Triager(tmp_path)  # the tables are retrained from the corrections
    assert triager.corrections_count == 2
    assert triager.score(TriageInput(NEAR, lang_hint="es")).reason == "billing"
    path.write_text('{"version": 2, "corrections": [', encoding="utf-8")
    assert Triager(tmp_path).corrections_count == 0  # unreadable: started without it
    kept = tmp_path / f"{learn.MODEL_FILE}.damaged"  # and kept, never overwritten
    assert kept.read_text(encoding="utf-8") == '{"version": 2, "corrections": ['
    path.write_text("also damaged", encoding="utf-8")
    Triager(tmp_path)
    assert (tmp_path / f"{learn.MODEL_FILE}.damaged-2").read_text(encoding="utf-8") == (
        "also damaged")


def test_a_format_1_shipped_file_is_retrained_in_memory(tmp_path: Path, monkeypatch):
    shipped = json.loads(resource_path("triage", learn.BASE_MODEL).read_text(encoding="utf-8"))
    old = tmp_path / learn.BASE_MODEL
    old.write_text(json.dumps({"digest": shipped["digest"], "complaint": shipped["reason"],
                               "sentiment": shipped["reason"], "reason": {"labels": []}}),
                   encoding="utf-8")
    real = learn.resource_path
    monkeypatch.setattr(learn, "resource_path", lambda *parts: old if parts == (
        "triage", learn.BASE_MODEL) else real(*parts))
    monkeypatch.setattr(learn, "_base", None)
    retrained = learn.base_classifiers()
    assert retrained.reason.to_dict() == shipped["reason"]
