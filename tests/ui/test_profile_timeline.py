"""A customer with 5,000 history entries: the panel shows the first page at once and the
rest loads lazily, as a valid Qt model, newest first, with nothing missing or repeated.
How long a page takes is measured by tests/bench/bench_timeline.py, not asserted here;
these tests check the work a page costs does not grow with the history."""

from __future__ import annotations

from console.ui.profile_panel import ProfileController, ProfilePanel
from console.ui.timeline_model import TimelineModel
from tests.long_history import EVENTS, MENTIONS, NOTES, REPLIES, seed_customer
from tests.sql_count import sent_statements

PAGE_STATEMENTS = 8  # the statements one page may run, whatever the length of the history


def test_timeline_model_is_valid_and_pages_lazily(runtime, qtmodeltester):
    customer, authors = seed_customer(runtime)
    db = runtime.workspace.store.db
    model = TimelineModel(runtime.people, page_size=100)
    with sent_statements(db) as first_page:
        model.set_person(authors, customer)
    assert model.rowCount() == 100 and model.canFetchMore()
    assert len(first_page) <= PAGE_STATEMENTS, first_page
    checked = TimelineModel(runtime.people, page_size=100)
    checked.set_person(authors, customer)
    qtmodeltester.check(checked)  # the tester stays attached and re-checks: time the other
    most = 0
    while model.canFetchMore():
        before = model.rowCount()
        with sent_statements(db) as page:
            model.fetchMore()
        assert model.rowCount() - before <= 100  # the last page may be empty
        most = max(most, len(page))
    assert most <= PAGE_STATEMENTS
    items = [model.item_at(r) for r in range(model.rowCount())]
    assert len(items) == MENTIONS + REPLIES + NOTES + EVENTS == 5000
    keys = [i.key for i in items]
    assert keys == sorted(keys, reverse=True) and len(set(keys)) == len(keys)
    assert {i.kind for i in items} == {"mention", "reply", "note", "status"}


def test_panel_for_a_5000_item_customer_stays_responsive(runtime, qtbot):
    customer, authors = seed_customer(runtime)
    view = ProfilePanel()
    controller = ProfileController(view, runtime.profile, runtime.people, view)
    qtbot.addWidget(view)
    view.resize(400, 800)
    view.show()
    controller.show_author(authors[1])
    view.repaint()  # filled and painted
    assert view.name.text() == "Cliente de siempre"
    assert controller.timeline.rowCount() == 100
    assert view.seen.text().startswith(f"{MENTIONS} post(s) stored")
    assert f"{MENTIONS // 5} complaint(s)" in view.figures.text()
    assert "first answer in 3 min on average (300 answered)" in view.figures.text()
    qtbot.waitUntil(lambda: controller.portrait_loaded, timeout=10000)
    assert len(view.portrait.marks.periods) >= 3  # one per week of the newest 1,000 posts
    # Scrolling to the end of the list asks for the next page, not for everything.
    view.history.scrollToBottom()
    qtbot.waitUntil(lambda: controller.timeline.rowCount() > 100, timeout=3000)
    assert controller.timeline.rowCount() < 5000
    qtbot.wait(30)
    view.grab().save("/tmp/profile-5000.png")
    assert customer
