"""Keyboard: the shortcuts table, its bindings, the help dialog and the feed's letter keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut

from console.ui import shortcuts
from console.ui.shortcuts import TABLE, ShortcutsDialog
from tests.builders import make_post


def _bound(window) -> set[str]:
    keys = {s.key().toString() for s in window.findChildren(QShortcut) if s.isEnabled()}
    for action in window.findChildren(QAction):
        keys |= {k.toString() for k in action.shortcuts()}
    return keys


def test_every_listed_shortcut_is_bound_and_the_dialog_lists_them_all(runtime, build, qtbot):
    console = build()
    bound = _bound(console.window)
    for binding in TABLE:
        if not binding.native:
            for key in binding.keys:
                assert QKeySequence(key).toString() in bound, (binding.name, key)
    dialog = ShortcutsDialog(console.window)
    qtbot.addWidget(dialog)
    rows = dialog.rows()
    assert len(rows) == len(TABLE)
    assert ("R", "Reply: put the cursor in the composer", "In the mention list") in rows
    assert any(keys == "/ or Ctrl+F" and action == "Search mentions" for keys, action, _ in rows)
    dialog.show()
    dialog.grab().save("/tmp/shots/shortcuts.png")
    assert [a.text() for a in console.window.menuBar().actions()][-1] == "&Help"
    assert console.window.shortcuts_action.shortcuts() == shortcuts.sequences("shortcuts")


def _ready(console, qtbot):
    window = console.window
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    console.feed.select_row(0)
    window.feed.table.setFocus()
    return window


def test_r_goes_to_the_reply_and_a_to_the_assignee(runtime, store_posts, build, qtbot):
    ids = store_posts([make_post(1, text="ventalia my order never arrived")])
    if runtime.cases.case_for_mention(ids[0]) is None:
        runtime.cases.open_case(ids[0])
    console = build()
    window = _ready(console, qtbot)
    qtbot.keyClick(window.feed.table, Qt.Key.Key_R)
    qtbot.waitUntil(window.composer.editor.hasFocus)
    window.feed.table.setFocus()
    qtbot.keyClick(window.feed.table, Qt.Key.Key_A)
    qtbot.waitUntil(window.case_panel.assignee.hasFocus)


def test_e_closes_the_case_or_the_mention(runtime, store_posts, build, qtbot):
    ids = store_posts([make_post(1, text="ventalia broke"), make_post(2, text="ventalia ok")])
    case = runtime.cases.case_for_mention(ids[0]) or runtime.cases.open_case(ids[0])
    assert runtime.cases.case_for_mention(ids[1]) is None
    console = build()
    window = _ready(console, qtbot)
    console.feed.select_mention(ids[0])
    qtbot.keyClick(window.feed.table, Qt.Key.Key_E)
    assert runtime.cases.case(case.id).status == "closed"
    assert "Case closed" in window.statusBar().currentMessage()
    console.feed.select_mention(ids[1])  # no case: the mention itself is marked closed
    qtbot.keyClick(window.feed.table, Qt.Key.Key_E)
    assert runtime.profile.mention(ids[1]).status == "closed"


def test_letters_type_normally_in_text_fields(runtime, store_posts, build, qtbot):
    store_posts([make_post(1)])
    console = build()
    window = _ready(console, qtbot)
    editor = window.composer.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "rae")
    assert editor.toPlainText() == "rae"
