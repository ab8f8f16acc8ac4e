"""Posting through the sandbox: idempotency, limits, follow-ups, controls and faults."""

from __future__ import annotations

import httpx

from console.sandbox import SandboxServer

AUTH = {"Authorization": "Bearer any-token"}


def post(sandbox: SandboxServer, key: str | None = None, **form: str) -> httpx.Response:
    headers = dict(AUTH)
    if key:
        headers["Idempotency-Key"] = key
    return httpx.post(f"{sandbox.url}/api/v1/statuses", data=form, headers=headers)


def test_idempotency_key_posts_once(sandbox: SandboxServer) -> None:
    target = sandbox.state.by_key["p007"]
    first = post(sandbox, "key-1", status="@marta@social.example ¡gracias!", in_reply_to_id=target)
    second = post(sandbox, "key-1", status="@marta@social.example ¡gracias!", in_reply_to_id=target)
    assert first.status_code == second.status_code == 200
    assert first.json()["id"] == second.json()["id"]
    status = first.json()
    assert status["in_reply_to_id"] == target
    assert status["account"]["acct"] == "ventalia"
    assert status["application"]["name"] == "Web"
    received = httpx.get(f"{sandbox.url}/_sandbox/received").json()
    assert len(received["statuses"]) == 1
    assert received["statuses"][0]["times_seen"] == 2
    assert received["keys"] == {"key-1": 2}
    # a different key is a different status; the reply is in the thread
    post(sandbox, "key-2", status="otra", in_reply_to_id=target)
    context = httpx.get(f"{sandbox.url}/api/v1/statuses/{target}/context", headers=AUTH).json()
    assert len(context["descendants"]) == 2


def test_json_body_is_accepted(sandbox: SandboxServer) -> None:
    response = httpx.post(
        f"{sandbox.url}/api/v1/statuses",
        json={"status": "hola", "visibility": "unlisted", "language": "es"},
        headers=AUTH,
    )
    assert response.status_code == 200
    assert response.json()["visibility"] == "unlisted" and response.json()["language"] == "es"


def test_over_limit_and_empty_are_422(sandbox: SandboxServer) -> None:
    too_long = post(sandbox, status="x" * 501)
    assert too_long.status_code == 422
    assert too_long.json() == {"error": "Validation failed: Text character limit of 500 exceeded"}
    assert post(sandbox, status="x" * 500).status_code == 200
    # a URL counts 23 characters however long it is
    assert post(sandbox, status="y" * 470 + " https://e.example/" + "z" * 100).status_code == 200
    blank = post(sandbox, status="   ")
    assert blank.status_code == 422 and "blank" in blank.json()["error"]
    assert post(sandbox, status="hola", visibility="secret").status_code == 422
    assert post(sandbox, status="hola", in_reply_to_id="999").status_code == 404
    assert httpx.post(f"{sandbox.url}/api/v1/statuses", data={"status": "x"}).status_code == 401


def test_brand_reply_triggers_follow_up_after_delay(sandbox: SandboxServer) -> None:
    target = sandbox.state.by_key["p001"]
    reply = post(
        sandbox, "k", status="@lucia_mdz@mastodon.example lo revisamos", in_reply_to_id=target
    )
    brand_status = reply.json()["id"]
    notes_before = len(sandbox.state.notifications)
    sandbox.advance(19)
    assert len(sandbox.state.notifications) == notes_before
    sandbox.advance(2)
    assert len(sandbox.state.notifications) == notes_before + 1
    notes = httpx.get(f"{sandbox.url}/api/v1/notifications", headers=AUTH).json()
    newest = notes[0]["status"]
    assert newest["in_reply_to_id"] == brand_status
    assert newest["account"]["acct"] == "lucia_mdz@mastodon.example"
    assert "ya me escribieron" in newest["content"]
    assert [m["acct"] for m in newest["mentions"]] == ["ventalia"]
    # a second brand reply to the same post does not repeat the follow-up
    post(sandbox, "k2", status="algo más", in_reply_to_id=target)
    sandbox.advance(100)
    assert len(sandbox.state.notifications) == notes_before + 2  # + p008 (at=30), no repeat


def test_follow_up_to_a_dm_stays_direct_and_tags_brand(sandbox: SandboxServer) -> None:
    target = sandbox.state.by_key["p004"]
    post(sandbox, "dm", status="@pedro te escribimos", in_reply_to_id=target, visibility="direct")
    sandbox.advance(11)
    newest = httpx.get(f"{sandbox.url}/api/v1/notifications", headers=AUTH).json()[0]["status"]
    assert newest["visibility"] == "direct"
    assert newest["content"].startswith('<p><span class="h-card"')  # "@ventalia" was added


def test_http_controls_add_publish_and_faults(sandbox: SandboxServer) -> None:
    added = httpx.post(
        f"{sandbox.url}/_sandbox/posts", json={"by": "lucia", "text": "@ventalia nuevo"}
    ).json()
    assert httpx.get(f"{sandbox.url}/api/v1/statuses/{added['id']}").status_code == 200
    published = httpx.post(f"{sandbox.url}/_sandbox/publish", json={"key": "p009"}).json()
    assert sandbox.state.by_key["p009"] == published["id"]
    fault = {"path": "/api/v2/instance", "status": 503, "count": 2}
    assert httpx.post(f"{sandbox.url}/_sandbox/faults", json=fault).status_code == 200
    codes = [httpx.get(f"{sandbox.url}/api/v2/instance").status_code for _ in range(3)]
    assert codes == [503, 503, 200]
    forever = {"path": "/api/v2/", "kind": "malformed", "count": 0}
    httpx.post(f"{sandbox.url}/_sandbox/faults", json=forever)
    for _ in range(3):
        response = httpx.get(f"{sandbox.url}/api/v2/instance")
        assert response.status_code == 200
        assert response.text.startswith('{"id": "1", "broken')
    assert httpx.delete(f"{sandbox.url}/_sandbox/faults").status_code == 200
    assert httpx.get(f"{sandbox.url}/api/v2/instance").json()["title"] == "Posventa Sandbox"
    bad = httpx.post(f"{sandbox.url}/_sandbox/faults", json={"path": "/x", "kind": "boom"})
    assert bad.status_code == 400


def test_drop_and_truncated_faults_break_the_connection(sandbox: SandboxServer) -> None:
    sandbox.inject_fault("/api/v2/instance", kind="drop")
    sandbox.inject_fault("/api/v1/instance", kind="truncated")
    try:
        httpx.get(f"{sandbox.url}/api/v2/instance")
    except httpx.RemoteProtocolError:
        pass
    else:
        raise AssertionError("a dropped request should fail")
    try:
        httpx.get(f"{sandbox.url}/api/v1/instance")
    except httpx.RemoteProtocolError:
        pass
    else:
        raise AssertionError("a truncated answer should fail")
    assert httpx.get(f"{sandbox.url}/api/v2/instance").status_code == 200
