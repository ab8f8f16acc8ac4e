"""How cases read on screen: state words, SLA clocks with time left, colours with icons.

A breach is always said in words and marked with an icon, never by colour alone.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtGui import QColor

from console.cases.service import CaseClocks
from console.cases.sla import Clock, span_text
from console.cases.wording import event_detail
from console.i18n import translate
from console.ui import labels

BREACHED_COLOUR = QColor("#b3261e")
SOON_COLOUR = QColor("#9a5b00")
MET_COLOUR = QColor("#1e7a34")
BREACHED_ICON = "⚠"
SOON_ICON = "◔"


def status_word(status: str) -> str:
    words = {
        "new": translate("CaseText", "new"),
        "open": translate("CaseText", "open"),
        "waiting": translate("CaseText", "waiting on customer"),
        "resolved": translate("CaseText", "resolved"),
        "closed": translate("CaseText", "closed"),
    }
    return words.get(status, status)


def short_status(status: str) -> str:
    return translate("CaseText", "waiting") if status == "waiting" else status_word(status)


def clock_name(kind: str) -> str:
    return (
        translate("CaseText", "First response")
        if kind == "first_response"
        else translate("CaseText", "Resolution")
    )


def local_time(moment: datetime | None) -> str:
    if moment is None:
        return "–"
    # The agent's locale: day and month names in their language, its clock (14:03, 2:03 PM).
    return labels.day_and_time(moment)


def clock_text(clock: Clock) -> str:
    """A full sentence part for the case panel: "⚠ breached 10 min ago (due 11:00)"."""
    due = local_time(clock.due)
    if clock.state == "none":
        return translate("CaseText", "no target")
    if clock.state == "met":
        return translate("CaseText", "met at {0} (due {1})").format(local_time(clock.done_at), due)
    if clock.state == "late":
        return translate("CaseText", "{0} late: done {1}, due {2}").format(
            BREACHED_ICON, local_time(clock.done_at), due
        )
    if clock.state == "paused":
        return translate("CaseText", "paused while waiting on the customer")
    if clock.state == "unanswered":
        return translate("CaseText", "closed without reply")
    assert clock.left is not None
    if clock.state == "breached":
        return translate("CaseText", "{0} breached {1} ago (due {2})").format(
            BREACHED_ICON, span_text(clock.left), due
        )
    if clock.state == "soon":
        return translate("CaseText", "{0} {1} left — due {2}").format(
            SOON_ICON, span_text(clock.left), due
        )
    return translate("CaseText", "{0} left — due {1}").format(span_text(clock.left), due)


def clock_colour(clock: Clock) -> QColor | None:
    if clock.state in ("breached", "late", "unanswered"):
        return BREACHED_COLOUR
    if clock.state == "soon":
        return SOON_COLOUR
    if clock.state == "met":
        return MET_COLOUR
    return None


def feed_text(case: Any, clocks: CaseClocks) -> str:
    """The feed's Case column: "open · 45 min left", "new · ⚠ 10 min late" (the clock that
    needs attention first; which one it is, and both due times, are in the tooltip)."""
    state = short_status(case.status)
    if clocks.resolution.state == "unanswered":
        return translate("CaseText", "closed without reply")
    if case.status in ("resolved", "closed"):
        return state
    if case.status == "waiting" and clocks.first_response.state not in (
        "running",
        "soon",
        "breached",
    ):
        return translate("CaseText", "{0} · paused").format(state)
    clock = clocks.worst
    if clock.left is None:
        return state
    span = span_text(clock.left, compact=True)
    if clock.state == "breached":
        return f"{state} · {BREACHED_ICON} " + translate("CaseText", "{0} late").format(span)
    icon = f"{SOON_ICON} " if clock.state == "soon" else ""
    return f"{state} · {icon}" + translate("CaseText", "{0} left").format(span)


def feed_tooltip(case: Any, clocks: CaseClocks) -> str:
    """Plain text (the caller escapes it) describing the case and both clocks."""
    lines = [translate("CaseText", "Case {0}: {1}").format(case.id, status_word(case.status))]
    lines.append(
        translate("CaseText", "Assigned to {0}").format(case.assignee)
        if case.assignee
        else translate("CaseText", "Unassigned")
    )
    if case.claimed_by:
        lines.append(translate("CaseText", "Claimed by {0}").format(case.claimed_by))
    for clock in (clocks.first_response, clocks.resolution):
        lines.append(f"{clock_name(clock.kind)}: {clock_text(clock)}")
    return "\n".join(lines)


def agent_name(agent: str) -> str:
    return agent or translate("CaseText", "Posventa")


def event_text(event: Any) -> str:
    """One history line: "23 Nov 10:42  Ana  state new → open"."""
    who = agent_name(event.agent)
    old, new = event.old, event.new
    if event.kind == "created":
        what = translate("CaseText", "opened the case ({0})").format(event_detail(new))
    elif event.kind in ("status", "reopened"):
        text = (
            translate("CaseText", "reopened: {0} → {1}")
            if event.kind == "reopened"
            else translate("CaseText", "state {0} → {1}")
        )
        what = text.format(status_word(old), status_word(new))
    elif event.kind == "assignee":
        what = (
            translate("CaseText", "assigned to {0}").format(new)
            if new
            else translate("CaseText", "unassigned (was {0})").format(old)
        )
    elif event.kind == "priority":
        what = translate("CaseText", "priority {0} → {1}").format(old, new)
    elif event.kind == "claim":
        what = (
            translate("CaseText", "claimed the case")
            if new
            else translate("CaseText", "released {0}'s claim").format(old)
        )
    elif event.kind == "takeover":
        what = translate("CaseText", "took the case over from {0}").format(old)
    elif event.kind == "tag":
        what = (
            translate("CaseText", "tagged {0}").format(new)
            if new
            else translate("CaseText", "removed tag {0}").format(old)
        )
    elif event.kind == "note":
        what = translate("CaseText", "added a note: {0}").format(new)
    elif event.kind == "mention":
        if new and old:
            what = translate("CaseText", "moved mention {0} ({1})").format(old,
                                                                           event_detail(new))
        elif new:
            what = translate("CaseText", "added mention {0}").format(new)
        else:
            what = translate("CaseText", "took out mention {0}").format(old)
    elif event.kind == "reply":
        what = translate("CaseText", "brand reply: {0}").format(event_detail(new))
    elif event.kind == "review":
        what = translate("CaseText", "reviewed the case: {0}/5 {1}").format(old, new).rstrip()
    else:
        what = f"{event.kind}: {old} → {new}"
    return f"{local_time(event.at)}  {who}  {what}"


def note_text(note: Any) -> str:
    return f"{local_time(note.created_at)}  {agent_name(note.agent)}\n{note.body}"
