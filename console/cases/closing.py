"""Closing a case so that the agent can take it back: what the close changed is kept,
and an undo puts exactly that back (the case's columns and its mentions' states).

A case closed (or resolved) before any reply was sent has its own outcome, "closed
without reply": it is never counted as a met resolution (see :func:`unanswered`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from console.cases import queries
from console.cases.cases import CaseError, record, set_status
from console.cases.sla import SlaPolicy
from console.i18n import translate


@dataclass(frozen=True)
class ClosedCase:
    """What one close changed, as stored before it (for :func:`undo_close`)."""

    case_id: int
    before: dict[str, Any]  # queries.CLOSING_COLUMNS -> stored value
    mention_states: tuple[tuple[int, str], ...]
    answered: bool  # whether a reply had been sent before the close


def unanswered(case: Any) -> bool:
    """Whether a case (CaseInfo, feed CaseBrief) was closed or resolved with no reply sent."""
    return case.status in ("resolved", "closed") and case.first_response_at is None


def close(db: Any, case_id: int, agent: str, now: datetime, policy: SlaPolicy) -> ClosedCase:
    """Close a case (the state machine's rules apply) and return how to take it back."""
    before = queries.closing_state(db, case_id)
    if before is None:
        raise CaseError(translate("Cases", "there is no case {case}").format(case=case_id))
    states = tuple(queries.mention_states(db, case_id))
    set_status(db, case_id, "closed", agent, now, policy)
    return ClosedCase(case_id, before, states, before["first_response_at"] is not None)


def undo_close(db: Any, closed: ClosedCase, agent: str, now: datetime) -> None:
    """Put a closed case back exactly as it was; the history keeps both steps."""
    current = queries.closing_state(db, closed.case_id)
    if current is None or current["status"] != "closed":
        raise CaseError(translate("Cases", "case {case} changed since it was closed; it "
                                           "was not reopened").format(case=closed.case_id))
    queries.update_case(db, closed.case_id, dict(closed.before))
    queries.restore_mention_states(db, closed.mention_states)
    record(db, closed.case_id, "status", agent, now, "closed", str(closed.before["status"]))
    if closed.before["claimed_by"]:
        record(db, closed.case_id, "claim", agent, now, "", str(closed.before["claimed_by"]))
