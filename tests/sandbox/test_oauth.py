"""OAuth against the sandbox: app registration, consent form, PKCE code exchange, revocation."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from console.channels.base import AuthError
from console.channels.mastodon.channel import MastodonChannel
from console.channels.mastodon.oauth import (
    OOB_REDIRECT,
    build_authorize_url,
    exchange_code,
    new_pkce,
    register_app,
    revoke_token,
)
from console.sandbox import SandboxServer

REDIRECT = "http://127.0.0.1:8765/callback"


def approve(authorize_url: str) -> httpx.Response:
    """What a user's browser does: load the consent page, press Authorize."""
    page = httpx.get(authorize_url)
    assert page.status_code == 200 and "Authorize" in page.text
    fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', page.text))
    fields["decision"] = "approve"
    base = authorize_url.split("/oauth/")[0]
    import html

    form = {k: html.unescape(v) for k, v in fields.items()}
    return httpx.post(f"{base}/oauth/authorize", data=form)


def test_app_entity(sandbox: SandboxServer) -> None:
    data = httpx.post(
        f"{sandbox.url}/api/v1/apps",
        json={"client_name": "Posventa", "redirect_uris": [REDIRECT], "scopes": "read write"},
    ).json()
    for name in (
        "id",
        "name",
        "website",
        "scopes",
        "redirect_uri",
        "redirect_uris",
        "vapid_key",
        "client_id",
        "client_secret",
        "client_secret_expires_at",
    ):
        assert name in data
    assert data["scopes"] == ["read", "write"] and data["redirect_uris"] == [REDIRECT]


def test_full_flow_with_pkce(sandbox: SandboxServer) -> None:
    client_id, secret = register_app(sandbox.url, REDIRECT)
    verifier, challenge = new_pkce()
    url = build_authorize_url(sandbox.url, client_id, REDIRECT, challenge, state="xyz")
    redirect = approve(url)
    assert redirect.status_code == 302
    location = urlsplit(redirect.headers["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == REDIRECT
    query = parse_qs(location.query)
    assert query["state"] == ["xyz"]
    code = query["code"][0]
    with pytest.raises(AuthError):
        exchange_code(sandbox.url, client_id, secret, code, REDIRECT, "wrong-verifier")
    token = exchange_code(sandbox.url, client_id, secret, code, REDIRECT, verifier)
    assert token
    # the code is spent
    with pytest.raises(AuthError):
        exchange_code(sandbox.url, client_id, secret, code, REDIRECT, verifier)
    channel = MastodonChannel(sandbox.url, token)
    assert channel.verify().handle == "ventalia"
    revoke_token(sandbox.url, client_id, secret, token)
    with pytest.raises(AuthError):
        channel.verify()
    channel.close()


def test_token_entity_and_client_credentials(sandbox: SandboxServer) -> None:
    client_id, secret = register_app(sandbox.url, OOB_REDIRECT, "read")
    response = httpx.post(
        f"{sandbox.url}/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": client_id,
            "client_secret": secret,
            "scope": "read",
        },
    )
    token = response.json()
    assert set(token) == {"access_token", "token_type", "scope", "created_at"}
    assert token["token_type"] == "Bearer" and isinstance(token["created_at"], int)
    wrong = httpx.post(
        f"{sandbox.url}/oauth/token",
        data={"grant_type": "client_credentials", "client_id": client_id, "client_secret": "no"},
    )
    assert wrong.status_code == 401 and wrong.json()["error"] == "invalid_client"
    too_wide = httpx.post(
        f"{sandbox.url}/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": client_id,
            "client_secret": secret,
            "scope": "write",
        },
    )
    assert too_wide.status_code == 400 and too_wide.json()["error"] == "invalid_scope"


def test_out_of_band_shows_the_code(sandbox: SandboxServer) -> None:
    client_id, secret = register_app(sandbox.url, OOB_REDIRECT)
    verifier, challenge = new_pkce()
    page = approve(build_authorize_url(sandbox.url, client_id, OOB_REDIRECT, challenge))
    assert page.status_code == 200
    code = re.search(r'<code id="code">([^<]+)</code>', page.text)
    assert code is not None
    assert exchange_code(sandbox.url, client_id, secret, code.group(1), OOB_REDIRECT, verifier)


def test_authorize_rejects_unknown_redirect(sandbox: SandboxServer) -> None:
    client_id, _ = register_app(sandbox.url, REDIRECT)
    url = build_authorize_url(sandbox.url, client_id, "https://evil.example/cb", "c")
    assert httpx.get(url).status_code == 400
