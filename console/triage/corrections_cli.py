"""The ``posventa corrections`` command: correct a mention's label, list, learn, reset.

``add`` stores the correction, relabels the mention at once, retrains the model from
every stored correction and re-scores the open mentions (with a progress bar).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any, Protocol

from console.errors import InvalidInput, WorkspaceError

from .labels import CORRECTION_FIELDS
from .rules_cli import progress_bar
from .service import TriageService


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Adds ``corrections`` and its actions to an argparse subparsers object."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "corrections", help="agents' corrections of triage labels (the model learns them)",
        description="Correct a mention's triage labels; the local model learns from every "
                    "stored correction and re-scores the open mentions.")
    sub = parser.add_subparsers(dest="corrections_action", required=True, metavar="ACTION")
    add = sub.add_parser(
        "add", help="correct one label of a mention",
        epilog="fields and values: sentiment_label negative|neutral|positive; "
               "is_complaint yes|no; reason delivery|billing|product|service|cancellation|"
               "account|other|none; lang es|en|other; relevant yes|no; spam yes|no")
    add.add_argument("mention_id", type=int)
    add.add_argument("field", choices=CORRECTION_FIELDS)
    add.add_argument("value")
    add.add_argument("--no-learn", action="store_true",
                     help="store and relabel the mention only; learn later")
    show = sub.add_parser("list", help="stored corrections, newest first, and the count")
    show.add_argument("--limit", type=int, default=50)
    sub.add_parser("learn", help="retrain from the stored corrections, re-score open mentions")
    sub.add_parser("reset", help="back to the shipped model (corrections stay listed)")
    parser.set_defaults(func=run_corrections)
    return parser


def plural(n: int) -> str:
    return "1 correction" if n == 1 else f"{n:,} corrections"


class Console(Protocol):
    """What ``corrections`` uses of a running console."""

    triage_service: TriageService

    def close(self) -> None: ...


def run_corrections(args: argparse.Namespace, open_console: Callable[[], Console]) -> int:
    """Handles ``posventa corrections ...``; 0 when done, 1 on bad input."""
    try:
        rt = open_console()
        try:
            return _act(rt.triage_service, args)
        finally:
            rt.close()
    except (InvalidInput, WorkspaceError) as exc:
        print(f"posventa corrections: {exc}", file=sys.stderr)
        return 1


def _learn(service: TriageService) -> None:
    report = service.retrain_and_rescore(progress_bar("re-scoring open mentions"))
    print(f"model learned from {plural(service.status().learned)}; re-scored "
          f"{report.scored:,} open mentions ({len(report.changed):,} changed)")


def _act(service: TriageService, args: argparse.Namespace) -> int:
    action = args.corrections_action
    if action == "add":
        shown = service.correct(args.mention_id, args.field, args.value)
        print(f"mention {shown.id}: {shown.lang}, {shown.sentiment_label}, complaint "
              f"{shown.complaint:.2f} ({shown.reason}), priority {shown.priority}"
              + (" [spam]" if shown.spam else "")
              + (" [not relevant]" if shown.relevance <= 0 else ""))
        if not args.no_learn:
            _learn(service)
    elif action == "list":
        rows = service.corrections(limit=max(1, args.limit))
        status = service.status()
        print(f"{plural(service.count())} stored; the model learned from "
              f"{status.learned:,}")
        for c in rows:
            when = c.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
            mark = "" if c.learned else "  [forgotten by a reset]"
            target = f"mention {c.mention_id}" if c.mention_id else "no mention"
            text = " ".join(c.text.split())[:60]
            print(f"{c.id}\t{when}\t{c.agent or '-'}\t{target}\t{c.field}: {c.previous or '?'} "
                  f"-> {c.value}{mark}\t{text}")
    elif action == "learn":
        _learn(service)
    elif action == "reset":
        before = service.status().learned
        report = service.reset(progress_bar("re-scoring open mentions"))
        print(f"back to the shipped model (it had learned from {plural(before)}; they "
              f"stay listed as forgotten); re-scored {report.scored:,} open mentions")
    return 0
