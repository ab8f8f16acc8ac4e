"""Untrusted post HTML: to plain text for triage and display, or sanitised for a rich view.

Both helpers take attacker-controlled input (posts, bios, feed entries). They never raise,
cap the work they do on huge input, and never let a script, an image or a non-http(s)
link through.
"""

from __future__ import annotations

import html as htmllib
import re
from html.parser import HTMLParser

import nh3

MAX_INPUT = 200_000  # characters of HTML looked at; the rest is dropped
MAX_OUTPUT = 50_000  # characters of plain text returned

ALLOWED_TAGS = {
    "p", "br", "a", "span", "b", "i", "em", "strong", "ul", "ol", "li", "blockquote", "code",
    "pre",
}  # fmt: skip
ALLOWED_CLASSES = {
    "span": {"invisible", "ellipsis", "h-card"},
    "a": {"mention", "hashtag", "u-url"},
}
_BLOCKS = {
    "p", "div", "li", "ul", "ol", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6",
    "tr", "table", "section", "article", "header", "footer", "dd", "dt", "figure",
}  # fmt: skip
_CELLS = {"td", "th"}  # a table's cells: a space apart, so their words never run together
_DROP_CONTENT = {"script", "style", "template", "noscript", "iframe", "object", "svg", "math"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class _TextParser(HTMLParser):
    """Collects text, turning ``<br>`` into a newline and blocks into paragraphs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.size = 0
        self.skip = 0
        self.pre = 0

    def _emit(self, text: str) -> None:
        if self.size < MAX_OUTPUT:
            self.parts.append(text)
            self.size += len(text)

    def _gap(self) -> None:
        """A space unless the text already ends in white space (between table cells)."""
        if self.parts and not self.parts[-1][-1:].isspace():
            self._emit(" ")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP_CONTENT:
            self.skip += 1
        elif tag == "br":
            self._emit("\n")
        elif tag in _BLOCKS:
            self._emit("\n\n")
            if tag == "pre":
                self.pre += 1
        elif tag in _CELLS:
            self._gap()
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt and not self.skip:
                self._emit(alt)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _DROP_CONTENT:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP_CONTENT:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCKS:
            self._emit("\n\n")
            if tag == "pre":
                self.pre = max(0, self.pre - 1)
        elif tag in _CELLS:
            self._gap()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if not self.pre:
            data = re.sub(r"\s+", " ", data)
        self._emit(data)


def _tidy(text: str) -> str:
    text = _CONTROL.sub("", text).replace("\r", "")
    lines = [line.strip(" \t") for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()[:MAX_OUTPUT]


def to_plain_text(html: str) -> str:
    """Readable plain text of an HTML fragment: paragraphs separated by a blank line,
    ``<br>`` as a newline, entities decoded, scripts and styles dropped. Never raises."""
    try:
        if not isinstance(html, str) or not html:
            return ""
        parser = _TextParser()
        parser.feed(html[:MAX_INPUT])
        parser.close()
        return _tidy("".join(parser.parts))
    except Exception:
        try:
            stripped = re.sub(r"<[^>]{0,2000}>", " ", str(html)[:MAX_INPUT])
            return _tidy(htmllib.unescape(stripped))
        except Exception:
            return ""


_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)[^>]*?(/?)>")
_VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "area", "base", "col", "source"}
MAX_DEPTH = 500


def _too_deep(html: str) -> bool:
    """Whether tags nest deeper than MAX_DEPTH (html5ever is quadratic on that)."""
    depth = 0
    for match in _TAG.finditer(html):
        closing, name, selfclosing = match.groups()
        if closing:
            depth = max(0, depth - 1)
        elif not selfclosing and name.lower() not in _VOID:
            depth += 1
            if depth > MAX_DEPTH:
                return True
    return False


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        return value if re.match(r"(?i)^\s*https?://", value) else None
    return value


def sanitize(html: str) -> str:
    """An allow-listed copy of an HTML fragment, safe for a read-only rich-text view:
    paragraphs, line breaks, emphasis, lists, quotes, code, spans and http(s) links
    (``rel="noopener noreferrer nofollow"``). No images, scripts, styles or event handlers."""
    try:
        if not isinstance(html, str) or not html:
            return ""
        if _too_deep(html[:MAX_INPUT]):
            return "<p>" + htmllib.escape(to_plain_text(html)) + "</p>"
        return nh3.clean(
            html[:MAX_INPUT],
            tags=ALLOWED_TAGS,
            clean_content_tags=_DROP_CONTENT,
            attributes={"a": {"href"}},
            allowed_classes={"span": ALLOWED_CLASSES["span"]},
            attribute_filter=_keep_attribute,
            url_schemes={"http", "https"},
            link_rel="noopener noreferrer nofollow",
            strip_comments=True,
        )
    except BaseException as exc:  # nh3 reports Rust panics as a BaseException
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        return "<p>" + htmllib.escape(to_plain_text(html)) + "</p>"
