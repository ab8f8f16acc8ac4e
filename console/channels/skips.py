"""Reading a page item by item: an item that cannot be read is skipped and named.

What a network sends is hostile until parsed, and one bad item (a status with
``account: null``, a year-0 date, a string where an object belongs) must not cost the
good items around it, nor block the account on every sync. Each channel reads its pages
through :class:`Skips`; the engine reports what was skipped in the account's status.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from console.channels.base import MalformedResponse, SkippedItem

log = logging.getLogger(__name__)

# What a parser can raise on a shape it did not expect, besides MalformedResponse.
_UNREADABLE = (MalformedResponse, TypeError, ValueError, AttributeError, KeyError,
               IndexError, OverflowError)
MAX_NAME = 80


def name_item(data: Any, what: str, position: int, key: str = "id") -> str:
    """How the agent is told which item it was: ``"status 1234"``, else its place."""
    value = data.get(key) if isinstance(data, dict) else None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str) and value.strip():
        return f"{what} {value.strip()[:MAX_NAME]}"
    return f"{what} #{position + 1}"


class Skips:
    """The items of one pull that could not be read (``items``, in the order met)."""

    def __init__(self) -> None:
        self.items: list[SkippedItem] = []

    @contextmanager
    def item(self, name: str) -> Iterator[None]:
        """Run the reading of one item; if it fails, remember it as skipped and go on."""
        try:
            yield
        except _UNREADABLE as exc:
            reason = str(exc) if isinstance(exc, MalformedResponse) else (
                f"unreadable ({type(exc).__name__})")
            skipped = SkippedItem(name, reason or "unreadable")
            if skipped not in self.items:  # a page read twice names it once
                log.info("skipped %s: %s", name, reason)
                self.items.append(skipped)
