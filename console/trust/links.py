"""The links of a post, found without handing its HTML to a renderer.

A post is shown as its plain text; the links it carried (from the sanitised HTML, and bare
``http(s)://`` addresses in the text) become marked spans of that text. Only http and https
addresses with a host are ever links: ``javascript:``, ``file:``, ``data:`` and friends stay
plain words. The agent still confirms a link before the browser opens it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

MAX_LINKS = 500  # per post: a post with more is shown with the rest as plain text
MAX_HTML = 200_000
_BARE_URL = re.compile(r"https?://[^\s<>\"'\u00a0]+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}'\"»…"


@dataclass(frozen=True)
class Segment:
    """A run of a post's text, and the address it links to (None: plain text)."""

    text: str
    href: str | None = None


def safe_href(url: str) -> str | None:
    """``url`` when it is an absolute http(s) address with a host, else None."""
    url = (url or "").strip()
    if not url or len(url) > 4000 or any(ord(ch) < 32 or ch == "\x7f" for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


class _Anchors(HTMLParser):
    """Collects (visible text, href) of every ``<a href>`` in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href = dict(attrs).get("href") or None
            self._text = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            if len(self.found) < MAX_LINKS:
                self.found.append((" ".join("".join(self._text).split()), self._href))
            self._href = None

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)


def anchors(html: str) -> list[tuple[str, str]]:
    """(visible text, href) of the http(s) links of an HTML fragment. Never raises."""
    if not html:
        return []
    parser = _Anchors()
    try:
        parser.feed(html[:MAX_HTML])
        parser.close()
    except Exception:  # malformed markup: keep what was found
        pass
    return [(text, href) for text, href in parser.found
            if text and (safe := safe_href(href)) is not None and safe == href.strip()]


def _bare_urls(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    found = []
    for match in _BARE_URL.finditer(text, start, end):
        url = match.group(0).rstrip(_TRAILING)
        if safe_href(url):
            found.append((match.start(), match.start() + len(url), url))
    return found


def segments(text: str, html: str = "") -> list[Segment]:
    """``text`` cut into plain runs and link runs (links from ``html``, then bare URLs)."""
    spans: list[tuple[int, int, str]] = []
    position = 0
    for label, href in anchors(html):
        where = text.find(label, position)
        if where < 0:
            continue
        spans.append((where, where + len(label), href))
        position = where + len(label)
    covered: list[tuple[int, int, str]] = []
    cursor = 0
    for start, end, href in [*spans, (len(text), len(text), "")]:
        covered.extend(_bare_urls(text, cursor, start))
        if href:
            covered.append((start, end, href))
        cursor = end
    covered = covered[:MAX_LINKS]
    out: list[Segment] = []
    cursor = 0
    for start, end, href in covered:
        if start > cursor:
            out.append(Segment(text[cursor:start]))
        out.append(Segment(text[start:end], href))
        cursor = end
    if cursor < len(text):
        out.append(Segment(text[cursor:]))
    return out
