"""Zero-width characters and direction overrides in a name, a bio or a post are not shown
in the feed, the thread or the profile, and not written to the printable export."""

from __future__ import annotations

from console.feed.queries import FeedFilter
from console.reports.exporting import ViewExporter
from console.ui.feed_model import AUTHOR, TEXT
from tests.builders import make_author, make_post

HIDDEN = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e")
FAMILY = "👨\u200d👩\u200d👧"
SNEAKY = make_author(9, display_name="Ana\u200b Pé\u2060rez\ufeff \u202eSTAFF",
                     handle="ana\u200d", bio="Odontó\u200bloga \u200cen Madrid " + FAMILY)


def _clean(text: str) -> bool:
    return not any(ch in text.replace(FAMILY, "") for ch in HIDDEN)


def test_hidden_characters_are_not_shown(runtime, store_posts, build) -> None:
    ids = store_posts([make_post(1, text="mi pe\u200bdido\u2060 no llega\ufeff " + FAMILY,
                                 author=SNEAKY)])
    console = build()
    model = console.feed.model
    row = model.row_of(ids[0])
    author = model.index(row, AUTHOR).data()
    text = model.index(row, TEXT).data()
    assert author == "Ana Pérez STAFF @ana"
    assert text == "mi pedido no llega " + FAMILY  # the emoji keeps its joiners

    console.feed.select_mention(ids[0])
    panel = console.window.profile
    assert panel.name.text() == "Ana Pérez STAFF"
    assert panel.bio.text() == "Odontóloga en Madrid " + FAMILY
    thread = console.window.thread.text.toPlainText()
    assert "mi pedido no llega " + FAMILY in thread and _clean(thread)


def test_printable_export_drops_hidden_characters(runtime, store_posts, tmp_path) -> None:
    store_posts([make_post(1, text="mi pe\u200bdido\u202e no llega " + FAMILY, author=SNEAKY)])
    target = tmp_path / "view.html"
    ViewExporter(runtime.workspace.store).export(
        FeedFilter(include_spam=True, include_irrelevant=True), "html", target)
    page = target.read_text(encoding="utf-8")
    assert "mi pedido no llega " + FAMILY in page and "Ana Pérez STAFF (@ana)" in page
    assert _clean(page)
