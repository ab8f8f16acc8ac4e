"""Automation rules: ordered conditions and actions applied to a triaged post (pure logic).

A rule fires when its conditions hold (all of them, or any with ``match="any"``); its
actions then tag, set the priority, assign, hide as spam, mark not relevant or close.
Rules run in list order and every rule that fired is recorded, in order. Later rules
override the priority and the assignee set by earlier ones; tags accumulate; a rule with
``stop=True`` ends the evaluation when it fires. Rules serialise to and from plain dicts
(JSON) for the settings store.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from console.i18n import QT_TRANSLATE_NOOP, translate

from .relevance import count_terms
from .text import fold

CONDITIONS = (
    "keyword",  # any of the comma-separated words or phrases (case and accents ignored)
    "phrase",  # the exact phrase (case and accents ignored)
    "language",  # es|en|other, comma-separated
    "channel",  # network kind, comma-separated (mastodon, bluesky, ...)
    "source",  # mention|keyword|hashtag|direct|comment, comma-separated
    "followers_at_least",  # integer
    "author_in",  # comma-separated handles (a VIP list); "@" and case ignored
    "complaint_at_least",  # float in [0, 1]
    "sentiment_at_most",  # float in [-1, 1]
    "vip",  # the author belongs to a customer marked VIP (the value is ignored)
)
ACTIONS = ("tag", "set_priority", "assign", "hide_spam", "mark_not_relevant", "close")
# How a condition or action is named in a sentence: the identifier in English (the CLI's
# KIND=VALUE words), the rules dialog's words in a translation.
KIND_NAMES = {
    "keyword": QT_TRANSLATE_NOOP("RuleKinds", "keyword"),
    "phrase": QT_TRANSLATE_NOOP("RuleKinds", "phrase"),
    "language": QT_TRANSLATE_NOOP("RuleKinds", "language"),
    "channel": QT_TRANSLATE_NOOP("RuleKinds", "channel"),
    "source": QT_TRANSLATE_NOOP("RuleKinds", "source"),
    "followers_at_least": QT_TRANSLATE_NOOP("RuleKinds", "followers_at_least"),
    "author_in": QT_TRANSLATE_NOOP("RuleKinds", "author_in"),
    "complaint_at_least": QT_TRANSLATE_NOOP("RuleKinds", "complaint_at_least"),
    "sentiment_at_most": QT_TRANSLATE_NOOP("RuleKinds", "sentiment_at_most"),
    "vip": QT_TRANSLATE_NOOP("RuleKinds", "vip"),
    "tag": QT_TRANSLATE_NOOP("RuleKinds", "tag"),
    "set_priority": QT_TRANSLATE_NOOP("RuleKinds", "set_priority"),
    "assign": QT_TRANSLATE_NOOP("RuleKinds", "assign"),
    "hide_spam": QT_TRANSLATE_NOOP("RuleKinds", "hide_spam"),
    "mark_not_relevant": QT_TRANSLATE_NOOP("RuleKinds", "mark_not_relevant"),
    "close": QT_TRANSLATE_NOOP("RuleKinds", "close"),
}


def kind_name(kind: str) -> str:
    """A condition or action kind as a sentence names it (see KIND_NAMES)."""
    text = KIND_NAMES.get(kind)
    return translate("RuleKinds", text) if text is not None else kind


@dataclass(frozen=True)
class PostFacts:
    """What rules can look at: the post and its triage labels."""

    text: str
    lang: str = "other"
    channel: str = ""
    source: str = "mention"
    followers: int = 0
    author: str = ""
    complaint: float = 0.0
    sentiment: float = 0.0
    vip: bool = False


@dataclass(frozen=True)
class Condition:
    """One test on a post; ``negate`` inverts it."""

    kind: str
    value: str
    negate: bool = False

    def __post_init__(self) -> None:
        kind, value = self.kind, self.value.strip()
        if kind not in CONDITIONS:
            raise ValueError(
                translate("Rules", "unknown rule condition {kind!r}; use one of {kinds}").format(
                    kind=kind, kinds=", ".join(CONDITIONS))
            )
        if kind == "followers_at_least":
            if not value.isdigit():
                raise ValueError(
                    translate("Rules", "the {kind} condition needs a whole number, not "
                                       "{value!r}").format(kind=kind_name(kind), value=value)
                )
        elif kind in ("complaint_at_least", "sentiment_at_most"):
            low = 0.0 if kind == "complaint_at_least" else -1.0
            try:
                number = float(value)
            except ValueError:
                number = float("nan")
            if not low <= number <= 1.0:
                raise ValueError(
                    translate("Rules", "the {kind} condition needs a number from {low:g} to 1, "
                                       "not {value!r}").format(kind=kind_name(kind), low=low,
                                                               value=value)
                )
        elif kind != "vip" and not _items(value):
            raise ValueError(translate("Rules", "the {kind} condition needs a value").format(
                kind=kind_name(kind)))

    def holds(self, post: PostFacts, folded: str) -> bool:
        """Whether the condition is true for the post (``folded`` is its folded text)."""
        result = self._test(post, folded)
        return not result if self.negate else result

    def _test(self, post: PostFacts, folded: str) -> bool:
        kind, value = self.kind, self.value
        if kind == "keyword":
            return count_terms(folded, _items(value)) > 0
        if kind == "phrase":
            return count_terms(folded, [value]) > 0
        if kind == "language":
            return post.lang.lower() in _items(value.lower())
        if kind == "channel":
            return post.channel.lower() in _items(value.lower())
        if kind == "source":
            return post.source.lower() in _items(value.lower())
        if kind == "followers_at_least":
            return post.followers >= int(value)
        if kind == "author_in":
            # "ana" matches @ana on any server; "ana@social.example" only that account.
            handle = post.author.lower().lstrip("@")
            user = handle.split("@", 1)[0]
            for wanted in (h.lower().lstrip("@") for h in _items(value)):
                if wanted == handle or ("@" not in wanted and wanted == user):
                    return True
            return False
        if kind == "complaint_at_least":
            return post.complaint >= float(value)
        if kind == "vip":
            return post.vip
        return post.sentiment <= float(value)  # sentiment_at_most

    def describe(self) -> str:
        """E.g. "keyword: abogado, profeco" or "not followers at least 1000"."""
        words = "author's customer is VIP" if self.kind == "vip" else (
            f"{self.kind.replace('_', ' ')}: {self.value}" if self.kind in _LISTS
            else f"{self.kind.replace('_', ' ')} {self.value}")
        return f"not {words}" if self.negate else words


@dataclass(frozen=True)
class Action:
    """One effect of a rule; ``value`` is the tag, the priority or the assignee."""

    kind: str
    value: str = ""

    def __post_init__(self) -> None:
        if self.kind not in ACTIONS:
            raise ValueError(translate("Rules", "unknown rule action {kind!r}; use one of {kinds}")
                             .format(kind=self.kind, kinds=", ".join(ACTIONS)))
        if self.kind == "set_priority" and not (
            self.value.strip().isdigit() and 0 <= int(self.value) <= 100
        ):
            raise ValueError(
                translate("Rules", "the {kind} action needs a whole number from 0 to 100, not "
                                   "{value!r}").format(kind=kind_name(self.kind), value=self.value)
            )
        if self.kind in ("tag", "assign") and not self.value.strip():
            raise ValueError(translate("Rules", "the {kind} action needs a value").format(
                kind=kind_name(self.kind)))

    def describe(self) -> str:
        """E.g. "tag legal", "set priority 90", "hide spam"."""
        words = self.kind.replace("_", " ")
        return f"{words} {self.value}" if self.kind in ("tag", "set_priority", "assign") else words

@dataclass(frozen=True)
class Rule:
    """Conditions, evaluated in order (short-circuit), and the actions taken when they hold."""

    name: str
    conditions: tuple[Condition, ...]
    actions: tuple[Action, ...]
    match: str = "all"  # all|any
    stop: bool = False
    enabled: bool = True

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError(translate("Rules", "a rule needs a name"))
        if self.match not in ("all", "any"):
            raise ValueError(translate("Rules", "the match must be 'all' or 'any'"))
        if not self.actions:
            raise ValueError(translate("Rules", "rule {name!r} needs at least one action").format(
                name=self.name))

    def describe(self) -> str:
        """One line: "if keyword: abogado and language: es then tag legal, assign ana"."""
        joiner = " and " if self.match == "all" else " or "
        when = joiner.join(c.describe() for c in self.conditions) or "always"
        then = ", ".join(a.describe() for a in self.actions)
        return f"if {when} then {then}" + ("; stop" if self.stop else "")
    def fires(self, post: PostFacts, folded: str) -> bool:
        """Whether the rule applies (a rule without conditions always does)."""
        if not self.enabled:
            return False
        if not self.conditions:
            return True
        tests = (c.holds(post, folded) for c in self.conditions)
        return all(tests) if self.match == "all" else any(tests)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return {
            "name": self.name,
            "match": self.match,
            "stop": self.stop,
            "enabled": self.enabled,
            "conditions": [
                {"kind": c.kind, "value": c.value, "negate": c.negate} for c in self.conditions
            ],
            "actions": [{"kind": a.kind, "value": a.value} for a in self.actions],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Rule:
        """Reads what ``to_dict`` wrote; raises ValueError on anything malformed."""
        try:
            return cls(
                name=str(data["name"]),
                conditions=tuple(
                    Condition(str(c["kind"]), str(c.get("value", "")), bool(c.get("negate", False)))
                    for c in data.get("conditions", ())
                ),
                actions=tuple(
                    Action(str(a["kind"]), str(a.get("value", ""))) for a in data.get("actions", ())
                ),
                match=str(data.get("match", "all")),
                stop=bool(data.get("stop", False)),
                enabled=bool(data.get("enabled", True)),
            )
        except (KeyError, TypeError) as exc:
            raise ValueError(translate("Rules", "malformed rule: {error}").format(error=exc)
                             ) from exc


@dataclass
class RuleOutcome:
    """What the rules decided, and which rules fired, in order."""

    fired: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    priority: int | None = None
    priority_rule: str | None = None  # the rule that set the priority
    assignee: str | None = None
    spam: bool = False
    not_relevant: bool = False
    closed: bool = False


def apply_rules(rules: Iterable[Rule], post: PostFacts) -> RuleOutcome:
    """Evaluates the rules in order and merges their actions."""
    outcome = RuleOutcome()
    folded = fold(post.text)
    for rule in rules:
        if not rule.fires(post, folded):
            continue
        outcome.fired.append(rule.name)
        for action in rule.actions:
            if action.kind == "tag":
                if action.value not in outcome.tags:
                    outcome.tags.append(action.value)
            elif action.kind == "set_priority":
                outcome.priority = int(action.value)
                outcome.priority_rule = rule.name
            elif action.kind == "assign":
                outcome.assignee = action.value
            elif action.kind == "hide_spam":
                outcome.spam = True
            elif action.kind == "mark_not_relevant":
                outcome.not_relevant = True
            elif action.kind == "close":
                outcome.closed = True
        if rule.stop:
            break
    return outcome


def rules_to_list(rules: Iterable[Rule]) -> list[dict[str, Any]]:
    """Rules as a JSON-ready list."""
    return [r.to_dict() for r in rules]


def rules_from_list(data: Iterable[Mapping[str, Any]]) -> list[Rule]:
    """Rules from a JSON list (ValueError on a malformed one)."""
    return [Rule.from_dict(d) for d in data]


_LISTS = ("keyword", "phrase", "language", "channel", "source", "author_in")


def _items(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]
