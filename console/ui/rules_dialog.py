"""The rules editor (Tools ▸ Rules…): the team's automation rules, in order, and a test box.

The list on the left is the order rules run in (drag, or the up and down buttons); the
checkbox switches a rule on or off. The form on the right edits one rule: its condition
rows (kind, value, "not") and action rows (kind, value), all or any, stop. Everything is
saved through :class:`RuleService`; edits not saved yet are never dropped silently.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.errors import InvalidInput
from console.triage.rules import Rule
from console.triage.service import RuleService, RuleTest
from console.triage.stored_rules import StoredRule
from console.ui import labels
from console.ui.rule_rows import ACTION_NAMES, CONDITION_NAMES, ActionRow, ConditionRow, rule_word
from console.ui.tasks import Task, TaskSignals, start_task

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class RulesDialog(QDialog):
    """Layout only: the ordered rule list, the rule form and the test box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rules"))
        self.resize(980, 640)
        self.before_close: Callable[[], bool] = lambda: True
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Rules, in the order they run"))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.add = QPushButton(self.tr("New rule"))
        self.delete = QPushButton(self.tr("Delete…"))
        self.up = QToolButton()
        self.up.setText("▲")
        self.up.setAccessibleName(self.tr("Move up"))
        self.down = QToolButton()
        self.down.setText("▼")
        self.down.setAccessibleName(self.tr("Move down"))
        list_tools = QHBoxLayout()
        for widget in (self.add, self.delete):
            list_tools.addWidget(widget)
        list_tools.addStretch(1)
        list_tools.addWidget(self.up)
        list_tools.addWidget(self.down)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(labels.plain_label(self.tr("Rules run from top to bottom on "
                                                         "every new mention."), wrap=True))
        left_layout.addWidget(self.list, 1)
        left_layout.addLayout(list_tools)

        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Rule name"))
        self.match = QComboBox()
        self.match.addItem(self.tr("all conditions hold"), "all")
        self.match.addItem(self.tr("any condition holds"), "any")
        self.enabled = QCheckBox(self.tr("On"))
        self.stop = QCheckBox(self.tr("Stop: no later rule runs when this one fires"))
        self.condition_rows = QVBoxLayout()
        self.add_condition = QPushButton(self.tr("+ Condition"))
        self.action_rows = QVBoxLayout()
        self.add_action = QPushButton(self.tr("+ Action"))
        self.message = labels.plain_label(wrap=True, selectable=True)
        self.message.setAccessibleName(self.tr("Rule problem"))
        self.save = QPushButton(self.tr("Save rule"))
        self.save.setDefault(True)
        self.revert = QPushButton(self.tr("Revert"))
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Fires when"), self.match)
        form.addRow("", self.enabled)
        form.addRow("", self.stop)
        conditions = QGroupBox(self.tr("If"))
        c_layout = QVBoxLayout(conditions)
        c_layout.addLayout(self.condition_rows)
        c_layout.addWidget(self.add_condition, 0, Qt.AlignmentFlag.AlignLeft)
        actions = QGroupBox(self.tr("Then"))
        a_layout = QVBoxLayout(actions)
        a_layout.addLayout(self.action_rows)
        a_layout.addWidget(self.add_action, 0, Qt.AlignmentFlag.AlignLeft)
        save_row = QHBoxLayout()
        save_row.addWidget(self.message, 1)
        save_row.addWidget(self.revert)
        save_row.addWidget(self.save)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(form)
        right_layout.addWidget(conditions)
        right_layout.addWidget(actions)
        right_layout.addStretch(1)
        right_layout.addLayout(save_row)

        self.test_text = QPlainTextEdit()
        self.test_text.setAccessibleName(self.tr("Text to test the rules on"))
        self.test_text.setPlaceholderText(self.tr("Paste a post to see which rules fire"))
        self.test_text.setMaximumHeight(self.fontMetrics().height() * 4)
        self.test_lang = QComboBox()
        for code, name in (("", self.tr("detect language")), ("es", "es"), ("en", "en")):
            self.test_lang.addItem(name, code)
        self.test_followers = QSpinBox()
        self.test_followers.setRange(0, 100_000_000)
        self.test_followers.setPrefix(self.tr("followers "))
        self.test_source = QComboBox()
        for source in ("mention", "keyword", "hashtag", "direct", "comment"):
            self.test_source.addItem(labels.source_label(source), source)
        self.test_channel = QLineEdit("mastodon")
        self.test_channel.setAccessibleName(self.tr("Channel"))
        self.test_author = QLineEdit()
        self.test_author.setPlaceholderText(self.tr("author handle"))
        self.test = QPushButton(self.tr("Test"))
        self.test_result = labels.plain_label(wrap=True, selectable=True)
        self.test_result.setAccessibleName(self.tr("Rules that would fire"))
        options = QHBoxLayout()
        for widget in (self.test_lang, self.test_followers, self.test_source,
                       self.test_channel, self.test_author):
            options.addWidget(widget)
        options.addStretch(1)
        options.addWidget(self.test)
        tester = QGroupBox(self.tr("Test on a text"))
        t_layout = QVBoxLayout(tester)
        t_layout.addWidget(self.test_text)
        t_layout.addLayout(options)
        t_layout.addWidget(self.test_result)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([340, 640])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(tester)
        layout.addWidget(self.buttons)

    def reject(self) -> None:
        if self.before_close():
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.before_close():
            super().closeEvent(event)
        else:
            event.ignore()


