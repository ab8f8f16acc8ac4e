"""py3langid's language probabilities for a page of posts at once.

py3langid reads a text by walking a byte automaton: every state it passes may name a
feature (a byte n-gram), and the language scores are the log-counted features times a
Naive Bayes table. Walked one text at a time in Python, with a few small numpy calls per
text, that is about 40 µs a post, a sixth of all triage. Here the automaton steps every
text of a page together (one numpy lookup per byte position, the texts sorted longest
first so the texts still walking are a prefix), the features of the whole page are
counted with one ``np.unique``, and the table is applied once. The few texts much longer
than the rest finish their walk one byte at a time, as py3langid does, so one blog post
does not make the page step thousands of times.

The feature counts are py3langid's exactly; the scores follow its formula (log1p counts
times the table, plus the priors, divided by the square root of the length in bytes, then
normalised) and match its own to about 1e-6. A post scores the same alone as in a page:
its sums are taken in the same order either way.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

import numpy as np

_LAST_WALKERS = 4  # below this many texts still walking, finish them one byte at a time


def _encoded(text: str) -> bytes:
    """The bytes py3langid reads for a text (lower-cased when all upper case, NFC)."""
    if text.isupper():
        text = text.lower()
    return unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass")


class PageIdentifier:
    """Language probabilities of many texts, from a py3langid ``LanguageIdentifier``
    restricted to the languages wanted (``set_languages``)."""

    def __init__(self, identifier: Any) -> None:
        self.languages: list[str] = list(identifier.nb_classes)
        self._next = np.asarray(identifier.tk_nextmove)
        self._next_list = identifier.tk_nextmove
        self._rowbase_list: list[int] = identifier._rowbase
        self._rowbase = np.asarray(self._rowbase_list, dtype=np.int64)
        self._output_list: list[int] = identifier.tk_output
        self._output = np.asarray(self._output_list, dtype=np.int64)
        self._table = np.asarray(identifier.nb_ptc, dtype=np.float32)
        self._priors = np.asarray(identifier.nb_pc, dtype=np.float32)
        if len(set(self.languages)) != len(self.languages):
            raise ValueError("a language appears twice in the identifier")

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text, one column per language (``self.languages``), summing to 1;
        a text with no feature at all gets equal probabilities."""
        data = [_encoded(t) for t in texts]
        n = len(data)
        scores = np.zeros((n, len(self.languages)), dtype=np.float32)
        if n == 0:
            return scores
        lengths = np.fromiter((len(d) for d in data), dtype=np.int64, count=n)
        order = np.argsort(-lengths, kind="stable")
        keys = self._feature_keys([data[i] for i in order], lengths[order])
        features = self._table.shape[0]
        found, counts = np.unique(keys, return_counts=True)
        if len(found):
            rows, columns = found // features, found % features
            weighted = np.log1p(counts.astype(np.float32))[:, None] * self._table[columns]
            starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
            scores[order[rows[starts]]] = np.add.reduceat(weighted, starts, axis=0) + self._priors
        scores *= (1.0 / np.sqrt(np.maximum(lengths, 1)).astype(np.float32))[:, None]
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        scores /= scores.sum(axis=1, keepdims=True)
        return scores

    def _feature_keys(self, data: list[bytes], lengths: np.ndarray) -> np.ndarray:
        """``row * features + feature`` for every feature every text passes (texts sorted
        longest first; a feature passed twice appears twice)."""
        n, features = len(data), self._table.shape[0]
        # How many texts still walk at each byte position (lengths are in falling order).
        walking = n - np.searchsorted(lengths[::-1], np.arange(int(lengths[0])), side="right")
        steps = int(np.searchsorted(-walking, -_LAST_WALKERS, side="right"))
        if n < _LAST_WALKERS:
            steps = 0
        columns = np.zeros((steps, n), dtype=np.uint8)
        for row, text in enumerate(data):
            head = text[:steps]
            if head:
                columns[:len(head), row] = np.frombuffer(head, dtype=np.uint8)
        state = np.zeros(n, dtype=np.int64)
        visited = []
        for step in range(steps):
            k = int(walking[step])
            moved = self._next[self._rowbase[state[:k]] + columns[step, :k]]
            state[:k] = moved
            visited.append(moved)
        parts = []
        if visited:
            rows = np.arange(n, dtype=np.int64)
            passed = self._output[np.concatenate(visited)]
            owners = np.concatenate([rows[:int(walking[s])] for s in range(steps)])
            hit = passed >= 0
            parts.append(owners[hit] * features + passed[hit])
        for row in range(n):
            if len(data[row]) > steps:
                rest = self._walk(int(state[row]), data[row][steps:])
                if rest:
                    parts.append(np.asarray(rest, dtype=np.int64) + row * features)
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)

    def _walk(self, state: int, text: bytes) -> list[int]:
        """The features passed walking ``text`` from ``state``, one byte at a time."""
        step, rowbase, output = self._next_list, self._rowbase_list, self._output_list
        passed = []
        for byte in text:
            state = step[rowbase[state] + byte]
            feature = output[state]
            if feature >= 0:
                passed.append(feature)
        return passed


def ranked(identifier: PageIdentifier, texts: Sequence[str]) -> list[dict[str, float]]:
    """Per text, the probability of each language."""
    langs = identifier.languages
    return [dict(zip(langs, row, strict=True)) for row in identifier.probabilities(texts).tolist()]

