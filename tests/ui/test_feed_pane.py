"""The feed pane as an agent uses it: filters, accent-insensitive search, keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.builders import make_author, make_post


def _texts(console) -> list[str]:
    model = console.feed.model
    return [model.row_at(r).text for r in range(model.rowCount())]


def test_status_and_source_filters(runtime, store_posts, build):
    ids = store_posts([
        make_post(1, text="pedido uno", source="mention"),
        make_post(2, text="pedido dos", source="keyword"),
        make_post(3, text="pedido tres", source="hashtag"),
    ])
    runtime.feed.set_status([ids[0]], "replied")
    console = build()
    pane = console.window.feed
    assert len(_texts(console)) == 3

    pane.status.setCurrentText("replied")
    assert _texts(console) == ["pedido uno"]
    pane.status.setCurrentText("any status")
    pane.source.setCurrentText("hashtag")
    assert _texts(console) == ["pedido tres"]
    pane.source.setCurrentText("any source")
    assert pane.channel.findText("mastodon") >= 0


def test_search_is_debounced_and_accent_insensitive(runtime, store_posts, build, qtbot):
    store_posts([
        make_post(1, text="Quiero la cancelación de mi pedido"),
        make_post(2, text="Gracias por la ayuda"),
        make_post(3, text="El ventilador llegó roto"),
    ])
    console = build()
    search = console.window.feed.search
    qtbot.keyClicks(search, "cancelacion")
    assert len(_texts(console)) == 3  # not yet: the search waits for typing to pause
    qtbot.waitUntil(lambda: _texts(console) == ["Quiero la cancelación de mi pedido"],
                    timeout=2000)
    search.clear()
    qtbot.keyClicks(search, "LLEGO")
    qtbot.keyClick(search, Qt.Key.Key_Return)  # Enter searches at once
    assert _texts(console) == ["El ventilador llegó roto"]


def test_selection_survives_a_filter_that_keeps_it(runtime, store_posts, build):
    ids = store_posts([make_post(i, text=f"pedido {i}") for i in range(5)])
    console = build()
    console.feed.select_mention(ids[1])
    console.window.feed.status.setCurrentText("new")
    assert console.feed.current_mention() == ids[1]
    console.window.feed.status.setCurrentText("closed")
    assert console.feed.current_mention() == 0
    assert console.thread.mention is None


def test_keyboard_moves_opens_and_focuses_search(runtime, store_posts, build, qtbot):
    ids = store_posts([make_post(i, author=make_author(i)) for i in range(5)])
    console = build()
    window = console.window
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts only reach the active window
    table = window.feed.table
    console.feed.select_row(0)
    table.setFocus()
    assert console.feed.current_mention() == ids[4]  # newest first
    qtbot.keyClick(table, Qt.Key.Key_J)
    assert console.feed.current_mention() == ids[3]
    qtbot.keyClick(table, Qt.Key.Key_J)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert console.feed.current_mention() == ids[1]
    qtbot.keyClick(table, Qt.Key.Key_K)
    assert console.feed.current_mention() == ids[2]
    assert console.composer.mention_id == ids[2]
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.composer.editor.hasFocus())

    window.search_action.trigger()  # Ctrl+F and "/"
    qtbot.waitUntil(lambda: window.feed.search.hasFocus())
    shortcuts = [s.toString() for s in window.search_action.shortcuts()]
    assert "Ctrl+F" in shortcuts and "/" in shortcuts
    assert table.accessibleName() == "Mention feed"


def test_spam_is_hidden_by_default_and_shown_on_request(runtime, store_posts, build):
    ids = store_posts([
        make_post(1, text="pedido uno", source="mention"),
        make_post(2, text="gana dinero rápido", source="keyword"),
        make_post(3, text="comentario del blog", source="comment"),
    ])
    runtime.workspace.store.db.execute_sql("UPDATE mention SET spam = 1 WHERE id = ?", (ids[1],))
    console = build()
    pane = console.window.feed
    assert "gana dinero rápido" not in _texts(console)
    pane.hidden.setChecked(True)
    assert "gana dinero rápido" in _texts(console)
    pane.hidden.setChecked(False)
    pane.source.setCurrentText("comment")
    assert _texts(console) == ["comentario del blog"]
