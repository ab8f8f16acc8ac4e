"""Ask me from the triage strip: the button counts the unsure posts, keys label them."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from console.store.timeutil import utcnow
from console.triage import corrections
from console.ui.triage_strip import TriageStrip, TriageStripController
from tests.builders import make_author, make_post

# (text, complaint, sentiment, label, certainty) as the model would have stored them
UNSURE = [("¿alguien sabe si hacen envíos a Canarias? <b>gracias</b>", 0.5, -0.3, "negative",
           0.0),
          ("el pedido llegó, a ver qué tal", 0.45, 0.1, "neutral", 0.1),
          ("me devolvieron el dinero al fin", 0.55, 0.5, "positive", 0.1)]


def _store_unsure(runtime, store_posts):
    when = utcnow() - timedelta(hours=2)
    ids = store_posts([make_post(n, text, author=make_author(n), created_at=when)
                       for n, (text, *_figures) in enumerate(UNSURE, 1)])
    db = runtime.workspace.store.db
    with runtime.workspace.store.write():
        for mention_id, (_text, complaint, sentiment, label, sure) in zip(ids, UNSURE,
                                                                          strict=True):
            db.execute_sql("UPDATE mention SET complaint = ?, sentiment = ?, sentiment_label = ?,"
                           " spam = ?, relevance = 1, certainty = ? WHERE id = ?",
                           (complaint, sentiment, label, False, sure, mention_id))
    return ids


def test_keys_label_unsure_posts_and_closing_retrains(runtime, store_posts, qtbot):
    ids = _store_unsure(runtime, store_posts)
    view = TriageStrip()
    qtbot.addWidget(view)
    controller = TriageStripController(view, runtime.triage_service)
    assert view.ask.isVisibleTo(view)
    assert view.ask.text() == "Help the model: 3 posts to check"

    dialog = controller.open_ask_me()  # deleted with the strip
    assert dialog.position.text() == "Post 1 of 3"
    first = dialog.current
    assert first is not None and first.mention_id in ids
    assert dialog.post.toPlainText() == first.text  # shown as plain text, tags and all
    qtbot.keyClick(dialog, Qt.Key.Key_C)
    assert dialog.position.text() == "Post 1 of 3"  # still waiting for the sentiment
    assert dialog.buttons[("is_complaint", "yes")].isChecked()
    qtbot.keyClick(dialog, Qt.Key.Key_Minus)
    assert dialog.position.text() == "Post 2 of 3"
    second = dialog.current
    qtbot.keyClick(dialog, Qt.Key.Key_S)  # skipped: nothing stored
    third = dialog.current
    qtbot.keyClick(dialog, Qt.Key.Key_N)
    qtbot.keyClick(dialog, Qt.Key.Key_Plus)
    assert dialog.current is None and "2 posts labelled" in dialog.status.text()
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=10000)  # stored on a worker thread

    stored = {(c.mention_id, c.field, c.value)
              for c in corrections.list_corrections(runtime.workspace.store.db)}
    assert stored == {(first.mention_id, "is_complaint", "yes"),
                      (first.mention_id, "sentiment_label", "negative"),
                      (third.mention_id, "is_complaint", "no"),
                      (third.mention_id, "sentiment_label", "positive")}
    assert second is not None and second.mention_id not in {m for m, _f, _v in stored}

    with qtbot.waitSignal(dialog.learn, timeout=5000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not controller.busy(), timeout=20000)
    assert runtime.triage_service.status().learned == 4  # learned once, on closing
    # The labelled posts left the queue; the strip counts what is left (re-scoring after
    # the retraining may have made the model sure of the skipped one too).
    left = runtime.triage_service.ask_me(12)
    assert {first.mention_id, third.mention_id}.isdisjoint(i.mention_id for i in left)
    assert view.ask.isVisibleTo(view) == bool(left)
    if left:
        assert view.ask.text() == "Help the model: 1 post to check"


def test_strip_shows_how_good_the_model_is_here(runtime, qtbot):
    from console.triage import quality
    from console.triage.quality import Quality, Scores

    db = runtime.workspace.store.db
    few = Quality(12, None, None, 12, 3, "2026-12-01T10:00:00")
    with runtime.workspace.store.write():
        quality.record(db, few)
    view = TriageStrip()
    qtbot.addWidget(view)
    controller = TriageStripController(view, runtime.triage_service)
    assert "too few corrections to measure it here (12 of 20)" in view.model.text()
    measured = Quality(60, Scores(60, 25, 0.8125, 0.75), None, 60, 8, "2026-12-02T10:00:00")
    with runtime.workspace.store.write():
        quality.record(db, measured)
    controller.show_status(runtime.triage_service.status())
    text = view.model.text()
    assert "here: precision 0.81, recall 0.75" in text
    assert "before the last retraining" not in text  # the one before could not measure
    assert "Negative sentiment: too few corrections to measure (8 of 20)" in view.model.toolTip()
    assert "Before the last retraining (12 corrections)" in view.model.toolTip()


def test_closing_before_the_answers_are_stored_still_retrains(runtime, store_posts, qtbot):
    _store_unsure(runtime, store_posts)
    view = TriageStrip()
    qtbot.addWidget(view)
    controller = TriageStripController(view, runtime.triage_service)
    dialog = controller.open_ask_me()
    with qtbot.waitSignal(dialog.learn, timeout=10000):
        qtbot.keyClick(dialog, Qt.Key.Key_C)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the answer may still be on its way
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: not controller.busy(), timeout=20000)
    assert runtime.triage_service.status().learned == 1
