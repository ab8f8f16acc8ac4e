"""The sandbox answers with Mastodon's documented entities, attribute for attribute."""

from __future__ import annotations

import re
from pathlib import Path

import httpx

from console.sandbox import SandboxServer

FIXTURE = Path(__file__).resolve().parents[1] / "channels" / "fixtures" / "mini_script.json"
AUTH = {"Authorization": "Bearer any-token"}
ISO_MS = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")

# Attribute lists from docs.joinmastodon.org/entities (non-optional ones).
ACCOUNT = {
    "id", "username", "acct", "url", "uri", "display_name", "note", "avatar", "avatar_static",
    "avatar_description", "header", "header_static", "header_description", "locked", "fields",
    "emojis", "bot", "group", "discoverable", "indexable", "created_at", "last_status_at",
    "statuses_count", "followers_count", "following_count", "hide_collections", "show_media",
    "show_media_replies", "show_featured", "roles",
}  # fmt: skip
STATUS = {
    "id", "uri", "created_at", "account", "content", "visibility", "sensitive", "spoiler_text",
    "media_attachments", "mentions", "tags", "emojis", "reblogs_count", "favourites_count",
    "quotes_count", "replies_count", "url", "in_reply_to_id", "in_reply_to_account_id", "reblog",
    "poll", "card", "language", "text", "edited_at", "quote", "quote_approval",
}  # fmt: skip
NOTIFICATION = {"id", "type", "group_key", "created_at", "account", "status"}
SOURCE = {
    "note", "fields", "privacy", "sensitive", "language", "follow_requests_count",
    "hide_collections", "discoverable", "indexable", "attribution_domains",
}  # fmt: skip


def check_account(data: dict) -> None:
    assert data.keys() >= ACCOUNT, ACCOUNT - data.keys()
    assert isinstance(data["id"], str) and data["id"].isdigit()
    assert ISO_MS.match(data["created_at"])
    assert data["last_status_at"] is None or re.match(r"^\d{4}-\d\d-\d\d$", data["last_status_at"])
    for item in data["fields"]:
        assert set(item) == {"name", "value", "verified_at"}
    for name in ("followers_count", "following_count", "statuses_count"):
        assert isinstance(data[name], int)


def check_status(data: dict) -> None:
    assert data.keys() >= STATUS, STATUS - data.keys()
    assert isinstance(data["id"], str) and data["id"].isdigit()
    assert ISO_MS.match(data["created_at"])
    assert data["visibility"] in ("public", "unlisted", "private", "direct")
    assert data["text"] is None and data["reblog"] is None
    for mention in data["mentions"]:
        assert set(mention) == {"id", "username", "url", "acct"}
    for tag in data["tags"]:
        assert set(tag) == {"name", "url"}
    check_account(data["account"])


def test_status_notification_and_account_shapes(sandbox: SandboxServer) -> None:
    response = httpx.get(f"{sandbox.url}/api/v1/notifications", headers=AUTH)
    assert response.status_code == 200
    notes = response.json()
    assert notes and all(n["type"] == "mention" for n in notes)
    for note in notes:
        assert note.keys() >= NOTIFICATION
        assert ISO_MS.match(note["created_at"])
        check_account(note["account"])
        check_status(note["status"])
    status = notes[-1]["status"]  # the oldest: p001 by Lucía
    assert status["account"]["acct"] == "lucia_mdz@mastodon.example"
    assert status["mentions"][0]["acct"] == "ventalia"
    assert status["language"] == "es"
    assert '<span class="h-card" translate="no">' in status["content"]
    assert status["content"].startswith("<p>") and status["content"].endswith("</p>")
    fields = {f["name"]: f for f in status["account"]["fields"]}
    assert fields["Web"]["verified_at"] is not None
    assert fields["Pronombres"]["verified_at"] is None
    assert 'class="invisible"' in fields["Web"]["value"]


