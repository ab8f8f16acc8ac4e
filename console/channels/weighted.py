"""X's weighted length of a post ("280 characters"), counted the way X documents it.

From X's "Counting characters" page (twitter-text, configuration v3): the text is taken in
Unicode NFC; a code point in the Latin, Greek, Cyrillic, Arabic, Hebrew, Indic... blocks
(U+0000-U+10FF) and a few punctuation ranges weighs 1, every other code point (CJK, most
symbols) weighs 2; an emoji weighs 2 however many code points make it (skin tones, ZWJ
families, flags); every URL weighs 23, whatever its length, because X wraps it in t.co.
"""

from __future__ import annotations

import unicodedata

import regex

LIMIT = 280
URL_WEIGHT = 23
_LIGHT = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))
# Links X recognises: with a scheme, or a bare domain under a common top-level domain.
_TLDS = ("com|net|org|edu|gov|info|biz|io|co|es|mx|ar|cl|pe|uy|ec|bo|ve|br|pt|uk|de|fr|it|"
         "nl|eu|us|ca|me|tv|ly|app|dev|shop|store|online|site")
URL = regex.compile(
    r"(?:(?<![\w@.])https?://[^\s<>\"]+|(?<![\w@./])(?:www\.)?(?:[a-z0-9-]+\.)+(?:"
    + _TLDS + r")(?![\w-])(?::\d{1,5})?(?:/[^\s<>\"]*)?)", regex.IGNORECASE)
_TRAILING = ".,;:!?¡¿'\")]}…"
_GRAPHEME = regex.compile(r"\X")
_PICTOGRAPH = regex.compile(r"[\p{Extended_Pictographic}\p{Regional_Indicator}\uFE0F\u20E3]")


def url_spans(text: str) -> list[tuple[int, int]]:
    """Where the links of ``text`` are (start, end), trailing punctuation left out."""
    spans = []
    for match in URL.finditer(text):
        start, end = match.span()
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def _weight(ch: str) -> int:
    code = ord(ch)
    return 1 if any(low <= code <= high for low, high in _LIGHT) else 2


def _is_emoji(cluster: str) -> bool:
    if not _PICTOGRAPH.search(cluster):
        return False
    # A plain © or ® (Latin-1) is a character, not an emoji, unless VS16 makes it one.
    return "\ufe0f" in cluster or any(ord(c) >= 0x2000 for c in cluster)


def count_weighted(text: str) -> int:
    """The weighted length X gives ``text`` (X's limit is :data:`LIMIT`)."""
    text = unicodedata.normalize("NFC", text)
    total = 0
    position = 0
    for start, end in [*url_spans(text), (len(text), len(text))]:
        for cluster in _GRAPHEME.findall(text[position:start]):
            total += 2 if _is_emoji(cluster) else sum(_weight(c) for c in cluster)
        if end > start:
            total += URL_WEIGHT
        position = end
    return total
