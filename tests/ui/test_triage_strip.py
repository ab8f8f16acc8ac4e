"""The triage strip: labels of the selected mention, one-click corrections, model state."""

from __future__ import annotations

from datetime import timedelta

import pytest

from console.store.timeutil import utcnow
from console.ui.triage_strip import TriageStrip, TriageStripController
from tests.builders import make_author, make_post

# A post the shipped model does not take for a complaint (the agent teaches it is one).
WOKEN = "el repartidor tocó el timbre a las 6 de la mañana"


@pytest.fixture
def strip(runtime, qtbot):
    view = TriageStrip()
    qtbot.addWidget(view)
    view.resize(560, 110)
    controller = TriageStripController(view, runtime.triage_service)
    yield view, controller
    qtbot.waitUntil(lambda: not controller.busy(), timeout=15000)


def _action(button, field, value):
    return next(a for a in button.menu().actions() if a.data() == (field, value))


def _posts(*texts):
    when = utcnow() - timedelta(minutes=4)
    return [make_post(n, text, author=make_author(n, followers=12400), created_at=when)
            for n, text in enumerate(texts, 1)]


def test_shows_labels_reasons_and_undefined(strip, store_posts):
    view, controller = strip
    assert not view.sentiment.isEnabled()  # nothing selected
    complaint, short = store_posts(_posts("@ventalia llevo 3 semanas esperando mi pedido y "
                                          "nadie responde, voy a cancelar", "ok"))
    controller.show_mention(complaint)
    assert view.complaint.text().startswith("complaint 0.")
    assert view.reason.text() == "delivery or delay"
    assert view.priority.text().startswith("Priority ")
    assert "complaint 0." in view.priority.text() and "12k followers" in view.priority.text()
    assert view.rules.text() == "Rules fired: none"
    view.grab().save("/tmp/triage_shots/triage_strip.png")
    controller.show_mention(short)
    assert view.sentiment.text() == "sentiment –"  # a dash, the reason in the tooltip
    assert "language was not analysed" in view.sentiment.toolTip()
    controller.show_mention(complaint)
    assert "click to correct it" in view.sentiment.toolTip()


def test_one_click_correction_stores_feedback_and_learns(strip, store_posts, runtime, qtbot):
    view, controller = strip
    [mid] = store_posts(_posts(WOKEN))
    controller.show_mention(mid)
    assert view.complaint.text().startswith("no complaint 0.")
    changed = []
    controller.mentionsChanged.connect(changed.append)
    with qtbot.waitSignal(controller.mentionsChanged, timeout=10000):
        _action(view.complaint, "is_complaint", "yes").trigger()
    assert changed[0] == [mid]
    assert view.complaint.text() == "complaint 1.00 ✎"
    [stored] = runtime.triage_service.corrections()
    assert (stored.mention_id, stored.field, stored.value) == (mid, "is_complaint", "yes")
    # The model retrains in the background a moment later.
    qtbot.waitUntil(lambda: view.model.text() == "Model learned from 1 correction · too few "
                    "corrections to measure it here (1 of 20)", timeout=15000)
    assert runtime.triager.corrections_count == 1 and view.reset.isEnabled()
    view.grab().save("/tmp/triage_shots/triage_strip_corrected.png")

    with qtbot.waitSignal(controller.mentionsChanged, timeout=10000):
        view.spam.click()
    assert view.spam.text() == "Not spam ✎" and "hidden as spam" in view.priority.text()

    controller.confirm_reset = lambda: True
    qtbot.waitUntil(lambda: not controller.busy(), timeout=15000)
    view.reset.click()
    qtbot.waitUntil(lambda: view.model.text() == "Shipped model (no corrections learned) · "
                    "too few corrections to measure it here (0 of 20)", timeout=15000)
    assert runtime.triager.corrections_count == 0
    assert len(runtime.triage_service.corrections()) == 2  # still listed


def test_correction_updates_the_feed_row(runtime, build, store_posts, qtbot):
    [mid] = store_posts(_posts(WOKEN))
    console = build()
    assert console.feed.select_mention(mid)
    strip = console.window.triage
    assert strip.complaint.isEnabled()
    model = console.feed.model
    row = model.row_at(model.row_of(mid))
    assert row.complaint < 0.5
    with qtbot.waitSignal(console.triage.mentionsChanged, timeout=10000):
        _action(strip.complaint, "is_complaint", "yes").trigger()
    assert model.row_at(model.row_of(mid)).complaint == 1.0
    console.window.resize(1300, 760)
    console.window.grab().save("/tmp/triage_shots/main_window_strip.png")
    qtbot.waitUntil(lambda: not console.triage.busy(), timeout=15000)
