"""One mention, its author, the author's history and the thread it belongs to."""

from __future__ import annotations

from console.mentions import queries as mentions
from console.mentions.queries import AuthorInfo, MentionDetail, TimelineItem
from console.store.db import Store


class ProfileService:
    """Who wrote a mention, and everything they wrote before."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def mention(self, mention_id: int) -> MentionDetail | None:
        return mentions.mention_detail(mention_id)

    def author(self, author_id: int) -> AuthorInfo | None:
        return mentions.author_info(author_id)

    def timeline(self, author_id: int, before: TimelineItem | None = None,
                 limit: int = 100) -> list[TimelineItem]:
        key = (before.created_at, before.kind, before.id) if before else None
        return mentions.author_timeline(self.store.db, author_id, key, limit)

    def thread(self, mention_id: int) -> list[MentionDetail]:
        detail = mentions.mention_detail(mention_id)
        if detail is None:
            return []
        root = detail.thread_root or detail.remote_id
        return mentions.thread(detail.channel, root, detail.server)
