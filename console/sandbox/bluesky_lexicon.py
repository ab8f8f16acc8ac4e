"""The sandbox PDS's own reading of the AT Protocol rules for ``app.bsky.feed.post`` records.

Written from the published lexicons and specs, not from Posventa's Bluesky client, so the
fake server judges what the client sends the way the network would and can disagree with
it (``console/sandbox`` imports nothing of ``console`` but ``console.resources``):

- ``app.bsky.feed.post``: ``text`` (required; at most 300 graphemes and 3000 UTF-8 bytes),
  ``createdAt`` (required, format ``datetime``), ``langs`` (at most 3, format
  ``language``), ``reply`` = ``{root, parent}``, each a ``com.atproto.repo.strongRef``
  ``{uri (at-uri), cid}``, ``facets`` (``app.bsky.richtext.facet``: a ``byteSlice``
  ``{byteStart, byteEnd}`` over the UTF-8 text and a list of ``#mention {did}``,
  ``#link {uri}`` or ``#tag {tag}`` features) and ``tags`` (at most 8, each at most 64
  graphemes and 640 bytes). The record key is a TID.
- ``datetime`` (atproto.com/specs/lexicon): RFC 3339 and ISO 8601 at once, upper-case
  ``T``, whole seconds at least, a time zone always (``Z`` or ``+hh:mm``; ``-00:00`` is not
  one).
- TIDs (atproto.com/specs/tid): a 64-bit integer whose top bit is 0, then 53 bits of
  microseconds since the epoch and a 10-bit clock id, written as 13 base32-sortable
  characters (``234567abcdefghijklmnopqrstuvwxyz``).

Messages follow the PDS's ``Record/<path> must ...`` style; the API puts them after
``Invalid app.bsky.feed.post record:`` in an ``InvalidRecord`` XRPC error.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import regex

POST_NSID = "app.bsky.feed.post"
FACET_NSID = "app.bsky.richtext.facet"
MENTION_FEATURE = f"{FACET_NSID}#mention"
LINK_FEATURE = f"{FACET_NSID}#link"
TAG_FEATURE = f"{FACET_NSID}#tag"

TEXT_GRAPHEMES, TEXT_BYTES = 300, 3000
LANGS_AT_MOST = 3
TAGS_AT_MOST, TAG_GRAPHEMES, TAG_BYTES = 8, 64, 640

SORTABLE_BASE32 = "234567abcdefghijklmnopqrstuvwxyz"

# The identifier syntaxes, from atproto.com/specs/{did,handle,at-uri-scheme,tid}.
_DID = re.compile(r"did:[a-z]+:[A-Za-z0-9._:%-]*[A-Za-z0-9._-]")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HANDLE = re.compile(rf"(?:{_LABEL}\.)+[A-Za-z](?:[A-Za-z0-9-]{{0,61}}[A-Za-z0-9])?")
_TID = re.compile(f"[{SORTABLE_BASE32[:16]}][{SORTABLE_BASE32}]{{12}}")
_AT_URI = re.compile(r"at://([^/?#\s]+)/([A-Za-z0-9.-]+)/([A-Za-z0-9._:~-]{1,512})")
_CID = re.compile(r"b[a-z2-7]{7,255}|Qm[1-9A-HJ-NP-Za-km-z]{44}")  # CIDv1 base32 or CIDv0
_DATETIME = re.compile(
    r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d{1,20})?(Z|[+-]\d{2}:\d{2})")
_LANGUAGE = re.compile(r"(?:[A-Za-z]{2,3}|[ixIX])(?:-[A-Za-z0-9]{1,8})*")
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+")
_GRAPHEME = regex.compile(r"\X")


class InvalidRecord(ValueError):
    """A record breaks its lexicon; the message names the field, as the PDS does."""


# -- the string formats ------------------------------------------------------------------


def graphemes(text: str) -> int:
    """User-perceived characters (Unicode extended grapheme clusters)."""
    return len(_GRAPHEME.findall(text))


def is_did(value: str) -> bool:
    return len(value) <= 2048 and _DID.fullmatch(value) is not None


def is_handle(value: str) -> bool:
    return len(value) <= 253 and _HANDLE.fullmatch(value) is not None


def is_tid(value: str) -> bool:
    return _TID.fullmatch(value) is not None


def is_record_uri(value: str) -> bool:
    """An ``at://authority/collection/rkey`` URI naming one record."""
    return len(value) <= 8192 and _AT_URI.fullmatch(value) is not None


def is_datetime(value: str) -> bool:
    match = _DATETIME.fullmatch(value)
    if match is None or match.group(4) == "-00:00":
        return False
    fraction = (match.group(3) or "")[:7]  # Python reads at most microseconds
    try:
        datetime.fromisoformat(f"{match.group(1)}T{match.group(2)}{fraction}"
                               f"{match.group(4).replace('Z', '+00:00')}")
    except ValueError:
        return False  # 2024-02-30, 25:00 and the like
    return True


def atproto_datetime(moment: datetime) -> str:
    """``moment`` as the network writes datetimes: UTC, milliseconds, a ``Z``."""
    utc = moment.astimezone(UTC)
    return utc.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def make_tid(micros: int, clock_id: int = 0) -> str:
    """The TID for ``micros`` since the epoch and a clock id (0-1023)."""
    number = (micros % (1 << 53)) << 10 | clock_id % 1024
    return "".join(SORTABLE_BASE32[(number >> shift) & 31] for shift in range(60, -1, -5))


# -- app.bsky.feed.post ------------------------------------------------------------------


