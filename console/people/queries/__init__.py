"""All of the people feature's SQL, one module per subject.

- :mod:`.customers`: customers, their authors, tags, link decisions, lists and search;
- :mod:`.merges`: moving a customer's accounts, notes and tags, and the merge records;
- :mod:`.notes`: agents' notes on a customer or an author;
- :mod:`.person`: a person's cases, figures and timeline;
- :mod:`.profiles`: author profiles and the lookups behind suggestions and certain links.

Small named functions that take the peewee ``Database`` and plain values and return rows,
ids or plain values; the logic modules (customers, merge, notes, person, suggest,
timeline, linking_step) hold no SQL. Writes run inside the caller's ``Store.write()``
transaction. Statements use ``?`` placeholders; those marked ``SQLite:`` also rely on
something PostgreSQL lacks or spells differently (left as they are until the team
database work ports them). ``cursor.lastrowid`` is SQLite's; PostgreSQL would need
``RETURNING id``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

Row = Sequence[Any]
CHUNK = 500  # ids bound per statement, well under SQLite's limit on parameters


def marks(ids: Sequence[object]) -> str:
    """One ``?`` per id, comma separated, for an ``IN (...)``."""
    return ",".join("?" * len(ids))


def chunks(ids: Sequence[int], size: int = CHUNK) -> Iterator[list[int]]:
    """`ids` in slices of at most `size`."""
    items = list(ids)
    for start in range(0, len(items), size):
        yield items[start:start + size]
