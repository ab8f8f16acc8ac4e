"""File > Import CSV…: past conversations from another tool, with a column-mapping step.

Choose a file; pick which column holds each field (guessed from the header) while a
preview shows the first rows; check (a dry run: rows to import, duplicates, rejected rows
with their line numbers); then import with a progress bar. Reading, checking and importing
run on pool threads.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.errors import InvalidInput
from console.importer.history import ImportPlan, ImportResult
from console.importer.mapping import FIELDS, ColumnMapping, MappingProblem, field_label, guess
from console.importer.reader import CsvFile, CsvProblem, open_csv
from console.importer.service import CsvImportService
from console.ui.tasks import Progress, Task, start_task

PREVIEW_ROWS = 5
SHOWN_REJECTS = 500


def _number(count: int) -> str:
    return QLocale().toString(count)


def delimiter_name(delimiter: str) -> str:
    """The delimiter as people read it: ";" stays a character, a tab is named."""
    if delimiter == "\t":
        return QCoreApplication.translate("ImportController", "tab")
    return f"“{delimiter}”"


class ImportDialog(QDialog):
    """Layout only: file chooser, a combo per field, the preview, the summary and progress."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import CSV history"))
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("A CSV file exported from another tool"))
        self.browse = QPushButton(self.tr("Choose…"))
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("File:")))
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        self.file_info = QLabel()
        self.file_info.setTextFormat(Qt.TextFormat.PlainText)
        self.combos: dict[str, QComboBox] = {}
        mapping_box = QGroupBox(self.tr("Columns"))
        form = QFormLayout(mapping_box)
        for name, (_label, required) in FIELDS.items():
            combo = QComboBox()
            combo.setAccessibleName(field_label(name))
            self.combos[name] = combo
            form.addRow(field_label(name) + (" *" if required else ""), combo)
        self.channel = QLineEdit("import")
        form.addRow(self.tr("Channel name when no column gives it"), self.channel)
        self.open_cases = QCheckBox(self.tr("Open cases for complaints and direct messages"))
        self.open_cases.setToolTip(self.tr(
            "Leave this off for past conversations already handled in the other tool: they "
            "are stored, triaged and searchable, and open no case. Turn it on for an export "
            "of conversations still waiting for an answer."))
        form.addRow(self.open_cases)
        self.preview = QTableWidget()
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        preview_box = QGroupBox(self.tr("First rows"))
        QVBoxLayout(preview_box).addWidget(self.preview)
        middle = QHBoxLayout()
        middle.addWidget(mapping_box)
        middle.addWidget(preview_box, 1)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.rejects = QPlainTextEdit()
        self.rejects.setReadOnly(True)
        self.rejects.setMaximumHeight(120)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.check_button = self.buttons.addButton(self.tr("Check (dry run)"),
                                                   QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button = self.buttons.addButton(self.tr("Import"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(self.file_info)
        layout.addLayout(middle, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.rejects)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)
        self.resize(980, 640)


class ImportController(QObject):
    """Owns the steps: read the file, map, dry run, import.

    Signals:
        imported(object): the ImportResult once an import finished.
    """

    imported = Signal(object)

    def __init__(self, dialog: ImportDialog, service: CsvImportService,
                 pool: QThreadPool | None = None) -> None:
        super().__init__(dialog)
        self.dialog, self.service, self.pool = dialog, service, pool
        self.source: CsvFile | None = None
        self.plan: ImportPlan | None = None
        self._signals: list[object] = []
        self._progress = Progress(self)
        self._progress.moved.connect(self._on_moved)
        dialog.browse.clicked.connect(self._on_browse)
        dialog.path.returnPressed.connect(lambda: self.open_file(dialog.path.text()))
        dialog.check_button.clicked.connect(self.check)
        dialog.import_button.clicked.connect(self.start_import)
        for combo in dialog.combos.values():
            combo.currentIndexChanged.connect(self._forget_plan)
        dialog.channel.textChanged.connect(self._forget_plan)
        self._set_ready()

    def _run(self, work: object, what: str, done: object) -> None:
        task = Task(work, what)  # type: ignore[arg-type]
        # Connect before starting: a quick task may report before start_task returns.
        task.signals.succeeded.connect(done)  # type: ignore[arg-type]
        task.signals.failed.connect(self._on_failed)
        self._signals.append(start_task(task, self.pool))

    @Slot()
    def _on_browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self.dialog, self.tr("Import CSV"), "",
                                                self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if chosen:
            self.dialog.path.setText(chosen)
            self.open_file(chosen)

    def open_file(self, path: str) -> None:
        if not path.strip():
            return

        def read() -> CsvFile:
            try:
                return open_csv(path.strip())
            except CsvProblem as exc:
                raise InvalidInput(str(exc)) from None

        self.dialog.summary.setText(self.tr("Reading the file…"))
        self._run(read, self.tr("read the CSV file"), self._on_opened)

    @Slot(object)
    def _on_opened(self, source: object) -> None:
        assert isinstance(source, CsvFile)
        self.source = source
        guessed = guess(source.header)
        for name, combo in self.dialog.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(none)"), "")
            for column in source.header:
                combo.addItem(column, column)
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(name, ""))))
            combo.blockSignals(False)
        rows = source.preview(PREVIEW_ROWS)
        table = self.dialog.preview
        table.clear()
        table.setColumnCount(len(source.header))
        table.setRowCount(len(rows))
        table.setHorizontalHeaderLabels(list(source.header))
        for r, row in enumerate(rows):
            for c, column in enumerate(source.header):
                table.setItem(r, c, QTableWidgetItem(row.get(column, "")))
        table.resizeColumnsToContents()
        self.dialog.file_info.setText(self.tr("%n column(s) · encoding %1 · delimiter %2", "",
                                              len(source.header))
                                      .replace("%1", source.encoding)
                                      .replace("%2", delimiter_name(source.delimiter)))
        self.dialog.summary.setText(self.tr("Check the columns, then run a dry run."))
        self._forget_plan()

    def mapping(self) -> ColumnMapping:
        columns = {name: str(combo.currentData()) for name, combo in self.dialog.combos.items()
                   if combo.currentData()}
        return ColumnMapping(columns, self.dialog.channel.text().strip())

    @Slot()
    def check(self) -> None:
        if self.source is None:
            self.dialog.summary.setText(self.tr("Choose a CSV file first."))
            return
        source, mapping, service = self.source, self.mapping(), self.service
        missing = mapping.missing()
        if missing:
            self.dialog.summary.setText(self.tr("Choose a column for: %1.").replace(
                "%1", ", ".join(field_label(name) for name in missing)))
            return
        if not mapping.default_channel and "channel" not in mapping.columns:
            self.dialog.summary.setText(self.tr("Choose a channel column or type a channel "
                                                "name."))
            return
        try:
            mapping.validate(source.header)
        except MappingProblem as exc:
            self.dialog.summary.setText(str(exc))
            return
        self.dialog.summary.setText(self.tr("Checking every row…"))
        self.dialog.check_button.setEnabled(False)
        self._run(lambda: service.plan(source, mapping), self.tr("check the CSV file"),
                  self._on_plan)

    @Slot(object)
    def _on_plan(self, plan: object) -> None:
        assert isinstance(plan, ImportPlan)
        self.plan = plan
        self.dialog.summary.setText(
            self.tr("%1 rows: %2 to import, %3 duplicates, %4 rejected. Nothing was written yet.")
            .replace("%1", _number(plan.rows)).replace("%2", _number(len(plan.posts)))
            .replace("%3", _number(len(plan.duplicates)))
            .replace("%4", _number(len(plan.rejected))))
        self._show_rejects(plan)
        self._set_ready()

    def _show_rejects(self, plan: ImportPlan) -> None:
        lines = [self.tr("line %1: rejected: %2").replace("%1", str(r.line)).replace("%2", r.reason)
                 for r in plan.rejected[:SHOWN_REJECTS]]
        lines += [self.tr("line %1: duplicate: %2").replace("%1", str(r.line))
                  .replace("%2", r.reason) for r in plan.duplicates[:SHOWN_REJECTS]]
        self.dialog.rejects.setPlainText("\n".join(lines))

    @Slot()
    def start_import(self) -> None:
        if self.plan is None:
            self.check()
            return
        plan, service, progress = self.plan, self.service, self._progress
        self.plan = None  # a plan is imported once
        self.dialog.import_button.setEnabled(False)
        self.dialog.check_button.setEnabled(False)
        self.dialog.progress.setRange(0, max(1, len(plan.posts)))
        self.dialog.progress.setValue(0)
        open_cases = self.dialog.open_cases.isChecked()
        self._run(lambda: service.run(plan, progress.moved.emit, open_cases),
                  self.tr("import the CSV file"), self._on_imported)

    @Slot(int, int)
    def _on_moved(self, done: int, total: int) -> None:
        self.dialog.progress.setRange(0, max(1, total))
        self.dialog.progress.setValue(done)

    @Slot(object)
    def _on_imported(self, result: object) -> None:
        assert isinstance(result, ImportResult)
        self.dialog.progress.setValue(self.dialog.progress.maximum())
        self.dialog.summary.setText(self.tr("Imported %1 mentions (%2 were already there).")
                                    .replace("%1", _number(result.added))
                                    .replace("%2", _number(result.already_there)))
        self._set_ready()
        self.imported.emit(result)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.dialog.summary.setText(message)
        self._set_ready()

    @Slot()
    def _forget_plan(self) -> None:
        self.plan = None
        self._set_ready()

    def _set_ready(self) -> None:
        self.dialog.check_button.setEnabled(self.source is not None)
        self.dialog.import_button.setEnabled(self.plan is not None and bool(self.plan.posts))


def open_import(parent: QWidget, service: CsvImportService, on_imported: object = None) -> None:
    """File > Import CSV…: a modal dialog; `on_imported(ImportResult)` runs after an import."""
    dialog = ImportDialog(parent)
    controller = ImportController(dialog, service)
    if callable(on_imported):
        controller.imported.connect(on_imported)
    dialog.exec()
    dialog.deleteLater()
