"""RSS 2.0 and Atom documents -> plain entries, with feedparser.

Reads what blogs put in their feeds for comment threads: ``wfw:commentRss`` and
``slash:comments`` (RSS), ``link rel="replies"`` with ``thr:count`` and ``thr:in-reply-to``
(RFC 4685), and Blogger's ``link rel="related"`` pointing at the parent comment.

Never raises anything but :class:`FeedInvalid` (a MalformedResponse): a feed with XML
errors ("bozo") keeps every entry feedparser could read and says what was wrong in
``problem``; a document with no feed in it at all is FeedInvalid.

An author's e-mail address is never kept: it is only mixed into a hash that tells two
guests of the same name apart.
"""

from __future__ import annotations

import calendar
import contextlib
import hashlib
import io
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from console.channels.base import MalformedResponse, SkippedItem
from console.channels.urls import split_web_address
from console.i18n import translate

log = logging.getLogger(__name__)
MAX_ENTRIES = 500
MAX_URL = 2000  # an address longer than this is cut, never kept whole
_BLOGGER_FEED = re.compile(r"/feeds/(?:(posts)|(comments)|(\d+)/comments)/(?:default|summary)")
_BLOGGER_ID = re.compile(r"^(tag:blogger\.com,1999:blog-\d+)\.post-(\d+)$")
_COMMENTS_PATH = re.compile(r"/comments/(?:feed|rss|atom)(?:/|$)")
_NOREPLY = re.compile(r"(?i)^no-?reply@")


class FeedInvalid(MalformedResponse):
    """The document is not an RSS or Atom feed (or has no readable entry at all)."""


@dataclass(frozen=True)
class EntryAuthor:
    """Who wrote an entry, without the e-mail address (only ``email_hash``)."""

    name: str
    uri: str  # an http(s) address the feed gives for them, or ""
    email_hash: str  # sha256 of the lower-cased address, or ""


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed: a post, or a comment on one."""

    id: str  # atom:id / guid / link, as the feed gives it
    link: str  # http(s) only, else ""
    title: str
    html: str  # content or summary (feedparser's sanitised HTML)
    author: EntryAuthor
    published: datetime | None
    in_reply_to: str = ""  # thr:in-reply-to ref (Atom comments)
    in_reply_to_href: str = ""
    parent_comment: str = ""  # Blogger: the comment this one answers (id)
    replies_url: str = ""  # the entry's own comment feed (wfw:commentRss, rel="replies")
    comment_count: int | None = None
    tags: tuple[str, ...] = ()
    lang: str | None = None


@dataclass
class ParsedFeed:
    """A feed document: its title, link and language, and its entries in document order."""

    url: str
    version: str  # "rss20", "atom10", ...
    title: str
    link: str
    feed_id: str
    lang: str | None
    entries: list[FeedEntry] = field(default_factory=list)
    problem: str = ""  # what was malformed, when feedparser had to recover
    skipped: list[SkippedItem] = field(default_factory=list)  # entries that could not be read

    @property
    def is_blogger(self) -> bool:
        return blogger_kind(self.url) is not None or self.feed_id.startswith("tag:blogger.com")

    @property
    def is_comments(self) -> bool:
        """Whether the entries are comments (a comments feed) rather than posts."""
        kind = blogger_kind(self.url)
        if kind is not None:
            return kind == "comments"
        if _COMMENTS_PATH.search(urlsplit(self.url).path):
            return True  # WordPress' site-wide /comments/feed/ (RSS has no in-reply-to)
        if not self.entries:
            return False
        return all(entry.in_reply_to for entry in self.entries)


def blogger_kind(url: str) -> str | None:
    """``"posts"`` or ``"comments"`` for Blogger's feed address shapes, else None."""
    match = _BLOGGER_FEED.search(urlsplit(url).path)
    if match is None:
        return None
    return "posts" if match.group(1) else "comments"


def blogger_comments_url(posts_url: str) -> str:
    """Blogger's site-wide comment feed next to its posts feed."""
    parts = urlsplit(posts_url)
    path = _BLOGGER_FEED.sub("/feeds/comments/default", parts.path, count=1)
    query = f"?{parts.query}" if parts.query else ""
    return f"{parts.scheme}://{parts.netloc}{path}{query}"


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text`` for term matching."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def web_url(value: Any, base: str = "") -> str:
    """An absolute http(s) address, or "" (javascript:, data:, mailto: are dropped)."""
    if not isinstance(value, str) or not value.strip():
        return ""
    try:
        url = urljoin(base, value.strip()) if base else value.strip()
    except ValueError:
        return ""
    return url[:MAX_URL] if split_web_address(url) is not None else ""


