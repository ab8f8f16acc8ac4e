"""The team's automation rules as stored, and what a rule outcome does to a mention.

Rules are kept in the ``rule`` table in ``position`` order (1, 2, 3...); the statements
are in console/triage/queries.py. Every write goes through ``Rule.from_dict``
(console/triage/rules.py), so a rule that is stored always parses. :func:`active_rules`
serves the ingest path: it reads the table again only when a cheap fingerprint of it
(count, highest id, newest change) moved.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from peewee import Database

from console.store.db import Store
from console.store.timeutil import to_db, utcnow
from console.triage import queries
from console.triage.rules import Rule, RuleOutcome


class RuleNotFound(ValueError):
    """There is no such rule (the message names it)."""


@dataclass(frozen=True)
class StoredRule:
    """A rule as stored: its id and position (1-based) with the parsed rule."""

    id: int
    position: int
    rule: Rule


def _parse(row: Sequence[Any]) -> StoredRule:
    rule = Rule.from_dict({
        "name": row[2], "enabled": bool(row[3]), "match": row[4], "stop": bool(row[5]),
        "conditions": json.loads(row[6]), "actions": json.loads(row[7]),
    })
    return StoredRule(int(row[0]), int(row[1]), rule)


def list_rules(db: Database) -> list[StoredRule]:
    """Every rule, in the order they run."""
    return [_parse(r) for r in queries.rule_rows(db)]


def get_rule(db: Database, rule_id: int) -> StoredRule:
    row = queries.rule_row(db, rule_id)
    if row is None:
        raise RuleNotFound(f"there is no rule {rule_id}")
    return _parse(row)


def find_rule(db: Database, key: str) -> StoredRule:
    """A rule by id ("3") or by its name (case ignored)."""
    rules = list_rules(db)
    if key.strip().isdigit():
        for stored in rules:
            if stored.id == int(key):
                return stored
    named = [s for s in rules if s.rule.name.strip().lower() == key.strip().lower()]
    if len(named) == 1:
        return named[0]
    if len(named) > 1:
        raise RuleNotFound(f"{len(named)} rules are called {key!r}; use the rule's id")
    raise RuleNotFound(f"there is no rule {key!r}")


def _columns(rule: Rule) -> dict[str, Any]:
    data = rule.to_dict()
    return {"name": rule.name.strip(), "enabled": rule.enabled, "match": rule.match,
            "stop": rule.stop, "conditions": json.dumps(data["conditions"], ensure_ascii=False),
            "actions": json.dumps(data["actions"], ensure_ascii=False)}


def validate(data: Rule | Mapping[str, Any]) -> Rule:
    """A rule checked the way the store checks it (ValueError with a clear sentence)."""
    return Rule.from_dict(data.to_dict() if isinstance(data, Rule) else data)


def add_rule(store: Store, rule: Rule | Mapping[str, Any],
             position: int | None = None) -> StoredRule:
    """Store a rule at `position` (1-based; default: last) and shift the ones after it."""
    checked = validate(rule)
    db = store.db
    now = to_db(utcnow())
    with store.write():
        count = queries.count_rules(db)
        place = count + 1 if position is None else max(1, min(int(position), count + 1))
        _renumber(db, now)
        queries.make_room_for_rule(db, place, now)
        cols = _columns(checked) | {"position": place, "created_at": now, "updated_at": now}
        rule_id = queries.insert_rule(db, cols)
    return get_rule(db, rule_id)


def update_rule(store: Store, rule_id: int, rule: Rule | Mapping[str, Any]) -> StoredRule:
    """Replace a rule's name, conditions, actions and switches (its position stays)."""
    checked = validate(rule)
    cols = _columns(checked) | {"updated_at": to_db(utcnow())}
    with store.write():
        if queries.update_rule(store.db, rule_id, cols) == 0:
            raise RuleNotFound(f"there is no rule {rule_id}")
    return get_rule(store.db, rule_id)


