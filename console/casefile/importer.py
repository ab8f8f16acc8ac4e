"""Bringing a case file into a workspace without duplicating what is already there.

Rows get new ids in the workspace; what is already there is recognised by its natural
key: mentions and authors by (channel, remote id), cases by their thread, replies by
idempotency key, notes, history entries and corrections by their content and time, tags
by name. A reply that was not sent yet arrives failed, never queued: it is sent only from
the workspace it was written in, unless an agent here retries it. Accounts and watches are
never created (an account needs its owner to sign in); rows pointing at unknown ones keep
no link. The workspace's own team settings win. The statements are in
``console.casefile.queries``.

A reviewer's scores (the file's ``review`` table) become entries of the case's history
(kind ``review``: the score in ``old``, the note in ``new``), so they show with the
case, travel in the next case file and are never added twice.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from peewee import Database

from console.casefile import queries
from console.casefile.format import REVIEW_KIND, manifest, open_case_file, row_counts, verify
from console.casefile.queries import Row
from console.i18n import translate
from console.mentions.queries import insert_mention
from console.store.db import Store


@dataclass
class ImportSummary:
    """Per kind of row: how many were added and how many were already in the workspace."""

    added: dict[str, int] = field(default_factory=dict)
    existing: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str, added: bool) -> None:
        bucket = self.added if added else self.existing
        bucket[kind] = bucket.get(kind, 0) + 1

    def lines(self) -> list[str]:
        kinds = sorted(set(self.added) | set(self.existing))
        return [f"{kind}: {self.added.get(kind, 0)} added, {self.existing.get(kind, 0)} "
                "already there" for kind in kinds]

    @property
    def total_added(self) -> int:
        return sum(self.added.values())


class _Import:
    """One import run inside one workspace write transaction."""

    def __init__(self, db: Database, src: sqlite3.Connection) -> None:
        self.db, self.src = db, src
        self.summary = ImportSummary()
        self.ids: dict[str, dict[int, int | None]] = {}

    def new(self, table: str, old_id: Any) -> int | None:
        return None if old_id is None else self.ids.get(table, {}).get(old_id)

    def insert(self, table: str, row: Row, **changes: Any) -> int:
        return queries.insert_row(self.db, table,
                                  {k: v for k, v in row.items() if k != "id"} | changes)

    def keep(self, table: str, old: int, new: int | None, added: bool, kind: str = "") -> None:
        self.ids.setdefault(table, {})[old] = new
        if kind:
            self.summary.count(kind, added)

    def lookups(self) -> None:
        for row in queries.file_rows(self.src, "account"):
            self.ids.setdefault("account", {})[row["id"]] = queries.find_account(
                self.db, row["kind"], row["base_url"], row["handle"])
        for row in queries.file_rows(self.src, "watch"):
            self.ids.setdefault("watch", {})[row["id"]] = queries.find_watch(
                self.db, row["term"], row["kind"])
        for row in queries.file_rows(self.src, "tag"):
            found = queries.find_tag(self.db, row["name"])
            self.keep("tag", row["id"], found or self.insert("tag", row), found is None, "tags")

    def people(self) -> None:
        authors = queries.file_rows(self.src, "author")
        # Posts and authors are one server's (two servers number theirs alike); a case file
        # from before schema 5 names no server.
        known = {a["id"]: queries.find_author(self.db, a["channel"], a.get("server") or "",
                                              a["remote_id"])
                 for a in authors}
        for customer in queries.file_rows(self.src, "customer"):
            # The same human is already here when one of their accounts is.
            found = None
            for author in authors:
                if author["customer_id"] == customer["id"] and known[author["id"]]:
                    found = queries.customer_of(self.db, known[author["id"]])
                    if found:
                        break
            new = found or self.insert("customer", customer)
            self.keep("customer", customer["id"], new, found is None, "customers")
        for author in authors:
            found = known[author["id"]]
            new = found or self.insert("author", author,
                                       customer_id=self.new("customer", author["customer_id"]))
            self.keep("author", author["id"], new, found is None, "authors")

    def conversations(self) -> None:
        for case in queries.file_rows(self.src, "case"):
            found = None
            if case["thread_root"]:
                found = queries.find_case_by_thread(self.db, case["channel"],
                                                    case["thread_root"])
            else:
                found = queries.find_case_without_thread(
                    self.db, case["channel"], case["created_at"], case["subject"])
            new = found or self.insert("case", case,
                                       author_id=self.new("author", case["author_id"]))
            self.keep("case", case["id"], new, found is None, "cases")
        names = queries.author_names(self.src)
        for mention in queries.file_rows(self.src, "mention"):
            found = queries.find_mention(self.db, mention["channel"],
                                         mention.get("server") or "", mention["remote_id"])
            if found is None:
                values = {k: v for k, v in mention.items() if k not in ("id", "feed_key")}
                values.update(author_id=self.new("author", mention["author_id"]),
                              account_id=self.new("account", mention["account_id"]),
                              watch_id=self.new("watch", mention["watch_id"]),
                              case_id=self.new("case", mention["case_id"]))
                found_new = insert_mention(self.db, values, names.get(mention["author_id"], ""))
                self.keep("mention", mention["id"], found_new, True, "mentions")
            else:
                self.keep("mention", mention["id"], found, False, "mentions")
        for reply in queries.file_rows(self.src, "reply"):
            found = queries.find_reply(self.db, reply["idempotency_key"])
            unsent = {} if reply["state"] == "sent" else {
                # A reply still waiting in the workspace it was written in must not go out
                # from this one too: it arrives failed, to be retried only by choice.
                "state": "failed", "next_attempt_at": None,
                "error": translate("CaseFile", "came in a case file; it was not sent from "
                                   "this workspace")}
            new = found or self.insert("reply", reply,
                                       mention_id=self.new("mention", reply["mention_id"]),
                                       account_id=self.new("account", reply["account_id"]),
                                       **unsent)
            self.keep("reply", reply["id"], new, found is None, "replies")

    def attachments(self) -> None:
        for note in queries.file_rows(self.src, "note"):
            links = {f"{t}_id": self.new(t, note[f"{t}_id"])
                     for t in ("author", "customer", "case", "mention")}
            found = queries.find_note(self.db, note["body"], note["created_at"], note["agent"])
            new = found or self.insert("note", note, **links)
            self.keep("note", note["id"], new, found is None, "notes")
        for event in queries.file_rows(self.src, "case_event"):
            case_id = self.new("case", event["case_id"])
            found = queries.find_case_event(self.db, case_id, event["at"], event["kind"],
                                            event["new"], event["old"])
            new = found or self.insert("case_event", event, case_id=case_id)
            self.keep("case_event", event["id"], new, found is None, "case history")
        for feedback in queries.file_rows(self.src, "feedback"):
            mention_id = self.new("mention", feedback["mention_id"])
            found = queries.find_feedback(self.db, mention_id, feedback["field"],
                                          feedback["value"], feedback["created_at"])
            new = found or self.insert("feedback", feedback, mention_id=mention_id)
            self.keep("feedback", feedback["id"], new, found is None, "triage corrections")
        for table, owner in (("mention_tag", "mention"), ("case_tag", "case"),
                             ("customer_tag", "customer")):
            for link in queries.file_rows(self.src, table):
                owner_id = self.new(owner, link[f"{owner}_id"])
                tag_id = self.new("tag", link["tag_id"])
                added = queries.link_tag(self.db, table, owner, owner_id, tag_id)
                self.summary.count("tag links", added)
        for link in queries.file_rows(self.src, "link_decision"):
            a, b = self.new("author", link["author_a_id"]), self.new("author", link["author_b_id"])
            a, b = (a, b) if (a or 0) < (b or 0) else (b, a)
            added = queries.add_link_decision(self.db, a, b, link)
            self.summary.count("link decisions", added)

    def reviews(self) -> None:
        for review in queries.file_rows(self.src, "review"):
            case_id = self.new("case", review["case_id"])
            if case_id is None:
                continue  # a review of a case the file does not hold
            event = (case_id, review["created_at"], review["reviewer"], REVIEW_KIND,
                     str(review["score"]), review["note"])
            found = queries.find_history_entry(self.db, event)
            if found is None:
                queries.add_history_entry(self.db, event)
            self.summary.count("reviews", found is None)


@dataclass(frozen=True)
class CaseFileInfo:
    """What a case file says about itself, read before importing it."""

    name: str
    created_at: datetime | None
    app_version: str
    selection: dict[str, Any]
    counts: dict[str, int]
    reviews: int

    def lines(self) -> list[str]:
        when = self.created_at.strftime("%Y-%m-%d %H:%M UTC") if self.created_at else "?"
        return [f"{self.name}: written {when} by Posventa {self.app_version or '?'}",
                f"selection: {json.dumps(self.selection, ensure_ascii=False)}",
                f"{self.counts.get('case', 0)} cases, {self.counts.get('mention', 0)} mentions, "
                f"{self.counts.get('author', 0)} authors, {self.counts.get('note', 0)} notes, "
                f"{self.reviews} reviews"]


def inspect_case_file(path: Path) -> CaseFileInfo:
    """Read and check a case file without importing it (CaseFileError when it is not one,
    or when its rows no longer match their checksum)."""
    src = open_case_file(path)
    try:
        verify(src, Path(path).name)
        info = manifest(src)
        reviews = queries.count_reviews(src)
        counts = row_counts(src)
    finally:
        src.close()
    try:
        created: datetime | None = datetime.fromisoformat(info.get("created_at", ""))
    except ValueError:
        created = None
    try:
        selection = json.loads(info.get("selection", "{}"))
    except json.JSONDecodeError:
        selection = {}
    return CaseFileInfo(Path(path).name, created, info.get("app_version", ""),
                        selection if isinstance(selection, dict) else {}, counts, reviews)


def import_case_file(store: Store, path: Path,
                     progress: Callable[[int, int], None] | None = None) -> ImportSummary:
    """Add what the case file at ``path`` holds to the workspace in ``store``."""
    src = open_case_file(path)
    try:
        verify(src, Path(path).name)
        run = _Import(store.db, src)
        steps = (run.lookups, run.people, run.conversations, run.attachments,
                 run.reviews)
        with store.write():
            for done, step in enumerate(steps, start=1):
                step()
                if progress:
                    progress(done, len(steps))
    finally:
        src.close()
    return run.summary
