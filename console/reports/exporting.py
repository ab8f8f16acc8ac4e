"""Exporting what the feed shows (its FeedFilter) as CSV, JSON lines, HTML or PDF (no Qt here).

The GUI and the CLI share this: CSV and JSON lines come from `console.feed.export`, the printable
HTML from `console.reports.printable`; PDF is that HTML rendered by a callable the caller
passes in (the Qt part lives in `console/ui/`).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from console.feed.export import ExportError, export_to_file, iter_records, write_csv, write_jsonl
from console.feed.queries import FeedFilter
from console.reports.printable import html_writer
from console.store.db import Store

FORMATS = ("csv", "jsonl", "html", "pdf")
SUFFIXES = {"csv": ".csv", "jsonl": ".jsonl", "html": ".html", "pdf": ".pdf"}

PdfRenderer = Callable[[str, Path], None]


class ViewExporter:
    """Writes the mentions a feed filter admits to one file, whole or not at all."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def count(self, flt: FeedFilter) -> int:
        from console.feed.queries import filter_clauses

        clauses, params = filter_clauses(flt)
        where = " AND ".join(clauses) or "1"
        row = self.store.db.execute_sql(
            f"SELECT count(*) FROM mention m JOIN author a ON a.id = m.author_id WHERE {where}",
            params).fetchone()
        return int(row[0])

    def export(self, flt: FeedFilter, fmt: str, path: Path | str,
               progress: Callable[[int], None] | None = None,
               pdf: PdfRenderer | None = None, title: str | None = None) -> int:
        """Write the export; returns how many mentions it holds. Raises ExportError."""
        if fmt not in FORMATS:
            raise ExportError(f"unknown export format {fmt!r}; use {', '.join(FORMATS)}")
        target = Path(path).expanduser()
        records = iter_records(self.store.db, flt)
        if fmt == "csv":
            return export_to_file(records, target, write_csv, progress)
        if fmt == "jsonl":
            return export_to_file(records, target, write_jsonl, progress)
        writer = html_writer(self.store.db, title)
        if fmt == "html":
            return export_to_file(records, target, writer, progress)
        if pdf is None:
            raise ExportError("PDF export needs Qt; use the console window or --format html")
        buffer = io.StringIO()
        count = writer(records, buffer, progress)
        pdf(buffer.getvalue(), target)
        return count
