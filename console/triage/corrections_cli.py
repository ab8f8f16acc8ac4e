"""The ``posventa corrections`` command: correct labels, see what to label, measure, import.

``add`` stores the correction, relabels the mention at once, retrains the model from
every stored correction and re-scores the open mentions (with a progress bar). ``ask``
lists the recent posts the model is least sure about; ``stats`` shows how good the model
is on this team's corrections (cross-validated) and what the last retraining changed;
``import`` stores a JSON-lines file of corrections and retrains once.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from console.errors import InvalidInput, WorkspaceError

from .labels import CORRECTION_FIELDS
from .quality import MIN_CORRECTIONS, Quality
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
    ask = sub.add_parser(
        "ask", help="the recent posts the model is least sure about (label these first)")
    ask.add_argument("--limit", type=int, default=12)
    ask.add_argument("--jsonl", action="store_true", help="one JSON object per line")
    stats = sub.add_parser(
        "stats", help="how good the model is here: cross-validated precision and recall "
                      "on this team's corrections, and what the last retraining changed")
    stats.add_argument("--measure", action="store_true",
                       help="measure again now even if nothing changed")
    bulk = sub.add_parser(
        "import", help="store many corrections from a JSON-lines file, then retrain once",
        description="One correction per line: {\"mention\": 42, \"field\": "
                    "\"is_complaint\", \"value\": \"yes\"} or {\"channel\": \"import\", "
                    "\"remote_id\": \"123\", \"field\": \"sentiment_label\", \"value\": "
                    "\"negative\"}. Bad lines are reported by number and left out; the exit "
                    "status is 1 when there were any.")
    bulk.add_argument("file", type=Path)
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


def _ask(service: TriageService, limit: int, jsonl: bool) -> None:
    items = service.ask_me(limit)
    if jsonl:
        for item in items:
            print(json.dumps(item.as_json(), ensure_ascii=False))
        return
    if not items:
        print("nothing to ask: the model is sure enough of every recent post")
        return
    print(f"help the model: {len(items)} post{'s' if len(items) != 1 else ''} to check "
          "(least sure first; correct with `posventa corrections add ID FIELD VALUE`)")
    for item in items:
        text = " ".join(item.text.split())[:70]
        print(f"{item.mention_id}\t{item.lang}\tcomplaint {item.complaint:.2f}\t"
              f"{item.sentiment_label} {item.sentiment:+.2f}\t{text}")


def _figures(name: str, measured: Quality) -> str:
    scores = measured.complaint if name == "complaint" else measured.negative
    posts = measured.complaint_posts if name == "complaint" else measured.negative_posts
    what = "complaints" if name == "complaint" else "negative posts"
    if scores is None:
        return (f"too few corrections to measure ({posts} of the {MIN_CORRECTIONS} corrected "
                "posts needed)")
    return (f"precision {scores.precision:.2f}, recall {scores.recall:.2f} (F1 {scores.f1:.2f})"
            f" on {scores.posts:,} corrected posts ({scores.positives:,} {what})")


def print_stats(service: TriageService, measure: bool = False) -> None:
    """``corrections stats``: the figures, measured again when the model changed."""
    status = service.status()
    history = service.quality()
    if measure or history.now is None or history.now.learned != status.learned:
        print("measuring (cross-validation on this team's corrections)…", file=sys.stderr)
        history = service.measure()
    now = history.now
    assert now is not None
    print(f"{plural(service.count())} stored; the model learned from {status.learned:,}")
    when = now.measured_at[:16].replace("T", " ")
    print(f"how good it is here ({now.folds}-fold cross-validation on {plural(now.learned)},"
          f" measured {when} UTC):")
    print(f"  complaint: {_figures('complaint', now)}")
    print(f"  negative sentiment: {_figures('negative', now)}")
    before = history.before
    if before is None:
        print("no earlier measurement to compare with")
        return
    print(f"before the last retraining ({plural(before.learned)}):")
    for name, label in (("complaint", "complaint"), ("negative", "negative sentiment")):
        old = before.complaint if name == "complaint" else before.negative
        new = now.complaint if name == "complaint" else now.negative
        if old is None or new is None:
            print(f"  {label}: {_figures(name, before)}")
        else:
            print(f"  {label}: precision {old.precision:.2f} -> {new.precision:.2f}, "
                  f"recall {old.recall:.2f} -> {new.recall:.2f}")


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        raise InvalidInput(f"There is no file {path}.") from None
    except IsADirectoryError:
        raise InvalidInput(f"{path} is a folder, not a file of corrections.") from None
    except UnicodeDecodeError:
        raise InvalidInput(f"{path} is not UTF-8 text; save it as UTF-8 and try again.") from None
    except OSError as exc:
        raise InvalidInput(f"Could not read {path}: {exc.strerror or exc}.") from None


def _import(service: TriageService, path: Path) -> int:
    lines = _read_lines(path)
    report, rescored = service.import_corrections(
        lines, len(lines), progress_bar("reading corrections"),
        progress_bar("re-scoring open mentions"))
    for number, sentence in report.bad:
        print(f"line {number}: {sentence}", file=sys.stderr)
    mentions = len(report.mention_ids)
    parts = [f"imported {plural(report.stored)} on {mentions:,} "
             f"mention{'s' if mentions != 1 else ''}"]
    if report.repeated:
        parts.append(f"{report.repeated:,} already stored")
    if report.bad:
        parts.append(f"{len(report.bad):,} bad line{'s' if len(report.bad) != 1 else ''} "
                     "left out")
    print("; ".join(parts))
    if rescored is not None:
        print(f"model learned from {plural(service.status().learned)}; re-scored "
              f"{rescored.scored:,} open mentions ({len(rescored.changed):,} changed)")
    return 1 if report.bad else 0


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
    elif action == "ask":
        _ask(service, max(1, args.limit), args.jsonl)
    elif action == "stats":
        print_stats(service, args.measure)
    elif action == "import":
        return _import(service, args.file)
    elif action == "learn":
        _learn(service)
    elif action == "reset":
        before = service.status().learned
        report = service.reset(progress_bar("re-scoring open mentions"))
        print(f"back to the shipped model (it had learned from {plural(before)}; they "
              f"stay listed as forgotten); re-scored {report.scored:,} open mentions")
    return 0
