"""Naive Bayes classifiers: trained with nltk, scored from plain log-probability tables.

nltk's ``NaiveBayesClassifier`` does the training. Its probabilities are then copied into
a ``NaiveBayesTable`` (a log prior per label and, per feature, the log probability of
seeing it under each label), which scores exactly like ``prob_classify`` for features
that are present, is several times faster, and saves to and loads from JSON: no pickle
in a workspace folder.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any


class NaiveBayesTable:
    """A trained Naive Bayes classifier reduced to log-probability tables (base 2)."""

    def __init__(
        self,
        labels: list[str],
        priors: dict[str, float],
        features: dict[str, dict[str, float]],
    ) -> None:
        self.labels = labels
        self.priors = priors
        self.features = features  # feature name -> label -> log2 P(feature present | label)

    @classmethod
    def train(cls, examples: Iterable[tuple[Mapping[str, bool], str]]) -> NaiveBayesTable:
        """Trains nltk's NaiveBayesClassifier on (featureset, label) pairs and copies it."""
        from nltk.classify import NaiveBayesClassifier

        data = [(dict(feats), label) for feats, label in examples]
        if not data:
            raise ValueError("no training examples")
        classifier = NaiveBayesClassifier.train(data)
        return cls.from_nltk(classifier)

    @classmethod
    def from_nltk(cls, classifier: Any) -> NaiveBayesTable:
        """Copies the label and feature probabilities out of an nltk classifier."""
        labels = sorted(classifier.labels())
        label_dist = classifier._label_probdist
        feature_dist = classifier._feature_probdist
        priors = {label: label_dist.logprob(label) for label in labels}
        features: dict[str, dict[str, float]] = {}
        for (label, fname), dist in feature_dist.items():
            features.setdefault(fname, {})[label] = dist.logprob(True)
        return cls(labels, priors, features)

    def prob(self, feats: Iterable[str]) -> dict[str, float]:
        """Probability of each label given the present features (unknown ones ignored)."""
        scores = dict(self.priors)
        table = self.features
        for name in feats:
            row = table.get(name)
            if row is None:
                continue
            for label in self.labels:
                scores[label] += row.get(label, -30.0)
        top = max(scores.values())
        exp = {label: 2.0 ** (value - top) for label, value in scores.items()}
        total = sum(exp.values())
        return {label: value / total for label, value in exp.items()}

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form (floats rounded to keep the file small)."""
        return {
            "labels": self.labels,
            "priors": {k: round(v, 5) for k, v in self.priors.items()},
            "features": {
                name: {k: round(v, 4) for k, v in row.items()}
                for name, row in self.features.items()
            },
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> NaiveBayesTable:
        """Reads what ``to_dict`` wrote."""
        return cls(
            list(data["labels"]),
            {str(k): float(v) for k, v in data["priors"].items()},
            {
                str(name): {str(k): float(v) for k, v in row.items()}
                for name, row in data["features"].items()
            },
        )


def logit(p: float) -> float:
    """log(p / (1 - p)) with p kept away from 0 and 1."""
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def sigmoid(x: float) -> float:
    """The logistic function."""
    if x < -40:
        return 0.0
    return 1.0 / (1.0 + math.exp(-x))
