"""Per-channel rules enforced before a reply leaves, each refusal with its reason."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from console.channels.base import ReplyRules
from console.errors import InvalidInput
from console.replies import reply_rules
from tests.builders import make_post

POSTED = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def test_length_is_counted_in_the_channels_unit():
    chars = ReplyRules("characters", 10)
    graphemes = ReplyRules("graphemes", 10)
    text = "👩‍👩‍👧‍👦" * 3 + "ok"  # three family emoji: 7 code points each, one grapheme each
    assert reply_rules.refusal(text, graphemes) == ""
    assert reply_rules.refusal(text, chars) == "The reply is 13 characters over the limit of 10."


def test_byte_cap_and_empty_text():
    rules = ReplyRules("graphemes", 300, max_bytes=20)
    assert reply_rules.refusal("ñ" * 11, rules) == (
        "The reply is 2 bytes over this channel's limit of 20 bytes.")
    assert reply_rules.refusal("  \n", rules) == "The reply is empty."


def test_a_channel_that_forbids_a_reply_says_why():
    rules = ReplyRules("weighted", 280, can_reply=False,
                       reason="X allows replies only to posts that mention the brand.")
    assert reply_rules.refusal("hola", rules) == (
        "X allows replies only to posts that mention the brand.")


def test_reply_window_closes():
    rules = ReplyRules("characters", 1000, window_seconds=24 * 3600)
    open_ = reply_rules.for_mention(rules, POSTED, POSTED + timedelta(hours=23))
    assert open_.can_reply
    closed = reply_rules.for_mention(rules, POSTED, POSTED + timedelta(hours=25))
    assert not closed.can_reply
    assert closed.reason.startswith("The reply window of this channel (24 hours after the "
                                    "customer's message) closed on 2026-11-")
    week = ReplyRules("characters", 1000, window_seconds=7 * 86400)
    assert "(7 days after" in reply_rules.for_mention(
        week, POSTED, POSTED + timedelta(days=8)).reason


@pytest.fixture
def mention(runtime, store_posts):
    return store_posts([make_post(1, url="https://blog.example/2026/11/post#c-1")])[0]


def _with_rules(runtime, monkeypatch, **changes) -> None:
    real = runtime.engine.reply_rules

    def rules(account_id, visibility):
        return replace(real(account_id, visibility), **changes)

    monkeypatch.setattr(runtime.engine, "reply_rules", rules)


def test_service_refuses_after_the_window_with_the_reason(runtime, mention, monkeypatch):
    _with_rules(runtime, monkeypatch, window_seconds=3600)  # the post is from 2026-11-01
    with pytest.raises(InvalidInput, match="reply window of this channel"):
        runtime.replies.send(mention, "Hola", delay=0)
    assert runtime.replies.replies(mention) == []


def test_a_by_hand_channel_records_the_reply_instead_of_sending(runtime, mention, monkeypatch):
    _with_rules(runtime, monkeypatch, manual=True)
    with pytest.raises(InvalidInput, match="open the post in the browser"):
        runtime.replies.send(mention, "Hola", delay=0)
    reply = runtime.replies.record_manual(mention, "Gracias por tu comentario")
    assert reply.state == "sent" and reply.remote_id is None
    assert reply.url == "https://blog.example/2026/11/post#c-1"
    assert runtime.profile.mention(mention).status == "replied"
    assert runtime.replies.counts()["queued"] == 0  # nothing for the engine to send
    with pytest.raises(InvalidInput, match="empty"):
        runtime.replies.record_manual(mention, " ")


def test_record_manual_is_refused_where_the_api_takes_replies(runtime, mention):
    with pytest.raises(InvalidInput, match="use Send"):
        runtime.replies.record_manual(mention, "Hola")
