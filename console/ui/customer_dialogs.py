"""Dialogs for customers: link to a customer, merge (with what will move), merge history,
and a small text editor for notes, tags and names.

Dialogs get the few service calls they need as plain callables and never touch the store.
Everything shown from the networks or typed by agents is plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from console.people.records import (
    CustomerSummary,
    LoneAuthor,
    MergeInfo,
    MergePreview,
    PeopleError,
)
from console.ui import labels
from console.ui.person_sections import RecordListModel

SEARCH_DELAY_MS = 200



def customer_text(item: CustomerSummary) -> str:
    star = "★ " if item.vip else ""
    accounts = ", ".join(labels.untrusted(a, 80) for a in item.accounts[:4])
    more = f" (+{len(item.accounts) - 4})" if len(item.accounts) > 4 else ""
    return f"#{item.id} {star}{labels.untrusted(item.name, 120)}\n{accounts or '-'}{more}"


def result_text(entry: tuple[str, Any]) -> str:
    kind, item = entry
    if kind == "customer":
        return customer_text(item)
    author: LoneAuthor = item
    name = labels.untrusted(" ".join(author.display_name.split()), 120)
    return (f"{name or '@' + labels.untrusted(author.handle, 80)}\n"
            f"{labels.channel_label(author.channel)} @{labels.untrusted(author.handle, 80)} · "
            + QCoreApplication.translate("CustomerDialogs", "no customer yet"))


class _SearchList(QWidget):
    """A search box over a result list; asks `search(text)` after a short pause in typing."""

    changed = Signal()

    def __init__(self, search: Callable[[str], list[tuple[str, Any]]], placeholder: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(placeholder)
        self.query.setClearButtonEnabled(True)
        self.model = RecordListModel(result_text, self)
        self.results = QListView(self)
        self.results.setModel(self.model)
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setAccessibleName(self.tr("Search results"))
        self.empty = labels.plain_label(wrap=True)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.query)
        box.addWidget(self.results, 1)
        box.addWidget(self.empty)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.results.selectionModel().currentChanged.connect(lambda *_a: self.changed.emit())

    @Slot()
    def run_search(self) -> None:
        self._timer.stop()
        text = self.query.text().strip()
        found = self._search(text) if text else []
        self.model.set_items(found)
        self.empty.setText(self.tr("Nobody matches “%1”.").replace("%1", text)
                           if text and not found else "")
        if found:
            self.results.setCurrentIndex(self.model.index(0, 0))
        self.changed.emit()

    def current(self) -> tuple[str, Any] | None:
        index = self.results.currentIndex()
        return self.model.item_at(index.row()) if index.isValid() else None


class LinkCustomerDialog(QDialog):
    """“Link to customer…”: find a customer (or a lone author) by name or handle."""

    def __init__(self, search: Callable[[str], list[tuple[str, Any]]], subject: str,
                 can_create: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Link to customer"))
        self.resize(460, 420)
        self.choice: tuple[str, int | None] | None = None
        intro = labels.plain_label(self.tr("Link %1 to a customer, or to another account "
                                           "(a new customer is then created for both).")
                                   .replace("%1", labels.untrusted(subject, 120)), wrap=True)
        self.search = _SearchList(search, self.tr("Name or handle, e.g. lucia or @lmendez"),
                                  self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.link_button = self.buttons.addButton(self.tr("Link"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button = QPushButton(self.tr("New customer with this account only"), self)
        self.create_button.setVisible(can_create)
        self.buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.link_button.setEnabled(False)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addWidget(self.search, 1)
        box.addWidget(self.buttons)
        self.search.changed.connect(self._update)
        self.link_button.clicked.connect(self._link)
        self.create_button.clicked.connect(self._create)
        self.buttons.rejected.connect(self.reject)

    @Slot()
    def _update(self) -> None:
        self.link_button.setEnabled(self.search.current() is not None)

    @Slot()
    def _link(self) -> None:
        current = self.search.current()
        if current is not None:
            kind, item = current
            self.choice = (kind, int(item.id))
            self.accept()

    @Slot()
    def _create(self) -> None:
        self.choice = ("new", None)
        self.accept()


class MergeDialog(QDialog):
    """Merge another customer with this one: pick it, pick who survives, read, confirm."""

    def __init__(self, current: CustomerSummary,
                 search: Callable[[str], list[tuple[str, Any]]],
                 preview: Callable[[int, int], MergePreview],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge customers"))
        self.resize(520, 560)
        self._current = current
        self._preview = preview
        self.pair: tuple[int, int] | None = None
        self.search = _SearchList(search, self.tr("The other customer: name or handle"), self)
        self.keep_this = QRadioButton(self.tr("Keep #%1 “%2”; merge the other into it")
                                      .replace("%1", str(current.id))
                                      .replace("%2", labels.untrusted(current.name, 60)
                                               .replace("&", "&&")), self)
        self.keep_other = QRadioButton(self.tr("Keep the other customer; merge #%1 into it")
                                       .replace("%1", str(current.id)), self)
        self.keep_this.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.keep_this)
        group.addButton(self.keep_other)
        self.preview_text = QPlainTextEdit(self)
        self.preview_text.setReadOnly(True)
        self.preview_text.setAccessibleName(self.tr("What will move"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.merge_button = self.buttons.addButton(self.tr("Merge"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setEnabled(False)
        box = QVBoxLayout(self)
        box.addWidget(self.search, 2)
        box.addWidget(self.keep_this)
        box.addWidget(self.keep_other)
        box.addWidget(labels.plain_label(self.tr("What will move:")))
        box.addWidget(self.preview_text, 2)
        box.addWidget(self.buttons)
        self.search.changed.connect(self.update_preview)
        self.keep_this.toggled.connect(lambda _on: self.update_preview())
        self.merge_button.clicked.connect(self._confirm)
        self.buttons.rejected.connect(self.reject)

    def chosen_pair(self) -> tuple[int, int] | None:
        current = self.search.current()
        if current is None or current[0] != "customer":
            return None
        other = int(current[1].id)
        if self.keep_this.isChecked():
            return self._current.id, other
        return other, self._current.id

    @Slot()
    def update_preview(self) -> None:
        pair = self.chosen_pair()
        self.merge_button.setEnabled(False)
        if pair is None:
            self.preview_text.setPlainText(self.tr("Pick the other customer first."))
            return
        try:
            preview = self._preview(*pair)
        except PeopleError as exc:
            self.preview_text.setPlainText(str(exc))
            return
        self.preview_text.setPlainText("\n".join(labels.untrusted(line)
                                                 for line in preview.lines()))
        self.merge_button.setEnabled(True)

    @Slot()
    def _confirm(self) -> None:
        self.pair = self.chosen_pair()
        if self.pair is not None:
            self.accept()


class MergeHistoryDialog(QDialog):
    """The merges that touched a customer; undo one (later merges first)."""

    def __init__(self, load: Callable[[], list[MergeInfo]], unmerge: Callable[[int], MergeInfo],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge history"))
        self.resize(520, 380)
        self._load, self._unmerge = load, unmerge
        self.undone: list[int] = []
        self.model = RecordListModel(self.merge_text, self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAccessibleName(self.tr("Merges"))
        self.message = labels.plain_label(wrap=True)
        self.undo_button = QPushButton(self.tr("Undo this merge"), self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        close.accepted.connect(self.accept)
        box = QVBoxLayout(self)
        box.addWidget(self.list, 1)
        box.addWidget(self.message)
        box.addWidget(self.undo_button)
        box.addWidget(close)
        self.undo_button.clicked.connect(self.undo_selected)
        self.list.selectionModel().currentChanged.connect(lambda *_a: self._update())
        self.reload()

    def merge_text(self, item: MergeInfo) -> str:
        """One merge: when, who, which customer went into which, what moved, and its state."""
        when = labels.full_time(item.created_at)
        state = (self.tr("undone %1").replace("%1", labels.full_time(item.undone_at))
                 if item.undone_at else self.tr("in force"))
        moved = ", ".join((self.tr("%n account(s)", "", item.authors),
                           self.tr("%n note(s)", "", item.notes)))
        return (f"#{item.id} · {when} · {labels.untrusted(item.agent or '?', 60)}\n"
                f"#{item.merged_id} “{labels.untrusted(item.merged_name, 80)}” → "
                f"#{item.survivor_id} · {moved} · {state}")

    def reload(self) -> None:
        self.model.set_items(self._load())
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0, 0))
        self._update()

    def _update(self) -> None:
        item = self.model.item_at(self.list.currentIndex().row())
        self.undo_button.setEnabled(item is not None and item.undone_at is None)

    @Slot()
    def undo_selected(self) -> None:
        item = self.model.item_at(self.list.currentIndex().row())
        if item is None:
            return
        try:
            info = self._unmerge(item.id)
        except PeopleError as exc:
            self.message.setText(str(exc))
            return
        self.undone.append(info.id)
        self.message.setText(self.tr("Merge #%1 undone: customer #%2 is back.")
                             .replace("%1", str(info.id)).replace("%2", str(info.merged_id)))
        self.reload()


class TextDialog(QDialog):
    """One piece of text to type: a note (several lines), tags or a name (one line)."""

    def __init__(self, title: str, prompt: str, text: str = "", multiline: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(420, 260 if multiline else 120)
        self.editor: QPlainTextEdit | QLineEdit
        if multiline:
            self.editor = QPlainTextEdit(self)
            self.editor.setPlainText(text)
            self.editor.textChanged.connect(self._update)
        else:
            self.editor = QLineEdit(self)
            self.editor.setText(text)
            self.editor.textChanged.connect(self._update)
        self.editor.setAccessibleName(prompt)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(labels.plain_label(prompt, wrap=True))
        box.addWidget(self.editor, 1)
        box.addWidget(self.buttons)
        self._update()

    def text(self) -> str:
        if isinstance(self.editor, QPlainTextEdit):
            return self.editor.toPlainText()
        return self.editor.text()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.text().strip()) or isinstance(self.editor, QLineEdit))
