"""Every statement the cases feature runs: cases, their mentions, tags, notes and history,
the queues (which the feed filters by too), the team settings, and the canned-reply library.

The case functions take the database explicitly and run inside the caller's transaction
(``Store.write()`` for changes), so two consoles on one workspace each go through their
own connection. The canned-reply functions use the models' bound database. Logic lives
in :mod:`console.cases.cases`, :mod:`console.cases.records`,
:mod:`console.cases.team_settings` and :mod:`console.cases.canned`; nothing here decides.
Statements marked "SQLite only" use SQLite syntax (``INSERT OR IGNORE``, ``OR REPLACE``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from peewee import Database

from console.store import changes
from console.store.dialect import is_postgres
from console.store.models import CannedReply, TeamSetting
from console.store.timeutil import to_db

STATE_COLUMNS = ("status", "assignee", "priority", "claimed_by", "claimed_at",
                 "waiting_since", "resolution_due", "first_response_due", "first_response_at",
                 "resolved_at", "author_id")


# --- a case's row and its history -----------------------------------------------------------

def insert_event(db: Database, case_id: int, at: datetime, agent: str, kind: str, old: str,
                 new: str) -> None:
    db.execute_sql("INSERT INTO case_event (case_id, at, agent, kind, old, new) "
                   "VALUES (?, ?, ?, ?, ?, ?)", (case_id, to_db(at), agent, kind, old, new))
    changes.record(db, changes.CASE, (case_id,))


def case_state(db: Database, case_id: int) -> dict[str, Any] | None:
    """What the state machine reads of a case (STATE_COLUMNS, stored values), or None.

    On the team database the row stays locked until the transaction ends: two consoles
    claiming at once read one after the other, so the second sees the first's claim
    (SQLite's write transaction already holds the whole file)."""
    lock = " FOR UPDATE" if is_postgres(db) else ""
    row = db.execute_sql(
        'SELECT status, assignee, priority, claimed_by, claimed_at, waiting_since, '
        'resolution_due, first_response_due, first_response_at, resolved_at, author_id '
        f'FROM "case" WHERE id = ?{lock}', (case_id,)).fetchone()
    if row is None:
        return None
    return dict(zip(STATE_COLUMNS, row, strict=True))


CLOSING_COLUMNS = ("status", "resolved_at", "closed_at", "claimed_by", "claimed_at",
                   "waiting_since", "resolution_due", "first_response_at", "updated_at")


def closing_state(db: Database, case_id: int) -> dict[str, Any] | None:
    """The columns a close changes, as stored (to put back on undo), or None."""
    columns = ", ".join(f'"{c}"' for c in CLOSING_COLUMNS)
    row = db.execute_sql(f'SELECT {columns} FROM "case" WHERE id = ?', (case_id,)).fetchone()
    return None if row is None else dict(zip(CLOSING_COLUMNS, row, strict=True))


def mention_states(db: Database, case_id: int) -> list[tuple[int, str]]:
    """(mention id, status) of a case's mentions."""
    return [(int(i), str(s)) for i, s in db.execute_sql(
        "SELECT id, status FROM mention WHERE case_id = ? ORDER BY id", (case_id,)).fetchall()]


def restore_mention_states(db: Database, states: tuple[tuple[int, str], ...]) -> None:
    for mention_id, status in states:
        db.execute_sql("UPDATE mention SET status = ? WHERE id = ?", (status, mention_id))


def update_case(db: Database, case_id: int, values: dict[str, Any]) -> None:
    """Set these columns of a case (datetimes are stored as naive UTC)."""
    columns = ", ".join(f'"{k}" = ?' for k in values)
    params = [to_db(v) if isinstance(v, datetime) else v for v in values.values()]
    db.execute_sql(f'UPDATE "case" SET {columns} WHERE id = ?', (*params, case_id))


def insert_case(db: Database, priority: int, created_at: datetime, updated_at: datetime,
                channel: str, thread_root: str, author_id: int | None, subject: str,
                claimed_by: str | None, claimed_at: datetime | None,
                first_response_due: datetime, resolution_due: datetime) -> int:
    """A new case in state "new" with no assignee; returns its id."""
    cursor = db.execute_sql(
        'INSERT INTO "case" (status, assignee, priority, created_at, updated_at, channel, '
        "thread_root, author_id, subject, claimed_by, claimed_at, first_response_due, "
        "resolution_due) VALUES ('new', NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (priority, to_db(created_at), to_db(updated_at), channel, thread_root, author_id,
         subject, claimed_by, to_db(claimed_at) if claimed_at else None,
         to_db(first_response_due), to_db(resolution_due)))
    return int(cursor.lastrowid)


