"""Shared set-up for the Reddit tests: a sandbox whose clock stands still, a refresh token
granted through the sandbox's own consent page, and a channel."""

from __future__ import annotations

import base64
import html
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx

from console.channels.base import StaticSecrets
from console.channels.reddit.channel import RedditChannel
from console.channels.reddit.oauth import SCOPES, authorize_url, user_agent
from console.sandbox import SandboxServer

MINI = Path(__file__).parent / "fixtures" / "mini_script.json"
CLIENT_ID = "posventa-sandbox-app"
BRAND = "Ventalia_Soporte"


class Sleeps:
    """A stand-in for time.sleep that records what the channel asked for."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def standing_sandbox(release_all: bool = False) -> SandboxServer:
    """The mini Mastodon script and the Reddit data, the clock nearly still (tests advance)."""
    return SandboxServer(MINI, speed=0.0001, release_all=release_all).start()


def api(server: SandboxServer) -> str:
    return f"{server.url}/reddit"


def consent(url: str, allow: bool = True, follow: bool = True) -> httpx.Response:
    """What the user's browser does: load the consent page and press Allow (or Decline)."""
    page = httpx.get(url)
    assert page.status_code == 200, page.text
    fields = {k: html.unescape(v) for k, v in re.findall(r'name="([^"]+)" value="([^"]*)"',
                                                        page.text)}
    fields.pop("authorize" if not allow else "decline", None)
    return httpx.post(url.split("?")[0], data=fields, follow_redirects=follow)


def grant_refresh_token(server: SandboxServer, scopes: tuple[str, ...] = SCOPES) -> str:
    """A refresh token of the sandbox app, as an earlier sign-in would have left it."""
    redirect = "http://127.0.0.1:9/reddit_callback"
    server.reddit.oauth.register(CLIENT_ID, redirect)
    back = consent(authorize_url(api(server), CLIENT_ID, redirect, "s", scopes), follow=False)
    code = parse_qs(urlsplit(back.headers["location"]).query)["code"][0]
    basic = base64.b64encode(f"{CLIENT_ID}:".encode()).decode()
    answer = httpx.post(f"{api(server)}/api/v1/access_token",
                        data={"grant_type": "authorization_code", "code": code,
                              "redirect_uri": redirect},
                        headers={"Authorization": f"Basic {basic}",
                                 "User-Agent": user_agent("tester")}).json()
    return str(answer["refresh_token"])


def make_channel(server: SandboxServer, refresh: str | None = None,
                 sleeps: Sleeps | None = None, **kw: object) -> RedditChannel:
    secrets = StaticSecrets({"refresh_token": refresh or grant_refresh_token(server)})
    return RedditChannel(api(server), api(server), CLIENT_ID, secrets, handle=BRAND,
                         sleep=sleeps or Sleeps(), timeout=5.0, **kw)  # type: ignore[arg-type]


def name_of(server: SandboxServer, key: str) -> str:
    """The fullname of a script thing (published by now on the sandbox clock)."""
    server.reddit.world.tick()
    return server.reddit.world.by_key[key]
