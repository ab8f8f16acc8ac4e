"""`e` closes a case with an Undo offered; a close without a reply says so everywhere."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.builders import make_post

COMPLAINT = "@ventalia me cobraron dos veces y nadie responde, quiero el reembolso ya"


def _ready(console, qtbot, mention_id):
    window = console.window
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert console.feed.select_mention(mention_id)
    window.feed.table.setFocus()
    qtbot.waitUntil(window.feed.table.hasFocus)
    return window


def _stored(runtime, case_id):
    db = runtime.workspace.store.db
    return (tuple(db.execute_sql('SELECT * FROM "case" WHERE id = ?', (case_id,)).fetchone()),
            db.execute_sql("SELECT id, status FROM mention WHERE case_id = ? ORDER BY id",
                           (case_id,)).fetchall())


def test_e_on_an_unanswered_complaint_offers_undo_and_undo_restores_it(
        runtime, store_posts, build, qtbot):
    ids = store_posts([make_post(1, COMPLAINT), make_post(2, "una pregunta")])
    case = runtime.cases.case_for_mention(ids[0]) or runtime.cases.open_case(ids[0])
    before = _stored(runtime, case.id)
    console = build()
    window = _ready(console, qtbot, ids[0])

    qtbot.keyClick(window.feed.table, Qt.Key.Key_E)
    assert runtime.cases.case(case.id).status == "closed"
    assert console.undo.isVisible()
    assert console.undo.text.text() == f"Case {case.id} closed without a reply."
    panel = window.case_panel
    assert "closed without reply" in panel.resolution_clock.text()
    assert "met" not in panel.resolution_clock.text()
    row = console.feed.model.row_of(ids[0])
    assert console.feed.model.index(row, 3).data() == "closed without reply"

    qtbot.mouseClick(console.undo.undo_button, Qt.MouseButton.LeftButton)
    assert _stored(runtime, case.id)[0][1:] == before[0][1:]  # every column but the id
    assert _stored(runtime, case.id) == before
    assert not console.undo.isVisible()
    assert console.feed.current_mention() == ids[0]


def test_ctrl_z_takes_the_close_back_while_the_undo_shows(runtime, store_posts, build, qtbot):
    [mention] = store_posts([make_post(1, COMPLAINT)])
    case = runtime.cases.case_for_mention(mention) or runtime.cases.open_case(mention)
    status = runtime.cases.case(case.id).status
    console = build()
    window = _ready(console, qtbot, mention)
    qtbot.keyClick(window.feed.table, Qt.Key.Key_E)
    assert runtime.cases.case(case.id).status == "closed"
    window.feed.table.setFocus()
    qtbot.keyClick(window.feed.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert runtime.cases.case(case.id).status == status
    console.undo.dismiss()
    qtbot.keyClick(window.feed.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert runtime.cases.case(case.id).status == status  # nothing more to take back
