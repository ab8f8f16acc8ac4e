"""The case API the window and the command line call (thread-safe, no Qt).

Each change runs in one write transaction of this console's Store, so two consoles on one
workspace never interleave a claim or a state change: SQLite's write lock orders them
and the second sees what the first committed.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from console.cases import cases, closing, records, team_settings
from console.cases.cases import CaseError, Claim
from console.cases.closing import ClosedCase, unanswered
from console.cases.records import CaseEventInfo, CaseInfo, NoteInfo
from console.cases.sla import Clock, SlaPolicy, read_clock
from console.i18n import translate
from console.store.db import Store
from console.store.timeutil import utcnow


@dataclass(frozen=True)
class CaseClocks:
    """A case's two SLA clocks at one moment."""

    first_response: Clock
    resolution: Clock

    @property
    def worst(self) -> Clock:
        """The clock that needs attention first (breached before soon before running)."""
        order = {"breached": 0, "soon": 1, "running": 2, "paused": 3, "late": 4,
                 "unanswered": 4, "met": 5, "none": 6}
        return min((self.first_response, self.resolution), key=lambda c: order[c.state])


def clocks_of(case: Any, now: datetime, warning: timedelta) -> CaseClocks:
    """The clocks of a CaseInfo or a feed row's CaseBrief."""
    done = case.status in ("resolved", "closed")
    if unanswered(case):  # its own outcome: neither met nor late, whatever the due times
        return CaseClocks(Clock("first_response", "unanswered", case.first_response_due,
                                case.resolved_at),
                          Clock("resolution", "unanswered", case.resolution_due,
                                case.resolved_at))
    first = read_clock("first_response", case.first_response_due, case.first_response_at,
                       now, warning)
    resolution = read_clock("resolution", case.resolution_due,
                            case.resolved_at if done else None, now, warning,
                            paused=case.status == "waiting")
    return CaseClocks(first, resolution)


def default_agent(configured: str) -> str:
    """The agent's name: the workspace setting, else the computer's login name."""
    if configured.strip():
        return configured.strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


