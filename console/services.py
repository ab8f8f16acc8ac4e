"""The small service API the UI and the CLI call: reads, drafts, replies, accounts.

Each service is a thin, thread-safe face over the store and the engine, so widgets never
run SQL or HTTP themselves. Calls that reach the network (`AccountService.add_mastodon`)
must be run off the GUI thread by the caller.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

from console.channels.base import ChannelError, ReplyRules
from console.channels.registry import open_channel
from console.secrets import SecretStore, StaticSecrets
from console.store import accounts, feed, mentions, outbox
from console.store.accounts import AccountInfo
from console.store.db import Store
from console.store.feed import FeedFilter, FeedRow
from console.store.mentions import AuthorInfo, MentionDetail, TimelineItem
from console.store.outbox import ReplyInfo
from console.sync.engine import Engine


class InvalidInput(ValueError):
    """Something the agent typed cannot be used; the message says why."""


class FeedService:
    """Pages of the feed and single rows for incremental inserts."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def page(self, flt: FeedFilter, after: FeedRow | None = None,
             limit: int = 200) -> list[FeedRow]:
        return feed.feed_page(self.store.db, flt, after, limit)

    def rows(self, ids: list[int], flt: FeedFilter | None = None) -> list[FeedRow]:
        return feed.feed_rows(self.store.db, ids, flt)

    def count(self, flt: FeedFilter) -> int:
        return feed.count(self.store.db, flt)

    def channels(self) -> list[str]:
        # A loose index scan: one index seek per channel instead of reading every row.
        return [r[0] for r in self.store.db.execute_sql(
            "WITH RECURSIVE c(ch) AS (SELECT min(channel) FROM mention UNION ALL "
            "SELECT (SELECT min(channel) FROM mention WHERE channel > c.ch) FROM c "
            "WHERE c.ch IS NOT NULL) SELECT ch FROM c WHERE ch IS NOT NULL")]

    def set_status(self, mention_ids: list[int], status: str) -> int:
        return mentions.set_status(self.store, mention_ids, status)


class ProfileService:
    """Who wrote a mention, and everything they wrote before."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def mention(self, mention_id: int) -> MentionDetail | None:
        return mentions.mention_detail(mention_id)

    def author(self, author_id: int) -> AuthorInfo | None:
        return mentions.author_info(author_id)

    def timeline(self, author_id: int, before: TimelineItem | None = None,
                 limit: int = 100) -> list[TimelineItem]:
        key = (before.created_at, before.kind, before.id) if before else None
        return mentions.author_timeline(self.store.db, author_id, key, limit)

    def thread(self, mention_id: int) -> list[MentionDetail]:
        detail = mentions.mention_detail(mention_id)
        if detail is None:
            return []
        root = detail.thread_root or detail.remote_id
        return mentions.thread(detail.channel, root)


@dataclass(frozen=True)
class Counter:
    """How much of the channel's limit a text uses."""

    used: int
    limit: int
    unit: str

    @property
    def remaining(self) -> int:
        return self.limit - self.used

    @property
    def over(self) -> bool:
        return self.used > self.limit


class ReplyService:
    """Drafts, the channel's reply rules, and queueing replies into the outbox."""

    def __init__(self, store: Store, engine: Engine, agent: str = "") -> None:
        self.store = store
        self.engine = engine
        self.agent = agent

    def draft(self, mention_id: int) -> str:
        return outbox.get_draft(mention_id)

    def save_draft(self, mention_id: int, text: str) -> None:
        outbox.save_draft(self.store, mention_id, text)

    def rules(self, mention_id: int) -> ReplyRules:
        detail = mentions.mention_detail(mention_id)
        if detail is None:
            return ReplyRules("characters", 0, can_reply=False,
                              reason=f"There is no mention {mention_id}.")
        return self.engine.reply_rules(detail.account_id, detail.visibility)

    @staticmethod
    def count(text: str, rules: ReplyRules) -> Counter:
        return Counter(len(text), rules.limit, rules.unit)

    def send(self, mention_id: int, text: str, delay: float | None = None) -> ReplyInfo:
        """Check the channel's rules, persist the reply, and wake the outbox."""
        rules = self.rules(mention_id)
        if not rules.can_reply:
            raise InvalidInput(rules.reason or "This channel does not allow a reply here.")
        if not text.strip():
            raise InvalidInput("The reply is empty.")
        counter = self.count(text, rules)
        if counter.over:
            raise InvalidInput(f"The reply is {counter.used - counter.limit} {rules.unit} over "
                               f"the limit of {counter.limit}.")
        wait = self.engine.settings.outbox_delay if delay is None else delay
        reply = outbox.queue_reply(self.store, mention_id, text, rules.visibility,
                                   self.agent, delay=wait)
        self.engine.wake_outbox()
        return reply

    def replies(self, mention_id: int) -> list[ReplyInfo]:
        return outbox.replies_for(mention_id)

    def counts(self) -> dict[str, int]:
        return outbox.counts()

    def retry(self, reply_id: int, text: str | None = None) -> ReplyInfo:
        reply = outbox.retry_failed(self.store, reply_id, text)
        self.engine.wake_outbox()
        return reply

    def cancel(self, reply_id: int) -> bool:
        done = outbox.cancel_queued(self.store, reply_id)
        self.engine.wake_outbox()
        return done


def check_instance_url(url: str) -> str:
    """A usable instance URL: https, or http only on this machine (the sandbox)."""
    url = (url or "").strip().rstrip("/")
    if url and "://" not in url:
        url = "https://" + url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidInput(f"{url or 'an empty address'} is not a web address; "
                           "type the instance like mastodon.social")
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise InvalidInput("Plain http:// is only allowed for this machine (the sandbox); "
                           "use https://")
    return url


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class AccountService:
    """Brand accounts with their tokens in the keyring."""

    def __init__(self, store: Store, secrets: SecretStore, engine: Engine | None = None) -> None:
        self.store = store
        self.secrets = secrets
        self.engine = engine

    def list(self) -> list[AccountInfo]:
        return accounts.list_accounts(self.store)

    def add_mastodon(self, instance_url: str, token: str) -> AccountInfo:
        """Check the token against the instance (network!), then keep the account."""
        url = check_instance_url(instance_url)
        token = (token or "").strip()
        if not token:
            raise InvalidInput("The access token is empty.")
        probe = AccountInfo(0, "mastodon", url, "", "", "", True, {})
        channel = open_channel(probe, StaticSecrets({"token": token}))
        try:
            info = channel.instance_info()
            me = channel.verify()
        finally:
            channel.close()
        account = accounts.add_account(
            self.store, "mastodon", url, handle=me.handle, display_name=me.display_name,
            remote_id=me.remote_id,
            settings={"max_characters": info.max_characters, "instance": info.title})
        self.secrets.set(account.id, "token", token)
        if self.engine is not None:
            self.engine.wake()
        return account

    def remove(self, account_id: int) -> bool:
        if self.engine is not None:
            self.engine.forget_channel(account_id)
        self.secrets.delete_account(account_id)
        return accounts.remove_account(self.store, account_id)

    def replace_token(self, account_id: int, token: str) -> None:
        self.secrets.set(account_id, "token", token.strip())
        if self.engine is not None:
            self.engine.forget_channel(account_id)
            self.engine.wake()


__all__ = [
    "AccountService", "ChannelError", "Counter", "FeedService", "InvalidInput",
    "ProfileService", "ReplyService", "check_instance_url",
]