def _text(value: Any, limit: int = 2000) -> str:
    return value[:limit] if isinstance(value, str) else ""


def _when(entry: Any) -> datetime | None:
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(name)
        if value is None:
            continue
        try:
            return datetime.fromtimestamp(calendar.timegm(value), UTC)
        except (TypeError, ValueError, OverflowError, OSError):
            continue
    return None


def _author(entry: Any, feed_author: EntryAuthor | None = None) -> EntryAuthor:
    """Who wrote ``entry``; an entry naming nobody has the feed's author (RFC 4287 §4.1.2:
    atom:feed's author applies to each entry without one)."""
    detail = entry.get("author_detail") or {}
    name = _text(detail.get("name"), 300).strip()
    email = _text(detail.get("email"), 300).strip()
    if not name:
        for item in entry.get("authors") or []:
            if isinstance(item, dict) and isinstance(item.get("name"), str):
                name = item["name"][:300].strip()
                break
    if "@" in name and " (" in name and name.endswith(")"):
        # RSS <author>mail@example (Name)</author>: keep the name, hash the address.
        address, _, rest = name.partition(" (")
        email, name = email or address, rest[:-1].strip()
    elif "@" in name and " " not in name:
        email, name = email or name, name.split("@", 1)[0]
    if _NOREPLY.match(email):
        email = ""
    digest = hashlib.sha256(email.lower().encode("utf-8")).hexdigest() if email else ""
    uri = web_url(detail.get("href"))
    if feed_author is not None and not (name or digest or uri):
        return feed_author
    return EntryAuthor(name=name, uri=uri, email_hash=digest)


def _content(entry: Any) -> str:
    for item in entry.get("content") or []:
        if isinstance(item, dict) and isinstance(item.get("value"), str) and item["value"]:
            return item["value"]
    return _text(entry.get("summary"), 400_000)


def _links(entry: Any, base: str) -> tuple[str, str, str]:
    """(alternate link, replies feed, related parent) from the entry's links."""
    alternate = replies = related = ""
    for link in entry.get("links") or []:
        if not isinstance(link, dict):
            continue
        rel, kind = link.get("rel", "alternate"), str(link.get("type") or "")
        href = web_url(link.get("href"), base)
        if not href:
            continue
        if rel == "alternate" and not alternate and kind in ("", "text/html"):
            alternate = href
        elif rel == "replies" and not replies and ("atom" in kind or "rss" in kind):
            replies = href
        elif rel == "related" and not related:
            related = href
    return alternate, replies, related


def _count(value: Any) -> int | None:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if 0 <= number < 10**9 else None


def _entry(entry: Any, base: str, feed_lang: str | None,
           feed_author: EntryAuthor | None = None) -> FeedEntry | None:
    alternate, replies, related = _links(entry, base)
    link = web_url(entry.get("link"), base) or alternate
    entry_id = _text(entry.get("id"), 1000).strip() or link
    if not entry_id:
        return None
    reply = entry.get("thr_in-reply-to") or {}
    ref = _text(reply.get("ref"), 1000).strip() if isinstance(reply, dict) else ""
    href = web_url(reply.get("href"), base) if isinstance(reply, dict) else ""
    parent = ""
    blogger = _BLOGGER_ID.match(entry_id)
    if blogger and related:
        tail = related.rstrip("/").rsplit("/", 1)[-1]
        if tail.isdigit() and f"/comments/default/{tail}" in related:
            parent = f"{blogger.group(1)}.post-{tail}"
    replies = web_url(entry.get("wfw_commentrss"), base) or replies
    count = _count(entry.get("slash_comments"))
    if count is None:
        for item in entry.get("links") or []:
            if isinstance(item, dict) and item.get("rel") == "replies":
                count = _count(item.get("thr:count") or item.get("count"))
                break
    tags = tuple(
        t["term"][:100] for t in entry.get("tags") or []
        if isinstance(t, dict) and isinstance(t.get("term"), str) and t["term"].strip()
    )[:50]
    lang = None
    for detail in (*(entry.get("content") or []), entry.get("summary_detail") or {}):
        if isinstance(detail, dict) and isinstance(detail.get("language"), str):
            lang = detail["language"]
            break
    return FeedEntry(
        id=entry_id, link=link, title=_text(entry.get("title"), 1000), html=_content(entry),
        author=_author(entry, feed_author), published=_when(entry), in_reply_to=ref,
        in_reply_to_href=href,
        parent_comment=parent, replies_url=replies, comment_count=count, tags=tags,
        lang=short_lang(lang or feed_lang),
    )


