"""The composer: counter against the channel's limit, refusal over it, drafts per mention."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.builders import make_author, make_post


def _ctrl_enter(qtbot, editor) -> None:
    window = editor.window()
    if not window.isActiveWindow():  # shortcuts only reach the active window
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_counter_counts_down_and_refuses_over_the_limit(runtime, store_posts, build, qtbot):
    ids = store_posts([make_post(1)])
    console = build()
    console.feed.select_mention(ids[0])
    view = console.window.composer
    assert view.counter.text() == "500 left"
    assert not view.send.isEnabled()  # nothing to send yet
    assert view.visibility.text().startswith("Public")

    view.editor.setPlainText("x" * 68)
    assert view.counter.text() == "432 left"
    assert view.send.isEnabled()

    view.editor.setPlainText("y" * 512)
    assert view.counter.text() == "12 over"
    assert "b3261e" in view.counter.styleSheet()
    assert not view.send.isEnabled()
    _ctrl_enter(qtbot, view.editor)
    assert "12 characters over the limit of 500" in view.message.text()
    assert view.editor.toPlainText() == "y" * 512  # kept
    assert runtime.replies.replies(ids[0]) == []


def test_invalid_reply_is_explained_and_kept(runtime, store_posts, build, qtbot):
    ids = store_posts([make_post(1)])
    console = build()
    console.feed.select_mention(ids[0])
    view = console.window.composer
    view.editor.setPlainText("   ")
    console.composer.send()
    assert view.message.text() == "Not sent: The reply is empty."
    assert view.editor.toPlainText() == "   "


def test_composer_is_disabled_when_the_channel_forbids_a_reply(runtime, store_posts, build):
    ids = store_posts([make_post(1)], account=None)  # found without a brand account
    console = build()
    console.feed.select_mention(ids[0])
    view = console.window.composer
    assert not view.editor.isEnabled()
    assert not view.send.isEnabled()
    assert view.message.text() == "This mention has no account to reply from."


def test_direct_mentions_say_the_reply_is_direct(runtime, store_posts, build):
    ids = store_posts([make_post(1, visibility="direct", source="direct")])
    console = build()
    console.feed.select_mention(ids[0])
    assert console.window.composer.visibility.text().startswith("Direct message")


def test_draft_is_kept_when_switching_mentions(runtime, store_posts, build, qtbot):
    ids = store_posts([make_post(1, author=make_author(1)), make_post(2, author=make_author(2))])
    console = build()
    editor = console.window.composer.editor
    console.feed.select_mention(ids[0])
    editor.insertPlainText("Hola, ¿nos pasas el número de pedido?")  # keyClicks is ASCII only
    console.feed.select_mention(ids[1])
    assert editor.toPlainText() == ""
    qtbot.keyClicks(editor, "Gracias")
    console.feed.select_mention(ids[0])
    assert editor.toPlainText() == "Hola, ¿nos pasas el número de pedido?"
    assert runtime.replies.draft(ids[1]) == "Gracias"
    console.feed.select_mention(ids[1])
    assert editor.toPlainText() == "Gracias"


def test_draft_is_saved_after_a_pause_in_typing(runtime, store_posts, build, qtbot):
    ids = store_posts([make_post(1)])
    console = build()
    console.feed.select_mention(ids[0])
    qtbot.keyClicks(console.window.composer.editor, "borrador")
    qtbot.waitUntil(lambda: runtime.replies.draft(ids[0]) == "borrador", timeout=4000)


def test_sending_queues_clears_and_shows_the_reply(runtime, store_posts, build, qtbot):
    ids = store_posts([make_post(1)])
    console = build()
    console.feed.select_mention(ids[0])
    view = console.window.composer
    qtbot.keyClicks(view.editor, "Te escribimos por privado")
    with qtbot.waitSignal(console.composer.replyQueued):
        _ctrl_enter(qtbot, view.editor)
    assert view.editor.toPlainText() == ""
    assert [r.state for r in runtime.replies.replies(ids[0])] == ["queued"]
    assert "Te escribimos por privado" in console.window.thread.text.toPlainText()
    assert "QUEUED" in console.window.thread.text.toPlainText()
    assert runtime.replies.draft(ids[0]) == ""


def test_a_full_disk_while_sending_is_said_and_the_text_kept(runtime, store_posts, build,
                                                             qtbot, monkeypatch):
    from console.errors import StoreError

    ids = store_posts([make_post(1)])
    console = build()
    console.feed.select_mention(ids[0])
    view = console.window.composer

    def full(*_args, **_kwargs):
        raise StoreError("the disk is full; nothing was changed")

    monkeypatch.setattr(runtime.replies, "send", full)
    view.editor.setPlainText("Hola, lo revisamos ahora mismo")
    _ctrl_enter(qtbot, view.editor)
    assert "the disk is full" in view.message.text()
    assert view.editor.toPlainText() == "Hola, lo revisamos ahora mismo"
