"""The triage strip: the selected mention's labels, one-click corrections, the model's state.

It sits above the thread view. Each label is a small button whose menu corrects it; the
correction is stored and the mention relabelled on a worker thread, then the model
retrains in the background (a moment after the last click) and the open mentions are
re-scored, the feed hearing which rows changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.triage.labels import COMPLAINT_REASONS
from console.triage.quality import MIN_CORRECTIONS, QualityHistory, Scores
from console.triage.reason_text import reasons_text, topic_name
from console.triage.service import MentionTriage, ModelStatus, TriageService
from console.ui import labels
from console.ui.ask_me_dialog import AskMeDialog
from console.ui.tasks import Task, TaskSignals, start_task

LEARN_DELAY_MS = 1500  # wait for a burst of corrections before retraining
SYNC_INTERVAL_MS = 60_000  # look for other consoles' corrections this often
CORRECTED_MARK = " ✎"
ASK_LIMIT = 12  # posts in one round of Ask me


def _menu_button(name: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setAccessibleName(name)
    button.setToolTip(labels.tooltip(tip))
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setMenu(QMenu(button))
    return button


class TriageStrip(QFrame):
    """Layout only: label buttons with correction menus, the reasons, the model's state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Triage"))
        self.language = _menu_button(self.tr("Language"),
                                     self.tr("Language of the post; click to correct it"))
        self.sentiment = _menu_button(self.tr("Sentiment"),
                                      self.tr("Sentiment and its score; click to correct it"))
        self.complaint = _menu_button(
            self.tr("Complaint"), self.tr("Probability that the post is a complaint; click "
                                          "to say whether it is one"))
        self.reason = _menu_button(self.tr("Complaint reason"),
                                   self.tr("What the complaint is about; click to correct it"))
        self.relevant = QPushButton()
        self.relevant.setAccessibleName(self.tr("Relevance"))
        self.spam = QPushButton()
        self.spam.setAccessibleName(self.tr("Spam"))
        self.relevant.setToolTip(self.tr("Whether the post is about the brand (posts marked "
                                         "not relevant are hidden like spam)"))
        self.spam.setToolTip(self.tr("Spam is hidden from the feed, never deleted"))
        self.priority = labels.plain_label(wrap=True, selectable=True)
        self.priority.setAccessibleName(self.tr("Priority and its reasons"))
        self.rules = labels.plain_label(wrap=True, selectable=True)
        self.rules.setAccessibleName(self.tr("Rules that fired and tags"))
        self.model = labels.plain_label(wrap=True)
        self.model.setAccessibleName(self.tr("Triage model"))
        self.ask = QToolButton()  # lower than a push button: the strip is short of height
        self.ask.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.ask.setAccessibleName(self.tr("Help the model"))
        self.ask.setToolTip(self.tr("The recent posts the model is least sure about: label "
                                    "them with one key each, it learns most from those"))
        self.ask.hide()
        self.reset = QToolButton()
        self.reset.setText(self.tr("Reset model…"))
        self.reset.setAccessibleName(self.tr("Reset to the shipped model"))
        self.reset.setToolTip(self.tr("Forget what the model learned from corrections"))

        labels_row = QHBoxLayout()
        labels_row.setSpacing(2)
        for widget in (self.language, self.sentiment, self.complaint, self.reason):
            labels_row.addWidget(widget)
        labels_row.addStretch(1)
        flags_row = QHBoxLayout()
        flags_row.setSpacing(2)
        flags_row.addWidget(self.relevant)
        flags_row.addWidget(self.spam)
        flags_row.addStretch(1)
        flags_row.addWidget(self.ask)
        # The model's state wraps beside its reset button: the buttons' row has no room
        # left for it at 1366 pixels wide (in Spanish).
        model_row = QHBoxLayout()
        model_row.setSpacing(6)
        model_row.addWidget(self.model, 1)
        model_row.addWidget(self.reset, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)  # every pixel counts at 768 high
        layout.setSpacing(2)
        layout.addLayout(labels_row)
        layout.addWidget(self.priority)
        layout.addWidget(self.rules)
        layout.addLayout(flags_row)
        layout.addLayout(model_row)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)


