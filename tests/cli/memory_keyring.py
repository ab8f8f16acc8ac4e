"""A keyring backend for CLI tests in processes without a Secret Service.

It answers every read with a fixed sandbox token, so a test can run several `posventa`
processes on one workspace. It is never used by the product (keyrings.alt-style file
backends are forbidden); real keyring behaviour is tested against gnome-keyring.
"""

from __future__ import annotations

from keyring.backend import KeyringBackend


class Keyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return "sandbox-token" if username.endswith(":token") else None

    def set_password(self, service: str, username: str, password: str) -> None:
        pass

    def delete_password(self, service: str, username: str) -> None:
        pass
