"""A customer with a long history (5,000 entries over two accounts), written straight to
the store: shared by the timeline tests and the timeline benchmark."""

from __future__ import annotations

from datetime import timedelta

from console.store.timeutil import to_db
from tests.builders import BASE_TIME

MENTIONS, REPLIES, NOTES, EVENTS = 4400, 300, 200, 100  # 5,000 entries in all


def seed_customer(runtime) -> tuple[int, tuple[int, int]]:
    """One customer with two accounts and a long history, written straight to the store."""
    store, db = runtime.workspace.store, runtime.workspace.store.db
    now = to_db(BASE_TIME)
    with store.write():
        customer = db.execute_sql("INSERT INTO customer (name, vip, created_at, updated_at) "
                                  "VALUES ('Cliente de siempre', 1, ?, ?)", (now, now)).lastrowid
        authors = []
        for n, channel in enumerate(("mastodon", "bluesky")):
            authors.append(db.execute_sql(
                "INSERT INTO author (channel, remote_id, handle, display_name, url, followers, "
                "bio, avatar_url, bot, fields, customer_id, raw, first_seen, updated_at) VALUES "
                "(?, ?, ?, 'Cliente', 'https://example.org/c', 5, '', '', 0, '[]', ?, '{}', ?, ?)",
                (channel, f"c{n}", f"cliente{n}", customer, now, now)).lastrowid)
        rows = []
        for i in range(MENTIONS):
            when = BASE_TIME + timedelta(minutes=7 * i)
            rows.append((channel_of(i), f"m{i}", authors[i % 2], f"mensaje número {i}",
                         to_db(when), to_db(when), (int(when.timestamp() * 1000) << 20) + i,
                         -0.4 if i % 3 else 0.3, "negative" if i % 3 else "positive",
                         0.8 if i % 5 == 0 else 0.1))
        db.execute_sql("SELECT 1")
        db.connection().executemany(
            "INSERT INTO mention (channel, remote_id, url, author_id, text, html, created_at, "
            "fetched_at, feed_key, source, sources, visibility, tagged, lang, sentiment, "
            "sentiment_label, complaint, reason, relevance, priority, priority_reasons, spam, "
            "status, raw) VALUES (?, ?, '', ?, ?, '', ?, ?, ?, 'mention', 'mention', 'public', "
            "1, 'es', ?, ?, ?, 'delivery', 1, 10, '', 0, 'new', '{}')", rows)
        first = db.execute_sql("SELECT min(id) FROM mention").fetchone()[0]
        db.connection().executemany(
            "INSERT INTO reply (mention_id, text, visibility, idempotency_key, state, error, "
            "attempts, url, agent, created_at, updated_at, sent_at) VALUES "
            "(?, 'Hola, lo miramos', 'public', ?, 'sent', '', 1, '', 'ana', ?, ?, ?)",
            [(first + i * 10, f"k{i}", *(3 * [to_db(BASE_TIME + timedelta(minutes=70 * i + 3))]))
             for i in range(REPLIES)])
        db.connection().executemany(
            "INSERT INTO note (body, agent, created_at, customer_id) VALUES (?, 'luis', ?, ?)",
            [(f"nota {i}", to_db(BASE_TIME + timedelta(minutes=150 * i + 1)), customer)
             for i in range(NOTES)])
        case = db.execute_sql(
            'INSERT INTO "case" (status, priority, created_at, updated_at, channel, author_id, '
            "subject) VALUES ('open', 50, ?, ?, 'mastodon', ?, 'pedido')",
            (now, now, authors[0])).lastrowid
        db.connection().executemany(
            "INSERT INTO case_event (case_id, at, agent, kind, old, new) VALUES "
            "(?, ?, 'ana', 'status', 'open', 'waiting')",
            [(case, to_db(BASE_TIME + timedelta(minutes=300 * i + 2))) for i in range(EVENTS)])
    return int(customer), (int(authors[0]), int(authors[1]))


def channel_of(i: int) -> str:
    return "mastodon" if i % 2 == 0 else "bluesky"
