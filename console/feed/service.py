"""What the feed view and the CLI read of the feed: pages, rows, counts, statuses."""

from __future__ import annotations

from console.feed import queries as feed
from console.feed.queries import FeedFilter, FeedRow
from console.mentions import queries as mentions
from console.store.db import Store


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

    def count_upto(self, flt: FeedFilter, cap: int) -> int:
        """The filter's count, but no further than `cap`."""
        return feed.count_upto(self.store.db, flt, cap)

    def contains(self, flt: FeedFilter, mention_id: int) -> bool:
        """Whether the filter admits this mention."""
        return bool(feed.feed_rows(self.store.db, [mention_id], flt))

    def channels(self) -> list[str]:
        return feed.channels(self.store.db)

    def set_status(self, mention_ids: list[int], status: str) -> int:
        return mentions.set_status(self.store, mention_ids, status)