def insert_note(db: Database, case_id: int, body: str, agent: str, at: datetime) -> int:
    cursor = db.execute_sql("INSERT INTO note (body, agent, created_at, case_id) "
                            "VALUES (?, ?, ?, ?)", (body, agent, to_db(at), case_id))
    changes.record(db, changes.CASE, (case_id,))
    return int(cursor.lastrowid)


def add_case_tag(db: Database, case_id: int, tag: str) -> bool:
    """Tag a case (creating the tag); False if it already had it. SQLite only."""
    db.execute_sql("INSERT OR IGNORE INTO tag (name) VALUES (?)", (tag,))
    cursor = db.execute_sql(
        "INSERT OR IGNORE INTO case_tag (case_id, tag_id) SELECT ?, id FROM tag WHERE name = ?",
        (case_id, tag))
    changes.record(db, changes.CASE, (case_id,) if cursor.rowcount > 0 else ())
    return bool(cursor.rowcount > 0)


def remove_case_tag(db: Database, case_id: int, tag: str) -> bool:
    cursor = db.execute_sql("DELETE FROM case_tag WHERE case_id = ? AND tag_id = "
                            "(SELECT id FROM tag WHERE name = ?)", (case_id, tag))
    changes.record(db, changes.CASE, (case_id,) if cursor.rowcount > 0 else ())
    return bool(cursor.rowcount > 0)


# --- the mentions of a case -----------------------------------------------------------------

def mention_for_case(db: Database, mention_id: int) -> tuple[Any, ...] | None:
    """(channel, remote_id, thread_root, author_id, text, fetched_at, case_id, server) of a
    mention."""
    return mentions_for_case(db, [mention_id]).get(mention_id)


def mentions_for_case(db: Database, mention_ids: list[int]) -> dict[int, tuple[Any, ...]]:
    """``mention_for_case`` of several mentions in one statement, by id (the intake step
    reads a page's at once)."""
    if not mention_ids:
        return {}
    marks = ",".join("?" * len(mention_ids))
    return {int(r[0]): tuple(r[1:]) for r in db.execute_sql(
        "SELECT id, channel, remote_id, thread_root, author_id, text, fetched_at, case_id, "
        f"server FROM mention WHERE id IN ({marks})", mention_ids).fetchall()}


# SQLite's planner has no statistics: for "channel = ? AND thread_root = ? AND server = ?"
# it took the (channel, server, remote_id) index and walked every post of the server, on
# every new post (0.25 ms at 2,000 posts, growing with the table). Comparing the server as
# an expression keeps the lookup on the (channel, thread_root) index, in PostgreSQL too.
_SERVER_IS = "server || '' = ?"


def thread_for_case(db: Database, mention_id: int, channel: str, root: str,
                    server: str = "") -> list[tuple[int, int, int | None, Any]]:
    """(id, priority, case_id, first sent reply) of the mention and of the posts of its
    thread on ``server`` not yet in a case, by id: what opening a case reads, in one
    statement (the mention's own case_id is read again here, under the write lock)."""
    first_sent = ("(SELECT min(r.sent_at) FROM reply r WHERE r.mention_id = m.id "
                  "AND r.state = 'sent')")
    rows = db.execute_sql(
        f"SELECT m.id, m.priority, m.case_id, {first_sent} FROM mention m WHERE m.id = ? "
        f"UNION SELECT m.id, m.priority, m.case_id, {first_sent} FROM mention m "
        f"WHERE m.channel = ? AND m.thread_root = ? AND m.{_SERVER_IS} AND m.case_id IS NULL "
        f"UNION SELECT m.id, m.priority, m.case_id, {first_sent} FROM mention m "
        "WHERE m.channel = ? AND m.server = ? AND m.remote_id = ? AND m.case_id IS NULL "
        "ORDER BY 1",
        (mention_id, channel, root, server, channel, server, root)).fetchall()
    return [(int(r[0]), int(r[1] or 0), None if r[2] is None else int(r[2]), r[3])
            for r in rows]


