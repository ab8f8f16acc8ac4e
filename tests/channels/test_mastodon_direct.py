"""Direct messages: found by notifications and by ``GET /api/v1/conversations`` as source
"direct", and a reply to one stays direct and reaches only the people in it."""

from __future__ import annotations

import pytest

from console.accounts import queries as accounts
from console.app.runtime import Runtime
from console.channels.base import ReplyRefused
from console.channels.mastodon.channel import MastodonChannel
from console.channels.mastodon.direct import direct_reply_text, mentioned_handles
from console.channels.mastodon.parse import parse_account
from console.feed.queries import FeedFilter
from console.sandbox import SandboxServer


def _row_for(rt: Runtime, remote_id: str):
    for row in rt.feed.page(FeedFilter(include_spam=True), limit=1000):
        if rt.profile.mention(row.id).remote_id == remote_id:
            return row
    raise AssertionError(f"status {remote_id} was not stored")


def test_conversations_are_pulled_as_direct(sandbox: SandboxServer, channel: MastodonChannel
                                            ) -> None:
    with sandbox.state.lock:
        pedro = sandbox.state.statuses[sandbox.state.by_key["p004"]]
    result = channel.pull_conversations(None)
    assert [p.remote_id for p in result.posts] == [pedro.id]
    [post] = result.posts
    assert post.source == "direct" and post.visibility == "direct"
    assert result.cursor == pedro.id
    # A DM between two other people is not the brand's conversation.
    sandbox.add_post("marta", "@lucia_mdz@mastodon.example nos vemos", visibility="direct")
    newer = sandbox.add_post("pedro", "@ventalia ¿me leen?", reply_to_key="p004",
                             visibility="direct")
    again = channel.pull_conversations(result.cursor)
    assert [p.remote_id for p in again.posts] == [newer]
    assert again.cursor == newer


def test_engine_stores_direct_messages_from_both_routes_once(connected: Runtime) -> None:
    rt = connected
    sandbox = rt.extras["sandbox"]
    rt.engine.sync_once()
    dm = sandbox.add_post("marta", "@ventalia te paso mi número por aquí",
                          visibility="direct")
    [report] = rt.engine.sync_once()
    assert report.added == 1
    row = _row_for(rt, dm)
    assert row.source == "direct" and row.visibility == "direct"
    assert accounts.get_cursor(rt.extras["account_id"], "conversations") == dm


def test_reply_to_a_direct_message_stays_direct_and_names_the_participants(
        connected: Runtime) -> None:
    rt = connected
    sandbox = rt.extras["sandbox"]
    dm = sandbox.add_post("pedro", "@ventalia @marta@social.example el pedido 77 no llegó",
                          visibility="direct")
    rt.engine.sync_once()
    row = _row_for(rt, dm)
    assert rt.replies.rules(row.id).visibility == "direct"
    rt.replies.send(row.id, "Lo revisamos ahora mismo.", delay=0)
    rt.engine.flush_outbox()
    [sent] = sandbox.received()["statuses"]
    assert sent["visibility"] == "direct" and sent["in_reply_to_id"] == dm
    assert sent["text"] == "@pedro @marta@social.example Lo revisamos ahora mismo."
    with sandbox.state.lock:
        reply = sandbox.state.statuses[sent["id"]]
        people = {sandbox.state.accounts[a].person.key for a in reply.mention_ids}
    assert people == {"pedro", "marta"}  # exactly the people already in the conversation


def test_a_direct_reply_naming_a_stranger_is_refused(connected: Runtime) -> None:
    rt = connected
    sandbox = rt.extras["sandbox"]
    dm = sandbox.add_post("pedro", "@ventalia ayuda con el pedido", visibility="direct")
    rt.engine.sync_once()
    row = _row_for(rt, dm)
    rt.replies.send(row.id, "Se lo paso a @lucia_mdz@mastodon.example", delay=0)
    rt.engine.flush_outbox()
    [failed] = rt.replies.replies(row.id)
    assert failed.state == "failed"
    assert "@lucia_mdz@mastodon.example would receive it too" in failed.error
    assert sandbox.received()["statuses"] == []


def _status(author: dict, mentions: list[dict]) -> dict:
    return {"account": author, "mentions": mentions}


def _account(acct: str, account_id: str) -> dict:
    return {"id": account_id, "acct": acct, "username": acct.split("@")[0]}


def test_direct_reply_text_rules() -> None:
    brand = _account("ventalia", "1")
    ana = _account("ana@social.example", "2")
    luis = _account("luis", "3")

    def is_brand(author) -> bool:
        return author.remote_id == "1" or author.handle == "ventalia"

    status = _status(ana, [brand, luis])
    assert parse_account(ana).handle == "ana@social.example"
    assert direct_reply_text(status, "Hola", is_brand, "ventalia") == (
        "@ana@social.example @luis Hola")
    assert direct_reply_text(status, "@luis y @ana@social.example: hola", is_brand,
                             "ventalia") == "@luis y @ana@social.example: hola"
    with pytest.raises(ReplyRefused, match="@ana would receive it"):
        direct_reply_text(status, "@ana hola", is_brand, "ventalia")  # not the same person
    assert mentioned_handles("mail ana@example.org, see https://x.example/@luis @Luis!") == [
        "luis"]
