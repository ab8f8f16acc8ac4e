"""How feed values read on screen: times, sentiment markers, tooltips, plain-text labels.

Every helper here returns text for widgets that show it as plain text, except
:func:`tooltip`, which escapes untrusted text because Qt renders tooltips as HTML.
"""

from __future__ import annotations

import html
from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QWidget

from console.i18n import QT_TRANSLATE_NOOP
from console.trust.unicode import shown

COMPLAINT_THRESHOLD = 0.5

# Colours always come with a word or a symbol: colour is never the only signal.
COMPLAINT_COLOUR = QColor("#b3261e")
NEGATIVE_COLOUR = QColor("#a35a00")
POSITIVE_COLOUR = QColor("#1e7a34")
NEUTRAL_COLOUR = QColor("#5f6368")
REPLY_COLOUR = QColor("#1a5fb4")

REPLY_STATE_WORDS = {  # English source text; shown through reply_state_label()
    "queued": QT_TRANSLATE_NOOP("Labels", "queued"),
    "sending": QT_TRANSLATE_NOOP("Labels", "sending…"),
    "sent": QT_TRANSLATE_NOOP("Labels", "sent"),
    "failed": QT_TRANSLATE_NOOP("Labels", "failed"),
    "draft": QT_TRANSLATE_NOOP("Labels", "draft"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


# --- enumerations: the stored value stays English (it is data); people read a label -----

_STATUSES = {
    "new": QT_TRANSLATE_NOOP("Labels", "new"),
    "open": QT_TRANSLATE_NOOP("Labels", "open"),
    "replied": QT_TRANSLATE_NOOP("Labels", "replied"),
    "closed": QT_TRANSLATE_NOOP("Labels", "closed"),
    "ignored": QT_TRANSLATE_NOOP("Labels", "ignored"),
}
_SOURCES = {
    "mention": QT_TRANSLATE_NOOP("Labels", "mention"),
    "keyword": QT_TRANSLATE_NOOP("Labels", "keyword"),
    "hashtag": QT_TRANSLATE_NOOP("Labels", "hashtag"),
    "direct": QT_TRANSLATE_NOOP("Labels", "direct"),
    "comment": QT_TRANSLATE_NOOP("Labels", "comment"),
}
_CHANNELS = {
    "mastodon": QT_TRANSLATE_NOOP("Labels", "mastodon"),
    "bluesky": QT_TRANSLATE_NOOP("Labels", "bluesky"),
    "feed": QT_TRANSLATE_NOOP("Labels", "feed"),
    "wordpress": QT_TRANSLATE_NOOP("Labels", "wordpress"),
    "x": QT_TRANSLATE_NOOP("Labels", "x"),
    "reddit": QT_TRANSLATE_NOOP("Labels", "reddit"),
    "sandbox": QT_TRANSLATE_NOOP("Labels", "sandbox"),
}
_PRIORITIES = {
    "urgent": QT_TRANSLATE_NOOP("Labels", "urgent"),
    "high": QT_TRANSLATE_NOOP("Labels", "high"),
    "normal": QT_TRANSLATE_NOOP("Labels", "normal"),
    "low": QT_TRANSLATE_NOOP("Labels", "low"),
}
_SENTIMENTS = {
    "negative": QT_TRANSLATE_NOOP("Labels", "negative"),
    "neutral": QT_TRANSLATE_NOOP("Labels", "neutral"),
    "positive": QT_TRANSLATE_NOOP("Labels", "positive"),
}


def _label(table: dict[str, str], value: str) -> str:
    """The translated word for a known value; an unknown value is shown as stored."""
    text = table.get(value)
    return _tr(text) if text is not None else value


def status_label(value: str) -> str:
    """A mention status (new, open, replied, closed, ignored) as the agent reads it."""
    return _label(_STATUSES, value)


def source_label(value: str) -> str:
    """How a mention was found (mention, keyword, hashtag, direct, comment)."""
    return _label(_SOURCES, value)


def channel_label(kind: str) -> str:
    """A channel kind (mastodon, bluesky, feed, wordpress, sandbox)."""
    return _label(_CHANNELS, kind)


def priority_label(value: str) -> str:
    """A priority tier (urgent, high, normal, low)."""
    return _label(_PRIORITIES, value)


def sentiment_label(value: str) -> str:
    """A sentiment word (negative, neutral, positive)."""
    return _label(_SENTIMENTS, value)


def reply_state_label(state: str) -> str:
    """A reply's state (draft, queued, sending…, sent, failed)."""
    return _label(REPLY_STATE_WORDS, state)


TOOLTIP_LIMIT = 1500


def untrusted(text: str, limit: int | None = None) -> str:
    """Attacker-controlled text made safe to show as plain text, cut to ``limit``: control,
    bidi override and zero-width characters dropped (emoji keep their joiners), lone
    surrogates replaced (``console.trust.unicode.shown``); the stored text keeps them."""
    return shown(text, limit)


def wait_text(minutes: int) -> str:
    """A wait in whole minutes as people read it: "45 min", "2 h 05 min", "3 d 4 h"."""
    def number(n: int) -> str:
        return QLocale().toString(n)

    if minutes < 60:
        return QCoreApplication.translate("Labels", "%1 min").replace("%1", number(minutes))
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return QCoreApplication.translate("Labels", "%1 h %2 min").replace(
            "%1", number(hours)).replace("%2", f"{minutes:02d}")
    days, hours = divmod(hours, 24)
    return QCoreApplication.translate("Labels", "%1 d %2 h").replace(
        "%1", number(days)).replace("%2", number(hours))


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


DATA = "posventaData"


def mark_data(widget: QWidget) -> QWidget:
    """Mark `widget` as showing user data (a name, a post, a link), not interface text:
    the translation checks skip it and everything under it."""
    widget.setProperty(DATA, True)
    return widget


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


DATE_FORMAT = "d MMM yyyy"  # the day with the month's name in the locale's language


def date_format() -> str:
    """The display format of date fields (QDateEdit), the same as every date shown."""
    return DATE_FORMAT


def day_text(day: date | QDate) -> str:
    """A calendar day as every screen writes it: "5 Nov 2026", "5 nov 2026"."""
    shown = day if isinstance(day, QDate) else QDate(day.year, day.month, day.day)
    return QLocale().toString(shown, DATE_FORMAT)


def _qt_time(moment: datetime) -> QDateTime:
    """`moment` as a QDateTime in the agent's time zone (as `datetime.astimezone` reads it)."""
    return QDateTime.fromSecsSinceEpoch(int(moment.astimezone().timestamp())).toLocalTime()


def _clock(locale: QLocale, moment: QDateTime) -> str:
    """The time of day as the agent's locale writes it (14:03, 2:03 p. m.)."""
    return locale.toString(moment.time(), QLocale.FormatType.ShortFormat)


def when(moment: datetime, now: datetime | None = None) -> str:
    """Local time; relative ("5 min ago") for today, then the day with the locale's month
    name ("22 Nov 14:03", "22 nov 14:03"), with the year when it is not this one."""
    local = moment.astimezone()
    current = (now or datetime.now().astimezone()).astimezone()
    delta = current - local
    if local.date() == current.date() and delta >= timedelta(0):
        if delta < timedelta(minutes=1):
            return QCoreApplication.translate("Labels", "just now")
        if delta < timedelta(hours=1):
            minutes = int(delta.total_seconds() // 60)
            return QCoreApplication.translate("Labels", "{n} min ago").format(n=minutes)
        hours = int(delta.total_seconds() // 3600)
        return QCoreApplication.translate("Labels", "{n} h ago").format(n=hours)
    locale = QLocale()
    shown = _qt_time(moment)
    if local.year == current.year:
        return f"{locale.toString(shown.date(), 'd MMM')} {_clock(locale, shown)}"
    return locale.toString(shown.date(), DATE_FORMAT)


def full_time(moment: datetime) -> str:
    """Day, month name, year and time in the agent's locale ("22 nov 2024 14:03")."""
    locale = QLocale()
    shown = _qt_time(moment)
    return f"{locale.toString(shown.date(), DATE_FORMAT)} {_clock(locale, shown)}"


def day_and_time(moment: datetime) -> str:
    """The time only for today, else the weekday, day and month: "14:03", "Mon 7 Dec
    9:00 AM" (due times in the case panel)."""
    locale = QLocale()
    shown = _qt_time(moment)
    if moment.astimezone().date() == datetime.now().astimezone().date():
        return _clock(locale, shown)
    return f"{locale.toString(shown.date(), 'ddd d MMM')} {_clock(locale, shown)}"


def sentiment_marker(complaint: float, sentiment_label: str) -> str:
    """E.g. "▼ complaint 0.82", "▼ negative", "▲ positive", "neutral" (translated; the
    score is written with the locale's decimal separator)."""
    if complaint >= COMPLAINT_THRESHOLD:
        return QCoreApplication.translate("Labels", "▼ complaint {score}").format(
            score=QLocale().toString(float(complaint), "f", 2))
    if sentiment_label == "negative":
        return QCoreApplication.translate("Labels", "▼ negative")
    if sentiment_label == "positive":
        return QCoreApplication.translate("Labels", "▲ positive")
    return _label(_SENTIMENTS, sentiment_label or "neutral")


def sentiment_colour(complaint: float, sentiment_label: str) -> QColor:
    if complaint >= COMPLAINT_THRESHOLD:
        return COMPLAINT_COLOUR
    if sentiment_label == "negative":
        return NEGATIVE_COLOUR
    if sentiment_label == "positive":
        return POSITIVE_COLOUR
    return NEUTRAL_COLOUR


def sources_text(sources: str) -> str:
    """Stored sources ("keyword,hashtag") as the agent reads them ("keyword, hashtag")."""
    return ", ".join(source_label(s) for s in sources.split(",") if s)


_VISIBILITY_NOTES = {
    "direct": QT_TRANSLATE_NOOP(
        "Labels", "Direct message: only the people in the conversation see this reply."),
    "private": QT_TRANSLATE_NOOP("Labels", "Followers only: only followers see this reply."),
    "unlisted": QT_TRANSLATE_NOOP("Labels",
                                  "Unlisted: public, but kept out of public timelines."),
}
_PUBLIC_NOTE = QT_TRANSLATE_NOOP("Labels", "Public reply: anyone can see it.")


def visibility_note(visibility: str) -> str:
    """Who will see a reply with this visibility, in one sentence."""
    return _tr(_VISIBILITY_NOTES.get(visibility, _PUBLIC_NOTE))


def count_text(count: int) -> str:
    """A count with the locale's digit grouping (12,400 or 12.400); the "C" locale, which
    groups nothing, gets a space (12 400)."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return f"{count:,}".replace(",", " ")
    return locale.toString(int(count))