def test_content_rendering_escapes_and_links(sandbox: SandboxServer) -> None:
    sid = sandbox.add_post(
        "marta", "a <b>&</b> http://x.example/very/long/path/that/keeps/going #Día"
    )
    data = httpx.get(f"{sandbox.url}/api/v1/statuses/{sid}").json()
    assert "&lt;b&gt;&amp;&lt;/b&gt;" in data["content"]
    assert '<span class="invisible">http://</span>' in data["content"]
    assert '<span class="ellipsis">' in data["content"]
    assert data["tags"] == [{"name": "Día", "url": f"{sandbox.url}/tags/día"}]
    assert 'class="mention hashtag" rel="tag">#<span>Día</span>' in data["content"]


def test_credential_account_has_source(sandbox: SandboxServer) -> None:
    data = httpx.get(f"{sandbox.url}/api/v1/accounts/verify_credentials", headers=AUTH).json()
    check_account(data)
    assert data["acct"] == "ventalia" and data["followers_count"] == 12840
    assert data["source"].keys() >= SOURCE
    assert data["source"]["note"].startswith("Cuenta oficial")
    one = httpx.get(f"{sandbox.url}/api/v1/accounts/{data['id']}").json()
    assert one["id"] == data["id"] and "source" not in one


def test_instance_v2_and_v1(sandbox: SandboxServer) -> None:
    v2 = httpx.get(f"{sandbox.url}/api/v2/instance").json()
    for name in (
        "domain",
        "title",
        "version",
        "source_url",
        "description",
        "usage",
        "thumbnail",
        "languages",
        "configuration",
        "registrations",
        "contact",
        "rules",
    ):
        assert name in v2
    assert v2["configuration"]["statuses"]["max_characters"] == 500
    sandbox.set_max_characters(280)
    v1 = httpx.get(f"{sandbox.url}/api/v1/instance").json()
    assert v1["configuration"]["statuses"]["max_characters"] == 280
    check_account(v1["contact_account"])


def test_context_and_conversations(sandbox: SandboxServer) -> None:
    reply = sandbox.state.by_key["p006"]
    data = httpx.get(f"{sandbox.url}/api/v1/statuses/{reply}/context", headers=AUTH).json()
    assert set(data) == {"ancestors", "descendants"}
    assert [s["id"] for s in data["ancestors"]] == [sandbox.state.by_key["p001"]]
    root = httpx.get(f"{sandbox.url}/api/v1/statuses/{data['ancestors'][0]['id']}/context").json()
    assert [s["id"] for s in root["descendants"]] == [reply]
    convs = httpx.get(f"{sandbox.url}/api/v1/conversations", headers=AUTH).json()
    assert len(convs) == 1
    conv = convs[0]
    assert set(conv) == {"id", "unread", "accounts", "last_status"}
    assert conv["last_status"]["visibility"] == "direct"
    assert [a["acct"] for a in conv["accounts"]] == ["pedro"]


def test_errors_are_json(sandbox: SandboxServer) -> None:
    missing = httpx.get(f"{sandbox.url}/api/v1/statuses/1")
    assert missing.status_code == 404 and missing.json() == {"error": "Record not found"}
    unknown = httpx.get(f"{sandbox.url}/api/v9/whatever")
    assert unknown.status_code == 404 and "error" in unknown.json()
    no_token = httpx.get(f"{sandbox.url}/api/v1/notifications")
    assert no_token.status_code == 401
    assert no_token.json() == {"error": "The access token is invalid"}
    # direct messages are not visible without a token
    dm = sandbox.state.by_key["p004"]
    assert httpx.get(f"{sandbox.url}/api/v1/statuses/{dm}").status_code == 404


def test_rate_limit_headers_and_429() -> None:
    with SandboxServer(FIXTURE, rate_limit=3) as server:
        codes = []
        for _ in range(4):
            response = httpx.get(f"{server.url}/api/v2/instance", headers=AUTH)
            codes.append(response.status_code)
            assert response.headers["X-RateLimit-Limit"] == "3"
            assert ISO_MS.match(response.headers["X-RateLimit-Reset"])
        assert codes == [200, 200, 200, 429]
        assert response.headers["X-RateLimit-Remaining"] == "0"
        assert int(response.headers["Retry-After"]) > 0
        # another token has its own budget
        other = httpx.get(f"{server.url}/api/v2/instance", headers={"Authorization": "Bearer b"})
        assert other.status_code == 200
