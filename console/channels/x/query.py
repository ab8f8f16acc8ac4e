"""A watch in X's search query syntax, and the posts an account read this month.

Query: the term (a ``#hashtag``, a word, or a quoted phrase), ``lang:xx`` for the watch's
language, ``-word`` for each excluded term, ``-is:retweet`` (a repost says nothing new)
and ``-from:<brand>`` (the brand's own posts are no customer's). Recent search takes at
most 512 characters on self-serve access.

Reads: X bills every post a request returns (owned reads such as the brand's mentions
cost less than search). :class:`ReadMeter` counts them per calendar month (UTC), kept in
the account's settings (``x_reads``), with an optional monthly budget (``x_read_budget``)
that stops the keyword search when spent; mentions keep flowing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from console.channels.base import ChannelError, WatchSpec
from console.i18n import translate

MAX_QUERY = 512
_LANG = re.compile(r"^[a-z]{2,3}$")
_WORD = re.compile(r"^[\w'’.-]+$")


def _quoted(text: str) -> str:
    text = " ".join(text.replace('"', " ").split())
    return text if _WORD.match(text) and not text.startswith("-") else f'"{text}"'


def build_query(watch: WatchSpec, brand_username: str = "") -> str:
    """The recent-search query of a watch (ChannelError when X would refuse it)."""
    term = watch.term.strip()
    if watch.kind == "hashtag" or term.startswith("#"):
        tag = term.lstrip("#").strip()
        if not tag or not re.match(r"^\w+$", tag):
            raise ChannelError(translate(
                "Channels", "X: {term} is not a hashtag X can search").format(term=term[:80]))
        parts = [f"#{tag}"]
    else:
        if not term.replace('"', "").strip():
            raise ChannelError(translate("Channels", "X: a watch term cannot be empty"))
        parts = [_quoted(term)]
    lang = (watch.lang or "").strip().lower()
    if lang and _LANG.match(lang):
        parts.append(f"lang:{lang}")
    parts.extend(f"-{_quoted(word)}" for word in watch.exclude if word.replace('"', "").strip())
    parts.append("-is:retweet")
    if brand_username:
        parts.append(f"-from:{brand_username}")
    query = " ".join(parts)
    if len(query) > MAX_QUERY:
        raise ChannelError(translate(
            "Channels", "X: the watch {term} makes a search longer than {limit} characters; "
            "exclude fewer words").format(term=term[:80], limit=MAX_QUERY))
    return query


def month_of(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m")


def next_month(month: str) -> str:
    """The first day of the month after ``month`` ("2026-08" -> "2026-09-01")."""
    year, number = (int(part) for part in month.split("-"))
    year, number = (year + 1, 1) if number == 12 else (year, number + 1)
    return f"{year:04d}-{number:02d}-01"


class ReadMeter:
    """Posts read this month by one account (mentions and search), and its budget."""

    def __init__(self, settings: Mapping[str, Any],
                 now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.now = now
        kept = settings.get("x_reads")
        kept = kept if isinstance(kept, dict) else {}
        month = kept.get("month")
        self.month = month if isinstance(month, str) else month_of(now())
        self.posts = self._count(kept.get("posts"))
        self.search = self._count(kept.get("search"))
        budget = settings.get("x_read_budget")
        self.budget = budget if isinstance(budget, int) and not isinstance(
            budget, bool) and budget > 0 else None
        self.changed = False
        self._roll()

    @staticmethod
    def _count(value: Any) -> int:
        return value if isinstance(value, int) and not isinstance(value, bool) and \
            value >= 0 else 0

    def _roll(self) -> None:
        month = month_of(self.now())
        if month != self.month:
            self.month, self.posts, self.search, self.changed = month, 0, 0, True

    def add(self, posts: int, *, search: bool) -> None:
        if posts <= 0:
            return
        self._roll()
        self.posts += posts
        if search:
            self.search += posts
        self.changed = True

    def left(self) -> int | None:
        """Posts the budget still allows this month (None: no budget)."""
        self._roll()
        return None if self.budget is None else max(0, self.budget - self.posts)

    @property
    def spent(self) -> bool:
        left = self.left()
        return left is not None and left <= 0

    def settings(self) -> dict[str, Any]:
        """What to keep in the account's settings (only when it changed)."""
        if not self.changed:
            return {}
        self.changed = False
        return {"x_reads": {"month": self.month, "posts": self.posts, "search": self.search}}

    def note(self) -> str:
        """The account status line: the posts read this month, and the budget."""
        self._roll()
        if self.budget is None:
            return translate("Channels", "{n} posts read from X this month").format(
                n=f"{self.posts:,}")
        if self.spent:
            return translate(
                "Channels", "the read budget of {budget} posts this month is spent: keyword "
                "search stops until {day} (mentions keep coming)").format(
                budget=f"{self.budget:,}", day=next_month(self.month))
        return translate("Channels", "{n} of {budget} posts read from X this month").format(
            n=f"{self.posts:,}", budget=f"{self.budget:,}")
