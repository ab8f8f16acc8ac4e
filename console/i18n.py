"""Translatable text for the Qt-free packages.

Sentences that reach the window (an account's status, a storage error, a triage reason,
a settings label) are written in English and marked here, so `pyside6-lupdate` extracts
them into `resources/translations/*.ts` like the widgets' own strings:

    translate("Sync", "{account}: token rejected, sign in again").format(account=name)
    LABEL = QT_TRANSLATE_NOOP("Settings", "Agent name")   # translated where it is shown

The desktop console installs Qt's translator with :func:`install`; without it (the CLI,
scripts, tests of the Qt-free code) the English text is used. Placeholders are filled in
*after* translating, so a translation may move them but must keep every one of them.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str, "str | None", int], str]


def _english(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return text.replace("%n", str(n)) if n >= 0 else text


_translator: Translator = _english


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the console's language; `%n` becomes `n` for plural-aware messages."""
    return _translator(context, text, disambiguation, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for extraction without translating it yet (tables, defaults)."""
    return text


def install(translator: Translator | None) -> None:
    """Route :func:`translate` through `translator` (None restores English)."""
    global _translator
    _translator = translator or _english
