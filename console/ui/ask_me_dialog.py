"""Ask me: the posts the model is least sure about, one at a time, one key per label.

C says the post is a complaint and N that it is not; -, 0 and + give its sentiment; S
skips it; Esc closes. Once both labels are given the next post comes. Each answer is
stored at once, on a worker thread, as an agent's correction (``TriageService.correct``,
which relabels that post); the model retrains when the dialog closes, and every
``LEARN_EVERY`` answers, so a team's first corrections, on the posts that teach most,
count at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.triage.ask_me import AskItem
from console.triage.service import TriageService
from console.ui import labels
from console.ui.tasks import Task, TaskSignals, start_task

LEARN_EVERY = 20  # answers between two retrainings while the dialog stays open
POST_LIMIT = 4000  # characters of a post shown (the stored text keeps all of it)

# key -> (field, value) of the correction it records
KEYS: dict[int, tuple[str, str]] = {
    Qt.Key.Key_C: ("is_complaint", "yes"),
    Qt.Key.Key_N: ("is_complaint", "no"),
    Qt.Key.Key_Minus: ("sentiment_label", "negative"),
    Qt.Key.Key_0: ("sentiment_label", "neutral"),
    Qt.Key.Key_Plus: ("sentiment_label", "positive"),
    Qt.Key.Key_Equal: ("sentiment_label", "positive"),  # + without Shift
}


class AskMeDialog(QDialog):
    """One uncertain post at a time; answers become corrections.

    Signals:
        learn(): time to retrain from the stored corrections (every LEARN_EVERY answers,
            and on closing after any answer).
        mentionsChanged(list): mentions whose labels an answer changed.
    """

    learn = Signal()
    mentionsChanged = Signal(list)

    def __init__(self, service: TriageService, items: list[AskItem],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Help the model"))
        self.setAccessibleName(self.tr("Help the model"))
        self.service = service
        self.items = list(items)
        self.index = 0
        self.answered = 0  # answers stored since the dialog opened
        self.labelled: set[int] = set()  # posts given at least one answer
        self._unlearned = 0  # answers since the last retraining
        self._given: dict[str, str] = {}  # field -> value, for the post shown
        self._pending: list[TaskSignals] = []  # answers being stored
        self._closed = False

        self.position = labels.plain_label()
        self.guess = labels.plain_label(wrap=True)
        self.guess.setAccessibleName(self.tr("What the model thinks now"))
        self.post = QPlainTextEdit()
        self.post.setReadOnly(True)  # plain text only: a post is never rendered as HTML
        self.post.setAccessibleName(self.tr("The post"))
        self.post.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.status = labels.plain_label(wrap=True)
        self.status.setAccessibleName(self.tr("Answers"))

        self.buttons: dict[tuple[str, str], QPushButton] = {}
        grid = QGridLayout()
        rows: list[list[tuple[str, str, str]]] = [
            [(self.tr("C  Complaint"), "is_complaint", "yes"),
             (self.tr("N  Not a complaint"), "is_complaint", "no")],
            [(self.tr("−  Negative"), "sentiment_label", "negative"),
             (self.tr("0  Neutral"), "sentiment_label", "neutral"),
             (self.tr("+  Positive"), "sentiment_label", "positive")],
        ]
        for r, row in enumerate(rows):
            for c, (text, field, value) in enumerate(row):
                button = self._button(text, lambda _=False, f=field, v=value: self.answer(f, v))
                button.setCheckable(True)
                self.buttons[(field, value)] = button
                grid.addWidget(button, r, c)
        self.skip_button = self._button(self.tr("S  Skip"), self.skip)
        self.close_button = self._button(self.tr("Esc  Close"), self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.skip_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.position)
        layout.addWidget(self.guess)
        layout.addWidget(self.post, 1)
        layout.addLayout(grid)
        layout.addWidget(self.status)
        layout.addLayout(bottom)
        self.resize(620, 420)
        self._show_current()

    def _button(self, text: str, slot: Callable[..., object]) -> QPushButton:
        button = QPushButton(text)
        # Keys go to the dialog, never to a focused button (Space would press it twice).
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    # --- showing ------------------------------------------------------------------------
    @property
    def current(self) -> AskItem | None:
        return self.items[self.index] if self.index < len(self.items) else None

    def _show_current(self) -> None:
        self._given = {}
        for button in self.buttons.values():
            button.setChecked(False)
        item = self.current
        done = item is None
        for button in (*self.buttons.values(), self.skip_button):
            button.setEnabled(not done)
        if item is None:
            self.position.setText(self.tr("That is all for now"))
            self.guess.setText("")
            self.post.setPlainText("")
            n = len(self.labelled)
            if n == 1:
                thanks = self.tr("Thank you: 1 post labelled. The model learns from it when "
                                 "you close this window.")
            elif n:
                thanks = self.tr("Thank you: %1 posts labelled. The model learns from them "
                                 "when you close this window.").replace("%1", str(n))
            else:
                thanks = self.tr("No post left to ask about.")
            self.status.setText(thanks)
            return
        self.position.setText(self.tr("Post %1 of %2").replace("%1", str(self.index + 1))
                              .replace("%2", str(len(self.items))))
        number = QLocale().toString
        complaint = (self.tr("complaint %1") if item.complaint >= 0.5
                     else self.tr("no complaint %1")).replace("%1", number(item.complaint, "f", 2))
        sentiment = (self.tr("sentiment undefined") if item.sentiment_label == "undefined"
                     else f"{labels.sentiment_label(item.sentiment_label)} "
                          f"{number(item.sentiment, 'f', 2)}")
        self.guess.setText(self.tr("The model is unsure: %1 · %2 (%3)")
                           .replace("%1", complaint).replace("%2", sentiment)
                           .replace("%3", item.lang))
        self.post.setPlainText(labels.untrusted(item.text, POST_LIMIT))
        self.status.setText(self.tr("C or N: is it a complaint? Then −, 0 or +: its "
                                    "sentiment. S skips."))

    # --- answering ----------------------------------------------------------------------
    def answer(self, field: str, value: str) -> None:
        """Store one label of the post shown (on a worker thread: a sync may hold the
        database a moment); the next post comes once both labels are given."""
        item = self.current
        if item is None:
            return
        mention_id = item.mention_id
        service = self.service  # the work must not hold the dialog (see ui/tasks.Task)
        task = Task(lambda: service.correct(mention_id, field, value),
                    self.tr("store the answer"))
        self._pending.append(task.signals)
        task.signals.succeeded.connect(lambda _shown, s=task.signals: self._stored(s, mention_id))
        task.signals.failed.connect(lambda text, s=task.signals: self._not_stored(s, text))
        start_task(task)
        for (f, v), button in self.buttons.items():
            if f == field:
                button.setChecked(v == value)
        self._given[field] = value
        self.answered += 1
        self.labelled.add(mention_id)
        if {"is_complaint", "sentiment_label"} <= set(self._given):
            self.index += 1
            self._show_current()
        else:
            self.status.setText(self.tr("Saved. Now the other label, or S to go on."))

    def busy(self) -> bool:
        """Whether answers are still being stored."""
        return bool(self._pending)

    def _stored(self, signals: TaskSignals, mention_id: int) -> None:
        if signals in self._pending:
            self._pending.remove(signals)
        self.mentionsChanged.emit([mention_id])
        self._unlearned += 1
        if self._unlearned >= LEARN_EVERY:
            self._unlearned = 0
            self.learn.emit()
        elif self._closed and not self._pending:
            self._finish()

    def _not_stored(self, signals: TaskSignals, text: str) -> None:
        if signals in self._pending:
            self._pending.remove(signals)
        self.status.setText(text)  # e.g. the post was deleted meanwhile: one sentence
        if self._closed and not self._pending:
            self._finish()

    def skip(self) -> None:
        if self.current is not None:
            self.index += 1
            self._show_current()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in KEYS:
            self.answer(*KEYS[Qt.Key(key)])
        elif key == Qt.Key.Key_S:
            self.skip()
        else:
            super().keyPressEvent(event)  # Esc closes (QDialog.reject)

    def done(self, result: int) -> None:
        self._closed = True
        self._finish()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        self._finish()
        super().closeEvent(event)

    def _finish(self) -> None:
        """Retrain once the answers are stored (later, if some are still on their way)."""
        if self._unlearned and not self._pending:
            self._unlearned = 0
            self.learn.emit()
