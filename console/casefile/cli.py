"""`posventa export-cases` and `posventa import-cases`: case files from the terminal."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Protocol

from console.casefile.format import CaseFileError
from console.store.db import Store


class Settings(Protocol):
    """What the commands read of the workspace's settings."""

    @property
    def workspace_id(self) -> str: ...


class Workspace(Protocol):
    """What the commands use of the open workspace."""

    @property
    def db_path(self) -> Path: ...

    @property
    def settings(self) -> Settings: ...

    @property
    def store(self) -> Store: ...


class Console(Protocol):
    """What `export-cases` and `import-cases` use of a running console."""

    @property
    def workspace(self) -> Workspace: ...

    def close(self) -> None: ...


def _since(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-01") from None


def _progress(label: str) -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        if sys.stderr.isatty():
            sys.stderr.write(f"\r{label}: {done}/{total}")
            if done == total:
                sys.stderr.write("\n")
            sys.stderr.flush()
    return show


def cmd_export_cases(args: argparse.Namespace, open_console: Callable[[], Console]) -> int:
    from console.casefile.export import Selection, export_cases
    from console.casefile.source import cases_database

    selection = Selection(tuple(args.case or ()), args.search or "", args.since)
    if selection.is_empty():
        raise CaseFileError("choose what to export: --case ID, --search TEXT or --since DATE")
    rt = open_console()
    try:
        with cases_database(rt.workspace.store, rt.workspace.db_path) as database:
            result = export_cases(database, Path(args.output), selection,
                                  workspace_id=rt.workspace.settings.workspace_id,
                                  progress=_progress("exporting"))
    finally:
        rt.close()
    print(f"wrote {result.path}: {result.cases} cases, {result.mentions} mentions, "
          f"{result.counts.get('author', 0)} authors, {result.counts.get('note', 0)} notes")
    return 0


def cmd_import_cases(args: argparse.Namespace, open_console: Callable[[], Console]) -> int:
    from console.casefile.importer import import_case_file, inspect_case_file

    for line in inspect_case_file(Path(args.file)).lines():
        print(line)
    if args.check:
        print("check only: nothing was imported")
        return 0
    rt = open_console()
    try:
        summary = import_case_file(rt.workspace.store, Path(args.file),
                                   progress=_progress("importing"))
    finally:
        rt.close()
    for line in summary.lines():
        print(line)
    print(f"{summary.total_added} rows added" if summary.total_added
          else "nothing new: everything in the case file was already there")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser(
        "export-cases", help="write chosen cases to a case file for offline review")
    export.add_argument("--case", type=int, action="append", metavar="ID",
                        help="a case id (repeatable)")
    export.add_argument("--search", metavar="TEXT",
                        help="the cases of mentions matching this full-text search")
    export.add_argument("--since", type=_since, metavar="DATE",
                        help="cases active and mentions posted since this date (YYYY-MM-DD)")
    export.add_argument("-o", "--output", required=True, metavar="FILE",
                        help="the case file to write (e.g. cases.posventa-cases)")
    export.set_defaults(func=cmd_export_cases)
    imp = subparsers.add_parser(
        "import-cases", help="add a case file's cases to this workspace (no duplicates)")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--check", action="store_true",
                     help="only say what the case file holds and whether it is intact")
    imp.set_defaults(func=cmd_import_cases)
