"""Bluesky post text: facets with UTF-8 byte offsets, the ``app.bsky.feed.post`` rules, TIDs.

Facets (``app.bsky.richtext.facet``) mark @mentions, links and #tags by *byte* ranges of the
UTF-8 encoded text, so "José https://x.example" puts the link at byte 6, not character 5.
:func:`validate_post` checks a record against the lexicon before it leaves (text at most
300 graphemes and 3000 bytes, at most 3 ``langs``, strong refs, facet bounds and features).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from console.channels.base import count_graphemes

POST_TYPE = "app.bsky.feed.post"
MAX_GRAPHEMES = 300
MAX_BYTES = 3000
MAX_LANGS = 3
MAX_TAGS = 8
TAG_MAX_GRAPHEMES = 64
TAG_MAX_BYTES = 640
FACET = "app.bsky.richtext.facet"
MENTION, LINK, TAG = f"{FACET}#mention", f"{FACET}#link", f"{FACET}#tag"

_HANDLE = (r"(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+"
           r"[a-zA-Z](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?")
HANDLE_RE = re.compile(rf"^{_HANDLE}$")
_MENTION_RE = re.compile(rf"(?:^|(?<=[\s(]))@({_HANDLE})")
_LINK_RE = re.compile(r"(?:^|(?<=[\s(]))(https?://[^\s]+)", re.IGNORECASE)
_TAG_RE = re.compile(r"(?:^|(?<=\s))[#＃]([^\s#＃]+)")
_TRAILING = ".,;:!?¡¿\"'’”»"
DID_RE = re.compile(r"^did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]$")
AT_URI_RE = re.compile(r"^at://([^/\s]+)/([a-zA-Z0-9.-]+)/([a-zA-Z0-9._:~-]{1,512})$")
CID_RE = re.compile(r"^[a-zA-Z0-9+=]{8,256}$")
LANG_RE = re.compile(r"^(?:[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8})*|i-[a-zA-Z0-9-]+)$")
DATETIME_RE = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$")
_TID_CHARS = "234567abcdefghijklmnopqrstuvwxyz"
TID_RE = re.compile(r"^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$")


class RecordInvalid(ValueError):
    """A post record breaks a rule of the ``app.bsky.feed.post`` lexicon; says which."""


@dataclass(frozen=True)
class Span:
    """One facet candidate found in the text: a character range and what it is."""

    start: int  # character offsets into the str
    end: int
    kind: str  # "mention" | "link" | "tag"
    value: str  # handle (no '@'), full URL, or tag (no '#')


def utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


def byte_offset(text: str, index: int) -> int:
    """The UTF-8 byte offset of character ``index`` of ``text``."""
    return utf8_len(text[:index])


def _trim(value: str) -> str:
    """A link or tag without the punctuation that ends the sentence around it."""
    while value and value[-1] in _TRAILING:
        value = value[:-1]
    if value.endswith(")") and value.count("(") < value.count(")"):
        value = value[:-1]
    return value


def find_spans(text: str) -> list[Span]:
    """@handles, http(s) links and #tags in ``text``, in order, never overlapping."""
    spans: list[Span] = []
    for m in _MENTION_RE.finditer(text):
        handle = m.group(1)
        spans.append(Span(m.start(), m.start() + 1 + len(handle), "mention", handle.lower()))
    for m in _LINK_RE.finditer(text):
        url = _trim(m.group(1))
        if len(url) > len("https://"):
            spans.append(Span(m.start(1), m.start(1) + len(url), "link", url))
    for m in _TAG_RE.finditer(text):
        tag = _trim(m.group(1))
        if tag and not tag.isdigit() and count_graphemes(tag) <= TAG_MAX_GRAPHEMES:
            spans.append(Span(m.start(), m.start() + 1 + len(tag), "tag", tag))
    spans.sort(key=lambda s: s.start)
    kept: list[Span] = []
    for span in spans:
        if kept and span.start < kept[-1].end:
            continue  # e.g. an @ or # inside a URL
        kept.append(span)
    return kept


def build_facets(text: str, resolve: Callable[[str], str | None]) -> list[dict[str, Any]]:
    """Facets for ``text``; ``resolve(handle)`` gives a DID, or None to leave it plain text."""
    facets: list[dict[str, Any]] = []
    for span in find_spans(text):
        feature: dict[str, Any]
        if span.kind == "mention":
            did = resolve(span.value)
            if not did:
                continue
            feature = {"$type": MENTION, "did": did}
        elif span.kind == "link":
            feature = {"$type": LINK, "uri": span.value}
        else:
            feature = {"$type": TAG, "tag": span.value}
        facets.append({
            "index": {"byteStart": byte_offset(text, span.start),
                      "byteEnd": byte_offset(text, span.end)},
            "features": [feature],
        })
    return facets


# --- the lexicon rules ------------------------------------------------------------------------


def _strong_ref(value: Any, where: str) -> None:
    if not isinstance(value, dict):
        raise RecordInvalid(f"{where} must be a strong reference {{uri, cid}}")
    uri, cid = value.get("uri"), value.get("cid")
    if not isinstance(uri, str) or not AT_URI_RE.match(uri):
        raise RecordInvalid(f"{where}.uri must be an at:// URI")
    if not isinstance(cid, str) or not CID_RE.match(cid):
        raise RecordInvalid(f"{where}.cid must be a CID")


