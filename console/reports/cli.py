"""`posventa report`: the report figures for a period on the terminal, and as CSV files."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from console.reports.figures import BUCKETS, Period, Table
from console.reports.service import ReportService, file_name, write_table_csv
from console.store.db import Store


class Workspace(Protocol):
    """What `report` reads of the open workspace."""

    @property
    def store(self) -> Store: ...


class Console(Protocol):
    """What `report` uses of a running console."""

    @property
    def workspace(self) -> Workspace: ...

    def close(self) -> None: ...


class ReportArgumentError(ValueError):
    """A date or period the user typed makes no sense; the message says why."""


def parse_day(text: str) -> date:
    """A day written YYYY-MM-DD."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ReportArgumentError(f"{text!r} is not a date; write it as YYYY-MM-DD") from None


def period_from_args(since: str | None, until: str | None, bucket: str,
                     now: datetime | None = None, zone: str = "UTC") -> Period:
    """--since/--until as whole days in `zone`; --until is included; default the last 30
    days."""
    try:
        if since is None and until is None:
            return Period.last_days(30, bucket, now, zone)
        today = Period.last_days(1, now=now, zone=zone).days_shown()[1]
        last = parse_day(until) if until else today
        first = parse_day(since) if since else last - timedelta(days=29)
        return Period.days(first, last, bucket, zone)
    except ValueError as exc:
        raise ReportArgumentError(str(exc)) from None


def format_table(table: Table) -> str:
    """A table as aligned plain text."""
    cells = [list(table.columns)] + [[_cell(v) for v in row] for row in table.rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(table.columns))]
    lines = [table.title, "-" * len(table.title)]
    for row in cells:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    if not table.rows:
        lines.append("(nothing in this period)")
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.1%}" if 0 <= value <= 1 and value != int(value) else f"{value:g}"
    return str(value)


def cmd_report(args: argparse.Namespace, open_console: Callable[[], Console]) -> int:
    from console.errors import CliError

    rt = open_console()
    try:
        service = ReportService(rt.workspace.store)
        try:
            period = period_from_args(args.since, args.until, args.bucket,
                                      zone=args.zone or service.zone())
        except ReportArgumentError as exc:
            raise CliError(str(exc)) from None
        tables = service.tables(period)
    finally:
        rt.close()
    first, last = period.days_shown()
    print(f"Report {first:%Y-%m-%d} to {last:%Y-%m-%d} (per {period.bucket}, days in "
          f"{period.zone})\n")
    for table in tables:
        print(format_table(table) + "\n")
    if args.csv:
        folder = Path(args.csv).expanduser()
        if not folder.is_dir():
            raise CliError(f"{folder} is not a folder; create it first")
        for table in tables:
            target = write_table_csv(table, folder / file_name(table, period))
            print(f"wrote {target}", file=sys.stderr)
    return 0


def register(subparsers: Any) -> None:
    report = subparsers.add_parser("report", help="mention volume, sentiment, reasons and SLA "
                                                  "figures for a period")
    report.add_argument("--since", help="first day (YYYY-MM-DD); default 30 days ago")
    report.add_argument("--until", help="last day, included (YYYY-MM-DD); default today")
    report.add_argument("--bucket", choices=BUCKETS, default="day")
    report.add_argument("--zone", metavar="AREA/CITY",
                        help="whose days to count in (default: the team's time zone, "
                             "`posventa cases sla --set timezone=...`)")
    report.add_argument("--csv", metavar="DIR", help="also write one CSV file per figure here")
    report.set_defaults(func=cmd_report)
