"""Profile benchmark: one page of a person's history, for a customer with 5,000 entries
(mentions, replies, notes and case events over two accounts).

Run: python tests/bench/bench_timeline.py [--rounds 20]
Prints figures; asserts nothing. The ratio compares a history page (four kinds of entry,
merged newest first, keyed to go on from the last row) with reading the same number of
that person's mentions in one plain query, measured in the same run on the same workspace.
The history is generated (tests/long_history.py); it is not real posts.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from console.app.runtime import open_runtime
from tests.long_history import seed_customer

PAGE = 100


def median_ms(run, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        rt = open_runtime(Path(folder), memory_secrets=True)
        try:
            customer, authors = seed_customer(rt)
            db, people = rt.workspace.store.db, rt.people
            marks = ", ".join("?" * len(authors))

            def plain() -> None:
                db.execute_sql(f"SELECT id, text, created_at FROM mention WHERE author_id IN "
                               f"({marks}) ORDER BY feed_key DESC LIMIT {PAGE}",
                               authors).fetchall()

            def first_page() -> None:
                people.history(authors, customer, None, PAGE)

            pages = [people.history(authors, customer, None, PAGE)]
            while len(pages[-1]) == PAGE:
                pages.append(people.history(authors, customer, pages[-1][-1], PAGE))
            deep = pages[len(pages) // 2][-1]  # halfway down the history

            def further_page() -> None:
                people.history(authors, customer, deep, PAGE)

            baseline = median_ms(plain, args.rounds)
            first = median_ms(first_page, args.rounds)
            further = median_ms(further_page, args.rounds)
        finally:
            rt.close()
    entries = sum(len(p) for p in pages)
    print(f"timeline: customer with {entries:,} history entries, pages of {PAGE}")
    print(f"plain query, {PAGE} mentions: median {baseline:.2f} ms")
    print(f"history, first page: median {first:.2f} ms (ratio {first / baseline:.1f})")
    print(f"history, a page halfway down: median {further:.2f} ms "
          f"(ratio {further / baseline:.1f})")


if __name__ == "__main__":
    main()
