"""Exporting mentions as JSON lines or CSV, streamed page by page (no secret is ever written)."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from peewee import Database

from console.feed.queries import FeedFilter, export_page
from console.store.timeutil import iso
from console.trust.cells import inert_record
from console.trust.storage import os_problem

FIELDS = (
    "id", "channel", "remote_id", "url", "source", "sources", "account", "author", "text",
    "lang", "created_at", "in_reply_to", "thread_root", "visibility", "sentiment",
    "sentiment_label", "complaint", "reason", "relevance", "priority", "priority_reasons",
    "spam", "status",
)
AUTHOR_FIELDS = ("channel", "remote_id", "handle", "display_name", "url", "followers")


def iter_records(db: Database, flt: FeedFilter, page: int = 2000) -> Iterator[dict[str, Any]]:
    """Every mention the filter admits, oldest first, as export records."""
    last = 0
    while True:
        rows = export_page(db, flt, last, page)
        for r in rows:
            yield {
                "id": r[0], "channel": r[1], "remote_id": r[2], "url": r[3], "source": r[4],
                "sources": r[5].split(","), "account": r[6],
                "author": dict(zip(AUTHOR_FIELDS, r[7:13], strict=True)),
                "text": r[13], "lang": r[14], "created_at": iso(r[15]), "in_reply_to": r[16],
                "thread_root": r[17], "visibility": r[18], "sentiment": r[19],
                "sentiment_label": r[20], "complaint": r[21], "reason": r[22],
                "relevance": r[23], "priority": r[24], "priority_reasons": r[25],
                "spam": bool(r[26]), "status": r[27],
            }
        if len(rows) < page:
            return
        last = rows[-1][0]


def write_jsonl(records: Iterator[dict[str, Any]], out: IO[str],
                progress: Callable[[int], None] | None = None) -> int:
    n = 0
    for n, record in enumerate(records, 1):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        if progress and n % 1000 == 0:
            progress(n)
    return n


def write_csv(records: Iterator[dict[str, Any]], out: IO[str],
              progress: Callable[[int], None] | None = None) -> int:
    """Records as CSV, one author column per field; text a spreadsheet would run as a
    formula is written as text (``console.trust.cells``)."""
    columns = [f for f in FIELDS if f != "author"] + [f"author_{f}" for f in AUTHOR_FIELDS]
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for n, record in enumerate(records, 1):
        flat = {k: v for k, v in record.items() if k != "author"}
        flat["sources"] = ",".join(record["sources"])
        flat.update({f"author_{k}": v for k, v in record["author"].items()})
        writer.writerow(inert_record(flat))
        if progress and n % 1000 == 0:
            progress(n)
    return n


class ExportError(ValueError):
    """The export file could not be written; the message says why in plain words."""


Writer = Callable[[Iterator[dict[str, Any]], IO[str], Callable[[int], None] | None], int]


def export_to_file(records: Iterator[dict[str, Any]], path: Path | str, writer: Writer,
                   progress: Callable[[int], None] | None = None) -> int:
    """Write an export to ``path`` whole or not at all: into a temp file beside it (readable
    by the user only: it holds customers' posts), flushed, then renamed into place. A full
    disk or a read-only folder raises :class:`ExportError` and leaves no file behind."""
    target = Path(path).expanduser()
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent or Path("."), prefix=".posventa-export-")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            count = writer(records, out, progress)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise ExportError(os_problem(exc, "write the export to", target)
                          + "; no file was written") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return count