def put_mentions_in_case(db: Database, case_id: int, mention_ids: list[int]) -> None:
    marks = ",".join("?" * len(mention_ids))
    db.execute_sql(f"UPDATE mention SET case_id = ? WHERE id IN ({marks})",
                   (case_id, *mention_ids))


def priority_set_by_agent(db: Database, case_id: int) -> bool:
    """Whether an agent (not Posventa itself) has changed the case's priority."""
    return db.execute_sql(
        "SELECT 1 FROM case_event WHERE case_id = ? AND kind = 'priority' AND agent <> '' "
        "LIMIT 1", (case_id,)).fetchone() is not None


def put_mention_in_case(db: Database, case_id: int, mention_id: int) -> None:
    db.execute_sql("UPDATE mention SET case_id = ? WHERE id = ?", (case_id, mention_id))


def take_mention_out(db: Database, mention_id: int) -> None:
    db.execute_sql("UPDATE mention SET case_id = NULL WHERE id = ?", (mention_id,))


def same_customer(db: Database, author_a: int, author_b: int) -> bool:
    """Whether both authors are linked to one and the same customer."""
    row = db.execute_sql("SELECT count(DISTINCT customer_id), count(customer_id) FROM author "
                         "WHERE id IN (?, ?)", (author_a, author_b)).fetchone()
    return bool(row and row[0] == 1 and row[1] == 2)


def mention_author_and_case(db: Database, mention_id: int) -> tuple[Any, Any] | None:
    """(author_id, case_id) of a mention, or None if there is no such mention."""
    row = db.execute_sql("SELECT author_id, case_id FROM mention WHERE id = ?",
                         (mention_id,)).fetchone()
    return (row[0], row[1]) if row is not None else None


def case_of_mention(db: Database, mention_id: int) -> int | None:
    row = db.execute_sql("SELECT case_id FROM mention WHERE id = ?", (mention_id,)).fetchone()
    return int(row[0]) if row and row[0] is not None else None


def mention_count(db: Database, case_id: int) -> int:
    return int(db.execute_sql("SELECT count(*) FROM mention WHERE case_id = ?",
                              (case_id,)).fetchone()[0])


def close_mentions(db: Database, case_id: int) -> None:
    """The case's mentions still waiting for the team are closed with it."""
    db.execute_sql("UPDATE mention SET status = 'closed' WHERE case_id = ? AND "
                   "status IN ('new', 'open', 'replied')", (case_id,))


# --- reading cases back ---------------------------------------------------------------------

CASE_COLUMNS = ('c.id, c.status, c.assignee, c.priority, c.channel, c.thread_root, '
                'c.author_id, c.subject, c.claimed_by, c.claimed_at, c.created_at, '
                'c.updated_at, c.first_response_at, c.first_response_due, c.resolved_at, '
                'c.resolution_due, c.closed_at, c.waiting_since, coalesce(a.handle, \'\')')
_FROM = 'FROM "case" c LEFT JOIN author a ON a.id = c.author_id'


def case_tags(db: Database, case_id: int) -> tuple[str, ...]:
    rows = db.execute_sql("SELECT t.name FROM case_tag ct JOIN tag t ON t.id = ct.tag_id "
                          "WHERE ct.case_id = ? ORDER BY t.name", (case_id,)).fetchall()
    return tuple(r[0] for r in rows)


