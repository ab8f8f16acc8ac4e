"""Review mode: the three-pane console over a case file, with a review pane for scores.

The composer gives way to :class:`ReviewPane`, where a reviewer reads the reviews of the
selected mention's case and adds a 1-5 score with a note. Nothing here can reach the
network: the engine is never started and the actions that would sync are disabled.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.app.review import close_review, open_review
from console.app.runtime import Runtime
from console.casefile.format import CaseFileError
from console.casefile.review import Review, ReviewService
from console.cases.service import CaseService
from console.ui import labels


class ReviewPane(QWidget):
    """Layout only: which case, its reviews so far, and the score and note to add."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = labels.plain_label()
        self.heading.setObjectName("reviewHeading")
        self.history = QPlainTextEdit()
        self.history.setReadOnly(True)
        self.history.setAccessibleName(self.tr("Reviews of this case"))
        self.score = QSpinBox()
        self.score.setRange(1, 5)
        self.score.setValue(3)
        self.score.setAccessibleName(self.tr("Score from 1 to 5"))
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("What went well, what to improve…"))
        self.note.setAccessibleName(self.tr("Review note"))
        self.save = QPushButton(self.tr("Save review"))
        self.status = labels.plain_label()
        form = QFormLayout()
        form.addRow(self.tr("Score (1-5):"), self.score)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.history, 1)
        layout.addLayout(form)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.save, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.status)


class ReviewController(QObject):
    """Shows the selected mention's case reviews and saves new ones into the case file.

    Signals:
        reviewSaved(object): a :class:`Review` was written to the case file.
    """

    reviewSaved = Signal(object)

    def __init__(self, pane: ReviewPane, reviews: ReviewService, cases: CaseService,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pane, self.reviews, self.cases = pane, reviews, cases
        self.case_id: int | None = None
        pane.save.clicked.connect(self.save)
        self.clear()

    @Slot()
    def clear(self) -> None:
        self.case_id = None
        self.pane.heading.setText(self.tr("Select a mention to review its case."))
        self.pane.history.clear()
        self.pane.save.setEnabled(False)

    @Slot(int)
    def show_mention(self, mention_id: int) -> None:
        case = self.cases.case_for_mention(mention_id)
        if case is None:
            self.clear()
            self.pane.heading.setText(self.tr("This mention is not part of a case."))
            return
        self.case_id = case.id
        self.pane.heading.setText(self.tr("Case #{number}: {subject}").format(
            number=case.id, subject=case.subject or ""))
        self.pane.save.setEnabled(True)
        self._show_reviews()

    def _show_reviews(self) -> None:
        assert self.case_id is not None
        try:
            found = self.reviews.for_case(self.case_id)
        except CaseFileError as exc:
            self.pane.status.setText(str(exc))
            return
        self.pane.history.setPlainText("\n\n".join(self._line(r) for r in found)
                                       or self.tr("No review yet."))

    def _line(self, review: Review) -> str:
        when = labels.full_time(review.created_at)
        text = (self.tr("{score}/5 by {reviewer}, {when} (earlier review)\n{note}")
                if review.earlier else self.tr("{score}/5 by {reviewer}, {when}\n{note}"))
        return text.format(score=review.score, reviewer=review.reviewer or "?", when=when,
                           note=review.note)

    @Slot()
    def save(self) -> None:
        if self.case_id is None:
            return
        try:
            review = self.reviews.add(self.case_id, self.pane.score.value(),
                                      self.pane.note.toPlainText())
        except CaseFileError as exc:  # the note stays in the box to try again
            self.pane.status.setText(str(exc))
            return
        self.pane.note.clear()
        self.pane.status.setText(self.tr("Review saved in the case file."))
        self._show_reviews()
        self.reviewSaved.emit(review)


def install_review(built: object, runtime: Runtime) -> ReviewController:
    """Turn a console built on a review runtime into review mode."""
    window = built.window  # type: ignore[attr-defined]
    feed = built.feed  # type: ignore[attr-defined]
    path: Path = runtime.extras["case_file"]
    window.setWindowTitle(QCoreApplication.translate(
        "ReviewMode", "Posventa — reviewing {name} (read-only)").format(name=path.name))
    pane = ReviewPane()
    index = window.centre.indexOf(window.composer)
    window.composer.hide()
    window.centre.insertWidget(index, pane)
    window.review_pane = pane
    for action in (window.accounts_action, window.refresh_action, window.import_csv_action,
                   window.canned_action, window.rules_action):
        action.setEnabled(False)
    for extra in ("export_cases_action", "import_case_file_action"):
        if hasattr(window, extra):
            getattr(window, extra).setEnabled(False)
    # Reading only: no claim on open, no triage corrections, no case edits.
    case = getattr(built, "case", None)
    if case is not None:
        feed.mentionOpened.disconnect(case.open_mention)
    window.triage.setEnabled(False)
    for kind in (QComboBox, QAbstractSpinBox, QLineEdit, QPushButton):
        for field in window.case_panel.findChildren(kind):
            field.setEnabled(False)
    for editor in window.case_panel.findChildren(QPlainTextEdit):
        if not editor.isReadOnly():
            editor.setEnabled(False)
    controller = ReviewController(pane, runtime.extras["reviews"], runtime.cases, window)
    feed.mentionSelected.connect(lambda mention_id, _author: controller.show_mention(mention_id))
    feed.selectionCleared.connect(controller.clear)
    window.sync_label.setText(QCoreApplication.translate(
        "ReviewMode", "Review mode: offline, nothing is sent."))
    window.outbox_label.hide()  # a reply waiting in the file is never sent from here
    return controller


def run_review(path: Path, smoke_test: bool = False) -> int:
    """Open the case file at ``path`` in review mode and run the event loop (with
    ``smoke_test``, quit once the feed shows the file's mentions)."""
    from console.ui.app import application, build_console
    from console.ui.desktop import apply_settings

    app = application()
    try:
        runtime = open_review(path)
    except CaseFileError as exc:
        box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate(
            "ReviewMode", "Cannot open the case file"), "")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(str(exc))
        box.exec()
        return 1
    try:
        apply_settings(runtime, runtime.workspace.settings)
        built = build_console(runtime)
        install_review(built, runtime)
        built.window.show()
        if smoke_test:
            from console.ui.smoke import SmokeCheck

            SmokeCheck(built.feed.model, parent=built.window)
        try:
            return app.exec()
        finally:
            built.bridge.close()
            shiboken6.delete(built.window)
    finally:
        close_review(runtime)
