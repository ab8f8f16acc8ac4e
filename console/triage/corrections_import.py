"""Bulk corrections from another tool: one JSON object per line, then one retraining.

Each line names a stored mention, by id or by where it came from, and one label::

    {"mention": 42, "field": "is_complaint", "value": "yes"}
    {"channel": "import", "remote_id": "123", "field": "sentiment_label", "value": "negative"}

(``"server"`` may narrow a ``remote_id`` to one server.) A bad line is reported by its
number with one sentence and the rest are imported; a line that repeats the latest
correction already stored for that label is skipped, so importing a file twice changes
nothing. The corrections are stored in batches; the caller then retrains once and
relabels the mentions (see :meth:`console.triage.service.TriageService.import_corrections`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from console.store.db import Store

from . import corrections, queries
from .corrections import value_text

BATCH = 200  # lines stored per write transaction

Progress = Callable[[int, int, list[int]], None]


@dataclass
class ImportReport:
    """What an import did: stored corrections, their mentions, skipped and bad lines."""

    stored: int = 0
    repeated: int = 0  # lines equal to the latest stored correction of that label
    mention_ids: list[int] = field(default_factory=list)
    bad: list[tuple[int, str]] = field(default_factory=list)  # (line number, sentence)


@dataclass(frozen=True)
class _Line:
    mention_id: int
    field: str
    value: str
    row: tuple[Any, ...]  # the mention's labels before (queries.mention_labels_row)


def _mention(store: Store, data: dict[str, Any]) -> int:
    """The mention a line names; ValueError with one sentence when it names none."""
    if "mention" in data:
        value = data["mention"]
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError('"mention" must be a mention number, like 42')
        return value
    channel, remote_id = data.get("channel"), data.get("remote_id")
    if not isinstance(channel, str) or not isinstance(remote_id, str | int):
        raise ValueError('name the post with "mention" (its number) or with "channel" and '
                         '"remote_id"')
    server = data.get("server")
    if server is not None and not isinstance(server, str):
        raise ValueError('"server" must be text')
    found = queries.mention_ids_by_remote(store.db, channel, str(remote_id), server)
    if not found:
        raise ValueError(f"there is no stored post {remote_id} from {channel}")
    if len(found) > 1:
        raise ValueError(f"post {remote_id} from {channel} is stored from several servers; "
                         'add "server"')
    return found[0]


def _read(store: Store, text: str) -> _Line:
    try:
        data = json.loads(text)
    except ValueError:
        raise ValueError("this is not a JSON object") from None
    if not isinstance(data, dict):
        raise ValueError("this is not a JSON object")
    if "field" not in data or "value" not in data:
        raise ValueError('a correction needs "field" and "value"')
    name, checked = corrections.check(str(data["field"]), data["value"])
    mention_id = _mention(store, data)
    row = queries.mention_labels_row(store.db, mention_id)
    if row is None:
        raise ValueError(f"there is no mention {mention_id}")
    return _Line(mention_id, name, value_text(checked), tuple(row))


def _previous(row: tuple[Any, ...], name: str) -> str:
    _text, lang, sentiment_label, complaint, reason, relevance, spam = row
    return {"sentiment_label": str(sentiment_label), "is_complaint": value_text(complaint >= 0.5),
            "reason": str(reason), "lang": str(lang), "relevant": value_text(relevance > 0),
            "spam": value_text(bool(spam))}[name]


def store_lines(store: Store, lines: Iterable[str], agent: str, total: int = 0,
                progress: Progress | None = None) -> ImportReport:
    """Check and store the corrections of `lines` (numbered from 1); nothing is learned
    here. `total` (lines expected) only sizes the progress bar."""
    report = ImportReport()
    pending: list[_Line] = []
    done = 0

    def flush() -> None:
        if not pending:
            return
        with store.write():
            for line in pending:
                if queries.latest_feedback_value(store.db, line.mention_id,
                                                 line.field) == line.value:
                    report.repeated += 1
                    continue
                text, lang = line.row[0], line.row[1] or ""
                corrections.add(store.db, mention_id=line.mention_id, field=line.field,
                                value=line.value, previous=_previous(line.row, line.field),
                                text=text, lang=lang, agent=agent)
                report.stored += 1
                if line.mention_id not in report.mention_ids:
                    report.mention_ids.append(line.mention_id)
        pending.clear()

    for number, text in enumerate(lines, 1):
        done = number
        if text.strip():
            try:
                pending.append(_read(store, text))
            except ValueError as exc:
                report.bad.append((number, _sentence(str(exc))))
        if len(pending) >= BATCH:
            flush()
        if progress is not None and number % 50 == 0:
            progress(number, max(total, number), [])
    flush()
    if progress is not None:
        progress(done, max(total, done), [])
    return report


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "?", "!")) else ".")
