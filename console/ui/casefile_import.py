"""The Import case file dialog: what the file holds, then its cases added to the workspace.

The file is read and its checksum checked off the GUI thread before anything is offered;
the import runs on a pool thread with a progress bar and ends with what was added and
what was already there, kind by kind. Nothing is imported until the agent says so.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from console.casefile.importer import (
    CaseFileInfo,
    ImportSummary,
    import_case_file,
    inspect_case_file,
)
from console.i18n import QT_TRANSLATE_NOOP
from console.store.db import Store
from console.ui import labels
from console.ui.tasks import Progress, Task, start_task

# The kinds of rows an import counts (console/casefile/importer.py), as people read them.
KINDS = {
    "tags": QT_TRANSLATE_NOOP("CaseFileImport", "tags"),
    "customers": QT_TRANSLATE_NOOP("CaseFileImport", "customers"),
    "authors": QT_TRANSLATE_NOOP("CaseFileImport", "accounts of customers"),
    "cases": QT_TRANSLATE_NOOP("CaseFileImport", "cases"),
    "mentions": QT_TRANSLATE_NOOP("CaseFileImport", "mentions"),
    "replies": QT_TRANSLATE_NOOP("CaseFileImport", "replies"),
    "notes": QT_TRANSLATE_NOOP("CaseFileImport", "notes"),
    "case history": QT_TRANSLATE_NOOP("CaseFileImport", "case history entries"),
    "triage corrections": QT_TRANSLATE_NOOP("CaseFileImport", "triage corrections"),
    "tag links": QT_TRANSLATE_NOOP("CaseFileImport", "tag links"),
    "link decisions": QT_TRANSLATE_NOOP("CaseFileImport", "link decisions"),
    "reviews": QT_TRANSLATE_NOOP("CaseFileImport", "reviews"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaseFileImport", text)


def kind_name(kind: str) -> str:
    return _tr(KINDS[kind]) if kind in KINDS else kind


def summary_lines(summary: ImportSummary) -> list[str]:
    """One line per kind of row: "mentions: 2 added, 1 already there"."""
    kinds = sorted(set(summary.added) | set(summary.existing), key=lambda k: kind_name(k))
    return [_tr("%1: %2 added, %3 already there").replace("%1", kind_name(kind))
            .replace("%2", str(summary.added.get(kind, 0)))
            .replace("%3", str(summary.existing.get(kind, 0))) for kind in kinds]


def info_text(info: CaseFileInfo) -> str:
    """What the file says about itself, for the agent to decide."""
    when = labels.full_time(info.created_at) if info.created_at else "?"
    counts = info.counts
    return "\n".join((
        _tr("%1, written %2 by Posventa %3.").replace("%1", info.name).replace("%2", when)
        .replace("%3", info.app_version or "?"),
        _tr("Cases: %1 · mentions: %2 · customer accounts: %3 · notes: %4 · reviews: %5")
        .replace("%1", str(counts.get("case", 0))).replace("%2", str(counts.get("mention", 0)))
        .replace("%3", str(counts.get("author", 0))).replace("%4", str(counts.get("note", 0)))
        .replace("%5", str(info.reviews)),
        _tr("Its checksum matches: the file is as it was exported."),
    ))


class ImportCaseFileDialog(QDialog):
    """Layout only: what the file holds, the progress, the outcome, Import and Close."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import case file"))
        self.about = labels.plain_label(self.tr("Reading %1…").replace("%1", path.name),
                                        wrap=True, selectable=True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.outcome = QPlainTextEdit()
        self.outcome.setReadOnly(True)
        self.outcome.setAccessibleName(self.tr("What the import added"))
        self.outcome.setVisible(False)
        self.message = labels.plain_label(wrap=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.setEnabled(False)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.about, self.progress, self.outcome, self.message, self.buttons):
            layout.addWidget(widget)
        self.resize(560, 360)


class ImportCaseFileController(QObject):
    """Reads the file, then imports it when asked.

    Signals:
        imported(object): the :class:`ImportSummary` of a finished import.
    """

    imported = Signal(object)

    def __init__(self, dialog: ImportCaseFileDialog, store: Store, path: Path,
                 pool: QThreadPool | None = None) -> None:
        super().__init__(dialog)
        self.dialog, self.store, self.path, self.pool = dialog, store, path, pool
        self.info: CaseFileInfo | None = None
        self._signals: object = None
        self._progress = Progress(self)
        self._progress.moved.connect(self._on_moved)
        dialog.import_button.clicked.connect(self.start)
        self._run(Task(lambda: inspect_case_file(path), self.tr("read the case file")),
                  self._on_read)

    def _run(self, task: Task, done: object) -> None:
        task.signals.succeeded.connect(done)
        task.signals.failed.connect(self._on_failed)
        self._signals = start_task(task, self.pool)

    @Slot(object)
    def _on_read(self, info: CaseFileInfo) -> None:
        self.info = info
        self.dialog.about.setText(info_text(info))
        self.dialog.import_button.setEnabled(True)

    @Slot()
    def start(self) -> None:
        if self.info is None:
            return
        store, path, progress = self.store, self.path, self._progress
        self.dialog.import_button.setEnabled(False)
        self.dialog.progress.setVisible(True)
        self.dialog.progress.setRange(0, 0)
        self.dialog.message.setText(self.tr("Importing…"))
        self._run(Task(lambda: import_case_file(store, path, progress.moved.emit),
                       self.tr("import the case file")), self._on_imported)

    @Slot(int, int)
    def _on_moved(self, done: int, total: int) -> None:
        self.dialog.progress.setRange(0, total)
        self.dialog.progress.setValue(done)

    @Slot(object)
    def _on_imported(self, summary: ImportSummary) -> None:
        self.dialog.progress.setRange(0, 1)
        self.dialog.progress.setValue(1)
        self.dialog.outcome.setPlainText("\n".join(summary_lines(summary)))
        self.dialog.outcome.setVisible(True)
        self.dialog.message.setText(
            self.tr("Imported: %n new rows.", "", summary.total_added) if summary.total_added
            else self.tr("Nothing new: everything in the case file was already here."))
        self.imported.emit(summary)

    @Slot(str)
    def _on_failed(self, text: str) -> None:
        self.dialog.progress.setVisible(False)
        self.dialog.message.setText(text)
        if self.info is None:
            self.dialog.about.setText(self.tr("This file cannot be imported."))
        else:
            self.dialog.import_button.setEnabled(True)  # the workspace is unchanged: retry

