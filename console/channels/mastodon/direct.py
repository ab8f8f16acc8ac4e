"""Replies to Mastodon direct messages: they stay direct and reach only the participants.

A direct status is delivered to the accounts it mentions, so a reply must mention the
people in the conversation (the author of the message and whoever it mentioned), and must
not mention anyone else: that person would receive the private conversation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from console.channels.base import RemoteAuthor, ReplyRefused
from console.channels.mastodon.parse import parse_account

# "@user" or "@user@domain", not inside a word, an e-mail address or a URL path.
_MENTION = re.compile(
    r"(?<![\w@/.])@([A-Za-z0-9_]+(?:@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)?)"
)


def mentioned_handles(text: str) -> list[str]:
    """Handles written in ``text`` (lower case, without the leading ``@``), in order."""
    found: list[str] = []
    for match in _MENTION.finditer(text):
        handle = match.group(1).lower()
        if handle not in found:
            found.append(handle)
    return found


def participants(status: dict[str, Any], is_brand: Callable[[RemoteAuthor], bool]) -> list[str]:
    """Handles (``acct``) of the people in a direct message, the brand left out."""
    people: list[str] = []
    author = parse_account(status.get("account"))
    if not is_brand(author):
        people.append(author.handle)
    for mention in status.get("mentions") or []:
        if not isinstance(mention, dict) or not isinstance(mention.get("acct"), str):
            continue
        acct = mention["acct"]
        brand = is_brand(RemoteAuthor("mastodon", str(mention.get("id") or ""), acct, "", ""))
        if not brand and acct.lower() not in (p.lower() for p in people):
            people.append(acct)
    return people


def direct_reply_text(status: dict[str, Any], text: str,
                      is_brand: Callable[[RemoteAuthor], bool], brand_acct: str) -> str:
    """``text`` with every participant of ``status`` mentioned; refuses any other mention."""
    people = participants(status, is_brand)
    allowed = {p.lower() for p in people} | {brand_acct.lower()}
    written = mentioned_handles(text)
    strangers = [h for h in written if h not in allowed]
    if strangers:
        names = ", ".join("@" + p for p in people) or "nobody else"
        raise ReplyRefused(
            f"A direct reply can only mention the people in the conversation ({names}); "
            f"@{strangers[0]} would receive it too, so remove that mention"
        )
    missing = [p for p in people if p.lower() not in written]
    if not missing:
        return text
    return " ".join("@" + p for p in missing) + " " + text
