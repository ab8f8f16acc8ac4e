"""Pagination like Mastodon's: newest first, max/since/min ids, Link headers; search; tags."""

from __future__ import annotations

import httpx

from console.channels.mastodon.parse import parse_link_header
from console.sandbox import SandboxServer

AUTH = {"Authorization": "Bearer any-token"}


def ids(response: httpx.Response) -> list[int]:
    return [int(item["id"]) for item in response.json()]


def add_mentions(sandbox: SandboxServer, count: int) -> None:
    for i in range(count):
        sandbox.add_post("marta", f"@ventalia queja número {i}")


def test_notifications_link_headers_walk_the_whole_list(sandbox: SandboxServer) -> None:
    add_mentions(sandbox, 10)
    url = f"{sandbox.url}/api/v1/notifications"
    first = httpx.get(url, params={"types[]": "mention", "limit": 4}, headers=AUTH)
    page = ids(first)
    assert len(page) == 4 and page == sorted(page, reverse=True)
    links = parse_link_header(first.headers["Link"])
    assert links["next"].startswith(f"{url}?") and f"max_id={page[-1]}" in links["next"]
    assert f"min_id={page[0]}" in links["prev"] and "types%5B%5D=mention" in links["prev"]
    seen = list(page)
    while "next" in links:
        response = httpx.get(links["next"], headers=AUTH)
        seen += ids(response)
        links = parse_link_header(response.headers.get("Link"))
    total = len(sandbox.state.notifications)
    assert seen == sorted(seen, reverse=True) and len(set(seen)) == total == 15
    # the last page is short: it has a prev link but no next link
    assert "next" not in links


def test_since_min_and_max_semantics(sandbox: SandboxServer) -> None:
    add_mentions(sandbox, 10)
    url = f"{sandbox.url}/api/v1/notifications"
    everything = ids(httpx.get(url, params={"limit": 80}, headers=AUTH))
    oldest_first = sorted(everything)
    cursor = oldest_first[3]
    min_page = ids(httpx.get(url, params={"min_id": cursor, "limit": 2}, headers=AUTH))
    since_page = ids(httpx.get(url, params={"since_id": cursor, "limit": 2}, headers=AUTH))
    max_page = ids(httpx.get(url, params={"max_id": cursor, "limit": 2}, headers=AUTH))
    assert min_page == [oldest_first[5], oldest_first[4]]  # immediately newer than the cursor
    assert since_page == [oldest_first[-1], oldest_first[-2]]  # the newest above the cursor
    assert max_page == [oldest_first[2], oldest_first[1]]  # older than the cursor
    both = ids(
        httpx.get(url, params={"min_id": oldest_first[1], "max_id": oldest_first[4]}, headers=AUTH)
    )
    assert both == [oldest_first[3], oldest_first[2]]
    empty = httpx.get(url, params={"min_id": oldest_first[-1]}, headers=AUTH)
    assert empty.json() == [] and "Link" not in empty.headers
    limited = ids(httpx.get(url, params={"limit": 500}, headers=AUTH))
    assert len(limited) == min(80, len(everything))


def test_types_and_exclude_types(sandbox: SandboxServer) -> None:
    url = f"{sandbox.url}/api/v1/notifications"
    assert len(httpx.get(url, params={"types[]": "mention"}, headers=AUTH).json()) == 5
    assert httpx.get(url, params={"types[]": "follow"}, headers=AUTH).json() == []
    assert httpx.get(url, params={"exclude_types[]": "mention"}, headers=AUTH).json() == []


def test_ids_grow_in_publication_order(sandbox: SandboxServer) -> None:
    backlog = [int(sandbox.state.by_key[k]) for k in ("p001", "p002", "p003", "p004", "p005")]
    assert backlog == sorted(backlog)
    assert "p008" not in sandbox.state.by_key  # at=30: not yet
    sandbox.advance(31)
    later = int(sandbox.state.by_key["p008"])
    assert later > max(int(i) for i in sandbox.state.statuses if i != str(later))
    status = httpx.get(f"{sandbox.url}/api/v1/statuses/{later}").json()
    assert status["content"].endswith("¿hay novedades de mi pedido?</p>")
    assert "p009" not in sandbox.state.by_key
    sandbox.publish_now("p010")
    assert int(sandbox.state.by_key["p010"]) > later


def test_future_posts_appear_over_http_advance(sandbox: SandboxServer) -> None:
    url = f"{sandbox.url}/api/v1/notifications"
    before = len(httpx.get(url, headers=AUTH).json())
    response = httpx.post(f"{sandbox.url}/_sandbox/advance", json={"seconds": 200})
    assert response.status_code == 200
    after = httpx.get(url, headers=AUTH).json()
    assert len(after) == before + 1  # p008 tags the brand; p009/p010 do not


def test_search_is_accent_and_case_insensitive_and_respects_indexable(
    sandbox: SandboxServer,
) -> None:
    url = f"{sandbox.url}/api/v2/search"
    assert httpx.get(url, params={"q": "ventalia", "type": "statuses"}).status_code == 401
    found = httpx.get(url, params={"q": "VENTALÍA", "type": "statuses"}, headers=AUTH).json()
    keys = {sandbox.state.statuses[s["id"]].key for s in found["statuses"]}
    assert "p002" in keys  # "Ventalía" by an indexable person, untagged
    assert "p003" not in keys  # pedro is not indexable and did not tag the brand
    assert "p004" in keys  # pedro's DM tags the brand
    assert {"p001", "p006", "p007"} <= keys
    cobro = httpx.get(url, params={"q": "cobro", "type": "statuses"}, headers=AUTH).json()
    assert [sandbox.state.statuses[s["id"]].key for s in cobro["statuses"]] == ["p002"]


def test_search_paging_with_offset_and_min_id(sandbox: SandboxServer) -> None:
    for i in range(7):
        sandbox.add_post("lucia", f"ventalia reclamo {i}")
    url = f"{sandbox.url}/api/v2/search"
    params = {"q": "reclamo", "type": "statuses", "limit": 3}
    pages = []
    for offset in (0, 3, 6, 9):
        data = httpx.get(url, params={**params, "offset": offset}, headers=AUTH).json()
        pages.append([int(s["id"]) for s in data["statuses"]])
    flat = [i for page in pages for i in page]
    assert [len(p) for p in pages] == [3, 3, 1, 0]
    assert flat == sorted(flat, reverse=True) and len(set(flat)) == 7
    cursor = sorted(flat)[2]
    newer = httpx.get(url, params={**params, "min_id": cursor}, headers=AUTH).json()
    assert [int(s["id"]) for s in newer["statuses"]] == sorted(flat)[3:6][::-1]


def test_hashtag_timeline(sandbox: SandboxServer) -> None:
    url = f"{sandbox.url}/api/v1/timelines/tag/VENTALIA"
    response = httpx.get(url)
    keys = [sandbox.state.statuses[s["id"]].key for s in response.json()]
    assert keys == ["p007", "p002"]
    for i in range(3):
        sandbox.add_post("marta", f"#ventalia {i}")
    sandbox.add_post("marta", "#ventalia secreto", visibility="private")
    page = httpx.get(url, params={"limit": 2})
    assert len(page.json()) == 2
    statuses = page.json()
    links = parse_link_header(page.headers["Link"])
    while "next" in links:
        following = httpx.get(links["next"])
        assert "limit=2" in links["next"]
        statuses += following.json()
        links = parse_link_header(following.headers.get("Link"))
    assert len(statuses) == 5 and all(s["visibility"] == "public" for s in statuses)
