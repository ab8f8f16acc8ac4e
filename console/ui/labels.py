"""How feed values read on screen: times, sentiment markers, tooltips, plain-text labels.

Every helper here returns text for widgets that show it as plain text, except
:func:`tooltip`, which escapes untrusted text because Qt renders tooltips as HTML.
"""

from __future__ import annotations

import html
import re
from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QWidget

COMPLAINT_THRESHOLD = 0.5

# Colours always come with a word or a symbol: colour is never the only signal.
COMPLAINT_COLOUR = QColor("#b3261e")
NEGATIVE_COLOUR = QColor("#a35a00")
POSITIVE_COLOUR = QColor("#1e7a34")
NEUTRAL_COLOUR = QColor("#5f6368")
REPLY_COLOUR = QColor("#1a5fb4")

REPLY_STATE_WORDS = {
    "queued": "queued",
    "sending": "sending…",
    "sent": "sent",
    "failed": "failed",
    "draft": "draft",
}


# Control characters (NUL, escape...), bidi embeddings, overrides and isolates (which can
# reverse the text after them: "‮txt.exe" reads as "exe.txt") and lone surrogates (from
# invalid UTF-8 escapes) are dropped or replaced when shown; the stored text keeps them.
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")
TOOLTIP_LIMIT = 1500


def untrusted(text: str, limit: int | None = None) -> str:
    """Attacker-controlled text made safe to show as plain text, cut to ``limit``."""
    text = _SURROGATE.sub("\ufffd", _HIDDEN.sub("", text or ""))
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def plain_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = False,
                selectable: bool = False) -> QLabel:
    """A QLabel that never interprets its text as HTML."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                      | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    label.setText(text)
    return label


def tooltip(text: str) -> str:
    """Untrusted text made safe for a tooltip (which Qt renders as rich text), and short."""
    body = html.escape(untrusted(text, TOOLTIP_LIMIT)).replace("\n", "<br>")
    return f"<p style='white-space:pre-wrap'>{body}</p>"


def author_line(display_name: str, handle: str) -> str:
    name = " ".join(untrusted(display_name, 200).split())
    handle = untrusted(handle, 200)
    return f"{name} @{handle}" if name else f"@{handle}"


def first_line(text: str, limit: int = 200) -> str:
    line = next((part for part in text[: limit * 20].splitlines() if part.strip()), "")
    return untrusted(line.strip(), limit)


def when(moment: datetime, now: datetime | None = None) -> str:
    """Local time; relative ("5 min ago") for today."""
    local = moment.astimezone()
    current = (now or datetime.now().astimezone()).astimezone()
    delta = current - local
    if local.date() == current.date() and delta >= timedelta(0):
        if delta < timedelta(minutes=1):
            return "just now"
        if delta < timedelta(hours=1):
            return f"{int(delta.total_seconds() // 60)} min ago"
        return f"{int(delta.total_seconds() // 3600)} h ago"
    if local.year == current.year:
        return local.strftime("%d %b %H:%M")
    return local.strftime("%d %b %Y")


def full_time(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def sentiment_marker(complaint: float, sentiment_label: str) -> str:
    """E.g. "▼ complaint 0.82", "▼ negative", "▲ positive", "neutral"."""
    if complaint >= COMPLAINT_THRESHOLD:
        return f"▼ complaint {complaint:.2f}"
    if sentiment_label == "negative":
        return "▼ negative"
    if sentiment_label == "positive":
        return "▲ positive"
    return sentiment_label or "neutral"


def sentiment_colour(complaint: float, sentiment_label: str) -> QColor:
    if complaint >= COMPLAINT_THRESHOLD:
        return COMPLAINT_COLOUR
    if sentiment_label == "negative":
        return NEGATIVE_COLOUR
    if sentiment_label == "positive":
        return POSITIVE_COLOUR
    return NEUTRAL_COLOUR


def sources_text(sources: str) -> str:
    return ", ".join(s for s in sources.split(",") if s)


def visibility_note(visibility: str) -> str:
    return {
        "direct": "Direct message: only the people mentioned see this reply.",
        "private": "Followers only: only followers see this reply.",
        "unlisted": "Unlisted: public, but kept out of public timelines.",
    }.get(visibility, "Public reply: anyone can see it.")


def count_text(count: int) -> str:
    return f"{count:,}".replace(",", " ")
