"""Cases: the state machine, and every change to a case with its history row.

new -> open | waiting | resolved | closed
open -> waiting | resolved | closed          waiting -> open | resolved | closed
resolved -> open (reopened) | closed         closed -> open (reopened)

Every function here runs inside the caller's write transaction (``Store.write()``) and
takes the database explicitly, so two consoles on one workspace serialise on SQLite's
write lock and each sees the other's committed changes. An empty agent is Posventa
itself (intake, a customer's message). The SLA rules are in :mod:`console.cases.sla`;
the statements in :mod:`console.cases.queries`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from peewee import Database

from console.cases import queries
from console.cases.records import ACTIVE, STATUSES
from console.cases.sla import SlaPolicy, resume_after_pause
from console.cases.wording import state_list, state_name
from console.i18n import translate
from console.store.timeutil import from_db

TRANSITIONS: dict[str, tuple[str, ...]] = {
    "new": ("open", "waiting", "resolved", "closed"),
    "open": ("waiting", "resolved", "closed"),
    "waiting": ("open", "resolved", "closed"),
    "resolved": ("open", "closed"),
    "closed": ("open",),
}
SUBJECT_LENGTH = 80
TAG_LENGTH = 40
NOTE_LENGTH = 10_000


class CaseError(ValueError):
    """A case cannot change that way; the message says why in one sentence."""


@dataclass(frozen=True)
class Claim:
    """Who holds a case: `won` says whether the asking agent holds it now."""

    case_id: int
    claimed_by: str | None
    claimed_at: datetime | None
    won: bool


def record(db: Database, case_id: int, kind: str, agent: str, now: datetime,
           old: str = "", new: str = "") -> None:
    """Append one history row."""
    queries.insert_event(db, case_id, now, agent, kind, old, new)


def _state(db: Database, case_id: int) -> dict[str, Any]:
    state = queries.case_state(db, case_id)
    if state is None:
        raise CaseError(translate("Cases", "there is no case {case}").format(case=case_id))
    return state


def _update(db: Database, case_id: int, now: datetime, **values: Any) -> None:
    values["updated_at"] = now
    queries.update_case(db, case_id, values)


def subject_of(text: str) -> str:
    line = next((part.strip() for part in text.splitlines() if part.strip()), "")
    return line if len(line) <= SUBJECT_LENGTH else line[: SUBJECT_LENGTH - 1] + "…"


# --- opening, and the mentions of a case -----------------------------------------------------

def open_case(db: Database, mention_id: int, agent: str, now: datetime, policy: SlaPolicy,
              reason: str = "", claim: bool = True, known: tuple[Any, ...] | None = None) -> int:
    """Open a case for a mention and its thread (every post of the thread not yet in a
    case joins); returns the new case's id. The opening agent claims it.

    ``known`` is the mention's ``queries.mention_for_case`` row when the caller read it
    already (the intake step reads a whole page's in one statement); whether the mention
    is in a case is read again here either way."""
    row = known if known is not None else queries.mention_for_case(db, mention_id)
    if row is None:
        raise CaseError(translate("Cases", "there is no mention {mention}").format(
            mention=mention_id))
    channel, remote_id, thread_root, author_id, text, fetched_at, _, server = row
    root = thread_root or remote_id
    rows = queries.thread_for_case(db, mention_id, channel, root, server)
    existing = next((r[2] for r in rows if r[0] == mention_id), None)
    if existing is not None:
        raise CaseError(translate("Cases", "mention {mention} is already in case {case}").format(
            mention=mention_id, case=existing))
    thread = [mention_id] + [r[0] for r in rows if r[0] != mention_id]
    priority = max((r[1] for r in rows), default=0)
    # The clocks start when the team could first see the message (when it was stored).
    start = min(from_db(fetched_at) or now, now)
    case_id = queries.insert_case(
        db, priority, start, now, channel, root, author_id, subject_of(text),
        agent if claim and agent else None, now if claim and agent else None,
        policy.first_response_due(start, priority), policy.resolution_due(start, priority))
    record(db, case_id, "created", agent, now, "", reason or f"from mention {mention_id}")
    queries.put_mentions_in_case(db, case_id, thread)
    for other in thread[1:]:
        record(db, case_id, "mention", agent, now, "", str(other))
    # The brand may have answered a post of the thread before the case existed.
    answered = min((r[3] for r in rows if r[3] is not None), default=None)
    if answered is not None:
        _update(db, case_id, now, first_response_at=from_db(answered))
        record(db, case_id, "reply", agent, now, "", "answered before the case was opened")
    if claim and agent:
        record(db, case_id, "claim", agent, now, "", agent)
    return case_id


def _same_customer(db: Database, author_a: int | None, author_b: int | None) -> bool:
    if author_a is None or author_b is None or author_a == author_b:
        return True
    return queries.same_customer(db, author_a, author_b)


def attach(db: Database, case_id: int, mention_id: int, agent: str, now: datetime) -> None:
    """Add another mention of the same customer to a case (moving it from another case)."""
    state = _state(db, case_id)
    row = queries.mention_author_and_case(db, mention_id)
    if row is None:
        raise CaseError(translate("Cases", "there is no mention {mention}").format(
            mention=mention_id))
    if row[1] == case_id:
        raise CaseError(translate("Cases", "mention {mention} is already in case {case}").format(
            mention=mention_id, case=case_id))
    if not _same_customer(db, state["author_id"], row[0]):
        raise CaseError(translate("Cases", "mention {mention} was written by another customer "
                                           "than case {case}").format(mention=mention_id,
                                                                      case=case_id))
    if row[1] is not None:
        record(db, int(row[1]), "mention", agent, now, str(mention_id), f"moved to case {case_id}")
        _update(db, int(row[1]), now)
    queries.put_mention_in_case(db, case_id, mention_id)
    record(db, case_id, "mention", agent, now, "", str(mention_id))
    _update(db, case_id, now)


def detach(db: Database, mention_id: int, agent: str, now: datetime) -> int:
    """Take a mention out of its case; returns the case id."""
    case_id = queries.case_of_mention(db, mention_id)
    if case_id is None:
        raise CaseError(translate("Cases", "mention {mention} is not in a case").format(
            mention=mention_id))
    if queries.mention_count(db, case_id) <= 1:
        raise CaseError(translate("Cases", "mention {mention} is the only one in case {case}; "
                                           "close the case instead").format(mention=mention_id,
                                                                            case=case_id))
    queries.take_mention_out(db, mention_id)
    record(db, case_id, "mention", agent, now, str(mention_id), "")
    _update(db, case_id, now)
    return case_id


def customer_wrote(db: Database, case_id: int, mention_id: int, now: datetime,
                   policy: SlaPolicy, priority: int | None = None) -> None:
    """A new post of the case's thread arrived: it joins; a resolved or closed case reopens,
    and a case waiting on the customer is open again (its resolution clock resumes).

    A post more urgent than the case (``priority``, its triage priority) raises the case's
    priority to its own, due times with it, unless an agent has set the priority: a case
    opened by a mild reply is not left at the reply's priority when the complaint itself
    arrives. It never lowers it."""
    queries.put_mention_in_case(db, case_id, mention_id)
    record(db, case_id, "mention", "", now, "", str(mention_id))
    state = _state(db, case_id)
    if state["status"] in ("resolved", "closed", "waiting"):
        set_status(db, case_id, "open", "", now, policy)
    else:
        _update(db, case_id, now)
    if (priority is not None and priority > int(state["priority"])
            and not queries.priority_set_by_agent(db, case_id)):
        set_priority(db, case_id, min(priority, 100), "", now, policy)


# --- state, assignee, priority --------------------------------------------------------------

def set_status(db: Database, case_id: int, status: str, agent: str, now: datetime,
               policy: SlaPolicy) -> None:
    """Move a case along the state machine, keeping its clocks right."""
    state = _state(db, case_id)
    old = state["status"]
    if status not in STATUSES:
        raise CaseError(translate("Cases", "{state!r} is not a case state; use one of {states}")
                        .format(state=status, states=", ".join(STATUSES)))
    if status == old:
        raise CaseError(translate("Cases", "case {case} is already {state}").format(
            case=case_id, state=state_name(status)))
    if status not in TRANSITIONS.get(old, ()):
        allowed = (state_list(TRANSITIONS.get(old, ()), translate("Cases", " or "))
                   or translate("Cases", "nothing else"))
        raise CaseError(translate("Cases", "a {old} case cannot become {new}; it can become "
                                           "{allowed}").format(old=state_name(old),
                                                               new=state_name(status),
                                                               allowed=allowed))
    values: dict[str, Any] = {"status": status}
    if old == "waiting":
        paused, due = from_db(state["waiting_since"]), from_db(state["resolution_due"])
        if paused is not None and due is not None:
            values["resolution_due"] = resume_after_pause(due, paused, now, policy.hours)
        values["waiting_since"] = None
    if status == "waiting":
        values["waiting_since"] = now
    kind = "status"
    if old in ("resolved", "closed") and status == "open":
        kind = "reopened"
        values.update(resolved_at=None, closed_at=None,
                      resolution_due=policy.resolution_due(now, int(state["priority"])))
    if status in ("resolved", "closed"):
        if state["resolved_at"] is None:
            values["resolved_at"] = now
        if status == "closed":
            values["closed_at"] = now
            queries.close_mentions(db, case_id)
        if state["claimed_by"]:
            values.update(claimed_by=None, claimed_at=None)
            record(db, case_id, "claim", agent, now, state["claimed_by"], "")
    _update(db, case_id, now, **values)
    record(db, case_id, kind, agent, now, old, status)


def assign(db: Database, case_id: int, assignee: str | None, agent: str,
           now: datetime) -> None:
    name = " ".join((assignee or "").split()) or None
    old = _state(db, case_id)["assignee"] or None
    if name == old:
        raise CaseError(translate("Cases", "case {case} is already assigned to {name}").format(
            case=case_id, name=name) if name else translate(
            "Cases", "case {case} has no assignee").format(case=case_id))
    _update(db, case_id, now, assignee=name)
    record(db, case_id, "assignee", agent, now, old or "", name or "")


def set_priority(db: Database, case_id: int, priority: int, agent: str, now: datetime,
                 policy: SlaPolicy) -> None:
    """Change a case's priority; due times still running move to the new tier's targets."""
    if not 0 <= priority <= 100:
        raise CaseError(translate("Cases", "a priority is between 0 and 100"))
    state = _state(db, case_id)
    old = int(state["priority"])
    if priority == old:
        raise CaseError(translate("Cases", "case {case} already has priority {priority}").format(
            case=case_id, priority=priority))
    values: dict[str, Any] = {"priority": priority}
    due = from_db(state["first_response_due"])
    if due is not None and state["first_response_at"] is None:
        values["first_response_due"] = policy.retarget(due, old, priority, "first_response")
    due = from_db(state["resolution_due"])
    if due is not None and state["resolved_at"] is None:
        values["resolution_due"] = policy.retarget(due, old, priority, "resolution")
    _update(db, case_id, now, **values)
    record(db, case_id, "priority", agent, now, str(old), str(priority))


# --- tags and notes -------------------------------------------------------------------------

def clean_tag(name: str) -> str:
    tag = " ".join(name.split()).strip("#").lower()
    if not tag:
        raise CaseError(translate("Cases", "a tag needs at least one letter"))
    if len(tag) > TAG_LENGTH or "," in tag:
        raise CaseError(translate("Cases", "a tag is at most {n} characters, with no commas")
                        .format(n=TAG_LENGTH))
    return tag


def add_tag(db: Database, case_id: int, name: str, agent: str, now: datetime) -> bool:
    """Tag a case; False if it already had the tag."""
    _state(db, case_id)
    tag = clean_tag(name)
    if not queries.add_case_tag(db, case_id, tag):
        return False
    record(db, case_id, "tag", agent, now, "", tag)
    _update(db, case_id, now)
    return True


def remove_tag(db: Database, case_id: int, name: str, agent: str, now: datetime) -> bool:
    _state(db, case_id)
    tag = clean_tag(name)
    if not queries.remove_case_tag(db, case_id, tag):
        return False
    record(db, case_id, "tag", agent, now, tag, "")
    _update(db, case_id, now)
    return True


def add_note(db: Database, case_id: int, body: str, agent: str, now: datetime) -> int:
    """An internal note: kept with the case, never sent. Returns its id."""
    _state(db, case_id)
    text = body.strip()
    if not text:
        raise CaseError(translate("Cases", "the note is empty"))
    if len(text) > NOTE_LENGTH:
        raise CaseError(translate("Cases", "a note is at most {n} characters").format(
            n=NOTE_LENGTH))
    note_id = queries.insert_note(db, case_id, text, agent, now)
    record(db, case_id, "note", agent, now, "", subject_of(text))
    _update(db, case_id, now)
    return note_id


# --- claims ---------------------------------------------------------------------------------

def claim(db: Database, case_id: int, agent: str, now: datetime) -> Claim:
    """Claim a case unless another agent holds it (then say who, and since when)."""
    if not agent:
        raise CaseError(translate("Cases", "set your agent name first (posventa cases --agent "
                                           "NAME, or agent_name in the workspace settings)"))
    state = _state(db, case_id)
    if state["status"] not in ACTIVE:
        raise CaseError(translate("Cases", "case {case} is {state}; reopen it to work on it")
                        .format(case=case_id, state=state_name(state["status"])))
    holder = state["claimed_by"] or None
    if holder is not None and holder != agent:
        return Claim(case_id, holder, from_db(state["claimed_at"]), False)
    _update(db, case_id, now, claimed_by=agent, claimed_at=now)
    if holder is None:
        record(db, case_id, "claim", agent, now, "", agent)
    return Claim(case_id, agent, now, True)


def take_over(db: Database, case_id: int, agent: str, now: datetime) -> Claim:
    """Take a case another agent claimed (explicitly: it is in the history)."""
    if not agent:
        raise CaseError(translate("Cases", "set your agent name first"))
    state = _state(db, case_id)
    holder = state["claimed_by"] or ""
    if holder == agent:
        return Claim(case_id, agent, from_db(state["claimed_at"]), True)
    if state["status"] not in ACTIVE:
        raise CaseError(translate("Cases", "case {case} is {state}; reopen it to work on it")
                        .format(case=case_id, state=state_name(state["status"])))
    _update(db, case_id, now, claimed_by=agent, claimed_at=now)
    record(db, case_id, "takeover" if holder else "claim", agent, now, holder, agent)
    return Claim(case_id, agent, now, True)


def release(db: Database, case_id: int, agent: str, now: datetime) -> bool:
    """Give up one's own claim; False if the agent did not hold it."""
    state = _state(db, case_id)
    if not agent or state["claimed_by"] != agent:
        return False
    _update(db, case_id, now, claimed_by=None, claimed_at=None)
    record(db, case_id, "claim", agent, now, agent, "")
    return True


# --- the outbox ------------------------------------------------------------------------------

def reply_sent(db: Database, mention_id: int, reply_id: int, agent: str,
               sent_at: datetime) -> None:
    """A brand reply to a mention left: the first one is the case's first response."""
    case_id = queries.case_of_mention(db, mention_id)
    if case_id is None:
        return
    state = _state(db, case_id)
    record(db, case_id, "reply", agent, sent_at, "", f"reply {reply_id} sent")
    values: dict[str, Any] = {}
    if state["first_response_at"] is None:
        values["first_response_at"] = sent_at
    if state["status"] == "new":
        values["status"] = "open"
        record(db, case_id, "status", agent, sent_at, "new", "open")
    _update(db, case_id, sent_at, **values)
