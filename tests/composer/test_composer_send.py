"""Sending from the composer through the sandbox: preview = what leaves, undo, failures,
held replies, per-channel refusals and replies posted by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from console.feed.queries import FeedFilter
from console.store.timeutil import utcnow
from tests.builders import make_post


@pytest.fixture
def lucia(connected, build):
    rt = connected
    rt.workspace.settings.agent_name = "Inés"
    rt.workspace.settings.outbox_delay = 0.0  # tests of the undo window set their own
    rt.engine.sync_once()
    mention = rt.feed.page(FeedFilter(search="48213"))[0].id
    console = build()
    assert console.feed.select_mention(mention)
    return rt, console, mention


def _ctrl_enter(qtbot, editor) -> None:
    window = editor.window()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_the_preview_is_exactly_what_the_network_receives(lucia, qtbot):
    rt, console, _ = lucia
    view = console.window.composer
    qtbot.keyClicks(view.editor, "/envio")
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(view.editor, " /cierre")
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    shown = view.preview.toPlainText()
    _ctrl_enter(qtbot, view.editor)
    rt.engine.flush_outbox()
    [got] = rt.extras["sandbox"].received()["statuses"]
    assert got["text"] == shown
    assert "Lucía" in shown and "48213" in shown and "Inés" in shown
    qtbot.waitUntil(lambda: view.outbox.message.text() == "Sent.")


def test_undo_pulls_the_reply_back_before_it_leaves(lucia, qtbot):
    rt, console, mention = lucia
    rt.workspace.settings.outbox_delay = 5.0
    view = console.window.composer
    view.editor.setPlainText("Lo revisamos ahora mismo.")
    _ctrl_enter(qtbot, view.editor)
    assert view.editor.toPlainText() == ""
    bar = view.outbox
    assert bar.isVisible() and bar.undo.isVisible()
    assert bar.message.text() in ("Sending in 5 s…", "Sending in 4 s…")
    qtbot.wait(100)  # let the layout settle before the screenshot
    console.window.grab().save("/tmp/posventa-undo-bar.png")
    qtbot.mouseClick(bar.undo, Qt.MouseButton.LeftButton)
    assert view.editor.toPlainText() == "Lo revisamos ahora mismo."  # never lost
    assert bar.message.text() == "Pulled back: nothing was sent."
    rt.engine.flush_outbox(utcnow() + timedelta(seconds=60))
    assert rt.extras["sandbox"].received()["statuses"] == []
    assert rt.replies.replies(mention) == []


def test_after_the_delay_the_reply_leaves(lucia, qtbot):
    rt, console, _ = lucia
    rt.workspace.settings.outbox_delay = 0.3
    view = console.window.composer
    view.editor.setPlainText("Ya está en camino.")
    _ctrl_enter(qtbot, view.editor)
    rt.engine.start()
    qtbot.waitUntil(lambda: view.outbox.message.text() == "Sent.", timeout=10000)
    assert [s["text"] for s in rt.extras["sandbox"].received()["statuses"]] == [
        "Ya está en camino."]


def test_a_failed_reply_shows_why_and_is_edited_and_retried(lucia, qtbot):
    rt, console, mention = lucia
    rt.extras["sandbox"].inject_fault("/api/v1/statuses", 422)
    view = console.window.composer
    view.editor.setPlainText("Texto con un error")
    _ctrl_enter(qtbot, view.editor)
    rt.engine.flush_outbox()
    bar = view.outbox
    qtbot.waitUntil(lambda: bar.message.text().startswith("Not sent: "))
    assert bar.edit.isVisible() and bar.retry.isVisible() and bar.discard.isVisible()
    assert bar.discard.text() == "Cancel"
    # Edit and Cancel sit beside the reason, on its row, not on a row below it.
    reason = bar.message.geometry()
    for button in (bar.edit, bar.discard):
        assert button.geometry().top() < reason.bottom()
        assert button.geometry().left() >= reason.right()
    qtbot.mouseClick(bar.edit, Qt.MouseButton.LeftButton)
    assert view.editor.toPlainText() == "Texto con un error"
    view.editor.setPlainText("Texto corregido")
    _ctrl_enter(qtbot, view.editor)
    assert view.editor.toPlainText() == ""  # back to the (empty) draft
    rt.engine.flush_outbox()
    [sent] = rt.replies.replies(mention)
    assert sent.state == "sent" and sent.text == "Texto corregido"
    assert rt.replies.draft(mention) == ""  # the failed text never became a draft


def test_a_held_reply_offers_send_anyway(lucia, qtbot):
    rt, console, mention = lucia
    # After the agent opened the conversation, someone answers from the web interface.
    channel = rt.engine.channel_for(rt.extras["account_id"])
    channel.send_reply(text="Contestado desde la web", in_reply_to=rt.profile.mention(
        mention).remote_id, visibility="public", idempotency_key="web-1")
    view = console.window.composer
    view.editor.setPlainText("Hola Lucía, lo miramos.")
    _ctrl_enter(qtbot, view.editor)
    rt.engine.flush_outbox()
    bar = view.outbox
    qtbot.waitUntil(lambda: bar.message.text().startswith("Held, not sent: The brand already"))
    assert "since you opened this conversation" in bar.message.text()
    assert bar.send_anyway.isVisible() and not bar.retry.isVisible()
    qtbot.wait(100)  # let the layout settle before the screenshot
    console.window.grab().save("/tmp/posventa-held-bar.png")
    qtbot.mouseClick(bar.send_anyway, Qt.MouseButton.LeftButton)
    rt.engine.flush_outbox()
    texts = [s["text"] for s in rt.extras["sandbox"].received()["statuses"]]
    assert texts == ["Contestado desde la web", "Hola Lucía, lo miramos."]


def _rules(runtime, monkeypatch, **changes):
    real = runtime.engine.reply_rules
    monkeypatch.setattr(runtime.engine, "reply_rules",
                        lambda account, visibility: replace(real(account, visibility),
                                                            **changes))


def test_refusals_are_shown_with_their_reason(runtime, store_posts, build, monkeypatch, qtbot):
    ids = store_posts([make_post(1)])
    _rules(runtime, monkeypatch, window_seconds=3600)  # the post is from 2026-11-01
    console = build()
    console.feed.select_mention(ids[0])
    view = console.window.composer
    assert not view.editor.isEnabled() and not view.send.isEnabled()
    assert view.message.text().startswith("The reply window of this channel (1 hours after")


def test_graphemes_are_counted_when_the_channel_says_so(runtime, store_posts, build,
                                                       monkeypatch):
    ids = store_posts([make_post(1)])
    _rules(runtime, monkeypatch, unit="graphemes", limit=10)
    console = build()
    console.feed.select_mention(ids[0])
    view = console.window.composer
    view.editor.setPlainText("👍🏽" * 4)  # two code points each, one grapheme each
    assert view.counter.text() == "6 left"


def test_a_channel_without_a_reply_api_copies_and_opens_the_browser(
        runtime, store_posts, build, monkeypatch):
    ids = store_posts([make_post(1, url="https://blog.example/2026/11/entrada")])
    _rules(runtime, monkeypatch, manual=True)
    console = build()
    opened = []
    console.composer.open_url = opened.append
    console.feed.select_mention(ids[0])
    view = console.window.composer
    assert view.send.text() == "Copy and open in browser"
    assert "copies the reply" in view.message.text()
    view.editor.setPlainText("Gracias por escribirnos")
    console.composer.send()
    assert QGuiApplication.clipboard().text() == "Gracias por escribirnos"
    assert [u.toString() for u in opened] == ["https://blog.example/2026/11/entrada"]
    [reply] = runtime.replies.replies(ids[0])
    assert reply.state == "sent" and reply.remote_id is None
    assert "recorded as sent" in view.message.text()


def test_the_bar_follows_a_reply_sent_by_another_console(lucia, qtbot):
    from console.sync.engine import Engine

    rt, console, _ = lucia
    other = Engine(rt.workspace.store, rt.workspace.secrets, rt.triager, rt.workspace.settings)
    try:
        view = console.window.composer
        view.editor.setPlainText("Enviada por el otro puesto")
        _ctrl_enter(qtbot, view.editor)
        other.flush_outbox()  # this window's engine hears nothing about it
        qtbot.waitUntil(lambda: view.outbox.message.text() == "Sent.", timeout=5000)
    finally:
        other.stop()
