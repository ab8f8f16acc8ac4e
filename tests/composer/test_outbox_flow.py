"""Replies through the sandbox: what the preview shows is what leaves, undo, failures."""

from __future__ import annotations

from datetime import timedelta

import pytest

from console.errors import InvalidInput
from console.feed.queries import FeedFilter
from console.store.timeutil import utcnow


def _lucia(rt) -> int:
    rt.engine.sync_once()
    return rt.feed.page(FeedFilter(search="48213"))[0].id


def test_a_filled_canned_reply_reaches_the_network_exactly_as_rendered(connected):
    rt = connected
    rt.workspace.settings.agent_name = "Inés"
    mention = _lucia(rt)
    body = rt.canned.get("envio").body
    rendered = rt.canned.render(body, mention)
    assert rendered.missing == []
    assert "Lucía" in rendered.text and "48213" in rendered.text and "Inés" in rendered.text
    rt.replies.send(mention, rendered.text, delay=0, context_since=utcnow())
    rt.engine.flush_outbox()
    [got] = rt.extras["sandbox"].received()["statuses"]
    assert got["text"] == rendered.text


def test_undo_within_the_delay_means_it_never_leaves(connected):
    rt = connected
    rt.workspace.settings.outbox_delay = 5.0
    mention = _lucia(rt)
    reply = rt.replies.send(mention, "Lo miramos ahora mismo.")  # waits the setting: 5 s
    assert reply.next_attempt_at is not None
    assert reply.next_attempt_at - reply.created_at >= timedelta(seconds=4.9)
    rt.engine.flush_outbox()  # not due yet
    assert rt.replies.replies(mention)[0].state == "queued"
    assert rt.replies.cancel(reply.id)
    rt.engine.flush_outbox(utcnow() + timedelta(seconds=60))
    assert rt.extras["sandbox"].received()["statuses"] == []
    assert rt.replies.replies(mention) == []
    assert rt.replies.draft(mention) == "Lo miramos ahora mismo."  # back in the editor


def test_after_the_delay_it_leaves_and_undo_is_too_late(connected):
    rt = connected
    mention = _lucia(rt)
    reply = rt.replies.send(mention, "Ya está en camino.", delay=5)
    rt.engine.flush_outbox(utcnow() + timedelta(seconds=6))
    assert [s["text"] for s in rt.extras["sandbox"].received()["statuses"]] == [
        "Ya está en camino."]
    assert not rt.replies.cancel(reply.id)
    assert rt.replies.reply(reply.id).state == "sent"


def test_undo_keeps_a_newer_draft_after_the_pulled_back_text(connected):
    rt = connected
    mention = _lucia(rt)
    reply = rt.replies.send(mention, "Primera versión.", delay=30)
    rt.replies.save_draft(mention, "Y una nota más.")
    assert rt.replies.cancel(reply.id)
    assert rt.replies.draft(mention) == "Primera versión.\n\nY una nota más."


def test_a_refused_reply_says_why_and_can_be_edited_and_retried(connected):
    rt = connected
    mention = _lucia(rt)
    sandbox = rt.extras["sandbox"]
    sandbox.inject_fault("/api/v1/statuses", 422)
    reply = rt.replies.send(mention, "Texto que el servidor rechaza", delay=0)
    rt.engine.flush_outbox()
    failed = rt.replies.reply(reply.id)
    assert failed.state == "failed" and failed.error
    with pytest.raises(InvalidInput, match="empty"):
        rt.replies.retry(reply.id, "   ")
    rt.replies.retry(reply.id, "Texto corregido")
    rt.engine.flush_outbox()
    assert rt.replies.reply(reply.id).state == "sent"
    assert [s["text"] for s in sandbox.received()["statuses"]] == ["Texto corregido"]


def test_a_failed_reply_can_be_discarded(connected):
    rt = connected
    mention = _lucia(rt)
    rt.extras["sandbox"].inject_fault("/api/v1/statuses", 422)
    reply = rt.replies.send(mention, "No saldrá", delay=0)
    rt.engine.flush_outbox()
    assert rt.replies.discard(reply.id)
    assert rt.replies.replies(mention) == []
