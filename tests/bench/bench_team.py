"""Team database benchmark: the feed's first page and search p95 on PostgreSQL beside
SQLite, over the same seeded mentions, in the same run.

Run: python tests/bench/bench_team.py [--mentions 100000] [--server postgresql://...]
(the server defaults to $POSVENTA_TEST_PG; tests/run.sh starts one). Prints figures and
the PostgreSQL/SQLite ratio; asserts nothing. The rows reach PostgreSQL the way
``posventa team migrate`` copies them (console/store/transfer.py), so that is timed too.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from console.app.runtime import open_runtime
from console.feed.queries import FeedFilter, feed_page
from console.store import transfer
from console.store.db import Store
from console.store.postgres import TeamStore
from tests.bench.seed import WORDS, seed
from tests.team_db import with_database, write_team_settings


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _timed(run: Callable[[], object], times: int) -> list[float]:
    run()  # warm the caches
    found = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        found.append((time.perf_counter() - start) * 1000)
    return found


def _queries(count: int) -> list[str]:
    rng = random.Random(11)
    plain = [w.replace("í", "i").replace("ó", "o").replace("é", "e") for w in WORDS]
    return [" ".join(rng.sample(plain, rng.choice((1, 1, 2)))) if i % 3 else
            rng.choice(plain)[:4] for i in range(count)]


def measure(folder: Path, label: str) -> dict[str, float]:
    rt = open_runtime(folder, memory_secrets=True)
    try:
        db = rt.workspace.store.db
        first = _timed(lambda: feed_page(db, FeedFilter(), limit=200), 30)
        searches = []
        for query in _queries(40):
            searches.extend(_timed(lambda q=query: feed_page(db, FeedFilter(search=q),
                                                             limit=200), 2))
        figures = {"first_p50": statistics.median(first), "first_p95": _p(first, 0.95),
                   "search_p50": statistics.median(searches),
                   "search_p95": _p(searches, 0.95)}
    finally:
        rt.close()
    print(f"{label:10}  first page p50 {figures['first_p50']:7.1f} ms  p95 "
          f"{figures['first_p95']:7.1f} ms   search p50 {figures['search_p50']:7.1f} ms  "
          f"p95 {figures['search_p95']:7.1f} ms")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--server", default=os.environ.get("POSVENTA_TEST_PG", ""))
    args = parser.parse_args()
    if not args.server:
        sys.exit("name a PostgreSQL server with --server or POSVENTA_TEST_PG")
    import psycopg

    name = f"posventa_bench_{uuid.uuid4().hex[:8]}"
    admin = psycopg.connect(args.server, autocommit=True)
    admin.execute(f'CREATE DATABASE "{name}"')
    url = with_database(args.server, name)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            local, team = Path(tmp) / "local", Path(tmp) / "team"
            open_runtime(local, memory_secrets=True).close()
            seconds = seed(local / "posventa.db", args.mentions)
            print(f"mentions: {args.mentions:,} (SQLite seeded in {seconds:.1f} s)")
            write_team_settings(team, url)
            open_runtime(team, memory_secrets=True).close()  # creates the schema
            source, target = Store(local / "posventa.db"), TeamStore(url, None)
            start = time.perf_counter()
            with target.write():
                tables = transfer.sqlite_tables(source.db)
                rows = transfer.copy_tables(source.db, target.db, tables)
                transfer.move_sequences_past_ids(target.db, tables)
            copy_s = time.perf_counter() - start
            target.db.execute_sql("ANALYZE")
            source.close()
            target.close()
            print(f"copied to PostgreSQL as team migrate does: {rows:,} rows in "
                  f"{copy_s:.1f} s ({rows / copy_s:,.0f} rows/s)")
            on_sqlite = measure(local, "SQLite")
            on_pg = measure(team, "PostgreSQL")
            for key in ("first_p95", "search_p95"):
                print(f"ratio PostgreSQL/SQLite {key}: {on_pg[key] / on_sqlite[key]:.2f}")
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


if __name__ == "__main__":
    main()
