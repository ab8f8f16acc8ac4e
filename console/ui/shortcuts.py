"""Every keyboard shortcut in one table: the bindings read their keys from it, and the
Help > Keyboard shortcuts dialog lists it, so the two cannot disagree.

Scopes: "feed" keys act while the mention list has the focus (single letters never steal
typing from a text field); "window" keys act anywhere in the main window; "composer" and
"note" keys act in the reply editor and the note editor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Binding:
    """One shortcut: its keys (portable text), where it acts, and what it does."""

    name: str
    keys: tuple[str, ...]
    scope: str
    text: str  # English source text; shown translated (context "Shortcuts")
    native: bool = False  # the widget handles these keys itself (arrows in a list)


TABLE: tuple[Binding, ...] = (
    Binding("next", ("J",), "feed", QT_TRANSLATE_NOOP("Shortcuts", "Next mention")),
    Binding("previous", ("K",), "feed", QT_TRANSLATE_NOOP("Shortcuts", "Previous mention")),
    Binding("arrows", ("Down", "Up"), "feed",
            QT_TRANSLATE_NOOP("Shortcuts", "Next or previous mention"), native=True),
    Binding("top", ("Home",), "feed",
            QT_TRANSLATE_NOOP("Shortcuts", "Show new mentions and go to the first one")),
    Binding("open", ("Return", "Enter"), "feed",
            QT_TRANSLATE_NOOP("Shortcuts",
                              "Open the mention: claim its case and go to the reply")),
    Binding("reply", ("R",), "feed",
            QT_TRANSLATE_NOOP("Shortcuts", "Reply: put the cursor in the composer")),
    Binding("assign", ("A",), "feed",
            QT_TRANSLATE_NOOP("Shortcuts",
                              "Assign: put the cursor in the case's assignee field")),
    Binding("close", ("E",), "feed",
            QT_TRANSLATE_NOOP("Shortcuts", "Close the case (or mark the mention closed)")),
    Binding("search", ("/", "Ctrl+F"), "window", QT_TRANSLATE_NOOP("Shortcuts", "Search mentions")),
    Binding("refresh", ("F5",), "window",
            QT_TRANSLATE_NOOP("Shortcuts", "Sync every account now")),
    Binding("settings", ("Ctrl+,",), "window", QT_TRANSLATE_NOOP("Shortcuts", "Settings")),
    Binding("shortcuts", ("F1",), "window",
            QT_TRANSLATE_NOOP("Shortcuts", "Keyboard shortcuts (this list)")),
    Binding("quit", ("Ctrl+Q",), "window", QT_TRANSLATE_NOOP("Shortcuts", "Quit")),
    Binding("send", ("Ctrl+Return", "Ctrl+Enter"), "composer",
            QT_TRANSLATE_NOOP("Shortcuts", "Send the reply")),
    Binding("canned", ("Ctrl+/",), "composer",
            QT_TRANSLATE_NOOP("Shortcuts", "Insert a canned reply")),
    Binding("note", ("Ctrl+Return",), "note",
            QT_TRANSLATE_NOOP("Shortcuts", "Add the internal note")),
)
BY_NAME = {binding.name: binding for binding in TABLE}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Shortcuts", text)


def scope_names() -> dict[str, str]:
    return {"feed": QCoreApplication.translate("Shortcuts", "In the mention list"),
            "window": QCoreApplication.translate("Shortcuts", "Anywhere"),
            "composer": QCoreApplication.translate("Shortcuts", "In the reply editor"),
            "note": QCoreApplication.translate("Shortcuts", "In the note editor")}


def sequences(name: str) -> list[QKeySequence]:
    """The key sequences of one table entry (for a QAction's setShortcuts)."""
    return [QKeySequence(key) for key in BY_NAME[name].keys]


def bind(widget: QWidget, name: str, slot: Callable[[], object]) -> list[QShortcut]:
    """Bind a table entry's keys to `slot`, acting only while `widget` has the focus."""
    made = []
    for sequence in sequences(name):
        shortcut = QShortcut(sequence, widget)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(slot)
        made.append(shortcut)
    return made


def key_text(binding: Binding) -> str:
    return QCoreApplication.translate("Shortcuts", " or ").join(
        QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
        for key in binding.keys)


class ShortcutsDialog(QDialog):
    """Help > Keyboard shortcuts: the table, grouped by where the keys act."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table = QTableWidget(len(TABLE), 3)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action"),
                                              self.tr("Where")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setShowGrid(False)
        scopes = scope_names()
        order = ("feed", "window", "composer", "note")
        rows = sorted(TABLE, key=lambda b: order.index(b.scope))
        for row, binding in enumerate(rows):
            for column, text in enumerate((key_text(binding), _tr(binding.text),
                                           scopes[binding.scope])):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(660, 580)

    def rows(self) -> list[tuple[str, str, str]]:
        return [tuple(self.table.item(r, c).text() for c in range(3))  # type: ignore[misc]
                for r in range(self.table.rowCount())]
