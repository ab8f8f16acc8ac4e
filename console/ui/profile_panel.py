"""The profile panel: the selected mention's customer (or lone author) with every account,
figures, tags, VIP, notes, open cases, suggestions and the whole cross-channel history.

The layout is :class:`console.ui.profile_view.ProfilePanel`; this module's controller fills
it through :class:`PeopleService` and runs the customer actions (their dialogs live in
:mod:`console.ui.customer_dialogs`). Suggestions are computed off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from console.mentions.queries import AuthorInfo
from console.mentions.service import ProfileService
from console.people.records import (
    CaseInfo,
    NoteInfo,
    PeopleError,
    Person,
    PersonStats,
    case_status,
)
from console.people.service import PeopleService
from console.ui import labels
from console.ui.person_actions import PersonActions
from console.ui.person_sections import RecordListModel
from console.ui.profile_view import SAFE_SCHEMES, ProfilePanel, safe_url
from console.ui.tasks import Task, TaskSignals, start_task
from console.ui.timeline_model import TimelineModel

__all__ = ["SAFE_SCHEMES", "ProfileController", "ProfilePanel", "safe_url"]
SUGGESTION_DELAY_MS = 250


def duration_text(span: timedelta) -> str:
    return labels.wait_text(int(span.total_seconds() // 60))


def note_text(note: NoteInfo) -> str:
    edited = (QCoreApplication.translate("ProfileController", " · edited %1").replace(
        "%1", labels.when(note.updated_at)) if note.updated_at else "")
    who = labels.untrusted(note.agent or "?", 60)
    on = (QCoreApplication.translate("ProfileController", " · on one account")
          if note.customer_id is None else "")
    return (f"{labels.when(note.created_at)} · {who}{edited}{on}\n"
            f"{labels.untrusted(note.body, 600)}")


def case_text(case: CaseInfo) -> str:
    who = (labels.untrusted(case.assignee, 40) if case.assignee
           else QCoreApplication.translate("ProfileController", "unassigned"))
    facts = QCoreApplication.translate(
        "ProfileController", "#{id} · {status} · {channel} · priority {priority} · {who}").format(
        id=case.id, status=case_status(case.status), channel=labels.channel_label(case.channel),
        priority=labels.priority_label(case.priority), who=who)
    return f"{facts}\n{labels.first_line(case.subject, 160)}"


class ProfileController(QObject):
    """Fills the profile panel for the selected mention's author and runs customer actions.

    Signals:
        mentionRequested(int): the agent activated a mention (or reply) in the history.
        linkRefused(str): a link is not an http(s) address, so it was not opened.
        message(str): what an action did (or why it could not), for the status bar.
        peopleChanged(): customers changed (link, unlink, merge, VIP, tags...).
    """

    mentionRequested = Signal(int)
    linkRefused = Signal(str)
    message = Signal(str)
    peopleChanged = Signal()

    def __init__(self, panel: ProfilePanel, profile: ProfileService, people: PeopleService,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self.profile = profile
        self.people = people
        self.author: AuthorInfo | None = None
        self.person: Person | None = None
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.confirm: Callable[[str], bool] = self._ask
        # Given an author, the "possible impersonator" warning ("" for none); see app.py.
        self.impersonation: Callable[[AuthorInfo], str] = lambda _author: ""
        self.run_task: Callable[[Task], TaskSignals] = start_task
        self.timeline = TimelineModel(people, parent=self)
        self.notes = RecordListModel(note_text, self)
        self.cases = RecordListModel(case_text, self)
        self.suggestions_loaded = False
        self.portrait_loaded = False
        self._portrait_for: tuple[int, ...] = ()
        self._portrait_task: TaskSignals | None = None
        self._request = 0
        self._pending: list[TaskSignals] = []
        self._suggest_timer = QTimer(self)
        self._suggest_timer.setSingleShot(True)
        self._suggest_timer.setInterval(SUGGESTION_DELAY_MS)
        self._suggest_timer.timeout.connect(self.load_suggestions)
        panel.history.setModel(self.timeline)
        panel.notes.setModel(self.notes)
        panel.cases.setModel(self.cases)
        panel.link.clicked.connect(self.open_profile)
        panel.history.activated.connect(self._on_history_activated)
        panel.cases.activated.connect(self._on_case_activated)
        panel.accounts.openRequested.connect(self.open_account)
        panel.suggestions_hint.clicked.connect(lambda: panel.tabs.setCurrentIndex(4))
        self.actions = PersonActions(self, self)
        self.clear()

    # --- showing ----------------------------------------------------------------------
    @Slot(int)
    def show_author(self, author_id: int) -> None:
        person = self.people.person_for_author(author_id)
        author = next((a for a in person.authors if a.id == author_id), None) if person else None
        if person is None or author is None:
            self.clear()
            return
        self.author, self.person = author, person
        self._fill(person, author)
        if (self.timeline.author_ids, self.timeline.customer_id) != (person.author_ids,
                                                                     person.customer_id):
            self.timeline.set_person(person.author_ids, person.customer_id)
            self.panel.suggestions_hint.setVisible(False)  # someone else: until they load
        self.suggestions_loaded = False
        self.panel.suggestions.set_status(self.tr("Looking for other accounts of this person…"))
        self._request += 1
        self._suggest_timer.start()
        self.load_portrait()

    def _fill(self, person: Person, author: AuthorInfo) -> None:
        panel = self.panel
        panel.show_details(True)
        panel.name.setText(labels.untrusted(" ".join(person.name.split()), 300)
                           or "@" + labels.untrusted(author.handle, 200))
        panel.vip_badge.setVisible(person.vip)
        warning = self.impersonation(author)
        panel.lookalike.setText(f"⚠ {labels.untrusted(warning)}" if warning else "")
        panel.lookalike.setVisible(bool(warning))
        panel.handle.setText(f"@{labels.untrusted(author.handle, 200)}")
        if person.customer_id is None:
            panel.customer_line.setText(self.tr("Not linked to a customer yet."))
        else:
            networks = ", ".join(labels.channel_label(n)
                                 for n in sorted(person.followers_by_network()))
            panel.customer_line.setText(self.tr("Customer #%1 · %n account(s) on %2", "",
                                                len(person.authors))
                                        .replace("%1", str(person.customer_id))
                                        .replace("%2", networks))
        panel.network.setText(self.networks_text(person, author))
        panel.seen.setText(self.posts_text(person.stats.mentions,
                                           self.people.posts_per_network(person)))
        panel.bio.setText(labels.untrusted(author.bio.strip(), 2000) or self.tr("(no bio)"))
        verified_mark = self.tr("✓ verified")
        panel.fields.setText("\n".join(
            f"{labels.untrusted(name, 200)}: {labels.untrusted(value, 500)}"
            + (f"  {verified_mark}" if verified else "")
            for name, value, verified in author.fields))
        panel.fields.setVisible(bool(author.fields))
        panel.link.setEnabled(safe_url(author.url) is not None)
        panel.link.setToolTip(labels.tooltip(author.url))
        panel.tags.setText(self.tr("Tags: %1").replace("%1", ", ".join(
            labels.untrusted(t, 64) for t in person.tags)) if person.tags else "")
        panel.tags.setVisible(bool(person.tags))
        panel.figures.setText(self.figures_text(person.stats))
        self._fill_actions(person)
        panel.accounts.set_accounts(person.authors, person.customer_id is not None,
                                    lambda url: safe_url(url) is not None)
        self.notes.set_items(person.notes)
        self.cases.set_items(person.open_cases)
        tabs = panel.tabs
        tabs.setTabText(1, self.tr("Accounts (%1)").replace("%1", str(len(person.authors))))
        tabs.setTabText(2, self.tr("Notes (%1)").replace("%1", str(len(person.notes))))
        tabs.setTabText(3, self.tr("Cases (%1)").replace("%1", str(len(person.open_cases))))

    def networks_text(self, person: Person, author: AuthorInfo) -> str:
        """Every network the person writes on (the selected account's first, marked); one
        network reads as before ("mastodon", "mastodon · bot")."""
        own = labels.channel_label(author.channel)
        if author.bot:
            own = self.tr("%1 · bot").replace("%1", own)
        others = sorted({a.channel for a in person.authors} - {author.channel})
        if not others:
            return own
        return ", ".join([self.tr("%1 (this account)").replace("%1", own)]
                         + [labels.channel_label(n) for n in others])

    def posts_text(self, count: int, per_network: list[tuple[str, int]]) -> str:
        """The person's stored posts, all accounts together, per network when several (the
        same count as the figures and the history)."""
        text = self.tr("%n post(s) stored", "", count)
        if len(per_network) > 1:
            text += ": " + ", ".join(f"{labels.channel_label(channel)} {labels.count_text(n)}"
                                     for channel, n in per_network)
        return text

    def figures_text(self, stats: PersonStats) -> str:
        """First post and last contact, complaints and how fast the brand answers."""
        never = self.tr("never")
        first = labels.full_time(stats.first_seen) if stats.first_seen else never
        last = labels.when(stats.last_contact) if stats.last_contact else never
        if stats.average_first_answer is not None:
            answer = self.tr("first answer in %1 on average (%n answered)", "",
                             stats.answered).replace(
                "%1", duration_text(stats.average_first_answer))
        else:
            answer = self.tr("never answered yet")
        seen = self.tr("First post %1 · last contact %2").replace("%1", first).replace("%2", last)
        return seen + "\n" + " · ".join((self.tr("%n complaint(s)", "", stats.complaints),
                                          answer))

    def _fill_actions(self, person: Person) -> None:
        panel, linked = self.panel, person.customer_id is not None
        panel.vip.blockSignals(True)
        panel.vip.setChecked(person.vip)
        panel.vip.blockSignals(False)
        lone_tip = self.tr("Link this account to a customer first.")
        for widget in (panel.vip, panel.tags_button):
            widget.setEnabled(linked)
            widget.setToolTip("" if linked else lone_tip)
        panel.create_action.setVisible(not linked)
        for action in (panel.rename_action, panel.merge_action, panel.history_action):
            action.setEnabled(linked)
        panel.edit_note.setEnabled(bool(person.notes))
        panel.delete_note.setEnabled(bool(person.notes))

    @Slot()
    def refresh(self) -> None:
        """Show the same author again with fresh data (the history from the top)."""
        if self.author is not None:
            self.timeline.clear()
            self.show_author(self.author.id)

    @Slot(object)
    def on_people_changed(self, event: object) -> None:
        """Another console changed customers or notes (a PeopleChanged): show the person
        on screen again if they may be among them (the history is kept as it is)."""
        person = self.person
        if self.author is None or person is None:
            return
        customers = getattr(event, "customer_ids", ())
        if getattr(event, "note_ids", ()) or not customers or person.customer_id in customers:
            self.reload()

    def reload(self) -> None:
        """After an action: fresh figures and lists; the history only if the person changed."""
        if self.author is not None:
            self.show_author(self.author.id)

    @Slot()
    def clear(self) -> None:
        self.author, self.person = None, None
        panel = self.panel
        for label in (panel.name, panel.handle, panel.customer_line, panel.network,
                      panel.seen, panel.bio, panel.fields, panel.tags,
                      panel.figures, panel.lookalike):
            label.clear()
        panel.portrait.set_portrait(None)
        self._portrait_for = ()
        panel.fields.setVisible(False)
        panel.lookalike.setVisible(False)
        panel.accounts.set_accounts([], False, lambda _url: False)
        panel.suggestions.set_suggestions([])
        panel.suggestions.set_status("")
        self.notes.set_items([])
        self.cases.set_items([])
        self.suggestions = []
        self._request += 1
        panel.show_details(False)
        self.timeline.clear()

    # --- the portrait (off the GUI thread: it reads up to a thousand payloads) -------------
    def load_portrait(self) -> None:
        person = self.person
        if person is None:
            return
        if self._portrait_for != person.author_ids:
            self.panel.portrait.set_portrait(None)  # someone else: nothing of the last one
        self.portrait_loaded = False
        request, people = self._request, self.people
        task = Task(lambda: (request, person.author_ids, people.portrait(person)),
                    self.tr("count this person's figures"))
        signals = self.run_task(task)
        self._pending.append(signals)
        self._portrait_task = signals  # only the newest one's failure is shown
        signals.succeeded.connect(self._on_portrait)
        signals.failed.connect(self._on_portrait_failed)

    @Slot(object)
    def _on_portrait(self, result: object) -> None:
        self._pending = [s for s in self._pending if s is not self.sender()]
        request, author_ids, portrait = result  # type: ignore[misc]
        if request != self._request or not shiboken6.isValid(self.panel):
            return  # the agent has moved on, or the window is gone
        self._portrait_for = author_ids
        self.panel.portrait.set_portrait(portrait)
        self.portrait_loaded = True

    @Slot(str)
    def _on_portrait_failed(self, text: str) -> None:
        failed = self.sender()
        self._pending = [s for s in self._pending if s is not failed]
        if failed is self._portrait_task and shiboken6.isValid(self.panel):
            self.panel.portrait.set_problem(text)
            self.portrait_loaded = True

    # --- suggestions (off the GUI thread) -------------------------------------------------
    @Slot()
    def load_suggestions(self) -> None:
        person = self.person
        if person is None:
            return
        request, ids, people = self._request, person.author_ids, self.people
        task = Task(lambda: (request, people.suggestions(ids)), self.tr("find suggestions"))
        signals = self.run_task(task)
        self._pending.append(signals)
        signals.succeeded.connect(self._on_suggestions)
        signals.failed.connect(self._on_suggestions_failed)

    @Slot(object)
    def _on_suggestions(self, result: object) -> None:
        self._pending = [s for s in self._pending if s is not self.sender()]
        request, found = result  # type: ignore[misc]
        if request != self._request or not shiboken6.isValid(self.panel):
            return  # the agent has moved on to someone else, or the window is gone
        self.suggestions = list(found)
        self.panel.suggestions.set_suggestions(self.suggestions)
        count = len(self.suggestions)
        self.panel.tabs.setTabText(4, self.tr("Suggestions (%1)").replace("%1", str(count)))
        self.panel.suggestions_hint.setText(
            self.tr("%n other account(s) may be this person…", "", count))
        self.panel.suggestions_hint.setVisible(count > 0)
        self.suggestions_loaded = True

    @Slot(str)
    def _on_suggestions_failed(self, text: str) -> None:
        self._pending = [s for s in self._pending if s is not self.sender()]
        if not shiboken6.isValid(self.panel):
            return
        self.panel.suggestions.set_status(text)
        self.suggestions_loaded = True

    # --- links ----------------------------------------------------------------------------
    @Slot()
    def open_profile(self) -> None:
        if self.author is not None:
            self.open_account(self.author.url)

    @Slot(str)
    def open_account(self, url: str) -> None:
        safe = safe_url(url)
        if safe is None:
            self.linkRefused.emit(self.tr("Not opened: %1 is not a web address.")
                                  .replace("%1", repr(labels.untrusted(url, 200))))
            return
        self.open_url(safe)

    @Slot(QModelIndex)
    def _on_history_activated(self, index: QModelIndex) -> None:
        item = self.timeline.item_at(index.row())
        if item is not None and item.mention_id is not None:
            self.mentionRequested.emit(item.mention_id)

    @Slot(QModelIndex)
    def _on_case_activated(self, index: QModelIndex) -> None:
        case = self.cases.item_at(index.row())
        if case is not None and case.first_mention_id is not None:
            self.mentionRequested.emit(case.first_mention_id)

    # --- feedback -------------------------------------------------------------------------
    def done(self, text: str) -> None:
        self.panel.error.setVisible(False)
        self.message.emit(text)
        self.peopleChanged.emit()

    def fail(self, error: PeopleError | str) -> None:
        self.panel.error.setText(labels.untrusted(str(error), 500))
        self.panel.error.setVisible(True)
        self.message.emit(str(error))

    def _ask(self, question: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Posventa"), "", parent=self.panel)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(question)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes
