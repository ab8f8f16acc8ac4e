"""Plain script text -> Mastodon-style HTML ``content``, search folding and length counting.

Mastodon escapes the text, wraps paragraphs in ``<p>``, turns single newlines into
``<br />``, mentions into ``h-card`` spans, hashtags into tag links and URLs into links whose
scheme and tail sit in ``span.invisible`` (the visible middle is cut at 30 characters with
``span.ellipsis``). The sandbox does the same.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

_URL = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
_MENTION = re.compile(r"(?<![\w@/])@([A-Za-z0-9_]+)(?:@([A-Za-z0-9.\-]+\.[A-Za-z]{2,}))?")
_HASHTAG = re.compile(r"(?<![\w/#&])#(\w*[^\W\d_]\w*)")
_TOKEN = re.compile(f"{_URL.pattern}|{_MENTION.pattern}|{_HASHTAG.pattern}", re.IGNORECASE)
_TRAILING = ".,;:!?)]}'\""


@dataclass(frozen=True)
class MentionRef:
    """An ``@username`` or ``@username@domain`` token found in text."""

    username: str
    domain: str | None


def hashtags(text: str) -> list[str]:
    """Hashtags in ``text`` without '#', first spelling kept, case-insensitively unique."""
    seen: dict[str, str] = {}
    for match in _HASHTAG.finditer(text):
        seen.setdefault(match.group(1).lower(), match.group(1))
    return list(seen.values())


def mentions(text: str) -> list[MentionRef]:
    """``@user`` and ``@user@domain`` tokens in ``text``."""
    return [MentionRef(m.group(1), m.group(2)) for m in _MENTION.finditer(text)]


def _link(url: str) -> str:
    scheme, rest = url.split("://", 1)
    prefix = scheme + "://"
    if rest.lower().startswith("www."):
        prefix, rest = prefix + rest[:4], rest[4:]
    shown, tail = rest[:30], rest[30:]
    middle = (
        f'<span class="ellipsis">{html.escape(shown)}</span>'
        if tail
        else f'<span class="">{html.escape(shown)}</span>'
    )
    return (
        f'<a href="{html.escape(url)}" target="_blank" rel="nofollow noopener" translate="no">'
        f'<span class="invisible">{html.escape(prefix)}</span>{middle}'
        f'<span class="invisible">{html.escape(tail)}</span></a>'
    )


def _paragraph(
    text: str, profile_url: Callable[[str, str | None], str | None], tag_url: Callable[[str], str]
) -> str:
    out: list[str] = []
    pos = 0
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        end = match.end()
        if token.lower().startswith(("http://", "https://")):
            while token and token[-1] in _TRAILING:
                token = token[:-1]
                end -= 1
            replacement = _link(token)
        elif token.startswith("@"):
            ref = _MENTION.match(token)
            assert ref is not None
            url = profile_url(ref.group(1), ref.group(2))
            if url is None:
                continue
            replacement = (
                f'<span class="h-card" translate="no"><a href="{html.escape(url)}" '
                f'class="u-url mention">@<span>{html.escape(ref.group(1))}</span></a></span>'
            )
        else:
            name = token[1:]
            replacement = (
                f'<a href="{html.escape(tag_url(name))}" class="mention hashtag" rel="tag">'
                f"#<span>{html.escape(name)}</span></a>"
            )
        out.append(html.escape(text[pos : match.start()], quote=False))
        out.append(replacement)
        pos = end
    out.append(html.escape(text[pos:], quote=False))
    return "".join(out).replace("\n", "<br />")


def render_content(
    text: str,
    profile_url: Callable[[str, str | None], str | None],
    tag_url: Callable[[str], str],
) -> str:
    """The HTML ``content`` Mastodon would serve for plain ``text``."""
    text = text.replace("\r\n", "\n").strip()
    paragraphs = [p.strip("\n") for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(f"<p>{_paragraph(p, profile_url, tag_url)}</p>" for p in paragraphs)


def tag_path(name: str) -> str:
    return "/tags/" + quote(name, safe="")


def fold(text: str) -> str:
    """Case- and accent-insensitive form for search matching."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold()


def matches_query(text: str, query: str) -> bool:
    """Every word of ``query`` occurs in ``text`` (folded)."""
    words = fold(query).split()
    haystack = fold(text)
    return bool(words) and all(w in haystack for w in words)


def status_length(text: str) -> int:
    """Length the way Mastodon counts it: URLs count 23, remote mentions count the username.

    Grapheme clusters are approximated: combining marks, variation selectors, skin-tone
    modifiers and characters joined by ZWJ do not add to the count.
    """
    text = _URL.sub("x" * 23, text)
    text = _MENTION.sub(lambda m: "@" + m.group(1), text)
    count = 0
    joined = False
    for char in text:
        code = ord(char)
        if char == "\u200d":
            joined = True
            continue
        if joined:
            joined = False
            continue
        if unicodedata.combining(char) or 0xFE00 <= code <= 0xFE0F or 0x1F3FB <= code <= 0x1F3FF:
            continue
        count += 1
    return count
