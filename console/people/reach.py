"""What one stored post's raw payload says about its reach and where it was posted.

The channels keep the network's payload in ``mention.raw``; the counts the networks report
(Mastodon boosts and favourites, Bluesky reposts and likes, X impressions, Reddit score)
are only there, so they are read here, defensively: a payload is hostile and may lack any
field, or not be JSON at all.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

# Networks whose posts carry reach figures (the others report none).
REPORTING = ("mastodon", "bluesky", "x", "reddit")
VIEWS_REPORTED = ("x",)  # the only network here that tells how many people saw a post


@dataclass(frozen=True)
class PostFacts:
    """The figures and places one post's payload reports; None where the network is silent."""

    views: int | None = None  # people the post was shown to (X impression_count)
    shares: int | None = None  # boosts, reposts, retweets and quotes
    likes: int | None = None  # favourites, likes
    replies: int | None = None
    score: int | None = None  # Reddit's upvotes minus downvotes
    hashtags: tuple[str, ...] = ()
    instance: str = ""  # the Mastodon server the post was written on
    subreddit: str = ""
    blog: str = ""  # the blog's address, for feed and WordPress posts


def _count(value: Any) -> int | None:
    """A non-negative count, or None when the value is not one (a bool is not a count)."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return max(0, value)


def _total(*values: Any) -> int | None:
    counts = [c for c in (_count(v) for v in values) if c is not None]
    return sum(counts) if counts else None


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _tags(items: Any, key: str) -> tuple[str, ...]:
    found = []
    for item in items if isinstance(items, list) else []:
        name = _dict(item).get(key)
        if isinstance(name, str) and name.strip():
            found.append(name.strip()[:100])
    return tuple(found)


def _host(url: Any) -> str:
    if not isinstance(url, str):
        return ""
    try:
        return (urlsplit(url).hostname or "")[:200]
    except ValueError:
        return ""


def site(url: Any) -> str:
    """A blog's address without the scheme ("example.com/blog/pablo")."""
    if not isinstance(url, str):
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if not parts.hostname:
        return ""
    path = parts.path
    for tail in ("/feeds/posts/default", "/feed", "/comments/feed"):
        path = path.removesuffix(tail)
    return (parts.netloc + path.rstrip("/"))[:200]


def _mastodon(raw: dict[str, Any]) -> PostFacts:
    account = _dict(raw.get("account"))
    acct = account.get("acct")
    instance = _host(raw.get("uri")) or _host(account.get("url"))
    if not instance and isinstance(acct, str) and "@" in acct:
        instance = acct.rsplit("@", 1)[1][:200]
    return PostFacts(shares=_count(raw.get("reblogs_count")),
                     likes=_count(raw.get("favourites_count")),
                     replies=_count(raw.get("replies_count")),
                     hashtags=_tags(raw.get("tags"), "name"), instance=instance)


def _bluesky(raw: dict[str, Any]) -> PostFacts:
    tags: list[str] = []
    for facet in _dict(raw.get("record")).get("facets") or []:
        features = _dict(facet).get("features")
        tags.extend(_tags([f for f in features if _dict(f).get("$type", "").endswith("#tag")]
                          if isinstance(features, list) else [], "tag"))
    return PostFacts(shares=_total(raw.get("repostCount"), raw.get("quoteCount")),
                     likes=_count(raw.get("likeCount")), replies=_count(raw.get("replyCount")),
                     hashtags=tuple(tags))


def _x(raw: dict[str, Any]) -> PostFacts:
    data = _dict(raw.get("data")) or raw
    metrics = _dict(data.get("public_metrics"))
    return PostFacts(views=_count(metrics.get("impression_count")),
                     shares=_total(metrics.get("retweet_count"), metrics.get("quote_count")),
                     likes=_count(metrics.get("like_count")),
                     replies=_count(metrics.get("reply_count")),
                     hashtags=_tags(_dict(data.get("entities")).get("hashtags"), "tag"))


def _reddit(raw: dict[str, Any]) -> PostFacts:
    subreddit = raw.get("subreddit")
    return PostFacts(score=raw.get("score") if isinstance(raw.get("score"), int)
                     and not isinstance(raw.get("score"), bool) else None,
                     replies=_count(raw.get("num_comments")),
                     subreddit=subreddit.strip()[:100] if isinstance(subreddit, str) else "")


def _blog(raw: dict[str, Any]) -> PostFacts:
    return PostFacts(blog=site(raw.get("feed")) or site(raw.get("link")))


_READERS = {"mastodon": _mastodon, "bluesky": _bluesky, "x": _x, "reddit": _reddit,
            "feed": _blog, "wordpress": _blog}


def post_facts(channel: str, raw: str | bytes | None) -> PostFacts:
    """What the stored payload of a post on `channel` reports (empty facts when unreadable)."""
    reader = _READERS.get(channel)
    if reader is None or not raw:
        return PostFacts()
    try:
        payload = json.loads(raw)
    except (ValueError, RecursionError):
        return PostFacts()
    return reader(payload) if isinstance(payload, dict) else PostFacts()
