"""Quitting with replies still on their way says so: send later, discard, or stay."""

from __future__ import annotations

from console.replies import outbox
from console.ui.quit_dialog import DISCARD, LATER, STAY
from tests.builders import make_post


def _queue(runtime, mention, text):
    return outbox.queue_reply(runtime.workspace.store, mention, text, "public", "ana")


def _asking(console, answer):
    asked = []

    def choose(box):
        asked.append((box.text(), [b.text() for b in box.buttons()]))
        return answer

    console.quit_guard.choose = choose
    return asked


def test_cancel_keeps_the_window_and_the_replies(runtime, store_posts, build, qtbot):
    ids = store_posts([make_post(1, text="¿dónde está mi pedido?"), make_post(2)])
    _queue(runtime, ids[0], "Hola, lo miramos ahora")
    failed = _queue(runtime, ids[1], "Hola de nuevo")
    runtime.workspace.store.db.execute_sql(
        "UPDATE reply SET state = 'failed', error = 'refused' WHERE id = ?", (failed.id,))
    console = build()
    console.window.show()
    asked = _asking(console, STAY)
    console.window.quit_action.trigger()
    assert console.window.isVisible()
    [(text, buttons)] = asked
    assert "1 queued" in text and "1 not sent" in text
    assert {"Send later", "Discard", "Cancel"} <= {b.replace("&", "") for b in buttons}
    assert runtime.replies.counts().get("queued") == 1


def test_send_later_quits_and_keeps_them_queued(runtime, store_posts, build):
    [mention] = store_posts([make_post(1, text="¿dónde está mi pedido?")])
    _queue(runtime, mention, "Hola, lo miramos ahora")
    console = build()
    console.window.show()
    asked = _asking(console, LATER)
    console.window.quit_action.trigger()
    assert asked and not console.window.isVisible()
    assert runtime.replies.counts().get("queued") == 1


def test_discard_takes_queued_replies_back_to_drafts_and_quits(runtime, store_posts, build):
    [mention] = store_posts([make_post(1, text="¿dónde está mi pedido?")])
    _queue(runtime, mention, "Hola, lo miramos ahora")
    console = build()
    console.window.show()
    _asking(console, DISCARD)
    console.window.quit_action.trigger()
    assert not console.window.isVisible()
    assert not runtime.replies.counts().get("queued")
    assert runtime.replies.draft(mention) == "Hola, lo miramos ahora"  # the text is kept


def test_nothing_pending_quits_without_asking(runtime, store_posts, build):
    store_posts([make_post(1)])
    console = build()
    console.window.show()
    asked = _asking(console, STAY)
    console.window.quit_action.trigger()
    assert not asked and not console.window.isVisible()
