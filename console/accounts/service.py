"""Brand accounts with their secrets in the keyring: add, sign in again, remove.

What is network-specific (checking a token, an app password or a feed with the network)
is each network's ``add_account`` in console/channels/<network>/network.py; this service
keeps what the network vouched for, whatever the network. Calls that reach the network
(`add`) must run off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from console.accounts import queries as accounts
from console.accounts.queries import AccountInfo
from console.accounts.secrets import WorkspaceSecrets
from console.channels.network import AccountFound
from console.channels.networks import network
from console.errors import InvalidInput
from console.i18n import translate
from console.store.db import Store


class SyncStatus(Protocol):
    """How an account's sync is going (console/sync/events.py `AccountStatus`)."""

    @property
    def account_id(self) -> int: ...

    @property
    def state(self) -> str: ...

    @property
    def message(self) -> str: ...

    @property
    def mode(self) -> str: ...


class AccountSync(Protocol):
    """What the service asks of the sync engine (console/sync/engine.py `Engine`): drop an
    account's open channel after its secrets changed, and sync now."""

    def forget_channel(self, account_id: int) -> None: ...

    def wake(self) -> None: ...

    def statuses(self) -> Sequence[SyncStatus]: ...


class AccountService:
    """Brand accounts with their tokens in the keyring."""

    def __init__(self, store: Store, secrets: WorkspaceSecrets,
                 engine: AccountSync | None = None) -> None:
        self.store = store
        self.secrets = secrets
        self.engine = engine

    def list(self) -> list[AccountInfo]:
        return accounts.list_accounts(self.store)

    def statuses(self) -> dict[int, SyncStatus]:
        """The engine's latest sync state of each account (live, polling, sign in again)."""
        if self.engine is None:
            return {}
        return {s.account_id: s for s in self.engine.statuses()}

    def add(self, kind: str, **entered: Any) -> AccountInfo:
        """Check what the agent entered with the network (network!), then keep the account.

        ``entered``: the keywords of that network's ``add_account`` (e.g. Bluesky's
        ``handle``, ``app_password`` and ``service_url``)."""
        chosen = network(kind)
        if chosen.already_kept is not None:
            refusal = chosen.already_kept(entered, self.list())
            if refusal:
                raise InvalidInput(refusal)
        return self.keep(chosen.add_account(**entered))

    def keep(self, found: AccountFound) -> AccountInfo:
        """Keep an account a network vouched for, its secrets in the keyring. The same
        account again is renewed (new secrets), not doubled."""
        same = next((a for a in self.list() if found.is_same(a)), None)
        if same is not None and found.already:
            raise InvalidInput(found.already)
        return self._keep(found, same)

    def renew(self, account_id: int, found: AccountFound) -> AccountInfo:
        """Sign an account in again (its token was rejected): new secrets, the same account,
        mentions, cursors and cases."""
        account = accounts.get_account(self.store, account_id)
        if account is None:
            raise InvalidInput(translate("Accounts",
                                         "That account was removed meanwhile; add it again."))
        if account.base_url.rstrip("/") != found.base_url.rstrip("/") or (
                account.remote_id and account.remote_id != found.remote_id):
            raise InvalidInput(translate(
                "Accounts", "You signed in as @{signed}, but this account is @{account}; sign "
                "in as @{account} instead.").format(signed=found.handle,
                                                    account=account.handle))
        return self._keep(found, account)

    def _keep(self, found: AccountFound, account: AccountInfo | None) -> AccountInfo:
        if account is None:
            account = accounts.add_account(
                self.store, found.kind, found.base_url, handle=found.handle,
                display_name=found.display_name, remote_id=found.remote_id,
                settings=found.settings)
        else:
            accounts.update_account(self.store, account.id, handle=found.handle,
                                    display_name=found.display_name,
                                    remote_id=found.remote_id, settings=found.settings)
        for name, value in found.secrets.items():
            if value:
                self.secrets.set(account.id, name, value)
        self._renewed(account.id)
        return accounts.get_account(self.store, account.id) or account

    def remove(self, account_id: int) -> bool:
        if self.engine is not None:
            self.engine.forget_channel(account_id)
        self.secrets.delete_account(account_id)
        return accounts.remove_account(self.store, account_id)

    def replace_token(self, account_id: int, token: str) -> None:
        self.secrets.set(account_id, "token", token.strip())
        self._renewed(account_id)

    def _renewed(self, account_id: int) -> None:
        """The account's secrets changed: its open channel is dropped, and a sync starts."""
        if self.engine is not None:
            self.engine.forget_channel(account_id)
            self.engine.wake()
