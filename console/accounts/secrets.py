"""What the features and the engine may do with the keyring, and the views handed to channels.

The keyring wrapper itself is console/app/secrets.py (`SecretStore`); features and the
engine see it through the `WorkspaceSecrets` protocol, and a channel sees only its own
account (`AccountSecrets`) or, before the account exists, a dict (`StaticSecrets` in
console/channels/base.py).
"""

from __future__ import annotations

from typing import Protocol


class WorkspaceSecrets(Protocol):
    """The workspace's secrets, keyed by account id and name (the OS keyring)."""

    warning: str

    def set(self, account_id: int, name: str, value: str) -> None: ...

    def get(self, account_id: int, name: str) -> str | None: ...

    def delete(self, account_id: int, name: str) -> None: ...

    def delete_account(self, account_id: int) -> None: ...

    def backend_name(self) -> str: ...


class AccountSecrets:
    """One account's view of the secret store, handed to its channel.

    A channel that renews its credentials (a Bluesky refresh token, an OAuth token) writes
    them back through ``set``; nothing else of the store is reachable from it.
    """

    def __init__(self, store: WorkspaceSecrets, account_id: int) -> None:
        self._store = store
        self.account_id = account_id
        # Names a channel asked for and did not get: the engine refuses to let a channel
        # that opened without its credential reach the network unauthenticated.
        self.missing: set[str] = set()

    def get(self, name: str) -> str | None:
        value = self._store.get(self.account_id, name)
        if not value:
            self.missing.add(name)
        return value

    def set(self, name: str, value: str) -> None:
        self._store.set(self.account_id, name, value)
