"""`posventa report`: the report figures for a period on the terminal, and as CSV files."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from console.reports.figures import BUCKETS, Period, Table
from console.reports.service import ReportService, file_name, write_table_csv


class ReportArgumentError(ValueError):
    """A date or period the user typed makes no sense; the message says why."""


def parse_day(text: str) -> datetime:
    """A day (YYYY-MM-DD) or an ISO moment, as aware UTC."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ReportArgumentError(f"{text!r} is not a date; write it as YYYY-MM-DD") from None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def period_from_args(since: str | None, until: str | None, bucket: str,
                     now: datetime | None = None) -> Period:
    """--since/--until as a period; --until is inclusive of its day; default the last 30 days."""
    if since is None and until is None:
        return Period.last_days(30, bucket, now)
    end = parse_day(until) + timedelta(days=1) if until else Period.last_days(1, now=now).until
    start = parse_day(since) if since else end - timedelta(days=30)
    try:
        return Period(start, end, bucket)
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


def cmd_report(args: argparse.Namespace) -> int:
    from console.cli import CliError, _runtime

    try:
        period = period_from_args(args.since, args.until, args.bucket)
    except ReportArgumentError as exc:
        raise CliError(str(exc)) from None
    rt = _runtime(args)
    try:
        tables = ReportService(rt.workspace.store).tables(period)
    finally:
        rt.close()
    print(f"Report {period.since:%Y-%m-%d} to {period.until - timedelta(days=1):%Y-%m-%d} "
          f"(per {period.bucket}, UTC)\n")
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
    report.add_argument("--since", help="first day (YYYY-MM-DD, UTC); default 30 days ago")
    report.add_argument("--until", help="last day, included (YYYY-MM-DD); default today")
    report.add_argument("--bucket", choices=BUCKETS, default="day")
    report.add_argument("--csv", metavar="DIR", help="also write one CSV file per figure here")
    report.set_defaults(func=cmd_report)
