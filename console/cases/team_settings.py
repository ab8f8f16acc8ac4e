"""Settings the whole team shares, kept in the database so every console agrees.

Each key is declared once here with its default and its check. Values are stored as JSON
in the ``team_setting`` table; a missing or unusable stored value reads as the default.
``assign("mon=09:00-18:00")`` is the command line's way in (see ``posventa cases sla``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from peewee import Database

from console.cases import queries
from console.cases.sla import (
    DAYS,
    DEFAULT_TARGETS,
    BusinessHours,
    SlaError,
    SlaPolicy,
    Target,
)
from console.store.timeutil import utcnow


class SettingError(ValueError):
    """A team setting cannot take that value; the message says why."""


_HHMM = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")
_SPAN = re.compile(r"^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*$")


def parse_window(text: str) -> tuple[int, int] | None:
    """"09:00-18:00" as minutes (540, 1080); "" or "closed" as None."""
    if text.strip().lower() in ("", "closed", "none", "-"):
        return None
    match = _HHMM.match(text)
    if not match:
        raise SettingError(f"{text!r} is not opening hours; write them like 09:00-18:00 "
                           "or closed")
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    start, end = h1 * 60 + m1, h2 * 60 + m2
    if m1 > 59 or m2 > 59 or start >= 1440 or end > 1440 or start >= end:
        raise SettingError(f"{text!r}: the opening time must come before the closing time "
                           "(24:00 at most; no overnight hours)")
    return start, end


def window_text(window: tuple[int, int] | None) -> str:
    if window is None:
        return "closed"
    return f"{window[0] // 60:02d}:{window[0] % 60:02d}-{window[1] // 60:02d}:{window[1] % 60:02d}"


def parse_minutes(text: str) -> int:
    """"90", "90m", "1h30m", "8h" as business minutes."""
    text = text.strip().lower()
    if text.isdigit():
        return int(text)
    match = _SPAN.match(text)
    if not text or not match or not any(match.groups()):
        raise SettingError(f"{text!r} is not a duration; write it like 45m, 2h or 1h30m")
    return int(match.group(1) or 0) * 60 + int(match.group(2) or 0)


def _hours(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or set(value) - set(DAYS):
        raise SettingError("hours must name weekdays (mon..sun)")
    merged = {day: window_text(parse_window(str(value.get(day, "closed")))) for day in DAYS}
    if all(v == "closed" for v in merged.values()):
        raise SettingError("the team needs at least one open day")
    return merged


def _holidays(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [part for part in re.split(r"[,\s]+", value) if part]
    if not isinstance(value, list):
        raise SettingError("holidays are a list of dates like 2026-12-25")
    days = []
    for item in value:
        try:
            days.append(date.fromisoformat(str(item)).isoformat())
        except ValueError:
            raise SettingError(f"{item!r} is not a date; write it like 2026-12-25") from None
    return sorted(set(days))


def _zone(value: Any) -> str:
    try:
        return BusinessHours(zone=str(value)).zone
    except SlaError as exc:
        raise SettingError(str(exc)) from None


def _targets(value: Any) -> dict[str, dict[str, int]]:
    if not isinstance(value, dict) or not value:
        raise SettingError("targets map a tier name to its priority and times")
    checked: dict[str, dict[str, int]] = {}
    for tier, spec in value.items():
        try:
            entry = {k: int(spec[k]) for k in ("min_priority", "first_response", "resolution")}
        except (KeyError, TypeError, ValueError):
            raise SettingError(f"tier {tier!r} needs min_priority, first_response and "
                               "resolution") from None
        if not 0 <= entry["min_priority"] <= 100:
            raise SettingError(f"tier {tier}: the priority is between 0 and 100")
        if not 0 < entry["first_response"] <= entry["resolution"]:
            raise SettingError(f"tier {tier}: the first response target must be above zero "
                               "and not longer than the resolution target")
        checked[str(tier)] = entry
    return checked


def _fraction(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise SettingError(f"{value!r} is not a number between 0 and 1") from None
    if not 0.0 <= number <= 1.0:
        raise SettingError("the complaint threshold is between 0 and 1")
    return number


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "yes", "true", "on"):
        return True
    if text in ("0", "no", "false", "off"):
        return False
    raise SettingError(f"{value!r} is not yes or no")


def _warning(value: Any) -> int:
    minutes = value if isinstance(value, int) else parse_minutes(str(value))
    if not 0 < minutes <= 7 * 24 * 60:
        raise SettingError("the warning window is between 1 minute and 7 days")
    return minutes


@dataclass(frozen=True)
class Spec:
    """One team setting: its default, how a value is checked, and what it means."""

    default: Any
    check: Callable[[Any], Any]
    help: str


SPECS: dict[str, Spec] = {
    "timezone": Spec("Europe/Madrid", _zone, "time zone of the business hours"),
    "hours": Spec({**{d: "09:00-18:00" for d in DAYS[:5]}, "sat": "closed", "sun": "closed"},
                  _hours, "opening hours per weekday (set one day: mon=09:00-18:00)"),
    "holidays": Spec([], _holidays, "dates the team is closed (comma-separated)"),
    "targets": Spec({t.tier: {"min_priority": t.min_priority,
                              "first_response": t.first_response,
                              "resolution": t.resolution} for t in DEFAULT_TARGETS},
                    _targets, "per-priority targets (set: urgent=1h/8h, urgent.min=80)"),
    "complaint_threshold": Spec(0.6, _fraction,
                                "a complaint at least this likely opens a case"),
    "open_direct": Spec(True, _flag, "a direct message opens a case"),
    "warning_minutes": Spec(60, _warning, "how soon before a due time it is 'breaching soon'"),
}


def get(db: Database, key: str) -> Any:
    spec = SPECS[key]
    stored = queries.team_setting(db, key)
    if stored is None:
        return spec.default
    try:
        return spec.check(json.loads(stored))
    except (SettingError, ValueError):
        return spec.default  # a bad stored value never stops the console


def all_settings(db: Database) -> dict[str, Any]:
    return {key: get(db, key) for key in SPECS}


def put(db: Database, key: str, value: Any) -> Any:
    """Check and store one setting (call inside a write transaction); returns what was kept."""
    if key not in SPECS:
        raise SettingError(f"there is no team setting {key!r}; known: {', '.join(SPECS)}")
    checked = SPECS[key].check(value)
    queries.put_team_setting(db, key, json.dumps(checked, ensure_ascii=False), utcnow())
    return checked


def assign(db: Database, assignment: str) -> tuple[str, Any]:
    """Apply "key=value" as typed on the command line; returns (setting, new value).

    Besides the keys of SPECS: a weekday (``sat=10:00-14:00``), a tier
    (``urgent=1h/8h``) or a tier's threshold (``urgent.min=80``).
    """
    if "=" not in assignment:
        raise SettingError(f"{assignment!r}: write key=value, e.g. timezone=Europe/Madrid")
    key, value = (part.strip() for part in assignment.split("=", 1))
    key = key.lower()
    if key in DAYS:
        hours = dict(get(db, "hours"))
        hours[key] = value
        return "hours", put(db, "hours", hours)
    targets = {tier: dict(spec) for tier, spec in get(db, "targets").items()}
    tier, _, part = key.partition(".")
    if tier in targets:
        if part in ("min", "min_priority"):
            try:
                targets[tier]["min_priority"] = int(value)
            except ValueError:
                raise SettingError(f"{value!r} is not a priority from 0 to 100") from None
        elif part == "":
            first, sep, resolution = value.partition("/")
            if not sep:
                raise SettingError(f"{value!r}: write first response/resolution, e.g. 1h/8h")
            targets[tier]["first_response"] = parse_minutes(first)
            targets[tier]["resolution"] = parse_minutes(resolution)
        else:
            raise SettingError(f"{key!r}: use {tier}=1h/8h or {tier}.min=80")
        return "targets", put(db, "targets", targets)
    if key not in SPECS:
        raise SettingError(f"there is no team setting {key!r}; known: {', '.join(SPECS)}, "
                           "a weekday, or a tier")
    parsed: Any = value
    if key == "targets":
        try:
            parsed = json.loads(value)
        except ValueError:
            raise SettingError("targets are JSON here; or set one tier: urgent=1h/8h") from None
    return key, put(db, key, parsed)


def policy(db: Database) -> SlaPolicy:
    """The SLA policy the settings describe."""
    hours = get(db, "hours")
    week = tuple(parse_window(hours[day]) for day in DAYS)
    holidays = frozenset(date.fromisoformat(d) for d in get(db, "holidays"))
    targets = tuple(Target(tier, spec["min_priority"], spec["first_response"],
                           spec["resolution"]) for tier, spec in get(db, "targets").items())
    return SlaPolicy(BusinessHours(get(db, "timezone"), week, holidays), targets)


def warning(db: Database) -> timedelta:
    return timedelta(minutes=int(get(db, "warning_minutes")))
