"""The window's layout survives a restart: size, splitters, feed columns and filters."""

from __future__ import annotations

import json

from console.ui.feed_model import CHANNEL, STATUS, TIME
from console.ui.window_state import STATE_NAME
from tests.builders import make_post


def test_layout_and_filters_come_back_after_a_restart(runtime, store_posts, build, qtbot):
    store_posts([make_post(1)])
    first = build()
    window = first.window
    window.resize(1200, 760)
    window.show()
    qtbot.waitExposed(window)
    window.panes.setSizes([500, 450, 250])
    window.centre.setSizes([350, 260])
    panes, centre = window.panes.sizes(), window.centre.sizes()
    table = window.feed.table
    table.setColumnHidden(STATUS, False)  # shown though hidden by default
    table.setColumnHidden(TIME, True)
    table.setColumnHidden(CHANNEL, False)  # the card shows it: hidden by default
    table.horizontalHeader().resizeSection(CHANNEL, 123)
    pane = window.feed
    pane.sort.setCurrentIndex(pane.sort.findData("priority"))
    pane.status.setCurrentIndex(pane.status.findData("new"))
    pane.hidden.setChecked(True)
    size = (window.width(), window.height())
    assert size != (1440, 860)  # not the default size
    window.close()
    assert json.loads((runtime.workspace.path / STATE_NAME).read_text())["filters"]["sort"] \
        == "priority"

    again = build()
    window = again.window
    window.show()
    qtbot.waitExposed(window)
    assert (window.width(), window.height()) == size
    assert window.panes.sizes() == panes and window.centre.sizes() == centre
    table = window.feed.table
    assert not table.isColumnHidden(STATUS) and table.isColumnHidden(TIME)
    assert table.horizontalHeader().sectionSize(CHANNEL) == 123
    assert window.feed.sort.currentData() == "priority"
    assert window.feed.status.currentData() == "new"
    assert window.feed.hidden.isChecked()
    flt = again.feed.current_filter()  # the feed really is filtered that way
    assert flt.sort == "priority" and flt.statuses == ("new",) and flt.include_spam


def test_a_damaged_state_file_means_the_default_layout(runtime, build):
    (runtime.workspace.path / STATE_NAME).write_text("{not json", encoding="utf-8")
    console = build()
    assert console.window.feed.sort.currentData() == "newest"
    assert console.window.feed.table.isColumnHidden(STATUS)
