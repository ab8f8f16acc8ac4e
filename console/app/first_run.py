"""The first start of a workspace: is a welcome due, the brand's watch terms, the choice kept.

No Qt here: the welcome dialog (``console/ui/welcome.py``) calls this service.
"""

from __future__ import annotations

import re

from console.accounts import queries as accounts
from console.accounts.queries import WatchInfo
from console.app.workspace import Workspace

CHOICES = ("demo", "account", "later")


def parse_terms(text: str) -> list[str]:
    """"Ventalia, #ventaliafail,  brisa" as the terms to watch, each once, in order."""
    terms: list[str] = []
    for part in re.split(r"[,\n;]+", text):
        term = " ".join(part.split())
        if term and term != "#" and term.lower() not in (t.lower() for t in terms):
            terms.append(term)
    return terms


class FirstRun:
    """Whether to greet the agent, and what their answer changes in the workspace."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    def needs_welcome(self) -> bool:
        """A workspace with no account whose welcome was never answered (not the demo)."""
        settings = self.workspace.settings
        if settings.welcome_done or settings.demo:
            return False
        return not accounts.list_accounts(self.workspace.store)

    def watches(self) -> list[str]:
        return [("#" if w.kind == "hashtag" else "") + w.term
                for w in accounts.list_watches(self.workspace.store)]

    def add_watches(self, text: str) -> list[WatchInfo]:
        """Track every comma-separated term (a leading # makes a hashtag watch)."""
        return [accounts.add_watch(self.workspace.store, term) for term in parse_terms(text)]

    def finish(self, choice: str) -> None:
        """Remember the answer so the welcome does not come back; WorkspaceError if the
        settings cannot be saved."""
        if choice not in CHOICES:
            raise ValueError(f"unknown first-run choice {choice!r}")
        self.workspace.settings.welcome_done = True
        self.workspace.save_settings()
