"""Bluesky text rules: graphemes, facet byte offsets, the app.bsky.feed.post lexicon, TIDs."""

from __future__ import annotations

import pytest

from console.channels.base import ReplyRules, count_graphemes
from console.channels.bluesky.channel import rules
from console.channels.bluesky.text import (
    TID_RE,
    RecordInvalid,
    build_facets,
    find_spans,
    rkey_for,
    tid,
    validate_post,
)
from console.replies.service import ReplyService

FAMILY = "👨‍👩‍👧‍👦"  # four people joined by ZWJ: 7 code points, 25 bytes
FLAGS = "🇪🇸🇵🇪"
THUMB = "👍🏽"  # with a skin tone modifier
RAINBOW = "🏳️‍🌈"
E_ACUTE = "e\u0301"  # e + combining acute accent


@pytest.mark.parametrize(("text", "graphemes"), [
    (FAMILY, 1), (FLAGS, 2), (THUMB, 1), (RAINBOW, 1), (E_ACUTE, 1),
    ("José", 4), ("Jose\u0301", 4), ("한국어", 3), ("\u1100\u1161\u11a8", 1),  # jamo -> 각
    ("🧑🏾‍🔧 arregló", 9), ("", 0), ("a\r\nb", 3),
])
def test_graphemes_are_what_a_person_counts(text: str, graphemes: int) -> None:
    assert count_graphemes(text) == graphemes


def test_reply_rules_measure_graphemes_not_code_points() -> None:
    bluesky = rules()
    assert (bluesky.unit, bluesky.limit, bluesky.max_bytes) == ("graphemes", 300, 3000)
    text = FAMILY * 300
    assert len(text) == 2100 and bluesky.measure(text) == 300
    counter = ReplyService.count(text, bluesky)
    assert (counter.used, counter.limit, counter.unit, counter.over) == (300, 300, "graphemes",
                                                                          False)
    assert ReplyService.count(text + "!", bluesky).over
    assert ReplyRules("characters", 500).measure(FAMILY) == 7


def test_facet_byte_offsets_after_accented_text() -> None:
    text = "José, mira https://ventalia.example/ayuda y escribe a @ventalia.bsky.example 🙏"
    facets = build_facets(text, {"ventalia.bsky.example": "did:plc:brand"}.get)
    raw = text.encode("utf-8")
    link, mention = facets
    # "José, mira " is 11 characters but 12 bytes: the é takes two.
    assert link["index"] == {"byteStart": 12, "byteEnd": 12 + len("https://ventalia.example/ayuda")}
    assert raw[12:link["index"]["byteEnd"]] == b"https://ventalia.example/ayuda"
    assert link["features"] == [{"$type": "app.bsky.richtext.facet#link",
                                 "uri": "https://ventalia.example/ayuda"}]
    start, end = mention["index"]["byteStart"], mention["index"]["byteEnd"]
    assert raw[start:end] == b"@ventalia.bsky.example"
    assert mention["features"] == [{"$type": "app.bsky.richtext.facet#mention",
                                    "did": "did:plc:brand"}]


def test_facets_skip_unresolved_handles_and_trailing_punctuation() -> None:
    text = ("Ver (https://a.example/x). @nadie.example no existe. #VentaliaFail! #123 "
            "correo@b.example")
    spans = find_spans(text)
    assert [(s.kind, s.value) for s in spans] == [
        ("link", "https://a.example/x"), ("mention", "nadie.example"), ("tag", "VentaliaFail")]
    facets = build_facets(text, lambda handle: None)
    assert [f["features"][0]["$type"].rsplit("#", 1)[1] for f in facets] == ["link", "tag"]
    tag = facets[1]
    assert text.encode()[tag["index"]["byteStart"]:tag["index"]["byteEnd"]] == b"#VentaliaFail"
    assert tag["features"][0]["tag"] == "VentaliaFail"


def _record(**changes: object) -> dict:
    record = {"$type": "app.bsky.feed.post", "text": "Hola José", "createdAt":
              "2025-03-01T10:00:00.000Z", "langs": ["es"]}
    record.update(changes)
    return record


REF = {"uri": "at://did:plc:abc/app.bsky.feed.post/3kabcdefghij2", "cid": "bafyreiabcdefgh"}


@pytest.mark.parametrize(("changes", "problem"), [
    ({"$type": "app.bsky.feed.like"}, "$type"),
    ({"text": None}, "text is required"),
    ({"text": "a" * 301}, "301 graphemes"),
    ({"text": FAMILY * 121}, "3025 bytes"),  # 121 graphemes but over 3000 bytes
    ({"createdAt": "2025-03-01 10:00"}, "createdAt"),
    ({"createdAt": "2025-02-30T10:00:00Z"}, "not a real date-time"),
    ({"langs": ["es", "en", "pt", "ca"]}, "at most 3"),
    ({"langs": ["español"]}, "BCP-47"),
    ({"reply": {"root": REF}}, "reply.parent"),
    ({"reply": {"root": REF, "parent": {"uri": "https://bsky.app/x", "cid": "bafyreiabcdefgh"}}},
     "reply.parent.uri"),
    ({"reply": {"root": {"uri": REF["uri"]}, "parent": REF}}, "reply.root.cid"),
    ({"facets": [{"index": {"byteStart": 5, "byteEnd": 11}, "features": [
        {"$type": "app.bsky.richtext.facet#link", "uri": "https://a.example"}]}]}, "outside"),
    ({"facets": [{"index": {"byteStart": 4, "byteEnd": 3}, "features": [
        {"$type": "app.bsky.richtext.facet#link", "uri": "https://a.example"}]}]}, "outside"),
    ({"facets": [{"index": {"byteStart": 0, "byteEnd": 9}, "features": [
        {"$type": "app.bsky.richtext.facet#link", "uri": "https://a.example"}]}]}, "in half"),
    ({"facets": [{"index": {"byteStart": 0, "byteEnd": 4}, "features": [
        {"$type": "app.bsky.richtext.facet#mention", "did": "marca"}]}]}, "DID"),
    ({"facets": [{"index": {"byteStart": 0, "byteEnd": 4}, "features": []}]}, "non-empty"),
    ({"facets": [{"index": {"byteStart": 0, "byteEnd": 4}, "features": [
        {"$type": "app.bsky.richtext.facet#bold"}]}]}, "unknown facet"),
    ({"tags": ["x"] * 9}, "at most 8"),
])
def test_validation_refuses_what_the_lexicon_forbids(changes: dict, problem: str) -> None:
    with pytest.raises(RecordInvalid, match=problem.replace("$", r"\$").replace(".", r"\.")):
        validate_post(_record(**changes))


def test_validation_accepts_a_full_reply() -> None:
    text = "José: https://a.example"
    validate_post(_record(text=text, reply={"root": REF, "parent": REF}, facets=[
        {"index": {"byteStart": 7, "byteEnd": 24},
         "features": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://a.example"}]}]))
    validate_post(_record(text="a" * 300))
    validate_post(_record(text=FAMILY * 120))  # 120 graphemes, 3000 bytes exactly


def test_tids_and_record_keys() -> None:
    assert tid(0) == "2222222222222"
    assert TID_RE.match(tid(1_700_000_000_000_000, 513))
    assert tid(1_700_000_000_000_000) < tid(1_700_000_000_000_001)  # sortable as text
    key = rkey_for("3f6c9a1e-0000-4000-8000-000000000001")
    assert TID_RE.match(key) and key == rkey_for("3f6c9a1e-0000-4000-8000-000000000001")
    assert key != rkey_for("3f6c9a1e-0000-4000-8000-000000000002")
