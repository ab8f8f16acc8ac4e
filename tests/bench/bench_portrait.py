"""Profile benchmark: what the portrait (reach, communities, topics, mood) adds to showing
a person, for a customer with many posts carrying network-sized payloads.

Run: python tests/bench/bench_portrait.py [--posts 5000]
Prints figures; asserts nothing. The ratio compares the portrait with what showing the
person already cost before it (``person_for_author``: accounts, cases, notes, figures),
measured in the same run on the same workspace. The payloads are shaped like the
networks' (Mastodon status, Bluesky post view, X tweet with includes) with generated
words; they are not real posts.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from console.app.runtime import open_runtime
from console.store.timeutil import to_db
from tests.bench.seed import text

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
CHANNELS = ("mastodon", "bluesky", "x")


def payload(channel: str, n: int, words: str, rng: random.Random) -> str:
    padding = "x" * 1200  # the account object, avatars, emojis... a real status is ~2 KB
    if channel == "mastodon":
        body = {"id": str(n), "uri": f"https://social.example/users/c/statuses/{n}",
                "account": {"acct": "c@social.example", "note": padding},
                "content": f"<p>{words}</p>", "reblogs_count": rng.randint(0, 5),
                "favourites_count": rng.randint(0, 20), "replies_count": rng.randint(0, 3),
                "tags": [{"name": "VentaliaFail"}] if n % 4 == 0 else []}
    elif channel == "bluesky":
        body = {"uri": f"at://did:plc:c/app.bsky.feed.post/{n}", "author": {"x": padding},
                "record": {"text": words, "facets": []}, "repostCount": rng.randint(0, 5),
                "likeCount": rng.randint(0, 20), "replyCount": 0, "quoteCount": 0}
    else:
        body = {"data": {"id": str(n), "text": words, "public_metrics": {
            "impression_count": rng.randint(10, 900), "like_count": 1, "retweet_count": 0,
            "reply_count": 0, "quote_count": 0}}, "includes": {"users": [{"x": padding}]}}
    return json.dumps(body)


def seed(folder: Path, posts: int) -> tuple[object, int]:
    rt = open_runtime(folder, memory_secrets=True)
    store, db = rt.workspace.store, rt.workspace.store.db
    rng = random.Random(11)
    now = to_db(START)
    with store.write():
        customer = db.execute_sql("INSERT INTO customer (name, vip, created_at, updated_at) "
                                  "VALUES ('Cliente', 0, ?, ?)", (now, now)).lastrowid
        authors = [db.execute_sql(
            "INSERT INTO author (channel, remote_id, handle, display_name, url, followers, bio, "
            "avatar_url, bot, fields, customer_id, raw, first_seen, updated_at) VALUES "
            "(?, ?, ?, 'Cliente', '', ?, '', '', 0, '[]', ?, '{}', ?, ?)",
            (channel, f"c{i}", f"cliente{i}", 100 * (i + 1), customer, now, now)).lastrowid
            for i, channel in enumerate(CHANNELS)]
        db.execute_sql("INSERT INTO watch (term, kind, lang, exclude, context, active, "
                       "created_at) VALUES ('brisa', 'keyword', NULL, '[]', '[]', 1, ?)", (now,))
        rows = []
        for i in range(posts):
            when = START + timedelta(hours=9 * i)
            channel = CHANNELS[i % 3]
            words = text(rng)
            rows.append((channel, f"m{i}", authors[i % 3], words, to_db(when), to_db(when),
                         (int(when.timestamp() * 1000) << 20) + i, rng.uniform(-1, 1),
                         rng.choice(("negative", "neutral", "positive", "undefined")),
                         rng.choice(("delivery", "billing", "none")),
                         payload(channel, i, words, rng)))
        db.connection().executemany(
            "INSERT INTO mention (channel, remote_id, url, author_id, text, html, created_at, "
            "fetched_at, feed_key, source, sources, visibility, tagged, lang, sentiment, "
            "sentiment_label, complaint, reason, relevance, priority, priority_reasons, spam, "
            "status, raw) VALUES (?, ?, '', ?, ?, '', ?, ?, ?, 'mention', 'mention', 'public', "
            "1, 'es', ?, ?, 0.5, ?, 1, 10, '', 0, 'new', ?)", rows)
    return rt, authors[0]


def timed(action, repeats: int) -> float:
    """Median milliseconds of `repeats` runs."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        rt, author = seed(Path(folder) / "ws", args.posts)
        try:
            people = rt.people  # type: ignore[attr-defined]
            person = people.person_for_author(author)
            baseline = timed(lambda: people.person_for_author(author), args.repeats)
            portrait_ms = timed(lambda: people.portrait(person), args.repeats)
            found = people.portrait(person)
        finally:
            rt.close()  # type: ignore[attr-defined]
    print(f"portrait: customer with {args.posts:,} posts on 3 networks, payloads read from "
          f"the newest {found.posts_counted:,}, mood over {sum(p.count for p in found.mood):,}"
          f" analysed posts in {len(found.mood)} {found.mood_unit}(s)")
    print(f"person (accounts, cases, notes, figures): median {baseline:.1f} ms")
    print(f"portrait (reach, communities, topics, mood): median {portrait_ms:.1f} ms")
    print(f"ratio portrait/person = {portrait_ms / baseline:.2f}")


if __name__ == "__main__":
    main()
