"""Whether a reply may leave: the channel's rules applied to one mention and one text.

The channel says what a reply may be (:class:`ReplyRules`: unit and limit, allowed at all,
visibility, a reply window, by hand only). This module applies them to a given mention
(its time, for the window) and text, and words the reason when the answer is no, the same
for the composer, the CLI and :class:`console.services.ReplyService`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from console.channels.base import ReplyRules
from console.i18n import translate


def window_text(seconds: float) -> str:
    hours = seconds / 3600
    if hours >= 48 and hours % 24 == 0:
        return translate("ReplyRules", "{n} days").format(n=int(hours // 24))
    if hours >= 1:
        return translate("ReplyRules", "{n} hours").format(n=f"{hours:g}")
    return translate("ReplyRules", "{n} minutes").format(n=max(1, round(seconds / 60)))


def unit_name(unit: str) -> str:
    """A channel's length unit (characters, graphemes) in the console's language."""
    if unit == "characters":
        return translate("ReplyRules", "characters")
    if unit == "graphemes":
        return translate("ReplyRules", "graphemes")
    if unit == "weighted":
        return translate("ReplyRules", "weighted characters")
    return unit


def for_mention(rules: ReplyRules, posted_at: datetime, now: datetime) -> ReplyRules:
    """The rules for a reply to a post made at `posted_at`: closed once its window passed."""
    if not rules.can_reply or rules.window_seconds is None:
        return rules
    closes = posted_at + timedelta(seconds=rules.window_seconds)
    if now <= closes:
        return rules
    when = closes.astimezone().strftime("%Y-%m-%d %H:%M")
    return replace(rules, can_reply=False, reason=translate(
        "ReplyRules", "The reply window of this channel ({window} after the customer's "
        "message) closed on {when}.").format(window=window_text(rules.window_seconds),
                                             when=when))


def closes_at(rules: ReplyRules, posted_at: datetime) -> datetime | None:
    if rules.window_seconds is None:
        return None
    return posted_at + timedelta(seconds=rules.window_seconds)


def over_limit(over: int, unit: str, limit: int) -> str:
    """"The reply is 1 character over the limit of 500." (singular and plural)."""
    if unit == "characters":
        text = (translate("ReplyRules", "The reply is 1 character over the limit of {limit}.")
                if over == 1 else translate(
                    "ReplyRules", "The reply is {over} characters over the limit of {limit}."))
    elif unit == "graphemes":
        text = (translate("ReplyRules", "The reply is 1 grapheme over the limit of {limit}.")
                if over == 1 else translate(
                    "ReplyRules", "The reply is {over} graphemes over the limit of {limit}."))
    elif unit == "weighted":
        text = (translate("ReplyRules",
                          "The reply is 1 weighted character over the limit of {limit}.")
                if over == 1 else translate(
                    "ReplyRules",
                    "The reply is {over} weighted characters over the limit of {limit}."))
    else:
        return translate("ReplyRules", "The reply is {over} {unit} over the limit of "
                                       "{limit}.").format(over=over, unit=unit_name(unit),
                                                          limit=limit)
    return text.format(over=over, limit=limit)


def refusal(text: str, rules: ReplyRules) -> str:
    """Why `text` cannot be sent under `rules` (one sentence), or "" when it can."""
    if not rules.can_reply:
        return rules.reason or translate("ReplyRules",
                                         "This channel does not allow a reply here.")
    if not text.strip():
        return translate("ReplyRules", "The reply is empty.")
    used = rules.measure(text)
    if used > rules.limit:
        return over_limit(used - rules.limit, rules.unit, rules.limit)
    if rules.max_bytes is not None:
        size = len(text.encode("utf-8"))
        if size > rules.max_bytes:
            return translate("ReplyRules", "The reply is {over} bytes over this channel's "
                                           "limit of {limit} bytes.").format(
                over=size - rules.max_bytes, limit=rules.max_bytes)
    return ""
