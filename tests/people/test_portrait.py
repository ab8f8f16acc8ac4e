"""A person's portrait on a real workspace: the demo's sandbox synced over HTTP (Mastodon,
Bluesky, X, Reddit, blogs), then each figure checked against what the database stores
(the payloads the networks sent, the authors, the watches, triage's labels)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from console.app.runtime import Runtime, open_demo
from console.people.portrait import count_terms, mood_periods
from console.people.reach import post_facts
from console.store.timeutil import from_db, utcnow


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runtime]:
    """The demo workspace after two syncs of every account on its sandbox."""
    rt = open_demo(Path(tmp_path_factory.mktemp("portrait")) / "ws", speed=1000)
    try:
        rt.engine.sync_once()
        rt.engine.sync_once()
        yield rt
    finally:
        rt.close()


def authors_named(rt: Runtime, name: str) -> list[int]:
    rows = rt.workspace.store.db.execute_sql(
        "SELECT id FROM author WHERE display_name = ? ORDER BY id", (name,)).fetchall()
    return [int(r[0]) for r in rows]


def person_named(rt: Runtime, name: str):
    ids = authors_named(rt, name)
    if len(ids) > 1 and rt.people.customer_of(ids[0]) is None:
        rt.people.link(ids)
    found = rt.people.person_for_author(ids[0])
    assert found is not None
    return found


def stored(rt: Runtime, author_ids: tuple[int, ...], column: str) -> list:
    marks = ",".join("?" * len(author_ids))
    return [r[0] for r in rt.workspace.store.db.execute_sql(
        f"SELECT {column} FROM mention WHERE author_id IN ({marks})", author_ids)]


def test_reach_per_network_is_read_from_what_each_network_reported(demo: Runtime) -> None:
    lucia = person_named(demo, "Lucía Méndez")  # Mastodon, Bluesky and X
    portrait = demo.people.portrait(lucia)
    reach = {r.channel: r for r in portrait.reach}
    assert set(reach) == {"mastodon", "bluesky", "x"}
    for author in lucia.authors:  # followers as each network reports them, per network
        assert reach[author.channel].followers == author.followers
    rows = list(zip(stored(demo, lucia.author_ids, "channel"),
                    stored(demo, lucia.author_ids, "raw"), strict=True))
    impressions = sum(json.loads(raw)["data"]["public_metrics"]["impression_count"]
                      for channel, raw in rows if channel == "x")
    assert impressions > 0 and reach["x"].views == impressions
    favourites = sum(json.loads(raw)["favourites_count"] for c, raw in rows if c == "mastodon")
    assert reach["mastodon"].likes == favourites and reach["mastodon"].views is None
    likes = sum(json.loads(raw).get("likeCount", 0) for c, raw in rows if c == "bluesky")
    assert reach["bluesky"].likes == likes
    # The same count everywhere: posts per network add up to the figures' post count.
    assert portrait.posts_stored == lucia.stats.mentions == len(rows)
    assert dict(portrait.posts_per_network) == dict(Counter(c for c, _raw in rows))
    assert sum(r.posts for r in portrait.reach) == portrait.posts_counted == len(rows)


def test_communities_count_servers_hashtags_subreddits_and_blogs(demo: Runtime) -> None:
    lucia = demo.people.portrait(person_named(demo, "Lucía Méndez"))
    mastodon_posts = dict(lucia.posts_per_network)["mastodon"]
    assert [(t.name, t.count) for t in lucia.instances] == [("mastodon.example",
                                                             mastodon_posts)]
    pablo = demo.people.portrait(person_named(demo, "Pablo Reseñas Tech"))  # blog + 2 networks
    assert [t.name for t in pablo.blogs] == [pablo.blogs[0].name]
    assert pablo.blogs[0].name.endswith("/blog/pablo")
    assert pablo.blogs[0].count == dict(pablo.posts_per_network)["feed"]
    tagged = 0
    for channel, marker in (("mastodon", '%"tags": [{"name"%'), ("x", '%"hashtags": [{%'),
                            ("bluesky", "%facet#tag%")):
        row = demo.workspace.store.db.execute_sql(
            "SELECT author_id, raw FROM mention WHERE channel = ? AND raw LIKE ? LIMIT 1",
            (channel, marker)).fetchone()
        if row is None:
            continue  # not released by the sandbox yet
        tagged += 1
        facts = post_facts(channel, row[1])
        found = demo.people.person_for_author(row[0])
        assert found is not None and facts.hashtags
        names = [t.name.lower() for t in demo.people.portrait(found).hashtags]
        assert "#" + facts.hashtags[0].lower() in names, (channel, names)
    assert tagged >= 2
    reddit_ids = [int(r[0]) for r in demo.workspace.store.db.execute_sql(
        "SELECT DISTINCT author_id FROM mention WHERE channel = 'reddit'").fetchall()]
    subreddits: Counter[str] = Counter()
    for author_id in reddit_ids:
        found = demo.people.person_for_author(author_id)
        assert found is not None
        for tally in demo.people.portrait(found).subreddits:
            subreddits[tally.name] += tally.count
    assert subreddits and all(name.startswith("r/") for name in subreddits)
    in_subreddits = [raw for raw in stored(demo, tuple(reddit_ids), "raw")
                     if json.loads(raw).get("subreddit")]  # private messages are in none
    assert sum(subreddits.values()) == len(in_subreddits)


def test_topics_count_watch_terms_and_complaint_reasons(demo: Runtime) -> None:
    beatriz = person_named(demo, "Beatriz Lozano")  # five networks
    portrait = demo.people.portrait(beatriz)
    reasons = Counter(r for r in stored(demo, beatriz.author_ids, "reason") if r != "none")
    assert {t.name: t.count for t in portrait.reasons} == dict(reasons)
    texts = [t.lower() for t in stored(demo, beatriz.author_ids, "text")]
    terms = {t.name: t.count for t in portrait.terms}
    assert terms["brisa"] == sum(1 for t in texts if "brisa" in t)
    assert portrait.watches == 5  # "ventalia" is watched twice: counted once


def test_mood_counts_each_label_per_week_and_leaves_undefined_out(demo: Runtime) -> None:
    beatriz = person_named(demo, "Beatriz Lozano")
    portrait = demo.people.portrait(beatriz)
    labels = Counter(stored(demo, beatriz.author_ids, "sentiment_label"))
    assert portrait.mood_unit == "week"
    assert sum(p.negative for p in portrait.mood) == labels["negative"]
    assert sum(p.positive for p in portrait.mood) == labels["positive"]
    assert sum(p.count for p in portrait.mood) == portrait.posts_counted - labels["undefined"]


def test_first_seen_is_the_first_stored_post(demo: Runtime) -> None:
    """The profile once showed "first seen" twice: the author's storage time beside the
    first post's time, hours apart. One source now: the first stored post."""
    lucia = person_named(demo, "Lucía Méndez")
    created = [from_db(c) for c in stored(demo, lucia.author_ids, "created_at")]
    assert lucia.stats.first_seen == min(c for c in created if c is not None)
    assert min(a.first_seen for a in lucia.authors) > lucia.stats.first_seen