class RulesController(QObject):
    """Loads, edits, reorders and tests rules through :class:`RuleService`."""

    def __init__(self, dialog: RulesDialog, service: RuleService,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog = dialog
        self.service = service
        self.rules: list[StoredRule] = []
        self.editing: int | None = None  # the rule in the form; None: a new one
        self.dirty = False
        self.ask_unsaved: Callable[[], str] = self._ask_unsaved  # save|discard|cancel
        self.confirm_delete: Callable[[str], bool] = self._confirm_delete
        self._loading = False
        self._tasks: list[TaskSignals] = []
        d = dialog
        d.before_close = self.keep_edits
        d.list.currentRowChanged.connect(self._on_row_changed)
        d.list.itemChanged.connect(self._on_item_changed)
        d.list.model().rowsMoved.connect(self._on_rows_moved)
        d.add.clicked.connect(self.new_rule)
        d.delete.clicked.connect(self.delete_rule)
        d.up.clicked.connect(lambda: self.move_by(-1))
        d.down.clicked.connect(lambda: self.move_by(1))
        d.add_condition.clicked.connect(lambda: self.add_condition_row())
        d.add_action.clicked.connect(lambda: self.add_action_row())
        d.save.clicked.connect(self.save)
        d.revert.clicked.connect(self.revert)
        d.test.clicked.connect(self.run_test)
        d.name.textEdited.connect(self._changed)
        d.match.currentIndexChanged.connect(self._changed)
        d.enabled.toggled.connect(self._changed)
        d.stop.toggled.connect(self._changed)
        self.reload()
        if self.rules:
            d.list.setCurrentRow(0)
        else:
            self.new_rule()

    # --- the list -----------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        self._loading = True
        lst = self.dialog.list
        self.rules = self.service.rules()
        lst.clear()
        for stored in self.rules:
            item = QListWidgetItem(f"{stored.position}. {stored.rule.name}")
            item.setData(ID_ROLE, stored.id)
            item.setToolTip(labels.tooltip(describe(stored.rule)))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable
                          | Qt.ItemFlag.ItemIsDragEnabled)
            item.setCheckState(Qt.CheckState.Checked if stored.rule.enabled
                               else Qt.CheckState.Unchecked)
            lst.addItem(item)
            if stored.id == select:
                lst.setCurrentItem(item)
        self._loading = False
        self._update_buttons()

    def _row_of(self, rule_id: int | None) -> int:
        return next((i for i, s in enumerate(self.rules) if s.id == rule_id), -1)

    def _update_buttons(self) -> None:
        row = self._row_of(self.editing)
        d = self.dialog
        d.delete.setEnabled(row >= 0)
        d.up.setEnabled(row > 0)
        d.down.setEnabled(0 <= row < len(self.rules) - 1)
        d.revert.setEnabled(self.dirty)
        d.save.setEnabled(self.dirty)

    @Slot(int)
    def _on_row_changed(self, row: int) -> None:
        if self._loading or row < 0 or row >= len(self.rules):
            return
        if self.rules[row].id == self.editing:
            return
        if not self.keep_edits():
            self._select_quietly(self.editing)
            return
        self.show_rule(self.rules[row])

    def _select_quietly(self, rule_id: int | None) -> None:
        self._loading = True
        row = self._row_of(rule_id)
        if row >= 0:
            self.dialog.list.setCurrentRow(row)
        else:
            self.dialog.list.clearSelection()
        self._loading = False

    @Slot(QListWidgetItem)
    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        rule_id = int(item.data(ID_ROLE))
        on = item.checkState() == Qt.CheckState.Checked
        self._guard(lambda: self.service.set_enabled(rule_id, on))
        if rule_id == self.editing and not self.dirty:
            self._loading = True
            self.dialog.enabled.setChecked(on)
            self._loading = False
        self.rules = self.service.rules()

    @Slot(QModelIndex, int, int, QModelIndex, int)
    def _on_rows_moved(self, *_args: object) -> None:
        if not self._loading:
            QTimer.singleShot(0, self._sync_order)  # after the view finished the drop

    def _sync_order(self) -> None:
        """After a drag: store the one move that turns the stored order into the shown one."""
        lst = self.dialog.list
        shown = [int(lst.item(i).data(ID_ROLE)) for i in range(lst.count())]
        stored = [s.id for s in self.rules]
        if shown == stored or sorted(shown) != sorted(stored):
            return
        for rule_id in stored:
            order = [x for x in stored if x != rule_id]
            order.insert(shown.index(rule_id), rule_id)
            if order == shown:
                self._guard(lambda r=rule_id: self.service.move(r, shown.index(r) + 1))
                break
        self.reload(select=self.editing)

    def move_by(self, step: int) -> None:
        row = self._row_of(self.editing)
        if row < 0 or not 0 <= row + step < len(self.rules):
            return
        self._guard(lambda: self.service.move(self.rules[row].id, row + step + 1))
        self.reload(select=self.editing)

    # --- the form -----------------------------------------------------------------------
    def show_rule(self, stored: StoredRule | None) -> None:
        d = self.dialog
        self._loading = True
        rule = stored.rule if stored else None
        self.editing = stored.id if stored else None
        d.name.setText(rule.name if rule else "")
        d.match.setCurrentIndex(1 if rule and rule.match == "any" else 0)
        d.enabled.setChecked(rule.enabled if rule else True)
        d.stop.setChecked(rule.stop if rule else False)
        for layout in (d.condition_rows, d.action_rows):
            while layout.count():
                widget = layout.takeAt(0).widget()
                if widget is not None:
                    widget.deleteLater()
        for c in rule.conditions if rule else ():
            self.add_condition_row(c.kind, c.value, c.negate)
        if rule is None:
            self.add_action_row()
        for a in rule.actions if rule else ():
            self.add_action_row(a.kind, a.value)
        self._loading = False
        self.dirty = False
        d.message.setText("")
        self._update_buttons()

    def add_condition_row(self, kind: str = "keyword", value: str = "",
                          negate: bool = False) -> ConditionRow:
        row = ConditionRow()
        row.kind.setCurrentIndex(max(0, row.kind.findData(kind)))
        row.value.setText(value)
        row.negate.setChecked(negate)
        self._wire_row(row, self.dialog.condition_rows)
        return row

    def add_action_row(self, kind: str = "tag", value: str = "") -> ActionRow:
        row = ActionRow()
        row.kind.setCurrentIndex(max(0, row.kind.findData(kind)))
        row.value.setText(value)
        self._wire_row(row, self.dialog.action_rows)
        return row

    def _wire_row(self, row: ConditionRow | ActionRow, layout: QVBoxLayout) -> None:
        layout.addWidget(row)
        row.kind.currentIndexChanged.connect(self._changed)
        row.value.textEdited.connect(self._changed)
        if isinstance(row, ConditionRow):
            row.negate.toggled.connect(self._changed)
        row.remove.clicked.connect(lambda: self._remove_row(row, layout))
        self._changed()

    def _remove_row(self, row: QWidget, layout: QVBoxLayout) -> None:
        layout.removeWidget(row)
        row.deleteLater()
        self._changed()

    def _rows(self, layout: QVBoxLayout) -> list[Any]:
        widgets = (layout.itemAt(i).widget() for i in range(layout.count()))
        return [w for w in widgets if isinstance(w, ConditionRow | ActionRow)]

    def form_data(self) -> dict[str, Any]:
        d = self.dialog
        return {"name": d.name.text().strip(), "match": d.match.currentData(),
                "enabled": d.enabled.isChecked(), "stop": d.stop.isChecked(),
                "conditions": [r.data() for r in self._rows(d.condition_rows)],
                "actions": [r.data() for r in self._rows(d.action_rows)]}

    @Slot()
    def _changed(self, *_args: object) -> None:
        if self._loading:
            return
        self.dirty = True
        try:
            self.service.check(self.form_data())
            self.dialog.message.setText("")
        except InvalidInput as exc:
            self.dialog.message.setText(str(exc))
        self._update_buttons()

    # --- saving -------------------------------------------------------------------------
    @Slot()
    def save(self) -> bool:
        data = self.form_data()
        try:
            if self.editing is None:
                stored = self.service.add(data)
            else:
                stored = self.service.update(self.editing, data)
        except InvalidInput as exc:
            self.dialog.message.setText(str(exc))
            return False
        self.reload(select=stored.id)
        self.show_rule(stored)
        self.dialog.message.setText(self.tr("Saved."))
        return True

    @Slot()
    def revert(self) -> None:
        row = self._row_of(self.editing)
        self.show_rule(self.rules[row] if row >= 0 else None)

    @Slot()
    def new_rule(self) -> None:
        if not self.keep_edits():
            return
        self._select_quietly(None)
        self.show_rule(None)
        self.dialog.name.setFocus()

    @Slot()
    def delete_rule(self) -> None:
        row = self._row_of(self.editing)
        if row < 0 or not self.confirm_delete(self.rules[row].rule.name):
            return
        self._guard(lambda: self.service.remove(self.rules[row].id))
        self.reload()
        self.dirty = False
        if self.rules:
            self.dialog.list.setCurrentRow(min(row, len(self.rules) - 1))
        else:
            self.show_rule(None)

    def keep_edits(self) -> bool:
        """Unsaved changes: ask to save or discard them; False when the agent cancels."""
        if not self.dirty:
            return True
        answer = self.ask_unsaved()
        if answer == "save":
            return self.save()
        if answer == "discard":
            self.dirty = False
            return True
        return False

    def _ask_unsaved(self) -> str:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved rule"), "",
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self.dialog)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("Save the changes to this rule?"))
        answer = box.exec()
        return {QMessageBox.StandardButton.Save: "save",
                QMessageBox.StandardButton.Discard: "discard"}.get(
                    QMessageBox.StandardButton(answer), "cancel")

    def _confirm_delete(self, name: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete rule"), "",
                          QMessageBox.StandardButton.Cancel, self.dialog)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("Delete the rule “%1”? Mentions it already changed keep "
                            "those changes.").replace("%1", name))
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.exec()
        return box.clickedButton() is delete

    def _guard(self, work: Callable[[], object]) -> None:
        try:
            work()
        except InvalidInput as exc:
            self.dialog.message.setText(str(exc))

    # --- testing ------------------------------------------------------------------------
    def rules_to_test(self) -> tuple[list[Rule], bool]:
        """The stored rules with the form's rule in its place; False if the form is invalid."""
        rules = [s.rule for s in self.rules]
        try:
            edited = self.service.check(self.form_data())
        except InvalidInput:
            return [r for r in rules if r.enabled], False
        row = self._row_of(self.editing)
        if row >= 0:
            rules[row] = edited
        else:
            rules.append(edited)
        return [r for r in rules if r.enabled], True

    def busy(self) -> bool:
        return bool(self._tasks)

    @Slot()
    def run_test(self) -> None:
        d = self.dialog
        text = d.test_text.toPlainText().strip()
        if not text:
            d.test_result.setText(self.tr("Type or paste a post first."))
            return
        rules, complete = self.rules_to_test()
        lang = d.test_lang.currentData() or None
        options = {"lang": lang, "followers": d.test_followers.value(),
                   "source": d.test_source.currentData(),
                   "channel": d.test_channel.text().strip() or "mastodon",
                   "author": d.test_author.text().strip()}
        service = self.service  # the work must not hold this controller (ui/tasks.Task)
        task = Task(lambda: service.test(text, rules=rules, **options), "test the rules")
        signals = task.signals
        self._tasks.append(signals)
        signals.succeeded.connect(lambda r: (self._tasks.remove(signals),
                                             self._show_test(r, complete)))
        signals.failed.connect(lambda m: (self._tasks.remove(signals),
                                          d.test_result.setText(m)))
        d.test_result.setText(self.tr("Testing…"))
        start_task(task)

    def _show_test(self, result: RuleTest, complete: bool) -> None:
        out, lab = result.outcome, result.labels
        score = QLocale().toString(float(lab.complaint), "f", 2)
        lines = [self.tr("Labels: %1, %2, complaint %3, priority %4")
                 .replace("%1", self.tr("other language") if lab.lang == "other" else lab.lang)
                 .replace("%2", self.tr("undefined") if lab.sentiment_label == "undefined"
                          else labels.sentiment_label(lab.sentiment_label))
                 .replace("%3", score).replace("%4", str(lab.priority))]
        if out.fired:
            lines.append(self.tr("Fires: %1").replace("%1", " · ".join(out.fired)))
            effects = [self.tr("tag %1").replace("%1", t) for t in out.tags]
            if out.priority is not None:
                effects.append(self.tr("priority %1").replace("%1", str(out.priority)))
            if out.assignee:
                effects.append(self.tr("assign to %1").replace("%1", out.assignee))
            effects += [w for flag, w in ((out.spam, self.tr("hide as spam")),
                                          (out.not_relevant, self.tr("not relevant")),
                                          (out.closed, self.tr("close"))) if flag]
            lines.append(self.tr("Then: %1").replace("%1", ", ".join(effects)))
        else:
            lines.append(self.tr("No rule fires."))
        if not complete:
            lines.append(self.tr("(The rule in the form is not valid yet, so it was left "
                                 "out.)"))
        self.dialog.test_result.setText("\n".join(lines))


def describe(rule: Rule) -> str:
    """One line for the rule list's tooltip, in the dialog's words: "If has any of the
    words: refund and not language is: en, then: tag with legal; stop"."""
    conditions = []
    for c in rule.conditions:
        name = rule_word(CONDITION_NAMES.get(c.kind, c.kind))
        text = name if c.kind == "vip" else f"{name}: {c.value}"
        conditions.append(QCoreApplication.translate("RulesDialog", "not {0}").format(text)
                          if c.negate else text)
    joiner = (QCoreApplication.translate("RulesDialog", " and ") if rule.match == "all"
              else QCoreApplication.translate("RulesDialog", " or "))
    actions = [(f"{rule_word(ACTION_NAMES.get(a.kind, a.kind))} {a.value}" if a.value
                else rule_word(ACTION_NAMES.get(a.kind, a.kind))) for a in rule.actions]
    when = joiner.join(conditions) or QCoreApplication.translate("RulesDialog", "always")
    line = QCoreApplication.translate("RulesDialog", "If {0}, then: {1}").format(
        when, ", ".join(actions))
    return line + (QCoreApplication.translate("RulesDialog", "; stop") if rule.stop else "")
