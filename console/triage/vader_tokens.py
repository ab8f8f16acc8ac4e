"""VADER's split of a text into words and emoticons, the same list in a fraction of the time.

nltk's ``SentiText`` strips a leading or trailing punctuation mark from a token only when
what is left is a word of the text; to know, it builds a dictionary of every punctuation
mark joined before and after every word (about 34 entries per word) for each text it
reads. That is most of VADER's cost on a post. This split tries the marks on the tokens
that carry one instead, and gives the same list: the stripped word never contains ASCII
punctuation, so at most one mark fits a token, and a mark before a word and a mark after
one can never spell the same token. ``tests/triage/test_vader_tokens.py`` checks it
against nltk's own on every written post.

The faster class replaces nltk's for the whole process (``install``), since its analyzer
looks the class up by name; ``stock`` puts nltk's back for a block, for the benchmark that
measures VADER as shipped.
"""

from __future__ import annotations

import string
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from re import Pattern
from typing import Any

from nltk.sentiment import vader

_PUNCTUATION = frozenset(string.punctuation)
_STOCK: Any = vader.SentiText


def words_and_emoticons(text: str, marks: Sequence[str], strip: Pattern[str]) -> list[str]:
    """The tokens of ``text`` longer than one character, a punctuation mark (one of
    ``marks``) taken off either end when what is left is a word of the text."""
    words = {w for w in strip.sub("", text).split() if len(w) > 1}
    tokens = []
    for token in text.split():
        if len(token) < 2:
            continue
        if token[0] in _PUNCTUATION:
            for mark in marks:
                if token.startswith(mark) and token[len(mark):] in words:
                    token = token[len(mark):]
                    break
        elif token[-1] in _PUNCTUATION:
            for mark in marks:
                if token.endswith(mark) and token[:-len(mark)] in words:
                    token = token[:-len(mark)]
                    break
        tokens.append(token)
    return tokens


class QuickSentiText(_STOCK):
    """nltk's SentiText with the faster split."""

    def _words_and_emoticons(self) -> list[str]:
        return words_and_emoticons(self.text, self.PUNC_LIST, self.REGEX_REMOVE_PUNCTUATION)


def install() -> None:
    """Make every VADER analyzer of this process split text the faster way."""
    vader.SentiText = QuickSentiText


@contextmanager
def stock() -> Iterator[None]:
    """nltk's own split for the duration of the block (to measure VADER as shipped)."""
    current = vader.SentiText
    vader.SentiText = _STOCK
    try:
        yield
    finally:
        vader.SentiText = current
