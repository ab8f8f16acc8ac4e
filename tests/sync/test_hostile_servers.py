"""Hostile networks over real sockets: one bad item is skipped and named in the account's
status without blocking it, and two servers whose post ids overlap both keep every post."""

from __future__ import annotations

from pathlib import Path

from console.accounts import queries as accounts
from console.feed.queries import FeedFilter
from console.sandbox import SandboxServer
from tests.channels.canned_server import CannedServer

MINI_SCRIPT = Path(__file__).parents[1] / "channels" / "fixtures" / "mini_script.json"


def _status(number: str, account: object) -> dict[str, object]:
    return {"id": number, "created_at": "2026-03-01T10:00:00.000Z", "visibility": "public",
            "content": f"<p>@ventalia mi pedido {number} no llega</p>", "account": account,
            "mentions": [{"acct": "ventalia"}], "tags": [], "url": f"https://x/{number}"}


ANA = {"id": "7", "acct": "ana@x.example", "username": "ana", "display_name": "Ana"}


def test_one_bad_item_is_skipped_named_and_never_blocks_the_account(runtime):
    routes = {
        "/api/v2/instance": {"title": "X", "version": "4.3.0",
                             "configuration": {"statuses": {"max_characters": 500}}},
        "/api/v1/accounts/verify_credentials": {"id": "1", "acct": "ventalia",
                                                "username": "ventalia"},
        "/api/v1/notifications": [
            {"id": "11", "type": "mention", "status": _status("101", ANA)},
            {"id": "12", "type": "mention", "status": _status("102", None)}],
        "/api/v1/conversations": [],
    }
    store = runtime.workspace.store
    with CannedServer(routes) as server:
        account = accounts.add_account(store, "mastodon", server.url)
        runtime.workspace.secrets.set(account.id, "token", "test-token")
        [report] = runtime.engine.sync_once()
        assert report.error == "" and report.added == 1
        assert runtime.feed.count(FeedFilter(include_spam=True)) == 1
        [status] = [s for s in runtime.engine.statuses() if s.account_id == account.id]
        assert status.state == "ok"
        assert "1 new" in status.message and "notification 12" in status.message
        assert "account" in status.message  # why: Mastodon sent an account that is not one
        assert accounts.get_cursor(account.id, "mentions") == "12"
        # The next sync is not blocked by it either.
        [again] = runtime.engine.sync_once()
        assert again.error == "" and again.added == 0


def test_two_servers_with_the_same_post_ids_keep_all_their_posts(runtime):
    store = runtime.workspace.store
    with SandboxServer(MINI_SCRIPT, speed=1000, release_all=True) as first, \
            SandboxServer(MINI_SCRIPT, speed=1000, release_all=True) as second:
        ids = []
        for server in (first, second):
            account = accounts.add_account(store, "mastodon", server.url)
            runtime.workspace.secrets.set(account.id, "token", "test-token")
            ids.append(account.id)
        accounts.add_watch(store, "ventalia")
        reports = runtime.engine.sync_once()
        assert [r.error for r in reports] == ["", ""]
        assert reports[0].added > 0
        assert reports[1].added == reports[0].added, "the second server's posts were dropped"
        rows = runtime.feed.page(FeedFilter(include_spam=True), limit=1000)
        assert len(rows) == 2 * reports[0].added
        # Authors are per server too, and a thread stays on its own server.
        servers = {first.url.split("//")[1], second.url.split("//")[1]}
        authors = store.db.execute_sql("SELECT DISTINCT server FROM author").fetchall()
        assert {a[0] for a in authors} == servers
        mixed = store.db.execute_sql(
            "SELECT case_id FROM mention WHERE case_id IS NOT NULL GROUP BY case_id "
            "HAVING count(DISTINCT server) > 1").fetchall()
        assert mixed == [], "a case took posts of both servers"
        for row in rows:
            detail = runtime.profile.mention(row.id)
            thread = runtime.profile.thread(row.id)
            assert {d.server for d in thread} == {detail.server}