class CaseService:
    """Cases for one agent: reading, changes with history, claims, and team SLA settings."""

    def __init__(self, store: Store, agent: str = "",
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        self.agent = agent
        self.now = clock

    @property
    def db(self) -> Any:
        return self.store.db

    # --- reading --------------------------------------------------------------------------

    def case(self, case_id: int) -> CaseInfo | None:
        return records.get_case(self.db, case_id)

    def require(self, case_id: int) -> CaseInfo:
        found = self.case(case_id)
        if found is None:
            raise CaseError(translate("Cases", "there is no case {case}").format(case=case_id))
        return found

    def case_for_mention(self, mention_id: int) -> CaseInfo | None:
        case_id = records.case_of_mention(self.db, mention_id)
        return self.case(case_id) if case_id is not None else None

    def history(self, case_id: int, after_id: int = 0, limit: int = 200
                ) -> list[CaseEventInfo]:
        return records.history(self.db, case_id, after_id, limit)

    def notes(self, case_id: int, after_id: int = 0, limit: int = 200) -> list[NoteInfo]:
        return records.notes(self.db, case_id, after_id, limit)

    def list_cases(self, queue: str = "all", statuses: tuple[str, ...] = (),
             limit: int = 100) -> list[CaseInfo]:
        return records.list_cases(self.db, queue, statuses, self.agent,
                                  self.now() + self.warning(), limit)

    def agents(self) -> list[str]:
        names = records.agents(self.db)
        if self.agent and self.agent not in names:
            names.insert(0, self.agent)
        return names

    def mentions_sharing_cases(self, mention_ids: list[int]) -> list[int]:
        return records.mentions_sharing_cases(self.db, mention_ids)

    def attach_candidates(self, mention_id: int) -> list[CaseInfo]:
        return records.attach_candidates(self.db, mention_id)

    def clocks(self, case: Any) -> CaseClocks:
        return clocks_of(case, self.now(), self.warning())

    def about_to_breach(self, min_priority: int) -> list[tuple[CaseInfo, Clock]]:
        """Active cases of at least this priority whose clock is breaching soon or breached."""
        found = []
        for case in self.list_cases("breaching", limit=200):
            if case.priority >= min_priority:
                clock = self.clocks(case).worst
                if clock.alarming:
                    found.append((case, clock))
        return found

    # --- settings -------------------------------------------------------------------------

    def warning(self) -> timedelta:
        return team_settings.warning(self.db)

    def policy(self) -> SlaPolicy:
        return team_settings.policy(self.db)

    def settings(self) -> dict[str, Any]:
        return team_settings.all_settings(self.db)

    def set_setting(self, assignment: str) -> tuple[str, Any]:
        """Apply "key=value" (see :func:`team_settings.assign`)."""
        with self.store.write():
            return team_settings.assign(self.db, assignment)

    def urgent_priority(self) -> int:
        """The lowest priority of the most urgent tier."""
        return max(t.min_priority for t in self.policy().targets)

    # --- changes --------------------------------------------------------------------------

    def open_case(self, mention_id: int) -> CaseInfo:
        """Open a case for a mention (and its thread); the agent claims it."""
        with self.store.write():
            case_id = cases.open_case(self.db, mention_id, self.agent, self.now(),
                                      self.policy(), f"opened by {self.agent or 'an agent'}")
        return self.require(case_id)

    def attach(self, case_id: int, mention_id: int) -> CaseInfo:
        with self.store.write():
            cases.attach(self.db, case_id, mention_id, self.agent, self.now())
        return self.require(case_id)

    def detach(self, mention_id: int) -> CaseInfo:
        with self.store.write():
            case_id = cases.detach(self.db, mention_id, self.agent, self.now())
        return self.require(case_id)

    def set_status(self, case_id: int, status: str) -> CaseInfo:
        with self.store.write():
            cases.set_status(self.db, case_id, status, self.agent, self.now(), self.policy())
        return self.require(case_id)

    def close(self, case_id: int) -> ClosedCase:
        """Close a case, keeping what it changed so that :meth:`undo_close` can put it back."""
        with self.store.write():
            return closing.close(self.db, case_id, self.agent, self.now(), self.policy())

    def undo_close(self, closed: ClosedCase) -> CaseInfo:
        with self.store.write():
            closing.undo_close(self.db, closed, self.agent, self.now())
        return self.require(closed.case_id)

    def assign(self, case_id: int, assignee: str | None) -> CaseInfo:
        with self.store.write():
            cases.assign(self.db, case_id, assignee, self.agent, self.now())
        return self.require(case_id)

    def set_priority(self, case_id: int, priority: int) -> CaseInfo:
        with self.store.write():
            cases.set_priority(self.db, case_id, priority, self.agent, self.now(),
                               self.policy())
        return self.require(case_id)

    def add_tag(self, case_id: int, tag: str) -> bool:
        with self.store.write():
            return cases.add_tag(self.db, case_id, tag, self.agent, self.now())

    def remove_tag(self, case_id: int, tag: str) -> bool:
        with self.store.write():
            return cases.remove_tag(self.db, case_id, tag, self.agent, self.now())

    def set_tags(self, case_id: int, tags: list[str]) -> CaseInfo:
        """Make a case's tags exactly these (one history row per tag added or removed)."""
        wanted = {cases.clean_tag(t) for t in tags if t.strip()}
        with self.store.write():
            current = set(records.case_tags(self.db, case_id))
            for tag in sorted(current - wanted):
                cases.remove_tag(self.db, case_id, tag, self.agent, self.now())
            for tag in sorted(wanted - current):
                cases.add_tag(self.db, case_id, tag, self.agent, self.now())
        return self.require(case_id)

    def add_note(self, case_id: int, body: str) -> NoteInfo:
        with self.store.write():
            note_id = cases.add_note(self.db, case_id, body, self.agent, self.now())
        return next(n for n in self.notes(case_id, note_id - 1, 1))

    def claim(self, case_id: int) -> Claim:
        """Claim the case, or learn who holds it (`won` is False then)."""
        with self.store.write():
            return cases.claim(self.db, case_id, self.agent, self.now())

    def take_over(self, case_id: int) -> Claim:
        with self.store.write():
            return cases.take_over(self.db, case_id, self.agent, self.now())

    def release(self, case_id: int) -> bool:
        with self.store.write():
            return cases.release(self.db, case_id, self.agent, self.now())
