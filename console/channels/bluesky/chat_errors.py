"""What the Bluesky chat service's refusals mean, in sentences an agent can act on.

Chat calls (``chat.bsky.*``) go through the PDS, which refuses them for an app password
created without "Allow access to your direct messages": HTTP 400 ``InvalidToken`` "Bad
token method" (older servers said "Bad token scope"). That is not an expired session, so
it must not trigger a refresh: it gets its own error, :class:`ChatNotAllowed`. The other
names come from the ``chat.bsky.convo`` lexicons (``getConvoForMembers``, ``sendMessage``,
``getMessages``).
"""

from __future__ import annotations

from console.channels.base import ChannelError, NotFound, ReplyRefused
from console.i18n import QT_TRANSLATE_NOOP, translate

CHAT_PREFIX = "chat.bsky."
TOGGLE = QT_TRANSLATE_NOOP("Channels", "Allow access to your direct messages")


class ChatNotAllowed(ReplyRefused):
    """The app password may not use direct messages (made without the DM option)."""


def no_dm_access(who: str) -> ChatNotAllowed:
    toggle = translate("Channels", TOGGLE)
    return ChatNotAllowed(translate(
        "Channels", "{who}: this app password has no access to direct messages; create a new "
        "one in Bluesky (Settings → Privacy and security → App passwords) with “{toggle}” "
        "ticked and enter it here").format(who=who, toggle=toggle))


def _sentence(name: str) -> str:
    sentences = {
        "MessagesDisabled": translate(
            "Channels", "{who}: this person does not accept direct messages"),
        "NotFollowedBySender": translate(
            "Channels", "{who}: this person only accepts direct messages from accounts they "
            "follow, and does not follow the brand"),
        "BlockedActor": translate(
            "Channels", "{who}: the brand account blocks this person; unblock them to send a "
            "message"),
        "BlockedSubject": translate(
            "Channels", "{who}: this person blocks the brand account; no message can reach "
            "them"),
        "AccountSuspended": translate(
            "Channels", "{who}: Bluesky has suspended direct messages for the brand account"),
        "ConvoLocked": translate(
            "Channels", "{who}: the conversation is locked; no more messages can be sent to it"),
    }
    return sentences.get(name, "")


def chat_refusal(nsid: str, status: int, name: str, message: str,
                 who: str) -> ChannelError | None:
    """The error for a refused chat call, or None when the usual handling applies."""
    if not nsid.startswith(CHAT_PREFIX) or status >= 500 or status == 429:
        return None
    lowered = message.lower()
    if name in ("InvalidToken", "AuthRequired", "AuthenticationRequired") and (
            "bad token method" in lowered or "bad token scope" in lowered):
        return no_dm_access(who)
    if name in ("RecipientNotFound", "InvalidConvo"):
        return NotFound(translate(
            "Channels", "{who}: that conversation or person is not on Bluesky any more").format(
            who=who))
    sentence = _sentence(name)
    if sentence:
        return ReplyRefused(sentence.format(who=who))
    return None
