"""A printable HTML report of exported mentions, laid out as conversation threads.

Everything that came from a network or a customer (names, handles, posts, links) is
escaped, and shown as on screen (``console.trust.unicode.shown``: no direction overrides
or zero-width characters); links are only written for http and https. The same HTML
feeds the PDF export (Qt's QTextDocument understands this subset of HTML and CSS).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from peewee import Database

from console.i18n import QT_TRANSLATE_NOOP, translate
from console.reports import queries
from console.trust.unicode import shown

PdfWriter = Callable[[str, Path], None]  # (printable HTML, target file): Qt renders it
NO_PDF = "PDF export needs Qt; use the console window or --format html"
_pdf_writer: PdfWriter | None = None  # set by the launcher (use_pdf_writer)

_STYLE = """body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; color: #222; }
h1 { font-size: 16pt; margin-bottom: 2pt; } .meta { color: #666; font-size: 9pt; }
.thread { margin: 10pt 0; padding: 6pt 8pt; border: 1px solid #bbb; }
.thread h2 { font-size: 11pt; margin: 0 0 4pt 0; }
.post { margin: 4pt 0 4pt 0; } .reply { margin: 4pt 0 4pt 24pt; color: #124; }
.text { white-space: pre-wrap; } .labels { color: #555; font-size: 8.5pt; }
.complaint { color: #a40000; font-weight: bold; }
@media print { .thread { page-break-inside: avoid; } }"""


def _e(value: object) -> str:
    """Text for the page: shown as the screen shows it, then escaped."""
    return html.escape(shown("" if value is None else str(value)), quote=True)


def _link(url: str, label: str) -> str:
    if url.startswith(("https://", "http://")):
        return f'<a href="{html.escape(url, quote=True)}">{_e(label)}</a>'
    return _e(label)


def replies_by_mention(db: Database, ids: list[int]) -> dict[int, list[tuple[str, str, str]]]:
    """The brand's sent replies to these mentions: id -> [(sent at, agent, text)]."""
    found: dict[int, list[tuple[str, str, str]]] = {}
    for mention_id, sent, agent, text in queries.sent_replies(db, ids):
        found.setdefault(int(mention_id), []).append((str(sent)[:16], agent or "", text))
    return found


def _word(value: object) -> str:
    """A stored value (a status, a sentiment, a channel) in the reader's language; the
    console's label catalogue ("Labels") names them, and unknown values stay as stored."""
    return translate("Labels", str(value)) if value else ""


_REASONS = {  # the stored keys, so the English report reads as before
    "delivery": QT_TRANSLATE_NOOP("PrintableReport", "delivery"),
    "billing": QT_TRANSLATE_NOOP("PrintableReport", "billing"),
    "product": QT_TRANSLATE_NOOP("PrintableReport", "product"),
    "service": QT_TRANSLATE_NOOP("PrintableReport", "service"),
    "cancellation": QT_TRANSLATE_NOOP("PrintableReport", "cancellation"),
    "account": QT_TRANSLATE_NOOP("PrintableReport", "account"),
    "other": QT_TRANSLATE_NOOP("PrintableReport", "other"),
}


def _reason(value: object) -> str:
    name = _REASONS.get(str(value or ""))
    return translate("PrintableReport", name) if name else str(value or "")


def default_title() -> str:
    return translate("PrintableReport", "Posventa report")


def html_writer(db: Database | None, title: str | None = None
                ) -> Callable[[Iterator[dict[str, Any]], IO[str],
                               Callable[[int], None] | None], int]:
    """A writer for `console.feed.export.export_to_file` producing the printable report
    (in the console's language; English in the CLI)."""
    title = title or default_title()

    def write(records: Iterator[dict[str, Any]], out: IO[str],
              progress: Callable[[int], None] | None = None) -> int:
        threads: dict[tuple[str, str], list[dict[str, Any]]] = {}
        count = 0
        for count, record in enumerate(records, 1):
            key = (record["channel"], record.get("thread_root") or record["remote_id"])
            threads.setdefault(key, []).append(record)
            if progress and count % 1000 == 0:
                progress(count)
        ids = [r["id"] for posts in threads.values() for r in posts]
        replies = replies_by_mention(db, ids) if db is not None else {}
        now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        out.write(f'<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
                  f"<title>{_e(title)}</title><style>{_STYLE}</style></head><body>\n"
                  f"<h1>{_e(title)}</h1><p class=\"meta\">" + _e(translate(
                      "PrintableReport", "{count} mentions in {threads} conversations · "
                      "written {when}").format(count=count, threads=len(threads), when=now))
                  + "</p>\n")
        ordered = sorted(threads.values(), key=lambda posts: min(p["created_at"] or ""
                                                                 for p in posts))
        for posts in ordered:
            posts.sort(key=lambda p: (p["created_at"] or "", p["id"]))
            first = posts[0]
            out.write(f'<div class="thread"><h2>{_e(_word(first["channel"]))} · '
                      f'{_e(_name(first))}</h2>\n')
            for post in posts:
                out.write(_post_html(post))
                for sent, agent, text in replies.get(post["id"], []):
                    out.write('<div class="reply"><div class="labels">'
                              + _e(translate("PrintableReport", "brand reply"))
                              + f' · {_e(sent)} · {_e(agent)}</div>'
                              f'<div class="text">{_e(text)}</div></div>\n')
            out.write("</div>\n")
        out.write("</body></html>\n")
        return count

    return write


def _name(record: dict[str, Any]) -> str:
    author = record["author"]
    name = author.get("display_name") or ""
    return f"{name} (@{author['handle']})" if name else f"@{author['handle']}"


def _post_html(post: dict[str, Any]) -> str:
    complaint = post.get("complaint") or 0.0
    flag = (' <span class="complaint">' + _e(translate(
        "PrintableReport", "complaint: {reason}").format(reason=_reason(post.get("reason"))))
        + "</span>" if complaint >= 0.5 else "")
    when = (post.get("created_at") or "").replace("T", " ").rstrip("Z")
    status = translate("PrintableReport", "status {status}").format(
        status=_word(post.get("status")))
    opened = translate("PrintableReport", "open")
    return (f'<div class="post"><div class="labels"><b>{_e(_name(post))}</b> · {_e(when)} · '
            f'{_link(post.get("url") or "", opened)} · '
            f'{_e(_word(post.get("sentiment_label")))} · {_e(status)}{flag}</div>'
            f'<div class="text">{_e(post.get("text"))}</div></div>\n')


def use_pdf_writer(writer: PdfWriter | None) -> None:
    """Set what renders the printable HTML to a PDF file for `export_printable` (the
    launcher sets Qt's; this package never imports Qt). None: PDF export is unavailable."""
    global _pdf_writer
    _pdf_writer = writer


def export_printable(db: Database, records: Iterator[dict[str, Any]], fmt: str,
                     output: str | None, progress: Callable[[int], None] | None = None,
                     title: str | None = None) -> int:
    """The CLI's html/pdf export: HTML to a file or stdout; PDF (through the writer set
    with `use_pdf_writer`) to a file."""
    import sys

    from console.feed.export import ExportError, export_to_file

    writer = html_writer(db, title)
    if fmt == "html":
        if output:
            return export_to_file(records, output, writer, progress)
        return writer(records, sys.stdout, progress)
    if not output:
        raise ExportError("a PDF export needs a file: add --output FILE.pdf")
    if _pdf_writer is None:
        raise ExportError(NO_PDF)
    import io

    buffer = io.StringIO()
    count = writer(records, buffer, progress)
    _pdf_writer(buffer.getvalue(), Path(output))
    return count
