"""Canned replies in the post's language are offered first, by "/" and in the picker."""

from __future__ import annotations

from console.cases.canned import Canned
from console.ui.canned_model import CannedRole
from console.ui.canned_picker import CannedPicker
from tests.builders import make_post


def _langs(model, rows: int) -> list[str]:
    items = [model.index(r, 0).data(CannedRole) for r in range(rows)]
    return [item.lang for item in items if isinstance(item, Canned)]


def _open(runtime, store_posts, build, text):
    [mention] = store_posts([make_post(1, text)])
    console = build()
    console.feed.select_mention(mention)
    return console, runtime.profile.mention(mention).lang


def test_slash_offers_english_replies_first_for_an_english_post(
        runtime, store_posts, build, qtbot):
    console, lang = _open(runtime, store_posts, build,
                          "@ventalia my order has not arrived and nobody answers my emails")
    assert lang == "en"
    qtbot.keyClicks(console.window.composer.editor, "/")  # every reply matches
    model = console.composer.completer.completer.completionModel()
    langs = _langs(model, model.rowCount())
    assert langs[0] == "en" and langs == sorted(langs, key=lambda lang: lang != "en")


def test_the_picker_puts_the_posts_language_first_even_when_searching(
        runtime, store_posts, build, qtbot):
    _console, lang = _open(runtime, store_posts, build,
                          "@ventalia my order has not arrived and nobody answers my emails")
    picker = CannedPicker(runtime.canned, lang)
    qtbot.addWidget(picker)
    langs = _langs(picker.model, picker.model.rowCount())
    assert langs == sorted(langs, key=lambda lang: lang != "en") and langs[0] == "en"
    picker.search.setText("re")  # "reembolso" and "refund" both match
    langs = _langs(picker.model, picker.model.rowCount())
    assert langs[0] == "en" and "es" in langs


def test_a_spanish_post_gets_spanish_replies_first(runtime, store_posts, build, qtbot):
    console, lang = _open(runtime, store_posts, build,
                          "@ventalia mi pedido no ha llegado y nadie contesta a mis correos")
    assert lang == "es"
    qtbot.keyClicks(console.window.composer.editor, "/")
    model = console.composer.completer.completer.completionModel()
    assert _langs(model, model.rowCount())[0] == "es"
