"""The profile panel shows who the person is before the agent answers: reach, communities,
products and topics, mood, each saying what it is counted from; and never two versions
of one fact. Data from the demo's sandbox, synced over HTTP on several networks (one
workspace for the module: no test here opens another, which would rebind the store)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QToolButton

from console.app.runtime import Runtime, open_demo
from console.ui import labels
from console.ui.profile_panel import ProfileController, ProfilePanel

NARROW = (350, 760)  # the profile pane of a 1366x768 window


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runtime]:
    rt = open_demo(Path(tmp_path_factory.mktemp("profile")) / "ws", speed=1000)
    try:
        rt.engine.sync_once()
        rt.engine.sync_once()
        yield rt
    finally:
        rt.close()


def lucia(rt: Runtime) -> list[int]:
    """Lucía Méndez's Mastodon, Bluesky and X accounts, linked into one customer."""
    ids = [int(r[0]) for r in rt.workspace.store.db.execute_sql(
        "SELECT id FROM author WHERE display_name = 'Lucía Méndez' ORDER BY channel = "
        "'mastodon' DESC, id").fetchall()]
    if rt.people.customer_of(ids[0]) is None:
        rt.people.link(ids)
    return ids


def open_panel(rt: Runtime, qtbot, author_id: int, size=NARROW):
    view = ProfilePanel()
    controller = ProfileController(view, rt.profile, rt.people, view)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    controller.show_author(author_id)
    qtbot.waitUntil(lambda: controller.portrait_loaded, timeout=10000)  # counted in a task
    qtbot.wait(20)
    return view, controller


def shown_texts(view: ProfilePanel) -> list[str]:
    return [w.text() for w in view.findChildren(QLabel) if w.isVisibleTo(view) and w.text()]


def test_profile_states_each_fact_once_for_a_customer_on_three_networks(demo, qtbot):
    ids = lucia(demo)
    view, controller = open_panel(demo, qtbot, ids[0])
    assert view.network.text() == "mastodon (this account), bluesky, x"
    person = controller.person
    assert person is not None
    history = controller.timeline
    while history.canFetchMore():
        history.fetchMore()
    posts = sum(1 for r in range(history.rowCount()) if history.item_at(r).kind == "mention")
    per_network = dict(demo.people.portrait(person).posts_per_network)
    assert view.seen.text() == (f"{posts} post(s) stored: bluesky {per_network['bluesky']}, "
                                f"mastodon {per_network['mastodon']}, x {per_network['x']}")
    texts = "\n".join(shown_texts(view))
    assert "mention(s) stored" not in texts and "first seen" not in texts.lower()
    first = min(history.item_at(r).created_at for r in range(history.rowCount())
                if history.item_at(r).kind == "mention")
    assert f"First post {labels.full_time(first)}" in view.figures.text()


def test_reach_communities_and_topics_say_what_they_are_counted_from(demo, qtbot):
    ids = lucia(demo)
    view, controller = open_panel(demo, qtbot, ids[1])
    portrait = view.portrait
    followers = {a.channel: a.followers for a in controller.person.authors}
    assert portrait.followers.text() == (
        "Followers, as each network reports them: "
        f"bluesky {followers['bluesky']} · mastodon {followers['mastodon']} · x {followers['x']}")
    marks = ",".join("?" * len(ids))
    raws = demo.workspace.store.db.execute_sql(
        f"SELECT raw FROM mention WHERE channel = 'x' AND author_id IN ({marks})", ids)
    views = sum(json.loads(r[0])["data"]["public_metrics"]["impression_count"] for r in raws)
    reach = portrait.reach_figures.text()
    assert reach.startswith("What their ")
    assert f"• x: {views} view(s)" in reach and "• mastodon: " in reach
    assert "favourite(s)" in reach and "like(s)" in reach
    assert portrait.reach.expanded and portrait.followers.isVisibleTo(view)
    # Folded sections keep a one-line summary; unfolding shows the counts.
    communities = portrait.communities
    assert not communities.expanded and communities.summary.text() == "mastodon.example"
    assert not portrait.places.isVisibleTo(view)
    communities.toggle.click()
    assert portrait.places.isVisibleTo(view) and not communities.summary.isVisibleTo(view)
    assert "• Mastodon servers: mastodon.example " in portrait.places.text()
    topics = portrait.topic_figures.text()
    assert "The team's watch terms, in how many of their " in topics
    assert "ventalia " in topics and "Complaint reasons triage gave their posts: " in topics
    assert "delivery" in topics


def test_portrait_fits_the_narrow_pane_in_english_and_spanish(demo, qtbot):
    from console.ui.i18n import install_translations, uninstall_translations

    ids = lucia(demo)
    for language in ("en", "es"):
        if language == "es":
            install_translations("es")
        try:
            view, _controller = open_panel(demo, qtbot, ids[0])
            portrait = view.portrait
            for section in (portrait.communities, portrait.topics):
                section.toggle.setChecked(True)
            qtbot.wait(20)
            room = portrait.width()
            for button in portrait.findChildren(QToolButton):
                assert button.sizeHint().width() <= room, button.text()
            for label in portrait.findChildren(QLabel):
                if label.isVisibleTo(view):
                    assert label.wordWrap() and label.geometry().right() <= room, label.text()
            bar = view.tabs.bar  # five tabs in 350 px: they wrap instead of being cut
            for button in view.tabs.buttons:
                assert button.isVisibleTo(view) and button.geometry().right() < bar.width()
                assert button.width() >= button.sizeHint().width(), button.text()
            if language == "es":
                assert portrait.reach.toggle.text() == "Alcance"
                assert portrait.followers.text().startswith("Seguidores")
            view.grab().save(f"/tmp/profile-portrait-{language}.png")
        finally:
            if language == "es":
                uninstall_translations()
