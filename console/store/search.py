"""Turning what an agent types into a safe FTS5 query.

The search box is user input: quotes, stars and bare AND/OR must never reach FTS5 as
syntax. Every word becomes a quoted prefix term, so "devolucion cancel" finds posts
with both "devolución" and "cancelar" (the index folds accents).
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12


def search_words(text: str) -> list[str]:
    """The words of a search box that are searched for (at most MAX_TERMS)."""
    return _WORD.findall(text or "")[:MAX_TERMS]


def fts_query(text: str) -> str | None:
    """The FTS5 MATCH expression for a search box, or None when nothing is searchable."""
    words = search_words(text)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)