def case_mentions(db: Database, case_id: int) -> tuple[int, ...]:
    rows = db.execute_sql("SELECT id FROM mention WHERE case_id = ? ORDER BY created_at, id",
                          (case_id,)).fetchall()
    return tuple(int(r[0]) for r in rows)


def case_row(db: Database, case_id: int) -> tuple[Any, ...] | None:
    """One case's CASE_COLUMNS, or None."""
    row = db.execute_sql(f"SELECT {CASE_COLUMNS} {_FROM} WHERE c.id = ?", (case_id,)).fetchone()
    return tuple(row) if row is not None else None


def newest_thread_case(db: Database, channel: str, root: str, server: str = "") -> int | None:
    """The newest case holding any post of the thread on ``server`` (or opened for it: a
    case whose posts are all on that server)."""
    row = db.execute_sql(
        "SELECT max(case_id) FROM (SELECT case_id FROM mention WHERE channel = ? AND "
        f"thread_root = ? AND {_SERVER_IS} AND case_id IS NOT NULL UNION ALL SELECT case_id "
        "FROM mention WHERE channel = ? AND server = ? AND remote_id = ? "
        "AND case_id IS NOT NULL UNION ALL "
        'SELECT c.id FROM "case" c WHERE c.channel = ? AND c.thread_root = ? AND NOT EXISTS '
        "(SELECT 1 FROM mention m WHERE m.case_id = c.id AND m.server != ?)) AS held",
        (channel, root, server, channel, server, root, channel, root, server)).fetchone()
    return int(row[0]) if row and row[0] is not None else None


def newest_thread_cases(db: Database, channel: str, server: str,
                        roots: list[str]) -> dict[str, int]:
    """:func:`newest_thread_case` for several threads of one server: root -> case (threads
    with no case left out), in one statement."""
    if not roots:
        return {}
    marks = ",".join("?" * len(roots))
    rows = db.execute_sql(
        "SELECT root, max(case_id) FROM (SELECT thread_root AS root, case_id FROM mention "
        f"WHERE channel = ? AND thread_root IN ({marks}) AND {_SERVER_IS} AND case_id IS NOT "
        "NULL UNION ALL SELECT remote_id, case_id FROM mention WHERE channel = ? AND "
        f"server = ? AND remote_id IN ({marks}) AND case_id IS NOT NULL UNION ALL "
        f'SELECT c.thread_root, c.id FROM "case" c WHERE c.channel = ? AND c.thread_root IN '
        f"({marks}) AND NOT EXISTS (SELECT 1 FROM mention m WHERE m.case_id = c.id AND "
        "m.server != ?)) AS held GROUP BY root",
        (channel, *roots, server, channel, server, *roots, channel, *roots, server)).fetchall()
    return {str(root): int(case_id) for root, case_id in rows if case_id is not None}


def case_of_brand_reply(db: Database, remote_id: str, channel: str,
                        server: str = "") -> int | None:
    """The case of the mention a brand reply (known by its network id on ``server``)
    answered."""
    row = db.execute_sql(
        "SELECT m.case_id FROM reply r JOIN mention m ON m.id = r.mention_id "
        "WHERE r.remote_id = ? AND m.channel = ? AND m.server = ? AND m.case_id IS NOT NULL "
        "ORDER BY r.id DESC LIMIT 1", (remote_id, channel, server)).fetchone()
    return int(row[0]) if row is not None else None


def event_rows(db: Database, case_id: int, after_id: int, limit: int) -> list[tuple[Any, ...]]:
    """(id, case_id, at, agent, kind, old, new) of a case's history, oldest first."""
    return [tuple(r) for r in db.execute_sql(
        "SELECT id, case_id, at, agent, kind, old, new FROM case_event WHERE case_id = ? "
        "AND id > ? ORDER BY id LIMIT ?", (case_id, after_id, limit)).fetchall()]


def note_rows(db: Database, case_id: int, after_id: int, limit: int) -> list[tuple[Any, ...]]:
    """(id, case_id, body, agent, created_at) of a case's notes, oldest first."""
    return [tuple(r) for r in db.execute_sql(
        "SELECT id, case_id, body, agent, created_at FROM note WHERE case_id = ? AND id > ? "
        "ORDER BY id LIMIT ?", (case_id, after_id, limit)).fetchall()]


