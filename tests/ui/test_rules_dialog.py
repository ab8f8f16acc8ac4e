"""The rules editor: add, edit, reorder, switch off, validate and test rules; all persisted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from console.ui.rules_dialog import RulesController, RulesDialog


@pytest.fixture
def editor(runtime, qtbot):
    dialog = RulesDialog()
    qtbot.addWidget(dialog)
    controller = RulesController(dialog, runtime.rules)
    # Closing with an edit open asks first (a modal box): answer for the test's teardown.
    controller.ask_unsaved = lambda: "discard"
    yield dialog, controller
    qtbot.waitUntil(lambda: not controller.busy(), timeout=10000)


def _fill(dialog, controller, name, keyword, tag, priority=None):
    dialog.name.setText(name)
    dialog.name.textEdited.emit(name)
    row = controller.add_condition_row("keyword", keyword)
    row.value.textEdited.emit(keyword)
    actions = controller._rows(dialog.action_rows)
    actions[0].value.setText(tag)
    actions[0].value.textEdited.emit(tag)
    if priority is not None:
        controller.add_action_row("set_priority", priority)


def names(runtime):
    return [(s.position, s.rule.name, s.rule.enabled) for s in runtime.rules.rules()]


def test_add_edit_and_reorder_persist(editor, runtime, qtbot):
    dialog, controller = editor
    assert controller.editing is None and dialog.list.count() == 0
    _fill(dialog, controller, "Legal", "abogado, profeco", "legal", "95")
    assert dialog.save.isEnabled() and dialog.message.text() == ""
    dialog.save.click()
    [stored] = runtime.rules.rules()
    assert stored.rule.describe() == ("if keyword: abogado, profeco then tag legal, "
                                      "set priority 95")
    assert dialog.list.count() == 1 and dialog.message.text() == "Saved."

    dialog.add.click()
    _fill(dialog, controller, "Refunds", "reembolso", "billing")
    dialog.stop.setChecked(True)
    dialog.save.click()
    assert names(runtime) == [(1, "Legal", True), (2, "Refunds", True)]
    assert runtime.rules.rules()[1].rule.stop

    # Edit the first rule's name; the change is stored in place.
    dialog.list.setCurrentRow(0)
    assert dialog.name.text() == "Legal"
    dialog.name.setText("Legal threats")
    dialog.name.textEdited.emit("Legal threats")
    dialog.save.click()
    assert names(runtime)[0] == (1, "Legal threats", True)

    # Move it down with the button, then back up by dragging.
    dialog.down.click()
    assert names(runtime) == [(1, "Refunds", True), (2, "Legal threats", True)]
    assert dialog.list.currentItem().text() == "2. Legal threats"
    dialog.list.model().moveRow(QModelIndex(), 1, QModelIndex(), 0)
    qtbot.waitUntil(lambda: names(runtime)[0][1] == "Legal threats")
    assert dialog.list.item(0).text() == "1. Legal threats"

    # The checkbox switches a rule off.
    dialog.list.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert names(runtime)[1] == (2, "Refunds", False)
    dialog.resize(980, 640)
    dialog.grab().save("/tmp/triage_shots/rules_dialog.png")


def test_validation_and_unsaved_changes(editor, runtime):
    dialog, controller = editor
    _fill(dialog, controller, "Loud", "fraude", "fraud")
    controller.add_action_row("set_priority", "300")
    controller._changed()
    assert "set_priority action needs a whole number" in dialog.message.text()
    dialog.save.click()
    assert runtime.rules.rules() == []  # nothing stored, nothing typed lost
    assert dialog.name.text() == "Loud"
    controller._rows(dialog.action_rows)[-1].value.setText("90")
    controller._changed()
    assert dialog.message.text() == ""
    assert controller.save()

    dialog.name.setText("Loud and clear")
    dialog.name.textEdited.emit("Loud and clear")
    controller.ask_unsaved = lambda: "cancel"
    dialog.add.click()  # a new rule would drop the edit: the agent cancels
    assert dialog.name.text() == "Loud and clear" and controller.editing is not None
    controller.ask_unsaved = lambda: "save"
    dialog.add.click()
    assert names(runtime) == [(1, "Loud and clear", True)] and dialog.name.text() == ""


def test_test_box_shows_which_rules_fire(editor, runtime, qtbot):
    dialog, controller = editor
    runtime.rules.add({"name": "Refunds", "conditions": [{"kind": "keyword",
                                                           "value": "reembolso"}],
                       "actions": [{"kind": "tag", "value": "billing"}]})
    controller.reload()
    controller.new_rule()
    # The rule being written (not saved yet) is tested too.
    _fill(dialog, controller, "Angry", "estafa", "angry", "90")
    dialog.test_text.setPlainText("Quiero mi reembolso, esto es una estafa")
    dialog.test.click()
    qtbot.waitUntil(lambda: dialog.test_result.text().startswith("Labels:"), timeout=10000)
    assert "Fires: Refunds · Angry" in dialog.test_result.text()
    assert "Then: tag billing, tag angry, priority 90" in dialog.test_result.text()
    dialog.grab().save("/tmp/triage_shots/rules_dialog_test.png")
