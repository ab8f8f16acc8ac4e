"""File > Export view…: the feed's current view as CSV, JSON lines, HTML or PDF, off the GUI thread.

`write_pdf` renders the printable HTML report to PDF with QTextDocument and QPdfWriter
(the launcher lends it to `posventa export --format pdf`, on the offscreen platform).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QMarginsF,
    QObject,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.errors import InvalidInput
from console.feed.export import ExportError
from console.feed.queries import FeedFilter
from console.reports.exporting import FORMATS, SUFFIXES, ViewExporter
from console.ui.tasks import Task, start_task

_headless_application: QGuiApplication | None = None  # lives as long as the process


def headless_application() -> QGuiApplication:
    """The running Qt application, or an offscreen QGuiApplication made for a command.

    Qt lays text out with its font database, which only a QGuiApplication opens: without
    one, printing a QTextDocument aborts the whole process (``posventa export --format
    pdf`` died with SIGABRT). A command shows no window, so the offscreen platform is
    asked for whatever QT_QPA_PLATFORM says (a terminal may have no display).
    """
    global _headless_application
    running = QGuiApplication.instance()
    if isinstance(running, QGuiApplication):
        return running
    _headless_application = QGuiApplication(["posventa", "-platform", "offscreen"])
    return _headless_application


def write_pdf(html: str, path: Path | str) -> None:
    """Render HTML to a PDF file (A4), whole or not at all; raises ExportError. Needs a
    QGuiApplication (see :func:`headless_application`)."""
    target = Path(path).expanduser()
    tmp = ""
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".posventa-export-",
                                   suffix=".pdf")
        os.close(fd)
        document = QTextDocument()
        document.setHtml(html)
        writer = QPdfWriter(tmp)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
        writer.setTitle(QCoreApplication.translate("ExportDialog", "Posventa report"))
        document.print_(writer)
        del writer  # closes the file
        if os.path.getsize(tmp) == 0:
            raise ExportError(QCoreApplication.translate(
                "ExportDialog", "could not write the PDF to {file}").format(file=target))
        os.replace(tmp, target)
        tmp = ""
    except OSError as exc:
        raise ExportError(QCoreApplication.translate(
            "ExportDialog", "could not write the PDF to {file}: {error}").format(
            file=target, error=exc.strerror or exc)) from None
    finally:
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


class ExportDialog(QDialog):
    """Layout only: format, file, progress and the buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export view"))
        self.format = QComboBox()
        names = {"csv": self.tr("CSV (spreadsheet)"), "jsonl": self.tr("JSON lines"),
                 "html": self.tr("Printable HTML report"), "pdf": self.tr("PDF report")}
        for fmt in FORMATS:
            self.format.addItem(names[fmt], fmt)
        self.path = QLineEdit()
        self.browse = QPushButton(self.tr("Choose…"))
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        self.scope = QLabel()
        self.scope.setTextFormat(Qt.TextFormat.PlainText)
        self.scope.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(self.tr("Export"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("File:"), row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scope)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)
        self.resize(520, 220)


class _Progress(QObject):
    """Carries a worker's progress to the GUI thread (queued). Signals: counted(int)."""

    counted = Signal(int)


class ExportController(QObject):
    """Runs one export of a feed filter on a pool thread and shows its progress.

    Signals:
        finished(int): mentions written.
    """

    finished = Signal(int)

    def __init__(self, dialog: ExportDialog, exporter: ViewExporter, flt: FeedFilter,
                 pool: QThreadPool | None = None) -> None:
        super().__init__(dialog)
        self.dialog, self.exporter, self.flt, self.pool = dialog, exporter, flt, pool
        self._signals: object = None
        self._progress = _Progress(self)
        self._progress.counted.connect(self._on_progress)
        what = flt.search and self.tr("the search “%1”").replace("%1", flt.search)
        self.dialog.scope.setText(self.tr("Exports every mention of the current feed view%1.")
                                  .replace("%1", f" ({what})" if what else ""))
        self.dialog.path.setText(str(Path.home() / f"posventa-export{SUFFIXES['csv']}"))
        dialog.format.currentIndexChanged.connect(self._on_format)
        dialog.browse.clicked.connect(self._on_browse)
        dialog.export_button.clicked.connect(self.start)

    @Slot()
    def _on_format(self) -> None:
        fmt = str(self.dialog.format.currentData())
        current = Path(self.dialog.path.text().strip() or "posventa-export")
        self.dialog.path.setText(str(current.with_suffix(SUFFIXES[fmt])))

    @Slot()
    def _on_browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self.dialog, self.tr("Export to"),
                                                self.dialog.path.text())
        if chosen:
            self.dialog.path.setText(chosen)

    @Slot()
    def start(self) -> None:
        text = self.dialog.path.text().strip()
        if not text:
            self.dialog.status.setText(self.tr("Choose a file to export to."))
            return
        path, fmt, flt = Path(text).expanduser(), str(self.dialog.format.currentData()), self.flt
        if not path.parent.is_dir():
            self.dialog.status.setText(self.tr("The folder %1 does not exist.")
                                       .replace("%1", str(path.parent)))
            return
        self.dialog.export_button.setEnabled(False)
        self.dialog.progress.setRange(0, 0)  # busy until the count is known
        self.dialog.status.setText(self.tr("Exporting…"))
        progress = self._progress

        def work() -> int:
            total = self.exporter.count(flt)
            progress.counted.emit(-total)
            try:
                return self.exporter.export(flt, fmt, path, progress.counted.emit, write_pdf)
            except ExportError as exc:  # a sentence for the agent, shown word for word
                raise InvalidInput(str(exc)) from None

        task = Task(work, self.tr("export the view"))
        task.signals.succeeded.connect(self._on_done)  # before starting: no result is lost
        task.signals.failed.connect(self._on_failed)
        self._signals = start_task(task, self.pool)

    @Slot(int)
    def _on_progress(self, n: int) -> None:
        if n < 0:  # the total, announced first
            self.dialog.progress.setRange(0, max(1, -n))
        else:
            self.dialog.progress.setValue(n)

    @Slot(object)
    def _on_done(self, count: object) -> None:
        self.dialog.progress.setRange(0, 1)
        self.dialog.progress.setValue(1)
        self.dialog.export_button.setEnabled(True)
        written = int(count)  # type: ignore[call-overload]
        self.dialog.status.setText(self.tr("Exported %1 mentions to %2.")
                                   .replace("%1", QLocale().toString(written))
                                   .replace("%2", self.dialog.path.text()))
        self.finished.emit(written)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.dialog.progress.setRange(0, 1)
        self.dialog.progress.setValue(0)
        self.dialog.export_button.setEnabled(True)
        self.dialog.status.setText(message)


def open_export(parent: QWidget, exporter: ViewExporter, flt: FeedFilter) -> None:
    """File > Export view…: a modal dialog exporting `flt` (the feed's current view)."""
    dialog = ExportDialog(parent)
    ExportController(dialog, exporter, flt)
    dialog.exec()
    dialog.deleteLater()
