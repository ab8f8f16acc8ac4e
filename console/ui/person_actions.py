"""What an agent does to a customer from the profile panel: link, unlink, VIP, tags, notes,
rename, merge and unmerge, and answering link suggestions.

Dialogs open window-modal with ``open()`` (never a nested event loop) and report through
``finished``; the open one is kept in :attr:`PersonActions.dialog`. Every write goes through
the PeopleService; a refusal is one sentence in the panel and on the status bar.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QDialog

from console.errors import StoreError
from console.mentions.queries import AuthorInfo
from console.people.records import PeopleError, Person, Suggestion
from console.people.service import PeopleService
from console.ui import labels
from console.ui.customer_dialogs import (
    LinkCustomerDialog,
    MergeDialog,
    MergeHistoryDialog,
    TextDialog,
)
from console.ui.person_sections import RecordListModel
from console.ui.profile_view import ProfilePanel


class Profile(Protocol):
    """What the actions use of their profile controller (console/ui/profile_panel.py)."""

    panel: ProfilePanel
    people: PeopleService
    author: AuthorInfo | None
    person: Person | None
    notes: RecordListModel
    confirm: Callable[[str], bool]

    def reload(self) -> None: ...

    def done(self, text: str) -> None: ...

    def fail(self, error: PeopleError | str) -> None: ...



class PersonActions(QObject):
    """The customer actions of one profile controller (it owns this object)."""

    def __init__(self, controller: Profile, parent: QObject) -> None:
        super().__init__(parent)
        self.c = controller
        self.dialog: QDialog | None = None
        panel = controller.panel
        panel.vip.toggled.connect(self.set_vip)
        panel.tags_button.clicked.connect(self.edit_tags)
        panel.link_action.triggered.connect(self.open_link_dialog)
        panel.create_action.triggered.connect(self.create_customer)
        panel.rename_action.triggered.connect(self.rename)
        panel.merge_action.triggered.connect(lambda: self.open_merge_dialog())
        panel.history_action.triggered.connect(self.open_merge_history)
        panel.add_note.clicked.connect(self.add_note)
        panel.edit_note.clicked.connect(self.edit_note)
        panel.delete_note.clicked.connect(self.delete_note)
        panel.notes.activated.connect(lambda _index: self.edit_note())
        panel.accounts.unlinkRequested.connect(self.unlink)
        panel.suggestions.acceptRequested.connect(self.accept)
        panel.suggestions.rejectRequested.connect(self.reject)

    # --- helpers ------------------------------------------------------------------------
    def _attempt(self, work: Callable[[], str]) -> bool:
        """Run one write; say what it did, or why not. True when it worked."""
        try:
            text = work()
        except (PeopleError, StoreError) as exc:
            self.c.fail(exc)
            return False
        self.c.reload()
        self.c.done(text)
        return True

    def _open(self, dialog: QDialog, on_accept: Callable[[QDialog], None]) -> None:
        self.close_dialog()
        self.dialog = dialog

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                on_accept(dialog)
            if self.dialog is dialog:
                self.dialog = None
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    def close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None

    def _customer(self) -> int | None:
        return self.c.person.customer_id if self.c.person else None

    def search(self, text: str, customers_only: bool = False,
               exclude: int | None = None) -> list[tuple[str, Any]]:
        """Customers (and, unless told, lone authors) by name, handle, or “#id”."""
        people, person = self.c.people, self.c.person
        found: list[tuple[str, Any]] = []
        number = re.fullmatch(r"#?(\d+)", text.strip())
        if number and int(number.group(1)) != exclude:
            with contextlib.suppress(PeopleError):
                found.append(("customer", people.summary(int(number.group(1)))))
        customers, lone = people.search(text)
        known = {item.id for kind, item in found}
        found += [("customer", c) for c in customers if c.id != exclude and c.id not in known]
        if not customers_only:
            mine = set(person.author_ids) if person else set()
            found += [("author", a) for a in lone if a.id not in mine]
        return found

    # --- customer -----------------------------------------------------------------------
    @Slot(bool)
    def set_vip(self, vip: bool) -> None:
        customer = self._customer()
        if customer is not None:
            self._attempt(lambda: (self.c.people.set_vip(customer, vip),
                                   self.tr("Marked VIP.") if vip else self.tr("No longer VIP."))[1])

    @Slot()
    def edit_tags(self) -> None:
        person = self.c.person
        if person is None or person.customer_id is None:
            return
        customer, before = person.customer_id, set(person.tags)
        dialog = TextDialog(self.tr("Tags"), self.tr("Tags, separated by commas:"),
                            ", ".join(person.tags), parent=self.c.panel)

        def save(done: QDialog) -> None:
            assert isinstance(done, TextDialog)
            wanted = {t.strip().lower() for t in done.text().split(",") if t.strip()}

            def work() -> str:
                added = self.c.people.add_tags(customer, sorted(wanted - before))
                removed = self.c.people.remove_tags(customer, sorted(before - wanted))
                return self.tr("Tags saved (%1 added, %2 removed).").replace(
                    "%1", str(len(added))).replace("%2", str(len(removed)))
            self._attempt(work)

        self._open(dialog, save)

    @Slot()
    def rename(self) -> None:
        person = self.c.person
        if person is None or person.customer_id is None:
            return
        customer = person.customer_id
        dialog = TextDialog(self.tr("Rename customer"), self.tr("The customer's name:"),
                            person.name, parent=self.c.panel)
        self._open(dialog, lambda d: self._attempt(lambda: self.tr("Renamed to “%1”.").replace(
            "%1", self.c.people.rename(customer, d.text()))))

    @Slot()
    def create_customer(self) -> None:
        author = self.c.author
        if author is not None:
            self._attempt(lambda: self.tr("Created customer #%1.").replace(
                "%1", str(self.c.people.link([author.id]).customer_id)))

    @Slot()
    def open_link_dialog(self) -> None:
        author, person = self.c.author, self.c.person
        if author is None or person is None:
            return
        subject = labels.author_line(author.display_name, author.handle)
        dialog = LinkCustomerDialog(self.search, subject, person.customer_id is None,
                                    self.c.panel)
        self._open(dialog, lambda d: self._linked(d.choice))

    def _linked(self, choice: tuple[str, int | None] | None) -> None:
        author, customer = self.c.author, self._customer()
        if choice is None or author is None:
            return
        kind, target = choice
        people = self.c.people
        if kind == "new":
            self.create_customer()
        elif kind == "author" and target is not None:
            self._attempt(lambda: self.tr("Linked into customer #%1.").replace("%1", str(
                people.link([target], customer_id=customer).customer_id if customer
                else people.link([author.id, target]).customer_id)))
        elif kind == "customer" and target is not None:
            if customer is not None and customer != target:
                self.c.fail(self.tr("Both are customers already: merge them instead."))
                self.open_merge_dialog(f"#{target}")
                return
            self._attempt(lambda: self.tr("Linked to customer #%1.").replace("%1", str(
                people.link([author.id], customer_id=target).customer_id)))

    @Slot(int)
    def unlink(self, author_id: int) -> None:
        if not self.c.confirm(self.tr("Take this account out of the customer? It will not be "
                                  "suggested with them again.")):
            return
        self._attempt(lambda: self.tr("Unlinked from customer #%1.").replace(
            "%1", str(self.c.people.unlink(author_id))))

    # --- merge ----------------------------------------------------------------------------
    def open_merge_dialog(self, query: str = "") -> None:
        customer = self._customer()
        if customer is None:
            return
        try:
            current = self.c.people.summary(customer)
        except (PeopleError, StoreError) as exc:
            self.c.fail(exc)
            return
        dialog = MergeDialog(current, lambda text: self.search(text, True, customer),
                             self.c.people.merge_preview, self.c.panel)

        def merge(done: QDialog) -> None:
            assert isinstance(done, MergeDialog) and done.pair is not None
            survivor, merged = done.pair

            def work() -> str:
                record = self.c.people.merge(survivor, merged)
                return self.tr("Merged customer #%1 into #%2 (merge #%3; undo it from the merge "
                           "history).").replace("%1", str(merged)).replace(
                    "%2", str(survivor)).replace("%3", str(record))
            self._attempt(work)

        self._open(dialog, merge)
        if query:
            dialog.search.query.setText(query)
            dialog.search.run_search()

    @Slot()
    def open_merge_history(self) -> None:
        customer = self._customer()
        if customer is None:
            return
        dialog = MergeHistoryDialog(lambda: self.c.people.merges(customer),
                                    self.c.people.unmerge, self.c.panel)

        def closed(result: int) -> None:
            if dialog.undone:
                self.c.reload()
                self.c.done(self.tr("Undid %1 merge(s).").replace("%1", str(len(dialog.undone))))

        dialog.finished.connect(closed)
        self._open(dialog, lambda _d: None)

    # --- notes ----------------------------------------------------------------------------
    def _selected_note(self) -> Any:
        index = self.c.panel.notes.currentIndex()
        note = self.c.notes.item_at(index.row()) if index.isValid() else None
        return note if note is not None else self.c.notes.item_at(0)

    @Slot()
    def add_note(self) -> None:
        author, customer = self.c.author, self._customer()
        if author is None:
            return
        dialog = TextDialog(self.tr("Add note"), self.tr("An internal note (never sent):"),
                            multiline=True, parent=self.c.panel)
        self._open(dialog, lambda d: self._attempt(lambda: (self.c.people.add_note(
            d.text(), customer_id=customer,
            author_id=None if customer is not None else author.id), self.tr("Note added."))[1]))

    @Slot()
    def edit_note(self) -> None:
        note = self._selected_note()
        if note is None:
            return
        dialog = TextDialog(self.tr("Edit note"), self.tr("An internal note (never sent):"),
                            note.body, multiline=True, parent=self.c.panel)
        self._open(dialog, lambda d: self._attempt(lambda: (self.c.people.edit_note(
            note.id, d.text()), self.tr("Note saved."))[1]))

    @Slot()
    def delete_note(self) -> None:
        note = self._selected_note()
        if note is None or not self.c.confirm(self.tr("Delete this note? This cannot be undone.")):
            return
        self._attempt(lambda: (self.c.people.delete_note(note.id), self.tr("Note deleted."))[1])

    # --- suggestions ------------------------------------------------------------------------
    @Slot(object)
    def accept(self, suggestion: Suggestion) -> None:
        mine, theirs = self._customer(), suggestion.other_customer_id
        if mine is not None and theirs is not None and mine != theirs:
            self.c.fail(self.tr("Both accounts belong to customers already: merge them."))
            self.open_merge_dialog(f"#{theirs}")
            return
        self._attempt(lambda: self.tr("Linked: customer #%1.").replace(
            "%1", str(self.c.people.accept(suggestion).customer_id)))

    @Slot(object)
    def reject(self, suggestion: Suggestion) -> None:
        self._attempt(lambda: (self.c.people.reject(suggestion),
                               self.tr("They will not be suggested together again."))[1])
