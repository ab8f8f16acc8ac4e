"""Tools > Canned replies…: list, search, add, edit and delete the team's library."""

from __future__ import annotations

import pytest

from console.ui.canned_dialog import CannedRepliesController, CannedRepliesDialog


@pytest.fixture
def manager(runtime, qtbot):
    dialog = CannedRepliesDialog()
    qtbot.addWidget(dialog)
    controller = CannedRepliesController(dialog, runtime.canned, dialog)
    dialog.show()
    return dialog, controller


def test_lists_the_library_and_shows_the_selected_reply(manager, runtime, qtmodeltester):
    dialog, controller = manager
    assert controller.model.rowCount() == len(runtime.canned.entries())
    qtmodeltester.check(controller.model)
    first = controller.model.item(0)
    assert dialog.shortcut.text() == first.shortcut
    assert dialog.body.toPlainText() == first.body
    dialog.search.setText("reembolso")
    assert [controller.model.item(r).shortcut for r in range(controller.model.rowCount())] == [
        "reembolso"]
    dialog.list.setCurrentIndex(controller.model.index(0, 0))
    assert dialog.found.text() == "Uses: {nombre}, {numero_pedido}, {agente}"
    dialog.resize(900, 560)
    dialog.grab().save("/tmp/posventa-canned-dialog.png")


def test_add_edit_and_delete(manager, runtime, qtbot):
    dialog, controller = manager
    changed = []
    controller.libraryChanged.connect(lambda: changed.append(True))
    controller.new()
    dialog.name.setText("Talla agotada")
    dialog.shortcut.setText("/talla")
    dialog.lang.setCurrentIndex(dialog.lang.findData("es"))
    dialog.body.setPlainText("Hola {nombre}, la talla {talla} vuelve pronto.")
    controller.save()
    assert dialog.message.text() == "Saved /talla."
    saved = runtime.canned.get("talla")
    assert saved.name == "Talla agotada" and saved.lang == "es"
    dialog.body.setPlainText("Hola {nombre}, la talla {talla} vuelve el lunes.")
    controller.save()
    assert runtime.canned.get("talla").body.endswith("el lunes.")
    assert runtime.canned.get("talla").id == saved.id  # edited, not added again
    controller.confirm = lambda question: "“Talla agotada”" in question
    controller.delete()
    assert runtime.canned.get("talla") is None
    assert len(changed) == 3


def test_a_taken_shortcut_is_explained_and_nothing_is_lost(manager, runtime):
    dialog, controller = manager
    controller.new()
    dialog.name.setText("Otra")
    dialog.shortcut.setText("envio")
    dialog.body.setPlainText("Texto largo que no debe perderse")
    controller.save()
    assert dialog.message.text() == "The shortcut /envio is already used by “Envío retrasado”."
    assert dialog.body.toPlainText() == "Texto largo que no debe perderse"


def test_tools_menu_opens_the_manager(runtime, build, qtbot, monkeypatch):
    from console.ui import app

    opened = []
    monkeypatch.setattr(app.CannedRepliesDialog, "exec", lambda self: opened.append(self))
    console = build()
    console.window.canned_action.trigger()
    assert len(opened) == 1
