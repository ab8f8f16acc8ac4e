"""The case panel: the selected mention's case above its thread, and the controller behind it.

It shows the case's state (only the allowed next states are offered), assignee, priority,
tags, who claimed it, both SLA clocks with the time left, internal notes and the history;
for a mention with no case it offers to open one or to attach the mention to another case
of the same customer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.cases.cases import TRANSITIONS, CaseError
from console.cases.closing import ClosedCase
from console.cases.records import CaseInfo
from console.cases.service import CaseService
from console.cases.wording import sentence
from console.errors import StoreError
from console.ui import case_text, labels
from console.ui.case_models import PagedListModel

REFRESH_MS = 20_000  # read the case again this often: other consoles change it too
EMPTY, NO_CASE, CASE = range(3)


class CasePanel(QFrame):
    """Layout only: three pages (nothing selected, no case, the case)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Case"))
        self.stack = QStackedWidget()
        hint = labels.plain_label(self.tr("Select a mention to see its case."))
        hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.stack.addWidget(hint)

        self.no_case_text = labels.plain_label(self.tr("This mention is not in a case."),
                                               wrap=True)
        self.open_button = QPushButton(self.tr("Open case"))
        self.attach_button = QPushButton(self.tr("Attach to case…"))
        none_row = QHBoxLayout()  # the buttons under the sentence: the column is narrow
        none_row.addWidget(self.open_button)
        none_row.addWidget(self.attach_button)
        none_row.addStretch(1)
        none_page = QWidget()
        none_layout = QVBoxLayout(none_page)
        none_layout.setContentsMargins(0, 0, 0, 0)
        none_layout.addWidget(self.no_case_text)
        none_layout.addLayout(none_row)
        none_layout.addStretch(1)
        self.stack.addWidget(none_page)

        self.title = labels.plain_label(wrap=True, selectable=True)
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        self.banner = QFrame()
        self.banner.setObjectName("claimBanner")
        self.banner_text = labels.plain_label(wrap=True)
        self.claim_button = QPushButton()
        banner_row = QHBoxLayout(self.banner)
        banner_row.setContentsMargins(6, 2, 6, 2)
        banner_row.addWidget(self.banner_text, 1)
        banner_row.addWidget(self.claim_button)
        self.state = QComboBox()
        self.state.setAccessibleName(self.tr("Case state"))
        self.priority = QSpinBox()
        self.priority.setRange(0, 100)
        self.priority.setAccessibleName(self.tr("Case priority"))
        # Wide enough for the longest state ("waiting on customer", "esperando al cliente").
        self.state.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.assignee = QComboBox()
        labels.mark_data(self.assignee)  # agent names
        self.assignee.setEditable(True)
        self.assignee.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.assignee.setAccessibleName(self.tr("Assignee"))
        self.assignee.lineEdit().setPlaceholderText(self.tr("unassigned"))
        self.first_clock = labels.plain_label(wrap=True)
        self.first_clock.setAccessibleName(self.tr("First response clock"))
        self.resolution_clock = labels.plain_label(wrap=True)
        self.resolution_clock.setAccessibleName(self.tr("Resolution clock"))
        self.tags = QLineEdit()
        self.tags.setAccessibleName(self.tr("Case tags"))
        self.tags.setPlaceholderText(self.tr("comma-separated tags"))
        self.tags.setToolTip(self.tr("Tags separated by commas; Enter saves them."))

        self.notes_view = QListView()
        self.notes_view.setAccessibleName(self.tr("Internal notes"))
        self.notes_view.setWordWrap(True)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setAccessibleName(self.tr("New internal note"))
        self.note_edit.setPlaceholderText(self.tr("Internal note for the team, never sent"))
        self.note_edit.setToolTip(self.tr("Ctrl+Enter adds the note."))
        # two whole lines: the placeholder wraps in the narrow right-hand column
        self.note_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 24)
        self.add_note_button = QPushButton(self.tr("Add note"))
        self.history_view = QListView()
        self.history_view.setAccessibleName(self.tr("Case history"))
        for view in (self.notes_view, self.history_view):
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setTextElideMode(Qt.TextElideMode.ElideRight)
            view.setUniformItemSizes(False)
        notes_page = QWidget()
        notes = QVBoxLayout(notes_page)
        notes.setContentsMargins(2, 2, 2, 2)
        notes.addWidget(self.notes_view, 1)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_edit, 1)
        note_row.addWidget(self.add_note_button, 0, Qt.AlignmentFlag.AlignVCenter)
        notes.addLayout(note_row)
        self.tabs = QTabWidget()
        self.tabs.addTab(notes_page, self.tr("Notes"))
        self.tabs.addTab(self.history_view, self.tr("History"))
        # the tab bar, two lines of notes and the two-line box for a new one, never clipped
        self.tabs.setMinimumHeight(self.fontMetrics().lineSpacing() * 6 + 60)

        # State and priority share a row; the assignee and the tags get the whole width,
        # so the panel fits the narrow right-hand column in Spanish too.
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        for row, column, span, name, widget in (
                (0, 0, 1, self.tr("State"), self.state),
                (0, 2, 1, self.tr("Priority"), self.priority),
                (1, 0, 3, self.tr("Assignee"), self.assignee),
                (2, 0, 3, self.tr("Tags"), self.tags)):
            caption = QLabel(name)
            caption.setBuddy(widget)
            grid.addWidget(caption, row, column)
            grid.addWidget(widget, row, column + 1, 1, span)
        grid.setColumnStretch(1, 1)
        case_page = QWidget()
        case_layout = QVBoxLayout(case_page)
        case_layout.setContentsMargins(0, 0, 0, 0)
        case_layout.setSpacing(4)
        for widget in (self.title, self.banner):
            case_layout.addWidget(widget)
        case_layout.addLayout(grid)
        case_layout.addWidget(self.first_clock)
        case_layout.addWidget(self.resolution_clock)
        case_layout.addWidget(self.tabs, 1)
        self.stack.addWidget(case_page)

        self.message = labels.plain_label(wrap=True)
        self.message.setAccessibleName(self.tr("Case message"))
        self.message.setStyleSheet(f"color: {case_text.BREACHED_COLOUR.name()}")
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.message)

    def show_banner(self, text: str, button: str, warn: bool) -> None:
        self.banner_text.setText(text)
        self.claim_button.setText(button)
        colour = "#fff1cc" if warn else "palette(alternate-base)"
        self.banner.setStyleSheet(f"#claimBanner {{ background: {colour}; border-radius: 3px; }}")
        self.banner.show()

    @staticmethod
    def show_clock(label: QLabel, text: str, colour: Any) -> None:
        label.setText(text)
        label.setStyleSheet(f"color: {colour.name()}" if colour is not None else "")


