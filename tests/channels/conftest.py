"""Fixtures for the channel tests: a sandbox on a free loopback port, and a Mastodon channel."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from console.channels.mastodon.channel import MastodonChannel
from console.sandbox import SandboxServer

FIXTURE = Path(__file__).parent / "fixtures" / "mini_script.json"
TOKEN = "s3cret-token-value"


class Sleeps:
    """A stand-in for time.sleep that records what the channel asked for."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    """The mini script with a clock that practically stands still (tests call advance())."""
    with SandboxServer(FIXTURE, speed=0.0001) as server:
        yield server


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def channel(sandbox: SandboxServer, sleeps: Sleeps) -> Iterator[MastodonChannel]:
    chan = MastodonChannel(sandbox.url, TOKEN, sleep=sleeps, timeout=5.0)
    yield chan
    chan.close()
