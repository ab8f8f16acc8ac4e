"""What the CSV history import writes beyond the ingest path: the status a row came with.

Finding a post already stored is `console.mentions.queries.existing_mention`.
"""

from __future__ import annotations

from peewee import Database


def set_mention_status(db: Database, mention_id: int, status: str) -> None:
    """Give an imported mention the status the other tool had (call inside Store.write())."""
    db.execute_sql("UPDATE mention SET status = ? WHERE id = ?", (status, mention_id))
