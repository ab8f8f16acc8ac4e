"""Selecting a post whose author has a name of a million characters takes a moment, not the
12 s it froze the window for: the name is stored capped, and a name stored before the cap
is only ever read from its start (look-alike check, labels)."""

from __future__ import annotations

import time

from console.store.models import Author
from console.trust.unicode import NAME_LIMIT
from console.ui.feed_model import AUTHOR
from tests.builders import make_author, make_post

MILLION = 1_000_000
BRAND_LIKE = "Ventalia Soporte " + "x" * MILLION


def _select(console, mention_id: int) -> float:
    started = time.perf_counter()
    console.feed.select_mention(mention_id)
    return time.perf_counter() - started


def test_a_huge_name_is_shown_capped_and_selected_at_once(runtime, store_posts, build):
    ids = store_posts([make_post(1, author=make_author(3, display_name=BRAND_LIKE))])
    console = build()
    assert _select(console, ids[0]) < 2.0
    panel = console.window.profile
    assert panel.name.text().startswith("Ventalia Soporte x")
    assert len(panel.name.text()) <= NAME_LIMIT
    assert len(console.feed.model.index(0, AUTHOR).data()) <= 200 + len(" @user3")


def test_a_huge_name_stored_before_the_cap_is_read_from_its_start(runtime, store_posts,
                                                                  build):
    ids = store_posts([make_post(1, author=make_author(3))])
    with runtime.workspace.store.write():
        Author.update(display_name=BRAND_LIKE).execute()  # a database from before the cap
    console = build()
    assert _select(console, ids[0]) < 2.0
    assert len(console.window.profile.name.text()) <= NAME_LIMIT
