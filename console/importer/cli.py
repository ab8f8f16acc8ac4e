"""`posventa import-csv FILE --map text=Mensaje ... [--dry-run]`: history from other tools."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any, Protocol

from console.errors import CliError
from console.importer.history import ImportPlan
from console.importer.mapping import FIELDS, ColumnMapping, MappingProblem, describe, parse_pairs
from console.importer.reader import CsvProblem, open_csv
from console.importer.service import CsvImportService

SHOWN_REJECTS = 50


class Console(Protocol):
    """What ``import-csv`` uses of a running console."""

    csv_import: CsvImportService

    def close(self) -> None: ...


def print_plan(plan: ImportPlan) -> None:
    print(plan.summary())
    for title, items in (("rejected", plan.rejected), ("duplicate", plan.duplicates)):
        for item in items[:SHOWN_REJECTS]:
            print(f"  line {item.line}: {title}: {item.reason}")
        if len(items) > SHOWN_REJECTS:
            print(f"  ... and {len(items) - SHOWN_REJECTS} more {title} rows")


def cmd_import_csv(args: argparse.Namespace, open_console: Callable[[], Console]) -> int:
    try:
        source = open_csv(args.file)
        columns = parse_pairs(args.map or [], source.header)
        mapping = ColumnMapping(columns, args.channel)
        mapping.validate(source.header)
    except (CsvProblem, MappingProblem) as exc:
        raise CliError(str(exc)) from None
    print(f"{source.path.name}: {source.encoding}, delimiter {source.delimiter!r}; "
          f"mapping {describe(columns)}", file=sys.stderr)
    rt = open_console()
    try:
        plan = rt.csv_import.plan(source, mapping)
        print_plan(plan)
        if args.dry_run:
            print("dry run: nothing was imported")
            return 0

        def show(done: int, total: int) -> None:
            if sys.stderr.isatty():
                sys.stderr.write(f"\rimported {done:,} of {total:,}")
                sys.stderr.flush()

        result = rt.csv_import.run(plan, show, args.open_cases)
        print(f"\rimported {result.added} mentions"
              + (f" ({result.already_there} were already there)" if result.already_there
                 else "")
              + ("" if args.open_cases else "; as history, so no case was opened"))
        return 0
    finally:
        rt.close()


def register(subparsers: Any) -> None:
    imp = subparsers.add_parser(
        "import-csv", help="import past conversations from another tool's CSV export",
        description="Columns are guessed from the header (Spanish or English); override "
                    f"with --map FIELD=COLUMN. Fields: {', '.join(FIELDS)}.")
    imp.add_argument("file", help="the CSV file")
    imp.add_argument("--map", action="append", metavar="FIELD=COLUMN",
                     help="which column holds a field, e.g. text=Mensaje (repeatable)")
    imp.add_argument("--channel", default="import",
                     help="channel name when no column gives it (default: import)")
    imp.add_argument("--open-cases", action="store_true",
                     help="let complaints and direct messages open cases, as live mentions "
                          "do (default: past conversations open no case)")
    imp.add_argument("--dry-run", action="store_true",
                     help="only report what would be imported and what is rejected")
    imp.set_defaults(func=cmd_import_csv)
