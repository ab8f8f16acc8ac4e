"""The linear sentiment and complaint models: the shipped one, and one per team.

The shipped model (``resources/triage/linear-model.npz``) is a ``LinearTable`` per task
trained by ``build_model.py`` on the project's self-written posts. It is stamped with a
hash of everything it is built from (posts, lexicons, piece table, feature code); a stale
or missing file is retrained in memory (a few seconds) and a test fails.

A team's model is trained on that team's corrections ONLY, with the shipped model's
logits as a fixed prior column: with ten corrections it barely moves from the shipped
model, with a thousand it has learned the team's own traffic. The self-written posts are
left out on purpose; mixed in, they drown a team's vocabulary in the project's templates.
"""

from __future__ import annotations

import hashlib
import io
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from console.resources import resource_path

from .complaint import read_signals
from .embed import VECTORS
from .features import featurize
from .linear import Encoded, LinearTable, hashed
from .text import Prepared, prepare

LINEAR_FILE = "linear-model.npz"
LINEAR_VERSION = 1  # bump when the features or the training change
SENTIMENTS = ["negative", "neutral", "positive"]
COMPLAINT = ["no", "yes"]
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PostFeatures:
    """What the linear models read from one post."""

    vector: np.ndarray
    slots: np.ndarray


def post_features(prep: Prepared, lang: str, feats: dict[str, bool] | None = None) -> PostFeatures:
    """The embedding and hashed slots of a post (``feats`` from ``featurize`` if at hand)."""
    if feats is None:
        feats = featurize(prep, lang, read_signals(prep, lang))
    pieces = VECTORS.pieces(prep)
    return PostFeatures(VECTORS.vector(pieces), hashed(feats, pieces))


@dataclass(frozen=True, slots=True)
class PageFeatures:
    """What the linear models read from several posts: vectors as rows, slots per post."""

    vectors: np.ndarray  # (n, DIMS)
    slots: list[np.ndarray]


def page_features(preps: Sequence[Prepared], feats: Sequence[dict[str, bool]]) -> PageFeatures:
    """``post_features`` of several posts, tokenised in one call and summed as arrays."""
    pieces = VECTORS.pieces_many(preps)
    return PageFeatures(
        VECTORS.vectors(pieces), [hashed(f, p) for f, p in zip(feats, pieces, strict=True)]
    )


_seen: dict[tuple[str, str], PostFeatures] = {}
_SEEN_MAX = 50_000


def encode(texts: Sequence[str], langs: Sequence[str]) -> Encoded:
    """Features of many posts, for training. Posts seen before in this process are not
    worked out again: a team retrains on its whole list of corrections each time."""
    dense, sparse = [], []
    for text, lang in zip(texts, langs, strict=True):
        lang = lang if lang in ("es", "en") else "other"
        f = _seen.get((text, lang))
        if f is None:
            f = post_features(prepare(text), lang)
            if len(_seen) >= _SEEN_MAX:
                _seen.clear()
            _seen[(text, lang)] = f
        dense.append(f.vector)
        sparse.append(f.slots)
    return Encoded.build(dense, sparse)


@dataclass
class LinearModels:
    """Sentiment (negative/neutral/positive) and complaint (no/yes) tables."""

    sentiment: LinearTable
    complaint: LinearTable

    def __post_init__(self) -> None:
        # Both tables side by side, so scoring a post gathers its rows once.
        self._joint = LinearTable.stack([self.sentiment, self.complaint])

    def logits(self, post: PostFeatures) -> tuple[np.ndarray, np.ndarray]:
        """Sentiment logits (3) and complaint logits (2) of one post."""
        z = self._joint.logits(post.vector, post.slots)
        return z[:3], z[3:]

    def logits_many(self, page: PageFeatures) -> tuple[np.ndarray, np.ndarray]:
        """Sentiment (n, 3) and complaint (n, 2) logits of several posts."""
        z = self._joint.logits_many(page.vectors, page.slots)
        return z[:, :3], z[:, 3:]


@dataclass
class Labelled:
    """Posts with optional sentiment and complaint labels, for training."""

    texts: list[str]
    langs: list[str]
    sentiment: list[str | None]
    complaint: list[bool | None]
    weights: list[float]


def _fit(
    labels: list[str],
    data: Encoded,
    targets: list[int | None],
    weights: list[float],
    prior: np.ndarray | None,
    l2: float,
    steps: int,
) -> LinearTable | None:
    index = np.array([i for i, t in enumerate(targets) if t is not None], dtype=np.int64)
    if len(index) == 0:
        return None
    y = np.array([targets[i] for i in index], dtype=np.int64)
    w = np.array([weights[i] for i in index], dtype=np.float32)
    # L2 per post: the weights act like a Gaussian prior whatever the number of posts.
    strength = l2 / max(1.0, float(w.sum()))
    return LinearTable.train(
        labels,
        data.subset(index),
        y,
        w,
        prior=None if prior is None else prior[index],
        l2_dense=strength,
        l2_sparse=strength * 3,
        steps=steps,
    )


def train(posts: Labelled, l2: float = 2.0, steps: int = 300) -> LinearModels:
    """Trains both tables from scratch (the shipped model, or a mix for comparison)."""
    data = encode(posts.texts, posts.langs)
    sentiment = _fit(
        SENTIMENTS,
        data,
        [SENTIMENTS.index(s) if s in SENTIMENTS else None for s in posts.sentiment],
        posts.weights,
        None,
        l2,
        steps,
    )
    complaint = _fit(
        COMPLAINT,
        data,
        [None if c is None else int(c) for c in posts.complaint],
        posts.weights,
        None,
        l2,
        steps,
    )
    if sentiment is None or complaint is None:
        raise ValueError("training needs posts labelled for sentiment and for complaint")
    return LinearModels(sentiment, complaint)


