"""The composer with canned replies: slash completion, variable prompts, stacking, preview."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.builders import make_author, make_post

LUCIA = make_author(7, display_name="Lucía Méndez", handle="lucia_mdz")


def _open(runtime, store_posts, build, text="@ventalia mi pedido 48213 lleva 9 días"):
    runtime.workspace.settings.agent_name = "Inés"
    ids = store_posts([make_post(1, text, author=LUCIA)])
    console = build()
    console.feed.select_mention(ids[0])
    return console, ids[0]


def test_slash_shortcut_completes_by_keyboard_and_preview_fills_variables(
        runtime, store_posts, build, qtbot):
    console, _ = _open(runtime, store_posts, build)
    view, composer = console.window.composer, console.composer
    qtbot.keyClicks(view.editor, "/env")
    popup = composer.completer.completer.popup()
    assert popup.isVisible()
    popup.grab().save("/tmp/posventa-slash-popup.png")
    assert popup.currentIndex().data().startswith("/envio — Envío retrasado")
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    assert not popup.isVisible()
    body = runtime.canned.get("envio").body
    assert view.editor.toPlainText() == body  # the "/env" typed was replaced
    preview = view.preview.toPlainText()
    assert preview.startswith("Hola Lucía,") and "pedido 48213" in preview
    assert preview.endswith("Un saludo, Inés")
    assert composer.final_text() == preview
    assert "{nombre} = Lucía" in view.variables.text()
    assert not view.fill.isVisible()
    view.resize(520, 360)
    view.grab().save("/tmp/posventa-composer-write.png")
    view.tabs.setCurrentIndex(1)
    view.grab().save("/tmp/posventa-composer-preview.png")


def test_arrow_keys_choose_another_completion_and_escape_closes(
        runtime, store_posts, build, qtbot):
    console, _ = _open(runtime, store_posts, build)
    view, composer = console.window.composer, console.composer
    qtbot.keyClicks(view.editor, "Vale. /")  # every reply matches an empty prefix
    popup = composer.completer.completer.popup()
    first = popup.currentIndex().data()
    qtbot.keyClick(view.editor, Qt.Key.Key_Down)
    second = popup.currentIndex().data()
    assert second != first
    qtbot.keyClick(view.editor, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    assert view.editor.toPlainText() == "Vale. /"
    qtbot.keyClicks(view.editor, "zzzz")  # nothing matches: no popup
    assert not popup.isVisible()


def test_tab_inserts_the_completion(runtime, store_posts, build, qtbot):
    console, _ = _open(runtime, store_posts, build)
    view = console.window.composer
    qtbot.keyClicks(view.editor, "Hola. /graci")
    qtbot.keyClick(view.editor, Qt.Key.Key_Tab)
    assert view.editor.toPlainText() == "Hola.\n\n" + runtime.canned.get("gracias").body
    assert view.preview.toPlainText().endswith("¡Gracias, Lucía! Nos alegra mucho leerte. "
                                               "Se lo pasamos al equipo.")


def test_a_missing_variable_is_asked_for_then_filled(runtime, store_posts, build, qtbot):
    console, _ = _open(runtime, store_posts, build)
    view, composer = console.window.composer, console.composer
    qtbot.keyClicks(view.editor, "/cobro")
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    dialog = composer.variables_dialog
    assert dialog is not None and dialog.isVisible()
    assert list(dialog.fields) == ["dias"]  # nombre, agente and the order are known
    assert not dialog.ok.isEnabled()
    dialog.grab().save("/tmp/posventa-variables-dialog.png")
    qtbot.keyClicks(dialog.fields["dias"], "5")
    dialog.accept()
    assert "{dias}" in view.editor.toPlainText()  # the editor keeps the variable…
    assert "en un máximo de 5 días" in view.preview.toPlainText()  # …the preview fills it
    assert "{" not in view.preview.toPlainText()
    assert "/cobro" not in view.editor.toPlainText()


def test_cancelling_the_prompt_inserts_nothing(runtime, store_posts, build, qtbot):
    console, _ = _open(runtime, store_posts, build)
    view, composer = console.window.composer, console.composer
    qtbot.keyClicks(view.editor, "/cobro")
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    composer.variables_dialog.reject()
    assert view.editor.toPlainText() == "/cobro"


def test_send_asks_for_a_variable_typed_by_hand(runtime, store_posts, build, qtbot):
    console, mention = _open(runtime, store_posts, build)
    view, composer = console.window.composer, console.composer
    view.editor.setPlainText("Hola {nombre}, te llamamos el {dia}.")
    assert view.fill.isVisibleTo(view)
    composer.send()
    dialog = composer.variables_dialog
    assert list(dialog.fields) == ["dia"]
    dialog.fields["dia"].setText("martes")
    dialog.accept()
    [reply] = runtime.replies.replies(mention)
    assert reply.text == "Hola Lucía, te llamamos el martes."


def test_several_canned_replies_stack_into_one(runtime, store_posts, build, qtbot):
    console, _ = _open(runtime, store_posts, build)
    view = console.window.composer
    qtbot.keyClicks(view.editor, "/envio")
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(view.editor, " /reembolso")
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    text = view.preview.toPlainText()
    assert text.count("Hola Lucía,") == 1 and text.count("Un saludo, Inés") == 1
    assert text.index("sentimos el retraso") < text.index("el reembolso del pedido 48213")
    assert text.endswith("Un saludo, Inés")


def test_the_picker_inserts_several_selected_replies(runtime, store_posts, build, qtbot):
    console, _ = _open(runtime, store_posts, build)
    view, composer = console.window.composer, console.composer
    composer.open_picker()
    picker = composer.picker
    assert picker is not None and picker.isVisible()
    qtbot.keyClicks(picker.search, "hola")
    assert picker.model.item(0).shortcut == "hola"
    picker.search.clear()
    rows = {picker.model.item(r).shortcut: r for r in range(picker.model.rowCount())}
    selection = picker.list.selectionModel()
    from PySide6.QtCore import QItemSelectionModel

    selection.clearSelection()
    for shortcut in ("hola", "cierre"):
        selection.select(picker.model.index(rows[shortcut], 0),
                         QItemSelectionModel.SelectionFlag.Select)
    picker.resize(520, 460)
    picker.grab().save("/tmp/posventa-canned-picker.png")
    picker._accept()
    bodies = [runtime.canned.get(s).body for s in ("hola", "cierre")]  # the picking order
    assert view.editor.toPlainText() == "\n\n".join(bodies)


def test_model_of_the_completer_passes_the_model_tester(runtime, qtmodeltester):
    from console.ui.canned_model import CannedListModel

    model = CannedListModel()
    model.set_items(runtime.canned.search(""))
    qtmodeltester.check(model)
