"""Measuring triage against labelled posts: precision, recall and F1 per class, macro F1.

``evaluate`` reads JSON lines with ``text`` and gold ``sentiment_label`` and/or
``is_complaint`` (optionally ``lang``, used as the language hint, and ``reason``) and
compares them with what a Triager says, overall and per gold language.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .labels import TriageInput, TriageResult, as_bool

FIELDS = ("sentiment_label", "negative", "is_complaint", "reason")
# The class a one-class baseline predicts for every post, per field ("label all posts
# negative", "label all posts complaints"): a model must beat it to be worth anything.
BASELINE_CLASS = {
    "sentiment_label": "negative",
    "negative": "negative",
    "is_complaint": "complaint",
}


@dataclass(frozen=True)
class ClassScores:
    """Precision, recall and F1 of one class, and how many gold items it has."""

    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class FieldReport:
    """Scores of one labelled field."""

    field: str
    classes: dict[str, ClassScores]
    macro_f1: float
    accuracy: float
    count: int
    baseline: FieldReport | None = None  # the same gold against one class for every post


def classification_report(
    field_name: str, gold: Sequence[str], predicted: Sequence[str]
) -> FieldReport:
    """Per-class precision/recall/F1 (0 where undefined) and their unweighted mean F1.

    The classes are every label seen in gold or predicted.
    """
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted differ in length")
    labels = sorted(set(gold) | set(predicted))
    classes: dict[str, ClassScores] = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        classes[label] = ClassScores(precision, recall, f1, tp + fn)
    macro = sum(c.f1 for c in classes.values()) / len(classes) if classes else 0.0
    correct = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p)
    accuracy = correct / len(gold) if gold else 0.0
    return FieldReport(field_name, classes, macro, accuracy, len(gold))


@dataclass
class Evaluation:
    """Reports per field, overall and per gold language, and the lines that could not be read."""

    overall: dict[str, FieldReport] = field(default_factory=dict)
    by_lang: dict[str, dict[str, FieldReport]] = field(default_factory=dict)
    lines: int = 0
    errors: list[str] = field(default_factory=list)


def _value(field_name: str, row: Mapping[str, Any]) -> str | None:
    if field_name == "negative":
        label = row.get("sentiment_label")
        if label is None:
            return None
        return "negative" if label == "negative" else "not_negative"
    if field_name not in row or row[field_name] is None:
        return None
    if field_name == "is_complaint":
        return "complaint" if as_bool(row[field_name]) else "not_complaint"
    return str(row[field_name])


def _predicted(field_name: str, result: TriageResult) -> str:
    if field_name == "negative":
        return "negative" if result.sentiment_label == "negative" else "not_negative"
    if field_name == "is_complaint":
        return "complaint" if result.is_complaint else "not_complaint"
    return str(getattr(result, field_name))


def evaluate(
    lines: Iterable[str | Mapping[str, Any]],
    score: Callable[[TriageInput], TriageResult] | None = None,
) -> Evaluation:
    """Scores every labelled line and compares. ``score`` defaults to a new Triager's.

    Lines may be JSON text or already-parsed mappings; unreadable lines are counted in
    ``errors`` (with their line number) and skipped. Reason is scored on gold complaints.
    """
    if score is None:
        from .engine import Triager

        score = Triager().score
    gold: dict[tuple[str, str], list[str]] = {}
    pred: dict[tuple[str, str], list[str]] = {}
    result = Evaluation()
    for number, line in enumerate(lines, 1):
        if isinstance(line, str):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                result.errors.append(f"line {number}: not JSON ({exc.msg})")
                continue
        else:
            row = line
        if not isinstance(row, Mapping) or not isinstance(row.get("text"), str):
            result.errors.append(f"line {number}: no text")
            continue
        try:
            wanted = {f: _value(f, row) for f in FIELDS}
        except ValueError as exc:
            result.errors.append(f"line {number}: {exc}")
            continue
        if wanted["is_complaint"] != "complaint":
            wanted["reason"] = None
        lang = str(row.get("lang") or "")
        out = score(TriageInput(text=row["text"], lang_hint=lang or None))
        result.lines += 1
        for f, g in wanted.items():
            if g is None:
                continue
            for key in ((f, "all"), (f, lang or out.lang)):
                gold.setdefault(key, []).append(g)
                pred.setdefault(key, []).append(_predicted(f, out))
    for (f, group), values in gold.items():
        report = classification_report(f, values, pred[(f, group)])
        if f in BASELINE_CLASS:
            report = replace(
                report,
                baseline=classification_report(f, values, [BASELINE_CLASS[f]] * len(values)),
            )
        if group == "all":
            result.overall[f] = report
        else:
            result.by_lang.setdefault(group, {})[f] = report
    return result


def format_report(report: FieldReport) -> list[str]:
    """A small table for one field."""
    out = [
        f"{report.field} ({report.count} posts, accuracy {report.accuracy:.3f})",
        f"  {'class':<15}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>9}",
    ]
    for label, c in report.classes.items():
        out.append(f"  {label:<15}{c.precision:>10.3f}{c.recall:>10.3f}{c.f1:>10.3f}{c.support:>9}")
    out.append(f"  {'macro F1':<15}{'':>20}{report.macro_f1:>10.3f}")
    base = report.baseline
    if base is not None:
        target = BASELINE_CLASS[report.field]
        scores = base.classes.get(target)
        f1 = scores.f1 if scores else 0.0
        out.append(
            f"  baseline, every post {target}: {target} F1 {f1:.3f}, macro F1 {base.macro_f1:.3f}"
        )
    return out


def format_evaluation(ev: Evaluation) -> str:
    """The evaluation as text, overall then per language."""
    out = [
        f"{ev.lines} posts evaluated" + (f", {len(ev.errors)} lines skipped" if ev.errors else "")
    ]
    for f in FIELDS:
        if f in ev.overall:
            out += ["", *format_report(ev.overall[f])]
    for lang in sorted(ev.by_lang):
        out += ["", f"== language: {lang} =="]
        for f in FIELDS:
            if f in ev.by_lang[lang]:
                out += [*format_report(ev.by_lang[lang][f])]
    return "\n".join(out)
