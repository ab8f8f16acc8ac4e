"""The store: schema, uniqueness, accent-insensitive search, keyset paging, outbox states."""

from __future__ import annotations

from datetime import timedelta

import pytest

from console.accounts import queries as accounts
from console.feed import queries as feed
from console.feed.queries import FeedFilter
from console.replies import outbox
from console.store.migrations import LATEST, schema_version
from console.sync.ingest import ingest
from tests.builders import make_author, make_post


def _account(rt):
    return accounts.add_account(rt.workspace.store, "mastodon", "http://127.0.0.1:9",
                                handle="ventalia")


def test_fresh_workspace_is_at_latest_schema_and_private(runtime, backend):
    assert schema_version(runtime.workspace.store.db) == LATEST
    if backend == "postgresql":
        pytest.skip("file modes and SQLite's journal: the team database has neither")
    assert runtime.workspace.path.stat().st_mode & 0o777 == 0o700
    assert runtime.workspace.db_path.stat().st_mode & 0o777 == 0o600
    mode = runtime.workspace.store.db.execute_sql("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    assert runtime.workspace.store.db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1


def test_same_post_by_two_routes_is_stored_once_with_both_sources(runtime):
    acc = _account(runtime)
    store = runtime.workspace.store
    post = make_post(1, "mi pedido no llega")
    first = ingest(store, runtime.triager, acc.id, [post], "mentions", "1")
    again = ingest(store, runtime.triager, acc.id,
                   [make_post(1, "mi pedido no llega", source="keyword")], "watch:1", "1")
    assert len(first.added) == 1 and again.added == [] and again.changed == first.added
    rows = feed.feed_page(store.db, FeedFilter())
    assert len(rows) == 1
    assert rows[0].sources == "mention,keyword"
    assert [r.id for r in feed.feed_page(store.db, FeedFilter(sources=("keyword",)))] == \
        first.added


def test_keyword_hit_later_seen_as_a_mention_becomes_a_mention(runtime):
    acc = _account(runtime)
    store = runtime.workspace.store
    hit = make_post(1, "ventalia no contesta", source="keyword")
    [mention_id] = ingest(store, runtime.triager, acc.id, [hit], None, None).added
    row = feed.feed_rows(store.db, [mention_id])[0]
    assert (row.source, row.tagged) == ("keyword", False)
    ingest(store, runtime.triager, acc.id, [make_post(1, "ventalia no contesta")], None, None)
    row = feed.feed_rows(store.db, [mention_id])[0]
    assert (row.source, row.sources, row.tagged) == ("mention", "keyword,mention", True)
    assert feed.feed_page(store.db, FeedFilter(sources=("mention",)))[0].id == mention_id


def test_cursor_is_saved_with_the_posts(runtime):
    acc = _account(runtime)
    ingest(runtime.workspace.store, runtime.triager, acc.id, [make_post(5)], "mentions", "77")
    assert accounts.get_cursor(acc.id, "mentions") == "77"


@pytest.mark.parametrize("query", ["devolucion", "DEVOLUCIÓN", "devol", "Pérez", "perez"])
def test_full_text_search_ignores_accents_and_case(runtime, query):
    acc = _account(runtime)
    store = runtime.workspace.store
    ingest(store, runtime.triager, acc.id, [
        make_post(1, "Quiero la devolución de mi dinero",
                  author=make_author(1, display_name="Ana Pérez")),
        make_post(2, "Todo bien con el envío", author=make_author(2)),
    ], None, None)
    rows = feed.feed_page(store.db, FeedFilter(search=query))
    assert [r.text for r in rows] == ["Quiero la devolución de mi dinero"]


@pytest.mark.parametrize("query", ['"', "*", "AND OR", "NEAR(", "a:b", "'; DROP TABLE"])
def test_search_syntax_is_never_an_error(runtime, query):
    acc = _account(runtime)
    ingest(runtime.workspace.store, runtime.triager, acc.id, [make_post(1, "hola")], None, None)
    feed.feed_page(runtime.workspace.store.db, FeedFilter(search=query))


def test_keyset_pages_cover_everything_once_newest_first(runtime):
    acc = _account(runtime)
    store = runtime.workspace.store
    ingest(store, runtime.triager, acc.id, [make_post(n) for n in range(1, 451)], None, None)
    seen, after = [], None
    while True:
        page = feed.feed_page(store.db, FeedFilter(), after, limit=100)
        if not page:
            break
        seen.extend(page)
        after = page[-1]
    assert len(seen) == 450 == len({r.id for r in seen})
    assert [r.created_at for r in seen] == sorted((r.created_at for r in seen), reverse=True)


def test_filters_by_status_and_channel(runtime):
    acc = _account(runtime)
    store = runtime.workspace.store
    result = ingest(store, runtime.triager, acc.id, [make_post(n) for n in range(1, 6)],
                    None, None)
    runtime.feed.set_status(result.added[:2], "closed")
    assert feed.count(store.db, FeedFilter(statuses=("closed",))) == 2
    assert feed.count(store.db, FeedFilter(statuses=("new",))) == 3
    assert feed.count(store.db, FeedFilter(channels=("bluesky",))) == 0
    with pytest.raises(ValueError):
        runtime.feed.set_status(result.added, "exploded")


def test_outbox_state_machine(runtime):
    acc = _account(runtime)
    store = runtime.workspace.store
    mention_id = ingest(store, runtime.triager, acc.id, [make_post(1)], None, None).added[0]
    outbox.save_draft(store, mention_id, "Hola, ")
    assert outbox.get_draft(mention_id) == "Hola, "
    reply = outbox.queue_reply(store, mention_id, "Hola, te ayudamos", "public")
    assert reply.state == "queued" and outbox.get_draft(mention_id) == ""
    assert [r.id for r in outbox.due_replies()] == [reply.id]
    outbox.mark_sending(store, reply.id)
    # A crash here leaves it in "sending": it is due again, with the same key.
    again = outbox.due_replies()
    assert again[0].idempotency_key == reply.idempotency_key and again[0].state == "sending"
    outbox.mark_retry(store, reply.id, "offline", 60)
    assert outbox.due_replies() == []
    outbox.mark_failed(store, reply.id, "rejected")
    assert outbox.counts()["failed"] == 1
    outbox.retry_failed(store, reply.id, "Hola, ya lo revisamos")
    outbox.mark_sent(store, reply.id, "999", "https://x/999", reply.created_at + timedelta(1))
    assert runtime.profile.mention(mention_id).status == "replied"
    assert outbox.counts() == {"queued": 0, "sending": 0, "sent": 1, "failed": 0}


def test_author_timeline_lists_mentions_and_replies_newest_first(runtime):
    acc = _account(runtime)
    store = runtime.workspace.store
    author = make_author(3)
    ids = ingest(store, runtime.triager, acc.id,
                 [make_post(n, author=author) for n in (1, 2, 3)], None, None).added
    reply = outbox.queue_reply(store, ids[0], "respuesta", "public")
    items = runtime.profile.timeline(runtime.feed.rows([ids[0]])[0].author_id)
    assert [i.kind for i in items].count("mention") == 3
    assert any(i.kind == "reply" and i.id == reply.id for i in items)
    page = runtime.profile.timeline(items[0] and runtime.feed.rows([ids[0]])[0].author_id,
                                    before=items[1], limit=10)
    assert [i.id for i in page] == [i.id for i in items[2:]]


def test_retriage_rescores_every_stored_mention(runtime):
    from console.sync.retriage import retriage

    acc = _account(runtime)
    store = runtime.workspace.store
    ids = ingest(store, runtime.triager, acc.id,
                 [make_post(n, "sigo esperando mi pedido, nadie responde") for n in (1, 2)],
                 None, None).added
    store.db.execute_sql("UPDATE mention SET complaint = 0, priority = 0, "
                         "sentiment_label = 'undefined'")
    seen = []
    assert retriage(store, runtime.triager, lambda d, t: seen.append((d, t))) == 2
    assert seen[-1] == (2, 2)
    rows = feed.feed_rows(store.db, ids)
    assert all(r.complaint > 0.5 and r.priority > 0 and r.sentiment_label != "undefined"
               for r in rows)
