"""Brand accounts with their secrets in the keyring: add, sign in again, remove.

Calls that reach the network (`add_mastodon`, `add_bluesky`...) must run off the GUI
thread.
"""


from __future__ import annotations

import ipaddress
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from console.accounts import queries as accounts
from console.accounts.queries import AccountInfo
from console.accounts.secrets import StaticSecrets, WorkspaceSecrets
from console.channels.base import ChannelError, InstanceInfo, RemoteAuthor
from console.channels.registry import open_channel
from console.i18n import translate
from console.store.db import Store
from console.sync.engine import Engine
from console.sync.events import AccountStatus

if TYPE_CHECKING:
    from console.channels.mastodon.signin import SignedIn

from console.errors import InvalidInput


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

    def __init__(self, store: Store, secrets: WorkspaceSecrets,
                 engine: Engine | None = None) -> None:
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
        from console.channels.bluesky.account import check_sign_in

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
        (else only posts and comments matching a watch). See console/channels/feeds/channel.py."""
        from console.channels.feeds.channel import check_feed_url

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
        from console.channels.wordpress.channel import check_site_url

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
