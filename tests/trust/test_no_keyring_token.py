"""Without a keyring, a token kept only by an earlier session is gone: `sync` says so and
never calls the network unauthenticated."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from console.accounts import queries as accounts
from console.app.cli.main import main
from console.app.runtime import Runtime
from tests.trust.counting_server import CountingServer


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """What a desktop without D-Bus gives: keyring's fail backend."""
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def test_sync_without_a_token_says_so_and_sends_nothing(runtime: Runtime, tmp_path: Path,
                                                         no_keyring, capsys) -> None:
    with CountingServer() as server:
        # Added in an earlier session whose token lived in memory only.
        accounts.add_account(runtime.workspace.store, "mastodon", server.url,
                             handle="ventalia", remote_id="1",
                             settings={"max_characters": 500, "instance": "x"})
        ws = str(runtime.workspace.path)
        runtime.close()
        assert main(["--workspace", ws, "sync", "--once"]) == 1
        err = capsys.readouterr().err
        assert "no token for @ventalia in this session: sign in again" in err
        assert server.requests == []
