"""The ``posventa cases`` command: queues, one case, changes with history, SLA settings.

``register(subparsers)`` adds it to the main parser. The agent is ``--agent NAME``, else
``agent_name`` from the workspace settings, else the computer's login name. Errors are
one ``posventa: <message>`` line on stderr and exit code 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import datetime
from typing import Any, Protocol, TextIO

from console.cases.cases import CaseError
from console.cases.queries import QUEUES
from console.cases.records import STATUSES, CaseInfo
from console.cases.service import CaseService, default_agent
from console.cases.sla import Clock, span_text
from console.cases.team_settings import SettingError

EXIT_FAILED = 1
CLOCK_NAMES = {"first_response": "first response", "resolution": "resolution"}


class Console(Protocol):
    """What this command uses of a running console."""

    cases: CaseService

    def close(self) -> None: ...


def register(subparsers: Any) -> None:
    """Adds ``cases`` to an argparse subparsers object."""
    cases: argparse.ArgumentParser = subparsers.add_parser(
        "cases", help="cases: queues, states, assignees, notes, claims, SLA settings",
        description="Work on cases: conversations the team handles, with SLA clocks.")
    cases.add_argument("--agent", metavar="NAME",
                       help="act as this agent (default: agent_name from the settings)")
    sub = cases.add_subparsers(dest="case_action", required=True, metavar="ACTION")
    listing = sub.add_parser("list", help="cases of a queue, most urgent first")
    listing.add_argument("--queue", choices=[q for q in QUEUES], default="all")
    listing.add_argument("--status", action="append", choices=STATUSES)
    listing.add_argument("--limit", type=int, default=50)
    sub.add_parser("show", help="one case: clocks, tags, mentions, notes, history"
                   ).add_argument("id", type=int)
    sub.add_parser("open", help="open a case for a mention and its thread"
                   ).add_argument("mention_id", type=int)
    attach = sub.add_parser("attach", help="add another mention of the customer to a case")
    attach.add_argument("id", type=int)
    attach.add_argument("mention_id", type=int)
    assign = sub.add_parser("assign", help="assign a case ('-' to unassign)")
    assign.add_argument("id", type=int)
    assign.add_argument("assignee", metavar="AGENT")
    claim = sub.add_parser("claim", help="claim a case (or say who holds it)")
    claim.add_argument("id", type=int)
    claim.add_argument("--take-over", action="store_true",
                       help="take it from the agent who holds it")
    sub.add_parser("release", help="give up your claim").add_argument("id", type=int)
    status = sub.add_parser("status", help="change a case's state")
    status.add_argument("id", type=int)
    status.add_argument("state", choices=STATUSES)
    sub.add_parser("close", help="close a case").add_argument("id", type=int)
    priority = sub.add_parser("priority", help="change a case's priority (0-100)")
    priority.add_argument("id", type=int)
    priority.add_argument("priority", type=int)
    note = sub.add_parser("note", help="add an internal note (never sent)")
    note.add_argument("id", type=int)
    note.add_argument("text", help="the note ('-' reads stdin)")
    tag = sub.add_parser("tag", help="tag a case")
    tag.add_argument("id", type=int)
    tag.add_argument("tag")
    tag.add_argument("--remove", action="store_true", help="remove the tag instead")
    sla = sub.add_parser("sla", help="show or change business hours and SLA targets",
                         description="Show the team's SLA settings, or change them with "
                         "--set key=value: timezone=Europe/Madrid, mon=09:00-18:00, "
                         "sat=closed, holidays=2026-12-25,2027-01-01, urgent=1h/8h, "
                         "urgent.min=80, complaint_threshold=0.6, open_direct=yes, "
                         "warning_minutes=60m.")
    sla.add_argument("--set", action="append", metavar="KEY=VALUE", dest="assignments")
    cases.set_defaults(func=run_cases)


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else "-"


def clock_text(clock: Clock) -> str:
    """E.g. "due 2026-11-23 10:00, 45 min left", "breached 10 min ago", "met"."""
    due = _when(clock.due)
    if clock.state == "none":
        return "no target"
    if clock.state in ("met", "late"):
        return f"{clock.state} (done {_when(clock.done_at)}, due {due})"
    if clock.state == "paused":
        return "paused while waiting on the customer"
    if clock.state == "unanswered":
        return "closed without reply"
    assert clock.left is not None
    if clock.state == "breached":
        return f"BREACHED {span_text(clock.left)} ago (due {due})"
    soon = " (soon)" if clock.state == "soon" else ""
    return f"due {due}, {span_text(clock.left)} left{soon}"


ACTIVE = ("new", "open", "waiting")


def _next_due(service: CaseService, case: CaseInfo) -> float:
    """The earliest due time still running (breached counts: it is the most due), as a
    timestamp; a case with no running clock sorts after the rest."""
    clocks = service.clocks(case)
    dues = [c.due.timestamp() for c in (clocks.first_response, clocks.resolution)
            if c.due is not None and c.state in ("running", "soon", "breached")]
    return min(dues) if dues else float("inf")


def by_urgency(service: CaseService, cases: list[CaseInfo]) -> list[CaseInfo]:
    """Active cases first, then the highest priority, then the one due soonest (ties keep
    the queue's order)."""
    return sorted(cases, key=lambda c: (c.status not in ACTIVE, -c.priority,
                                        _next_due(service, c)))


def _line(service: CaseService, case: CaseInfo) -> str:
    worst = service.clocks(case).worst
    clock = (f"{CLOCK_NAMES[worst.kind]}: {clock_text(worst)}"
             if worst.state not in ("none", "met") else "-")
    claim = f"claimed by {case.claimed_by}" if case.claimed_by else "unclaimed"
    subject = " ".join(case.subject.split())[:70]
    assignee = case.assignee or "unassigned"
    return (f"{case.id}\t{case.status}\tp{case.priority}\t{assignee}\t{claim}\t{clock}\t"
            f"@{case.author_handle or '?'}\t{subject}")


def _show(service: CaseService, case_id: int, out: TextIO) -> None:
    case = service.require(case_id)
    clocks = service.clocks(case)
    print(f"case {case.id}: {case.subject}", file=out)
    print(f"  state {case.status}, priority {case.priority}, channel {case.channel}, "
          f"customer @{case.author_handle or '?'}", file=out)
    print(f"  assignee {case.assignee or '-'}; " + (
        f"claimed by {case.claimed_by} at {_when(case.claimed_at)}" if case.claimed_by
        else "not claimed"), file=out)
    print(f"  first response: {clock_text(clocks.first_response)}", file=out)
    print(f"  resolution: {clock_text(clocks.resolution)}", file=out)
    if clocks.resolution.state == "unanswered":
        print("  outcome: closed without reply", file=out)
    print(f"  tags: {', '.join(case.tags) or '-'}", file=out)
    print(f"  mentions: {', '.join(str(m) for m in case.mention_ids) or '-'}", file=out)
    for note in service.notes(case.id):
        print(f"  note {_when(note.created_at)} {note.agent or 'Posventa'}: {note.body}",
              file=out)
    print("  history:", file=out)
    for event in service.history(case.id):
        change = f"{event.old or '-'} -> {event.new or '-'}" if event.old else event.new
        if event.kind == "review":
            change = f"{event.old}/5 {event.new}".rstrip()
        print(f"    {_when(event.at)}  {event.agent or 'Posventa'}  {event.kind}  {change}",
              file=out)


def _service(args: argparse.Namespace, rt: Console) -> CaseService:
    service = rt.cases
    if args.agent:
        service.agent = default_agent(args.agent)
    return service


def run_cases(args: argparse.Namespace, open_console: Callable[[], Console],
              out: TextIO | None = None) -> int:
    out = out or sys.stdout
    rt = open_console()
    try:
        return _dispatch(args, _service(args, rt), out)
    except (CaseError, SettingError) as exc:
        print(f"posventa: {exc}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        rt.close()


def _dispatch(args: argparse.Namespace, service: CaseService, out: TextIO) -> int:
    action = args.case_action
    if action == "list":
        found = service.list_cases(args.queue, tuple(args.status or ()), args.limit)
        if not found:
            print(f"no cases in the {args.queue} queue", file=out)
        for case in by_urgency(service, found):
            print(_line(service, case), file=out)
    elif action == "show":
        _show(service, args.id, out)
    elif action == "open":
        case = service.open_case(args.mention_id)
        print(f"opened case {case.id} with {len(case.mention_ids)} mention(s), claimed by "
              f"{case.claimed_by or 'nobody'}", file=out)
    elif action == "attach":
        service.attach(args.id, args.mention_id)
        print(f"mention {args.mention_id} is now in case {args.id}", file=out)
    elif action == "assign":
        who = None if args.assignee.strip() in ("", "-") else args.assignee
        case = service.assign(args.id, who)
        print(f"case {case.id} assigned to {case.assignee}" if case.assignee
              else f"case {case.id} unassigned", file=out)
    elif action == "claim":
        claim = (service.take_over if args.take_over else service.claim)(args.id)
        if not claim.won:
            print(f"posventa: case {args.id} is claimed by {claim.claimed_by} since "
                  f"{_when(claim.claimed_at)}; use --take-over to take it", file=sys.stderr)
            return EXIT_FAILED
        print(f"case {args.id} claimed by {claim.claimed_by}", file=out)
    elif action == "release":
        if not service.release(args.id):
            print(f"posventa: you ({service.agent}) do not hold case {args.id}", file=sys.stderr)
            return EXIT_FAILED
        print(f"released case {args.id}", file=out)
    elif action in ("status", "close"):
        case = service.set_status(args.id, "closed" if action == "close" else args.state)
        print(f"case {case.id} is {case.status}", file=out)
    elif action == "priority":
        case = service.set_priority(args.id, args.priority)
        print(f"case {case.id} has priority {case.priority}", file=out)
    elif action == "note":
        text = sys.stdin.read() if args.text == "-" else args.text
        note = service.add_note(args.id, text)
        print(f"note {note.id} added to case {args.id} (internal: never sent)", file=out)
    elif action == "tag":
        changed = (service.remove_tag if args.remove else service.add_tag)(args.id, args.tag)
        verb = "removed from" if args.remove else "added to"
        print(f"tag {args.tag.strip().lower()} {verb} case {args.id}" if changed
              else f"case {args.id} {'did not have' if args.remove else 'already has'} "
                   f"that tag", file=out)
    elif action == "sla":
        for assignment in args.assignments or ():
            key, _value = service.set_setting(assignment)
            print(f"set {key}", file=out)
        _print_settings(service, out)
    return 0


def _print_settings(service: CaseService, out: TextIO) -> None:
    settings = service.settings()
    print(f"timezone {settings['timezone']}", file=out)
    print("hours " + ", ".join(f"{d} {w}" for d, w in settings["hours"].items()), file=out)
    print(f"holidays {', '.join(settings['holidays']) or '-'}", file=out)
    for tier, target in sorted(settings["targets"].items(),
                               key=lambda kv: -kv[1]["min_priority"]):
        print(f"{tier} (priority >= {target['min_priority']}): first response "
              f"{target['first_response']} min, resolution {target['resolution']} min "
              "(business time)", file=out)
    print(f"complaint_threshold {settings['complaint_threshold']}; open_direct "
          f"{'yes' if settings['open_direct'] else 'no'}; warning_minutes "
          f"{settings['warning_minutes']}", file=out)
