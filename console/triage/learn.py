"""Learning: the shipped models, a team's models from its corrections, and a memory of
corrected posts.

Sentiment and complaint come from linear tables (``shipped.py``): the shipped ones are
trained on the self-written posts (``TRAINING_FILES``) and saved as
``resources/triage/linear-model.npz``; a team's are trained on its corrections alone over
the shipped model (``train_team``). The reason still comes from a Naive Bayes table
(``base-model.json``), retrained with the corrections when some name a reason; it is the
only Naive Bayes table trained or saved (complaint and sentiment ones were, in format 1,
until the linear models replaced them; files of that format still load). Every
corrected post's stems are remembered: a later post that is nearly the same (Jaccard
similarity of stems) takes the agent's label. Language, "not relevant" and spam
corrections work through that memory, and through words that keep coming back in posts
marked not relevant or spam. A workspace's corrections and tables are saved as JSON in
``model_dir/triage-model.json``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from console.resources import resource_path

from . import shipped
from .complaint import read_signals
from .features import featurize, stems
from .labels import COMPLAINT_REASONS, CORRECTION_FIELDS, Correction, as_bool
from .model import NaiveBayesTable
from .text import Prepared, prepare, word_set

MODEL_FILE = "triage-model.json"
# Self-written training posts: generated from sentences (train.jsonl, make_train.py) and
# written one by one in the manner of real brand traffic (written.jsonl, and 70% of a
# second, more varied set: written-varied.jsonl; its other 30% is eval-varied.jsonl), and
# 70% of a set of positive posts without a stock praise word and of thank-yous that are
# not praise (written-positive.jsonl; its other 30% is eval-positive.jsonl).
TRAINING_FILES = ("train.jsonl", "written.jsonl", "written-varied.jsonl", "written-positive.jsonl")
# Files that teach sentiment (and reason) only, with the weight of each post. With its
# complaint labels written-positive.jsonl cost the complaint table 0.02-0.04 F1 on
# eval-varied.jsonl (en) and eval.jsonl (es) (thanks after a fix, praise naming a fee or an
# outage); at full weight negative F1 on eval.jsonl (es) fell by 0.01 (README, triage).
SENTIMENT_ONLY = {"written-positive.jsonl": 0.5}
BASE_MODEL = "base-model.json"
BASE_FORMAT = 2  # 2: the reason table only (1 also held complaint and sentiment tables)
FEATURES_VERSION = 1  # bump when featurize() changes, so the shipped model is rebuilt
MODEL_VERSION = 2  # triage-model.json; 2: the reason table only (1 had three tables)
CORRECTION_WEIGHT = 6
SIMILAR = 0.5  # Jaccard similarity from which a corrected post's label carries over

log = logging.getLogger(__name__)
_STOP = word_set(
    "de la el en y que a los las un una mi me por con para es lo se the a to and of my i "
    "is it for in on me you this"
)


@dataclass
class Example:
    """One labelled post for training (labels may be missing)."""

    text: str
    lang: str
    sentiment_label: str | None = None
    is_complaint: bool | None = None
    reason: str | None = None
    weight: float = 1


@dataclass
class Classifiers:
    """The trained Naive Bayes tables: the complaint's reason (sentiment and complaint
    come from the linear models in ``shipped.py``)."""

    reason: NaiveBayesTable


def load_examples(path: Path | None = None) -> list[Example]:
    """Reads the shipped training posts (every file in ``TRAINING_FILES`` by default, those
    in ``SENTIMENT_ONLY`` without their complaint labels and at their weight)."""
    if path:
        return _read_examples(path)
    examples = []
    for name in TRAINING_FILES:
        part = _read_examples(resource_path("triage", name))
        if name in SENTIMENT_ONLY:
            for ex in part:
                ex.is_complaint, ex.weight = None, SENTIMENT_ONLY[name]
        examples += part
    return examples


def _read_examples(path: Path) -> list[Example]:
    examples = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            examples.append(
                Example(
                    row["text"],
                    row.get("lang", "es"),
                    row.get("sentiment_label"),
                    row.get("is_complaint"),
                    row.get("reason"),
                )
            )
    return examples


Featureset = tuple[dict[str, bool], Example]


def names_reason(ex: Example) -> bool:
    """Whether an example teaches the reason table (a reason on a post that is, or may
    be, a complaint)."""
    return ex.reason in COMPLAINT_REASONS and ex.is_complaint is not False


def featuresets(examples: Sequence[Example]) -> list[Featureset]:
    """Each example that names a reason with its features (the slow part of training,
    done once per post; the others teach no table)."""
    out = []
    for ex in examples:
        if not names_reason(ex):
            continue
        prep = prepare(ex.text)
        lang = ex.lang if ex.lang in ("es", "en") else "other"
        out.append((featurize(prep, lang, read_signals(prep, lang)), ex))
    return out


def train(data: Sequence[Featureset]) -> Classifiers:
    """Trains the reason table with nltk."""
    # Naive Bayes counts posts: a weight repeats a post, one below 1 counts it once.
    reason = [(feats, str(ex.reason)) for feats, ex in data if names_reason(ex)
              for _ in range(max(1, round(ex.weight)))]
    return Classifiers(NaiveBayesTable.train(reason))


_base_lock = threading.Lock()
_base_data: list[Featureset] | None = None
_base: Classifiers | None = None


def inputs_digest() -> str:
    """A hash of everything the shipped model is built from (data, lexicons, feature code)."""
    digest = hashlib.sha256(f"features-{FEATURES_VERSION}".encode())
    digest.update(repr(sorted(SENTIMENT_ONLY.items())).encode())
    files = [
        *(resource_path("triage", name) for name in TRAINING_FILES),
        *sorted(resource_path("lexicons").glob("*.tsv")),
    ]
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _classifiers_to_dict(c: Classifiers) -> dict[str, Any]:
    return {"reason": c.reason.to_dict()}


def _classifiers_from_dict(data: dict[str, Any]) -> Classifiers:
    """The tables of either format (format 1's complaint and sentiment tables are left
    unread). KeyError, TypeError or ValueError when they are not there."""
    return Classifiers(NaiveBayesTable.from_dict(data["reason"]))


def base_featuresets() -> list[Featureset]:
    """Features of the shipped training posts that name a reason, computed once per
    process (for retraining)."""
    global _base_data
    with _base_lock:
        if _base_data is None:
            _base_data = featuresets(load_examples())
        return _base_data


def base_classifiers() -> Classifiers:
    """The shipped model: ``resources/triage/base-model.json`` when it matches the current
    training data and lexicons, else trained from them (once per process)."""
    global _base
    if _base is None:
        path = resource_path("triage", BASE_MODEL)
        loaded = None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") == BASE_FORMAT and data.get("digest") == inputs_digest():
                loaded = _classifiers_from_dict(data)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            loaded = None
        if loaded is None:
            log.warning("triage: %s is missing or stale; training the shipped model", path.name)
            loaded = train(base_featuresets())
        _base = loaded
    return _base


def write_base_model(path: Path | None = None) -> Path:
    """Trains the shipped model and writes it as JSON (run after editing data or lexicons)."""
    path = path or resource_path("triage", BASE_MODEL)
    data = {"format": BASE_FORMAT, "digest": inputs_digest(),
            **_classifiers_to_dict(train(base_featuresets()))}
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    linear = path.with_name(shipped.LINEAR_FILE)
    linear.write_bytes(shipped.to_bytes(train_base_linear(), linear_digest()))
    return path


def retrain(extra: Sequence[Example]) -> Classifiers:
    """The shipped examples plus ``extra`` (weighted corrections), trained afresh.

    Only the reason table is trained; when no correction names a reason the shipped one
    is kept, and only the corrections that name one are worked out again.
    """
    if not any(names_reason(ex) for ex in extra):
        return base_classifiers()
    return train([*base_featuresets(), *featuresets(extra)])


def labelled(examples: Sequence[Example]) -> shipped.Labelled:
    """Examples in the form the linear models train on."""
    return shipped.Labelled(
        [ex.text for ex in examples],
        [ex.lang for ex in examples],
        [ex.sentiment_label for ex in examples],
        [ex.is_complaint for ex in examples],
        [float(ex.weight) for ex in examples],
    )


def linear_digest() -> str:
    """The stamp the shipped linear model must carry to be current."""
    return shipped.file_digest(inputs_digest().encode())


def train_base_linear() -> shipped.LinearModels:
    """Trains the shipped linear models on the self-written posts."""
    return shipped.train(labelled(load_examples()))


def base_linear() -> shipped.LinearModels:
    """The shipped linear models (loaded once per process, retrained if stale)."""
    return shipped.shipped(linear_digest, train_base_linear)


def train_team(corrections: Sequence[Correction], langs: list[str]) -> shipped.TeamModels | None:
    """A team's linear models from its corrections alone, over the shipped model."""
    examples = corrections_to_examples(corrections, langs)
    for ex in examples:
        ex.weight = 1
    if not examples:
        return None
    return shipped.train_team(labelled(examples), base_linear())


