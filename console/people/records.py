"""What the people package hands out: plain, frozen records (never peewee rows).

All text in these records comes from the networks or from agents and is plain text; the
UI must show it as such.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from console.i18n import QT_TRANSLATE_NOOP, translate
from console.mentions.queries import AuthorInfo

REDDIT = "reddit"  # Reddit's policy: never matched with identities elsewhere automatically
OPEN_CASE_STATUSES = ("new", "open", "waiting")
_CASE_STATUS_WORDS = {"new": QT_TRANSLATE_NOOP("People", "new"),
                      "open": QT_TRANSLATE_NOOP("People", "open"),
                      "waiting": QT_TRANSLATE_NOOP("People", "waiting"),
                      "resolved": QT_TRANSLATE_NOOP("People", "resolved"),
                      "closed": QT_TRANSLATE_NOOP("People", "closed")}


def case_status(status: str) -> str:
    """A case's state in the console's language (the stored value stays English)."""
    word = _CASE_STATUS_WORDS.get(status)
    return translate("People", word) if word else status


class PeopleError(ValueError):
    """Something asked of customers cannot be done; the message says why in one sentence."""


@dataclass(frozen=True)
class CustomerSummary:
    """One customer in a list: name, VIP flag and the accounts that are theirs."""

    id: int
    name: str
    vip: bool
    created_at: datetime
    accounts: tuple[str, ...]  # "mastodon @lucia_mendez@mastodon.example"
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class LoneAuthor:
    """An author with no customer, as a search result beside customers."""

    id: int
    channel: str
    handle: str
    display_name: str


@dataclass(frozen=True)
class NoteInfo:
    """An internal note on a customer or on one of their accounts."""

    id: int
    body: str
    agent: str
    created_at: datetime
    updated_at: datetime | None
    customer_id: int | None
    author_id: int | None


@dataclass(frozen=True)
class CaseInfo:
    """A case opened for one of the person's accounts (the cases workflow owns them)."""

    id: int
    status: str
    subject: str
    channel: str
    priority: int
    assignee: str | None
    author_id: int | None
    created_at: datetime
    updated_at: datetime
    first_mention_id: int | None = None  # where the agent lands when opening the case


@dataclass(frozen=True)
class PersonStats:
    """First seen, last contact, complaints and how fast the brand answered them."""

    first_seen: datetime | None
    last_contact: datetime | None
    mentions: int
    complaints: int
    answered: int
    average_first_answer: timedelta | None


@dataclass(frozen=True)
class Person:
    """What the profile panel shows: one customer with all their accounts, or a lone author."""

    customer_id: int | None
    name: str
    vip: bool
    authors: tuple[AuthorInfo, ...]
    tags: tuple[str, ...]
    notes: tuple[NoteInfo, ...]
    open_cases: tuple[CaseInfo, ...]
    stats: PersonStats
    created_at: datetime | None = None

    @property
    def author_ids(self) -> tuple[int, ...]:
        return tuple(a.id for a in self.authors)

    def followers_by_network(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for author in self.authors:
            totals[author.channel] = totals.get(author.channel, 0) + author.followers
        return totals


@dataclass(frozen=True)
class HistoryItem:
    """One entry of a person's cross-channel history, newest first.

    kind: "mention" (they wrote), "reply" (the brand answered), "note" (an agent's note),
    "status" (a case changed status, or was reopened).
    """

    kind: str
    id: int
    created_at: datetime
    channel: str
    text: str
    state: str
    who: str
    mention_id: int | None = None
    case_id: int | None = None
    sentiment_label: str = ""
    complaint: float = 0.0

    @property
    def key(self) -> tuple[datetime, str, int]:
        return (self.created_at, self.kind, self.id)


@dataclass(frozen=True)
class Reason:
    """Why two accounts may be the same person, with how much that says (0..1)."""

    code: str  # name|nickname|handle|handle_name|website|email|crosslink|order|incident
    text: str
    weight: float
    certain: bool = False


@dataclass(frozen=True)
class Suggestion:
    """Two authors that may be one person, with the reasons and a combined confidence."""

    author_id: int
    other_id: int
    confidence: float
    reasons: tuple[Reason, ...]
    other: AuthorInfo | None = None
    other_customer_id: int | None = None

    @property
    def reasons_text(self) -> str:
        return "; ".join(r.text for r in self.reasons)


@dataclass(frozen=True)
class MergePreview:
    """What a merge will move from `merged` into `survivor`, shown before confirming."""

    survivor: CustomerSummary
    merged: CustomerSummary
    authors: tuple[AuthorInfo, ...]
    notes: int
    tags: tuple[str, ...]  # the merged customer's tags the survivor does not have yet
    cases: tuple[CaseInfo, ...]
    vip_after: bool

    def lines(self) -> list[str]:
        """The preview as sentences (the CLI prints them; the dialog lists them)."""
        # lupdate reads a plural's count only as a plain name: hence the locals.
        moved, notes, cases = len(self.authors), self.notes, len(self.cases)
        out = [translate(
            "People", "Customer {merged} “{merged_name}” will be merged into customer "
            "{survivor} “{survivor_name}”, which keeps its name.").format(
            merged=self.merged.id, merged_name=self.merged.name, survivor=self.survivor.id,
            survivor_name=self.survivor.name)]
        if moved:
            out.append(translate("People", "%n account(s) move: {accounts}", None, moved)
                       .format(accounts=", ".join(f"{a.channel} @{a.handle}"
                                                  for a in self.authors)))
        else:
            out.append(translate("People", "No accounts move."))
        out.append(translate("People", "%n note(s) move.", None, notes))
        if self.tags:
            out.append(translate("People", "Tags added: {tags}").format(
                tags=", ".join(self.tags)))
        if cases:
            out.append(translate("People", "%n case(s) follow their accounts: {cases}", None,
                                 cases).format(cases=", ".join(
                                     f"#{c.id} ({case_status(c.status)})" for c in self.cases)))
        if self.vip_after and not self.survivor.vip:
            out.append(translate("People", "The survivor becomes VIP."))
        return out


@dataclass(frozen=True)
class MergeInfo:
    """One merge from the audit history."""

    id: int
    survivor_id: int
    merged_id: int
    merged_name: str
    agent: str
    created_at: datetime
    undone_at: datetime | None
    authors: int = 0
    notes: int = 0
