"""Store benchmarks: ingest rate against raw executemany, and search latency over 1M rows.

Run: python tests/bench/bench_store.py [--mentions 1000000]
Prints figures; asserts nothing. The ratio compares Posventa's ingest path (dedupe,
triage, author upsert, FTS, cursor, one transaction per batch) with a bare executemany of
the same rows into the same schema, measured in the same run.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from console.accounts import queries as accounts
from console.app.runtime import open_runtime
from console.feed.queries import FeedFilter, feed_page
from console.sync.ingest import ingest
from console.triage import TriageInput
from tests.bench.seed import seed, text
from tests.builders import make_author, make_post


def _ingest_once(posts: list, batch: int) -> tuple[float, float, int, float]:
    """One run into a fresh workspace: wall and CPU seconds of the engine path, SQL
    statements sent, and seconds of triage alone on the same posts."""
    n = len(posts)
    with tempfile.TemporaryDirectory() as tmp:
        rt = open_runtime(Path(tmp) / "ws", memory_secrets=True)
        acc = accounts.add_account(rt.workspace.store, "mastodon", "http://127.0.0.1:9")
        statements = [0]

        def count(sql: str) -> None:
            if not sql.startswith("--"):  # "--": run inside SQLite (FTS5 shadow tables)
                statements[0] += 1

        # The app warms the triager up at start-up (a worker thread); so does the benchmark.
        rt.triager.warm_up()
        # Every statement the ingest path sends SQLite (BEGIN/COMMIT included).
        rt.workspace.store.db.connection().set_trace_callback(count)
        start, cpu = time.perf_counter(), time.process_time()
        for i in range(0, n, batch):
            chunk = posts[i:i + batch]
            ingest(rt.workspace.store, rt.triager, acc.id, chunk, "mentions", chunk[-1].remote_id)
        engine_s = time.perf_counter() - start
        # On a shared machine the wall clock counts other programs' turns too.
        engine_cpu = time.process_time() - cpu
        rt.workspace.store.db.connection().set_trace_callback(None)
        # Triage as the ingest path runs it: a page at a time (score_many).
        items = [TriageInput(text=post.text, lang_hint=post.lang,
                             followers=post.author.followers, tagged=True) for post in posts]
        start = time.perf_counter()
        for i in range(0, n, batch):
            rt.triager.score_many(items[i:i + batch])
        triage_s = time.perf_counter() - start
        rt.close()
    return engine_s, engine_cpu, statements[0], triage_s


def bench_ingest(n: int, batch: int = 40, rounds: int = 3) -> None:
    import random

    rng = random.Random(3)
    posts = [make_post(i, text(rng), author=make_author(i % 500)) for i in range(1, n + 1)]
    runs = [_ingest_once(posts, batch) for _ in range(rounds)]
    # The median run: this machine's speed varies between runs by as much as a fifth.
    engine_s, engine_cpu, statements, triage_s = sorted(runs, key=lambda run: run[1])[
        len(runs) // 2]
    per_cpu = ", ".join(f"{n / run[1]:,.0f}" for run in runs)
    with tempfile.TemporaryDirectory() as tmp:
        rt = open_runtime(Path(tmp) / "ws", memory_secrets=True)
        rt.close()
        con = sqlite3.connect(str(Path(tmp) / "ws" / "posventa.db"))
        con.execute("INSERT INTO author (channel, remote_id, handle, display_name, url, "
                    "followers, bio, avatar_url, bot, fields, raw, first_seen, updated_at) "
                    "VALUES ('mastodon','1','u','U','',0,'','',0,'[]','{}','2026-01-01',"
                    "'2026-01-01')")
        rows = [(p.remote_id, p.text, p.created_at.replace(tzinfo=None), i)
                for i, p in enumerate(posts)]
        start = time.perf_counter()
        for i in range(0, n, batch):
            con.executemany(
                "INSERT INTO mention (channel, remote_id, url, author_id, text, html, "
                "created_at, feed_key, fetched_at, source, sources, visibility, tagged, lang, "
                "sentiment, sentiment_label, complaint, reason, relevance, priority, "
                "priority_reasons, spam, status, raw) VALUES ('mastodon', ?, '', 1, ?, '', ?3, "
                "?4, ?3, 'mention', 'mention', 'public', 1, '', 0, 'neutral', 0, 'none', 1, 0,"
                " '', 0, 'new', '{}')", rows[i:i + batch])
            con.commit()
        raw_s = time.perf_counter() - start
        con.close()
    print(f"ingest: {n / engine_s:,.0f} mentions/s through the engine path "
          f"(batches of {batch}, triage included)")
    print(f"ingest: {n / engine_cpu:,.0f} mentions per CPU second through the engine path "
          f"(median of {rounds} runs: {per_cpu})")
    print(f"ingest: triage alone scores {n / triage_s:,.0f} posts/s in pages of {batch} "
          f"({triage_s / engine_s:.0%} of the engine path's time)")
    print(f"ingest: {statements / n:.1f} SQL statements per mention "
          f"({statements:,} for {n:,} mentions)")
    print(f"ingest: {n / raw_s:,.0f} mentions/s raw executemany, same rows and batches")
    print(f"ingest: ratio engine/raw = {raw_s / engine_s:.3f}")


def bench_search(n: int) -> None:
    queries = ["devolucion", "pedido lento", "refund", "ventalia brisa", "contraseña",
               "charged twice", "nevera", "xyzzy"]
    with tempfile.TemporaryDirectory() as tmp:
        rt = open_runtime(Path(tmp) / "ws", memory_secrets=True)
        db_path = rt.workspace.db_path
        rt.close()
        took = seed(db_path, n)
        print(f"seed: {n:,} mentions in {took:.1f} s")
        rt = open_runtime(Path(tmp) / "ws", memory_secrets=True)
        db = rt.workspace.store.db
        start = time.perf_counter()
        first = feed_page(db, FeedFilter(), limit=200)
        print(f"feed: first page of 200 in {(time.perf_counter() - start) * 1000:.1f} ms")
        start = time.perf_counter()
        deep = first[-1]
        for _ in range(50):
            deep = feed_page(db, FeedFilter(), deep, limit=200)[-1]
        print(f"feed: 50 further keyset pages in {(time.perf_counter() - start) * 1000:.1f} ms")
        for flt_name, flt in (("status=new", FeedFilter(statuses=("new",))),
                              ("by priority", FeedFilter(sort="priority"))):
            start = time.perf_counter()
            feed_page(db, flt, limit=200)
            print(f"feed: first page {flt_name} in {(time.perf_counter() - start) * 1000:.1f} ms")
        timings = []
        for _ in range(5):
            for q in queries:
                start = time.perf_counter()
                feed_page(db, FeedFilter(search=q), limit=200)
                timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(f"search: {len(timings)} queries over {n:,} mentions: median "
              f"{statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, max {timings[-1]:.1f} ms")
        rt.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mentions", type=int, default=1_000_000,
                        help="rows for the search benchmark (0: skip it)")
    parser.add_argument("--ingest", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=3, help="ingest runs (the median counts)")
    args = parser.parse_args()
    bench_ingest(args.ingest, rounds=args.rounds)
    if args.mentions > 0:
        bench_search(args.mentions)


if __name__ == "__main__":
    main()
