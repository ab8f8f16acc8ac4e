"""Benchmark: the feed's case queues over a large workspace (not part of the test run).

Run: python tests/cases/bench_queues.py [--mentions 1000000] [--cases 50000]
Seeds N mentions (tests/bench/seed.py), groups some of them into cases in every state,
and prints how long the first page of each queue takes, next to the unfiltered feed.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from console.app.runtime import open_runtime
from console.feed.queries import FeedFilter, feed_page
from tests.bench.seed import seed

STATES = ("new", "open", "waiting", "resolved", "closed", "closed", "closed")
AGENTS = (None, None, "ana", "bruno", "carla")


def seed_cases(db_path: Path, cases: int) -> float:
    """Turn random mentions into cases (1-4 mentions each); returns seconds taken."""
    rng = random.Random(11)
    start = time.perf_counter()
    con = sqlite3.connect(str(db_path))
    top = con.execute("SELECT max(id) FROM mention").fetchone()[0]
    base = datetime(2026, 11, 1)
    rows, links = [], []
    for case_id in range(1, cases + 1):
        due = base + timedelta(minutes=rng.randint(-600, 6000))
        rows.append((case_id, rng.choice(STATES), rng.choice(AGENTS), rng.randint(0, 100),
                     base, base, due, due + timedelta(hours=8)))
        first = rng.randint(1, top - 4)
        links.extend((case_id, first + k) for k in range(rng.randint(1, 4)))
    con.executemany(
        'INSERT INTO "case" (id, status, assignee, priority, created_at, updated_at, '
        "first_response_due, resolution_due, channel, subject) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'mastodon', '')", rows)
    con.executemany("UPDATE mention SET case_id = ? WHERE id = ?", links)
    con.commit()
    con.close()
    return time.perf_counter() - start


def bench_ingest(n: int) -> None:
    """Ingest rate with the cases step, and with it left out, in the same run."""
    from console.accounts import queries as accounts
    from console.cases import intake
    from console.sync import pipeline
    from console.sync.ingest import ingest
    from tests.bench.seed import text
    from tests.builders import make_author, make_post

    rng = random.Random(3)
    posts = [make_post(i, text(rng), author=make_author(i % 500)) for i in range(1, n + 1)]
    rates = {}
    all_steps = list(pipeline.STEPS)
    for label, keep in (("without the cases step", False), ("with the cases step", True),
                        ("without the cases step, again", False)):
        pipeline.STEPS[:] = [m for m in all_steps if keep or m is not intake]
        with tempfile.TemporaryDirectory() as tmp:
            rt = open_runtime(Path(tmp) / "ws", memory_secrets=True)
            acc = accounts.add_account(rt.workspace.store, "mastodon", "http://127.0.0.1:9")
            start = time.perf_counter()
            for i in range(0, n, 40):
                ingest(rt.workspace.store, rt.triager, acc.id, posts[i:i + 40], None, None)
            rates[label] = n / (time.perf_counter() - start)
            cases = rt.workspace.store.db.execute_sql('SELECT count(*) FROM "case"').fetchone()
            rt.close()
        print(f"ingest: {rates[label]:,.0f} mentions/s {label} ({cases[0]:,} cases opened)")
    pipeline.STEPS[:] = all_steps


def bench_join(db) -> None:
    """51 keyset pages with the case columns (now) and without them (before), same run."""
    from console.feed import queries as feed

    columns, join = feed._COLUMNS, feed._CASE_JOIN
    before = columns[:columns.index(", c.id")] + ", NULL" * 10  # the same rows, no case

    for label, cols, case_join in (("without the case join (before)", before, ""),
                                   ("with the case join (now)", columns, join),
                                   ("without the case join (before), again", before, "")):
        feed._COLUMNS, feed._CASE_JOIN = cols, case_join
        start = time.perf_counter()
        last = feed_page(db, FeedFilter(), limit=200)[-1]
        for _ in range(50):
            last = feed_page(db, FeedFilter(), last, limit=200)[-1]
        print(f"feed: 51 pages {label}: {(time.perf_counter() - start) * 1000:.1f} ms")
    feed._COLUMNS, feed._CASE_JOIN = columns, join


def timed(db, flt: FeedFilter) -> tuple[float, int]:
    start = time.perf_counter()
    rows = feed_page(db, flt, limit=200)
    return (time.perf_counter() - start) * 1000, len(rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--cases", type=int, default=50_000)
    parser.add_argument("--ingest", type=int, default=2000)
    args = parser.parse_args()
    bench_ingest(args.ingest)
    with tempfile.TemporaryDirectory() as tmp:
        rt = open_runtime(Path(tmp) / "ws", memory_secrets=True)
        db_path = rt.workspace.db_path
        rt.close()
        print(f"seed: {args.mentions:,} mentions in {seed(db_path, args.mentions):.1f} s")
        print(f"seed: {args.cases:,} cases in {seed_cases(db_path, args.cases):.1f} s")
        rt = open_runtime(Path(tmp) / "ws", memory_secrets=True)
        db = rt.workspace.store.db
        bench_join(db)
        moment = datetime(2026, 11, 1, 12)
        filters = {
            "all (no queue)": FeedFilter(),
            "mine": FeedFilter(queue="mine", agent="ana"),
            "unassigned": FeedFilter(queue="unassigned"),
            "breaching soon": FeedFilter(queue="breaching", breach_by=moment),
            "waiting": FeedFilter(queue="waiting"),
            "mine, by priority": FeedFilter(queue="mine", agent="ana", sort="priority"),
            "unassigned + search": FeedFilter(queue="unassigned", search="reembolso"),
        }
        for name, flt in filters.items():
            timed(db, flt)  # warm the cache once
            took, count = min(timed(db, flt) for _ in range(5))
            print(f"feed: first page of {name}: {took:.1f} ms ({count} rows)")
        rt.close()


if __name__ == "__main__":
    main()