QUEUES = ("all", "mine", "unassigned", "breaching", "waiting")


def case_queue_sql(queue: str, agent: str = "", breach_by: datetime | None = None,
                   alias: str = "") -> tuple[str, list[Any]]:
    """SQL selecting the cases of a queue (columns prefixed with `alias.`), and parameters.

    mine: active cases assigned to `agent`, or unassigned and claimed or answered by them;
    unassigned: active cases with no assignee;
    breaching: active cases whose running clock is due before `breach_by` (breached ones
    included; a waiting case's resolution clock is paused); waiting: waiting on customer.
    """
    c = f"{alias}." if alias else ""
    active = f"{c}status IN ('new', 'open', 'waiting')"
    if queue == "mine":
        # Mine: assigned to me, claimed by me, or answered by me (a reply of mine sent or
        # on its way), so a case I took over without an assignee is not lost.
        me = c or '"case".'
        # A case assigned to someone else is theirs, whoever holds it now.
        return (f"{active} AND ({c}assignee = ? OR (coalesce({c}assignee, '') = '' AND "
                f"({c}claimed_by = ? OR EXISTS (SELECT 1 FROM reply r JOIN mention rm ON "
                f"rm.id = r.mention_id WHERE rm.case_id = {me}id AND r.agent = ? AND "
                f"r.state IN ('queued', 'sending', 'sent')))))", [agent, agent, agent])
    if queue == "unassigned":
        return f"{active} AND ({c}assignee IS NULL OR {c}assignee = '')", []
    if queue == "waiting":
        return f"{c}status = 'waiting'", []
    if queue == "breaching":
        if breach_by is None:
            raise ValueError("the breaching queue needs a moment to compare due times with")
        moment = to_db(breach_by)
        return (f"{active} AND (({c}first_response_at IS NULL AND {c}first_response_due <= ?)"
                f" OR ({c}status != 'waiting' AND {c}resolution_due <= ?))", [moment, moment])
    if queue in ("", "all"):
        return "1 = 1", []
    raise ValueError(f"unknown queue {queue!r}; use one of {', '.join(QUEUES)}")


def queue_rows(db: Database, queue: str, statuses: tuple[str, ...], agent: str,
               breach_by: datetime | None, limit: int) -> list[tuple[Any, ...]]:
    """CASE_COLUMNS of a queue's cases, active first, then by the earliest running due time."""
    condition, params = case_queue_sql(queue, agent, breach_by, alias="c")
    clauses = [condition]
    if statuses:
        clauses.append(f"c.status IN ({','.join('?' * len(statuses))})")
        params.extend(statuses)
    sql = (f"SELECT {CASE_COLUMNS} {_FROM} WHERE {' AND '.join(clauses)} ORDER BY "
           "CASE WHEN c.status IN ('new', 'open', 'waiting') THEN 0 ELSE 1 END, "
           "coalesce(CASE WHEN c.first_response_at IS NULL THEN c.first_response_due END, "
           "c.resolution_due, '9999-12-31'), c.id DESC LIMIT ?")
    return [tuple(r) for r in db.execute_sql(sql, [*params, limit]).fetchall()]


def agent_names(db: Database) -> list[Any]:
    """Every agent name stored anywhere (assignees, claims, history, notes, replies)."""
    return [r[0] for r in db.execute_sql(
        'SELECT assignee FROM "case" WHERE assignee IS NOT NULL UNION '
        'SELECT claimed_by FROM "case" WHERE claimed_by IS NOT NULL UNION '
        "SELECT agent FROM case_event UNION SELECT agent FROM note UNION "
        "SELECT agent FROM reply").fetchall()]


