"""Report benchmarks: each figure's query over 1M mentions, against a plain COUNT(*) baseline.

Run: python tests/bench/bench_reports.py [--mentions 1000000] [--cases 100000]
Prints figures; asserts nothing. The seeded mentions (tests/bench/seed.py) are spread over
channels, sentiment labels and complaint reasons first, and cases with SLA times are added,
so every query has real groups to count. The baseline is `SELECT count(*) FROM mention`
in the same run (SQLite's fastest full count).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from console.app.runtime import open_runtime
from console.reports import figures
from console.reports.figures import Period
from tests.bench.seed import seed

CHANNELS = ("mastodon", "bluesky", "feed", "wordpress")
REASONS = ("delivery", "refund", "billing", "account", "product", "support")


def vary(db_path: Path, cases: int) -> None:
    con = sqlite3.connect(str(db_path))
    con.execute("PRAGMA synchronous=off")
    con.execute("UPDATE mention SET channel = CASE id % 4 WHEN 0 THEN 'mastodon' "
                "WHEN 1 THEN 'bluesky' WHEN 2 THEN 'feed' ELSE 'wordpress' END, "
                "sentiment_label = CASE WHEN sentiment < -0.3 THEN 'negative' "
                "WHEN sentiment > 0.3 THEN 'positive' ELSE 'neutral' END, "
                "reason = CASE WHEN complaint >= 0.5 THEN "
                "json_extract(?, '$[' || (id % 6) || ']') ELSE 'none' END",
                (str(list(REASONS)).replace("'", '"'),))
    rng = random.Random(5)
    end = datetime(2026, 11, 1)
    rows = []
    for _ in range(cases):
        created = end - timedelta(seconds=rng.randint(0, 1_000_000))
        first = created + timedelta(minutes=rng.randint(5, 600)) if rng.random() < 0.9 else None
        resolved = created + timedelta(hours=rng.randint(1, 72)) if rng.random() < 0.6 else None
        rows.append(("open", rng.choice(("ana", "marco", "lucia", None)), 50, created, created,
                     first, resolved, rng.choice(CHANNELS), created + timedelta(hours=1),
                     created + timedelta(hours=24)))
    con.executemany('INSERT INTO "case" (status, assignee, priority, created_at, updated_at, '
                    "first_response_at, resolved_at, channel, first_response_due, "
                    "resolution_due) VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    con.commit()
    con.execute("ANALYZE")
    con.close()


def timed(label: str, work) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    print(f"  {label:<28} {best * 1000:8.1f} ms")
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--cases", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rt = open_runtime(Path(tmp) / "ws", memory_secrets=True)
        rt.close()
        db_path = Path(tmp) / "ws" / "posventa.db"
        took = seed(db_path, args.mentions)
        vary(db_path, args.cases)
        print(f"seeded {args.mentions:,} mentions and {args.cases:,} cases in {took:.0f} s")
        rt = open_runtime(Path(tmp) / "ws", memory_secrets=True)
        db = rt.workspace.store.db
        now = datetime(2026, 11, 1, tzinfo=UTC)
        whole = Period.last_days(30, "day", now)
        week = Period.last_days(7, "week", now)
        # Madrid's clocks went back on 25 October: two pieces of one UTC offset each.
        madrid = Period.last_days(30, "day", now, "Europe/Madrid")
        print("best of 3, 30 days (every mention) unless noted:")
        base = timed("baseline count(*)", lambda: db.execute_sql(
            "SELECT count(*) FROM mention").fetchone())
        total = 0.0
        for label, work in (
                ("volume per channel", lambda: figures.volume_by_channel(db, whole)),
                ("volume per channel, 7 days", lambda: figures.volume_by_channel(db, week)),
                ("volume, Madrid days (DST)", lambda: figures.volume_by_channel(db, madrid)),
                ("sentiment over time", lambda: figures.sentiment_over_time(db, whole)),
                ("sentiment, Madrid days", lambda: figures.sentiment_over_time(db, madrid)),
                ("top complaint reasons", lambda: figures.top_reasons(db, whole)),
                ("SLA per agent", lambda: figures.sla(db, whole, "agent", now)),
                ("SLA per channel", lambda: figures.sla(db, whole, "channel", now))):
            spent = timed(label, work)
            total += spent
            print(f"  {'':<28} {spent / base:8.1f} x baseline")
        print(f"whole report (30 days): {total * 1000:.0f} ms")
        rt.close()


if __name__ == "__main__":
    main()
