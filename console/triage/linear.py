"""Linear classifiers on plain tables: a softmax over a dense post vector and hashed features.

A post is described by its embedding (``embed.py``, 256 numbers) and a bag of sparse
features: word stems with negation, emoji, cue and lexicon readings (``features.py``) and
its SentencePiece ids, all hashed into ``BUCKETS`` slots with CRC-32 (stable across runs,
unlike ``hash``). Scoring is a dot product plus a sum of table rows. Training is
full-batch gradient descent with Adam and L2 in numpy, fast enough to retrain on a
thousand corrections in well under a second; the tables save to ``.npz`` (dense) or JSON
(only the rows that were trained).

An optional ``prior`` column holds a fixed logit per label from another model (the shipped
one): a model trained on a team's corrections then starts from the shipped model and only
learns how this team differs.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

BUCKETS = 1 << 18
_PIECE_SALT = 0x9E3779B1


_slot_of: dict[str, int] = {}  # a feature's slot: the same stems come back in every post
_SLOTS_KEPT = 200_000


def _slot(feature: str) -> int:
    slot = _slot_of.get(feature)
    if slot is None:
        slot = zlib.crc32(feature.encode()) & (BUCKETS - 1)
        if len(_slot_of) >= _SLOTS_KEPT:
            _slot_of.clear()
        _slot_of[feature] = slot
    return slot


def hashed(feats: Iterable[str], pieces: Sequence[int]) -> np.ndarray:
    """Slots of the string features and the piece ids (duplicates kept once)."""
    slots = {_slot(f) for f in feats}
    slots.update(((p * _PIECE_SALT) >> 7) & (BUCKETS - 1) for p in pieces)
    return np.fromiter(slots, dtype=np.int64, count=len(slots))


@dataclass
class Encoded:
    """Training posts as arrays: dense vectors, sparse slots (flat, with row numbers)."""

    dense: np.ndarray  # (n, d) float32
    rows: np.ndarray  # (m,) row of each sparse slot
    cols: np.ndarray  # (m,) slot
    counts: np.ndarray  # (n,) number of slots per post

    @classmethod
    def build(cls, dense: Sequence[np.ndarray], sparse: Sequence[np.ndarray]) -> Encoded:
        counts = np.array([len(s) for s in sparse], dtype=np.int64)
        rows = np.repeat(np.arange(len(sparse), dtype=np.int64), counts)
        cols = np.concatenate(list(sparse)) if sparse else np.zeros(0, dtype=np.int64)
        return cls(np.asarray(dense, dtype=np.float32), rows, cols, counts)

    def subset(self, index: np.ndarray) -> Encoded:
        sparse = np.split(self.cols, np.cumsum(self.counts)[:-1])
        return Encoded.build([self.dense[i] for i in index], [sparse[i] for i in index])


class LinearTable:
    """Softmax regression: logits = bias + dense @ V + sum of W[slot] (+ prior * a)."""

    def __init__(
        self,
        labels: list[str],
        bias: np.ndarray,
        dense: np.ndarray,
        sparse: dict[int, np.ndarray],
        prior_weight: np.ndarray | None = None,
    ) -> None:
        self.labels = labels
        self.bias = bias.astype(np.float32)
        self.dense = dense.astype(np.float32)
        # Products in double precision: a page (matrix times matrix) and a lone post
        # (vector times matrix) take different BLAS routines, whose float32 sums differ
        # in the last bit and could tip a rounded score; in float64 they never do.
        self._dense64 = self.dense.astype(np.float64)
        self.prior_weight = prior_weight
        self._sparse = np.zeros((BUCKETS, len(labels)), dtype=np.float32)
        for slot, row in sparse.items():
            self._sparse[slot] = row

    def logits(
        self, vector: np.ndarray, slots: np.ndarray, prior: np.ndarray | None = None
    ) -> np.ndarray:
        # reduceat, as ``logits_many`` sums: a page scores exactly as its posts one by one.
        rows = self._sparse[slots]
        sparse = np.add.reduceat(rows, [0], axis=0)[0] if len(rows) else rows.sum(axis=0)
        z = self.bias + vector @ self._dense64 + sparse
        if prior is not None and self.prior_weight is not None:
            z = z + prior * self.prior_weight
        return z

    def logits_many(
        self,
        vectors: np.ndarray,
        slots: Sequence[np.ndarray],
        prior: np.ndarray | None = None,
    ) -> np.ndarray:
        """``logits`` of n posts as an (n, labels) array: one matrix product for the dense
        part and one segmented sum of the gathered sparse rows."""
        n = len(slots)
        counts = np.array([len(s) for s in slots], dtype=np.int64)
        sparse = np.zeros((n, len(self.labels)), dtype=np.float32)
        filled = np.flatnonzero(counts)
        if len(filled):
            flat = np.concatenate([slots[int(i)] for i in filled])
            starts = np.r_[0, np.cumsum(counts[filled])[:-1]]
            sparse[filled] = np.add.reduceat(self._sparse[flat], starts, axis=0)
        z = self.bias + vectors @ self._dense64 + sparse
        if prior is not None and self.prior_weight is not None:
            z = z + prior * self.prior_weight
        return z

    def prob(
        self, vector: np.ndarray, slots: np.ndarray, prior: np.ndarray | None = None
    ) -> dict[str, float]:
        """Probability of each label."""
        z = self.logits(vector, slots, prior)
        z = np.exp(z - z.max())
        z /= z.sum()
        return {label: float(p) for label, p in zip(self.labels, z, strict=True)}

    @classmethod
    def train(
        cls,
        labels: list[str],
        data: Encoded,
        targets: np.ndarray,
        weights: np.ndarray | None = None,
        prior: np.ndarray | None = None,
        l2_dense: float = 1e-3,
        l2_sparse: float = 1e-3,
        steps: int = 300,
        rate: float = 0.05,
    ) -> LinearTable:
        """Fits the tables to ``targets`` (label indices) with Adam; ``prior`` is (n, k)."""
        n, d = data.dense.shape
        k = len(labels)
        weights = np.ones(n, dtype=np.float32) if weights is None else weights.astype(np.float32)
        weights = weights / weights.sum()
        onehot = np.zeros((n, k), dtype=np.float32)
        onehot[np.arange(n), targets] = 1.0
        used, local = np.unique(data.cols, return_inverse=True)
        params = {
            "b": np.zeros(k, dtype=np.float32),
            "V": np.zeros((d, k), dtype=np.float32),
            "W": np.zeros((len(used), k), dtype=np.float32),
        }
        if prior is not None:
            params["a"] = np.ones(k, dtype=np.float32)
        m = {name: np.zeros_like(p) for name, p in params.items()}
        v = {name: np.zeros_like(p) for name, p in params.items()}
        for step in range(1, steps + 1):
            z = params["b"] + data.dense @ params["V"]
            z += np.add.reduceat(params["W"][local], np.r_[0, np.cumsum(data.counts)[:-1]])
            if prior is not None:
                z += prior * params["a"]
            z -= z.max(axis=1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(axis=1, keepdims=True)
            g = (p - onehot) * weights[:, None]
            grads = {
                "b": g.sum(axis=0),
                "V": data.dense.T @ g + l2_dense * params["V"],
                "W": np.empty_like(params["W"]),
            }
            for j in range(k):  # bincount sums per slot far faster than np.add.at
                grads["W"][:, j] = np.bincount(local, weights=g[data.rows, j], minlength=len(used))
            grads["W"] += l2_sparse * params["W"]
            if prior is not None:
                grads["a"] = (g * prior).sum(axis=0) + l2_dense * (params["a"] - 1.0)
            for name, grad in grads.items():
                m[name] = 0.9 * m[name] + 0.1 * grad
                v[name] = 0.999 * v[name] + 0.001 * grad * grad
                mhat = m[name] / (1 - 0.9**step)
                vhat = v[name] / (1 - 0.999**step)
                params[name] -= rate * mhat / (np.sqrt(vhat) + 1e-8)
        sparse = {int(s): params["W"][i] for i, s in enumerate(used)}
        return cls(labels, params["b"], params["V"], sparse, params.get("a"))

    @classmethod
    def stack(cls, tables: Sequence[LinearTable]) -> LinearTable:
        """One table whose logits are the given tables' logits side by side (no prior)."""
        joined = cls(
            [label for t in tables for label in t.labels],
            np.concatenate([t.bias for t in tables]),
            np.concatenate([t.dense for t in tables], axis=1),
            {},
        )
        joined._sparse = np.concatenate([t._sparse for t in tables], axis=1)
        joined._dense64 = joined.dense.astype(np.float64)
        return joined

    def nonzero_sparse(self) -> dict[int, np.ndarray]:
        rows = np.flatnonzero(np.abs(self._sparse).sum(axis=1))
        return {int(r): self._sparse[r] for r in rows}

    def to_arrays(self, prefix: str) -> dict[str, np.ndarray]:
        """Arrays for ``np.savez`` (sparse rows as slot list plus values)."""
        sparse = self.nonzero_sparse()
        slots = np.array(sorted(sparse), dtype=np.int32)
        values = np.array([sparse[s] for s in slots], dtype=np.float32)
        values = values.reshape(-1, len(self.labels))
        out = {
            f"{prefix}.labels": np.array(self.labels),
            f"{prefix}.bias": self.bias,
            f"{prefix}.dense": self.dense,
            f"{prefix}.slots": slots,
            f"{prefix}.values": values,
        }
        if self.prior_weight is not None:
            out[f"{prefix}.prior"] = np.asarray(self.prior_weight, dtype=np.float32)
        return out

    @classmethod
    def from_arrays(cls, data: Any, prefix: str) -> LinearTable:
        """Reads what ``to_arrays`` wrote (from an ``np.load`` result or a dict)."""
        slots = data[f"{prefix}.slots"]
        values = data[f"{prefix}.values"]
        prior_key = f"{prefix}.prior"
        prior = np.asarray(data[prior_key]) if prior_key in data else None
        return cls(
            [str(x) for x in data[f"{prefix}.labels"]],
            np.asarray(data[f"{prefix}.bias"]),
            np.asarray(data[f"{prefix}.dense"]),
            {int(s): values[i] for i, s in enumerate(slots)},
            prior,
        )
