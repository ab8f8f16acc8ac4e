"""Shared set-up for the Bluesky tests: a sandbox whose clock stands still, and a channel."""

from __future__ import annotations

from pathlib import Path

from console.channels.base import StaticSecrets
from console.channels.bluesky.channel import BlueskyChannel
from console.sandbox import SandboxServer

MINI = Path(__file__).parent / "fixtures" / "mini_script.json"
BRAND = "ventalia.bsky.example"
APP_PASSWORD = "abcd-efgh-ijkl-mnop"


class Sleeps:
    """A stand-in for time.sleep that records what the channel asked for."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def standing_sandbox(release_all: bool = False) -> SandboxServer:
    """The mini Mastodon script and the Bluesky data, the clock nearly still (tests advance)."""
    return SandboxServer(MINI, speed=0.0001, release_all=release_all).start()


def make_channel(server: SandboxServer, secrets: StaticSecrets | None = None,
                 sleeps: Sleeps | None = None, **kw: object) -> BlueskyChannel:
    held = secrets if secrets is not None else StaticSecrets({"app_password": APP_PASSWORD})
    return BlueskyChannel(server.url, BRAND, held, sleep=sleeps or Sleeps(), timeout=5.0,
                          **kw)  # type: ignore[arg-type]


def uri_of(server: SandboxServer, key: str) -> str:
    return server.bluesky.world.post_by_key[key]