def attach_candidate_rows(db: Database, mention_id: int, limit: int) -> list[tuple[Any, ...]]:
    """CASE_COLUMNS of the active cases of the mention's customer, newest first."""
    return [tuple(r) for r in db.execute_sql(
        f"SELECT {CASE_COLUMNS} {_FROM} WHERE c.status IN ('new', 'open', 'waiting') AND "
        "c.author_id IN (SELECT o.id FROM mention m JOIN author me ON me.id = m.author_id "
        "JOIN author o ON o.id = me.id OR (me.customer_id IS NOT NULL AND "
        "o.customer_id = me.customer_id) WHERE m.id = ?) AND c.id IS DISTINCT FROM "
        "(SELECT case_id FROM mention WHERE id = ?) ORDER BY c.id DESC LIMIT ?",
        (mention_id, mention_id, limit)).fetchall()]


def mentions_sharing_cases(db: Database, mention_ids: list[int]) -> list[int]:
    marks = ",".join("?" * len(mention_ids))
    rows = db.execute_sql(
        f"SELECT id FROM mention WHERE case_id IN (SELECT case_id FROM mention WHERE id IN "
        f"({marks}) AND case_id IS NOT NULL) AND id NOT IN ({marks})",
        (*mention_ids, *mention_ids)).fetchall()
    return [int(r[0]) for r in rows]


# --- team settings --------------------------------------------------------------------------

def team_setting(db: Database, key: str) -> str | None:
    """A team setting's stored JSON, or None."""
    row = db.execute_sql('SELECT "value" FROM "team_setting" WHERE "key" = ?', (key,)).fetchone()
    return str(row[0]) if row is not None else None


def put_team_setting(db: Database, key: str, value: str, at: datetime) -> None:
    db.execute_sql(
        'INSERT INTO "team_setting" ("key", "value", "updated_at") VALUES (?, ?, ?) '
        'ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value", '
        '"updated_at" = excluded."updated_at"',
        (key, value, to_db(at)))


# --- canned replies (the models' bound database) --------------------------------------------

def canned_rows(lang: str | None = None) -> list[CannedReply]:
    """The library by language and name; with `lang`, that language and language-free ones."""
    query = CannedReply.select().order_by(CannedReply.lang, CannedReply.name)
    if lang:
        query = query.where(CannedReply.lang.in_([lang, ""]))
    return list(query)


def canned_by_id(canned_id: int) -> CannedReply | None:
    return CannedReply.get_or_none(CannedReply.id == canned_id)


def canned_by_shortcut(shortcut: str, except_id: int | None = None) -> CannedReply | None:
    """The canned reply with this shortcut (other than `except_id`), or None."""
    if except_id is None:
        return CannedReply.get_or_none(CannedReply.shortcut == shortcut)
    return CannedReply.get_or_none((CannedReply.shortcut == shortcut)
                                   & (CannedReply.id != except_id))


def insert_canned(name: str, shortcut: str, lang: str, body: str, at: datetime) -> CannedReply:
    """A new canned reply (peewee's IntegrityError if the shortcut is taken)."""
    now = to_db(at)
    return CannedReply.create(name=name, shortcut=shortcut, lang=lang, body=body,
                              created_at=now, updated_at=now)


def save_canned(row: CannedReply, name: str, shortcut: str, body: str, lang: str,
                at: datetime) -> None:
    row.name, row.shortcut, row.body, row.lang = name, shortcut, body, lang
    row.updated_at = to_db(at)
    row.save()


def delete_canned(canned_id: int) -> bool:
    return bool(CannedReply.delete().where(CannedReply.id == canned_id).execute() > 0)


def library_seeded(key: str) -> bool:
    """Whether the starter library was loaded once (a team setting marks it)."""
    return TeamSetting.get_or_none(TeamSetting.key == key) is not None


def library_empty() -> bool:
    return not CannedReply.select().exists()


def mark_library_seeded(key: str, at: datetime) -> None:
    """Mark it (an upsert both SQLite and PostgreSQL understand)."""
    TeamSetting.insert(key=key, value="true", updated_at=to_db(at)).on_conflict(
        conflict_target=[TeamSetting.key],
        update={TeamSetting.value: "true", TeamSetting.updated_at: to_db(at)}).execute()
