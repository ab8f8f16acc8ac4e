"""What every network module speaks: plain dataclasses, the Channel protocol and errors.

A channel knows one network's API. It returns these dataclasses (never peewee rows or Qt
objects) and raises :class:`ChannelError` subclasses whose ``str()`` is a sentence an agent
can read. The sync engine is the only caller.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol, runtime_checkable
from urllib.parse import urlsplit

import regex

from console.channels.weighted import count_weighted
from console.trust.unicode import storable

# Sources a mention can be found by (a mention found by two routes remembers both).
SOURCES = ("mention", "keyword", "hashtag", "direct", "comment")
_GRAPHEME = regex.compile(r"\X")


@dataclass(frozen=True)
class ProfileField:
    """One name/value pair of a profile (Mastodon ``fields``); value is plain text."""

    name: str
    value: str
    verified: bool = False


@dataclass(frozen=True)
class RemoteAuthor:
    """One account on one network, as the network describes it."""

    channel: str
    remote_id: str
    handle: str  # e.g. "ana" (local) or "ana@mastodon.example"
    display_name: str  # plain text, attacker-controlled
    url: str
    followers: int = 0
    bio: str = ""  # plain text (HTML stripped), attacker-controlled
    avatar_url: str = ""
    bot: bool = False
    fields: tuple[ProfileField, ...] = ()
    raw: dict[str, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)
    # Where ``remote_id`` is unique (see :func:`server_of`); "" when nobody knows.
    server: str = ""


@dataclass(frozen=True)
class RemotePost:
    """One post, comment or direct message, as found on a network."""

    channel: str
    remote_id: str
    url: str
    author: RemoteAuthor
    text: str  # plain text
    html: str  # the network's HTML (unsanitised; the store keeps a sanitised copy)
    created_at: datetime  # timezone-aware UTC
    source: str  # one of SOURCES
    visibility: str = "public"  # public|unlisted|private|direct
    in_reply_to: str | None = None  # remote id of the parent post
    in_reply_to_author: str | None = None  # remote id of the parent's author
    thread_root: str | None = None  # remote id of the root, when known
    lang: str | None = None  # language the network reports, if any
    mentions: tuple[str, ...] = ()  # handles mentioned in the post
    tags: tuple[str, ...] = ()  # hashtags, without '#'
    watch_id: int | None = None  # the watch that found it (keyword/hashtag hits)
    raw: dict[str, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)
    # Where ``remote_id`` is unique: two Mastodon servers number their posts alike.
    server: str = ""


def server_of(url: str) -> str:
    """The server part of a post's key: the lower-cased host (and port) of ``url``.

    Mastodon and WordPress number posts per server, so their ids are only unique together
    with it; console/store/migrations.py v5 computes the same value in SQL for old rows.
    """
    try:
        netloc = urlsplit(url.strip()).netloc
    except ValueError:
        return ""
    return netloc.rpartition("@")[2].lower()


@dataclass(frozen=True)
class SkippedItem:
    """One item of a page that could not be read: skipped, so the rest of the page is kept.

    ``item`` names it for the agent ("status 1234", "item 3"); ``reason`` says what was
    wrong with it (the MalformedResponse sentence).
    """

    item: str
    reason: str


@dataclass
class PullResult:
    """Posts found by one pull, and the cursor to save with them in one transaction.

    ``skipped`` lists the items that could not be read; the cursor still moves past them,
    so one bad item never blocks its account.
    """

    posts: list[RemotePost]
    cursor: str | None  # the new cursor value (None: unchanged)
    skipped: list[SkippedItem] = field(default_factory=list)


@dataclass(frozen=True)
class InstanceInfo:
    """What the composer and the engine need to know about a server."""

    title: str
    version: str
    max_characters: int


@dataclass(frozen=True)
class ReplyRules:
    """What a reply to one post on one channel may be."""

    unit: str  # "characters" | "graphemes" | "weighted" (X: console/channels/weighted.py)
    limit: int
    can_reply: bool = True
    reason: str = ""  # why a reply is not possible, shown to the agent
    visibility: str = "public"  # the visibility a reply will get
    max_bytes: int | None = None  # a second cap on the UTF-8 size (Bluesky: 3000)
    # Seconds after the customer's message during which a reply is allowed (Messenger: 24 h).
    window_seconds: float | None = None
    # The API cannot post here (Blogger comments): the agent replies in the browser, and
    # the console copies the text to the clipboard and records the reply.
    manual: bool = False
    # What the agent may choose instead of a public reply: continuing in private (Bluesky: a
    # direct message to the author, when they accept messages). None: no such choice.
    private: ReplyRules | None = None

    def measure(self, text: str) -> int:
        """How much of ``limit`` ``text`` uses, counted in this rule's ``unit``."""
        if self.unit == "weighted":
            return count_weighted(text)
        return count_graphemes(text) if self.unit == "graphemes" else len(text)


def count_graphemes(text: str) -> int:
    """User-perceived characters (Unicode extended grapheme clusters, UAX #29).

    A family emoji joined with ZWJ, a flag, a skin-toned hand, "e" plus a combining
    accent or a Hangul syllable built from jamo each count once.
    """
    return len(_GRAPHEME.findall(text))


