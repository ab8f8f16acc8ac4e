"""The ``posventa feed`` and ``posventa export`` commands: read the feed, export mentions.

Exports stream page by page; a file is written whole or not at all (a full disk leaves no
half file). HTML and PDF are the printable report of the threads: the reports feature
writes it, and the app hands its writer in as ``args.export_printable`` (the feed does
not import the reports, which read the feed).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from typing import Any, Protocol

from peewee import Database

from console.feed.export import export_to_file, iter_records, write_csv, write_jsonl
from console.feed.queries import FeedFilter
from console.feed.service import FeedService


class Console(Protocol):
    """What these commands use of a running console."""

    feed: FeedService

    def close(self) -> None: ...


class PrintableExport(Protocol):
    """Writes the printable report (``html`` or ``pdf``) of the records to `output`
    (stdout when None); returns how many mentions it wrote."""

    def __call__(self, db: Database, records: Iterator[dict[str, Any]], fmt: str,
                 output: str | None, progress: Callable[[int], None] | None = None) -> int: ...


def register(subparsers: Any) -> None:
    """Adds ``export`` and ``feed`` to the main parser's subcommands."""
    export = subparsers.add_parser("export", help="export mentions (one per line)")
    export.add_argument("--format", choices=["jsonl", "csv", "html", "pdf"], default="jsonl",
                        help="html: a printable report of the threads; pdf needs --output")
    export.add_argument("--search", help="only mentions matching this full-text search")
    export.add_argument("--output", "-o", help="write to this file instead of stdout")
    export.set_defaults(func=cmd_export)

    feed = subparsers.add_parser("feed", help="print the newest mentions")
    feed.add_argument("--limit", type=int, default=30)
    feed.add_argument("--search")
    feed.add_argument("--status", action="append",
                      choices=["new", "open", "replied", "closed", "ignored"])
    feed.add_argument("--sort", choices=["newest", "priority"], default="newest")
    feed.set_defaults(func=cmd_feed)


def counting(label: str) -> Callable[[int], None]:
    """Shows a running count on a terminal's stderr (nothing when redirected)."""
    def show(n: int) -> None:
        if sys.stderr.isatty():
            sys.stderr.write(f"\r{label}: {n:,}")
            sys.stderr.flush()
    return show


def cmd_export(args: argparse.Namespace, open_console: Callable[[], Console]) -> int:
    rt = open_console()
    try:
        flt = FeedFilter(search=args.search or "", include_spam=True, include_irrelevant=True)
        db = rt.feed.store.db
        records = iter_records(db, flt)
        writer = write_csv if args.format == "csv" else write_jsonl
        if args.format in ("html", "pdf"):
            export_printable: PrintableExport = args.export_printable
            n = export_printable(db, records, args.format, args.output, counting("exported"))
        elif args.output:  # whole or not at all (a full disk leaves no half file)
            n = export_to_file(records, args.output, writer, counting("exported"))
        else:
            n = writer(records, sys.stdout, counting("exported"))
        print(f"\rexported {n} mentions" + (f" to {args.output}" if args.output else ""),
              file=sys.stderr)
        return 0
    finally:
        rt.close()


def cmd_feed(args: argparse.Namespace, open_console: Callable[[], Console]) -> int:
    rt = open_console()
    try:
        flt = FeedFilter(search=args.search or "", statuses=tuple(args.status or ()),
                         sort=args.sort)
        for number, row in enumerate(rt.feed.page(flt, limit=args.limit)):
            if number == 0:  # the columns named once (an empty feed prints nothing)
                print("id\twhen\tchannel\tauthor\tstatus\tpriority\ttext")
            when = row.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
            text = " ".join(row.text.split())[:90]
            print(f"{row.id}\t{when}\t{row.channel}\t@{row.author_handle}\t{row.status}\t"
                  f"{row.priority}\t{text}")
        return 0
    finally:
        rt.close()
