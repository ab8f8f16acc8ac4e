"""Turning CSV rows into mentions: a dry run that says what would happen, then the import.

Rows become posts and go through the very insert path a network pull uses
(`console.sync.ingest.ingest`, handed in by the caller as an `Ingest`): authors are
created or refreshed, the triage scores each post, the rules and people steps run, and a
post already stored (same channel and remote id) is never stored twice. Past
conversations were handled in the other tool, so by default they open no case (and join
none); `open_cases=True` lets the cases step treat them like fresh mentions, for an
export of conversations still waiting for an answer. Rows without a remote id get one
from a hash of channel, author, time and text, so importing the same file twice adds
nothing. `console/importer/service.py` is what the dialog and the CLI call.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

from console.channels.base import RemoteAuthor, RemotePost
from console.i18n import translate
from console.importer import queries
from console.importer.mapping import ColumnMapping
from console.importer.reader import CsvFile
from console.mentions import queries as mentions
from console.store.db import Store
from console.store.models import MENTION_STATUSES
from console.triage import Triager

_DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%d/%m/%Y %H:%M:%S",
                 "%d/%m/%Y %H:%M", "%d/%m/%Y", "%d-%m-%Y %H:%M:%S", "%d-%m-%Y %H:%M",
                 "%d-%m-%Y", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d",
                 "%d.%m.%Y %H:%M", "%d.%m.%Y")
_STATUS_WORDS = {
    "new": "new", "nuevo": "new", "nueva": "new", "pendiente": "new", "pending": "new",
    "open": "open", "abierto": "open", "abierta": "open", "en curso": "open",
    "replied": "replied", "answered": "replied", "respondido": "replied",
    "respondida": "replied", "contestado": "replied", "contestada": "replied",
    "closed": "closed", "cerrado": "closed", "cerrada": "closed", "resolved": "closed",
    "resuelto": "closed", "resuelta": "closed", "done": "closed",
    "ignored": "ignored", "ignorado": "ignored", "ignorada": "ignored", "spam": "ignored",
}
BATCH = 500


class IngestOutcome(Protocol):
    """What the ingest path reports back: the ids of the mentions it stored."""

    added: list[int]


class Ingest(Protocol):
    """The ingest path of a network pull (``console.sync.ingest.ingest``)."""

    def __call__(self, store: Store, triager: Triager, account_id: int | None,
                 posts: list[RemotePost], cursor_name: str | None, cursor_value: str | None,
                 *, history: bool) -> IngestOutcome: ...


@dataclass(frozen=True)
class Rejected:
    """A row left out, with the file line it starts on and why."""

    line: int
    reason: str


@dataclass
class ImportPlan:
    """What an import would do: the posts to store and the rows left out."""

    posts: list[tuple[int, RemotePost, str]] = field(default_factory=list)  # line, post, status
    rejected: list[Rejected] = field(default_factory=list)
    duplicates: list[Rejected] = field(default_factory=list)
    rows: int = 0

    def summary(self) -> str:
        return (f"{self.rows} rows: {len(self.posts)} to import, {len(self.duplicates)} "
                f"duplicates, {len(self.rejected)} rejected")


@dataclass
class ImportResult:
    """What an import did."""

    added: int = 0
    already_there: int = 0
    plan: ImportPlan | None = None


def parse_time(text: str) -> datetime | None:
    """A date written by another tool as aware UTC (naive values are taken as UTC)."""
    value = text.strip()
    if not value:
        return None
    if value.isdigit() and len(value) in (10, 13):  # Unix seconds or milliseconds
        seconds = int(value) / (1000 if len(value) == 13 else 1)
        return datetime.fromtimestamp(seconds, UTC)
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
        for fmt in _DATE_FORMATS:
            try:
                parsed = datetime.strptime(value, fmt)
                break
            except ValueError:
                continue
    if parsed is None:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def synthetic_id(channel: str, author: str, created: datetime, text: str) -> str:
    digest = hashlib.sha256("\x1f".join(
        (channel, author.lower(), created.isoformat(), text.strip())).encode()).hexdigest()
    return f"csv-{digest[:24]}"


def _row_post(row: dict[str, str], mapping: ColumnMapping) -> tuple[RemotePost, str] | str:
    """A post and its status from one row, or the reason it cannot be imported."""
    def cell(name: str) -> str:
        column = mapping.columns.get(name)
        return (row.get(column) or "").strip() if column else ""

    text = cell("text")
    if not text:
        return translate("CsvImport", "the text is empty")
    handle = cell("author").lstrip("@")
    if not handle:
        return translate("CsvImport", "the author is empty")
    raw_time = cell("created_at")
    created = parse_time(raw_time)
    if created is None:
        return (translate("CsvImport", "the date {value} is not a date").format(
            value=repr(raw_time)) if raw_time else translate("CsvImport", "the date is empty"))
    channel = (cell("channel") or mapping.default_channel).strip().lower()
    status_word = cell("status").lower()
    status = _STATUS_WORDS.get(status_word, status_word) if status_word else "new"
    if status not in MENTION_STATUSES:
        return translate("CsvImport", "the status {value} is unknown").format(
            value=repr(cell("status")))
    remote_id = cell("remote_id") or synthetic_id(channel, handle, created, text)
    author = RemoteAuthor(channel=channel, remote_id=handle.lower(), handle=handle,
                          display_name=cell("author_name") or handle, url="",
                          raw={"imported": True})
    post = RemotePost(channel=channel, remote_id=remote_id, url=cell("url"), author=author,
                      text=text, html="", created_at=created, source="mention",
                      in_reply_to=cell("in_reply_to") or None,
                      raw={"imported": True, "row": dict(row)})
    return post, status


def plan_import(store: Store, source: CsvFile, mapping: ColumnMapping) -> ImportPlan:
    """The dry run: reads every row, writes nothing."""
    mapping.validate(source.header)
    plan = ImportPlan()
    seen: dict[tuple[str, str], int] = {}
    for line, row in source.rows():
        plan.rows += 1
        made = _row_post(row, mapping)
        if isinstance(made, str):
            plan.rejected.append(Rejected(line, made))
            continue
        post, status = made
        key = (post.channel, post.remote_id)
        if key in seen:
            plan.duplicates.append(Rejected(line, translate(
                "CsvImport", "same post as line {line}").format(line=seen[key])))
        elif mentions.existing_mention(store.db, post.channel, post.remote_id) is not None:
            plan.duplicates.append(Rejected(line, translate("CsvImport",
                                                            "already in the workspace")))
        else:
            seen[key] = line
            plan.posts.append((line, post, status))
    # Oldest first, so a reply finds the post it answers and joins its thread.
    plan.posts.sort(key=lambda item: (item[1].created_at, item[0]))
    return plan


def run_import(ingest: Ingest, store: Store, triager: Triager, plan: ImportPlan,
               progress: Callable[[int, int], None] | None = None,
               open_cases: bool = False) -> ImportResult:
    """Store the planned posts in batches through the ingest path; reports (done, total)."""
    result = ImportResult(plan=plan)
    total = len(plan.posts)
    for start in range(0, total, BATCH):
        batch = plan.posts[start:start + BATCH]
        stored = ingest(store, triager, None, [post for _line, post, _s in batch], None, None,
                        history=not open_cases)
        result.added += len(stored.added)
        result.already_there += len(batch) - len(stored.added)
        _apply_statuses(store, batch, set(stored.added))
        if progress:
            progress(min(start + BATCH, total), total)
    return result


def _apply_statuses(store: Store, batch: list[tuple[int, RemotePost, str]],
                    added: set[int]) -> None:
    wanted = [(status, post.channel, post.remote_id) for _l, post, status in batch
              if status != "new"]
    if not wanted or not added:
        return
    with store.write():
        for status, channel, remote_id in wanted:
            found = mentions.existing_mention(store.db, channel, remote_id)
            if found is not None and found[0] in added:
                queries.set_mention_status(store.db, found[0], status)

