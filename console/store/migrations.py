"""Numbered schema migrations, frozen as SQL, applied in a transaction after a backup copy.

The schema version lives in SQLite's ``PRAGMA user_version``; the team database's
migrations (same numbers, same meaning) are in ``migrations_pg.py``. Each migration is a list of
statements that never changes once released; a new schema is a new number. Before
migrating a database that already holds data, the file is copied to
``<name>.v<old>.bak`` beside it (SQLite's online backup, so a WAL database copies whole).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from peewee import Database

from console.store import changes, migrations_pg
from console.store.dialect import is_postgres

_V1 = [
    """CREATE TABLE "account" ("id" INTEGER NOT NULL PRIMARY KEY, "kind" VARCHAR(255) NOT NULL,
    "base_url" VARCHAR(255) NOT NULL, "handle" VARCHAR(255) NOT NULL,
    "display_name" VARCHAR(255) NOT NULL, "remote_id" VARCHAR(255) NOT NULL,
    "settings" TEXT NOT NULL, "enabled" INTEGER NOT NULL, "created_at" DATETIME NOT NULL)""",
    """CREATE TABLE "cursor" ("id" INTEGER NOT NULL PRIMARY KEY, "account_id" INTEGER NOT NULL,
    "name" VARCHAR(255) NOT NULL, "value" VARCHAR(255) NOT NULL,
    FOREIGN KEY ("account_id") REFERENCES "account" ("id") ON DELETE CASCADE)""",
    'CREATE UNIQUE INDEX "cursor_account_id_name" ON "cursor" ("account_id", "name")',
    """CREATE TABLE "watch" ("id" INTEGER NOT NULL PRIMARY KEY, "term" VARCHAR(255) NOT NULL,
    "kind" VARCHAR(255) NOT NULL, "lang" VARCHAR(255), "exclude" TEXT NOT NULL,
    "context" TEXT NOT NULL, "active" INTEGER NOT NULL, "created_at" DATETIME NOT NULL)""",
    """CREATE TABLE "customer" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL,
    "vip" INTEGER NOT NULL, "created_at" DATETIME NOT NULL)""",
    """CREATE TABLE "author" ("id" INTEGER NOT NULL PRIMARY KEY, "channel" VARCHAR(255) NOT NULL,
    "remote_id" VARCHAR(255) NOT NULL, "handle" VARCHAR(255) NOT NULL,
    "display_name" TEXT NOT NULL, "url" TEXT NOT NULL, "followers" INTEGER NOT NULL,
    "bio" TEXT NOT NULL, "avatar_url" TEXT NOT NULL, "bot" INTEGER NOT NULL,
    "fields" TEXT NOT NULL, "customer_id" INTEGER, "raw" TEXT NOT NULL,
    "first_seen" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL,
    FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE SET NULL)""",
    'CREATE INDEX "author_customer_id" ON "author" ("customer_id")',
    'CREATE UNIQUE INDEX "author_channel_remote_id" ON "author" ("channel", "remote_id")',
    """CREATE TABLE "case" ("id" INTEGER NOT NULL PRIMARY KEY, "status" VARCHAR(255) NOT NULL,
    "assignee" VARCHAR(255), "priority" INTEGER NOT NULL, "created_at" DATETIME NOT NULL,
    "updated_at" DATETIME NOT NULL, "first_response_at" DATETIME, "resolved_at" DATETIME)""",
    """CREATE TABLE "mention" ("id" INTEGER NOT NULL PRIMARY KEY, "account_id" INTEGER,
    "channel" VARCHAR(255) NOT NULL, "remote_id" VARCHAR(255) NOT NULL, "url" TEXT NOT NULL,
    "author_id" INTEGER NOT NULL, "text" TEXT NOT NULL, "html" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL, "fetched_at" DATETIME NOT NULL,
    "source" VARCHAR(255) NOT NULL, "sources" VARCHAR(255) NOT NULL, "watch_id" INTEGER,
    "in_reply_to" VARCHAR(255), "thread_root" VARCHAR(255), "visibility" VARCHAR(255) NOT NULL,
    "tagged" INTEGER NOT NULL, "lang" VARCHAR(255) NOT NULL, "sentiment" REAL NOT NULL,
    "sentiment_label" VARCHAR(255) NOT NULL, "complaint" REAL NOT NULL,
    "reason" VARCHAR(255) NOT NULL, "relevance" REAL NOT NULL, "priority" INTEGER NOT NULL,
    "priority_reasons" TEXT NOT NULL, "spam" INTEGER NOT NULL, "status" VARCHAR(255) NOT NULL,
    "case_id" INTEGER, "raw" TEXT NOT NULL,
    FOREIGN KEY ("account_id") REFERENCES "account" ("id") ON DELETE SET NULL,
    FOREIGN KEY ("author_id") REFERENCES "author" ("id") ON DELETE CASCADE,
    FOREIGN KEY ("watch_id") REFERENCES "watch" ("id") ON DELETE SET NULL,
    FOREIGN KEY ("case_id") REFERENCES "case" ("id") ON DELETE SET NULL)""",
    'CREATE INDEX "mention_author_id" ON "mention" ("author_id")',
    'CREATE INDEX "mention_created_at" ON "mention" ("created_at")',
    'CREATE INDEX "mention_case_id" ON "mention" ("case_id")',
    'CREATE UNIQUE INDEX "mention_channel_remote_id" ON "mention" ("channel", "remote_id")',
    """CREATE TABLE "reply" ("id" INTEGER NOT NULL PRIMARY KEY, "mention_id" INTEGER NOT NULL,
    "account_id" INTEGER, "text" TEXT NOT NULL, "visibility" VARCHAR(255) NOT NULL,
    "idempotency_key" VARCHAR(255) NOT NULL, "state" VARCHAR(255) NOT NULL,
    "error" TEXT NOT NULL, "attempts" INTEGER NOT NULL, "next_attempt_at" DATETIME,
    "remote_id" VARCHAR(255), "url" TEXT NOT NULL, "agent" VARCHAR(255) NOT NULL,
    "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "sent_at" DATETIME,
    FOREIGN KEY ("mention_id") REFERENCES "mention" ("id") ON DELETE CASCADE,
    FOREIGN KEY ("account_id") REFERENCES "account" ("id") ON DELETE SET NULL)""",
    'CREATE INDEX "reply_mention_id" ON "reply" ("mention_id")',
    'CREATE UNIQUE INDEX "reply_idempotency_key" ON "reply" ("idempotency_key")',
    """CREATE TABLE "note" ("id" INTEGER NOT NULL PRIMARY KEY, "body" TEXT NOT NULL,
    "agent" VARCHAR(255) NOT NULL, "created_at" DATETIME NOT NULL, "author_id" INTEGER,
    "customer_id" INTEGER, "case_id" INTEGER, "mention_id" INTEGER,
    FOREIGN KEY ("author_id") REFERENCES "author" ("id") ON DELETE CASCADE,
    FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE,
    FOREIGN KEY ("case_id") REFERENCES "case" ("id") ON DELETE CASCADE,
    FOREIGN KEY ("mention_id") REFERENCES "mention" ("id") ON DELETE CASCADE)""",
    'CREATE INDEX "note_author_id" ON "note" ("author_id")',
    'CREATE INDEX "note_customer_id" ON "note" ("customer_id")',
    'CREATE INDEX "note_case_id" ON "note" ("case_id")',
    'CREATE INDEX "note_mention_id" ON "note" ("mention_id")',
    'CREATE TABLE "tag" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL)',
    'CREATE UNIQUE INDEX "tag_name" ON "tag" ("name")',
    """CREATE TABLE "mention_tag" ("id" INTEGER NOT NULL PRIMARY KEY,
    "mention_id" INTEGER NOT NULL, "tag_id" INTEGER NOT NULL,
    FOREIGN KEY ("mention_id") REFERENCES "mention" ("id") ON DELETE CASCADE,
    FOREIGN KEY ("tag_id") REFERENCES "tag" ("id") ON DELETE CASCADE)""",
    'CREATE UNIQUE INDEX "mention_tag_mention_id_tag_id" ON "mention_tag" ("mention_id", "tag_id")',
    'CREATE INDEX "mention_tag_tag_id" ON "mention_tag" ("tag_id")',
]

# v2: one integer feed key orders the feed (created_at in milliseconds, shifted left 20
# bits, plus a unique tie-break); it is also the full-text index's rowid, so a search walks
# the index newest first and stops after one page instead of sorting every match.
_V2 = [
    'ALTER TABLE "mention" ADD COLUMN "feed_key" INTEGER NOT NULL DEFAULT 0',
    """UPDATE "mention" SET "feed_key" =
    (CAST(max(0, (julianday("created_at") - 2440587.5) * 86400000) AS INTEGER) << 20)
    + ("id" % 1048576)""",
    'DROP INDEX "mention_created_at"',
    'CREATE UNIQUE INDEX "mention_feed" ON "mention" ("feed_key" DESC)',
    'CREATE INDEX "mention_status_feed" ON "mention" ("status", "feed_key" DESC)',
    'CREATE INDEX "mention_channel_feed" ON "mention" ("channel", "feed_key" DESC)',
    'CREATE INDEX "mention_priority_feed" ON "mention" ("priority" DESC, "feed_key" DESC)',
    'CREATE INDEX "mention_status_priority" ON "mention" '
    '("status", "priority" DESC, "feed_key" DESC)',
    'CREATE INDEX "mention_remote" ON "mention" ("channel", "remote_id", "thread_root")',
    # Every route that found a mention, so a source filter reads an index, not every row.
    """CREATE TABLE "mention_source" ("source" VARCHAR(16) NOT NULL,
    "feed_key" INTEGER NOT NULL, PRIMARY KEY ("source", "feed_key")) WITHOUT ROWID""",
    """INSERT OR IGNORE INTO "mention_source" ("source", "feed_key")
    SELECT j.value, m."feed_key" FROM "mention" m,
    json_each('["' || replace(m."sources", ',', '","') || '"]') j""",
    'CREATE INDEX "mention_thread_root" ON "mention" ("channel", "thread_root")',
    'CREATE INDEX "reply_state" ON "reply" ("state")',
    """CREATE VIRTUAL TABLE "mention_fts" USING fts5(
    "text", "author", tokenize = 'unicode61 remove_diacritics 2')""",
    """INSERT INTO "mention_fts" (rowid, "text", "author")
    SELECT m."feed_key", m."text", a."display_name" || ' ' || a."handle"
    FROM "mention" m JOIN "author" a ON a."id" = m."author_id" """,
]

# v3: the team's rules and the agents' corrections (triage), customers across channels
# (tags, link decisions, merge audit records), and cases (thread, claim, SLA due times,
# history, tags), canned replies, team-wide settings, and the outbox's pre-send check.
_V3 = [
    """CREATE TABLE "rule" ("id" INTEGER NOT NULL PRIMARY KEY, "position" INTEGER NOT NULL,
    "name" VARCHAR(255) NOT NULL, "enabled" INTEGER NOT NULL, "match" VARCHAR(16) NOT NULL,
    "stop" INTEGER NOT NULL, "conditions" TEXT NOT NULL, "actions" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL)""",
    'CREATE INDEX "rule_position" ON "rule" ("position")',
    """CREATE TABLE "feedback" ("id" INTEGER NOT NULL PRIMARY KEY, "mention_id" INTEGER,
    "field" VARCHAR(32) NOT NULL, "value" VARCHAR(255) NOT NULL,
    "previous" VARCHAR(255) NOT NULL, "text" TEXT NOT NULL, "lang" VARCHAR(16) NOT NULL,
    "agent" VARCHAR(255) NOT NULL, "created_at" DATETIME NOT NULL,
    FOREIGN KEY ("mention_id") REFERENCES "mention" ("id") ON DELETE SET NULL)""",
    'CREATE INDEX "feedback_mention_id" ON "feedback" ("mention_id")',
    "ALTER TABLE \"mention\" ADD COLUMN \"fired_rules\" TEXT NOT NULL DEFAULT ''",
    'ALTER TABLE "customer" ADD COLUMN "updated_at" DATETIME',
    """CREATE TABLE "customer_tag" ("id" INTEGER NOT NULL PRIMARY KEY,
    "customer_id" INTEGER NOT NULL, "tag_id" INTEGER NOT NULL,
    FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE,
    FOREIGN KEY ("tag_id") REFERENCES "tag" ("id") ON DELETE CASCADE)""",
    'CREATE UNIQUE INDEX "customer_tag_customer_id_tag_id" ON "customer_tag" '
    '("customer_id", "tag_id")',
    """CREATE TABLE "link_decision" ("id" INTEGER NOT NULL PRIMARY KEY,
    "author_a_id" INTEGER NOT NULL, "author_b_id" INTEGER NOT NULL,
    "decision" VARCHAR(16) NOT NULL, "reasons" TEXT NOT NULL, "confidence" REAL NOT NULL,
    "agent" VARCHAR(255) NOT NULL, "created_at" DATETIME NOT NULL,
    FOREIGN KEY ("author_a_id") REFERENCES "author" ("id") ON DELETE CASCADE,
    FOREIGN KEY ("author_b_id") REFERENCES "author" ("id") ON DELETE CASCADE)""",
    'CREATE UNIQUE INDEX "link_decision_pair" ON "link_decision" ("author_a_id", "author_b_id")',
    """CREATE TABLE "merge_record" ("id" INTEGER NOT NULL PRIMARY KEY,
    "survivor_id" INTEGER NOT NULL, "merged_id" INTEGER NOT NULL, "snapshot" TEXT NOT NULL,
    "agent" VARCHAR(255) NOT NULL, "created_at" DATETIME NOT NULL, "undone_at" DATETIME)""",
    'CREATE INDEX "merge_record_survivor_id" ON "merge_record" ("survivor_id")',
    'ALTER TABLE "note" ADD COLUMN "updated_at" DATETIME',
    "ALTER TABLE \"case\" ADD COLUMN \"channel\" VARCHAR(255) NOT NULL DEFAULT ''",
    'ALTER TABLE "case" ADD COLUMN "thread_root" VARCHAR(255)',
    'ALTER TABLE "case" ADD COLUMN "author_id" INTEGER '
    'REFERENCES "author" ("id") ON DELETE SET NULL',
    "ALTER TABLE \"case\" ADD COLUMN \"subject\" TEXT NOT NULL DEFAULT ''",
    'ALTER TABLE "case" ADD COLUMN "claimed_by" VARCHAR(255)',
    'ALTER TABLE "case" ADD COLUMN "claimed_at" DATETIME',
    'ALTER TABLE "case" ADD COLUMN "closed_at" DATETIME',
    'ALTER TABLE "case" ADD COLUMN "waiting_since" DATETIME',
    'ALTER TABLE "case" ADD COLUMN "first_response_due" DATETIME',
    'ALTER TABLE "case" ADD COLUMN "resolution_due" DATETIME',
    'CREATE INDEX "case_status_assignee" ON "case" ("status", "assignee")',
    'CREATE INDEX "case_thread" ON "case" ("channel", "thread_root")',
    'CREATE INDEX "case_author_id" ON "case" ("author_id")',
    """CREATE TABLE "case_event" ("id" INTEGER NOT NULL PRIMARY KEY,
    "case_id" INTEGER NOT NULL, "at" DATETIME NOT NULL, "agent" VARCHAR(255) NOT NULL,
    "kind" VARCHAR(32) NOT NULL, "old" TEXT NOT NULL, "new" TEXT NOT NULL,
    FOREIGN KEY ("case_id") REFERENCES "case" ("id") ON DELETE CASCADE)""",
    'CREATE INDEX "case_event_case_id" ON "case_event" ("case_id", "at")',
    """CREATE TABLE "case_tag" ("id" INTEGER NOT NULL PRIMARY KEY,
    "case_id" INTEGER NOT NULL, "tag_id" INTEGER NOT NULL,
    FOREIGN KEY ("case_id") REFERENCES "case" ("id") ON DELETE CASCADE,
    FOREIGN KEY ("tag_id") REFERENCES "tag" ("id") ON DELETE CASCADE)""",
    'CREATE UNIQUE INDEX "case_tag_case_id_tag_id" ON "case_tag" ("case_id", "tag_id")',
    """CREATE TABLE "canned_reply" ("id" INTEGER NOT NULL PRIMARY KEY,
    "name" VARCHAR(255) NOT NULL, "shortcut" VARCHAR(64) NOT NULL,
    "lang" VARCHAR(16) NOT NULL, "body" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL)""",
    'CREATE UNIQUE INDEX "canned_reply_shortcut" ON "canned_reply" ("shortcut")',
    """CREATE TABLE "team_setting" ("key" VARCHAR(255) NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL, "updated_at" DATETIME NOT NULL)""",
    'CREATE INDEX "reply_remote_id" ON "reply" ("remote_id")',
    'ALTER TABLE "reply" ADD COLUMN "context_since" DATETIME',
    "ALTER TABLE \"reply\" ADD COLUMN \"warning\" TEXT NOT NULL DEFAULT ''",
]

# v4: reports read only this index (a covering scan of the period), never the mention
# rows. Some v3 workspaces were created with it already (it was briefly part of v3).
_V4 = [
    'CREATE INDEX IF NOT EXISTS "mention_report" ON "mention" '
    '("feed_key", "channel", "sentiment_label", "complaint", "reason")',
]

# v5: posts and authors are keyed by their server too. Two Mastodon servers number their
# posts alike (both have a status 1001), so (channel, remote_id) dropped the second one.
# The server is the host (and port) of the account's base URL, as
# console.channels.base.server_of computes it; Bluesky's ids name a record on the whole
# network, so every Bluesky row has the network's. An author takes the server of its
# mentions; rows nobody can place (no account) keep "".
_V5 = [
    "ALTER TABLE \"mention\" ADD COLUMN \"server\" VARCHAR(255) NOT NULL DEFAULT ''",
    "ALTER TABLE \"author\" ADD COLUMN \"server\" VARCHAR(255) NOT NULL DEFAULT ''",
    """CREATE TEMP TABLE "v5_server" AS SELECT "id", CASE WHEN instr("base_url", '://') > 0
    THEN substr("base_url", instr("base_url", '://') + 3) ELSE "base_url" END AS "host"
    FROM "account" """,
    """UPDATE temp."v5_server" SET "host" =
    replace(replace("host", '?', '/'), '#', '/') || '/'""",
    """UPDATE temp."v5_server" SET "host" = lower(substr("host", 1, instr("host", '/') - 1))""",
    """UPDATE temp."v5_server" SET "host" = substr("host", instr("host", '@') + 1)""",
    """UPDATE "mention" SET "server" = CASE WHEN "channel" = 'bluesky' THEN 'bsky.app'
    ELSE coalesce((SELECT s."host" FROM temp."v5_server" s
                   WHERE s."id" = "mention"."account_id"), '') END""",
    """UPDATE "author" SET "server" = CASE WHEN "channel" = 'bluesky' THEN 'bsky.app'
    ELSE coalesce((SELECT max(m."server") FROM "mention" m
                   WHERE m."author_id" = "author"."id"), '') END""",
    'DROP TABLE temp."v5_server"',
    'DROP INDEX "mention_channel_remote_id"',
    'CREATE UNIQUE INDEX "mention_channel_server_remote_id" ON "mention" '
    '("channel", "server", "remote_id")',
    'DROP INDEX "author_channel_remote_id"',
    'CREATE UNIQUE INDEX "author_channel_server_remote_id" ON "author" '
    '("channel", "server", "remote_id")',
]

# v6: the change log other consoles read (console/store/changes.py).
_V6 = list(changes.SQLITE_SCHEMA)

# v7: how sure the model was of each post (console/triage/certainty.py), read from its
# probabilities before labels are applied; "Ask me" ranks by it. Rows scored before stay
# NULL until they are scored again (Ask me estimates theirs from the stored scores).
# A mention's case is indexed beside its author: what ingest asks of a page's authors
# (their open cases, their history) is then read from the index, not from the mention
# rows with their payloads (a page's author context went from about 1.8 to 0.5 ms);
# the author's own index is its prefix, so it goes.
_V7 = ['ALTER TABLE "mention" ADD COLUMN "certainty" REAL',
       'CREATE INDEX "mention_author_case" ON "mention" ("author_id", "case_id")',
       'DROP INDEX "mention_author_id"']

MIGRATIONS: list[list[str]] = [_V1, _V2, _V3, _V4, _V5, _V6, _V7]
LATEST = len(MIGRATIONS)

BackupHook = Callable[[Path, int], Path | None]


# One class for both backends (the team database's migrations raise it too).
SchemaTooNew = migrations_pg.SchemaTooNew


def schema_version(db: Database) -> int:
    """The schema version of the workspace's SQLite database or of the team database."""
    if is_postgres(db):
        return migrations_pg.schema_version(db)
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def backup_copy(path: Path, version: int) -> Path:
    """Copy a database (WAL included) beside itself with SQLite's online backup API."""
    target = path.with_name(f"{path.name}.v{version}.bak")
    src = sqlite3.connect(str(path))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    target.chmod(0o600)
    return target


def migrate(db: Database, path: Path | None) -> tuple[int, int, Path | None]:
    """Bring the schema to LATEST. Returns (old version, new version, backup path)."""
    current = schema_version(db)
    if current > LATEST:
        raise SchemaTooNew(
            f"this workspace was written by a newer Posventa (schema {current}, "
            f"this version knows {LATEST}); update Posventa to open it"
        )
    backup = None
    if current == LATEST:
        return current, current, None
    if current > 0 and path is not None and path.exists():
        backup = backup_copy(path, current)
    for number in range(current + 1, LATEST + 1):
        with db.atomic():
            for statement in MIGRATIONS[number - 1]:
                db.execute_sql(statement)
            db.execute_sql(f"PRAGMA user_version = {number}")
    return current, LATEST, backup
