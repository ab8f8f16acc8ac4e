"""How good is it here: k-fold precision and recall on the team's own corrections."""

from __future__ import annotations

import pytest

from console.app.cli.main import main
from console.app.runtime import open_runtime
from console.triage import Correction, Triager
from console.triage import corrections as stored
from console.triage.quality import MIN_CORRECTIONS, cross_validate

# Written for this test: what a shop's customers might post.
ITEMS = ("pedido", "paquete", "reembolso", "factura", "lavadora", "nevera", "móvil",
         "ventilador", "tarjeta", "cuenta", "envío", "devolución", "cafetera", "horno")
COMPLAINTS = ("mi {x} lleva dos semanas sin llegar y nadie me responde",
              "me cobraron dos veces el {x}, quiero mi dinero ya")
PRAISE = ("gracias, el {x} llegó antes de lo previsto",
          "¿a qué hora abre la tienda para recoger el {x}?")


def _corrections(n_items: int = len(ITEMS)) -> list[Correction]:
    out = []
    for item in ITEMS[:n_items]:
        out += [Correction(t.format(x=item), "is_complaint", True, "es") for t in COMPLAINTS]
        out += [Correction(t.format(x=item), "is_complaint", False, "es") for t in PRAISE]
    return out


@pytest.fixture
def ws(tmp_path, monkeypatch):
    monkeypatch.setattr("console.app.secrets.SecretStore._probe", lambda self: None)
    return tmp_path / "ws"


def test_too_few_corrections_say_so():
    few = _corrections(4)  # 16 posts
    measured = cross_validate(few, make=lambda: pytest.fail("nothing to measure"))
    assert measured.complaint is None and measured.complaint_posts == 16
    assert measured.negative is None and measured.learned == 16


def test_cross_validation_scores_held_out_posts():
    data = _corrections()
    made: list[Triager] = []

    def make() -> Triager:
        made.append(Triager())
        return made[-1]

    measured = cross_validate(data, folds=4, make=make)
    assert len(made) == 4  # a fresh model per fold
    assert all(t.corrections_count < len(data) for t in made)  # none saw every post
    scores = measured.complaint
    assert scores is not None and scores.posts == len(data) >= MIN_CORRECTIONS
    assert scores.positives == len(data) // 2
    assert 0 <= scores.precision <= 1 and 0 <= scores.recall <= 1
    # The posts repeat a pattern: a model that learns the other folds gets them right.
    assert scores.recall > 0.6 and scores.precision > 0.6


def test_cli_stats_shows_figures_and_what_the_retraining_changed(ws, capsys):
    rt = open_runtime(ws, memory_secrets=True)
    db = rt.workspace.store.db
    with rt.workspace.store.write():
        for c in _corrections(3):
            stored.add(db, mention_id=None, field=c.field, value=c.value, previous="",
                       text=c.text, lang="es", agent="test")
    rt.close()
    assert main(["--workspace", str(ws), "corrections", "stats"]) == 0
    out = capsys.readouterr().out
    assert "the model learned from 12" in out
    assert "complaint: too few corrections to measure (12 of the 20" in out
    rt = open_runtime(ws, memory_secrets=True)
    with rt.workspace.store.write():
        for c in _corrections()[12:]:
            stored.add(db := rt.workspace.store.db, mention_id=None, field=c.field,
                       value=c.value, previous="", text=c.text, lang="es", agent="test")
    rt.close()
    assert main(["--workspace", str(ws), "corrections", "learn"]) == 0
    capsys.readouterr()
    assert main(["--workspace", str(ws), "corrections", "stats"]) == 0
    out = capsys.readouterr().out
    assert "5-fold cross-validation on 56 corrections" in out
    assert "complaint: precision 0." in out or "complaint: precision 1.00" in out
    assert "before the last retraining (12 corrections):" in out
    assert "negative sentiment: too few corrections to measure (0 of the 20" in out


def test_measuring_again_waits_for_enough_new_corrections():
    from console.triage.quality import Quality, worth_measuring

    assert worth_measuring(None, 0)
    last = Quality(100, None, None, 100, 0, "2026-12-05T00:00:00")
    assert not worth_measuring(last, 105)
    assert worth_measuring(last, 110)
    assert worth_measuring(last, 40)  # a reset
    big = Quality(1000, None, None, 1000, 0, "2026-12-05T00:00:00")
    assert not worth_measuring(big, 1040) and worth_measuring(big, 1050)
