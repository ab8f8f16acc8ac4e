"""Text from the network made storable (lone surrogates become U+FFFD), and made safe to
show (:func:`shown`: what the screen and the printable export use).

A JSON answer may carry ``"\\ud800"``: an escape for half a UTF-16 pair, which is how
invalid UTF-8 a server kept reaches a client. Python decodes it into a string that SQLite
(and any UTF-8 file) refuses, so one such post would stop an account's sync for good.
Every post is passed through :func:`storable_post` before it is stored; everything else
in it, controls and bidi marks included, is kept exactly as sent. Nothing here knows what
a post is: any dataclass has its text fields (and those of the dataclasses, lists and dicts
in it) cleaned.

What is *shown* loses what can only deceive: control characters, bidi embeddings,
overrides and isolates ("\u202etxt.exe" reads as "exe.txt") and zero-width characters
(U+200B/C/D, U+2060-2064, U+FEFF), which hide inside a name so that it looks like the
brand's or like nothing at all. Joiners that do visible work stay: U+200D between the
parts of an emoji (family, flag, profession) and U+200C/U+200D between letters of the
scripts that shape with them (Arabic, Persian, the Indic scripts). The stored text keeps
everything.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from datetime import date, datetime
from typing import Any, TypeVar

_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"
T = TypeVar("T")


def _needs(text: str) -> bool:
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


# Values with no text in them: returned as they are without a look inside.
_ATOMS = frozenset({type(None), bool, int, float, datetime, date})
_FIELDS: dict[type, tuple[str, ...]] = {}  # a dataclass's field names, read once per class


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def storable(value: T) -> T:
    """``value`` (a string, or lists, tuples and dicts of them) with lone surrogates
    replaced; the same object when there is nothing to replace."""
    # Every post of every pull passes here: the common cases are decided first and cheaply.
    kind = type(value)
    if kind in _ATOMS:
        return value
    if isinstance(value, str):
        return _SURROGATE.sub(REPLACEMENT, value) if _needs(value) else value  # type: ignore[return-value]
    if isinstance(value, dict):
        if not value:
            return value
        items = [(storable(k), storable(v)) for k, v in value.items()]
        if all(k is k0 and v is v0 for (k, v), (k0, v0) in zip(items, value.items(),
                                                                  strict=True)):
            return value
        return dict(items)  # type: ignore[return-value]
    if isinstance(value, list | tuple):
        if not value:
            return value
        cleaned = [storable(item) for item in value]
        if all(a is b for a, b in zip(cleaned, value, strict=True)):
            return value
        return (cleaned if isinstance(value, list) else tuple(cleaned))  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes: dict[str, Any] = {}
        for name in _field_names(kind):
            old = getattr(value, name)
            if type(old) in _ATOMS or (type(old) is str and not _needs(old)):
                continue  # most fields: no call, nothing to replace
            new = storable(old)
            if new is not old:
                changes[name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value


# Controls (tab and newline stay), bidi embeddings, overrides, isolates, zero-width ones.
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200d\u202a-\u202e"
                     "\u2060-\u2064\u2066-\u2069\ufeff]")
_JOINERS = "\u200c\u200d"
# Blocks whose letters shape with ZWJ/ZWNJ: Arabic to NKo, Arabic Extended-A, Devanagari
# to Sinhala, Mongolian.
_JOINING_BLOCKS = ((0x0600, 0x07FF), (0x08A0, 0x08FF), (0x0900, 0x0DFF), (0x1800, 0x18AF))
_WINDOW = 10  # a cut text is cleaned from a prefix of this many characters per one shown


def _joining_letter(ch: str) -> bool:
    return any(low <= ord(ch) <= high for low, high in _JOINING_BLOCKS)


def _pictograph(ch: str) -> bool:
    return unicodedata.category(ch) == "So" or 0x1F000 <= ord(ch) <= 0x1FAFF


def _emoji_end(ch: str) -> bool:
    """Whether ``ch`` can end the emoji before a ZWJ: the emoji, its presentation
    selector (U+FE0F) or its skin tone (U+1F3FB-U+1F3FF)."""
    return _pictograph(ch) or ch == "\ufe0f" or 0x1F3FB <= ord(ch) <= 0x1F3FF


def _drop(match: re.Match[str]) -> str:
    ch = match.group()
    if ch in _JOINERS:
        text, at = match.string, match.start()
        before = text[at - 1] if at > 0 else ""
        after = text[at + 1] if at + 1 < len(text) else ""
        if before and after:
            if _joining_letter(before) and _joining_letter(after):
                return ch
            if ch == "\u200d" and _emoji_end(before) and _pictograph(after):
                return ch
    return ""


def shown(text: str, limit: int | None = None) -> str:
    """Untrusted ``text`` as it may be shown (on screen or in a printable export): hidden
    and direction-changing characters dropped, lone surrogates replaced, cut to ``limit``
    characters with "…". With a limit only a prefix is looked at, so a name of a million
    characters costs no more than a short one."""
    text = text or ""
    cut = limit is not None and len(text) > limit * _WINDOW
    if limit is not None and cut:
        text = text[: limit * _WINDOW]
    text = _SURROGATE.sub(REPLACEMENT, _HIDDEN.sub(_drop, text))
    if limit is not None and (cut or len(text) > limit):
        text = text[: limit - 1] + "…"
    return text


# What is stored (and compared) of a profile; the raw payload keeps what was sent. Real
# networks allow far less (a Mastodon name has 30 characters, a Bluesky bio 256
# graphemes): these leave room for any of them, not for a name of a million characters.
NAME_LIMIT = 300  # a display name
HANDLE_LIMIT = 255  # a handle with its server ("ana@x.example"): a VARCHAR(255) column
URL_LIMIT = 2_000  # a profile or avatar address
BIO_LIMIT = 10_000  # a bio, and each profile field's name and value
FIELDS_LIMIT = 50  # profile fields kept


def capped(text: str, limit: int) -> str:
    """``text`` cut to its first ``limit`` characters (a stored copy of untrusted text)."""
    return text if len(text) <= limit else text[:limit]


def storable_post(post: T) -> T:
    """A post (a dataclass) with its author, profile fields and raw payload without lone
    surrogates."""
    return storable(post)
