"""Every SQL statement of triage: rules, agents' corrections, labels of stored mentions.

Small functions that take the database and plain values and return rows or plain values;
the logic (console/triage/stored_rules.py, corrections.py, context.py, rescore.py,
rules_step.py, service.py, and console/sync/retriage.py) keeps no SQL. None of them
takes the write lock or opens a transaction: the caller does, exactly where it did.

The statements are written for SQLite: every one uses ``?`` placeholders (SQLite's
paramstyle); the few that are SQLite-only beyond that say so in a ``# SQLite:`` comment.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from peewee import Database

from .labels import TriageResult

Row = tuple[Any, ...]


def _marks(n: int) -> str:
    """``?,?,?`` for an ``IN (...)`` of n values."""
    return ",".join("?" * n)


# --- rules (the ``rule`` table) -----------------------------------------------------------

_RULES = ("SELECT id, position, name, enabled, match, stop, conditions, actions FROM rule "
          "ORDER BY position, id")


def rule_rows(db: Database) -> list[Row]:
    """Every stored rule, in the order they run (the columns ``stored_rules`` parses)."""
    return db.execute_sql(_RULES).fetchall()


def rule_row(db: Database, rule_id: int) -> Row | None:
    """One stored rule by id, or None."""
    return db.execute_sql(_RULES.replace("ORDER BY", "WHERE id = ? ORDER BY"),
                          (rule_id,)).fetchone()


def count_rules(db: Database) -> int:
    return int(db.execute_sql("SELECT count(*) FROM rule").fetchone()[0])


def make_room_for_rule(db: Database, place: int, now: Any) -> None:
    """Moves the rules at `place` and after it one down."""
    db.execute_sql("UPDATE rule SET position = position + 1, updated_at = ? "
                   "WHERE position >= ?", (now, place))


def insert_rule(db: Database, cols: Mapping[str, Any]) -> int:
    """Stores a rule from its column values; returns its id."""
    cursor = db.execute_sql(
        f"INSERT INTO rule ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
        tuple(cols.values()))
    return int(cursor.lastrowid)  # SQLite: the cursor's lastrowid


def update_rule(db: Database, rule_id: int, cols: Mapping[str, Any]) -> int:
    """Writes these columns of a rule; returns how many rows changed (0: no such rule)."""
    cursor = db.execute_sql(
        f"UPDATE rule SET {', '.join(f'{k} = ?' for k in cols)} WHERE id = ?",
        (*cols.values(), rule_id))
    return int(cursor.rowcount)


def set_rule_enabled(db: Database, rule_id: int, enabled: bool, now: Any) -> int:
    """Switches a rule on or off; returns how many rows changed (0: no such rule)."""
    cursor = db.execute_sql("UPDATE rule SET enabled = ?, updated_at = ? WHERE id = ?",
                            (enabled, now, rule_id))
    return int(cursor.rowcount)


def delete_rule(db: Database, rule_id: int) -> None:
    db.execute_sql("DELETE FROM rule WHERE id = ?", (rule_id,))


def delete_all_rules(db: Database) -> None:
    db.execute_sql("DELETE FROM rule")


def rule_ids_in_order(db: Database) -> list[int]:
    """The ids of every rule, in the order they run."""
    return [int(r[0]) for r in db.execute_sql(
        "SELECT id FROM rule ORDER BY position, id").fetchall()]


def write_rule_order(db: Database, ids: Sequence[int], now: Any) -> None:
    """Numbers the rules 1, 2, 3... in the order of `ids` (only those that moved)."""
    for place, rule_id in enumerate(ids, 1):
        db.execute_sql("UPDATE rule SET position = ?, updated_at = ? "
                       "WHERE id = ? AND position != ?", (place, now, rule_id, place))


def rules_fingerprint(db: Database) -> tuple[Any, ...]:
    """(count, highest id, newest change) of the rule table: moves when any rule changes."""
    row = db.execute_sql("SELECT count(*), max(id), max(updated_at) FROM rule").fetchone()
    return tuple(row)


# --- what a rule outcome writes on a mention ------------------------------------------------

def tag_mention(db: Database, mention_id: int, tags: Iterable[str]) -> None:
    """Adds these tags to a mention (creating a tag the first time it is used)."""
    for name in tags:
        # SQLite: INSERT OR IGNORE (PostgreSQL would say ON CONFLICT DO NOTHING)
        db.execute_sql("INSERT OR IGNORE INTO tag (name) VALUES (?)", (name,))
        db.execute_sql("INSERT OR IGNORE INTO mention_tag (mention_id, tag_id) "
                       "SELECT ?, id FROM tag WHERE name = ?", (mention_id, name))


def mention_tags(db: Database, mention_id: int) -> list[str]:
    """A mention's tags, by name."""
    return [r[0] for r in db.execute_sql(
        "SELECT t.name FROM mention_tag mt JOIN tag t ON t.id = mt.tag_id "
        "WHERE mt.mention_id = ? ORDER BY t.name", (mention_id,))]


