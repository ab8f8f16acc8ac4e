"""The keyring wrapper: the only place a token, password or client secret is read or written.

Secrets go to the OS keyring (Secret Service, macOS Keychain, Windows Credential Locker).
When no keyring is available, they are held in memory for this run only and the store
says so in plain words (`warning`); nothing ever falls back to a file.
"""

from __future__ import annotations

import logging
import threading

import keyring
from keyring.errors import KeyringError, NoKeyringError, PasswordDeleteError

log = logging.getLogger(__name__)

NO_KEYRING = (
    "No system keyring is available, so account tokens are kept in memory for this session "
    "only; you will have to enter them again next time."
)


def team_password_key(url: str) -> str:
    """The keyring entry of a team database's password (its address holds no password)."""
    return f"team-database:{url}"


class SecretStore:
    """Secrets of one workspace, namespaced by its id so two workspaces never collide."""

    def __init__(self, workspace_id: str, memory_only: bool = False) -> None:
        self.service = f"posventa:{workspace_id}"
        self._memory: dict[str, str] = {}
        self._lock = threading.Lock()
        self.memory_only = memory_only
        self.warning = ""
        if not memory_only:
            self._probe()

    def _probe(self) -> None:
        try:
            backend = keyring.get_keyring()
            # The "fail" backend raises on use; find out now, not at the first token.
            backend.get_password(self.service, "__probe__")
        except (NoKeyringError, KeyringError, RuntimeError) as exc:
            log.info("keyring unavailable: %s", type(exc).__name__)
            self.memory_only = True
            self.warning = NO_KEYRING

    @staticmethod
    def _key(account_id: int, name: str) -> str:
        return f"account:{account_id}:{name}"

    def set(self, account_id: int, name: str, value: str) -> None:
        self._put(self._key(account_id, name), value)

    def _put(self, key: str, value: str) -> None:
        with self._lock:
            if self.memory_only:
                self._memory[key] = value
                return
            try:
                keyring.set_password(self.service, key, value)
            except (NoKeyringError, KeyringError) as exc:
                log.warning("keyring refused a secret: %s", type(exc).__name__)
                self.memory_only, self.warning = True, NO_KEYRING
                self._memory[key] = value

    def get(self, account_id: int, name: str) -> str | None:
        return self._read(self._key(account_id, name))

    def _read(self, key: str) -> str | None:
        with self._lock:
            if key in self._memory:
                return self._memory[key]
            if self.memory_only:
                return None
            try:
                return keyring.get_password(self.service, key)
            except (NoKeyringError, KeyringError) as exc:
                log.warning("keyring read failed: %s", type(exc).__name__)
                return None

    def delete(self, account_id: int, name: str) -> None:
        self._remove(self._key(account_id, name))

    def _remove(self, key: str) -> None:
        with self._lock:
            self._memory.pop(key, None)
            if self.memory_only:
                return
            try:
                keyring.delete_password(self.service, key)
            except PasswordDeleteError:
                pass  # nothing was stored under that name
            except (NoKeyringError, KeyringError) as exc:
                log.warning("keyring delete failed: %s", type(exc).__name__)

    def set_named(self, key: str, value: str) -> None:
        """A secret that belongs to no account (the team database's password)."""
        self._put(key, value)

    def get_named(self, key: str) -> str | None:
        return self._read(key)

    def delete_named(self, key: str) -> None:
        self._remove(key)

    def delete_account(self, account_id: int, names: tuple[str, ...] = (
            "token", "refresh_token", "app_password", "client_secret", "password")) -> None:
        """Forget every secret an account may have."""
        for name in names:
            self.delete(account_id, name)

    def backend_name(self) -> str:
        if self.memory_only:
            return "memory (this session only)"
        backend = keyring.get_keyring()
        return f"{type(backend).__module__}.{type(backend).__name__}"
