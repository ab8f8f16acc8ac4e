"""What the reports view and `posventa report` call: figures for a period, and CSV files."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from console.feed.export import ExportError, export_to_file
from console.reports.figures import Period, Table, all_tables
from console.store.db import Store
from console.trust.cells import inert_cell


class ReportService:
    """Reads report figures from the store (read-only; safe to call from a worker thread)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def tables(self, period: Period, now: datetime | None = None) -> list[Table]:
        return all_tables(self.store.db, period, now)

    def zone(self) -> str:
        """The team's time zone (the business-hours setting): reports count its days."""
        from console.cases import team_settings

        return str(team_settings.get(self.store.db, "timezone"))


def table_csv_lines(table: Table) -> list[list[str]]:
    """A table as CSV rows, header first (None as an empty cell); text a spreadsheet would
    run as a formula is written as text, numbers (negative ones too) as numbers."""
    return [list(table.columns)] + [["" if v is None else str(inert_cell(v)) for v in row]
                                    for row in table.rows]


def write_table_csv(table: Table, path: Path | str) -> Path:
    """Write one table to `path` whole or not at all; raises ExportError with a sentence."""

    def writer(records: Iterator[Any], out: IO[str], _progress: object) -> int:
        rows = list(records)
        csv.writer(out).writerows(rows)
        return len(rows) - 1

    export_to_file(iter(table_csv_lines(table)), path, writer)  # type: ignore[arg-type]
    return Path(path)


def file_name(table: Table, period: Period) -> str:
    """A file name for one table of a period, first and last day included, e.g.
    ``volume_2026-11-01_2026-11-07.csv``."""
    safe = re.sub(r"[^a-z0-9_]+", "_", table.name.lower())
    first, last = period.days_shown()
    return f"{safe}_{first:%Y-%m-%d}_{last:%Y-%m-%d}.csv"


__all__ = ["ExportError", "ReportService", "file_name", "table_csv_lines", "write_table_csv"]
