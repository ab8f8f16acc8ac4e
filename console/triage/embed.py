"""Post vectors from a static word-piece embedding table (no neural network at run time).

``resources/triage/piece-vectors.npz`` holds one int8 vector per SentencePiece piece,
distilled once from Google's multilingual Universal Sentence Encoder v3 by
``resources/triage/build_embeddings.py``. A post is split into pieces with
``sentencepiece`` (``pieces.model``, copied from the same package) and its vector is the
mean of its pieces' vectors, scaled to unit length: a table lookup and a sum. Posts in
Spanish and English with different words for the same thing land near each other, which
is what lets a model trained on a few thousand posts generalise.

When the table or ``sentencepiece`` is missing the vector is all zeros and ``available``
says so; triage then runs on the word features alone (worse, but it runs).
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from console.resources import resource_path

from .text import Prepared

DIMS = 256
TABLE_FILE = "piece-vectors.npz"
PIECES_FILE = "pieces.model"
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_HANDLE = re.compile(r"(?<!\w)@\w+")
log = logging.getLogger(__name__)


class PieceVectors:
    """The piece table and tokenizer, loaded on first use (thread-safe).

    ``folder`` holds ``piece-vectors.npz`` and ``pieces.model`` (default: the shipped ones).
    """

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder if folder is not None else resource_path("triage")
        self._lock = threading.Lock()
        self._loaded = False
        self._sp: Any = None
        self._rows: np.ndarray = np.zeros(0, dtype=np.int32)  # piece id -> table row or -1
        self._table: np.ndarray = np.zeros((1, DIMS), dtype=np.float32)

    def _load(self) -> None:
        with self._lock:
            if self._loaded:
                return
            try:
                import sentencepiece as spm

                sp = spm.SentencePieceProcessor(model_file=str(self._folder / PIECES_FILE))
                with np.load(self._folder / TABLE_FILE) as data:
                    ids, table, scale = data["ids"], data["table"], data["scale"]
                rows = np.full(sp.get_piece_size(), -1, dtype=np.int32)
                rows[ids] = np.arange(len(ids), dtype=np.int32)
                # Row len(ids) stays zero: pieces outside the table point at it.
                full = np.zeros((len(ids) + 1, DIMS), dtype=np.float32)
                full[:-1] = table.astype(np.float32) * scale
                rows[rows < 0] = len(ids)
                self._sp, self._rows, self._table = sp, rows, full
            except (ImportError, OSError, KeyError, ValueError, RuntimeError) as exc:
                log.warning("triage: no piece vectors (%s); using word features only", exc)
                self._sp = None
            self._loaded = True

    @property
    def available(self) -> bool:
        """True when the table and tokenizer loaded."""
        self._load()
        return self._sp is not None

    def pieces(self, prep: Prepared) -> list[int]:
        """SentencePiece ids of the post (lower case, without links and @handles)."""
        self._load()
        if self._sp is None:
            return []
        body = _HANDLE.sub(" ", _URL.sub(" ", prep.clean)).lower()
        ids: list[int] = self._sp.encode(body)
        return ids

    def pieces_many(self, preps: Sequence[Prepared]) -> list[list[int]]:
        """``pieces`` of several posts. One call per post: measured, sentencepiece's list
        call on one thread costs a third more CPU than single calls (on more threads it
        takes a core the app's other work needs)."""
        self._load()
        if self._sp is None:
            return [[] for _ in preps]
        encode = self._sp.encode
        return [encode(_HANDLE.sub(" ", _URL.sub(" ", prep.clean)).lower()) for prep in preps]

    def vector(self, pieces: list[int]) -> np.ndarray:
        """The unit-length mean of the pieces' vectors (zeros when none is known)."""
        if not pieces or self._sp is None:
            return np.zeros(DIMS, dtype=np.float32)
        # The page's arithmetic for one post: ``sum(axis=0)`` adds in another order than
        # ``reduceat`` does, and a page must score exactly as its posts one by one.
        vec = np.add.reduceat(self._table[self._rows[pieces]], [0], axis=0)[0]
        norm = float(np.sqrt(vec @ vec))
        return vec / norm if norm > 0 else vec

    def vectors(self, pieces: Sequence[list[int]]) -> np.ndarray:
        """``vector`` of several posts as rows of one (n, DIMS) array: one gather of all
        their pieces' rows and one segmented sum, the same additions in the same order."""
        out = np.zeros((len(pieces), DIMS), dtype=np.float32)
        counts = np.array([len(p) for p in pieces], dtype=np.int64)
        filled = np.flatnonzero(counts)
        if self._sp is None or len(filled) == 0:
            return out
        flat = np.fromiter((i for p in pieces for i in p), dtype=np.int64, count=int(counts.sum()))
        starts = np.r_[0, np.cumsum(counts)[:-1]][filled]
        sums = np.add.reduceat(self._table[self._rows[flat]], starts, axis=0)
        for row, vec in zip(filled, sums, strict=True):
            norm = float(np.sqrt(vec @ vec))
            out[row] = vec / norm if norm > 0 else vec
        return out


VECTORS = PieceVectors()
