"""The Settings dialog, built from the settings schema, and the theme it can apply.

The "This console" tab has one row per :class:`console.app.settings.Settings` field declared
with :func:`console.app.settings.option`; the "Team" tab shows the SLA targets and warning
window every console shares (``console/cases/team_settings.py`` through the case service).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import Field, fields
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.app.settings import Settings
from console.app.workspace import Workspace, WorkspaceError
from console.cases.service import CaseService
from console.i18n import QT_TRANSLATE_NOOP
from console.ui import colours, labels


def _tr(text: str) -> str:
    """A settings label or help (marked with QT_TRANSLATE_NOOP in console/app/settings.py)."""
    return QCoreApplication.translate("Settings", text)


CHOICE_NAMES = {  # English source text; shown translated (context "Settings")
    "system": QT_TRANSLATE_NOOP("Settings", "Follow the system"),
    "es": QT_TRANSLATE_NOOP("Settings", "Español"),
    "en": QT_TRANSLATE_NOOP("Settings", "English"),
    "light": QT_TRANSLATE_NOOP("Settings", "Light"),
    "dark": QT_TRANSLATE_NOOP("Settings", "Dark"),
}


def choice_names() -> dict[str, str]:
    """The display names of the settings' choices (languages, themes)."""
    return {choice: _tr(text) for choice, text in CHOICE_NAMES.items()}


def schema() -> list[Field[Any]]:
    """The settings the dialog shows, in declaration order."""
    return [f for f in fields(Settings) if f.metadata.get("label")]


def _editor(spec: Field[Any], value: Any) -> QWidget:
    meta = spec.metadata
    widget: QWidget
    if meta["choices"]:
        combo = QComboBox()
        names = choice_names()
        for choice in meta["choices"]:
            combo.addItem(names.get(choice, choice), choice)
        combo.setCurrentIndex(max(0, combo.findData(value)))
        widget = combo
    elif isinstance(value, bool):
        box = QCheckBox()
        box.setChecked(value)
        widget = box
    elif isinstance(value, int):
        spin = QSpinBox()
        spin.setRange(int(meta["min"] or 0), int(meta["max"] or 1_000_000))
        spin.setValue(value)
        spin.setSuffix(meta["suffix"])
        widget = spin
    elif isinstance(value, float):
        dspin = QDoubleSpinBox()
        dspin.setDecimals(1)
        dspin.setRange(float(meta["min"] or 0), float(meta["max"] or 1e6))
        dspin.setValue(value)
        dspin.setSuffix(meta["suffix"])
        widget = dspin
    else:
        line = QLineEdit(str(value))
        widget = line
    widget.setAccessibleName(_tr(meta["label"]))
    if meta["help"]:
        widget.setToolTip(_tr(meta["help"]))
        widget.setAccessibleDescription(_tr(meta["help"]))
    return widget


def _value(widget: QWidget) -> Any:
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        return widget.value()
    assert isinstance(widget, QLineEdit)
    return " ".join(widget.text().split())


