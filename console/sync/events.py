"""What the engine reports. Plain dataclasses; `console/ui/` turns them into Qt signals."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MentionsAdded:
    ids: tuple[int, ...]


@dataclass(frozen=True)
class MentionsChanged:
    ids: tuple[int, ...]


@dataclass(frozen=True)
class AccountStatus:
    """How an account's sync is going.

    ``state`` is idle|syncing|ok|offline|error|rate_limited|auth|elsewhere ("auth": the
    network rejected the token; the agent must sign in again; "elsewhere": another console
    on the team database pulls this account). ``mode`` is "live" while the
    account's stream is connected, "polling" otherwise ("" for workspace-wide messages).
    """

    account_id: int
    label: str
    state: str
    message: str = ""
    mode: str = ""


@dataclass(frozen=True)
class OutboxChanged:
    counts: dict[str, int]
    reply_id: int | None = None
    mention_id: int | None = None
    state: str | None = None
    error: str = ""


@dataclass(frozen=True)
class PeopleChanged:
    """Another console changed a customer's tags or a note on a customer or an author."""

    customer_ids: tuple[int, ...] = ()
    note_ids: tuple[int, ...] = ()


Event = MentionsAdded | MentionsChanged | AccountStatus | OutboxChanged | PeopleChanged
