"""How feed values read on screen: times, sentiment markers, tooltips, plain-text labels.

Every helper here returns text for widgets that show it as plain text, except
:func:`tooltip`, which escapes untrusted text because Qt renders tooltips as HTML.
"""

from __future__ import annotations

import html
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
    """Untrusted text made safe for a tooltip (which Qt renders as rich text)."""
    body = html.escape(text).replace("\n", "<br>")
    return f"<p style='white-space:pre-wrap'>{body}</p>"


def author_line(display_name: str, handle: str) -> str:
    name = " ".join(display_name.split())
    return f"{name} @{handle}" if name else f"@{handle}"


def first_line(text: str, limit: int = 200) -> str:
    line = next((part for part in text.splitlines() if part.strip()), "")
    line = line.strip()
    return line if len(line) <= limit else line[: limit - 1] + "…"


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
