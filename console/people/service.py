"""PeopleService: the one face of customers that the UI and the CLI call.

Reads may run on any thread; every write runs in one ``Store.write()`` transaction, so a
link, a merge or an unmerge is all or nothing. Errors an agent can cause are
:class:`PeopleError` (a ValueError) with one sentence.
"""

from __future__ import annotations

from datetime import datetime

from peewee import Database

from console.i18n import translate
from console.people import customers, merge, notes, person, suggest, timeline
from console.people import portrait as portraits
from console.people.customers import LinkResult
from console.people.portrait import POSTS_COUNTED, Portrait
from console.people.records import (
    CaseInfo,
    CustomerSummary,
    HistoryItem,
    LoneAuthor,
    MergeInfo,
    MergePreview,
    NoteInfo,
    PeopleError,
    Person,
    Suggestion,
)
from console.store.db import Store


class PeopleService:
    """Customers across channels: who is who, their story, suggestions, merges."""

    def __init__(self, store: Store, agent: str = "") -> None:
        self.store = store
        self.agent = agent

    @property
    def db(self) -> Database:
        return self.store.db

    # --- reading ---------------------------------------------------------------------
    def person_for_author(self, author_id: int) -> Person | None:
        return person.person_for_author(self.db, author_id)

    def person(self, customer_id: int) -> Person:
        return person.person_for_customer(self.db, customer_id)

    def posts_per_network(self, found: Person) -> list[tuple[str, int]]:
        """(network, stored posts) of every account of `found`, one row per network."""
        return portraits.posts_per_network(self.db, found.author_ids)

    def portrait(self, found: Person, limit: int = POSTS_COUNTED) -> Portrait:
        """Reach, communities, topics and mood of `found` from their newest stored posts."""
        return portraits.portrait(self.db, found.authors, limit)

    def customers(self, query: str = "", limit: int = 100,
                  offset: int = 0) -> list[CustomerSummary]:
        return customers.list_customers(self.db, query, limit, offset)

    def search(self, query: str, limit: int = 30) -> tuple[list[CustomerSummary],
                                                           list[LoneAuthor]]:
        """Customers and lone authors whose name or handle matches (accents ignored)."""
        return (customers.list_customers(self.db, query, limit),
                customers.search_lone_authors(self.db, query, limit))

    def history(self, author_ids: tuple[int, ...], customer_id: int | None,
                before: HistoryItem | None = None, limit: int = 100) -> list[HistoryItem]:
        key: tuple[datetime, str, int] | None = before.key if before else None
        return timeline.history(self.db, author_ids, customer_id, key, limit)

    def cases(self, author_ids: tuple[int, ...], open_only: bool = True) -> tuple[CaseInfo, ...]:
        return person.cases_of(self.db, author_ids, open_only)

    def suggestions(self, author_ids: tuple[int, ...] | int, limit: int = 10) -> list[Suggestion]:
        ids = (author_ids,) if isinstance(author_ids, int) else author_ids
        return suggest.suggestions_for_person(self.db, ids, limit)

    def recent_suggestions(self, limit: int = 30) -> list[Suggestion]:
        return suggest.recent_suggestions(self.db, limit)

    def explain(self, author_id: int, other_id: int) -> Suggestion | None:
        return suggest.explain(self.db, author_id, other_id)

    def merge_preview(self, survivor_id: int, merged_id: int) -> MergePreview:
        return merge.preview(self.db, survivor_id, merged_id)

    def merges(self, customer_id: int | None = None, limit: int = 100) -> list[MergeInfo]:
        return merge.history(self.db, customer_id, limit=limit)

    def summary(self, customer_id: int) -> CustomerSummary:
        """One live customer as lists show it (PeopleError when unknown or merged away)."""
        customers.require_customer(self.db, customer_id)
        return customers.summaries(self.db, [customer_id])[0]

    def customer_of(self, author_id: int) -> int | None:
        return customers.customer_of(self.db, author_id)

    # --- writing ---------------------------------------------------------------------
    def link(self, author_ids: list[int], customer_id: int | None = None,
             name: str | None = None) -> LinkResult:
        with self.store.write():
            return customers.link(self.db, author_ids, customer_id, name, self.agent)

    def unlink(self, author_id: int) -> int:
        with self.store.write():
            return customers.unlink(self.db, author_id, self.agent)

    def accept(self, suggestion: Suggestion) -> LinkResult:
        """Link the pair; two different customers must be merged instead (PeopleError)."""
        with self.store.write():
            return customers.link(self.db, [suggestion.author_id, suggestion.other_id],
                                  agent=self.agent, reasons=suggestion.reasons_text,
                                  confidence=suggestion.confidence)

    def reject(self, suggestion: Suggestion) -> None:
        """Remember that these two are not the same person; never suggested again."""
        with self.store.write():
            customers.record_decision(self.db, suggestion.author_id, suggestion.other_id,
                                      "rejected", suggestion.reasons_text,
                                      suggestion.confidence, self.agent)

    def reject_pair(self, author_id: int, other_id: int) -> None:
        if author_id == other_id:
            raise PeopleError(translate("People", "An author cannot be compared with itself."))
        with self.store.write():
            customers.require_author(self.db, author_id)
            customers.require_author(self.db, other_id)
            customers.record_decision(self.db, author_id, other_id, "rejected",
                                      "rejected by hand", 0.0, self.agent)

    def rename(self, customer_id: int, name: str) -> str:
        with self.store.write():
            return customers.rename(self.db, customer_id, name)

    def set_vip(self, customer_id: int, vip: bool) -> None:
        with self.store.write():
            customers.set_vip(self.db, customer_id, vip)

    def add_tags(self, customer_id: int, tags: list[str]) -> list[str]:
        with self.store.write():
            return customers.add_tags(self.db, customer_id, tags)

    def remove_tags(self, customer_id: int, tags: list[str]) -> list[str]:
        with self.store.write():
            return customers.remove_tags(self.db, customer_id, tags)

    def add_note(self, body: str, customer_id: int | None = None,
                 author_id: int | None = None) -> NoteInfo:
        with self.store.write():
            return notes.add_note(self.db, body, self.agent, customer_id, author_id)

    def edit_note(self, note_id: int, body: str) -> NoteInfo:
        with self.store.write():
            return notes.edit_note(self.db, note_id, body)

    def delete_note(self, note_id: int) -> NoteInfo:
        with self.store.write():
            return notes.delete_note(self.db, note_id)

    def merge(self, survivor_id: int, merged_id: int) -> int:
        with self.store.write():
            return merge.merge(self.db, survivor_id, merged_id, self.agent)

    def unmerge(self, record_id: int) -> MergeInfo:
        with self.store.write():
            return merge.unmerge(self.db, record_id, self.agent)
