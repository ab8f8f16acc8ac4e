"""Fill a workspace with N synthetic mentions fast (raw SQL), for benchmarks.

The words are generated from a small vocabulary written for this benchmark; they are
not real posts.
"""

from __future__ import annotations

import random
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

WORDS = (
    "pedido", "envío", "devolución", "reembolso", "cobro", "factura", "cuenta", "contraseña",
    "roto",
    "caja", "retraso", "atención", "soporte", "gracias", "genial", "rápido", "lento", "nunca",
    "llega", "semana", "días", "order", "refund", "shipping", "broken", "charged", "support",
    "account", "waiting", "great", "thanks", "late", "ventalia", "brisa", "ventilador", "lavadora",
    "nevera", "móvil", "tienda", "tarjeta", "cancelar",
)
EPOCH = datetime(1970, 1, 1)
STATUSES = ("new", "new", "new", "open", "replied", "closed", "ignored")
SOURCES = ("mention", "keyword", "hashtag", "direct")


def text(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 24)))


def seed(db_path: Path, n: int, authors: int = 20000, seed_value: int = 7) -> float:
    """Insert n mentions (and their FTS rows); returns seconds taken."""
    rng = random.Random(seed_value)
    start = time.perf_counter()
    con = sqlite3.connect(str(db_path))
    con.execute("PRAGMA journal_mode=wal")
    con.execute("PRAGMA synchronous=off")
    now = datetime(2026, 11, 1, tzinfo=UTC).replace(tzinfo=None)
    (acc,) = con.execute("SELECT id FROM account LIMIT 1").fetchone() or (None,)
    if acc is None:
        acc = con.execute("INSERT INTO account (kind, base_url, handle, display_name, "
                          "remote_id, settings, enabled, created_at) VALUES ('mastodon', "
                          "'http://127.0.0.1:9', 'ventalia', 'Ventalia', '1', '{}', 1, ?)",
                          (now,)).lastrowid
    con.executemany(
        "INSERT INTO author (channel, remote_id, handle, display_name, url, followers, bio, "
        "avatar_url, bot, fields, raw, first_seen, updated_at) VALUES "
        "('mastodon', ?, ?, ?, '', ?, '', '', 0, '[]', '{}', ?, ?)",
        [(f"a{i}", f"user{i}", f"Persona {i}", rng.randint(0, 50000), now, now)
         for i in range(authors)])
    first_author = con.execute("SELECT min(id) FROM author").fetchone()[0]
    batch = 20000
    for base in range(0, n, batch):
        rows = []
        for i in range(base, min(base + batch, n)):
            body = text(rng)
            created = now - timedelta(seconds=n - i)
            key = (int((created - EPOCH).total_seconds() * 1000) << 20) | (i & 0xFFFFF)
            rows.append((acc, f"r{i}", first_author + rng.randrange(authors), body, created,
                         created, rng.choice(SOURCES), rng.choice(STATUSES),
                         round(rng.uniform(-1, 1), 3), rng.random(), rng.randint(0, 100), key))
        con.executemany(
            "INSERT INTO mention (account_id, channel, remote_id, url, author_id, text, html, "
            "created_at, feed_key, fetched_at, source, sources, visibility, tagged, lang, "
            "sentiment, sentiment_label, complaint, reason, relevance, priority, "
            "priority_reasons, spam, status, raw) VALUES (?1, 'mastodon', ?2, '', ?3, ?4, '', "
            "?5, ?12, ?6, ?7, 'mention', 'public', 1, 'es', ?9, 'neutral', ?10, 'none', 1.0, "
            "?11, '', 0, ?8, '{}')", rows)
        con.executemany("INSERT INTO mention_fts (rowid, text, author) VALUES (?, ?, ?)",
                        [(r[11], r[3], f"Persona user{r[2]}") for r in rows])
        con.executemany("INSERT INTO mention_source (source, feed_key) VALUES (?, ?)",
                        [(r[6], r[11]) for r in rows])
        con.commit()
    con.execute("PRAGMA synchronous=normal")
    con.close()
    return time.perf_counter() - start