def choose_case_dialog(parent: QWidget, candidates: list[CaseInfo]) -> CaseInfo | None:
    """Ask which case a mention joins (combo items are plain text)."""
    names = [f"#{c.id} · {case_text.status_word(c.status)} · "
             f"{labels.untrusted(c.subject, 60)}" for c in candidates]
    chosen, ok = QInputDialog.getItem(
        parent, QCoreApplication.translate("CasePanel", "Attach to case"),
        QCoreApplication.translate("CasePanel", "Add this mention to the case:"),
        names, 0, False)
    return candidates[names.index(chosen)] if ok and chosen in names else None


class CaseController(QObject):
    """Shows the selected mention's case and carries out the agent's changes.

    Signals:
        caseChanged(list): ids of mentions whose case changed (the feed repaints them).
        caseClosed(object, str): a case was closed: the :class:`ClosedCase` (to undo it)
            and a sentence saying so.
    """

    caseChanged = Signal(list)
    caseClosed = Signal(object, str)

    def __init__(self, panel: CasePanel, cases: CaseService, parent: QObject | None = None,
                 choose_case: Callable[[list[CaseInfo]], CaseInfo | None] | None = None
                 ) -> None:
        super().__init__(parent)
        self.panel = panel
        self.cases = cases
        self.mention_id = 0
        self.case: CaseInfo | None = None
        self._choose = choose_case or (lambda found: choose_case_dialog(panel, found))
        self.notes = PagedListModel(case_text.note_text, parent=self)
        self.history = PagedListModel(case_text.event_text, parent=self)
        panel.notes_view.setModel(self.notes)
        panel.history_view.setModel(self.history)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()

        panel.open_button.clicked.connect(self.open_case)
        panel.attach_button.clicked.connect(self.attach_to_case)
        panel.claim_button.clicked.connect(self._on_claim_clicked)
        panel.state.activated.connect(self._on_state_chosen)
        panel.priority.editingFinished.connect(self._on_priority_done)
        panel.assignee.activated.connect(self._on_assignee)
        panel.assignee.lineEdit().returnPressed.connect(self._on_assignee)
        panel.tags.editingFinished.connect(self._on_tags_done)
        panel.add_note_button.clicked.connect(self.add_note)
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), panel.note_edit)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(self.add_note)
        self.clear()

    # --- what is shown ----------------------------------------------------------------------

    @Slot()
    def clear(self) -> None:
        self.mention_id, self.case = 0, None
        self.notes.set_source(None)
        self.history.set_source(None)
        self._say("")
        self.panel.stack.setCurrentIndex(EMPTY)

    def show_mention(self, mention_id: int) -> None:
        """The agent selected a mention: show its case (claims are left as they are)."""
        changed = mention_id != self.mention_id
        self.mention_id = mention_id
        if changed:
            self._say("")
        self._load(reset_lists=changed)

    @Slot(int)
    def open_mention(self, mention_id: int) -> None:
        """The agent opened a mention to work on it: its active case is claimed for them,
        unless another agent holds it (the banner then says who, and offers to take over)."""
        if mention_id != self.mention_id:
            self.show_mention(mention_id)
        if self.case is not None and self.case.active and self.case.claimed_by in (
                None, self.cases.agent):
            self._change(lambda: self.cases.claim(self.case_id), self.tr("claim the case"))

    @Slot()
    def refresh(self) -> None:
        if self.mention_id:
            self._load(reset_lists=False)

    @Slot(list)
    def on_mentions_changed(self, ids: list[int]) -> None:
        watched = set(self.case.mention_ids) if self.case else set()
        if self.mention_id in ids or watched & set(ids):
            self.refresh()

    @Slot(list)
    def on_mentions_added(self, ids: list[int]) -> None:
        joined = self.case is not None and bool(
            set(self.cases.mentions_sharing_cases(ids)) & set(self.case.mention_ids))
        if self.mention_id in ids or joined:
            self.refresh()

    @property
    def case_id(self) -> int:
        return self.case.id if self.case else 0

    def _load(self, reset_lists: bool) -> None:
        previous = self.case_id
        self.case = self.cases.case_for_mention(self.mention_id)
        if self.case is None:
            self.panel.stack.setCurrentIndex(NO_CASE)
            self.panel.attach_button.setEnabled(
                bool(self.cases.attach_candidates(self.mention_id)))
            self.notes.set_source(None)
            self.history.set_source(None)
            return
        case_id = self.case.id
        if reset_lists or case_id != previous:
            self.notes.set_source(lambda after, n: self.cases.notes(case_id, after, n))
            self.history.set_source(lambda after, n: self.cases.history(case_id, after, n))
        else:
            self.notes.refresh()
            self.history.refresh()
        self._fill(self.case)
        self.panel.stack.setCurrentIndex(CASE)

    def _fill(self, case: CaseInfo) -> None:
        panel = self.panel
        panel.title.setText(self.tr("Case {0} · {1}").format(
            case.id, labels.untrusted(case.subject, 200) or self.tr("(no text)")))
        panel.state.blockSignals(True)
        panel.state.clear()
        panel.state.addItem(case_text.status_word(case.status), case.status)
        for status in TRANSITIONS.get(case.status, ()):
            panel.state.addItem(self.tr("→ {0}").format(case_text.status_word(status)), status)
        panel.state.setCurrentIndex(0)
        panel.state.blockSignals(False)
        panel.priority.blockSignals(True)
        panel.priority.setValue(case.priority)
        panel.priority.blockSignals(False)
        panel.assignee.blockSignals(True)
        panel.assignee.clear()
        panel.assignee.addItem("")
        panel.assignee.addItems(self.cases.agents())
        panel.assignee.setCurrentText(case.assignee or "")
        panel.assignee.blockSignals(False)
        if not panel.tags.hasFocus():
            panel.tags.setText(", ".join(case.tags))
        self.panel.tabs.setTabText(0, self.tr("Notes ({0})").format(self.notes.rowCount()))
        self._fill_claim(case)
        clocks = self.cases.clocks(case)
        for label, clock in ((panel.first_clock, clocks.first_response),
                             (panel.resolution_clock, clocks.resolution)):
            text = f"{case_text.clock_name(clock.kind)}: {case_text.clock_text(clock)}"
            panel.show_clock(label, text, case_text.clock_colour(clock))

    def _fill_claim(self, case: CaseInfo) -> None:
        me = self.cases.agent
        when = case_text.local_time(case.claimed_at)
        if not case.active:
            self.panel.banner.hide()
        elif case.claimed_by and case.claimed_by != me:
            self.panel.show_banner(self.tr("⚑ Claimed by {0} at {1}").format(
                case.claimed_by, when), self.tr("Take over"), warn=True)
        elif case.claimed_by:
            self.panel.show_banner(self.tr("Claimed by you at {0}").format(when),
                                   self.tr("Release"), warn=False)
        else:
            self.panel.show_banner(self.tr("Nobody has claimed this case."), self.tr("Claim"),
                                   warn=False)

    def focus_assignee(self) -> bool:
        """Keyboard "a": put the cursor in the assignee field; False when no case is shown."""
        if self.case is None:
            return False
        self.panel.assignee.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.panel.assignee.lineEdit().selectAll()
        return True

    def close_case(self) -> bool:
        """Keyboard "e": close the shown case; False when there is no case still open."""
        if self.case is None or self.case.status == "closed":
            return False
        case_id = self.case_id
        closed: list[ClosedCase] = []
        if not self._change(lambda: closed.append(self.cases.close(case_id)),
                            self.tr("close the case")):
            return False
        text = (self.tr("Case {0} closed.") if closed[0].answered
                else self.tr("Case {0} closed without a reply.")).format(case_id)
        self.caseClosed.emit(closed[0], text)
        return True

    def undo_close(self, closed: ClosedCase) -> bool:
        """Take a close back (the Undo offered after it); the case's mentions repaint."""
        try:
            restored = self.cases.undo_close(closed)
        except CaseError as exc:
            self._say(sentence(str(exc)))
            return False
        except Exception as exc:  # a busy or full database: say so, the close stands
            self._say(self.tr("Could not {0}: {1}.").format(self.tr("undo the close"),
                                                            type(exc).__name__))
            return False
        self.caseChanged.emit(sorted(restored.mention_ids))
        self.refresh()
        return True

    def _say(self, text: str) -> None:
        self.panel.message.setText(text)
        self.panel.message.setVisible(bool(text))

    # --- changes ----------------------------------------------------------------------------

    def _change(self, work: Callable[[], Any], what: str) -> bool:
        """Run one change; show why it failed in one sentence; repaint what changed."""
        before = set(self.case.mention_ids) if self.case else set()
        try:
            work()
        except CaseError as exc:
            self._say(sentence(str(exc)))
            self.refresh()
            return False
        except StoreError as exc:  # a full disk, a read-only folder: the sentence says which
            self._say(str(exc))
            return False
        except Exception as exc:  # the database was busy or gone: say so, keep the input
            self._say(self.tr("Could not {0}: {1}.").format(what, type(exc).__name__))
            return False
        self._say("")
        self._load(reset_lists=False)
        after = set(self.case.mention_ids) if self.case else set()
        self.caseChanged.emit(sorted(before | after | {self.mention_id}))
        return True

    @Slot()
    def open_case(self) -> None:
        if self.mention_id:
            self._change(lambda: self.cases.open_case(self.mention_id), self.tr("open a case"))

    @Slot()
    def attach_to_case(self) -> None:
        candidates = self.cases.attach_candidates(self.mention_id)
        if not candidates:
            self._say(self.tr("This customer has no other open case."))
            return
        chosen = self._choose(candidates)
        if chosen is not None:
            self._change(lambda: self.cases.attach(chosen.id, self.mention_id),
                         self.tr("attach the mention"))

    @Slot()
    def _on_claim_clicked(self) -> None:
        case = self.case
        if case is None:
            return
        if case.claimed_by == self.cases.agent:
            self._change(lambda: self.cases.release(case.id), self.tr("release the case"))
        elif case.claimed_by:
            self._change(lambda: self.cases.take_over(case.id), self.tr("take the case over"))
        else:
            self._change(lambda: self.cases.claim(case.id), self.tr("claim the case"))

    @Slot(int)
    def _on_state_chosen(self, index: int) -> None:
        status = self.panel.state.itemData(index)
        if status == "closed":
            self.close_case()  # with the Undo it offers
        elif self.case is not None and status and status != self.case.status:
            case_id = self.case_id
            self._change(lambda: self.cases.set_status(case_id, str(status)),
                         self.tr("change the state"))

    @Slot()
    def _on_priority_done(self) -> None:
        value = self.panel.priority.value()
        if self.case is not None and value != self.case.priority:
            case_id = self.case_id
            self._change(lambda: self.cases.set_priority(case_id, value),
                         self.tr("change the priority"))

    @Slot()
    def _on_assignee(self) -> None:
        name = " ".join(self.panel.assignee.currentText().split()) or None
        if self.case is not None and name != self.case.assignee:
            case_id = self.case_id
            self._change(lambda: self.cases.assign(case_id, name), self.tr("assign the case"))

    @Slot()
    def _on_tags_done(self) -> None:
        wanted = [t.strip() for t in self.panel.tags.text().split(",") if t.strip()]
        if self.case is not None and sorted(t.lower() for t in wanted) != sorted(self.case.tags):
            case_id = self.case_id
            self._change(lambda: self.cases.set_tags(case_id, wanted), self.tr("tag the case"))

    @Slot()
    def add_note(self) -> None:
        text = self.panel.note_edit.toPlainText()
        if self.case is None:
            return
        case_id = self.case_id
        if self._change(lambda: self.cases.add_note(case_id, text), self.tr("add the note")):
            self.panel.note_edit.clear()  # kept when it failed: nothing typed is lost
            self.panel.tabs.setTabText(0, self.tr("Notes ({0})").format(self.notes.rowCount()))
