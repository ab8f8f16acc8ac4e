"""Secrets go to the OS keyring, or to memory with a plain warning; never to a file."""

from __future__ import annotations

import os
import uuid

import keyring
import pytest
from keyring.backends import fail

from console.app.secrets import NO_KEYRING, SecretStore


def _has_secret_service() -> bool:
    try:
        backend = keyring.get_keyring()
        return "SecretService" in type(backend).__module__ + type(backend).__name__ and \
            bool(os.environ.get("DBUS_SESSION_BUS_ADDRESS"))
    except Exception:
        return False


# tests/run.sh (and so CI) starts gnome-keyring and sets POSVENTA_REQUIRE_KEYRING: there a
# missing Secret Service is a failure, not a skip.
if os.environ.get("POSVENTA_REQUIRE_KEYRING") and not _has_secret_service():
    raise RuntimeError("POSVENTA_REQUIRE_KEYRING is set but no Secret Service answers")
needs_secret_service = pytest.mark.skipif(
    not _has_secret_service(),
    reason="needs a Secret Service (tests/run.sh starts gnome-keyring on a private D-Bus)")


@needs_secret_service
def test_tokens_round_trip_through_the_secret_service():
    store = SecretStore(uuid.uuid4().hex)
    assert not store.memory_only and store.warning == ""
    store.set(1, "token", "s3cr3t-token-value")
    assert store.get(1, "token") == "s3cr3t-token-value"
    # Another SecretStore (another process, same workspace) reads it from the keyring.
    assert SecretStore(store.service.split(":", 1)[1]).get(1, "token") == "s3cr3t-token-value"
    store.delete_account(1)
    assert store.get(1, "token") is None


@needs_secret_service
def test_removing_an_account_removes_its_secrets(runtime, mini_sandbox):
    rt = runtime
    rt.workspace.secrets.memory_only = False  # this test wants the real keyring
    account = rt.accounts.add("mastodon", instance_url=mini_sandbox.url,
                              token="tok-to-remove-123")
    assert keyring.get_password(rt.workspace.secrets.service,
                                f"account:{account.id}:token") == "tok-to-remove-123"
    rt.accounts.remove(account.id)
    assert keyring.get_password(rt.workspace.secrets.service,
                                f"account:{account.id}:token") is None


def test_without_a_keyring_secrets_stay_in_memory_with_a_plain_warning(monkeypatch, tmp_path):
    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    monkeypatch.setattr(keyring, "set_password", fail.Keyring().set_password)
    monkeypatch.setattr(keyring, "get_password", fail.Keyring().get_password)
    monkeypatch.chdir(tmp_path)
    store = SecretStore("w1")
    assert store.memory_only and store.warning == NO_KEYRING
    store.set(3, "token", "memory-only-token")
    assert store.get(3, "token") == "memory-only-token"
    assert SecretStore("w1").get(3, "token") is None  # gone with this process
    assert list(tmp_path.iterdir()) == []  # nothing written to a file


def test_no_token_in_the_workspace_files(connected):
    rt = connected
    rt.workspace.secrets.set(rt.extras["account_id"], "token", "VERY-SECRET-TOKEN-42")
    rt.engine.sync_once()
    rt.workspace.store.db.execute_sql("PRAGMA wal_checkpoint(FULL)")
    for path in rt.workspace.path.rglob("*"):
        if path.is_file():
            assert b"VERY-SECRET-TOKEN-42" not in path.read_bytes(), path
