"""The import dialog: mapping combos from the file's header, preview, dry run, import."""

from __future__ import annotations

from console.app.runtime import Runtime
from console.ui.import_dialog import ImportController, ImportDialog
from tests.importer.test_import_csv import (
    SPANISH,
    case_count,
    every_post_opens_a_case,
    mention_count,
    write,
)


def test_dialog_maps_checks_and_imports(runtime: Runtime, qtbot, tmp_path) -> None:
    path = write(tmp_path, SPANISH, "cp1252")
    dialog = ImportDialog()
    qtbot.addWidget(dialog)
    controller = ImportController(dialog, runtime.csv_import)
    dialog.show()
    dialog.path.setText(str(path))
    controller.open_file(str(path))
    qtbot.waitUntil(lambda: controller.source is not None, timeout=10000)
    assert dialog.combos["text"].currentText() == "Mensaje"
    assert dialog.combos["created_at"].currentText() == "Fecha"
    assert dialog.preview.rowCount() == 5
    assert dialog.preview.item(1, 3).text().startswith("Me cobraron dos veces.")
    assert not dialog.import_button.isEnabled()  # check first
    dialog.check_button.click()
    qtbot.waitUntil(lambda: controller.plan is not None, timeout=10000)
    assert "3 to import, 1 duplicates, 2 rejected" in dialog.summary.text()
    assert "line 5: rejected" in dialog.rejects.toPlainText()
    assert mention_count(runtime) == 0
    dialog.grab().save("/tmp/import_dialog.png")
    with qtbot.waitSignal(controller.imported, timeout=10000):
        dialog.import_button.click()
    assert mention_count(runtime) == 3
    assert dialog.progress.value() == dialog.progress.maximum()
    assert "Imported 3 mentions" in dialog.summary.text()


def test_dialog_says_why_a_file_cannot_be_read(runtime: Runtime, qtbot, tmp_path) -> None:
    dialog = ImportDialog()
    qtbot.addWidget(dialog)
    controller = ImportController(dialog, runtime.csv_import)
    controller.open_file(str(tmp_path / "missing.csv"))
    qtbot.waitUntil(lambda: "could not read" in dialog.summary.text(), timeout=10000)
    assert not dialog.check_button.isEnabled()


def test_dialog_imports_history_without_cases_unless_ticked(runtime: Runtime, qtbot,
                                                             tmp_path) -> None:
    every_post_opens_a_case(runtime)
    for name, text, tick, cases in (("past.csv", SPANISH, False, 0),
                                    ("waiting.csv", SPANISH.replace(";p", ";q"), True, 2)):
        dialog = ImportDialog()
        qtbot.addWidget(dialog)
        controller = ImportController(dialog, runtime.csv_import)
        assert not dialog.open_cases.isChecked()  # past conversations: off by default
        controller.open_file(str(write(tmp_path, text, "utf-8", name=name)))
        qtbot.waitUntil(lambda c=controller: c.source is not None, timeout=10000)
        dialog.open_cases.setChecked(tick)
        dialog.check_button.click()
        qtbot.waitUntil(lambda c=controller: c.plan is not None, timeout=10000)
        with qtbot.waitSignal(controller.imported, timeout=10000):
            dialog.import_button.click()
        assert case_count(runtime) == cases
