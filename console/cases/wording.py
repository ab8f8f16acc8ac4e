"""Case words the agent reads, in the console's language: state names and error sentences.

The stored state stays English (it is data); :func:`state_name` is how it reads. Errors of
:mod:`console.cases.cases` are written through :func:`translate`, so the CLI (which
installs no translator) prints them in English and the window in the agent's language.
"""

from __future__ import annotations

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
