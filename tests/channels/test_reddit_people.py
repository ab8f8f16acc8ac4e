"""Reddit's policy end to end: Bea complains on Mastodon and on Reddit with the same order
number, and Posventa neither links nor suggests her Reddit account; only an agent may."""

from __future__ import annotations

from console.accounts import queries as accounts
from console.app.runtime import Runtime
from console.people.evidence import MIN_CONFIDENCE
from console.sandbox import SandboxServer
from tests.channels.reddit_support import CLIENT_ID, api, grant_refresh_token


def _author(rt: Runtime, channel: str, handle: str) -> int:
    row = rt.workspace.store.db.execute_sql(
        "SELECT id FROM author WHERE channel = ? AND handle LIKE ?", (channel, handle)).fetchone()
    assert row is not None, (channel, handle)
    return int(row[0])


def test_a_reddit_author_is_never_linked_nor_suggested(runtime: Runtime) -> None:
    server = SandboxServer(speed=1000, release_all=True).start()
    try:
        mastodon = accounts.add_account(runtime.workspace.store, "mastodon", server.url)
        runtime.workspace.secrets.set(mastodon.id, "token", "t")
        runtime.accounts.add("reddit", client_id=CLIENT_ID, api_url=api(server),
                             refresh_token=grant_refresh_token(server))
        accounts.add_watch(runtime.workspace.store, "brisa")
        reports = runtime.engine.sync_once()
        assert all(not r.error for r in reports), [r.error for r in reports]
    finally:
        server.stop()
    people = runtime.people
    bea_reddit = _author(runtime, "reddit", "bea_lozano_alc")
    bea_mastodon = _author(runtime, "mastodon", "bea_lozano%")
    # Both said order 49981 and batch 23-B: evidence an agent may look at...
    evidence = people.explain(bea_mastodon, bea_reddit)
    assert evidence is not None and evidence.confidence >= MIN_CONFIDENCE
    assert "49981" in evidence.reasons[0].text
    # ...but nothing is linked or suggested by itself.
    assert people.customer_of(bea_reddit) is None
    assert people.suggestions(bea_reddit) == []
    assert all(s.other_id != bea_reddit for s in people.suggestions(bea_mastodon))
    assert all(bea_reddit not in (s.author_id, s.other_id) for s in people.recent_suggestions())
    # An agent may link them explicitly.
    linked = people.link([bea_mastodon, bea_reddit])
    assert people.customer_of(bea_reddit) == linked.customer_id
