"""Exporting what the feed shows (its FeedFilter) as CSV, JSON lines, HTML or PDF (no Qt here).

The GUI and the CLI share this: CSV and JSON lines come from `console.feed.export`, the printable
HTML from `console.reports.printable`; PDF is that HTML rendered by a callable the caller
passes in (the Qt part lives in `console/ui/`). Its count runs in `console.reports.queries`.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from console.feed.export import ExportError, export_to_file, iter_records, write_csv, write_jsonl
from console.feed.queries import FeedFilter
from console.reports import queries
from console.reports.printable import NO_PDF, PdfWriter, html_writer
from console.store.db import Store

FORMATS = ("csv", "jsonl", "html", "pdf")
SUFFIXES = {"csv": ".csv", "jsonl": ".jsonl", "html": ".html", "pdf": ".pdf"}


class ViewExporter:
    """Writes the mentions a feed filter admits to one file, whole or not at all."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def count(self, flt: FeedFilter) -> int:
        return queries.count_filtered(self.store.db, flt)

    def export(self, flt: FeedFilter, fmt: str, path: Path | str,
               progress: Callable[[int], None] | None = None,
               pdf: PdfWriter | None = None, title: str | None = None) -> int:
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
            raise ExportError(NO_PDF)
        buffer = io.StringIO()
        count = writer(records, buffer, progress)
        pdf(buffer.getvalue(), target)
        return count