def _facet(facet: Any, i: int, size: int, raw: bytes) -> None:
    where = f"facets[{i}]"
    if not isinstance(facet, dict):
        raise RecordInvalid(f"{where} must be an object")
    index = facet.get("index")
    if not isinstance(index, dict):
        raise RecordInvalid(f"{where}.index must be a byte slice")
    start, end = index.get("byteStart"), index.get("byteEnd")
    for name, value in (("byteStart", start), ("byteEnd", end)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise RecordInvalid(f"{where}.index.{name} must be an integer of at least 0")
    assert isinstance(start, int) and isinstance(end, int)
    if not start < end <= size:
        raise RecordInvalid(f"{where} covers bytes {start}-{end} outside the {size}-byte text")
    for offset in (start, end):
        if offset < size and (raw[offset] & 0xC0) == 0x80:
            raise RecordInvalid(f"{where} cuts a character in half at byte {offset}")
    features = facet.get("features")
    if not isinstance(features, list) or not features:
        raise RecordInvalid(f"{where}.features must be a non-empty list")
    for feature in features:
        kind = feature.get("$type") if isinstance(feature, dict) else None
        if kind == MENTION:
            if not isinstance(feature.get("did"), str) or not DID_RE.match(feature["did"]):
                raise RecordInvalid(f"{where}: a mention needs a DID")
        elif kind == LINK:
            uri = feature.get("uri")
            if not isinstance(uri, str) or not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$", uri):
                raise RecordInvalid(f"{where}: a link needs a URI")
        elif kind == TAG:
            tag = feature.get("tag")
            if (not isinstance(tag, str) or not tag or utf8_len(tag) > TAG_MAX_BYTES
                    or count_graphemes(tag) > TAG_MAX_GRAPHEMES):
                raise RecordInvalid(f"{where}: a tag must be 1 to 64 graphemes")
        else:
            raise RecordInvalid(f"{where}: unknown facet feature {kind!r}")


def validate_post(record: Any) -> None:
    """Raise :class:`RecordInvalid` unless ``record`` is a valid ``app.bsky.feed.post``."""
    if not isinstance(record, dict):
        raise RecordInvalid("a post record must be an object")
    if record.get("$type") != POST_TYPE:
        raise RecordInvalid(f"$type must be {POST_TYPE}")
    text = record.get("text")
    if not isinstance(text, str):
        raise RecordInvalid("text is required and must be a string")
    raw = text.encode("utf-8")
    if count_graphemes(text) > MAX_GRAPHEMES:
        raise RecordInvalid(f"text is {count_graphemes(text)} graphemes; the limit is 300")
    if len(raw) > MAX_BYTES:
        raise RecordInvalid(f"text is {len(raw)} bytes; the limit is 3000")
    created = record.get("createdAt")
    if not isinstance(created, str) or not DATETIME_RE.match(created):
        raise RecordInvalid("createdAt must be an RFC 3339 date-time with a time zone")
    try:
        datetime.fromisoformat(created.replace("Z", "+00:00"))
    except ValueError:
        raise RecordInvalid("createdAt is not a real date-time") from None
    langs = record.get("langs")
    if langs is not None:
        if not isinstance(langs, list) or len(langs) > MAX_LANGS:
            raise RecordInvalid("langs must be a list of at most 3 languages")
        if not all(isinstance(code, str) and LANG_RE.match(code) for code in langs):
            raise RecordInvalid("every entry of langs must be a BCP-47 language tag")
    reply = record.get("reply")
    if reply is not None:
        if not isinstance(reply, dict):
            raise RecordInvalid("reply must be an object with root and parent")
        _strong_ref(reply.get("root"), "reply.root")
        _strong_ref(reply.get("parent"), "reply.parent")
    facets = record.get("facets")
    if facets is not None:
        if not isinstance(facets, list):
            raise RecordInvalid("facets must be a list")
        for i, facet in enumerate(facets):
            _facet(facet, i, len(raw), raw)
    tags = record.get("tags")
    if tags is not None and (not isinstance(tags, list) or len(tags) > MAX_TAGS or not all(
            isinstance(t, str) and utf8_len(t) <= TAG_MAX_BYTES
            and count_graphemes(t) <= TAG_MAX_GRAPHEMES for t in tags)):
        raise RecordInvalid("tags must be at most 8 strings of at most 64 graphemes")


# --- record keys ------------------------------------------------------------------------------


def tid(micros: int, clock_id: int = 0) -> str:
    """A timestamp identifier: 53 bits of microseconds and 10 of clock id, base32-sortable."""
    value = ((micros & ((1 << 53) - 1)) << 10) | (clock_id & 0x3FF)
    out = []
    for _ in range(13):
        out.append(_TID_CHARS[value & 31])
        value >>= 5
    return "".join(reversed(out))


_TID_BASE = 1_672_531_200_000_000  # 2023-01-01T00:00:00Z in microseconds
_TID_SPAN = 2 * 365 * 86_400 * 1_000_000


def rkey_for(idempotency_key: str) -> str:
    """The record key a reply with this idempotency key always gets (a valid TID).

    Sending again with the same key names the same record, so a retry after a crash finds
    the reply already there instead of posting it twice.
    """
    digest = hashlib.sha256(idempotency_key.encode("utf-8")).digest()
    micros = _TID_BASE + int.from_bytes(digest[:8], "big") % _TID_SPAN
    return tid(micros, int.from_bytes(digest[8:10], "big"))
