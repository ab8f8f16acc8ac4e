"""People test set-up: a workspace with a brand account and posts stored as a pull would."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from console.accounts import queries as accounts
from console.app.runtime import Runtime
from console.channels.base import RemoteAuthor, RemotePost
from console.sync.ingest import ingest
from tests.builders import make_post


@pytest.fixture
def account_id(runtime: Runtime) -> int:
    account = accounts.add_account(
        runtime.workspace.store, "mastodon", "http://127.0.0.1:9", handle="ventalia",
        display_name="Ventalia", remote_id="1", settings={"max_characters": 500})
    return account.id


@pytest.fixture
def store_posts(runtime: Runtime, account_id: int) -> Callable[..., list[int]]:
    """Store posts through the ingest path (triage, pipeline steps); returns mention ids."""

    def store(posts: list[RemotePost]) -> list[int]:
        return ingest(runtime.workspace.store, runtime.triager, account_id, posts, None, None,
                      "ventalia", "1").added

    return store


@pytest.fixture
def author_of(runtime: Runtime) -> Callable[[RemoteAuthor], int]:
    """The stored author id of a RemoteAuthor."""

    def find(author: RemoteAuthor) -> int:
        row = runtime.workspace.store.db.execute_sql(
            "SELECT id FROM author WHERE channel = ? AND remote_id = ?",
            (author.channel, author.remote_id)).fetchone()
        assert row is not None, author
        return int(row[0])

    return find


_counter = iter(range(10_000, 10_000_000))


@pytest.fixture
def add_authors(store_posts, author_of) -> Callable[..., list[int]]:
    """Store one post per author (text optional) and return the authors' ids."""

    def add(*authors: RemoteAuthor, text: str = "") -> list[int]:
        posts = [make_post(next(_counter), text=text or f"hola ventalia {a.handle}",
                           author=a, channel=a.channel) for a in authors]
        store_posts(posts)
        return [author_of(a) for a in authors]

    return add
