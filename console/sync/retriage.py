"""Re-scoring stored mentions (after the model learned, or a new Posventa version).

Works in batches by id, each batch written in one transaction, so it can be stopped at
any time and the stored labels are always those of one scoring or the other.
"""

from __future__ import annotations

from collections.abc import Callable

from console.store.db import Store
from console.store.timeutil import from_db, utcnow
from console.triage import TriageInput, Triager

BATCH = 500

_SELECT = """SELECT m.id, m.text, m.lang, a.followers, m.tagged, m.source, m.created_at, a.bot
FROM mention m JOIN author a ON a.id = m.author_id WHERE m.id > ? ORDER BY m.id LIMIT ?"""

_UPDATE = """UPDATE mention SET lang = ?, sentiment = ?, sentiment_label = ?, complaint = ?,
reason = ?, relevance = ?, priority = ?, priority_reasons = ?, spam = ? WHERE id = ?"""


def retriage(store: Store, triager: Triager,
             progress: Callable[[int, int], None] | None = None) -> int:
    """Score every stored mention again; returns how many were scored."""
    db = store.db
    total = int(db.execute_sql("SELECT count(*) FROM mention").fetchone()[0])
    done, last = 0, 0
    now = utcnow()
    while True:
        rows = db.execute_sql(_SELECT, (last, BATCH)).fetchall()
        if not rows:
            break
        items = [TriageInput(text=r[1], lang_hint=r[2] or None, followers=r[3],
                             tagged=bool(r[4]), source=r[5], created_at=from_db(r[6]),
                             bot=bool(r[7])) for r in rows]
        results = triager.score_many(items, now=now)
        with store.write():
            for row, res in zip(rows, results, strict=True):
                db.execute_sql(_UPDATE, (
                    res.lang, res.sentiment, res.sentiment_label, res.complaint, res.reason,
                    res.relevance, res.priority, " · ".join(res.priority_reasons),
                    res.spam, row[0]))
        done += len(rows)
        last = rows[-1][0]
        if progress:
            progress(done, total)
    return done
