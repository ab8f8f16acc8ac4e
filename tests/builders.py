"""Builders of posts and authors for tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from console.channels.base import RemoteAuthor, RemotePost

BASE_TIME = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def make_author(n: int = 1, **kw: object) -> RemoteAuthor:
    values: dict = dict(channel="mastodon", remote_id=str(1000 + n), handle=f"user{n}",
                        display_name=f"User {n}", url=f"https://mastodon.example/@user{n}",
                        followers=10 * n, bio=f"bio {n}")
    values.update(kw)
    return RemoteAuthor(**values)


def make_post(n: int, text: str = "", author: RemoteAuthor | None = None,
              **kw: object) -> RemotePost:
    values: dict = dict(
        channel="mastodon", remote_id=str(n), url=f"https://mastodon.example/@u/{n}",
        author=author or make_author(), text=text or f"post number {n}", html="",
        created_at=BASE_TIME + timedelta(minutes=n), source="mention",
    )
    values.update(kw)
    return RemotePost(**values)
