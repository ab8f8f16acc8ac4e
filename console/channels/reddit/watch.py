"""A watch as Reddit reads it: its words, and the subreddits it names (``r/NAME``).

``brisa r/Ventalia r/consumo_es`` searches posts for "brisa" in those two subreddits
(``/r/Ventalia+consumo_es/search?restrict_sr=1``) and reads their newest comments,
keeping the ones that say "brisa" (Reddit's search finds posts, not comments). A watch
naming no subreddit searches all of Reddit's posts. Matching ignores case and accents;
the watch's excluded words drop an item here, since Reddit's search has no language or
exclusion filter Posventa can rely on.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from console.channels.base import WatchSpec

MAX_QUERY = 512  # Reddit refuses a longer q
_SUBREDDIT = re.compile(r"(?<!\S)/?r/([A-Za-z0-9][A-Za-z0-9_]{1,20})(?!\S)")


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class RedditWatch:
    """What one watch asks of Reddit."""

    words: str  # the search words, without the subreddit names
    subreddits: tuple[str, ...]
    exclude: tuple[str, ...]

    @property
    def query(self) -> str:
        return self.words[:MAX_QUERY]

    @property
    def site(self) -> str:
        """``/r/A+B`` for a watch naming subreddits, "" for all of Reddit."""
        return "/r/" + "+".join(self.subreddits) if self.subreddits else ""

    def matches(self, text: str) -> bool:
        """The watch's words as a phrase of whole words in ``text``, and no excluded word."""
        folded = fold(text)
        term = fold(self.words)
        if not term or not re.search(rf"(?<!\w){re.escape(term)}(?!\w)", folded):
            return False
        return not self.excluded(folded)

    def excluded(self, folded: str) -> bool:
        return any(fold(word) in folded for word in self.exclude if word.strip())


def read_watch(watch: WatchSpec) -> RedditWatch:
    names = tuple(dict.fromkeys(m.group(1) for m in _SUBREDDIT.finditer(watch.term)))
    words = " ".join(_SUBREDDIT.sub(" ", watch.term).split()).lstrip("#")
    return RedditWatch(words, names[:20], tuple(watch.exclude))