def update_mention(db: Database, mention_id: int, values: Mapping[str, Any]) -> None:
    """Writes these columns of a mention (names come from the code, never from input)."""
    db.execute_sql(f"UPDATE mention SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?",
                   (*values.values(), mention_id))


def vip_author_ids(db: Database, author_ids: Sequence[int]) -> set[int]:
    """Those of these authors whose customer is a VIP."""
    rows = db.execute_sql(
        "SELECT a.id FROM author a JOIN customer c ON c.id = a.customer_id "
        f"WHERE c.vip = 1 AND a.id IN ({','.join('?' * len(author_ids))})", author_ids)
    return {int(r[0]) for r in rows}


# --- agents' corrections (the ``feedback`` table) and the team setting of a reset ----------

_FEEDBACK = ("id, mention_id, field, value, previous, text, lang, agent, created_at")


def insert_feedback(db: Database, *, mention_id: int | None, field: str, value: str,
                    previous: str, text: str, lang: str, agent: str, created_at: Any) -> int:
    """Stores one correction; returns its id."""
    cursor = db.execute_sql(
        "INSERT INTO feedback (mention_id, field, value, previous, text, lang, agent, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (mention_id, field, value, previous, text, lang, agent, created_at))
    return int(cursor.lastrowid)  # SQLite: the cursor's lastrowid


def team_setting(db: Database, key: str) -> str | None:
    """The stored (JSON) value of a team setting, or None."""
    row = db.execute_sql("SELECT value FROM team_setting WHERE key = ?",
                         (key,)).fetchone()
    return row[0] if row else None


def put_team_setting(db: Database, key: str, value: str, now: Any) -> None:
    """Stores a team setting's (JSON) value, replacing the old one."""
    db.execute_sql(
        "INSERT INTO team_setting (key, value, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
        "updated_at = excluded.updated_at", (key, value, now))


def newest_feedback_id(db: Database) -> int:
    """The id of the newest correction (0: none)."""
    return int(db.execute_sql("SELECT coalesce(max(id), 0) FROM feedback").fetchone()[0])


def feedback_rows(db: Database, limit: int, before_id: int | None = None) -> list[Row]:
    """Corrections newest first (those before `before_id` when given), `limit` of them."""
    where, params = "", []
    if before_id is not None:
        where, params = "WHERE id < ?", [before_id]
    return db.execute_sql(f"SELECT {_FEEDBACK} FROM feedback {where} ORDER BY id DESC LIMIT ?",
                          (*params, limit)).fetchall()


def feedback_rows_of_mention(db: Database, mention_id: int) -> list[Row]:
    """The corrections made on one mention, oldest first."""
    return db.execute_sql(f"SELECT {_FEEDBACK} FROM feedback WHERE mention_id = ? ORDER BY id",
                          (mention_id,)).fetchall()


def count_feedback(db: Database) -> int:
    return int(db.execute_sql("SELECT count(*) FROM feedback").fetchone()[0])


def count_feedback_after(db: Database, after: int) -> int:
    """How many corrections have an id above `after`."""
    return int(db.execute_sql("SELECT count(*) FROM feedback WHERE id > ?",
                              (after,)).fetchone()[0])


def feedback_to_learn(db: Database, after: int) -> list[Row]:
    """(text, field, value, lang) of the corrections after `after`, oldest first."""
    return list(db.execute_sql("SELECT text, field, value, lang FROM feedback WHERE id > ? "
                               "ORDER BY id", (after,)))


def feedback_fingerprint(db: Database) -> tuple[int, int]:
    """(count, newest id) of the stored corrections."""
    row = db.execute_sql("SELECT count(*), coalesce(max(id), 0) FROM feedback").fetchone()
    return int(row[0]), int(row[1])


def feedback_labels(db: Database, mention_ids: Sequence[int]) -> list[Row]:
    """(mention_id, field, value) of the corrections on these mentions, oldest first."""
    return db.execute_sql(
        f"SELECT mention_id, field, value FROM feedback WHERE mention_id IN "
        f"({','.join('?' * len(mention_ids))}) ORDER BY id", mention_ids).fetchall()


# --- what the store knows of a post's author ------------------------------------------------

def linked_author_ids(db: Database, author_id: int) -> list[int]:
    """The authors linked to the same customer as this one (this one included if linked)."""
    rows = db.execute_sql(
        "SELECT b.id FROM author a JOIN author b ON b.customer_id = a.customer_id "
        "WHERE a.id = ? AND a.customer_id IS NOT NULL", (author_id,)).fetchall()
    return [int(r[0]) for r in rows]


def count_open_cases(db: Database, authors: Sequence[int], statuses: Sequence[str]) -> int:
    """Cases in `statuses` (three of them) opened by, or holding a mention of, these authors."""
    marks = _marks(len(authors))
    return int(db.execute_sql(
        f'SELECT count(*) FROM "case" c WHERE c.status IN ({",".join("?" * 3)}) AND '
        f"(c.author_id IN ({marks}) OR c.id IN (SELECT case_id FROM mention "
        f"WHERE author_id IN ({marks}) AND case_id IS NOT NULL))",
        (*statuses, *authors, *authors)).fetchone()[0])


def count_history(db: Database, authors: Sequence[int], exclude_mention: int,
                  cap: int) -> int:
    """Mentions of these authors other than `exclude_mention`, counted up to `cap`."""
    marks = _marks(len(authors))
    # PostgreSQL before 16 needs the subquery's alias.
    return int(db.execute_sql(
        f"SELECT count(*) FROM (SELECT 1 FROM mention WHERE author_id IN ({marks}) "
        "AND id != ? LIMIT ?) AS history", (*authors, exclude_mention, cap)).fetchone()[0])


def author_id_by_remote(db: Database, channel: str, remote_id: str,
                        server: str = "") -> int | None:
    """The stored author with this network id on ``server``, or None."""
    row = db.execute_sql(
        "SELECT id FROM author WHERE channel = ? AND server = ? AND remote_id = ?",
        (channel, server, remote_id)).fetchone()
    return int(row[0]) if row else None


# --- the same, for a page of posts at once (the ingest path) ---------------------------------

def author_ids_by_remote(db: Database, channel: str, server: str,
                         remote_ids: Sequence[str]) -> dict[str, int]:
    """remote id -> stored author id, for the authors of one channel and server."""
    return {str(r[0]): int(r[1]) for r in db.execute_sql(
        f"SELECT remote_id, id FROM author WHERE channel = ? AND server = ? "
        f"AND remote_id IN ({_marks(len(remote_ids))})",
        (channel, server, *remote_ids))}


def linked_author_pairs(db: Database, author_ids: Sequence[int]) -> list[tuple[int, int]]:
    """(author, other author of the same customer) for these authors (itself included)."""
    return [(int(r[0]), int(r[1])) for r in db.execute_sql(
        "SELECT a.id, b.id FROM author a JOIN author b ON b.customer_id = a.customer_id "
        f"WHERE a.id IN ({_marks(len(author_ids))}) AND a.customer_id IS NOT NULL",
        tuple(author_ids))]


def open_case_pairs(db: Database, authors: Sequence[int],
                    statuses: Sequence[str]) -> list[tuple[int, int]]:
    """(case, author) for cases in `statuses` opened by, or holding a mention of, these
    authors (the rule of :func:`count_open_cases`)."""
    marks, states = _marks(len(authors)), _marks(len(statuses))
    # "status || ''": SQLite, without statistics, would otherwise walk every open case by
    # the status index and check its author (1.2 ms a page with 3,000 open cases) instead
    # of looking the page's authors up by theirs.
    return [(int(r[0]), int(r[1])) for r in db.execute_sql(
        f'SELECT id, author_id FROM "case" WHERE author_id IN ({marks}) '
        f"AND status || '' IN ({states}) UNION "
        f'SELECT m.case_id, m.author_id FROM mention m JOIN "case" c ON c.id = m.case_id '
        f"WHERE m.author_id IN ({marks}) AND c.status IN ({states})",
        (*authors, *statuses, *authors, *statuses))]


def history_counts(db: Database, authors: Sequence[int]) -> dict[int, int]:
    """author id -> how many mentions of that author are stored."""
    return {int(r[0]): int(r[1]) for r in db.execute_sql(
        f"SELECT author_id, count(*) FROM mention WHERE author_id IN ({_marks(len(authors))}) "
        "GROUP BY author_id", tuple(authors))}


def watch_terms_row(db: Database, watch_id: int) -> Row | None:
    """(context, exclude) of a watch, both JSON lists as stored, or None."""
    return db.execute_sql("SELECT context, exclude FROM watch WHERE id = ?",
                          (watch_id,)).fetchone()


# --- stored mentions, scored again (rescore.py) ---------------------------------------------

# vip is 0/1 on both backends, so coalesce with 0 reads alike.
_RESCORE = """SELECT m.id, m.text, m.lang, a.followers, m.tagged, m.source, m.created_at, a.bot,
m.channel, a.handle, m.author_id, m.watch_id, m.status, coalesce(c.vip, 0), m.sentiment,
m.sentiment_label, m.complaint, m.reason, m.relevance, m.spam, m.priority, m.fired_rules
FROM mention m JOIN author a ON a.id = m.author_id
LEFT JOIN customer c ON c.id = a.customer_id"""
STORED_LABELS = slice(14, 22)  # the labels in a rescore row, to tell what a pass changed

_RESCORED = """UPDATE mention SET lang = ?, sentiment = ?, sentiment_label = ?, complaint = ?,
reason = ?, relevance = ?, priority = ?, priority_reasons = ?, spam = ?, fired_rules = ?,
certainty = ? WHERE id = ? AND source = ? AND tagged = ?"""


def _in_statuses(statuses: Sequence[str] | None) -> tuple[str, list[Any]]:
    # "1 = 1": a bare 1 is no condition for PostgreSQL.
    where = f"m.status IN ({','.join('?' * len(statuses))})" if statuses else "1 = 1"
    return where, list(statuses or ())


def count_mentions_in(db: Database, statuses: Sequence[str] | None) -> int:
    """How many stored mentions are in these statuses (None or empty: all of them)."""
    where, params = _in_statuses(statuses)
    return int(db.execute_sql(f"SELECT count(*) FROM mention m WHERE {where}",
                              params).fetchone()[0])


def rescore_batch(db: Database, statuses: Sequence[str] | None, after: int,
                  limit: int) -> list[Row]:
    """The next `limit` rescore rows by id after `after`, in these statuses (None: all)."""
    where, params = _in_statuses(statuses)
    return db.execute_sql(f"{_RESCORE} WHERE {where} AND m.id > ? ORDER BY m.id LIMIT ?",
                          (*params, after, limit)).fetchall()


def rescore_rows(db: Database, mention_ids: Sequence[int]) -> list[Row]:
    """The rescore rows of these mentions, by id."""
    return db.execute_sql(
        f"{_RESCORE} WHERE m.id IN ({','.join('?' * len(mention_ids))}) ORDER BY m.id",
        list(mention_ids)).fetchall()


def reprioritise_rows(db: Database, mention_ids: Sequence[int]) -> list[Row]:
    """The rescore rows of these mentions (in no promised order)."""
    return db.execute_sql(f"{_RESCORE} WHERE m.id IN ({','.join('?' * len(mention_ids))})",
                          list(mention_ids)).fetchall()


def store_rescored(db: Database, mention_id: int, source: str, tagged: Any,
                   labels: TriageResult, fired: Sequence[str]) -> int:
    """Writes a mention's new labels if it still has this route (source, tagged); returns
    how many rows changed (0: found by another route meanwhile)."""
    cursor = db.execute_sql(_RESCORED, (
        labels.lang, labels.sentiment, labels.sentiment_label, labels.complaint,
        labels.reason, labels.relevance, labels.priority, " · ".join(labels.priority_reasons),
        labels.spam, " · ".join(fired), labels.certainty, mention_id, source, tagged))
    return int(cursor.rowcount)


# --- stored mentions, scored again without context (console/sync/retriage.py) --------------

_RETRIAGE = """SELECT m.id, m.text, m.lang, a.followers, m.tagged, m.source, m.created_at, a.bot
FROM mention m JOIN author a ON a.id = m.author_id WHERE m.id > ? ORDER BY m.id LIMIT ?"""

_RETRIAGED = """UPDATE mention SET lang = ?, sentiment = ?, sentiment_label = ?, complaint = ?,
reason = ?, relevance = ?, priority = ?, priority_reasons = ?, spam = ?, certainty = ?
WHERE id = ?"""


def count_mentions(db: Database) -> int:
    return int(db.execute_sql("SELECT count(*) FROM mention").fetchone()[0])


def retriage_batch(db: Database, after: int, limit: int) -> list[Row]:
    """(id, text, lang, followers, tagged, source, created_at, bot) of the next `limit`
    mentions by id after `after`."""
    return db.execute_sql(_RETRIAGE, (after, limit)).fetchall()


def store_labels(db: Database, mention_id: int, labels: TriageResult) -> None:
    """Writes a mention's triage labels (its fired rules and status stay)."""
    db.execute_sql(_RETRIAGED, (
        labels.lang, labels.sentiment, labels.sentiment_label, labels.complaint,
        labels.reason, labels.relevance, labels.priority, " · ".join(labels.priority_reasons),
        labels.spam, labels.certainty, mention_id))


# --- one mention's labels (service.py) ------------------------------------------------------

def mention_triage_row(db: Database, mention_id: int) -> Row | None:
    """(id, lang, sentiment, sentiment_label, complaint, reason, relevance, spam, priority,
    priority_reasons, fired_rules, status) of a mention, or None."""
    return db.execute_sql(
        "SELECT id, lang, sentiment, sentiment_label, complaint, reason, relevance, spam, "
        "priority, priority_reasons, fired_rules, status FROM mention WHERE id = ?",
        (mention_id,)).fetchone()


def mention_labels_row(db: Database, mention_id: int) -> Row | None:
    """(text, lang, sentiment_label, complaint, reason, relevance, spam) of a mention, or
    None: what a correction replaces."""
    return db.execute_sql(
        "SELECT text, lang, sentiment_label, complaint, reason, relevance, spam "
        "FROM mention WHERE id = ?", (mention_id,)).fetchone()


# --- the posts the model is least sure about (ask_me.py) ------------------------------------

def ask_candidates(db: Database, since: Any, pool: int) -> list[Row]:
    """(id, text, lang, complaint, sentiment, sentiment_label, created_at, certainty) of
    the newest `pool` posts since `since` that are not spam, are about the brand, and no
    agent has corrected yet (certainty is None for posts scored before schema 7)."""
    return db.execute_sql(
        "SELECT m.id, m.text, m.lang, m.complaint, m.sentiment, m.sentiment_label, "
        "m.created_at, m.certainty FROM mention m WHERE m.created_at >= ? AND m.spam = ? "
        "AND m.relevance > 0 AND NOT EXISTS (SELECT 1 FROM feedback f "
        "WHERE f.mention_id = m.id) ORDER BY m.feed_key DESC LIMIT ?",
        (since, False, pool)).fetchall()


# --- bulk corrections (corrections_import.py) -------------------------------------------------

def mention_ids_by_remote(db: Database, channel: str, remote_id: str,
                          server: str | None) -> list[int]:
    """Stored mentions with this network id on ``server`` (None: on any server)."""
    if server is not None:
        return [int(r[0]) for r in db.execute_sql(
            "SELECT id FROM mention WHERE channel = ? AND server = ? AND remote_id = ?",
            (channel, server, remote_id))]
    return [int(r[0]) for r in db.execute_sql(
        "SELECT id FROM mention WHERE channel = ? AND remote_id = ? LIMIT 2",
        (channel, remote_id))]


def latest_feedback_value(db: Database, mention_id: int, field: str) -> str | None:
    """The value of the newest correction of `field` on a mention, or None."""
    row = db.execute_sql("SELECT value FROM feedback WHERE mention_id = ? AND field = ? "
                         "ORDER BY id DESC LIMIT 1", (mention_id, field)).fetchone()
    return str(row[0]) if row else None
