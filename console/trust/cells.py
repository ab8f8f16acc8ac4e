"""Spreadsheet cells that never run: text a spreadsheet would read as a formula is written
as text in every CSV Posventa writes.

A post or a display name such as ``=HYPERLINK("http://evil.example","click")``, ``+1+1``
or ``@SUM(A1)`` becomes a live formula when the agent opens the export in a spreadsheet
(OWASP "CSV injection"). As OWASP recommends, a text cell starting with = + - @, a tab or
a carriage return gets a leading apostrophe, which spreadsheets read as "this is text".
Numbers stay numbers: a negative sentiment score is a number, not a formula, and only
values that are strings in Python are ever changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert_cell(value: Any) -> Any:
    """``value`` made safe for a CSV cell: a string a spreadsheet would evaluate gets a
    leading apostrophe; anything else (numbers, None, booleans) is returned as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def inert_row(values: Iterable[Any]) -> list[Any]:
    """A CSV row (for ``csv.writer``) with every cell made safe by :func:`inert_cell`."""
    return [inert_cell(value) for value in values]


def inert_record(record: dict[str, Any]) -> dict[str, Any]:
    """A CSV record (for ``csv.DictWriter``) with every value made safe."""
    return {key: inert_cell(value) for key, value in record.items()}
