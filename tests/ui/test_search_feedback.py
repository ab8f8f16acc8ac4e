"""Search says how many mentions it found, and clearing it keeps the selected mention."""

from __future__ import annotations

from PySide6.QtCore import Qt

from console.ui.feed_delegate import CARD_ROLE, match_spans
from console.ui.feed_model import TEXT
from tests.builders import make_author, make_post


def test_search_counts_its_results_and_clearing_keeps_the_selection(
        runtime, store_posts, build, qtbot):
    ids = store_posts([make_post(i, text=f"consulta {i}", author=make_author(i))
                       for i in range(30)])
    old = store_posts([make_post(-5, text="Quiero la cancelación de mi pedido",
                                 author=make_author(99))])[0]
    console = build(page_size=10)  # the old mention is far below the first page
    pane = console.window.feed
    assert not pane.search_count.isVisible()
    console.window.show()
    qtbot.keyClicks(pane.search, "cancelacion")
    qtbot.keyClick(pane.search, Qt.Key.Key_Return)
    assert pane.search_count.isVisible() and pane.search_count.text().startswith("1 result")
    card = console.feed.model.index(0, TEXT).data(CARD_ROLE)
    assert card.search == "cancelacion"
    assert [card.text[a:b] for a, b in match_spans(card.text, card.search)] == ["cancelación"]
    console.feed.select_mention(old)

    pane.search.clear()
    qtbot.keyClick(pane.search, Qt.Key.Key_Return)
    assert console.feed.current_mention() == old
    assert console.feed.model.row_of(old) == console.feed.model.rowCount() - 1
    assert not pane.search_count.isVisible()
    qtbot.keyClicks(pane.search, "consulta")
    qtbot.keyClick(pane.search, Qt.Key.Key_Return)
    assert pane.search_count.text().startswith(f"{len(ids)} result")
