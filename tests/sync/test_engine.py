"""The engine against the sandbox over real sockets: pulls, de-duplication, replies, faults."""

from __future__ import annotations

from datetime import timedelta

from console.accounts import queries as accounts
from console.feed.queries import FeedFilter
from console.replies import outbox
from console.store.timeutil import utcnow
from console.sync.events import AccountStatus, MentionsAdded


def test_sync_stores_mentions_and_keyword_hits_once(connected):
    rt = connected
    events = []
    rt.engine.listen(events.append)
    [report] = rt.engine.sync_once()
    assert report.error == "" and report.added > 0
    total = rt.feed.count(FeedFilter(include_spam=True))
    assert total == report.added
    # Posts that tag the brand are found by notifications and by the keyword search too.
    both = [r for r in rt.feed.page(FeedFilter(include_spam=True))
            if r.sources == "mention,keyword"]
    assert both, "a post found by two routes keeps both sources"
    assert any(isinstance(e, MentionsAdded) for e in events)
    assert any(isinstance(e, AccountStatus) and e.state == "ok" for e in events)
    # Nothing new on the network: a second pass adds nothing.
    [again] = rt.engine.sync_once()
    assert again.added == 0
    assert rt.feed.count(FeedFilter(include_spam=True)) == total
    assert accounts.get_cursor(rt.extras["account_id"], "mentions")


def test_new_post_on_the_network_arrives_on_next_sync(connected):
    rt = connected
    rt.engine.sync_once()
    before = rt.feed.count(FeedFilter(include_spam=True))
    rt.extras["sandbox"].add_post("lucia", "@ventalia ¿dónde está mi devolución?")
    [report] = rt.engine.sync_once()
    assert report.added == 1
    assert rt.feed.count(FeedFilter(include_spam=True)) == before + 1
    [row] = rt.feed.page(FeedFilter(search="donde esta mi devolucion"))
    assert row.tagged and row.source == "mention"


def test_direct_messages_are_source_direct_and_replies_stay_direct(connected):
    rt = connected
    rt.engine.sync_once()
    direct = rt.feed.page(FeedFilter(sources=("direct",)))
    assert direct and all(r.visibility == "direct" for r in direct)
    assert rt.replies.rules(direct[0].id).visibility == "direct"


def test_reply_reaches_the_sandbox_once_and_marks_the_mention(connected):
    rt = connected
    rt.engine.sync_once()
    row = rt.feed.page(FeedFilter(search="48213"))[0]
    rt.replies.send(row.id, "Hola Lucía, lo revisamos ahora mismo.", delay=0)
    rt.engine.flush_outbox()
    rt.engine.flush_outbox()  # nothing left to send: no second post
    received = rt.extras["sandbox"].received()["statuses"]
    assert [s["text"] for s in received] == ["Hola Lucía, lo revisamos ahora mismo."]
    assert received[0]["in_reply_to_id"] == rt.profile.mention(row.id).remote_id
    assert rt.profile.mention(row.id).status == "replied"
    [sent] = rt.replies.replies(row.id)
    assert sent.state == "sent" and sent.remote_id


def test_reply_waits_while_the_network_is_down_then_goes_once(connected):
    rt = connected
    sandbox = rt.extras["sandbox"]
    rt.engine.sync_once()
    row = rt.feed.page(FeedFilter(search="48213"))[0]
    sandbox.inject_fault("/api/v1/statuses", 503, count=0)  # until cleared
    rt.replies.send(row.id, "Ya estamos en ello", delay=0)
    rt.engine.flush_outbox()
    [waiting] = rt.replies.replies(row.id)
    assert waiting.state == "queued" and waiting.error
    assert sandbox.received()["statuses"] == []
    sandbox.clear_faults()
    rt.engine.flush_outbox(now=utcnow() + timedelta(minutes=10))
    [sent] = rt.replies.replies(row.id)
    assert sent.state == "sent"
    assert len(sandbox.received()["statuses"]) == 1


def test_refused_reply_fails_with_the_reason_and_can_be_retried(connected):
    rt = connected
    sandbox = rt.extras["sandbox"]
    rt.engine.sync_once()
    row = rt.feed.page(FeedFilter(search="48213"))[0]
    sandbox.set_max_characters(10)
    rt.replies.send(row.id, "Un texto que el servidor ve largo", delay=0)
    rt.engine.flush_outbox()
    [failed] = rt.replies.replies(row.id)
    assert failed.state == "failed" and failed.error
    sandbox.set_max_characters(500)
    rt.replies.retry(failed.id, "Corto")
    rt.engine.flush_outbox()
    assert rt.replies.replies(row.id)[0].state == "sent"


def test_a_dead_account_never_stops_the_others(connected):
    rt = connected
    dead = accounts.add_account(rt.workspace.store, "mastodon", "http://127.0.0.1:9")
    rt.workspace.secrets.set(dead.id, "token", "x")
    reports = {r.account_id: r for r in rt.engine.sync_once()}
    assert reports[dead.id].error
    assert reports[rt.extras["account_id"]].added > 0
    states = {s.account_id: s.state for s in rt.engine.statuses()}
    assert states[dead.id] == "offline" and states[rt.extras["account_id"]] == "ok"


def test_rejected_token_marks_the_account_for_sign_in(connected):
    rt = connected
    rt.extras["sandbox"].inject_fault("/api/v2/instance", 401)
    [report] = rt.engine.sync_once()
    assert report.error
    [status] = rt.engine.statuses()
    assert status.state == "auth"  # shown as "sign in again"


def test_outbox_draft_is_not_sent(connected):
    rt = connected
    rt.engine.sync_once()
    row = rt.feed.page(FeedFilter())[0]
    rt.replies.save_draft(row.id, "borrador")
    rt.engine.flush_outbox()
    assert rt.extras["sandbox"].received()["statuses"] == []
    assert outbox.get_draft(row.id) == "borrador"
