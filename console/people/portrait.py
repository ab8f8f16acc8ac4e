"""A person's portrait: how far their voice carries, where they talk, what they talk about
and how their mood moved, all counted from what is already stored (their posts' payloads,
their accounts, the team's watches and triage's complaint reasons).

The statements are in :mod:`console.people.queries.reach`; the payload reading in
:mod:`console.people.reach`. Every figure carries what it was counted from (how many posts,
which networks) so the profile can say it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from peewee import Database

from console.mentions.queries import AuthorInfo
from console.people.queries import reach as queries
from console.people.reach import REPORTING, PostFacts, post_facts, site
from console.store.timeutil import from_db

POSTS_COUNTED = 1000  # the newest posts a portrait reads (their payloads are parsed)
MOOD_POSTS = 20000  # the newest posts whose sentiment the mood counts (three small columns)
TOP = 8  # entries of each list shown
MONTHLY_AFTER = timedelta(weeks=26)  # a longer mood history is counted per month


@dataclass(frozen=True)
class Tally:
    """One name (a hashtag, a server, a term...) and how many posts it appears in."""

    name: str
    count: int


@dataclass(frozen=True)
class NetworkReach:
    """One network: the person's accounts and followers there, and what their posts about
    the brand reached as the network reports it (None: the network reports no such figure)."""

    channel: str
    accounts: int
    followers: int | None  # None: the network reports no followers (blogs, Reddit)
    posts: int  # posts counted on this network
    views: int | None = None
    shares: int | None = None
    likes: int | None = None
    replies: int | None = None
    score: int | None = None
    reported: int = 0  # posts whose payload carried figures


@dataclass(frozen=True)
class MoodPeriod:
    """The sentiment triage gave the person's posts in one week or month (local time)."""

    start: datetime
    positive: int
    neutral: int
    negative: int
    mean: float

    @property
    def count(self) -> int:
        return self.positive + self.neutral + self.negative


@dataclass(frozen=True)
class Portrait:
    """Reach, communities, topics and mood of one person (all accounts together)."""

    posts_counted: int
    posts_stored: int
    posts_per_network: tuple[tuple[str, int], ...]
    reach: tuple[NetworkReach, ...]
    hashtags: tuple[Tally, ...]
    instances: tuple[Tally, ...]
    subreddits: tuple[Tally, ...]
    blogs: tuple[Tally, ...]
    terms: tuple[Tally, ...]
    reasons: tuple[Tally, ...]
    mood: tuple[MoodPeriod, ...]
    mood_unit: str  # "week" or "month"
    watches: int  # the team's active watch terms the posts were searched for

    @property
    def networks(self) -> tuple[str, ...]:
        return tuple(channel for channel, _count in self.posts_per_network)


_MARKS = re.compile(r"[\u0300-\u036f]")  # combining accents, once decomposed


def fold(text: str) -> str:
    """Lower case without accents ("Ventalía" -> "ventalia"), for counting terms and tags."""
    text = text.casefold()
    return text if text.isascii() else _MARKS.sub("", unicodedata.normalize("NFKD", text))


def _tallies(counter: Counter[str], display: dict[str, str] | None = None) -> tuple[Tally, ...]:
    ranked = sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:TOP]
    return tuple(Tally((display or {}).get(name, name), count) for name, count in ranked)


def _sum(values: Iterable[int | None]) -> int | None:
    counted = [v for v in values if v is not None]
    return sum(counted) if counted else None


def _reach(authors: Sequence[AuthorInfo], facts: list[tuple[str, PostFacts]]
           ) -> tuple[NetworkReach, ...]:
    channels = sorted({a.channel for a in authors} | {c for c, _f in facts})
    out = []
    for channel in channels:
        mine = [a for a in authors if a.channel == channel]
        posts = [f for c, f in facts if c == channel]
        reports = channel in REPORTING
        out.append(NetworkReach(
            channel, len(mine),
            sum(a.followers for a in mine) if reports and channel != "reddit" else None,
            len(posts), _sum(f.views for f in posts), _sum(f.shares for f in posts),
            _sum(f.likes for f in posts), _sum(f.replies for f in posts),
            _sum(f.score for f in posts),
            sum(1 for f in posts if any(v is not None for v in (
                f.views, f.shares, f.likes, f.replies, f.score)))))
    return tuple(out)


def _term_pattern(term: str) -> re.Pattern[str] | None:
    folded = fold(term).strip().lstrip("#")
    if not folded:
        return None
    return re.compile(rf"(?<!\w){re.escape(folded)}(?!\w)")


