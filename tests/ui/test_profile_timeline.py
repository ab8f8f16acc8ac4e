"""A customer with 5,000 history entries: the panel shows the first page at once and the
rest loads lazily, as a valid Qt model, newest first, with nothing missing or repeated."""

from __future__ import annotations

import time
from datetime import timedelta

from console.store.timeutil import to_db
from console.ui.profile_panel import ProfileController, ProfilePanel
from console.ui.timeline_model import TimelineModel
from tests.builders import BASE_TIME

MENTIONS, REPLIES, NOTES, EVENTS = 4400, 300, 200, 100  # 5,000 entries in all


def seed_customer(runtime) -> tuple[int, tuple[int, int]]:
    """One customer with two accounts and a long history, written straight to the store."""
    store, db = runtime.workspace.store, runtime.workspace.store.db
    now = to_db(BASE_TIME)
    with store.write():
        customer = db.execute_sql("INSERT INTO customer (name, vip, created_at, updated_at) "
                                  "VALUES ('Cliente de siempre', 1, ?, ?)", (now, now)).lastrowid
        authors = []
        for n, channel in enumerate(("mastodon", "bluesky")):
            authors.append(db.execute_sql(
                "INSERT INTO author (channel, remote_id, handle, display_name, url, followers, "
                "bio, avatar_url, bot, fields, customer_id, raw, first_seen, updated_at) VALUES "
                "(?, ?, ?, 'Cliente', 'https://example.org/c', 5, '', '', 0, '[]', ?, '{}', ?, ?)",
                (channel, f"c{n}", f"cliente{n}", customer, now, now)).lastrowid)
        rows = []
        for i in range(MENTIONS):
            when = BASE_TIME + timedelta(minutes=7 * i)
            rows.append((channel_of(i), f"m{i}", authors[i % 2], f"mensaje número {i}",
                         to_db(when), to_db(when), (int(when.timestamp() * 1000) << 20) + i,
                         -0.4 if i % 3 else 0.3, "negative" if i % 3 else "positive",
                         0.8 if i % 5 == 0 else 0.1))
        db.execute_sql("SELECT 1")
        db.connection().executemany(
            "INSERT INTO mention (channel, remote_id, url, author_id, text, html, created_at, "
            "fetched_at, feed_key, source, sources, visibility, tagged, lang, sentiment, "
            "sentiment_label, complaint, reason, relevance, priority, priority_reasons, spam, "
            "status, raw) VALUES (?, ?, '', ?, ?, '', ?, ?, ?, 'mention', 'mention', 'public', "
            "1, 'es', ?, ?, ?, 'delivery', 1, 10, '', 0, 'new', '{}')", rows)
        first = db.execute_sql("SELECT min(id) FROM mention").fetchone()[0]
        db.connection().executemany(
            "INSERT INTO reply (mention_id, text, visibility, idempotency_key, state, error, "
            "attempts, url, agent, created_at, updated_at, sent_at) VALUES "
            "(?, 'Hola, lo miramos', 'public', ?, 'sent', '', 1, '', 'ana', ?, ?, ?)",
            [(first + i * 10, f"k{i}", *(3 * [to_db(BASE_TIME + timedelta(minutes=70 * i + 3))]))
             for i in range(REPLIES)])
        db.connection().executemany(
            "INSERT INTO note (body, agent, created_at, customer_id) VALUES (?, 'luis', ?, ?)",
            [(f"nota {i}", to_db(BASE_TIME + timedelta(minutes=150 * i + 1)), customer)
             for i in range(NOTES)])
        case = db.execute_sql(
            'INSERT INTO "case" (status, priority, created_at, updated_at, channel, author_id, '
            "subject) VALUES ('open', 50, ?, ?, 'mastodon', ?, 'pedido')",
            (now, now, authors[0])).lastrowid
        db.connection().executemany(
            "INSERT INTO case_event (case_id, at, agent, kind, old, new) VALUES "
            "(?, ?, 'ana', 'status', 'open', 'waiting')",
            [(case, to_db(BASE_TIME + timedelta(minutes=300 * i + 2))) for i in range(EVENTS)])
    return int(customer), (int(authors[0]), int(authors[1]))


def channel_of(i: int) -> str:
    return "mastodon" if i % 2 == 0 else "bluesky"


def test_timeline_model_is_valid_and_pages_lazily(runtime, qtmodeltester):
    customer, authors = seed_customer(runtime)
    model = TimelineModel(runtime.people, page_size=100)
    started = time.perf_counter()
    model.set_person(authors, customer)
    first_page = time.perf_counter() - started
    assert model.rowCount() == 100 and model.canFetchMore()
    assert first_page < 0.25, f"the first page took {first_page * 1000:.0f} ms"
    checked = TimelineModel(runtime.people, page_size=100)
    checked.set_person(authors, customer)
    qtmodeltester.check(checked)  # the tester stays attached and re-checks: time the other
    slowest = 0.0
    while model.canFetchMore():
        started = time.perf_counter()
        model.fetchMore()
        slowest = max(slowest, time.perf_counter() - started)
    assert slowest < 0.25, f"a further page took {slowest * 1000:.0f} ms"
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
    qtbot.wait(10)  # the empty panel painted once: fonts loaded before timing
    started = time.perf_counter()
    controller.show_author(authors[1])
    view.repaint()  # filled and painted
    shown = time.perf_counter() - started
    assert shown < 1.0, f"showing the customer took {shown * 1000:.0f} ms"
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