def test_mood_goes_monthly_past_half_a_year_and_terms_ignore_accents() -> None:
    now = utcnow()
    rows = [(now - timedelta(days=d), label, score) for d, label, score in (
        (300, "negative", -0.6), (290, "negative", -0.4), (100, "neutral", 0.0),
        (5, "positive", 0.7), (4, "undefined", 0.0))]
    periods, unit = mood_periods(rows)
    assert unit == "month" and len(periods) == 3
    assert [p.start.day for p in periods] == [1, 1, 1]
    assert sum(p.count for p in periods) == 4
    found = count_terms(["La Brisa no enfría", "VENTALÍA otra vez", "ventaliafail"],
                        ["brisa", "Ventalia", "ventalia"])
    assert {t.name: t.count for t in found} == {"brisa": 1, "ventalia": 1}


def test_hostile_payloads_give_no_figures() -> None:
    for raw in ("", "not json", "[1, 2]", '{"favourites_count": "9"}', "[" * 5000,
                '{"favourites_count": true, "tags": [{"name": 3}, "x"]}'):
        facts = post_facts("mastodon", raw)
        assert facts.likes is None and facts.hashtags == ()
    assert post_facts("x", '{"data": {"public_metrics": {"impression_count": -4}}}').views == 0
    assert post_facts("reddit", '{"score": -3, "subreddit": "Ventalia"}').score == -3