@dataclass(frozen=True)
class SentReply:
    """What the network answered when a reply was posted."""

    remote_id: str
    url: str
    created_at: datetime
    raw: dict[str, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)


@dataclass(frozen=True)
class BrandReply:
    """A post by the brand account found in a thread (the pre-send re-read)."""

    remote_id: str
    created_at: datetime
    url: str = ""
    via: str = ""  # the application that posted it, when the network says
    text: str = ""  # its plain text, when the network gives it (finding our own reply)


@dataclass(frozen=True)
class WatchSpec:
    """A tracked term as a channel sees it."""

    id: int
    term: str
    kind: str = "keyword"  # keyword|hashtag
    lang: str | None = None
    exclude: tuple[str, ...] = ()


_SPACES = re.compile(r"\s+")
MESSAGE_LIMIT = 1000  # characters of one error message


def readable(text: str, limit: int = 200) -> str:
    """Text from a server fit for a message (a status line, stderr): one line, at most
    ``limit`` characters, without control characters, bidi overrides, marks and isolates,
    or other invisible format characters (U+202E would turn the rest of the line around)."""
    text = storable(text[:limit * 4])
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if category == "Cf":
            continue
        kept.append(" " if category in ("Cc", "Zl", "Zp") else ch)
    line = _SPACES.sub(" ", "".join(kept)).strip()
    return line if len(line) <= limit else line[:limit - 1].rstrip() + "…"


class ChannelError(Exception):
    """A network problem, with a message an agent can read (never a token).

    The message is made :func:`readable` here, once for every network: whatever part of it
    a server wrote cannot reach a status line or stderr with control or bidi characters.
    """

    retryable = False

    def __init__(self, message: str = "", *args: object) -> None:
        super().__init__(readable(message, MESSAGE_LIMIT) if isinstance(message, str)
                         else message, *args)


class AuthError(ChannelError):
    """The network rejected the credentials (401/403): the agent must sign in again."""


class NotFound(ChannelError):
    """The thing asked for does not exist (404/410)."""


class NetworkError(ChannelError):
    """The network could not be reached (DNS, refused, TLS, timeout)."""

    retryable = True


class ServerError(ChannelError):
    """The server failed (5xx) after our retries."""

    retryable = True


class RateLimited(ChannelError):
    """The network asked us to slow down; ``retry_after`` seconds until it allows more."""

    retryable = True

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class MalformedResponse(ChannelError):
    """The server answered something that is not what its API documents."""

    retryable = True


class ReplyRefused(ChannelError):
    """The network refused the reply itself (422: too long, thread closed, ...)."""


class Secrets(Protocol):
    """What a channel may read and renew of its account's secrets (a Bluesky refresh token,
    an OAuth token); the keyring behind it is console/app/secrets.py."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...


class StaticSecrets:
    """Secrets held in a dict: for probing credentials before an account exists (what the
    channel renews meanwhile is read back from ``values`` to keep it)."""

    def __init__(self, values: dict[str, str] | None = None) -> None:
        self.values = dict(values or {})
        self.account_id = 0

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self.values[name] = value


@runtime_checkable
class Channel(Protocol):
    """One network account the engine can pull from and reply through."""

    kind: str

    def instance_info(self) -> InstanceInfo: ...

    def verify(self) -> RemoteAuthor:
        """Check the credentials and return the brand account itself."""
        ...

    def pull_mentions(self, cursor: str | None) -> PullResult: ...

    def pull_watch(self, watch: WatchSpec, cursor: str | None) -> PullResult: ...

    def send_reply(
        self, *, text: str, in_reply_to: str, visibility: str, idempotency_key: str
    ) -> SentReply: ...

    def reply_rules(self, post_visibility: str) -> ReplyRules: ...

    def close(self) -> None: ...


@runtime_checkable
class ThreadReader(Protocol):
    """A channel that can re-read a thread just before a reply leaves (collision check).

    Optional: the outbox asks ``isinstance(channel, ThreadReader)`` and skips the check for
    channels without it (the reply is then sent without the re-read).

    The outbox also reads the thread before sending again a reply whose earlier attempt's
    outcome is unknown, unless the channel's class says ``lasting_idempotency = True``:
    a retry with the same idempotency key can never post twice, however late (Mastodon
    forgets a key after an hour, so it does not say so).
    """

    def brand_replies_since(self, post_remote_id: str, since: datetime) -> list[BrandReply]:
        """Posts by the brand account in the thread of ``post_remote_id`` created after
        ``since`` (timezone-aware UTC), oldest first."""
        ...


def idempotency_lasts(channel: object, visibility: str) -> bool:
    """Whether a retry of a reply of ``visibility`` through ``channel`` can never post twice,
    however late: the channel's ``idempotency_lasts(visibility)`` when it has one (Bluesky:
    posts yes, direct messages no), else its class's ``lasting_idempotency``."""
    per_visibility = getattr(channel, "idempotency_lasts", None)
    if callable(per_visibility):
        return bool(per_visibility(visibility))
    return bool(getattr(channel, "lasting_idempotency", False))
