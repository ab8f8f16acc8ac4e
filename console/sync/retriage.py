"""Re-scoring stored mentions (after the model learned, or a new Posventa version).

Works in batches by id, each batch written in one transaction, so it can be stopped at
any time and the stored labels are always those of one scoring or the other. The
statements are triage's (console/triage/queries.py): they read and write its labels.
"""

from __future__ import annotations

from collections.abc import Callable

from console.store.db import Store
from console.store.timeutil import from_db, utcnow
from console.triage import TriageInput, Triager, queries

BATCH = 500


def retriage(store: Store, triager: Triager,
             progress: Callable[[int, int], None] | None = None) -> int:
    """Score every stored mention again; returns how many were scored."""
    db = store.db
    total = queries.count_mentions(db)
    done, last = 0, 0
    now = utcnow()
    while True:
        rows = queries.retriage_batch(db, last, BATCH)
        if not rows:
            break
        items = [TriageInput(text=r[1], lang_hint=r[2] or None, followers=r[3],
                             tagged=bool(r[4]), source=r[5], created_at=from_db(r[6]),
                             bot=bool(r[7])) for r in rows]
        results = triager.score_many(items, now=now)
        with store.write():
            for row, res in zip(rows, results, strict=True):
                queries.store_labels(db, row[0], res)
        done += len(rows)
        last = rows[-1][0]
        if progress:
            progress(done, total)
    return done
