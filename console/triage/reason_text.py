"""Triage's words as the agent reads them: complaint topics and the priority's reasons.

Triage stores its reasons in English ("complaint 0.91 · untagged · 12k followers"): they
are data, read by the CLI, exports and other consoles. The window shows each one through
:func:`reason_text`, which recognises the stored phrase and gives it in the console's
language, with numbers written by the caller's `number` formatter (the UI passes the
locale's). A phrase it does not know (an older version's) is shown as stored.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from console.i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "TriageReasons"

TOPICS = {  # complaint reasons (what the complaint is about)
    "delivery": QT_TRANSLATE_NOOP("TriageReasons", "delivery or delay"),
    "billing": QT_TRANSLATE_NOOP("TriageReasons", "billing or refund"),
    "product": QT_TRANSLATE_NOOP("TriageReasons", "product defect"),
    "service": QT_TRANSLATE_NOOP("TriageReasons", "customer service"),
    "cancellation": QT_TRANSLATE_NOOP("TriageReasons", "cancellation"),
    "account": QT_TRANSLATE_NOOP("TriageReasons", "account or access"),
    "other": QT_TRANSLATE_NOOP("TriageReasons", "other"),
    "none": QT_TRANSLATE_NOOP("TriageReasons", "none"),
}

# Reasons without a number, exactly as triage.priority and the rules store them.
_FIXED = {
    "legal threat": QT_TRANSLATE_NOOP("TriageReasons", "legal threat"),
    "safety risk": QT_TRANSLATE_NOOP("TriageReasons", "safety risk"),
    "about to leave": QT_TRANSLATE_NOOP("TriageReasons", "about to leave"),
    "repeated contact": QT_TRANSLATE_NOOP("TriageReasons", "repeated contact"),
    "marked urgent": QT_TRANSLATE_NOOP("TriageReasons", "marked urgent"),
    "untagged": QT_TRANSLATE_NOOP("TriageReasons", "untagged"),
    "direct message": QT_TRANSLATE_NOOP("TriageReasons", "direct message"),
    "comment": QT_TRANSLATE_NOOP("TriageReasons", "comment"),
    "spam": QT_TRANSLATE_NOOP("TriageReasons", "spam"),
}

Number = Callable[[float, int], str]  # (value, decimals) -> text


def plain_number(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}"


def topic_name(reason: str) -> str:
    """A complaint topic ("billing") as the agent reads it ("billing or refund")."""
    text = TOPICS.get(reason)
    return translate(CONTEXT, text) if text is not None else reason


def _score(template: str) -> Callable[[re.Match[str], Number], str]:
    return lambda m, number: translate(CONTEXT, template).format(
        score=number(float(m.group(1)), 2))


def _count(template: str) -> Callable[[re.Match[str], Number], str]:
    return lambda m, number: translate(CONTEXT, template).format(n=m.group(1))


def _millions(m: re.Match[str], number: Number) -> str:
    value = float(m.group(1))
    shown = number(value, 0 if value.is_integer() else 1)
    return translate("TriageReasons", "{n}M followers").format(n=shown)


def _rule(m: re.Match[str], number: Number) -> str:
    name = m.group(1)
    if name == "a rule":  # a rule without a name (see console.triage.stored_rules.rule_reason)
        name = translate("TriageReasons", "a rule")
    return translate("TriageReasons", "rule {name} set {priority}").format(name=name,
                                                                 priority=m.group(2))


_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str], Number], str]]] = [
    (re.compile(r"complaint (-?\d+(?:\.\d+)?)"),
     _score(QT_TRANSLATE_NOOP("TriageReasons", "complaint {score}"))),
    (re.compile(r"negative (-?\d+(?:\.\d+)?)"),
     _score(QT_TRANSLATE_NOOP("TriageReasons", "negative {score}"))),
    (re.compile(r"low relevance (-?\d+(?:\.\d+)?)"),
     _score(QT_TRANSLATE_NOOP("TriageReasons", "low relevance {score}"))),
    (re.compile(r"(\d+(?:\.\d)?)M followers"), _millions),
    (re.compile(r"(\d+)k followers"),
     _count(QT_TRANSLATE_NOOP("TriageReasons", "{n}k followers"))),
    (re.compile(r"(\d+) followers"),
     _count(QT_TRANSLATE_NOOP("TriageReasons", "{n} followers"))),
    (re.compile(r"(1) open case"), _count(QT_TRANSLATE_NOOP("TriageReasons", "{n} open case"))),
    (re.compile(r"(\d+) open cases"),
     _count(QT_TRANSLATE_NOOP("TriageReasons", "{n} open cases"))),
    (re.compile(r"(\d+) earlier mentions"),
     _count(QT_TRANSLATE_NOOP("TriageReasons", "{n} earlier mentions"))),
    (re.compile(r"(\d+) days old"), _count(QT_TRANSLATE_NOOP("TriageReasons", "{n} days old"))),
    (re.compile(r"(\d+) hours old"),
     _count(QT_TRANSLATE_NOOP("TriageReasons", "{n} hours old"))),
    (re.compile(r"rule (.+) set (\d+)"), _rule),
]


def known(reason: str) -> bool:
    """Whether :func:`reason_text` has words for this stored reason."""
    return reason in _FIXED or any(p.fullmatch(reason) for p, _ in _PATTERNS)


def reason_text(reason: str, number: Number = plain_number) -> str:
    """One stored priority reason ("12k followers") in the console's language."""
    reason = reason.strip()
    fixed = _FIXED.get(reason)
    if fixed is not None:
        return translate(CONTEXT, fixed)
    for pattern, say in _PATTERNS:
        match = pattern.fullmatch(reason)
        if match:
            return say(match, number)
    return reason


def reasons_text(reasons: str | Iterable[str], number: Number = plain_number,
                 separator: str = " · ") -> str:
    """Stored reasons (a tuple, or the " · "-joined column) in the console's language."""
    items = reasons.split(" · ") if isinstance(reasons, str) else reasons
    return separator.join(reason_text(r, number) for r in items if r.strip())
