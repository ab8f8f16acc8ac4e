"""``posventa corrections import FILE.jsonl`` on a real workspace: bad lines by number, the
rest stored, one retraining, and the corrected posts relabelled."""

from __future__ import annotations

import json

import pytest

from console.app.cli.main import main
from console.app.runtime import open_runtime
from console.triage import corrections
from console.triage.queries import mention_ids_by_remote

HISTORY = """id,fecha,usuario,mensaje
101,2026-11-20 10:00,ana_r,me cobraron dos veces el pedido y nadie contesta
102,2026-11-20 11:00,luis_p,gracias por la ayuda con la devolución
103,2026-11-21 09:30,marta_g,¿cuándo abre la tienda del centro?
104,2026-11-21 12:00,pablo_s,la lavadora llegó rota y el técnico no viene
"""


@pytest.fixture
def ws(tmp_path, monkeypatch):
    monkeypatch.setattr("console.app.secrets.SecretStore._probe", lambda self: None)
    ws = tmp_path / "ws"
    csv = tmp_path / "history.csv"
    csv.write_text(HISTORY, encoding="utf-8")
    assert main(["--workspace", str(ws), "import-csv", str(csv)]) == 0
    return ws


def _id(ws, remote_id: str) -> int:
    rt = open_runtime(ws, memory_secrets=True)
    try:
        [found] = mention_ids_by_remote(rt.workspace.store.db, "import", remote_id, None)
        return found
    finally:
        rt.close()


def test_import_stores_good_lines_reports_bad_ones_and_retrains_once(ws, tmp_path, capsys,
                                                                      monkeypatch):
    from console.triage.engine import Triager

    capsys.readouterr()
    retrained = []
    real = Triager.set_corrections
    monkeypatch.setattr(Triager, "set_corrections",
                        lambda self, c: retrained.append(1) or real(self, c))
    thanks = _id(ws, "102")
    lines = [
        json.dumps({"mention": thanks, "field": "is_complaint", "value": "no"}),
        json.dumps({"channel": "import", "remote_id": "101", "field": "sentiment_label",
                    "value": "negative"}),
        json.dumps({"channel": "import", "remote_id": 104, "field": "is_complaint",
                    "value": "yes"}),
        "",
        "{not json",
        json.dumps({"mention": 99999, "field": "is_complaint", "value": "yes"}),
        json.dumps({"channel": "import", "remote_id": "103", "field": "mood", "value": "ok"}),
        json.dumps({"channel": "import", "remote_id": "555", "field": "spam", "value": "yes"}),
        json.dumps({"channel": "import", "remote_id": "103", "field": "is_complaint",
                    "value": "maybe"}),
        json.dumps({"channel": "import", "remote_id": "103", "field": "is_complaint",
                    "value": "no"}),
    ]
    path = tmp_path / "corrections.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code = main(["--workspace", str(ws), "corrections", "import", str(path)])
    out, err = capsys.readouterr()
    assert code == 1  # some lines were bad
    bad = err.strip().splitlines()
    assert [line.split(":")[0] for line in bad] == ["line 5", "line 6", "line 7", "line 8",
                                                     "line 9"]
    assert bad[0] == "line 5: This is not a JSON object."
    assert bad[1] == "line 6: There is no mention 99999."
    assert bad[3] == "line 8: There is no stored post 555 from import."
    assert all(line.endswith(".") and "Traceback" not in line for line in bad)
    assert out.startswith("imported 4 corrections on 4 mentions; 5 bad lines left out\n")
    assert "model learned from 4 corrections" in out
    assert len(retrained) == 1  # one retraining for the whole file

    rt = open_runtime(ws, memory_secrets=True)
    try:
        db = rt.workspace.store.db
        rows = {(c.mention_id, c.field, c.value) for c in corrections.list_corrections(db)}
        assert (thanks, "is_complaint", "no") in rows
        assert (_id_in(db, "104"), "is_complaint", "yes") in rows
        shown = rt.triage_service.mention(_id_in(db, "104"))
        assert shown is not None and shown.is_complaint  # relabelled though not open
        assert rt.triage_service.mention(_id_in(db, "101")).sentiment_label == "negative"
    finally:
        rt.close()

    # The same file again changes nothing and does not retrain.
    retrained.clear()
    assert main(["--workspace", str(ws), "corrections", "import", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("imported 0 corrections on 0 mentions; 4 already stored")
    assert not retrained


def _id_in(db, remote_id: str) -> int:
    return mention_ids_by_remote(db, "import", remote_id, None)[0]


def test_unreadable_file_is_one_sentence(ws, tmp_path, capsys):
    capsys.readouterr()
    assert main(["--workspace", str(ws), "corrections", "import",
                 str(tmp_path / "missing.jsonl")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("posventa corrections: There is no file ") and err.count("\n") == 1
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes('{"mention": 1, "field": "reason", "value": "facturación"}'
                      .encode("latin-1"))
    assert main(["--workspace", str(ws), "corrections", "import", str(latin)]) == 1
    assert "is not UTF-8 text" in capsys.readouterr().err


def test_workspace_triage_scores_with_what_it_learned(ws, tmp_path, capsys, monkeypatch):
    import io

    from console.triage import TriageInput, Triager

    text = "la lavadora llegó rota y el técnico no viene"
    shipped = Triager().score(TriageInput(text=text, lang_hint="es")).is_complaint
    wanted = "no" if shipped else "yes"
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"channel": "import", "remote_id": "104",
                                "field": "is_complaint", "value": wanted}) + "\n",
                    encoding="utf-8")
    assert main(["--workspace", str(ws), "corrections", "import", str(path)]) == 0
    capsys.readouterr()

    def triage(*argv: str) -> dict:
        monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps({"text": text}) + "\n"))
        assert main([*argv, "triage", "--jsonl"]) == 0
        return json.loads(capsys.readouterr().out.splitlines()[0])

    assert triage("--workspace", str(ws))["is_complaint"] == (wanted == "yes")
    assert triage()["is_complaint"] == shipped  # no workspace: the shipped model