def _string(record: dict[str, Any], name: str, required: bool = False) -> str | None:
    value = record.get(name)
    if value is None and not required:
        return None
    if value is None:
        raise InvalidRecord(f'Record must have the property "{name}"')
    if not isinstance(value, str):
        raise InvalidRecord(f"Record/{name} must be a string")
    return value


def _strong_ref(value: Any, path: str) -> None:
    if not isinstance(value, dict):
        raise InvalidRecord(f"{path} must be an object")
    for name in ("uri", "cid"):
        if not isinstance(value.get(name), str):
            raise InvalidRecord(f'{path} must have the property "{name}"')
    if not is_record_uri(value["uri"]):
        raise InvalidRecord(f"{path}/uri must be a valid at-uri")
    if _CID.fullmatch(value["cid"]) is None:
        raise InvalidRecord(f"{path}/cid must be a cid string")


def _feature(feature: Any, path: str) -> None:
    kind = feature.get("$type") if isinstance(feature, dict) else None
    if kind == MENTION_FEATURE:
        did = feature.get("did")
        if not isinstance(did, str) or not is_did(did):
            raise InvalidRecord(f"{path}/did must be a valid did")
    elif kind == LINK_FEATURE:
        uri = feature.get("uri")
        if not isinstance(uri, str) or _URI.fullmatch(uri) is None:
            raise InvalidRecord(f"{path}/uri must be a uri")
    elif kind == TAG_FEATURE:
        tag = feature.get("tag")
        if not isinstance(tag, str) or not tag:
            raise InvalidRecord(f'{path} must have the property "tag"')
        if graphemes(tag) > TAG_GRAPHEMES or len(tag.encode()) > TAG_BYTES:
            raise InvalidRecord(f"{path}/tag must not be longer than {TAG_GRAPHEMES} graphemes")
    else:
        raise InvalidRecord(f"{path} must be an object which includes the \"$type\" property "
                            f"{MENTION_FEATURE}, {LINK_FEATURE} or {TAG_FEATURE}")


def _facet(facet: Any, path: str, utf8: bytes) -> None:
    if not isinstance(facet, dict) or not isinstance(facet.get("index"), dict):
        raise InvalidRecord(f'{path} must have the property "index"')
    index = facet["index"]
    for name in ("byteStart", "byteEnd"):
        value = index.get(name)
        if type(value) is not int or value < 0:
            raise InvalidRecord(f"{path}/index/{name} must be an integer of at least 0")
    start, end = index["byteStart"], index["byteEnd"]
    if not start < end <= len(utf8):
        raise InvalidRecord(f"{path}/index covers bytes {start} to {end} of a "
                            f"{len(utf8)}-byte text")
    # A UTF-8 continuation byte is 0b10xxxxxx: a slice starting or ending on one halves a
    # character.
    if any(at < len(utf8) and utf8[at] >> 6 == 0b10 for at in (start, end)):
        raise InvalidRecord(f"{path}/index splits a character of the text")
    features = facet.get("features")
    if not isinstance(features, list) or not features:
        raise InvalidRecord(f"{path}/features must be a non-empty array")
    for n, feature in enumerate(features):
        _feature(feature, f"{path}/features/{n}")


def check_post(record: Any) -> None:
    """Raise :class:`InvalidRecord` unless ``record`` is a valid ``app.bsky.feed.post``."""
    if not isinstance(record, dict):
        raise InvalidRecord("Record must be an object")
    if record.get("$type") != POST_NSID:
        raise InvalidRecord(f'Record/$type must be "{POST_NSID}"')
    text = _string(record, "text", required=True) or ""
    if graphemes(text) > TEXT_GRAPHEMES:
        raise InvalidRecord(f"Record/text must not be longer than {TEXT_GRAPHEMES} graphemes "
                            f"(it has {graphemes(text)})")
    utf8 = text.encode("utf-8")
    if len(utf8) > TEXT_BYTES:
        raise InvalidRecord(f"Record/text must not be longer than {TEXT_BYTES} bytes "
                            f"(it has {len(utf8)})")
    if not is_datetime(_string(record, "createdAt", required=True) or ""):
        raise InvalidRecord("Record/createdAt must be a valid atproto datetime "
                            "(both RFC 3339 and ISO 8601, with a time zone)")
    langs = record.get("langs")
    if langs is not None:
        if not isinstance(langs, list) or len(langs) > LANGS_AT_MOST:
            raise InvalidRecord(f"Record/langs must be an array of at most {LANGS_AT_MOST}")
        for n, code in enumerate(langs):
            if not isinstance(code, str) or _LANGUAGE.fullmatch(code) is None:
                raise InvalidRecord(f"Record/langs/{n} must be a well-formed BCP 47 language tag")
    reply = record.get("reply")
    if reply is not None:
        if not isinstance(reply, dict):
            raise InvalidRecord("Record/reply must be an object")
        _strong_ref(reply.get("root"), "Record/reply/root")
        _strong_ref(reply.get("parent"), "Record/reply/parent")
    facets = record.get("facets")
    if facets is not None:
        if not isinstance(facets, list):
            raise InvalidRecord("Record/facets must be an array")
        for n, facet in enumerate(facets):
            _facet(facet, f"Record/facets/{n}", utf8)
    tags = record.get("tags")
    if tags is not None:
        if not isinstance(tags, list) or len(tags) > TAGS_AT_MOST:
            raise InvalidRecord(f"Record/tags must be an array of at most {TAGS_AT_MOST}")
        for n, tag in enumerate(tags):
            if (not isinstance(tag, str) or graphemes(tag) > TAG_GRAPHEMES
                    or len(tag.encode()) > TAG_BYTES):
                raise InvalidRecord(f"Record/tags/{n} must be a string of at most "
                                    f"{TAG_GRAPHEMES} graphemes")
