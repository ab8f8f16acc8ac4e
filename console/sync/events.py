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

    ``state`` is idle|syncing|ok|offline|error|rate_limited|auth ("auth": the network
    rejected the token; the agent must sign in again). ``mode`` is "live" while the
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


Event = MentionsAdded | MentionsChanged | AccountStatus | OutboxChanged
