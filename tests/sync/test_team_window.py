"""The window hears another console: its mention enters the feed in place, the selection
stays (pytest-qt, offscreen; the other console is a real process on the workspace)."""

from __future__ import annotations

import json

import pytest
import shiboken6

from console.feed.queries import FeedFilter
from tests.sync.team_console import OtherConsole


@pytest.fixture
def window(connected, qtbot):
    from console.ui.app import build_console

    connected.engine.sync_once()  # the feed has rows before the window opens
    console = build_console(connected, 200)
    qtbot.addWidget(console.window)
    yield console
    console.bridge.close()
    console.window.close()
    shiboken6.delete(console.window)


def test_another_consoles_mention_enters_the_feed_without_reset_keeping_the_selection(
        connected, window, qtbot):
    rt = connected
    feed = window.feed
    rows_before = feed.model.rowCount()
    assert rows_before > 4
    feed.select_row(3)
    chosen = feed.current_mention()
    resets: list[int] = []
    feed.model.modelAboutToBeReset.connect(lambda: resets.append(1))
    watch = rt.engine.team_watch
    watch.start()
    other = OtherConsole(rt, rt.extras["account_id"])
    try:
        qtbot.waitUntil(lambda: watch.cursor is not None, timeout=10000)
        rt.extras["sandbox"].add_post("lucia", "@ventalia otra consola lo ha guardado")
        assert json.loads(other.ask("sync"))["added"] == 1
        [new] = rt.feed.page(FeedFilter(search="otra consola lo ha guardado"))
        qtbot.waitUntil(lambda: feed.model.row_of(new.id) >= 0, timeout=2000)
    finally:
        other.close()
        watch.stop()
    assert feed.model.rowCount() == rows_before + 1
    assert resets == []
    assert feed.current_mention() == chosen
    table = window.window.feed.table
    assert table.currentIndex().row() == feed.model.row_of(chosen)


def test_the_status_bar_says_another_console_pulls_the_account(connected, window, qtbot):
    from console.sync.events import AccountStatus

    window.bridge.deliver(AccountStatus(connected.extras["account_id"],
                                        "mastodon @ventalia (127.0.0.1)", "elsewhere"))
    chips = window.window.status_bar.chips

    def said() -> str:
        return " | ".join(chip.accessibleName() for chip in chips.chips)

    qtbot.waitUntil(lambda: "another console" in said())
    # The account's chip says it once, in full; it is no fault, so not in red.
    [chip] = [c for c in chips.chips if "another console" in c.accessibleName()]
    assert chip.accessibleName().count("pulled by another console") == 1
    assert "@ventalia" in chip.accessibleName() and not chip.troubled
    assert "pulled by another console" in chip.toolTip()
