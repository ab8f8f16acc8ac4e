"""UI test set-up: a workspace with a brand account, posts stored without the network."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
import shiboken6

from console.accounts import queries as accounts
from console.app.runtime import Runtime
from console.channels.base import RemotePost
from console.sync.ingest import ingest


@pytest.fixture
def account_id(runtime: Runtime) -> int:
    """A Mastodon brand account (never contacted: its limit is already known)."""
    account = accounts.add_account(
        runtime.workspace.store, "mastodon", "http://127.0.0.1:9", handle="ventalia",
        display_name="Ventalia", remote_id="1", settings={"max_characters": 500})
    return account.id


@pytest.fixture
def store_posts(runtime: Runtime, account_id: int) -> Callable[..., list[int]]:
    """Store posts as a pull would (dedupe, triage); returns the new mention ids."""

    def store(posts: list[RemotePost], account: int | None = account_id) -> list[int]:
        result = ingest(runtime.workspace.store, runtime.triager, account, posts, None, None,
                        "ventalia", "1")
        return result.added

    return store


@pytest.fixture
def build(runtime: Runtime, qtbot) -> Iterator[Callable[..., object]]:
    """Build the main window for the test's runtime (engine not started)."""
    from console.ui.app import build_console

    built: list = []

    def make(page_size: int = 200):
        console = build_console(runtime, page_size)
        qtbot.addWidget(console.window)
        built.append(console)
        return console

    yield make
    for console in built:
        console.bridge.close()
        # destroy the window now, in order, rather than at some later garbage collection
        console.window.close()
        shiboken6.delete(console.window)
