"""Nothing moves under the agent: new mentions wait in a bar while the feed is in use."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor

from console.sync.events import MentionsAdded
from tests.builders import make_author, make_post

ANGRY = "@ventalia me cobraron dos veces y nadie responde, quiero el reembolso ya, es una estafa"


def _pointed_mention(console) -> int:
    """The mention under the pointer, as the agent sees it."""
    table = console.window.feed.table
    index = table.indexAt(table.viewport().mapFromGlobal(QCursor.pos()))
    return console.feed.model.row_at(index.row()).id if index.isValid() else 0


def _ready(console, qtbot):
    window = console.window
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.feed.sort.setCurrentIndex(1)  # priority first: where rows moved before
    assert console.feed.model.feed_filter.sort == "priority"
    return window


def test_new_mentions_wait_under_the_pointer_then_home_shows_them(
        runtime, store_posts, build, qtbot):
    store_posts([make_post(i, text=f"una consulta sobre el pedido {i}",
                           author=make_author(i)) for i in range(1, 7)])
    console = build()
    window = _ready(console, qtbot)
    table = window.feed.table
    console.feed.select_row(2)
    selected = console.feed.current_mention()
    # The pointer rests on the second row, as the agent moves to click it.
    QCursor.setPos(table.viewport().mapToGlobal(table.visualRect(
        console.feed.model.index(1, 4)).center()))
    pointed = _pointed_mention(console)
    assert pointed and pointed != selected
    before = console.feed.model.rowCount()

    # Three complaints arrive through the engine's path: they rank above every row.
    new = store_posts([make_post(100 + i, text=ANGRY, author=make_author(100 + i))
                       for i in range(3)])
    console.bridge.deliver(MentionsAdded(tuple(new)))

    assert _pointed_mention(console) == pointed
    assert console.feed.current_mention() == selected
    assert console.feed.model.rowCount() == before
    assert window.feed.new_mentions.isVisible()
    bar = window.feed.new_mentions
    assert bar.count == 3 and "3 new mention" in bar.text()

    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Home)
    assert console.feed.model.rowCount() == before + 3
    assert not window.feed.new_mentions.isVisible()
    assert {console.feed.model.row_at(r).id for r in range(3)} == set(new)
    assert console.feed.current_mention() == console.feed.model.row_at(0).id


def test_typing_a_reply_holds_new_mentions_and_the_bar_shows_them(
        runtime, store_posts, build, qtbot):
    store_posts([make_post(i, text=f"una consulta sobre el pedido {i}",
                           author=make_author(i)) for i in range(1, 4)])
    console = build()
    window = _ready(console, qtbot)
    QCursor.setPos(window.mapToGlobal(window.rect().bottomRight()) * 2)  # far off the feed
    console.feed.select_row(1)
    selected = console.feed.current_mention()
    window.composer.editor.setFocus()
    qtbot.waitUntil(window.composer.editor.hasFocus)
    qtbot.keyClicks(window.composer.editor, "Hola, lo reviso")

    new = store_posts([make_post(200, text=ANGRY, author=make_author(200))])
    console.bridge.deliver(MentionsAdded(tuple(new)))
    assert console.feed.model.row_of(new[0]) == -1
    assert console.feed.model.row_of(selected) == 1
    assert window.feed.new_mentions.count == 1

    qtbot.mouseClick(window.feed.new_mentions, Qt.MouseButton.LeftButton)
    assert console.feed.model.row_of(new[0]) == 0
    assert console.feed.current_mention() == selected  # still the mention being answered
    assert not window.feed.new_mentions.isVisible()


def test_an_idle_feed_takes_new_mentions_at_once(runtime, store_posts, build, qtbot):
    store_posts([make_post(1, text="una consulta")])
    console = build()
    window = _ready(console, qtbot)
    QCursor.setPos(window.mapToGlobal(window.rect().bottomRight()) * 2)
    window.feed.search.setFocus()
    new = store_posts([make_post(300, text=ANGRY, author=make_author(300))])
    console.bridge.deliver(MentionsAdded(tuple(new)))
    assert console.feed.model.row_of(new[0]) == 0
    assert not window.feed.new_mentions.isVisible()