def content_stems(text: str | Prepared, lang: str) -> frozenset[str]:
    """Stems that identify a post for the correction memory (function words dropped)."""
    prep = prepare(text) if isinstance(text, str) else text
    return frozenset(s for s in stems(prep, lang) if s not in _STOP and len(s) > 1)


@dataclass
class Memory:
    """Corrected posts by field, with an index from stem to entry for quick lookup."""

    entries: list[tuple[str, frozenset[str], Any]] = field(default_factory=list)
    index: dict[str, list[int]] = field(default_factory=dict)

    def add(self, field_name: str, words: frozenset[str], value: Any) -> None:
        self.entries.append((field_name, words, value))
        for w in words:
            self.index.setdefault(w, []).append(len(self.entries) - 1)

    def nearest(self, field_name: str, words: frozenset[str]) -> tuple[Any, float] | None:
        """The most similar corrected post for this field, if similar enough."""
        return self.nearest_all(words).get(field_name)

    def nearest_all(self, words: frozenset[str]) -> dict[str, tuple[Any, float]]:
        """Per field, the most similar corrected post's value and similarity (if similar
        enough): one pass over the index for every field. Ties go to the latest."""
        if not words or not self.entries:
            return {}
        shared: Counter[int] = Counter()
        for w in words:
            hits = self.index.get(w)
            if hits:
                shared.update(hits)
        best: dict[str, tuple[Any, float]] = {}
        size = len(words)
        # o / (a + b - o) >= SIMILAR with b >= o needs at least o >= SIMILAR * a.
        least = SIMILAR * size
        for i in sorted(i for i, o in shared.items() if o >= least):
            overlap = shared[i]
            name, other, value = self.entries[i]
            sim = overlap / (size + len(other) - overlap)
            if sim >= SIMILAR and (name not in best or sim >= best[name][1]):
                best[name] = (value, sim)
        return best

    def telling_words(self, field_name: str, value: Any) -> frozenset[str]:
        """Stems seen in two or more posts corrected to ``value`` and never to another value."""
        yes: Counter[str] = Counter()
        no: set[str] = set()
        for name, words, v in self.entries:
            if name != field_name:
                continue
            if v == value:
                yes.update(words)
            else:
                no.update(words)
        return frozenset(w for w, n in yes.items() if n >= 2 and w not in no)


