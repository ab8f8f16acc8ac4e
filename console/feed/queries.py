"""Reading the feed: filtered, keyset-paginated pages of mentions, fast over a million rows.

The feed is ordered newest first by `feed_key` (created_at in milliseconds with a unique
tie-break), or by (priority, feed_key) when the agent sorts by priority. Pages continue
from the last row seen (keyset), so a page deep in the feed costs the same as the first
one. The full-text index uses feed_key as its rowid: a search walks the index newest
first and stops after one page, however common the words.

Also here: the channels the feed's filter offers, and the pages `console/feed/export.py`
streams an export from (by mention id, oldest first).

Written for SQLite: the text search is its FTS5 table (``mention_fts MATCH``), and flags
compare with 0 and 1; those are the parts a PostgreSQL store would need another way.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from peewee import Database

from console.cases.queries import case_queue_sql
from console.store.search import fts_query
from console.store.timeutil import from_db

SORTS = ("newest", "priority")


@dataclass(frozen=True)
class FeedFilter:
    """What the agent chose to see. Empty tuples mean "any"."""

    statuses: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    search: str = ""
    include_spam: bool = False
    include_irrelevant: bool = False  # posts marked not about the brand (relevance 0)
    sort: str = "newest"
    author_id: int | None = None
    queue: str = "all"  # one of cases.queries.QUEUES: only mentions of its cases
    agent: str = ""  # whose cases "mine" means
    breach_by: datetime | None = None  # "breaching": a running due time before this moment

    def with_search(self, text: str) -> FeedFilter:
        return replace(self, search=text)


@dataclass(frozen=True)
class FeedRow:
    """One line of the feed."""

    id: int
    channel: str
    source: str
    sources: str
    created_at: datetime
    feed_key: int
    author_id: int
    author_handle: str
    author_name: str
    text: str  # the first characters of the plain text
    lang: str
    sentiment: float
    sentiment_label: str
    complaint: float
    reason: str
    priority: int
    priority_reasons: str
    status: str
    spam: bool
    visibility: str
    tagged: bool
    url: str = ""
    case: CaseBrief | None = None
    author_remote_id: str = ""  # with the handle and name: who the author claims to be
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def sort_key(self, sort: str) -> tuple:
        """The key the feed is ordered by, descending."""
        if sort == "priority":
            return (self.priority, self.feed_key)
        return (self.feed_key,)


@dataclass(frozen=True)
class CaseBrief:
    """The case a feed row belongs to, with what its SLA clocks need (aware UTC times)."""

    id: int
    status: str
    assignee: str | None
    claimed_by: str | None
    first_response_at: datetime | None
    first_response_due: datetime | None
    resolution_due: datetime | None
    resolved_at: datetime | None
    waiting_since: datetime | None
    priority: int = 0


SNIPPET = 280

_COLUMNS = f"""m.id, m.channel, m.source, m.sources, m.created_at, m.feed_key, m.author_id,
a.handle, a.display_name, substr(m.text, 1, {SNIPPET}), m.lang, m.sentiment, m.sentiment_label,
m.complaint, m.reason, m.priority, m.priority_reasons, m.status, m.spam, m.visibility,
m.tagged, m.url, c.id, c.status, c.assignee, c.claimed_by, c.first_response_at,
c.first_response_due, c.resolution_due, c.resolved_at, c.waiting_since, c.priority,
a.remote_id"""
_CASE_JOIN = 'LEFT JOIN "case" c ON c.id = m.case_id'


def _row(values: tuple) -> FeedRow:
    created = from_db(values[4])
    assert created is not None
    return FeedRow(
        id=values[0], channel=values[1], source=values[2], sources=values[3],
        created_at=created, feed_key=values[5], author_id=values[6], author_handle=values[7],
        author_name=values[8], text=values[9], lang=values[10], sentiment=values[11],
        sentiment_label=values[12], complaint=values[13], reason=values[14],
        priority=values[15], priority_reasons=values[16], status=values[17],
        spam=bool(values[18]), visibility=values[19], tagged=bool(values[20]), url=values[21],
        case=None if values[22] is None else CaseBrief(
            values[22], values[23], values[24], values[25], from_db(values[26]),
            from_db(values[27]), from_db(values[28]), from_db(values[29]), from_db(values[30]),
            values[31]),
        author_remote_id=values[32] or "",
    )


def filter_clauses(flt: FeedFilter, search: bool = True) -> tuple[list[str], list[Any]]:
    """SQL conditions on `m` (mention) for a filter; `search=False` leaves the text search
    to a caller that joins the full-text index itself."""
    clauses: list[str] = []
    params: list[Any] = []
    if flt.statuses:
        clauses.append(f"m.status IN ({','.join('?' * len(flt.statuses))})")
        params.extend(flt.statuses)
    if flt.channels:
        clauses.append(f"m.channel IN ({','.join('?' * len(flt.channels))})")
        params.extend(flt.channels)
    if flt.sources:
        marks = ",".join("?" * len(flt.sources))
        clauses.append("EXISTS (SELECT 1 FROM mention_source s WHERE s.feed_key = m.feed_key "
                       f"AND s.source IN ({marks}))")
        params.extend(flt.sources)
    if not flt.include_spam:
        clauses.append("m.spam = 0")
    if not flt.include_irrelevant:
        clauses.append("m.relevance > 0")
    if flt.author_id is not None:
        clauses.append("m.author_id = ?")
        params.append(flt.author_id)
    if flt.queue not in ("", "all"):
        # Few cases are in a queue: their mentions are found through the case_id index.
        condition, values = case_queue_sql(flt.queue, flt.agent, flt.breach_by)
        clauses.append(f'm.case_id IN (SELECT id FROM "case" WHERE {condition})')
        params.extend(values)
    query = fts_query(flt.search)
    if flt.search.strip() and query is None:
        clauses.append("0")  # only punctuation typed: nothing can match
    elif query is not None and search:
        clauses.append("m.feed_key IN (SELECT rowid FROM mention_fts WHERE mention_fts MATCH ?)")
        params.append(query)
    return clauses, params


def feed_page(db: Database, flt: FeedFilter, after: FeedRow | None = None,
              limit: int = 200) -> list[FeedRow]:
    """The next `limit` rows of the feed after `after` (None: from the top)."""
    query = fts_query(flt.search)
    walk_index = query is not None and flt.sort != "priority"
    walk_sources = (not walk_index and len(flt.sources) == 1 and flt.sort != "priority")
    if walk_sources:
        # One source: drive the query from its index, newest first (a rare source would
        # otherwise mean checking every mention).
        clauses, params = filter_clauses(replace(flt, sources=()))
        source = "mention_source ms JOIN mention m ON m.feed_key = ms.feed_key"
        clauses.insert(0, "ms.source = ?")
        params.insert(0, flt.sources[0])
    else:
        clauses, params = filter_clauses(flt, search=not walk_index)
        source = "mention m"
    if walk_index:
        # Drive the query from the full-text index in rowid (= feed_key) order.
        source = "mention_fts f JOIN mention m ON m.feed_key = f.rowid"
        clauses.insert(0, "mention_fts MATCH ?")
        params.insert(0, query)
    if after is not None:
        if flt.sort == "priority":
            clauses.append("(m.priority, m.feed_key) < (?, ?)")
            params.extend([after.priority, after.feed_key])
        else:
            key = "f.rowid" if walk_index else "ms.feed_key" if walk_sources else "m.feed_key"
            clauses.append(f"{key} < ?")
            params.append(after.feed_key)
    if flt.sort == "priority":
        order = "m.priority DESC, m.feed_key DESC"
    else:
        order = ("f.rowid DESC" if walk_index else "ms.feed_key DESC" if walk_sources
                 else "m.feed_key DESC")
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = (f"SELECT {_COLUMNS} FROM {source} JOIN author a ON a.id = m.author_id "
           f"{_CASE_JOIN} {where} ORDER BY {order} LIMIT ?")
    params.append(limit)
    return [_row(r) for r in db.execute_sql(sql, params).fetchall()]


def feed_rows(db: Database, ids: list[int], flt: FeedFilter | None = None) -> list[FeedRow]:
    """The given mentions as feed rows, keeping only those the filter admits."""
    if not ids:
        return []
    clauses, params = filter_clauses(flt) if flt is not None else ([], [])
    clauses.insert(0, f"m.id IN ({','.join('?' * len(ids))})")
    params[:0] = list(ids)
    sql = (f"SELECT {_COLUMNS} FROM mention m JOIN author a ON a.id = m.author_id "
           f"{_CASE_JOIN} WHERE {' AND '.join(clauses)}")
    return [_row(r) for r in db.execute_sql(sql, params).fetchall()]


def count(db: Database, flt: FeedFilter) -> int:
    clauses, params = filter_clauses(flt)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    return int(db.execute_sql(f"SELECT count(*) FROM mention m {where}", params).fetchone()[0])


def count_upto(db: Database, flt: FeedFilter, cap: int) -> int:
    """How many mentions the filter admits, counting no further than `cap` (a search box
    answers at once even on a million mentions; the caller says "more than")."""
    clauses, params = filter_clauses(flt)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    return int(db.execute_sql(f"SELECT count(*) FROM (SELECT 1 FROM mention m {where} "
                              "LIMIT ?) AS hits", [*params, cap]).fetchone()[0])


def channels(db: Database) -> list[str]:
    """Every channel with a stored mention, in order."""
    # A loose index scan: one index seek per channel instead of reading every row.
    return [r[0] for r in db.execute_sql(
        "WITH RECURSIVE c(ch) AS (SELECT min(channel) FROM mention UNION ALL "
        "SELECT (SELECT min(channel) FROM mention WHERE channel > c.ch) FROM c "
        "WHERE c.ch IS NOT NULL) SELECT ch FROM c WHERE ch IS NOT NULL")]


# --- exporting -------------------------------------------------------------------------

_EXPORT_SQL = """SELECT m.id, m.channel, m.remote_id, m.url, m.source, m.sources,
  acc.kind || ':' || acc.handle, a.channel, a.remote_id, a.handle, a.display_name, a.url,
  a.followers, m.text, m.lang, m.created_at, m.in_reply_to, m.thread_root, m.visibility,
  m.sentiment, m.sentiment_label, m.complaint, m.reason, m.relevance, m.priority,
  m.priority_reasons, m.spam, m.status
FROM mention m JOIN author a ON a.id = m.author_id LEFT JOIN account acc ON acc.id = m.account_id
"""


def export_page(db: Database, flt: FeedFilter, after_id: int, limit: int) -> list[tuple]:
    """The next `limit` mentions the filter admits with an id above `after_id`, oldest
    first, as export rows (mention, account, author columns; see `feed/export.py`)."""
    clauses, params = filter_clauses(flt)
    where = " AND ".join([*clauses, "m.id > ?"])
    return db.execute_sql(f"{_EXPORT_SQL} WHERE {where} ORDER BY m.id LIMIT ?",
                          [*params, after_id, limit]).fetchall()
