"""Text from the network made storable: lone surrogates become U+FFFD.

A JSON answer may carry ``"\\ud800"``: an escape for half a UTF-16 pair, which is how
invalid UTF-8 a server kept reaches a client. Python decodes it into a string that SQLite
(and any UTF-8 file) refuses, so one such post would stop an account's sync for good.
Every post is passed through :func:`storable_post` before it is stored; everything else
in it, controls and bidi marks included, is kept exactly as sent. Nothing here knows what
a post is: any dataclass has its text fields (and those of the dataclasses, lists and dicts
in it) cleaned.
"""

from __future__ import annotations

import dataclasses
import re
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


def storable(value: T) -> T:
    """``value`` (a string, or lists, tuples and dicts of them) with lone surrogates
    replaced; the same object when there is nothing to replace."""
    if isinstance(value, str):
        return _SURROGATE.sub(REPLACEMENT, value) if _needs(value) else value  # type: ignore[return-value]
    if isinstance(value, dict):
        items = [(storable(k), storable(v)) for k, v in value.items()]
        if all(k is k0 and v is v0 for (k, v), (k0, v0) in zip(items, value.items(),
                                                                  strict=True)):
            return value
        return dict(items)  # type: ignore[return-value]
    if isinstance(value, list | tuple):
        cleaned = [storable(item) for item in value]
        if all(a is b for a, b in zip(cleaned, value, strict=True)):
            return value
        return (cleaned if isinstance(value, list) else tuple(cleaned))  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes: dict[str, Any] = {}
        for f in dataclasses.fields(value):
            old = getattr(value, f.name)
            new = storable(old)
            if new is not old:
                changes[f.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value


def storable_post(post: T) -> T:
    """A post (a dataclass) with its author, profile fields and raw payload without lone
    surrogates."""
    return storable(post)
