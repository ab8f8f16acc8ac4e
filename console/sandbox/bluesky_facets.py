"""Rich-text facets for the sandbox's own Bluesky posts, as the Bluesky app would add them.

The sample data gives plain text; a post of the sandbox gets the facets a Bluesky client
attaches (docs.bsky.app, "Links, mentions, and rich text"): ``app.bsky.richtext.facet``
entries whose ``byteSlice`` counts bytes of the UTF-8 text, so "José @ana.example" puts the
mention at byte 6 although it is the 6th character. Detection is word by word:

- ``@handle`` (a handle by atproto.com/specs/handle) becomes a ``#mention`` with the DID of
  the actor, or stays plain text when no actor has that handle;
- ``http://`` and ``https://`` addresses become ``#link``;
- ``#word`` becomes a ``#tag`` (without the ``#``) unless it is only digits or longer than
  64 graphemes.

A word may open with ``(``; punctuation that ends the sentence (and an unbalanced ``)``) is
not part of a link or tag. One word gives at most one facet, so facets never overlap.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .bluesky_lexicon import (
    LINK_FEATURE,
    MENTION_FEATURE,
    TAG_FEATURE,
    TAG_GRAPHEMES,
    graphemes,
    is_handle,
)

_WORD = re.compile(r"\S+")
_HANDLE_CHARS = re.compile(r"[A-Za-z0-9.-]+")
_SENTENCE_END = ".,;:!?¡¿\"'’”»"
_HASH = "#＃"  # the full-width sign starts a tag too


def _without_sentence_end(word: str) -> str:
    while word and word[-1] in _SENTENCE_END:
        word = word[:-1]
    if word.endswith(")") and word.count(")") > word.count("("):
        word = word[:-1]
    return word


def _handle_at_start(word: str) -> str | None:
    """The handle an ``@word`` names: the longest run of handle characters, less a final dot."""
    run = _HANDLE_CHARS.match(word)
    if run is None:
        return None
    handle = run.group().rstrip(".")
    rest = word[len(handle):]
    if rest[:1].isalnum() or rest[:1] == "_":
        return None  # "@ana.example_x" names nobody
    return handle if is_handle(handle) else None


def _feature(word: str, resolve: Callable[[str], str | None]) -> tuple[int, dict[str, Any]] | None:
    """How many characters of ``word`` a facet covers and its feature, or None."""
    if word.startswith("@"):
        handle = _handle_at_start(word[1:])
        did = resolve(handle.lower()) if handle else None
        if handle is None or not did:
            return None
        return 1 + len(handle), {"$type": MENTION_FEATURE, "did": did}
    if word[:8].lower() == "https://" or word[:7].lower() == "http://":
        url = _without_sentence_end(word)
        if url.lower() in ("http://", "https://"):
            return None
        return len(url), {"$type": LINK_FEATURE, "uri": url}
    if word[:1] in _HASH:
        body = re.split(f"[{_HASH}]", word[1:], maxsplit=1)[0]
        tag = _without_sentence_end(body)
        if not tag or tag.isdigit() or graphemes(tag) > TAG_GRAPHEMES:
            return None
        return 1 + len(tag), {"$type": TAG_FEATURE, "tag": tag}
    return None


def facets_for(text: str, resolve: Callable[[str], str | None]) -> list[dict[str, Any]]:
    """The facets of ``text``; ``resolve(handle)`` gives the DID of a handle, or None."""
    facets: list[dict[str, Any]] = []
    for word in _WORD.finditer(text):
        start, token = word.start(), word.group()
        if token.startswith("("):
            start, token = start + 1, token[1:]
        found = _feature(token, resolve)
        if found is None:
            continue
        length, feature = found
        byte_start = len(text[:start].encode("utf-8"))
        byte_end = byte_start + len(text[start:start + length].encode("utf-8"))
        facets.append({"index": {"byteStart": byte_start, "byteEnd": byte_end},
                       "features": [feature]})
    return facets
