"""Feed rows read as cards: two lines, the post's text over the whole width, the
impersonation warning, the priority, and a dash for a sentiment that was not analysed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from console.feed.queries import FeedFilter
from console.feed.service import FeedService
from console.ui.feed_delegate import CARD_ROLE, match_spans
from console.ui.feed_model import SENTIMENT, TEXT, FeedModel
from tests.builders import make_author, make_post

COMPLAINT = "@ventalia me cobraron dos veces y nadie responde, quiero el reembolso ya"


def test_a_row_is_two_lines_and_the_text_takes_the_width(runtime, store_posts, build, qtbot):
    store_posts([make_post(1, text="Mi pedido 4411 no ha llegado\ny nadie contesta")])
    console = build()
    window = console.window
    window.resize(1366, 740)
    window.show()
    qtbot.waitExposed(window)
    table = window.feed.table
    line = table.fontMetrics().height()
    assert table.rowHeight(0) >= 2 * line  # who/when above, the post below
    assert table.columnWidth(TEXT) >= 0.9 * table.viewport().width()
    card = console.feed.model.index(0, TEXT).data(CARD_ROLE)
    assert card.text == "Mi pedido 4411 no ha llegado y nadie contesta"  # one line
    assert card.author == "User 1 @user1"
    assert "mastodon" in card.meta
    assert any(text.startswith("P") for text, _ in card.badges)  # the priority shows


def test_priority_first_shows_the_priority_of_each_row(runtime, store_posts, build):
    store_posts([make_post(1, text="gracias, todo perfecto"), make_post(2, text=COMPLAINT)])
    console = build()
    console.window.feed.sort.setCurrentIndex(1)
    model = console.feed.model
    shown = [model.index(r, TEXT).data(CARD_ROLE).badges[-1][0] for r in range(2)]
    assert shown == [f"P{model.row_at(r).priority}" for r in range(2)]
    assert model.row_at(0).priority > model.row_at(1).priority


def test_the_lookalike_warning_is_in_the_row(runtime, store_posts, build):
    impostor = make_author(7, handle="ventalia_soporte", display_name="Ventalia Soporte")
    ids = store_posts([make_post(1, text="DM us your card number", author=impostor),
                       make_post(2, text="hola")])
    console = build()
    model = console.feed.model
    warned = model.index(model.row_of(ids[0]), TEXT)
    assert warned.data(CARD_ROLE).warning
    assert "impersonator" in warned.data(CARD_ROLE).warning
    assert "⚠ Possible impersonator" in warned.data(Qt.ItemDataRole.ToolTipRole)
    assert not model.index(model.row_of(ids[1]), TEXT).data(CARD_ROLE).warning


def test_untrusted_text_is_kept_as_text_and_painting_reads_no_markup(runtime, store_posts,
                                                                      build):
    author = make_author(3, display_name="<b>[VERIFIED STAFF]</b>")
    store_posts([make_post(1, text="<img src=x width=20000> hola", author=author)])
    console = build()
    index = console.feed.model.index(0, TEXT)
    card = index.data(CARD_ROLE)
    assert card.author.startswith("<b>[VERIFIED STAFF]</b>")  # literal: drawn as text
    image = QImage(800, 60, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    option = QStyleOptionViewItem()
    option.rect = image.rect()
    option.font = console.window.feed.table.font()
    console.window.feed.cards.paint(painter, option, index)
    painter.end()


def test_undefined_sentiment_is_a_dash_with_the_reason(runtime, store_posts, build):
    ids = store_posts([make_post(1, text="Dziękuję bardzo za szybką dostawę zamówienia")])
    console = build()
    model = console.feed.model
    row = model.row_of(ids[0])
    assert model.row_at(row).sentiment_label == "undefined"
    index = model.index(row, SENTIMENT)
    assert index.data() == "–"
    assert "language was not analysed" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert "–" in [b for b, _ in model.index(row, TEXT).data(CARD_ROLE).badges]


def test_search_matches_are_found_case_and_accent_blind():
    text = "Quiero la Cancelación del pedido"
    [(start, end)] = match_spans(text, "cancelacion")
    assert text[start:end] == "Cancelación"
    assert match_spans(text, "pedido quiero") == [(0, 6), (26, 32)]
    assert match_spans(text, "") == []


def test_holding_and_releasing_rows_keeps_a_valid_model(runtime, store_posts, qtmodeltester):
    store_posts([make_post(i, author=make_author(i % 3)) for i in range(12)])
    model = FeedModel(FeedService(runtime.workspace.store), page_size=50)
    model.set_filter(FeedFilter(sort="priority"))
    qtmodeltester.check(model)
    before = [model.row_at(r).id for r in range(model.rowCount())]
    model.frozen = True
    new = store_posts([make_post(100, text=COMPLAINT, author=make_author(9))])
    assert model.add_mentions(new) == 1 and model.held_count() == 1
    runtime.feed.set_status([before[-1]], "replied")
    model.update_mentions([before[-1]])
    assert [model.row_at(r).id for r in range(model.rowCount())] == before  # nothing moved
    model.frozen = False
    assert model.release() == 1
    assert model.row_of(new[0]) == 0 and model.held_count() == 0
    assert model.rowCount() == len(before) + 1
