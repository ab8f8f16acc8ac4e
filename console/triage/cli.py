"""The ``posventa triage`` command: score a text, stream JSON lines, or evaluate a file.

``register(subparsers)`` adds ``triage`` and ``retriage`` to the main parser; their
handlers are ``run_triage(args, open_console) -> int`` and ``run_retriage``. ``triage``
scores with the shipped model (or ``--model-dir``) and needs no workspace; given
``posventa --workspace W triage``, it scores with what W learned from its corrections.
Errors are one line on stderr and a non-zero exit code.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol, TextIO

from console.errors import InvalidInput, WorkspaceError

from .engine import Triager
from .evaluate import evaluate, format_evaluation
from .labels import TriageInput, TriageResult
from .service import TriageService

JSONL_FIELDS = (
    "lang",
    "sentiment",
    "sentiment_label",
    "complaint",
    "is_complaint",
    "reason",
    "priority",
)


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Adds ``triage`` to an argparse subparsers object; sets ``func`` to ``run_triage``."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "triage",
        help="language, sentiment, complaint and priority of posts",
        description="Triage a text, a stream of JSON lines on stdin, or evaluate a labelled file.",
    )
    parser.add_argument("text", nargs="?", help="the post to triage")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--jsonl",
        action="store_true",
        help='read {"text": ..., "lang": optional} lines on stdin, write one result per line',
    )
    mode.add_argument(
        "--evaluate",
        metavar="FILE.jsonl",
        type=Path,
        help="compare with gold sentiment_label / is_complaint labels in FILE",
    )
    parser.add_argument("--lang", help="language hint (es, en, ...)")
    parser.add_argument("--model-dir", type=Path, help="folder with the learned model")
    parser.epilog = ("Without --workspace (before the command) it scores with the shipped "
                     "model; with posventa --workspace DIR triage ... it scores with what that "
                     "workspace learned from its corrections.")
    parser.set_defaults(func=run_triage)
    retriage = subparsers.add_parser("retriage", help="score every stored mention again")
    retriage.set_defaults(func=run_retriage)
    return parser


def run_triage(
    args: argparse.Namespace,
    _open_console: Callable[[], Console] | None = None,  # used with --workspace only
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Handles ``posventa triage``; returns the exit code (0 ok, 1 bad input, 2 usage).

    With ``--workspace DIR`` (and no ``--model-dir``) it scores with what that workspace
    learned from its stored corrections; otherwise with the shipped model.
    """
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    runtime: Any = None
    try:
        model_dir = getattr(args, "model_dir", None)
        workspace = getattr(args, "workspace", None)
        if model_dir is None and workspace is not None and callable(_open_console):
            if not Path(workspace).is_dir():  # scoring must not create a workspace
                print(f"posventa triage: there is no workspace at {workspace}", file=stderr)
                return 1
            # What that workspace learned from its corrections (its database decides).
            runtime = _open_console()
            runtime.triage_service.sync_model()
            return _run(runtime.triage_service.triager, args, stdin, stdout, stderr)
        return _run(Triager(model_dir), args, stdin, stdout, stderr)
    except (InvalidInput, WorkspaceError) as exc:
        print(f"posventa triage: {exc}", file=stderr)
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("posventa triage: interrupted", file=stderr)
        return 130
    except Exception as exc:  # the user sees one sentence, never a traceback
        print(f"posventa triage: {exc.__class__.__name__}: {exc}", file=stderr)
        return 1
    finally:
        if runtime is not None:
            runtime.close()


def _run(triager: Triager, args: argparse.Namespace, stdin: TextIO, stdout: TextIO,
         stderr: TextIO) -> int:
    if getattr(args, "evaluate", None):
        return _evaluate(triager, args.evaluate, stdout, stderr)
    if getattr(args, "jsonl", False):
        return stream_jsonl(triager, stdin, stdout)
    text = getattr(args, "text", None)
    if text is None:
        print("posventa triage: give a text, --jsonl or --evaluate FILE", file=stderr)
        return 2
    result = triager.score(TriageInput(text=text, lang_hint=getattr(args, "lang", None)))
    stdout.write(describe(result) + "\n")
    return 0


def describe(result: TriageResult) -> str:
    """A human-readable summary of one result."""
    complaint = "yes" if result.is_complaint else "no"
    lines = [
        f"language:   {result.lang}",
        f"sentiment:  {result.sentiment_label} ({result.sentiment:+.2f})",
        f"complaint:  {complaint} ({result.complaint:.2f})"
        + (f", reason: {result.reason}" if result.is_complaint else ""),
        f"relevance:  {result.relevance:.2f}" + ("  [spam]" if result.spam else ""),
        f"priority:   {result.priority}"
        + (f"  ({' · '.join(result.priority_reasons)})" if result.priority_reasons else ""),
    ]
    return "\n".join(lines)


def result_line(result: TriageResult) -> dict[str, Any]:
    """The JSON-lines fields of one result, in the documented order."""
    return {name: getattr(result, name) for name in JSONL_FIELDS}


def stream_jsonl(triager: Triager, lines: Iterable[str], out: TextIO) -> int:
    """Triages JSON lines as they come; a bad line gives an error object, not a stop.

    Each answer is flushed at once (a flush costs far less than a triage), so a program
    feeding lines one by one and waiting for answers never stalls. Returns 1 if any line
    was bad, else 0.
    """
    bad = 0
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                raise ValueError('expected an object with a "text" string')
            lang = row.get("lang")
            item = TriageInput(text=row["text"], lang_hint=lang if isinstance(lang, str) else None)
            payload: dict[str, Any] = result_line(triager.score(item))
        except (ValueError, TypeError) as exc:
            bad += 1
            message = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            payload = {"error": f"line {number}: {message}", "line": number}
        out.write(json.dumps(payload, ensure_ascii=False) + "\n")
        out.flush()
    return 1 if bad else 0


def _evaluate(triager: Triager, path: Path, out: TextIO, err: TextIO) -> int:
    try:
        with path.open(encoding="utf-8") as f:
            report = evaluate(f, triager.score)
    except FileNotFoundError:
        print(f"posventa triage: no such file: {path}", file=err)
        return 1
    except UnicodeDecodeError:
        print(f"posventa triage: {path} is not UTF-8 text", file=err)
        return 1
    if report.lines == 0:
        print(f"posventa triage: no labelled lines in {path}", file=err)
        return 1
    out.write(format_evaluation(report) + "\n")
    for message in report.errors[:20]:
        print(f"posventa triage: skipped {message}", file=err)
    return 0


class Console(Protocol):
    """What ``triage --workspace`` and ``retriage`` use of a running console."""

    triage_service: TriageService

    def close(self) -> None: ...


def run_retriage(args: argparse.Namespace, open_console: Callable[[], Console]) -> int:
    """Scores every stored mention again; agents' labels, the rules and the customer's
    history count, as on ingest."""
    rt = open_console()
    try:
        def show(done: int, total: int, _changed: list[int]) -> None:
            if sys.stderr.isatty():
                width = 30
                filled = int(width * done / max(total, 1))
                sys.stderr.write(f"\rre-scoring [{'#' * filled}{'.' * (width - filled)}] "
                                 f"{done:,}/{total:,}")
                sys.stderr.flush()

        n = rt.triage_service.rescore_all(show).scored
        if sys.stderr.isatty():
            sys.stderr.write("\n")
        print(f"re-scored {n:,} mentions")
        return 0
    finally:
        rt.close()
