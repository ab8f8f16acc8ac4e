"""The static piece vectors: multilingual neighbours, and a clean fallback without them."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np

from console.resources import resource_path
from console.triage.embed import PIECES_FILE, VECTORS, PieceVectors
from console.triage.text import prepare


def _vec(vectors: PieceVectors, text: str) -> np.ndarray:
    return vectors.vector(vectors.pieces(prepare(text)))


def test_a_spanish_post_lands_next_to_its_english_twin() -> None:
    assert VECTORS.available
    order_es = _vec(VECTORS, "mi pedido nunca llegó")
    order_en = _vec(VECTORS, "my order never arrived")
    phone_en = _vec(VECTORS, "I love this phone")
    phone_es = _vec(VECTORS, "me encanta este teléfono")
    assert order_es @ order_en > order_es @ phone_en + 0.3
    assert phone_es @ phone_en > phone_es @ order_en + 0.3
    assert abs(float(order_en @ order_en) - 1.0) < 1e-4


def test_without_the_table_posts_get_no_vector_and_scoring_goes_on(tmp_path: Path) -> None:
    shutil.copyfile(resource_path("triage", PIECES_FILE), tmp_path / PIECES_FILE)
    missing = PieceVectors(tmp_path)  # no piece-vectors.npz in this folder
    assert not missing.available
    assert missing.pieces(prepare("mi pedido nunca llegó")) == []
    assert not _vec(missing, "mi pedido nunca llegó").any()


def test_triage_without_the_table_still_labels_posts(tmp_path: Path, monkeypatch) -> None:
    from console.triage import TriageInput, Triager, shipped

    monkeypatch.setattr(shipped, "VECTORS", PieceVectors(tmp_path))
    result = Triager().score(TriageInput("me cobraron dos veces la factura, quiero mi dinero"))
    assert result.is_complaint and result.sentiment_label == "negative"
