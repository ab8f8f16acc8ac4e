"""The Triager: every triage step for one post, and learning from corrections."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from . import learn as learning
from .certainty import certainty
from .complaint import Signals, choose_reason, read_signals, reason_topics
from .features import featurize
from .labels import Correction, TriageInput, TriageResult
from .lang import LanguageGuesser
from .priority import find_urgency, priority
from .relevance import relevance
from .shipped import (
    TeamModels,
    page_features,
    post_features,
    probabilities,
    probabilities_many,
)
from .spam import THRESHOLD, spam_score
from .text import Prepared, prepare

# Where the stored sentiment score changes label: negative at or below the first, positive
# at or above the second. The model's label is the likeliest of three; its score
# (P(positive) - P(negative)) is nudged to that label's side of these edges, the values
# the priority rules, saved searches and "Ask me" read scores with.
SENTIMENT_EDGES = (-0.12, 0.15)


class Triager:
    """Scores posts: language, sentiment, complaint and reason, relevance, spam, priority.

    ``model_dir`` is a workspace folder where what was learned from agents' corrections
    is saved (``triage-model.json``) and loaded from; without it learning lasts for the
    process only. Scoring is thread-safe; ``learn`` and ``reset`` swap the model at once.
    The language model, VADER and the shipped classifiers load on first use.
    """

    def __init__(self, model_dir: Path | None = None) -> None:
        self.model_dir = Path(model_dir) if model_dir is not None else None
        self._lang = LanguageGuesser()
        self._lock = threading.Lock()
        self._corrections: list[Correction] = []
        self._correction_langs: list[str] = []
        self._classifiers: learning.Classifiers | None = None
        self._team: TeamModels | None = None
        self._memory = learning.Memory()
        self._not_relevant_terms: frozenset[str] = frozenset()
        if self.model_dir is not None:
            corrections, langs, classifiers = learning.load(self.model_dir)
            self._corrections, self._correction_langs = corrections, langs
            self._classifiers = classifiers
            if classifiers is None and corrections:
                self._classifiers = learning.retrain(self._training_extra())
            if corrections:
                self._team = learning.train_team(corrections, langs)
            self._rebuild_memory()

    def warm_up(self) -> None:
        """Loads the language model, VADER and the classifiers now (about a second) instead
        of on the first post; call it from a worker thread at start-up."""
        self.score(TriageInput("warm up: still waiting for my order", lang_hint="en"))
        self.score(TriageInput("sigo esperando mi pedido", lang_hint="es"))

    # --- learning -------------------------------------------------------------------
    @property
    def corrections_count(self) -> int:
        """How many corrections the current model learned from."""
        return len(self._corrections)

    @property
    def corrections(self) -> tuple[Correction, ...]:
        """The corrections the current model learned from, in the order given."""
        return tuple(self._corrections)

    def set_corrections(self, corrections: Iterable[Correction]) -> int:
        """Learns from exactly these corrections (all of them, replacing the ones before).

        This is how a workspace keeps the model in step with the corrections stored in its
        database: the database is the source of truth and ``model_dir`` only caches the
        trained tables. Corrections that do not validate are skipped. Returns how many
        were learned.
        """
        fresh: list[Correction] = []
        for c in corrections:
            try:
                fresh.append(learning.normalise(c))
            except ValueError:
                continue
        langs = [c.lang if c.lang in ("es", "en", "other") else self._detect(c.text) for c in fresh]
        classifiers = (
            learning.retrain(learning.corrections_to_examples(fresh, langs)) if fresh else None
        )
        team = learning.train_team(fresh, langs) if fresh else None
        with self._lock:
            self._corrections, self._correction_langs = fresh, langs
            self._classifiers, self._team = classifiers, team
            self._rebuild_memory()
            if self.model_dir is not None:
                if classifiers is None:
                    (self.model_dir / learning.MODEL_FILE).unlink(missing_ok=True)
                else:
                    learning.save(self.model_dir, fresh, langs, classifiers)
        return len(fresh)

    def learn(self, corrections: Iterable[Correction]) -> int:
        """Adds agents' corrections, retrains, saves to ``model_dir``; returns how many.

        Raises ValueError for an unknown field or value (nothing is learned then).
        """
        fresh = [learning.normalise(c) for c in corrections]
        if not fresh:
            return 0
        langs = [c.lang if c.lang in ("es", "en", "other") else self._detect(c.text) for c in fresh]
        with self._lock:
            self._corrections = [*self._corrections, *fresh]
            self._correction_langs = [*self._correction_langs, *langs]
            self._classifiers = learning.retrain(self._training_extra())
            self._team = learning.train_team(self._corrections, self._correction_langs)
            self._rebuild_memory()
            if self.model_dir is not None:
                learning.save(
                    self.model_dir, self._corrections, self._correction_langs, self._classifiers
                )
        return len(fresh)

    def reset(self) -> None:
        """Forgets every correction and returns to the shipped model (deletes the saved one)."""
        with self._lock:
            self._corrections, self._correction_langs = [], []
            self._classifiers, self._team = None, None
            self._rebuild_memory()
            if self.model_dir is not None:
                (self.model_dir / learning.MODEL_FILE).unlink(missing_ok=True)

    def _training_extra(self) -> list[learning.Example]:
        return learning.corrections_to_examples(self._corrections, self._correction_langs)

    def _rebuild_memory(self) -> None:
        memory = learning.Memory()
        for c, lang in zip(self._corrections, self._correction_langs, strict=True):
            key_lang = "other" if c.field == "lang" else lang
            memory.add(c.field, learning.content_stems(c.text, key_lang), c.value)
        self._memory = memory
        self._not_relevant_terms = memory.telling_words("relevant", False)

    def _detect(self, text: str) -> str:
        return self._lang.detect(prepare(text))

    # --- scoring --------------------------------------------------------------------
    def score_many(
        self, items: Sequence[TriageInput], now: datetime | None = None
    ) -> list[TriageResult]:
        """All triage labels for several posts (a page of a pull), with one clock reading.

        The same labels as ``score`` post by post; the linear models run once for the whole
        page (the piece vectors and hashed features stacked into arrays, one matrix product
        per model), which is what makes ingesting a page cheap.
        """
        if not items:
            return []
        now = _aware(now)
        linear, team = learning.base_linear(), self._team
        memory = self._memory
        preps = [prepare(item.text) for item in items]
        langs = self._lang.detect_many(preps, [item.lang_hint for item in items])
        reads = [self._read(item, memory, None, prep, lang)
                 for item, prep, lang in zip(items, preps, langs, strict=True)]
        page = page_features([r.prep for r in reads], [r.feats for r in reads])
        probs = probabilities_many(page, linear, team)
        return [
            self._finish(item, now, None, read, memory, sentiment_probs, complaint)
            for item, read, (sentiment_probs, complaint) in zip(items, reads, probs, strict=True)
        ]

    def score(
        self,
        item: TriageInput,
        now: datetime | None = None,
        forced: Mapping[str, str | bool] | None = None,
    ) -> TriageResult:
        """All triage labels for one post. ``now`` defaults to the current UTC time.

        ``forced`` holds labels an agent set on this very post (correction field to value,
        as ``learn.normalise`` writes them): they win over the model, and the priority is
        computed from them.
        """
        now = _aware(now)
        linear, team = learning.base_linear(), self._team
        memory = self._memory
        read = self._read(item, memory, forced)
        post = post_features(read.prep, read.lang, read.feats)
        sentiment_probs, complaint = probabilities(post, linear, team)
        return self._finish(item, now, forced, read, memory, sentiment_probs, complaint)

    def _read(
        self,
        item: TriageInput,
        memory: learning.Memory,
        forced: Mapping[str, str | bool] | None,
        prep: Prepared | None = None,
        lang: str | None = None,
    ) -> _Read:
        """What the models read from a post: its text, language, signals and features
        (``prep`` and ``lang`` when already found for a whole page)."""
        if prep is None or lang is None:
            prep = prepare(item.text)
            lang = self._lang.detect(prep, item.lang_hint)
        if memory.entries:
            hit = memory.nearest("lang", learning.content_stems(prep, "other"))
            if hit:
                lang = str(hit[0])
        if forced and "lang" in forced:
            lang = str(forced["lang"])
        signals = read_signals(prep, lang)
        return _Read(prep, lang, signals, featurize(prep, lang, signals))

    def _finish(
        self,
        item: TriageInput,
        now: datetime,
        forced: Mapping[str, str | bool] | None,
        read: _Read,
        memory: learning.Memory,
        sentiment_probs: dict[str, float],
        complaint: float,
    ) -> TriageResult:
        """The labels from the models' probabilities, corrections remembered, the agent's
        own labels, relevance, spam and priority."""
        classifiers = self._classifiers or learning.base_classifiers()
        prep, lang, signals, feats = read.prep, read.lang, read.signals, read.feats
        remembered = bool(memory.entries)
        model_complaint = complaint  # before clamping and corrections: for the certainty
        complaint = min(max(complaint, 0.01), 0.99)
        post_stems = learning.content_stems(prep, lang) if remembered else frozenset()
        near = memory.nearest_all(post_stems) if remembered else {}
        forced_reason = None
        if remembered:
            hit = near.get("is_complaint")
            if hit:
                weight = 0.6 + 0.4 * min(1.0, (hit[1] - learning.SIMILAR) / 0.4)
                complaint = complaint * (1 - weight) + (1.0 if hit[0] else 0.0) * weight
            hit = near.get("reason")
            if hit:
                forced_reason = str(hit[0])
                complaint = min(complaint, 0.3) if forced_reason == "none" else max(complaint, 0.75)
        if forced:
            if "reason" in forced:
                forced_reason = str(forced["reason"])
                complaint = min(complaint, 0.3) if forced_reason == "none" else max(complaint, 0.75)
            if "is_complaint" in forced:
                complaint = 1.0 if forced["is_complaint"] else 0.0
        is_complaint = complaint >= 0.5
        reason = "none"
        if is_complaint:
            reason = forced_reason or choose_reason(
                signals, classifiers.reason.prob(feats), reason_topics(prep)
            )
        label = max(sentiment_probs, key=sentiment_probs.__getitem__)
        sentiment = _agree(sentiment_probs["positive"] - sentiment_probs["negative"], label)
        if remembered:
            hit = near.get("sentiment_label")
            if hit:
                label = str(hit[0])
                sentiment = _clamp_to_label(sentiment, label)
        if forced and "sentiment_label" in forced:
            label = str(forced["sentiment_label"])
            sentiment = _clamp_to_label(sentiment, label)
        has_content = len(prep.words) > 1 or bool(prep.emoji) or signals.lexicon != 0.0
        defined = lang in ("es", "en") and has_content
        if forced and forced.get("sentiment_label") in ("negative", "neutral", "positive"):
            defined = True  # an agent read it: the label is no guess
        if not defined:
            label, sentiment = "undefined", 0.0
        positive_cue = max((w for r, w in signals.cues.items() if r != "none"), default=0.0)
        not_relevant = relevant = 0.0
        spam_value = None
        if remembered:
            hit = near.get("relevant")
            if hit:
                if hit[0]:
                    relevant = hit[1]
                else:
                    not_relevant = hit[1]
            hit = near.get("spam")
            if hit:
                spam_value = bool(hit[0])
        rel = relevance(
            prep.folded,
            tagged=item.tagged,
            source=item.source,
            context=item.watch_context,
            exclude=item.watch_exclude,
            complaint_cue=positive_cue,
            learned_not_relevant=not_relevant,
            learned_relevant=relevant,
            learned_terms=self._not_relevant_terms,
            post_stems=post_stems,
        )
        if forced and "relevant" in forced:
            rel = max(rel, 0.9) if forced["relevant"] else 0.0
        if forced and "spam" in forced:
            spam_value = bool(forced["spam"])
        spam_points, _ = spam_score(prep, item.followers, item.bot, positive_cue)
        spam = spam_points >= THRESHOLD if spam_value is None else spam_value
        value, reasons = priority(
            item,
            complaint=complaint,
            sentiment=sentiment,
            defined=defined,
            urgency=find_urgency(prep, lang),
            relevance=rel,
            spam=spam,
            now=now,
        )
        return TriageResult(
            lang=lang,
            sentiment=round(sentiment, 4),
            sentiment_label=label,
            complaint=round(complaint, 4),
            is_complaint=is_complaint,
            reason=reason,
            relevance=round(rel, 4),
            spam=spam,
            priority=value,
            priority_reasons=reasons,
            certainty=certainty(sentiment_probs, model_complaint, defined=defined,
                                told={*near, *(forced or ())}),
        )


@dataclass(frozen=True, slots=True)
class _Read:
    """One post read for the models (see ``Triager._read``)."""

    prep: Prepared
    lang: str
    signals: Signals
    feats: dict[str, bool]


def _aware(now: datetime | None) -> datetime:
    """``now`` (the current UTC time by default), in UTC when it came without a zone."""
    now = now or datetime.now(UTC)
    return now.replace(tzinfo=UTC) if now.tzinfo is None else now


def _clamp_to_label(sentiment: float, label: str) -> float:
    """A sentiment score moved just enough to agree with a label an agent gave."""
    if label == "negative":
        return min(sentiment, -0.3)
    if label == "positive":
        return max(sentiment, 0.3)
    return max(-0.1, min(0.1, sentiment))


def _agree(sentiment: float, label: str) -> float:
    """The model's score nudged to its own label's side (``SENTIMENT_EDGES``)."""
    negative, positive = SENTIMENT_EDGES
    if label == "negative":
        return min(sentiment, negative)
    if label == "positive":
        return max(sentiment, positive)
    return max(round(negative + 0.01, 4), min(round(positive - 0.01, 4), sentiment))
