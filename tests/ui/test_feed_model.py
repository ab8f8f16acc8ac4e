"""The feed model: a valid Qt model, lazy pages, and live inserts/updates without a reset."""

from __future__ import annotations

import threading

from PySide6.QtCore import QModelIndex

from console.feed.queries import FeedFilter
from console.feed.service import FeedService
from console.sync.events import MentionsAdded
from console.ui.feed_model import STATUS, TEXT, FeedModel
from tests.builders import make_author, make_post


def test_feed_model_is_a_valid_qt_model(runtime, store_posts, qtmodeltester):
    store_posts([make_post(i, author=make_author(i % 3)) for i in range(30)])
    model = FeedModel(FeedService(runtime.workspace.store), page_size=10)
    model.set_filter(FeedFilter(statuses=("new",)))
    # The tester stays attached and checks every change below. (A reset is left out on
    # purpose: the C++ tester calls fetchMore from its own modelReset handler, before it
    # has marked the reset finished, and then reports its own bookkeeping.)
    qtmodeltester.check(model)
    model.fetchMore(QModelIndex())
    loaded = model.rowCount()
    new = store_posts([make_post(100, text="brand new")])
    assert model.add_mentions(new) == 1
    assert model.row_of(new[0]) == 0
    top = model.row_at(1).id
    runtime.feed.set_status([top], "replied")
    model.update_mentions([top])  # leaves: the filter shows new mentions only
    assert model.row_of(top) == -1
    model.update_mentions(new)  # unchanged: dataChanged in place
    assert model.rowCount() == loaded


def test_rows_load_page_by_page(runtime, store_posts):
    store_posts([make_post(i, author=make_author(i % 7)) for i in range(1000)])
    model = FeedModel(runtime.feed, page_size=200)
    model.set_filter(FeedFilter())
    counts = [model.rowCount()]
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        counts.append(model.rowCount())
    assert counts == [200, 400, 600, 800, 1000, 1000]
    ids = [model.row_at(r).id for r in range(model.rowCount())]
    assert len(set(ids)) == 1000
    times = [model.row_at(r).created_at for r in range(model.rowCount())]
    assert times == sorted(times, reverse=True)  # newest first


def test_new_mention_appears_in_place_and_selection_stays(runtime, store_posts, build, qtbot):
    store_posts([make_post(i, author=make_author(i % 4)) for i in range(50)])
    console = build(page_size=20)
    feed = console.feed
    feed.select_row(3)
    chosen = feed.current_mention()
    resets: list[int] = []
    feed.model.modelAboutToBeReset.connect(lambda: resets.append(1))

    newest = store_posts([make_post(500, text="la freidora llegó rota")])
    between = store_posts([make_post(45, remote_id="45b", text="entre medias")])
    too_old = store_posts([make_post(-10, remote_id="old", text="beyond the loaded page")])
    # the engine calls back on its own thread: the bridge queues it to the GUI thread
    worker = threading.Thread(target=console.bridge.deliver,
                              args=(MentionsAdded(tuple(newest + between + too_old)),))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: feed.model.rowCount() == 22)

    assert resets == []
    assert feed.model.row_at(0).id == newest[0]
    assert feed.model.row_of(between[0]) == 5  # after post 46, before 45 (same time, newer id)
    assert feed.model.row_of(too_old[0]) == -1  # a later page brings it
    assert feed.current_mention() == chosen
    assert console.window.feed.table.currentIndex().row() == feed.model.row_of(chosen) == 4
    assert feed.model.index(0, TEXT).data() == "la freidora llegó rota"


def test_changed_mentions_update_in_place_or_leave(runtime, store_posts, build):
    ids = store_posts([make_post(i) for i in range(5)])
    console = build()
    model = console.feed.model
    runtime.feed.set_status([ids[0]], "replied")
    console.bridge.mentionsChanged.emit([ids[0]])
    assert model.index(model.row_of(ids[0]), STATUS).data() == "replied"

    console.window.feed.status.setCurrentText("new")
    assert model.rowCount() == 4
    runtime.feed.set_status([ids[1]], "closed")
    console.bridge.mentionsChanged.emit([ids[1]])
    assert model.row_of(ids[1]) == -1
    assert model.rowCount() == 3


def test_priority_sort_orders_by_priority(runtime, store_posts, build):
    store_posts([make_post(1, text="gracias, todo perfecto"),
                 make_post(2, text="@ventalia me cobraron dos veces y nadie responde, "
                                   "quiero el reembolso ya, es una estafa")])
    console = build()
    console.window.feed.sort.setCurrentIndex(1)
    model = console.feed.model
    assert model.feed_filter.sort == "priority"
    priorities = [model.row_at(r).priority for r in range(model.rowCount())]
    assert priorities == sorted(priorities, reverse=True)
    assert "reembolso" in model.row_at(0).text
