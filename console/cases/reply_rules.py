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


def window_text(seconds: float) -> str:
    hours = seconds / 3600
    if hours >= 48 and hours % 24 == 0:
        return f"{int(hours // 24)} days"
    if hours >= 1:
        return f"{hours:g} hours"
    return f"{max(1, round(seconds / 60))} minutes"


def for_mention(rules: ReplyRules, posted_at: datetime, now: datetime) -> ReplyRules:
    """The rules for a reply to a post made at `posted_at`: closed once its window passed."""
    if not rules.can_reply or rules.window_seconds is None:
        return rules
    closes = posted_at + timedelta(seconds=rules.window_seconds)
    if now <= closes:
        return rules
    when = closes.astimezone().strftime("%Y-%m-%d %H:%M")
    return replace(rules, can_reply=False, reason=(
        f"The reply window of this channel ({window_text(rules.window_seconds)} after the "
        f"customer's message) closed on {when}."))


def closes_at(rules: ReplyRules, posted_at: datetime) -> datetime | None:
    if rules.window_seconds is None:
        return None
    return posted_at + timedelta(seconds=rules.window_seconds)


def refusal(text: str, rules: ReplyRules) -> str:
    """Why `text` cannot be sent under `rules` (one sentence), or "" when it can."""
    if not rules.can_reply:
        return rules.reason or "This channel does not allow a reply here."
    if not text.strip():
        return "The reply is empty."
    used = rules.measure(text)
    if used > rules.limit:
        return (f"The reply is {used - rules.limit} {rules.unit} over the limit of "
                f"{rules.limit}.")
    if rules.max_bytes is not None:
        size = len(text.encode("utf-8"))
        if size > rules.max_bytes:
            return (f"The reply is {size - rules.max_bytes} bytes over this channel's limit "
                    f"of {rules.max_bytes} bytes.")
    return ""
