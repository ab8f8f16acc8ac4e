"""What the feed view and the CLI read of the feed: pages, rows, counts, statuses."""


from __future__ import annotations

from typing import TYPE_CHECKING

from console.feed import queries as feed
from console.feed.queries import FeedFilter, FeedRow
from console.mentions import queries as mentions
from console.store.db import Store

if TYPE_CHECKING:
    pass


class FeedService:
    """Pages of the feed and single rows for incremental inserts."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def page(self, flt: FeedFilter, after: FeedRow | None = None,
             limit: int = 200) -> list[FeedRow]:
        return feed.feed_page(self.store.db, flt, after, limit)

    def rows(self, ids: list[int], flt: FeedFilter | None = None) -> list[FeedRow]:
        return feed.feed_rows(self.store.db, ids, flt)

    def count(self, flt: FeedFilter) -> int:
        return feed.count(self.store.db, flt)

    def channels(self) -> list[str]:
        # A loose index scan: one index seek per channel instead of reading every row.
        return [r[0] for r in self.store.db.execute_sql(
            "WITH RECURSIVE c(ch) AS (SELECT min(channel) FROM mention UNION ALL "
            "SELECT (SELECT min(channel) FROM mention WHERE channel > c.ch) FROM c "
            "WHERE c.ch IS NOT NULL) SELECT ch FROM c WHERE ch IS NOT NULL")]

    def set_status(self, mention_ids: list[int], status: str) -> int:
        return mentions.set_status(self.store, mention_ids, status)