def normalise(correction: Correction) -> Correction:
    """Checks a correction and puts its value in canonical form (raises ValueError)."""
    name = correction.field
    if name == "not_relevant":
        return Correction(
            correction.text, "relevant", not as_bool(correction.value), correction.lang
        )
    if name not in CORRECTION_FIELDS:
        raise ValueError(
            f"unknown correction field {name!r}; use one of {', '.join(CORRECTION_FIELDS)}"
        )
    value: str | bool = correction.value
    if name in ("is_complaint", "relevant", "spam"):
        value = as_bool(value)
    elif name == "sentiment_label" and value not in ("negative", "neutral", "positive"):
        raise ValueError(f"the sentiment must be negative, neutral or positive, not {value!r}")
    elif name == "reason" and value not in (*COMPLAINT_REASONS, "none"):
        raise ValueError(
            f"unknown reason {value!r}; use one of {', '.join((*COMPLAINT_REASONS, 'none'))}"
        )
    elif name == "lang" and value not in ("es", "en", "other"):
        raise ValueError(f"the language must be es, en or other, not {value!r}")
    return Correction(correction.text, name, value, correction.lang)


def corrections_to_examples(corrections: Iterable[Correction], langs: list[str]) -> list[Example]:
    """Training examples from corrections (fields the classifiers learn)."""
    out = []
    for c, lang in zip(corrections, langs, strict=True):
        ex = Example(c.text, lang, weight=CORRECTION_WEIGHT)
        if c.field == "sentiment_label":
            ex.sentiment_label = str(c.value)
        elif c.field == "is_complaint":
            ex.is_complaint = bool(c.value)
        elif c.field == "reason":
            ex.reason = str(c.value)
            ex.is_complaint = c.value != "none"
        else:
            continue
        out.append(ex)
    return out


def save(
    model_dir: Path, corrections: list[Correction], langs: list[str], classifiers: Classifiers
) -> None:
    """Writes corrections and trained tables atomically to ``model_dir``."""
    model_dir.mkdir(parents=True, exist_ok=True)
    data = {
        "version": MODEL_VERSION,
        "corrections": [
            asdict(c) | {"lang": lang} for c, lang in zip(corrections, langs, strict=True)
        ],
        "reason": classifiers.reason.to_dict(),
    }
    target = model_dir / MODEL_FILE
    partial = target.with_suffix(f".{os.getpid()}.part")
    partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(partial, target)


def _keep_aside(path: Path) -> Path:
    """Rename an unreadable model file so the next save does not overwrite it (it may
    hold corrections of an old workspace not moved to the database yet)."""
    aside = path.with_name(f"{path.name}.damaged")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.damaged-{n}")
    try:
        path.rename(aside)
    except OSError:
        return path
    return aside


def load(model_dir: Path) -> tuple[list[Correction], list[str], Classifiers | None]:
    """Reads a saved model. A version 1 file's reason table is read as it is (the same
    table; its unused complaint and sentiment tables are ignored); tables of an unknown
    version, or missing or damaged, come back as None for the caller to retrain. A file
    that cannot be read at all is logged, kept aside and treated as absent."""
    target = model_dir / MODEL_FILE
    if not target.exists():
        return [], [], None
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
        corrections = [
            Correction(c["text"], c["field"], c["value"], c.get("lang"))
            for c in data.get("corrections", [])
        ]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        kept = _keep_aside(target)
        log.warning("triage: %s cannot be read (%s); kept as %s, starting without it",
                    target, exc, kept)
        return [], [], None
    langs = [c.lang or "other" for c in corrections]
    if data.get("version") not in (1, MODEL_VERSION):
        return corrections, langs, None
    try:
        return corrections, langs, _classifiers_from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError):
        return corrections, langs, None