@dataclass
class TeamModels:
    """Tables trained on a team's corrections over the shipped model (either may be None)."""

    sentiment: LinearTable | None
    complaint: LinearTable | None


def softmax(z: np.ndarray) -> np.ndarray:
    """Probabilities from logits."""
    e = np.exp(z - z.max())
    return e / e.sum()


def probabilities(
    post: PostFeatures, base: LinearModels, team: TeamModels | None
) -> tuple[dict[str, float], float]:
    """Sentiment probabilities and the complaint probability of one post."""
    sentiment, complaint = base.logits(post)
    if team is not None and team.sentiment is not None:
        sentiment = team.sentiment.logits(post.vector, post.slots, sentiment)
    if team is not None and team.complaint is not None:
        complaint = team.complaint.logits(post.vector, post.slots, complaint)
    ps = softmax(sentiment)
    return (
        {"negative": float(ps[0]), "neutral": float(ps[1]), "positive": float(ps[2])},
        float(softmax(complaint)[1]),
    )


def softmax_rows(z: np.ndarray) -> np.ndarray:
    """Probabilities from an (n, k) array of logits, row by row."""
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def probabilities_many(
    page: PageFeatures, base: LinearModels, team: TeamModels | None
) -> list[tuple[dict[str, float], float]]:
    """``probabilities`` of several posts: one matrix product per model."""
    sentiment, complaint = base.logits_many(page)
    if team is not None and team.sentiment is not None:
        sentiment = team.sentiment.logits_many(page.vectors, page.slots, sentiment)
    if team is not None and team.complaint is not None:
        complaint = team.complaint.logits_many(page.vectors, page.slots, complaint)
    ps, pc = softmax_rows(sentiment), softmax_rows(complaint)
    return [
        ({"negative": float(s[0]), "neutral": float(s[1]), "positive": float(s[2])}, float(c[1]))
        for s, c in zip(ps, pc, strict=True)
    ]


def train_team(posts: Labelled, base: LinearModels, l2: float = 0.5) -> TeamModels:
    """Learns a team's corrections on top of ``base`` (its logits are a prior column)."""
    data = encode(posts.texts, posts.langs)
    sparse = np.split(data.cols, np.cumsum(data.counts)[:-1])
    pairs = list(zip(data.dense, sparse, strict=True))
    prior_s = np.array([base.sentiment.logits(v, s) for v, s in pairs])
    prior_c = np.array([base.complaint.logits(v, s) for v, s in pairs])
    return TeamModels(
        _fit(
            SENTIMENTS,
            data,
            [SENTIMENTS.index(s) if s in SENTIMENTS else None for s in posts.sentiment],
            posts.weights,
            prior_s,
            l2,
            200,
        ),
        _fit(
            COMPLAINT,
            data,
            [None if c is None else int(c) for c in posts.complaint],
            posts.weights,
            prior_c,
            l2,
            200,
        ),
    )


def to_bytes(models: LinearModels, digest: str) -> bytes:
    """The shipped model as ``.npz`` bytes, stamped with ``digest``."""
    buffer = io.BytesIO()
    arrays = {
        **models.sentiment.to_arrays("sentiment"),
        **models.complaint.to_arrays("complaint"),
    }
    np.savez_compressed(buffer, digest=np.array(digest), **arrays)  # type: ignore[arg-type]
    return buffer.getvalue()


def from_file(path: str, digest: str) -> LinearModels | None:
    """The models in ``path`` if it exists and carries ``digest``."""
    try:
        with np.load(path) as data:
            if str(data["digest"]) != digest:
                return None
            return LinearModels(
                LinearTable.from_arrays(data, "sentiment"),
                LinearTable.from_arrays(data, "complaint"),
            )
    except (OSError, KeyError, ValueError):
        return None


def file_digest(*extra: bytes) -> str:
    """Hash of the linear model's own inputs (piece table, version) plus ``extra``."""
    digest = hashlib.sha256(f"linear-{LINEAR_VERSION}".encode())
    for name in ("piece-vectors.npz", "pieces.model"):
        path = resource_path("triage", name)
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.exists() else b"absent")
    for chunk in extra:
        digest.update(chunk)
    return digest.hexdigest()


_lock = threading.Lock()
_base: LinearModels | None = None


def shipped(digest: Callable[[], str], trainer: Callable[[], LinearModels]) -> LinearModels:
    """The shipped linear models: from the file when it carries ``digest()``, else
    ``trainer()``; once per process (hashing the inputs reads 13 MB)."""
    global _base
    if _base is not None:
        return _base
    with _lock:
        if _base is None:
            loaded = from_file(str(resource_path("triage", LINEAR_FILE)), digest())
            if loaded is None:
                log.warning("triage: %s is missing or stale; training it now", LINEAR_FILE)
                loaded = trainer()
            _base = loaded
        return _base


def post_features_at(data: Encoded, index: int) -> PostFeatures:
    """One post's features back out of an ``Encoded`` batch."""
    start = int(data.counts[:index].sum())
    return PostFeatures(data.dense[index], data.cols[start : start + int(data.counts[index])])