class LearningSignals(QObject):
    """Progress of a background retrain, emitted from the worker thread (delivered queued).

    Signals:
        progress(int, int, list): done, total, ids of mentions changed in that batch.
    """

    progress = Signal(int, int, list)


class TriageStripController(QObject):
    """Shows one mention's triage, stores corrections, and keeps the model learning.

    Signals:
        mentionsChanged(list): mentions whose labels changed (the feed updates those rows).
        message(str): a sentence for the status bar.
    """

    mentionsChanged = Signal(list)
    message = Signal(str)

    def __init__(self, view: TriageStrip, service: TriageService,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.service = service
        self.current: MentionTriage | None = None
        self.confirm_reset: Callable[[], bool] = self._ask_reset
        self._tasks: list[TaskSignals] = []
        self._learning = False
        self._learn_again = False
        self._progress = LearningSignals(self)
        self._progress.progress.connect(self._on_progress)
        self._learn_timer = QTimer(self)
        self._learn_timer.setSingleShot(True)
        self._learn_timer.setInterval(LEARN_DELAY_MS)
        self._learn_timer.timeout.connect(self.learn_now)
        self._sync_timer = QTimer(self)
        self._sync_timer.setInterval(SYNC_INTERVAL_MS)
        self._sync_timer.timeout.connect(self._sync_with_team)
        self._sync_timer.start()
        self._fill_menus()
        view.relevant.clicked.connect(self._toggle_relevant)
        view.spam.clicked.connect(self._toggle_spam)
        view.reset.clicked.connect(self.reset_model)
        view.ask.clicked.connect(self.open_ask_me)
        self.dialog: AskMeDialog | None = None
        self.clear()
        self.show_status(service.status())
        self.refresh_ask()

    # --- menus --------------------------------------------------------------------------
    def _add(self, button: QToolButton, text: str, field: str, value: str) -> None:
        action = QAction(text, button)
        action.setData((field, value))
        action.triggered.connect(lambda _=False, f=field, v=value: self.correct(f, v))
        button.menu().addAction(action)

    def _fill_menus(self) -> None:
        v = self.view
        for code, name in (("es", self.tr("Spanish")), ("en", self.tr("English")),
                           ("other", self.tr("Other language"))):
            self._add(v.language, name, "lang", code)
        for value, name in (("negative", self.tr("Negative")), ("neutral", self.tr("Neutral")),
                            ("positive", self.tr("Positive"))):
            self._add(v.sentiment, name, "sentiment_label", value)
        self._add(v.complaint, self.tr("Yes, a complaint"), "is_complaint", "yes")
        self._add(v.complaint, self.tr("No, not a complaint"), "is_complaint", "no")
        for reason in COMPLAINT_REASONS:
            self._add(v.reason, reason_name(reason), "reason", reason)
        self._add(v.reason, self.tr("No complaint"), "reason", "none")

    # --- showing ------------------------------------------------------------------------
    @Slot(int)
    def show_mention(self, mention_id: int) -> None:
        self.current = self.service.mention(mention_id)
        if self.current is None:
            self.clear()
        else:
            self.render(self.current)

    @Slot(int, int)
    def on_mention_selected(self, mention_id: int, _author_id: int) -> None:
        self.show_mention(mention_id)

    @Slot()
    def clear(self) -> None:
        self.current = None
        v = self.view
        for button in (v.language, v.sentiment, v.complaint, v.reason, v.relevant, v.spam):
            button.setEnabled(False)
        v.language.setText(self.tr("language"))
        v.sentiment.setText(self.tr("sentiment"))
        v.complaint.setText(self.tr("complaint"))
        v.reason.setText(self.tr("reason"))
        v.relevant.setText(self.tr("Not relevant"))
        v.spam.setText(self.tr("Spam"))
        v.priority.setText(self.tr("Select a mention to see its triage."))
        v.rules.setText("")

    @Slot(list)
    def on_mentions_changed(self, ids: list[int]) -> None:
        if self.current is not None and self.current.id in ids:
            self.show_mention(self.current.id)

    def render(self, t: MentionTriage) -> None:
        v = self.view

        def mark(field: str) -> str:
            return CORRECTED_MARK if field in t.corrected else ""

        for button in (v.language, v.sentiment, v.complaint, v.reason, v.relevant, v.spam):
            button.setEnabled(True)
        v.language.setText(self._language(t.lang) + mark("lang"))
        if t.sentiment_label == "undefined":
            # A dash, as in the feed: an undefined sentiment is no reading at all.
            sentiment = self.tr("sentiment –")
            v.sentiment.setToolTip(labels.tooltip(self.tr(
                "Sentiment: none, the language was not analysed (%1). Click to set it.")
                .replace("%1", t.lang or "?")))
        else:
            score = locale_number(t.sentiment, 2)
            sentiment = f"{labels.sentiment_label(t.sentiment_label)} {score}"
            v.sentiment.setToolTip(labels.tooltip(QCoreApplication.translate(
                "TriageStrip", "Sentiment and its score; click to correct it")))
        v.sentiment.setText(sentiment + mark("sentiment_label"))
        complaint = self.tr("complaint %1") if t.is_complaint else self.tr("no complaint %1")
        v.complaint.setText(complaint.replace("%1", locale_number(t.complaint, 2))
                            + mark("is_complaint"))
        reason = reason_name(t.reason) if t.reason != "none" else self.tr("no reason")
        v.reason.setText(reason + mark("reason"))
        v.reason.setEnabled(True)
        not_relevant = t.relevance <= 0
        v.relevant.setText((self.tr("Relevant after all") if not_relevant
                            else self.tr("Not relevant")) + mark("relevant"))
        v.spam.setText((self.tr("Not spam") if t.spam else self.tr("Spam")) + mark("spam"))
        reasons = (reasons_text(t.priority_reasons, locale_number)
                   or self.tr("no particular reason"))
        flags = []
        if t.spam:
            flags.append(self.tr("hidden as spam"))
        if not_relevant:
            flags.append(self.tr("hidden: not about the brand"))
        v.priority.setText(self.tr("Priority %1: %2").replace("%1", str(t.priority))
                           .replace("%2", reasons)
                           + (f"  [{', '.join(flags)}]" if flags else ""))
        fired = " · ".join(t.fired_rules) or self.tr("none")
        line = self.tr("Rules fired: %1").replace("%1", fired)
        if t.tags:
            line += "   " + self.tr("Tags: %1").replace("%1", ", ".join(t.tags))
        v.rules.setText(line)

    def _language(self, code: str) -> str:
        """The post's language on its button: the code (es, en) or "other"."""
        return self.tr("other language") if code == "other" else code

    def _corrections(self, n: int) -> str:
        return self.tr("1 correction") if n == 1 else self.tr("%1 corrections").replace(
            "%1", str(n))

    def show_status(self, status: ModelStatus, note: str = "") -> None:
        if note:
            text = note
        elif status.learned:
            text = self.tr("Model learned from %1").replace(
                "%1", self._corrections(status.learned))
        else:
            text = self.tr("Shipped model (no corrections learned)")
        if not note and status.stored > status.learned:
            text += self.tr(" · %1 waiting").replace("%1", str(status.stored - status.learned))
        if not note:
            here, details = self._quality_text(self.service.quality())
            text += here
            self.view.model.setToolTip(labels.tooltip(details))
        self.view.model.setText(text)
        self.view.reset.setEnabled(status.learned > 0 and not self._learning)

    # --- ask me -------------------------------------------------------------------------
    @Slot()
    def refresh_ask(self) -> None:
        """Show how many posts the model would like an agent to check (hidden: none)."""
        n = len(self.service.ask_me(ASK_LIMIT))
        self.view.ask.setText(self.tr("Help the model: 1 post to check") if n == 1 else
                              self.tr("Help the model: %1 posts to check").replace("%1", str(n)))
        self.view.ask.setVisible(n > 0)

    @Slot()
    def open_ask_me(self) -> AskMeDialog:
        """Open the Ask me dialog on the posts the model is least sure about."""
        if self.dialog is not None and not self.dialog.busy():
            self.dialog.deleteLater()  # not on close: answers may still be on their way
        dialog = AskMeDialog(self.service, self.service.ask_me(ASK_LIMIT), self.view.window())
        dialog.learn.connect(self.learn_now)
        dialog.mentionsChanged.connect(self.mentionsChanged)
        dialog.mentionsChanged.connect(self.on_mentions_changed)
        dialog.finished.connect(self.refresh_ask)
        self.dialog = dialog
        dialog.show()
        return dialog

    def _scores_text(self, scores: Scores | None, posts: int) -> str:
        if scores is None:
            return self.tr("too few corrections to measure (%1 of %2)").replace(
                "%1", str(posts)).replace("%2", str(MIN_CORRECTIONS))
        return self.tr("precision %1, recall %2 on %3 posts").replace(
            "%1", locale_number(scores.precision, 2)).replace(
            "%2", locale_number(scores.recall, 2)).replace("%3", str(scores.posts))

    def _quality_text(self, history: QualityHistory) -> tuple[str, str]:
        """How good the model is on this team's corrections: a short part for the strip,
        the details for its tooltip ("" and "" before the first measurement)."""
        now, before = history.now, history.before
        if now is None:
            return "", ""
        if now.complaint is None:
            short = self.tr(" · too few corrections to measure it here (%1 of %2)").replace(
                "%1", str(now.complaint_posts)).replace("%2", str(MIN_CORRECTIONS))
        else:
            # One line on a 1366x768 screen: the figures, and what the last retraining
            # changed as "before → now"; the details are in the tooltip.
            if before is not None and before.complaint is not None:
                short = self.tr(" · here: precision %1, recall %2").replace(
                    "%1", f"{locale_number(before.complaint.precision, 2)} → "
                          f"{locale_number(now.complaint.precision, 2)}").replace(
                    "%2", f"{locale_number(before.complaint.recall, 2)} → "
                          f"{locale_number(now.complaint.recall, 2)}")
            else:
                short = self.tr(" · here: precision %1, recall %2").replace(
                    "%1", locale_number(now.complaint.precision, 2)).replace(
                    "%2", locale_number(now.complaint.recall, 2))
        lines = [self.tr("How good the model is at finding complaints here, measured on this "
                         "team's corrections (%1-fold cross-validation, %2):")
                 .replace("%1", str(now.folds))
                 .replace("%2", self._corrections(now.learned)),
                 self.tr("Complaints: %1").replace(
                     "%1", self._scores_text(now.complaint, now.complaint_posts)),
                 self.tr("Negative sentiment: %1").replace(
                     "%1", self._scores_text(now.negative, now.negative_posts))]
        if before is not None:
            lines.append(self.tr("Before the last retraining (%1): complaints %2; negative "
                                 "sentiment %3").replace("%1", self._corrections(before.learned))
                         .replace("%2", self._scores_text(before.complaint,
                                                          before.complaint_posts))
                         .replace("%3", self._scores_text(before.negative,
                                                          before.negative_posts)))
        lines.append(self.tr("Precision: of the posts it calls complaints, how many are. "
                             "Recall: of the complaints, how many it finds."))
        return short, "\n".join(lines)

    # --- correcting ---------------------------------------------------------------------
    def correct(self, field: str, value: str) -> None:
        """Store a correction of the current mention (on a worker thread)."""
        if self.current is None:
            return
        mention_id = self.current.id
        service = self.service  # the work must not hold this controller (ui/tasks.Task)
        self._run(Task(lambda: service.correct(mention_id, field, value),
                       self.tr("store the correction")), self._on_corrected)

    @Slot()
    def _toggle_relevant(self) -> None:
        if self.current is not None:
            self.correct("relevant", "yes" if self.current.relevance <= 0 else "no")

    @Slot()
    def _toggle_spam(self) -> None:
        if self.current is not None:
            self.correct("spam", "no" if self.current.spam else "yes")

    def _on_corrected(self, shown: Any) -> None:
        assert isinstance(shown, MentionTriage)
        if self.current is not None and self.current.id == shown.id:
            self.current = shown
            self.render(shown)
        self.mentionsChanged.emit([shown.id])
        self.message.emit(self.tr("Correction saved; the model will learn it in a moment."))
        self.refresh_ask()
        self._learn_timer.start()

    # --- learning -----------------------------------------------------------------------
    def busy(self) -> bool:
        return self._learning or bool(self._tasks) or self._learn_timer.isActive()

    @Slot()
    def learn_now(self) -> None:
        """Retrain from the stored corrections and re-score open mentions (background)."""
        self._learn_timer.stop()
        if self._learning:
            self._learn_again = True
            return
        self._start_learning(self.service.retrain_and_rescore, self.tr("Learning…"))

    @Slot()
    def reset_model(self) -> None:
        if self._learning or not self.confirm_reset():
            return
        self._start_learning(self.service.reset, self.tr("Resetting to the shipped model…"))

    def _ask_reset(self) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Reset the triage model"), "",
                          QMessageBox.StandardButton.Cancel, self.view.window())
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr(
            "Forget what the model learned from %1 and go back to the shipped "
            "model?\n\nThe corrections stay listed, marked as forgotten, and the posts you "
            "corrected keep your labels. Open mentions are scored again.")
            .replace("%1", self._corrections(self.service.status().learned)))
        reset = box.addButton(self.tr("Reset model"), QMessageBox.ButtonRole.DestructiveRole)
        box.exec()
        return box.clickedButton() is reset

    def _start_learning(self, work: Callable[..., Any], note: str) -> None:
        self._learning = True
        self.show_status(self.service.status(), note)
        emit = self._progress.progress.emit
        self._run(Task(lambda: work(progress=lambda d, t, c: emit(d, t, list(c))),
                       self.tr("retrain the triage model")),
                  self._on_learned, self._on_learn_failed)

    @Slot(int, int, list)
    def _on_progress(self, done: int, total: int, changed: list[int]) -> None:
        percent = int(100 * done / max(total, 1))
        self.view.model.setText(self.tr("Re-scoring open mentions… %1%").replace(
            "%1", str(percent)))
        if changed:
            self.mentionsChanged.emit(changed)

    def _on_learned(self, report: Any) -> None:
        self._learning = False
        status = self.service.status()
        self.show_status(status)
        self.message.emit(self.tr("Model learned from %1; %2 open mentions "
                                  "re-scored.").replace("%1", self._corrections(status.learned))
                          .replace("%2", str(report.scored)))
        if self.current is not None:
            self.show_mention(self.current.id)
        self.refresh_ask()
        if self._learn_again:
            self._learn_again = False
            self.learn_now()

    def _on_learn_failed(self, text: str) -> None:
        self._learning = False
        self.show_status(self.service.status())
        self.message.emit(text)

    @Slot()
    def _sync_with_team(self) -> None:
        if self._learning:
            return
        self._run(Task(self.service.sync_model, self.tr("check for the team's corrections")),
                  lambda _changed: self.show_status(self.service.status()))

    def _run(self, task: Task, done: Callable[[Any], None],
             failed: Callable[[str], None] | None = None) -> None:
        signals = task.signals
        self._tasks.append(signals)

        def finish() -> None:
            if signals in self._tasks:
                self._tasks.remove(signals)

        signals.succeeded.connect(lambda result: (finish(), done(result)))
        signals.failed.connect(lambda text: (finish(), (failed or self.message.emit)(text)))
        start_task(task)


def reason_name(reason: str) -> str:
    """How a complaint reason reads in the strip."""
    return topic_name(reason)


def locale_number(value: float, decimals: int) -> str:
    """A score with the locale's decimal separator (0,84 in Spanish)."""
    return QLocale().toString(float(value), "f", decimals)
