"""File > Export cases…, Open case file… and Import case file…: the case file actions of
the window.

Exporting runs on a pool thread with a progress bar; opening a case file starts a
separate review window process (one workspace database per process), so the open
workspace is never touched; importing opens the dialog of ``console.ui.casefile_import``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QObject, QProcess, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMainWindow,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from console.app.runtime import Runtime
from console.casefile.export import ExportResult, Selection, export_cases
from console.casefile.source import cases_database
from console.store.db import Store
from console.ui import labels
from console.ui.casefile_import import ImportCaseFileController, ImportCaseFileDialog
from console.ui.tasks import Progress, Task, start_task

SUFFIX = ".posventa-cases"


class ExportCasesDialog(QDialog):
    """Choose the current case, the current search or a start date; export with progress."""

    def __init__(self, case_id: int | None, search: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export cases"))
        self.case_id, self.search = case_id, search
        self.current_case = QRadioButton(
            self.tr("The current case (#{number})").format(number=case_id)
            if case_id else self.tr("The current case (select a mention in a case)"))
        self.current_case.setEnabled(case_id is not None)
        self.current_search = QRadioButton(
            self.tr("The cases of the current search: {text}").format(text=search)
            if search.strip() else self.tr("The cases of the current search (none typed)"))
        self.current_search.setEnabled(bool(search.strip()))
        self.since = QRadioButton(self.tr("Every case active since:"))
        self.since_date = QDateEdit(QDate.currentDate().addDays(-7))
        self.since_date.setCalendarPopup(True)
        self.since_date.setDisplayFormat(labels.date_format())
        self.choice = QButtonGroup(self)
        for button in (self.current_case, self.current_search, self.since):
            self.choice.addButton(button)
        (self.current_case if case_id else self.since).setChecked(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.message = labels.plain_label(wrap=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(
            self.tr("Export…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.current_case, self.current_search, self.since, self.since_date,
                       self.progress, self.message, self.buttons):
            layout.addWidget(widget)

    def say(self, text: str) -> None:
        """Show the outcome; the dialog grows to the whole sentence (a long file name)
        instead of cutting it to one line."""
        self.message.setText(text)
        self.message.setMinimumHeight(self.message.heightForWidth(
            max(self.message.width(), self.width() - 24)))
        self.adjustSize()

    def selection(self) -> Selection:
        if self.current_case.isChecked() and self.case_id is not None:
            return Selection(case_ids=(self.case_id,))
        if self.current_search.isChecked():
            return Selection(search=self.search)
        return Selection(since=date.fromisoformat(self.since_date.date().toString(
            Qt.DateFormat.ISODate)))


class ExportCasesController(QObject):
    """Asks where to save, runs the export off the GUI thread, reports the outcome.

    Signals:
        exported(object): the :class:`ExportResult` of a finished export.
    """

    exported = Signal(object)

    def __init__(self, dialog: ExportCasesDialog, runtime: Runtime,
                 ask_path: Callable[[], str] | None = None, parent: QObject | None = None
                 ) -> None:
        super().__init__(parent)
        self.dialog, self.runtime = dialog, runtime
        self._ask_path = ask_path or self._ask
        self._signals: object = None
        self.reporter = Progress(self)
        self.reporter.moved.connect(self._on_progress)
        dialog.export_button.clicked.connect(self.start)

    def _ask(self) -> str:
        name, _ = QFileDialog.getSaveFileName(
            self.dialog, self.tr("Save case file"), "cases" + SUFFIX,
            self.tr("Posventa case files (*{suffix});;All files (*)").format(suffix=SUFFIX))
        return name

    @Slot()
    def start(self) -> None:
        target = self._ask_path()
        if not target:
            return
        selection = self.dialog.selection()
        workspace = self.runtime.workspace
        reporter = self.reporter

        def work() -> ExportResult:  # a team workspace: cut from a copy of the team database
            with cases_database(workspace.store, workspace.db_path) as database:
                return export_cases(database, Path(target), selection,
                                    workspace_id=workspace.settings.workspace_id,
                                    progress=reporter.moved.emit)

        self.dialog.export_button.setEnabled(False)
        self.dialog.progress.setVisible(True)
        self.dialog.say(self.tr("Exporting…"))
        signals = start_task(Task(work, self.tr("export the cases")))
        signals.succeeded.connect(self._on_done)
        signals.failed.connect(self._on_failed)
        self._signals = signals

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.dialog.progress.setRange(0, total)
        self.dialog.progress.setValue(done)

    @Slot(object)
    def _on_done(self, result: ExportResult) -> None:
        self.dialog.say(self.tr(
            "Saved {cases} cases and {mentions} mentions to {name}.").format(
            cases=result.cases, mentions=result.mentions, name=result.path.name))
        self.dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("Close"))
        self.exported.emit(result)

    @Slot(str)
    def _on_failed(self, text: str) -> None:
        self.dialog.say(text)
        self.dialog.export_button.setEnabled(True)


def review_command(path: str) -> tuple[str, list[str]]:
    """The program and arguments that open ``path`` in review mode: the same Posventa,
    whether it runs from source (``python -m console``) or as a frozen build."""
    if getattr(sys, "frozen", False):
        return sys.executable, ["--review", path]
    return sys.executable, ["-m", "console", "--review", path]


def open_case_file_window(path: str) -> bool:
    """Start a review window for the case file at ``path`` in its own process."""
    program, arguments = review_command(path)
    return bool(QProcess.startDetached(program, arguments)[0])


def choose_case_file(parent: QWidget) -> str:
    """Ask for a case file to open; "" when the agent cancels."""
    name, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("CaseFileActions", "Open case file"), "",
        QCoreApplication.translate(
            "CaseFileActions", "Posventa case files (*{suffix});;All files (*)")
        .format(suffix=SUFFIX))
    return name


def open_case_file_import(parent: QWidget, store: Store, on_imported: object = None) -> None:
    """File > Import case file…: choose a file, then a modal dialog for the import."""
    name = choose_case_file(parent)
    if not name:
        return
    dialog = ImportCaseFileDialog(Path(name), parent)
    controller = ImportCaseFileController(dialog, store, Path(name))
    if callable(on_imported):
        controller.imported.connect(on_imported)
    dialog.exec()
    dialog.deleteLater()


def install_case_file_actions(window: QMainWindow, runtime: Runtime, feed: object) -> None:
    """Connect File > Export cases…, Open case file… and Import case file… of ``window``."""
    def export() -> None:
        mention_id = feed.current_mention()  # type: ignore[attr-defined]
        case = runtime.cases.case_for_mention(mention_id) if mention_id else None
        search = feed.current_filter().search  # type: ignore[attr-defined]
        dialog = ExportCasesDialog(case.id if case else None, search, window)
        ExportCasesController(dialog, runtime, parent=dialog)
        dialog.exec()
        dialog.deleteLater()

    def open_file() -> None:
        name = choose_case_file(window)
        if name and not open_case_file_window(name):
            window.statusBar().showMessage(QCoreApplication.translate(
                "CaseFileActions", "Could not start the review window."), 6000)

    window.export_cases_action.triggered.connect(export)  # type: ignore[attr-defined]
    window.open_case_file_action.triggered.connect(open_file)  # type: ignore[attr-defined]

    def imported(_summary: object) -> None:
        feed.apply_filter()  # type: ignore[attr-defined]  # show what arrived

    window.import_case_file_action.triggered.connect(  # type: ignore[attr-defined]
        lambda: open_case_file_import(window, runtime.workspace.store, imported))
