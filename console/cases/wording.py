"""Case words the agent reads, in the console's language: state names and error sentences.

The stored state stays English (it is data); :func:`state_name` is how it reads. Errors of
:mod:`console.cases.cases` are written through :func:`translate`, so the CLI (which
installs no translator) prints them in English and the window in the agent's language.
"""

from __future__ import annotations

import re

from console.i18n import QT_TRANSLATE_NOOP, translate

STATES = {
    "new": QT_TRANSLATE_NOOP("CaseStates", "new"),
    "open": QT_TRANSLATE_NOOP("CaseStates", "open"),
    "waiting": QT_TRANSLATE_NOOP("CaseStates", "waiting"),
    "resolved": QT_TRANSLATE_NOOP("CaseStates", "resolved"),
    "closed": QT_TRANSLATE_NOOP("CaseStates", "closed"),
}


def state_name(status: str) -> str:
    """A case state (new, open, waiting, resolved, closed) as the agent reads it."""
    text = STATES.get(status)
    return translate("CaseStates", text) if text is not None else status


def state_list(states: tuple[str, ...] | list[str], joiner: str) -> str:
    """States joined for a sentence ("open or closed")."""
    return joiner.join(state_name(s) for s in states)


def sentence(text: str) -> str:
    """An error fragment as a sentence for the window: capital first letter, full stop."""
    text = text.strip()
    if not text:
        return text
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "?", "!", ")")) else ".")


def _matches(text: str) -> str | None:
    """Words for a stored history detail written by the case code, or None."""
    if text == "rule":
        return translate("CaseEvents", "a rule")
    if text == "answered before the case was opened":
        return translate("CaseEvents", "answered before the case was opened")
    if text == "opened by an agent":
        return translate("CaseEvents", "opened by an agent")
    if text == "direct message":
        return translate("CaseEvents", "direct message")
    for pattern, template in _DETAILS:
        found = re.fullmatch(pattern, text)
        if found:
            return translate("CaseEvents", template).format(*found.groups())
    return None


_DETAILS = (
    (r"rule: (.+)", QT_TRANSLATE_NOOP("CaseEvents", "rule: {0}")),
    (r"complaint (\d+\.\d+)", QT_TRANSLATE_NOOP("CaseEvents", "complaint {0}")),
    (r"from mention (\d+)", QT_TRANSLATE_NOOP("CaseEvents", "from mention {0}")),
    (r"opened by (.+)", QT_TRANSLATE_NOOP("CaseEvents", "opened by {0}")),
    (r"moved to case (\d+)", QT_TRANSLATE_NOOP("CaseEvents", "moved to case {0}")),
    (r"reply (\d+) sent", QT_TRANSLATE_NOOP("CaseEvents", "reply {0} sent")),
)


def event_detail(text: str) -> str:
    """A detail the case history stores in English ("from mention 12", "reply 4 sent"),
    in the console's language; anything else (a tag, a note, a name) as stored."""
    return _matches(text) or text
