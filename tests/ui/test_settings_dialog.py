"""The Settings dialog: built from the schema, saved to settings.json, applied at once."""

from __future__ import annotations

import json

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLabel

from console.app.settings import Settings
from console.ui.desktop import apply_settings
from console.ui.settings_dialog import SettingsController, SettingsDialog, apply_theme, schema


def _open(qtbot, runtime) -> SettingsDialog:
    dialog = SettingsDialog(runtime.workspace.settings, runtime.cases.settings())
    qtbot.addWidget(dialog)
    SettingsController(dialog, runtime.workspace, runtime.cases,
                       lambda s: apply_settings(runtime, s), dialog)
    return dialog


def test_every_schema_setting_has_a_labelled_editor(runtime, qtbot):
    dialog = _open(qtbot, runtime)
    names = [f.name for f in schema()]
    assert {"agent_name", "sync_interval", "outbox_delay", "backups_kept", "notify_urgent",
            "notify_per_minute", "language", "theme"} <= set(names)
    assert list(dialog.editors) == names
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"Agent name", "Sync interval", "Undo-send delay", "Theme"} <= labels
    assert isinstance(dialog.editors["notify_urgent"], QCheckBox)
    language = dialog.editors["language"]
    assert isinstance(language, QComboBox)
    assert [language.itemData(i) for i in range(language.count())] == ["system", "es", "en"]
    assert dialog.editors["sync_interval"].maximum() == 3600  # limits from the schema
    dialog.show()
    dialog.grab().save("/tmp/shots/settings.png")
    dialog.tabs.setCurrentIndex(1)
    dialog.grab().save("/tmp/shots/settings-team.png")


def test_saving_writes_the_file_and_applies_at_once(runtime, qtbot):
    dialog = _open(qtbot, runtime)
    dialog.editors["agent_name"].setText("  Lucía   Prieto ")
    dialog.editors["sync_interval"].setValue(45)
    theme = dialog.editors["theme"]
    theme.setCurrentIndex(theme.findData("dark"))
    dialog.targets["urgent"][1].setValue(30)
    dialog.buttons.accepted.emit()
    assert dialog.result() == dialog.DialogCode.Accepted
    stored = json.loads(runtime.workspace.settings_path.read_text(encoding="utf-8"))
    assert stored["agent_name"] == "Lucía Prieto" and stored["sync_interval"] == 45
    assert stored["theme"] == "dark"
    assert runtime.engine.settings.sync_interval == 45  # the engine polls at the new pace
    assert runtime.cases.agent == "Lucía Prieto"
    window = QApplication.instance().palette().color(QPalette.ColorRole.Window)
    assert window.lightness() < 80  # dark palette in use
    assert runtime.cases.settings()["targets"]["urgent"]["first_response"] == 30
    apply_theme("system")


def test_a_bad_team_value_keeps_the_dialog_open(runtime, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    dialog = _open(qtbot, runtime)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    dialog.targets["urgent"][1].setValue(5000)  # first response after the resolution
    dialog.buttons.accepted.emit()
    assert shown and "first response" in shown[0]
    assert dialog.result() != dialog.DialogCode.Accepted


def test_an_unknown_stored_choice_reads_as_the_default(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"theme": "neon", "language": "es"}), encoding="utf-8")
    loaded = Settings.load(path)
    assert loaded.theme == "system" and loaded.language == "es"
