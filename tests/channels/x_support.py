"""Shared set-up for the X tests: a sandbox whose clock stands still, a channel, a browser."""

from __future__ import annotations

import html
import re
from pathlib import Path

import httpx

from console.channels.base import StaticSecrets
from console.channels.x.channel import XChannel
from console.sandbox import SandboxServer
from console.sandbox.x_oauth import CLIENT_ID, DEMO_TOKEN

MINI = Path(__file__).parent / "fixtures" / "mini_script.json"
BRAND = "ventalia"
__all__ = ["BRAND", "CLIENT_ID", "DEMO_TOKEN", "Sleeps", "consent", "make_channel",
           "post_id", "standing_sandbox"]


class Sleeps:
    """A stand-in for time.sleep that records what the channel asked for."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def standing_sandbox(release_all: bool = False) -> SandboxServer:
    """The mini Mastodon script and the X data, the clock nearly still (tests advance)."""
    return SandboxServer(MINI, speed=0.0001, release_all=release_all).start()


def make_channel(server: SandboxServer, secrets: StaticSecrets | None = None,
                 sleeps: Sleeps | None = None, **kw: object) -> XChannel:
    held = secrets if secrets is not None else StaticSecrets({"token": DEMO_TOKEN})
    kw.setdefault("timeout", 5.0)
    return XChannel(server.url, BRAND, held, sleep=sleeps or Sleeps(),
                    **kw)  # type: ignore[arg-type]


def post_id(server: SandboxServer, key: str) -> str:
    return server.x.world.post_by_key[key]


def consent(authorize_url: str, decision: str = "approve",
            follow: bool = True) -> httpx.Response:
    """What the user's browser does on X's consent page: load it and press a button."""
    page = httpx.get(authorize_url)
    assert page.status_code == 200, page.text
    fields = {k: html.unescape(v)
              for k, v in re.findall(r"name='([^']+)' value='([^']*)'>", page.text)}
    fields["decision"] = decision
    base = authorize_url.split("/i/oauth2/")[0]
    return httpx.post(f"{base}/i/oauth2/authorize", data=fields, follow_redirects=follow)
