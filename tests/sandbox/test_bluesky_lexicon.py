"""The sandbox's own reading of ``app.bsky.feed.post``: record rules, TIDs, datetimes, facets."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from console.sandbox.bluesky_facets import facets_for
from console.sandbox.bluesky_lexicon import (
    InvalidRecord,
    atproto_datetime,
    check_post,
    is_datetime,
    is_tid,
    make_tid,
)

POST = {"$type": "app.bsky.feed.post", "text": "José hola", "createdAt": "2024-05-01T10:00:00Z"}
REF = {"uri": "at://did:plc:bea/app.bsky.feed.post/3kabcdefghij2", "cid": "bafyreiabcdefgh"}


def _tag(start: int, end: int) -> dict[str, object]:
    return {"index": {"byteStart": start, "byteEnd": end},
            "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": "x"}]}


def test_a_valid_post_passes() -> None:
    check_post({**POST, "langs": ["es", "en-GB"], "reply": {"root": REF, "parent": REF},
                "facets": [_tag(0, 5)], "tags": ["ventalia"]})


@pytest.mark.parametrize("change, path", [
    ({"text": "a" * 301}, "Record/text"),
    ({"text": "👨‍👩‍👧‍👦" * 121}, "Record/text"),  # 121 graphemes, 3025 bytes
    ({"createdAt": "yesterday"}, "Record/createdAt"),
    ({"createdAt": "2024-05-01T10:00:00"}, "Record/createdAt"),  # no time zone
    ({"createdAt": "2024-02-30T10:00:00Z"}, "Record/createdAt"),
    ({"createdAt": "2024-05-01T10:00:00-00:00"}, "Record/createdAt"),
    ({"langs": ["es", "en", "fr", "de"]}, "Record/langs"),
    ({"reply": {"root": REF}}, "Record/reply/parent"),
    ({"reply": {"root": REF, "parent": {**REF, "uri": "https://bsky.app"}}},
     "Record/reply/parent/uri"),
    ({"facets": [_tag(0, 4)]}, "Record/facets/0/index"),  # ends inside the é of José
    ({"facets": [_tag(0, 99)]}, "Record/facets/0/index"),
    ({"facets": [{**_tag(0, 5), "features": [{"$type": "x"}]}]}, "Record/facets/0/features/0"),
    ({"tags": ["t"] * 9}, "Record/tags"),
])
def test_a_broken_rule_names_its_field(change: dict[str, object], path: str) -> None:
    with pytest.raises(InvalidRecord, match=f"^{path} "):
        check_post({**POST, **change})


def test_tids_are_13_sortable_characters() -> None:
    early, late = make_tid(1_700_000_000_000_000, 7), make_tid(1_700_000_000_000_001, 0)
    assert is_tid(early) and is_tid(late) and early < late and len(early) == 13
    assert make_tid(0) == "2222222222222"  # the spec's TID for zero
    assert not is_tid("3kabcdefghij") and not is_tid("zzzzzzzzzzzzz")


def test_datetimes_are_written_the_way_they_are_read() -> None:
    moment = datetime(2024, 5, 1, 10, 0, 0, 123456, tzinfo=UTC)
    assert atproto_datetime(moment) == "2024-05-01T10:00:00.123Z"
    assert is_datetime(atproto_datetime(moment)) and is_datetime("2024-05-01T12:00:00+02:00")


def test_facets_count_utf8_bytes() -> None:
    text = "José @ana.bsky.example mira https://x.example/a). #Fallo, #123"
    facets = facets_for(text, {"ana.bsky.example": "did:plc:ana"}.get)
    raw = text.encode()
    spans = [raw[f["index"]["byteStart"]:f["index"]["byteEnd"]].decode() for f in facets]
    assert spans == ["@ana.bsky.example", "https://x.example/a", "#Fallo"]
    assert [f["features"][0].get("did") or f["features"][0].get("uri")
            or f["features"][0].get("tag") for f in facets] == [
        "did:plc:ana", "https://x.example/a", "Fallo"]
    assert facets_for("@nadie.bsky.example hola", lambda handle: None) == []