def short_lang(value: str | None) -> str | None:
    """``"es-ES"`` -> ``"es"``; None for anything that is not a language tag."""
    if not isinstance(value, str):
        return None
    head = value.strip().split("-", 1)[0].split("_", 1)[0].lower()
    return head if re.fullmatch(r"[a-z]{2,3}", head) else None


def parse_feed(content: bytes, url: str, content_type: str = "") -> ParsedFeed:
    """Parse a feed document fetched from ``url`` (relative links resolve against it)."""
    if not isinstance(content, bytes | bytearray):
        raise FeedInvalid(translate("Channels", "Feed {host}: nothing to read").format(
            host=host_of(url)))
    if not content.strip():
        raise FeedInvalid(translate(
            "Channels", "Feed {host}: the site sent an empty answer instead of a feed").format(
            host=host_of(url)))
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    try:
        # A stream, never a string: feedparser would treat a string as a URL or a path.
        parsed = feedparser.parse(io.BytesIO(bytes(content)), response_headers=headers,
                                  resolve_relative_uris=True, sanitize_html=True)
    except Exception as exc:  # feedparser is not supposed to raise; guard the engine anyway
        log.warning("feedparser failed on %s: %s", host_of(url), type(exc).__name__)
        raise FeedInvalid(translate("Channels", "Feed {host}: the document could not be read")
                          .format(host=host_of(url))) from None
    problem = ""
    if parsed.get("bozo"):
        problem = one_line_problem(parsed.get("bozo_exception"))
    version = _text(parsed.get("version"), 20)
    meta = parsed.get("feed") or {}
    raw_entries = parsed.get("entries") or []
    if not version and not raw_entries:
        # The parser's own words ("line 1: not well-formed (invalid token)") help nobody at
        # the desk: they go to the log, the agent reads what happened and what to check.
        log.info("not a feed at %s: %s", host_of(url), problem or "no entries")
        raise FeedInvalid(translate(
            "Channels", "Feed {host}: the address does not give an RSS or Atom feed, so it "
            "cannot be read. Check the feed's address in File ▸ Accounts.").format(
            host=host_of(url)))
    feed_lang = short_lang(meta.get("language"))
    result = ParsedFeed(
        url=url, version=version, title=_text(meta.get("title"), 500),
        link=web_url(meta.get("link"), url), feed_id=_text(meta.get("id"), 1000),
        lang=feed_lang, problem=problem,
    )
    seen: set[str] = set()
    # Only Atom says a feed's author is each entry's (RSS's managingEditor is not).
    feed_author = _author(meta) if version.startswith("atom") and isinstance(meta, dict) \
        else None
    for position, raw in enumerate(raw_entries[:MAX_ENTRIES]):
        name = _entry_name(raw, position)
        try:
            entry = _entry(raw, url, feed_lang, feed_author)
        except (TypeError, ValueError, AttributeError, KeyError, OverflowError) as exc:
            log.info("skipped an unreadable entry in %s: %s", host_of(url), type(exc).__name__)
            result.skipped.append(SkippedItem(name, f"unreadable ({type(exc).__name__})"))
            continue
        if entry is None:
            result.skipped.append(SkippedItem(name, "an entry with neither an id nor a link"))
        elif entry.id not in seen:
            seen.add(entry.id)
            result.entries.append(entry)
    if problem:
        log.warning("feed %s is malformed (%s); kept %d entries", host_of(url), problem,
                    len(result.entries))
    return result


def _entry_name(raw: Any, position: int) -> str:
    """How the agent is told which entry was skipped: its id or title, else its place."""
    for key in ("id", "title"):
        value = raw.get(key) if isinstance(raw, dict) else None
        if isinstance(value, str) and value.strip():
            return f"entry {value.strip()[:80]}"
    return f"entry #{position + 1}"


def one_line_problem(exc: Any) -> str:
    if exc is None:
        return "malformed feed"
    text = str(exc) or type(exc).__name__
    line = getattr(exc, "getLineNumber", None)
    if callable(line):
        with contextlib.suppress(Exception):  # SAX locators can fail after the parse
            text = f"line {line()}: {text}"
    return re.sub(r"[\x00-\x1f\x7f]+", " ", text).strip()[:200]


def host_of(url: str) -> str:
    try:
        return urlsplit(url).hostname or url[:80]
    except ValueError:
        return url[:80]