def set_enabled(store: Store, rule_id: int, enabled: bool) -> StoredRule:
    with store.write():
        if queries.set_rule_enabled(store.db, rule_id, enabled, to_db(utcnow())) == 0:
            raise RuleNotFound(f"there is no rule {rule_id}")
    return get_rule(store.db, rule_id)


def delete_rule(store: Store, rule_id: int) -> StoredRule:
    """Remove a rule; the ones after it move up. Returns what was removed."""
    gone = get_rule(store.db, rule_id)
    with store.write():
        queries.delete_rule(store.db, rule_id)
        _renumber(store.db, to_db(utcnow()))
    return gone


def move_rule(store: Store, rule_id: int, position: int) -> StoredRule:
    """Put a rule at `position` (1-based, clamped to the list)."""
    with store.write():
        ids = queries.rule_ids_in_order(store.db)
        if rule_id not in ids:
            raise RuleNotFound(f"there is no rule {rule_id}")
        ids.remove(rule_id)
        ids.insert(max(0, min(int(position) - 1, len(ids))), rule_id)
        queries.write_rule_order(store.db, ids, to_db(utcnow()))
    return get_rule(store.db, rule_id)


def replace_rules(store: Store, rules: Iterable[Rule | Mapping[str, Any]]) -> list[StoredRule]:
    """Replace every rule with these, in this order (an import). All or nothing."""
    checked = [validate(r) for r in rules]
    now = to_db(utcnow())
    with store.write():
        queries.delete_all_rules(store.db)
        for place, rule in enumerate(checked, 1):
            cols = _columns(rule) | {"position": place, "created_at": now, "updated_at": now}
            queries.insert_rule(store.db, cols)
    return list_rules(store.db)


def _renumber(db: Database, now: Any) -> None:
    queries.write_rule_order(db, queries.rule_ids_in_order(db), now)


# --- the ingest path ----------------------------------------------------------------------

_cache_lock = threading.Lock()
_cache: dict[str, tuple[tuple, list[Rule]]] = {}


def active_rules(db: Database) -> list[Rule]:
    """The enabled rules in order, re-read only when the table changed."""
    key = str(getattr(db, "database", id(db)))
    mark = queries.rules_fingerprint(db)
    with _cache_lock:
        cached = _cache.get(key)
        if cached is not None and cached[0] == mark:
            return cached[1]
    rules = [s.rule for s in list_rules(db) if s.rule.enabled]
    with _cache_lock:
        _cache[key] = (mark, rules)
    return rules


# --- what an outcome does to a stored mention ----------------------------------------------

def rule_reason(outcome: RuleOutcome) -> str:
    """The reason shown when a rule set the priority, e.g. "rule VIP set 90"."""
    setter = outcome.priority_rule or "a rule"
    return f"rule {setter} set {outcome.priority}"


def record_outcome(db: Database, mention_id: int, outcome: RuleOutcome, *, priority: int,
                   reasons: Sequence[str], status_changes: bool = True) -> dict[str, Any]:
    """Write what the rules decided onto a mention; returns the columns written.

    `priority`/`reasons` are triage's; a rule's priority replaces the value and leads the
    reasons. Spam hides the mention; "not relevant" sets relevance to 0, which hides it
    too. `status_changes=False` leaves the status alone (re-scoring never closes a post).
    """
    shown = list(reasons)
    if outcome.priority is not None:
        priority = outcome.priority
        shown.insert(0, rule_reason(outcome))
    values: dict[str, Any] = {"fired_rules": " · ".join(outcome.fired), "priority": priority,
                              "priority_reasons": " · ".join(shown)}
    if outcome.spam:
        values["spam"] = True
    if outcome.not_relevant:
        values["relevance"] = 0.0
    if outcome.closed and status_changes:
        values["status"] = "closed"
    queries.update_mention(db, mention_id, values)
    queries.tag_mention(db, mention_id, outcome.tags)
    return values