def count_terms(texts: Sequence[str], terms: Sequence[str]) -> tuple[Tally, ...]:
    """How many of `texts` name each watch term (case and accents ignored, whole words)."""
    patterns: dict[str, re.Pattern[str]] = {}
    for term in terms:
        pattern = _term_pattern(term)
        key = fold(term).strip().lstrip("#")
        if pattern is not None and key not in patterns:
            patterns[key] = pattern
    folded = [fold(t) for t in texts]
    found: Counter[str] = Counter()
    for key, pattern in patterns.items():
        hits = sum(1 for text in folded if pattern.search(text))
        if hits:
            found[key] = hits
    return _tallies(found)


def mood_periods(rows: Iterable[tuple[datetime, str, float]]) -> tuple[tuple[MoodPeriod, ...],
                                                                      str]:
    """Sentiment counts per week (per month past half a year) of (when, label, score) rows;
    undefined (unanalysed) posts are left out. Periods start on local Mondays (or the 1st)."""
    scored = sorted((when.astimezone(), label, value) for when, label, value in rows
                    if label in ("positive", "neutral", "negative"))
    if not scored:
        return (), "week"
    monthly = scored[-1][0] - scored[0][0] > MONTHLY_AFTER
    buckets: dict[date, list[tuple[str, float]]] = {}
    for when, label, value in scored:
        day = when.date()
        start = day.replace(day=1) if monthly else day - timedelta(days=day.weekday())
        buckets.setdefault(start, []).append((label, value))
    zone = scored[-1][0].tzinfo
    periods = tuple(MoodPeriod(
        datetime(start.year, start.month, start.day, tzinfo=zone),
        sum(1 for lab, _v in items if lab == "positive"),
        sum(1 for lab, _v in items if lab == "neutral"),
        sum(1 for lab, _v in items if lab == "negative"),
        sum(v for _lab, v in items) / len(items)) for start, items in sorted(buckets.items()))
    return periods, "month" if monthly else "week"


def posts_per_network(db: Database, author_ids: Sequence[int]) -> list[tuple[str, int]]:
    return queries.posts_per_network(db, author_ids)


def portrait(db: Database, authors: Sequence[AuthorInfo],
             limit: int = POSTS_COUNTED) -> Portrait:
    """The portrait of the person with these accounts, from their newest `limit` posts."""
    ids = [a.id for a in authors]
    per_network = queries.posts_per_network(db, ids)
    rows = queries.posts_of(db, ids, limit)
    blog_names = {i: site(url) for i, (_kind, _name, url)
                  in queries.account_names(db, [r[8] for r in rows if r[8] is not None]).items()}
    facts: list[tuple[str, PostFacts]] = []
    hashtags: Counter[str] = Counter()
    tag_shown: dict[str, str] = {}
    instances: Counter[str] = Counter()
    subreddits: Counter[str] = Counter()
    blogs: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    for _author, channel, _created, _text, raw, _label, _value, reason, account in rows:
        fact = post_facts(str(channel), raw)
        facts.append((str(channel), fact))
        for tag in dict.fromkeys(fold(t) for t in fact.hashtags):  # once per post
            hashtags[tag] += 1
        for tag in fact.hashtags:
            tag_shown.setdefault(fold(tag), "#" + tag)
        if fact.instance:
            instances[fact.instance.lower()] += 1
        if fact.subreddit:
            subreddits["r/" + fact.subreddit] += 1
        if channel in ("feed", "wordpress"):
            blog = blog_names.get(int(account)) if account is not None else None
            if blog or fact.blog:
                blogs[blog or fact.blog] += 1
        if reason and reason != "none":
            reasons[str(reason)] += 1
    mood, unit = mood_periods(
        (when, str(label), float(value or 0.0)) for when, label, value in
        ((from_db(r[0]), r[1], r[2]) for r in queries.moods(db, ids, MOOD_POSTS))
        if when is not None)
    terms = [term for term, _kind in queries.watch_terms(db)]
    return Portrait(
        posts_counted=len(rows), posts_stored=sum(c for _ch, c in per_network),
        posts_per_network=tuple(per_network), reach=_reach(authors, facts),
        hashtags=_tallies(hashtags, tag_shown), instances=_tallies(instances),
        subreddits=_tallies(subreddits), blogs=_tallies(blogs),
        terms=count_terms([str(r[3] or "") for r in rows], terms),
        reasons=_tallies(reasons), mood=mood, mood_unit=unit,
        watches=len({fold(t).strip() for t in terms}))