class SettingsDialog(QDialog):
    """Layout only: one editor per schema field, and the team's SLA targets."""

    def __init__(self, settings: Settings, team: dict[str, Any] | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.editors: dict[str, QWidget] = {}
        console_tab = QWidget()
        form = QFormLayout(console_tab)
        for spec in schema():
            editor = _editor(spec, getattr(settings, spec.name))
            self.editors[spec.name] = editor
            label = QLabel(_tr(spec.metadata["label"]))
            label.setBuddy(editor)
            form.addRow(label, editor)
        self.tabs = QTabWidget()
        self.tabs.addTab(console_tab, self.tr("This console"))
        self.targets: dict[str, tuple[QSpinBox, QSpinBox, QSpinBox]] = {}
        self.warning = QSpinBox()
        if team is not None:
            self.tabs.addTab(self._team_tab(team), self.tr("Team SLA"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def _team_tab(self, team: dict[str, Any]) -> QWidget:
        tab = QWidget()
        grid = QGridLayout(tab)
        note = QLabel(self.tr("Shared by every console on this database. Times are business "
                              "minutes."))
        note.setWordWrap(True)
        grid.addWidget(note, 0, 0, 1, 4)
        for column, text in enumerate((self.tr("Tier"), self.tr("From priority"),
                                       self.tr("First response"), self.tr("Resolution"))):
            grid.addWidget(QLabel(text), 1, column)
        for row, (tier, spec) in enumerate(team["targets"].items(), start=2):
            name = QLabel(labels.priority_label(tier))
            name.setTextFormat(Qt.TextFormat.PlainText)
            spins = (QSpinBox(), QSpinBox(), QSpinBox())
            spins[0].setRange(0, 100)
            spins[0].setValue(int(spec["min_priority"]))
            for spin, key in ((spins[1], "first_response"), (spins[2], "resolution")):
                spin.setRange(1, 60 * 24 * 30)
                spin.setSuffix(self.tr(" min"))
                spin.setValue(int(spec[key]))
            for column, (spin, what) in enumerate(zip(spins, (
                    self.tr("from priority"), self.tr("first response target"),
                    self.tr("resolution target")), strict=True), start=1):
                spin.setAccessibleName(self.tr("{0} {1}").format(labels.priority_label(tier),
                                                                 what))
                grid.addWidget(spin, row, column)
            grid.addWidget(name, row, 0)
            self.targets[tier] = spins
        last = 2 + len(team["targets"])
        self.warning.setRange(1, 7 * 24 * 60)
        self.warning.setSuffix(self.tr(" min"))
        self.warning.setValue(int(team["warning_minutes"]))
        self.warning.setAccessibleName(self.tr("Breaching soon warning"))
        warning_label = QLabel(self.tr("&Warn before a due time"))
        warning_label.setBuddy(self.warning)
        grid.addWidget(warning_label, last, 0, 1, 2)
        grid.addWidget(self.warning, last, 2)
        grid.setRowStretch(last + 1, 1)
        return tab

    def values(self) -> dict[str, Any]:
        return {name: _value(editor) for name, editor in self.editors.items()}

    def team_assignments(self) -> list[str]:
        """The team tab as ``posventa cases sla``-style assignments."""
        if not self.targets:
            return []
        found = [f"{tier}={first.value()}m/{resolution.value()}m"
                 for tier, (_minimum, first, resolution) in self.targets.items()]
        found += [f"{tier}.min={minimum.value()}"
                  for tier, (minimum, _first, _resolution) in self.targets.items()]
        return [*found, f"warning_minutes={self.warning.value()}"]


def apply_theme(theme: str) -> None:
    """Light, dark, or the system's colours, for the whole application."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    hints = QGuiApplication.styleHints()
    scheme = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(
        theme, Qt.ColorScheme.Unknown)
    hints.setColorScheme(scheme)
    if theme == "dark":
        app.setPalette(dark_palette())
    elif theme == "light":
        app.setPalette(light_palette())
    else:
        app.setPalette(QPalette())
    colours.adapt(app.palette())  # meaning colours readable on this palette


def light_palette() -> QPalette:
    palette = QPalette(QColor("#f4f4f4"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#1a1a1a"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1a1a1a"))
    return palette


def dark_palette() -> QPalette:
    """A dark palette with text contrast well above 7:1."""
    palette = QPalette(QColor("#2b2b2b"))
    role = QPalette.ColorRole
    for which, colour in ((role.Window, "#2b2b2b"), (role.WindowText, "#eeeeee"),
                          (role.Base, "#1e1e1e"), (role.AlternateBase, "#262626"),
                          (role.Text, "#eeeeee"), (role.Button, "#353535"),
                          (role.ButtonText, "#eeeeee"), (role.ToolTipBase, "#353535"),
                          (role.ToolTipText, "#eeeeee"), (role.PlaceholderText, "#a0a0a0"),
                          (role.Highlight, "#3d6fb4"), (role.HighlightedText, "#ffffff"),
                          (role.Link, "#8ab4f8")):
        palette.setColor(which, QColor(colour))
    for which in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, which, QColor("#8a8a8a"))
    return palette


class SettingsController(QObject):
    """Saves the dialog into the workspace and applies what can change at once."""

    def __init__(self, dialog: SettingsDialog, workspace: Workspace,
                 cases: CaseService | None, applied: Callable[[Settings], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog = dialog
        self.workspace = workspace
        self.cases = cases
        self._applied = applied
        dialog.buttons.accepted.connect(self.save)

    def _warn(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Settings"), "", parent=self.dialog)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(text)
        box.exec()

    @Slot()
    def save(self) -> None:
        """Keep the values; on a problem say so and leave the dialog open with them."""
        settings = self.workspace.settings
        before = {name: getattr(settings, name) for name in self.dialog.editors}
        for name, value in self.dialog.values().items():
            setattr(settings, name, value)
        try:
            self.workspace.save_settings()
        except WorkspaceError as exc:
            for name, value in before.items():
                setattr(settings, name, value)
            self._warn(str(exc))
            return
        if self.cases is not None:
            try:
                for assignment in self.dialog.team_assignments():
                    self.cases.set_setting(assignment)
            except ValueError as exc:
                self._warn(self.tr("The team settings were not all saved: {0}").format(exc))
                return
        self._applied(settings)
        self.dialog.accept()
