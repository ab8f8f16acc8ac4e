"""Tools > Canned replies…: the team's library of saved answers, to list, add, edit, delete."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.cases import canned_text
from console.cases.canned import Canned, CannedError, CannedService
from console.i18n import QT_TRANSLATE_NOOP
from console.ui import labels
from console.ui.canned_model import CannedListModel

LANGUAGES = (("", QT_TRANSLATE_NOOP("CannedRepliesDialog", "Any language")),
             ("es", QT_TRANSLATE_NOOP("CannedRepliesDialog", "Spanish (es)")),
             ("en", QT_TRANSLATE_NOOP("CannedRepliesDialog", "English (en)")))


class CannedRepliesDialog(QDialog):
    """Layout only: search and list on the left, the selected reply's form on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Canned replies"))
        self.resize(900, 560)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by shortcut, name or language…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search canned replies"))
        self.list = QListView()
        self.list.setAccessibleName(self.tr("Canned replies"))
        self.new = QPushButton(self.tr("New"))
        self.delete = QPushButton(self.tr("Delete"))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.list, 1)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.new)
        buttons_row.addWidget(self.delete)
        buttons_row.addStretch(1)
        left_layout.addLayout(buttons_row)

        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name"))
        self.shortcut = QLineEdit()
        self.shortcut.setAccessibleName(self.tr("Shortcut"))
        self.shortcut.setPlaceholderText(self.tr("e.g. envio (typed as /envio)"))
        self.lang = QComboBox()
        self.lang.setEditable(True)
        self.lang.setAccessibleName(self.tr("Language"))
        for code, label in LANGUAGES:
            self.lang.addItem(self.tr(label), code)
        self.body = QPlainTextEdit()
        self.body.setAccessibleName(self.tr("Body"))
        self.hints = labels.plain_label(self.tr(
            "Variables: {nombre} the customer's first name, {agente} your name, "
            "{numero_pedido} the order number found in the conversation. Any other {word} "
            "is asked for when the reply is inserted. Write {{ and }} for literal braces."),
            wrap=True)
        self.hints.setStyleSheet(f"color: {labels.NEUTRAL_COLOUR.name()};")
        self.found = labels.plain_label(wrap=True)
        self.found.setAccessibleName(self.tr("Variables in this reply"))
        self.save = QPushButton(self.tr("Save"))
        self.save.setDefault(True)
        self.message = labels.plain_label(wrap=True, selectable=True)
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Shortcut"), self.shortcut)
        form.addRow(self.tr("&Language"), self.lang)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(form)
        right_layout.addWidget(self.body, 1)
        right_layout.addWidget(self.found)
        right_layout.addWidget(self.hints)
        save_row = QHBoxLayout()
        save_row.addWidget(self.message, 1)
        save_row.addWidget(self.save)
        right_layout.addLayout(save_row)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([320, 580])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(close)


class CannedRepliesController(QObject):
    """Lists, searches and edits canned replies through the :class:`CannedService`.

    Signals:
        libraryChanged(): a canned reply was added, changed or deleted.
    """

    libraryChanged = Signal()

    def __init__(self, dialog: CannedRepliesDialog, canned: CannedService,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog = dialog
        self.canned = canned
        self.current: Canned | None = None
        self.model = CannedListModel(self)
        dialog.list.setModel(self.model)
        dialog.search.textChanged.connect(self.reload)
        dialog.list.selectionModel().selectionChanged.connect(self._on_selected)
        dialog.new.clicked.connect(self.new)
        dialog.save.clicked.connect(self.save)
        dialog.delete.clicked.connect(self.delete)
        dialog.body.textChanged.connect(self._show_variables)
        self.reload()
        if self.model.rowCount():
            dialog.list.setCurrentIndex(self.model.index(0, 0))
        else:
            self.new()

    @Slot()
    def reload(self, keep: int | None = None) -> None:
        self.model.set_items(self.canned.search(self.dialog.search.text(), limit=1000))
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0:
            self.dialog.list.setCurrentIndex(self.model.index(row, 0))

    @Slot(QItemSelection, QItemSelection)
    def _on_selected(self, *_: object) -> None:
        index = self.dialog.list.currentIndex()
        item = self.model.item(index.row()) if index.isValid() else None
        if item is not None:
            self._show(item)

    def _show(self, item: Canned | None) -> None:
        d = self.dialog
        self.current = item
        d.name.setText(item.name if item else "")
        d.shortcut.setText(item.shortcut if item else "")
        lang = item.lang if item else ""
        at = d.lang.findData(lang)
        if at >= 0:
            d.lang.setCurrentIndex(at)
        else:
            d.lang.setEditText(lang)
        d.body.setPlainText(item.body if item else "")
        d.delete.setEnabled(item is not None)
        d.message.setText("")

    @Slot()
    def new(self) -> None:
        self.dialog.list.clearSelection()
        self._show(None)
        self.dialog.name.setFocus()

    def _lang(self) -> str:
        combo = self.dialog.lang
        text = combo.currentText().strip()
        at = combo.findText(text)
        return str(combo.itemData(at) or "") if at >= 0 else text

    @Slot()
    def save(self) -> None:
        d = self.dialog
        try:
            if self.current is None:
                item = self.canned.add(d.name.text(), d.shortcut.text(), d.body.toPlainText(),
                                       self._lang())
            else:
                item = self.canned.update(self.current.id, name=d.name.text(),
                                          shortcut=d.shortcut.text(),
                                          body=d.body.toPlainText(), lang=self._lang())
        except CannedError as exc:
            d.message.setText(str(exc)[:1].upper() + str(exc)[1:] + ".")
            return
        self.current = item
        self.reload(keep=item.id)
        d.message.setText(self.tr("Saved /%1.").replace("%1", item.shortcut))
        self.libraryChanged.emit()

    @Slot()
    def delete(self) -> None:
        item = self.current
        if item is None:
            return
        question = self.tr("Delete /%1 “%2” for the whole team?").replace(
            "%1", item.shortcut).replace("%2", labels.untrusted(item.name, 80))
        if not self.confirm(question):
            return
        self.canned.remove(item.id)
        self.reload()
        if self.model.rowCount():
            self.dialog.list.setCurrentIndex(self.model.index(0, 0))
        else:
            self.new()
        self.libraryChanged.emit()

    def confirm(self, question: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete canned reply"), "",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self.dialog)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(question)
        return box.exec() == QMessageBox.StandardButton.Yes

    @Slot()
    def _show_variables(self) -> None:
        names = canned_text.variables(self.dialog.body.toPlainText())
        self.dialog.found.setText(
            self.tr("Uses: %1").replace("%1", ", ".join("{" + n + "}" for n in names))
            if names else self.tr("Uses no variables."))
