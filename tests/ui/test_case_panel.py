"""The case panel and the feed's case column and queues, as an agent uses them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from console.cases.service import CaseService
from console.store.timeutil import to_db, utcnow
from console.ui.case_alerts import CaseAlerts
from console.ui.case_models import PagedListModel
from console.ui.case_panel import CASE, NO_CASE
from console.ui.case_text import BREACHED_COLOUR, event_text
from console.ui.feed_model import CASE as CASE_COLUMN
from tests.builders import make_author, make_post

CALM = "hola, ¿qué tal el nuevo catálogo?"
COMPLAINT = "@ventalia me cobraron dos veces y nadie responde, quiero el reembolso ya"


@pytest.fixture
def ana(runtime):
    runtime.cases.agent = "ana"
    return runtime.cases


def _select(console, mention_id):
    assert console.feed.select_mention(mention_id)
    return console.window.case_panel


def test_open_a_case_for_a_mention_and_see_it_claimed(runtime, ana, store_posts, build):
    [mention] = store_posts([make_post(1, CALM)])
    console = build()
    panel = _select(console, mention)
    assert panel.stack.currentIndex() == NO_CASE
    assert not panel.attach_button.isEnabled()  # the customer has no other case
    panel.open_button.click()
    assert panel.stack.currentIndex() == CASE
    case = ana.case_for_mention(mention)
    assert case.claimed_by == "ana"
    assert panel.title.text().startswith(f"Case {case.id} · ")
    assert panel.banner_text.text().startswith("Claimed by you at")
    assert panel.claim_button.text() == "Release"
    assert "left" in panel.first_clock.text()
    # the feed row shows the case at once
    row = console.feed.model.row_of(mention)
    shown = console.feed.model.index(row, CASE_COLUMN).data()
    assert shown.startswith("new · ") and shown.endswith("left")


def test_another_agents_claim_is_shown_and_taken_over_explicitly(runtime, ana, store_posts,
                                                                  build):
    [mention] = store_posts([make_post(1, CALM)])
    bruno = CaseService(runtime.workspace.store, "bruno")
    case = bruno.open_case(mention)
    console = build()
    panel = _select(console, mention)
    assert panel.banner_text.text().startswith("⚑ Claimed by bruno at")
    assert panel.claim_button.text() == "Take over"
    console.case.open_mention(mention)  # opening it does not silently take it
    assert ana.case(case.id).claimed_by == "bruno"
    panel.claim_button.click()
    assert ana.case(case.id).claimed_by == "ana"
    assert ana.history(case.id)[-1].kind == "takeover"
    assert "took the case over from bruno" in console.case.history.data(
        console.case.history.index(console.case.history.rowCount() - 1))


def test_opening_a_mention_claims_its_unclaimed_case(runtime, ana, store_posts, build):
    [mention] = store_posts([make_post(1, COMPLAINT)])  # intake opens a case, unclaimed
    case = ana.case_for_mention(mention)
    assert case is not None and case.claimed_by is None
    console = build()
    panel = _select(console, mention)
    assert panel.claim_button.text() == "Claim"
    console.feed.open_current()  # Enter on the feed row
    assert ana.case(case.id).claimed_by == "ana"
    assert panel.claim_button.text() == "Release"


def test_state_combo_offers_only_allowed_transitions(runtime, ana, store_posts, build):
    [mention] = store_posts([make_post(1, COMPLAINT)])
    case = ana.case_for_mention(mention)
    console = build()
    panel = _select(console, mention)
    offered = [panel.state.itemData(i) for i in range(panel.state.count())]
    assert offered == ["new", "open", "waiting", "resolved", "closed"]
    panel.state.activated.emit(offered.index("waiting"))
    assert ana.case(case.id).status == "waiting"
    offered = [panel.state.itemData(i) for i in range(panel.state.count())]
    assert offered == ["waiting", "open", "resolved", "closed"]
    assert "paused" in panel.resolution_clock.text()
    panel.state.activated.emit(offered.index("closed"))
    assert [panel.state.itemData(i) for i in range(panel.state.count())] == ["closed", "open"]
    assert panel.banner.isHidden()


def test_assignee_priority_tags_and_notes(runtime, ana, store_posts, build, qtbot):
    [mention] = store_posts([make_post(1, COMPLAINT)])
    case = ana.case_for_mention(mention)
    console = build()
    console.window.show()
    console.window.activateWindow()
    qtbot.waitUntil(console.window.isActiveWindow)  # shortcuts reach the active window only
    panel = _select(console, mention)
    panel.assignee.setCurrentText("Bruno")
    panel.assignee.lineEdit().returnPressed.emit()
    assert ana.case(case.id).assignee == "Bruno"
    panel.priority.setValue(95)
    panel.priority.editingFinished.emit()
    assert ana.case(case.id).priority == 95
    panel.tags.setText("Facturación, envío")
    panel.tags.editingFinished.emit()
    assert ana.case(case.id).tags == ("envío", "facturación")

    counts = runtime.replies.counts()
    panel.note_edit.setFocus()
    qtbot.keyClicks(panel.note_edit, "Llamar manana a primera hora")
    qtbot.keyClick(panel.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [n.body for n in ana.notes(case.id)] == ["Llamar manana a primera hora"]
    assert panel.note_edit.toPlainText() == ""
    assert console.case.notes.rowCount() == 1
    assert runtime.replies.counts() == counts  # a note is never sent
    assert panel.tabs.tabText(0) == "Notes (1)"
    # a refused change says why in one sentence and keeps what was typed
    panel.note_edit.setPlainText("x" * 10_001)
    panel.add_note_button.click()
    assert "at most" in panel.message.text() and panel.message.isVisible()
    assert len(panel.note_edit.toPlainText()) == 10_001
    kinds = [e.kind for e in ana.history(case.id)]
    assert kinds[-5:] == ["assignee", "priority", "tag", "tag", "note"]


def test_attach_a_mention_to_the_customers_case(runtime, ana, store_posts, build):
    lucia = make_author(1)
    first, second = store_posts([make_post(1, COMPLAINT, author=lucia),
                                 make_post(2, CALM, author=lucia)])
    case = ana.case_for_mention(first)
    offered = []
    console = build()
    console.case._choose = lambda found: offered.extend(found) or found[0]
    panel = _select(console, second)
    assert panel.stack.currentIndex() == NO_CASE and panel.attach_button.isEnabled()
    panel.attach_button.click()
    assert [c.id for c in offered] == [case.id]
    assert second in ana.case(case.id).mention_ids
    assert panel.stack.currentIndex() == CASE


def test_breaches_are_red_and_said_in_words(runtime, ana, store_posts, build):
    [mention] = store_posts([make_post(1, COMPLAINT)])
    case = ana.case_for_mention(mention)
    store = runtime.workspace.store
    with store.write():
        store.db.execute_sql('UPDATE "case" SET first_response_due = ? WHERE id = ?',
                             (to_db(utcnow() - timedelta(minutes=12)), case.id))
    console = build()
    panel = _select(console, mention)
    assert panel.first_clock.text().startswith("First response: ⚠ breached 1")
    assert BREACHED_COLOUR.name() in panel.first_clock.styleSheet()
    model = console.feed.model
    index = model.index(model.row_of(mention), CASE_COLUMN)
    assert "⚠ 1" in index.data() and "late" in index.data()
    assert index.data(Qt.ItemDataRole.ForegroundRole) == BREACHED_COLOUR
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "breached" in tip and "Priority" in tip


def test_queue_selector_filters_the_feed(runtime, ana, store_posts, build):
    mine, other, loose = store_posts([make_post(1, COMPLAINT, author=make_author(1)),
                                      make_post(2, COMPLAINT, author=make_author(2)),
                                      make_post(3, CALM, author=make_author(3))])
    ana.assign(ana.case_for_mention(mine).id, "ana")
    ana.set_status(ana.case_for_mention(other).id, "waiting")
    console = build()
    pane, model = console.window.feed, console.feed.model

    def shown():
        return {model.row_at(r).id for r in range(model.rowCount())}

    assert shown() == {mine, other, loose}
    pane.queue.setCurrentText("my cases")
    assert shown() == {mine}
    pane.queue.setCurrentText("waiting on customer")
    assert shown() == {other}
    pane.queue.setCurrentText("unassigned cases")
    assert shown() == {other}
    pane.queue.setCurrentText("breaching soon")
    assert shown() == set()
    pane.queue.setCurrentText("all mentions")
    assert shown() == {mine, other, loose}


def test_history_model_is_a_valid_lazy_qt_model(runtime, ana, store_posts, qtmodeltester):
    [mention] = store_posts([make_post(1, CALM)])
    case = ana.open_case(mention)
    for n in range(7):
        ana.add_note(case.id, f"nota {n}")
    model = PagedListModel(event_text, page=3)
    model.set_source(lambda after, n: ana.history(case.id, after, n))
    assert model.rowCount() == 3 and model.canFetchMore()
    qtmodeltester.check(model)  # the tester also pages through the rest
    while model.canFetchMore():
        model.fetchMore()
    total = len(ana.history(case.id))
    assert model.rowCount() == total
    ana.add_note(case.id, "una más")
    model.refresh()
    assert model.rowCount() == total + 1  # its history row, appended in place
    assert "added a note: una más" in model.data(model.index(model.rowCount() - 1))


def test_urgent_breach_alerts_are_rate_limited(runtime, ana, store_posts, qtbot):
    ids = store_posts([make_post(i, COMPLAINT, author=make_author(i)) for i in (1, 2)])
    store = runtime.workspace.store
    cases = [ana.case_for_mention(m) for m in ids]
    for case in cases:
        ana.set_priority(case.id, 95)
    with store.write():
        store.db.execute_sql('UPDATE "case" SET first_response_due = ? WHERE id = ?',
                             (to_db(utcnow() + timedelta(minutes=20)), cases[0].id))
    told: list[tuple[str, str]] = []
    clock = [1000.0]
    alerts = CaseAlerts(ana, lambda title, text: told.append((title, text)),
                        quiet=300, monotonic=lambda: clock[0])
    alerts.check()
    assert len(told) == 1 and "about to breach" in told[0][0]
    assert f"Case {cases[0].id}" in told[0][1]
    alerts.check()  # nothing new
    assert len(told) == 1
    with store.write():
        store.db.execute_sql('UPDATE "case" SET first_response_due = ? WHERE id = ?',
                             (to_db(utcnow() + timedelta(minutes=10)), cases[1].id))
    clock[0] += 60
    alerts.check()  # new, but inside the quiet period: it waits
    assert len(told) == 1
    clock[0] += 300
    alerts.check()
    assert len(told) == 2 and f"Case {cases[1].id}" in told[1][1]
