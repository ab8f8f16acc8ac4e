"""The small service API the UI and the CLI call: reads, drafts, replies, accounts.

Each service is a thin, thread-safe face over the store and the engine, so widgets never
run SQL or HTTP themselves. Calls that reach the network (`AccountService.add_mastodon`)
must be run off the GUI thread by the caller.
"""

from __future__ import annotations

import ipaddress
import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from console.cases import reply_rules
from console.channels.base import ChannelError, InstanceInfo, RemoteAuthor, ReplyRules
from console.channels.registry import open_channel, post_reply_rules
from console.i18n import translate
from console.secrets import SecretStore, StaticSecrets
from console.store import accounts, feed, mentions, outbox
from console.store.accounts import AccountInfo
from console.store.db import Store
from console.store.feed import FeedFilter, FeedRow
from console.store.mentions import AuthorInfo, MentionDetail, TimelineItem
from console.store.outbox import ReplyInfo
from console.store.timeutil import utcnow
from console.sync.engine import Engine
from console.sync.events import AccountStatus

if TYPE_CHECKING:
    from console.channels.mastodon_signin import SignedIn


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
        """The channel's rules for a reply to this mention (its reply window applied)."""
        detail = mentions.mention_detail(mention_id)
        if detail is None:
            return ReplyRules("characters", 0, can_reply=False, reason=translate(
                "ReplyRules", "There is no mention {mention}.").format(mention=mention_id))
        rules = self.engine.reply_rules(detail.account_id, detail.visibility)
        rules = post_reply_rules(detail.channel, lambda: self._payload(mention_id), rules)
        return reply_rules.for_mention(rules, detail.created_at, utcnow())

    def _payload(self, mention_id: int) -> dict[str, Any]:
        """What the network sent for this mention (e.g. a Bluesky post's threadgate)."""
        from console.store.models import Mention

        raw = Mention.select(Mention.payload).where(Mention.id == mention_id).scalar()
        try:
            data = json.loads(raw) if raw else {}
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    @staticmethod
    def count(text: str, rules: ReplyRules) -> Counter:
        return Counter(rules.measure(text), rules.limit, rules.unit)

    def refusal(self, mention_id: int, text: str) -> str:
        """Why this text cannot be sent to this mention now (one sentence), or ""."""
        return reply_rules.refusal(text, self.rules(mention_id))

    def send(self, mention_id: int, text: str, delay: float | None = None,
             context_since: datetime | None = None) -> ReplyInfo:
        """Check the channel's rules, persist the reply, and wake the outbox.

        `context_since`: when the agent opened the conversation; the engine re-reads the
        thread before sending and holds the reply if the brand answered after that.
        """
        rules = self.rules(mention_id)
        if rules.can_reply and rules.manual:
            raise InvalidInput(translate(
                "ReplyRules", "This channel has no way to post a reply from here: open the "
                "post in the browser and paste the reply there."))
        problem = reply_rules.refusal(text, rules)
        if problem:
            raise InvalidInput(problem)
        wait = self.engine.settings.outbox_delay if delay is None else delay
        reply = outbox.queue_reply(self.store, mention_id, text, rules.visibility,
                                   self.agent, delay=max(0.0, wait),
                                   context_since=context_since)
        self.engine.wake_outbox()
        return reply

    def record_manual(self, mention_id: int, text: str) -> ReplyInfo:
        """The agent posts this reply by hand in the browser: record it as sent."""
        rules = self.rules(mention_id)
        if not rules.manual:
            raise InvalidInput(translate(
                "ReplyRules", "This channel takes replies from the console; use Send."))
        problem = reply_rules.refusal(text, rules)
        if problem:
            raise InvalidInput(problem)
        detail = mentions.mention_detail(mention_id)
        url = detail.url if detail else ""
        reply = outbox.record_manual(self.store, mention_id, text, rules.visibility,
                                     self.agent, url)
        self.engine.wake_outbox()
        return reply

    def replies(self, mention_id: int) -> list[ReplyInfo]:
        return outbox.replies_for(mention_id)

    def counts(self) -> dict[str, int]:
        return outbox.counts()

    def reply(self, reply_id: int) -> ReplyInfo | None:
        return outbox.get_reply(reply_id)

    def outbox(self, states: tuple[str, ...] = (), limit: int = 100) -> list[ReplyInfo]:
        """Outbox entries (not drafts), newest first."""
        return outbox.list_replies(states, limit)

    def retry(self, reply_id: int, text: str | None = None,
              send_anyway: bool = False) -> ReplyInfo:
        """Queue a failed (or held) reply again, optionally with corrected text."""
        current = outbox.get_reply(reply_id)
        if current is None:
            raise InvalidInput(translate("ReplyRules", "There is no reply {reply}.").format(
                reply=reply_id))
        if text is not None:
            problem = reply_rules.refusal(text, self.rules(current.mention_id))
            if problem:
                raise InvalidInput(problem)
        reply = outbox.retry_failed(self.store, reply_id, text, send_anyway)
        self.engine.wake_outbox()
        return reply

    def discard(self, reply_id: int) -> bool:
        """Drop a failed or held reply (the agent decided not to send it)."""
        done = outbox.discard_failed(self.store, reply_id)
        self.engine.wake_outbox()
        return done

    def cancel(self, reply_id: int) -> bool:
        """Undo send: pull a queued reply back to the mention's draft before it leaves."""
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
        raise InvalidInput(translate(
            "Accounts", "{address} is not a web address; type the instance like "
            "mastodon.social").format(address=url or translate("Accounts", "an empty address")))
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise InvalidInput(translate(
            "Accounts", "Plain http:// is only allowed for this machine (the sandbox); use "
            "https://"))
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
            raise InvalidInput(translate("Accounts", "The access token is empty."))
        probe = AccountInfo(0, "mastodon", url, "", "", "", True, {})
        channel = open_channel(probe, StaticSecrets({"token": token}))
        try:
            info = channel.instance_info()
            me = channel.verify()
        finally:
            channel.close()
        return self._keep_mastodon(url, me, info, token, None)

    def add_signed_in(self, signed: SignedIn) -> AccountInfo:
        """Keep an account signed in through the browser: its token and the app's client
        secret go to the keyring. The same account signed in again is renewed, not doubled."""
        return self._keep_mastodon(signed.base_url, signed.author, signed.instance,
                                   signed.token, signed)

    def reauthorize(self, account_id: int, signed: SignedIn) -> AccountInfo:
        """Sign an account in again (its token was rejected): a new token, the same account,
        mentions, cursors and cases."""
        account = accounts.get_account(self.store, account_id)
        if account is None:
            raise InvalidInput(translate("Accounts",
                                         "That account was removed meanwhile; add it again."))
        if account.base_url.rstrip("/") != signed.base_url.rstrip("/") or (
                account.remote_id and account.remote_id != signed.author.remote_id):
            raise InvalidInput(translate(
                "Accounts", "You signed in as @{signed}, but this account is @{account}; sign "
                "in as @{account} instead.").format(signed=signed.author.handle,
                                                    account=account.handle))
        return self._keep_mastodon(signed.base_url, signed.author, signed.instance,
                                   signed.token, signed, account)

    def _keep_mastodon(self, url: str, me: RemoteAuthor, info: InstanceInfo, token: str,
                       signed: SignedIn | None, account: AccountInfo | None = None,
                       ) -> AccountInfo:
        settings: dict[str, Any] = {"max_characters": info.max_characters,
                                    "instance": info.title}
        if signed is not None:
            settings["client_id"] = signed.client_id  # public (it is in the browser's URL)
        if account is None:
            account = next((a for a in accounts.list_accounts(self.store)
                            if a.kind == "mastodon" and a.base_url == url.rstrip("/")
                            and a.remote_id == me.remote_id), None)
        if account is None:
            account = accounts.add_account(
                self.store, "mastodon", url, handle=me.handle, display_name=me.display_name,
                remote_id=me.remote_id, settings=settings)
        else:
            accounts.update_account(self.store, account.id, handle=me.handle,
                                    display_name=me.display_name, remote_id=me.remote_id,
                                    settings=settings)
        if signed is not None:
            self.secrets.set(account.id, "client_secret", signed.client_secret)
        self.replace_token(account.id, token)
        return accounts.get_account(self.store, account.id) or account

    def statuses(self) -> dict[int, AccountStatus]:
        """The engine's latest sync state of each account (live, polling, sign in again)."""
        if self.engine is None:
            return {}
        return {s.account_id: s for s in self.engine.statuses()}

    def add_bluesky(self, handle: str, app_password: str,
                    service_url: str = "https://bsky.social") -> AccountInfo:
        """Sign in with an app password (network!), then keep the account; adding the same
        account again replaces its app password (after "app password rejected")."""
        from console.channels.bluesky_account import check_sign_in

        try:
            handle, password, url = check_sign_in(handle, app_password, service_url)
        except ValueError as exc:
            raise InvalidInput(str(exc)) from None
        probe = AccountInfo(0, "bluesky", url, handle, "", "", True, {})
        held = StaticSecrets({"app_password": password})
        channel = open_channel(probe, held)
        try:
            me = channel.verify()
            info = channel.instance_info()
        finally:
            channel.close()
        same = [a for a in accounts.list_accounts(self.store)
                if a.kind == "bluesky" and a.remote_id == me.remote_id and a.base_url == url]
        if same:
            account = same[0]
            accounts.update_account(self.store, account.id, handle=me.handle,
                                    display_name=me.display_name)
        else:
            account = accounts.add_account(
                self.store, "bluesky", url, handle=me.handle, display_name=me.display_name,
                remote_id=me.remote_id,
                settings={"max_characters": info.max_characters, "instance": info.title})
        for name in ("app_password", "refresh_token"):
            value = held.get(name)
            if value:
                self.secrets.set(account.id, name, value)
        if self.engine is not None:
            self.engine.forget_channel(account.id)
            self.engine.wake()
        return accounts.get_account(self.store, account.id) or account

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

    def add_feed(self, url: str, name: str = "", every_comment: bool = False) -> AccountInfo:
        """Read an RSS/Atom feed once (network!) so a wrong address fails now, then keep it.

        `name`: how the brand signs its comments on that blog (those are its replies, not
        mentions); `every_comment`: the brand's own blog, where every comment is a mention
        (else only posts and comments matching a watch). See console/channels/feeds.py."""
        from console.channels.feeds import check_feed_url

        try:
            clean = check_feed_url(url)
        except ChannelError as exc:
            raise InvalidInput(str(exc)) from None
        if any(a.kind == "feed" and a.settings.get("feed_url") == clean for a in self.list()):
            raise InvalidInput(translate("Accounts", "The feed {url} is already an account.")
                               .format(url=clean))
        settings: dict[str, Any] = {"feed_url": clean, "every_comment": every_comment,
                                    "brand_name": name.strip()}
        channel = open_channel(AccountInfo(0, "feed", clean, "", "", "", True, settings),
                               StaticSecrets())
        try:
            info, me = channel.instance_info(), channel.verify()
        finally:
            channel.close()
        settings.update(max_characters=info.max_characters, instance=info.title)
        account = accounts.add_account(self.store, "feed", clean, handle=me.handle,
                                       display_name=me.display_name, remote_id=me.remote_id,
                                       settings=settings)
        if self.engine is not None:
            self.engine.wake()
        return account

    def add_wordpress(self, site_url: str, username: str, app_password: str,
                      every_comment: bool = True) -> AccountInfo:
        """Check an Application Password against a WordPress site (network!), then keep the
        account: the user name in its settings, the password in the keyring only. Adding the
        same user again replaces the password (after "application password rejected")."""
        from console.channels.wordpress import check_site_url

        try:
            site = check_site_url(site_url)
        except ChannelError as exc:
            raise InvalidInput(str(exc)) from None
        username, password = (username or "").strip(), "".join((app_password or "").split())
        if not username:
            raise InvalidInput(translate("Accounts", "The WordPress user name is empty."))
        if not password:
            raise InvalidInput(translate("Accounts", "The application password is empty."))
        settings: dict[str, Any] = {"username": username, "every_comment": every_comment}
        channel = open_channel(AccountInfo(0, "wordpress", site, username, "", "", True,
                                           settings), StaticSecrets({"app_password": password}))
        try:
            info, me = channel.instance_info(), channel.verify()
        finally:
            channel.close()
        settings.update(max_characters=info.max_characters, instance=info.title)
        account = next((a for a in self.list() if a.kind == "wordpress"
                        and a.base_url == site and a.remote_id == me.remote_id), None)
        if account is None:
            account = accounts.add_account(self.store, "wordpress", site, handle=me.handle,
                                           display_name=me.display_name,
                                           remote_id=me.remote_id, settings=settings)
        else:
            accounts.update_account(self.store, account.id, settings=settings)
        self.secrets.set(account.id, "app_password", password)
        if self.engine is not None:
            self.engine.forget_channel(account.id)
            self.engine.wake()
        return accounts.get_account(self.store, account.id) or account


__all__ = [
    "AccountService", "ChannelError", "Counter", "FeedService", "InvalidInput",
    "ProfileService", "ReplyService", "check_instance_url",
]
