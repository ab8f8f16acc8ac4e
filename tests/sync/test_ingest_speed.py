"""The ingest path reads what it needs for a page at once and keeps every behaviour.

A page of posts costs a handful of statements for the lookups (existing posts, authors,
their open cases and history, feed keys) instead of several per post; the figures it
reads must be the ones the per-post functions give, and a page holding the same post
twice still stores it once.
"""

from __future__ import annotations

from console.people import customers
from console.store.models import Mention
from console.sync.ingest import ingest
from console.triage.context import (
    context_of_remote_author,
    contexts_of_remote_authors,
)
from tests.builders import make_author, make_post
from tests.sql_count import sent_statements


def _statements(runtime, run) -> int:
    """Statements the store sent while ``run`` ran."""
    with sent_statements(runtime.workspace.store.db) as sent:
        run()
    return len(sent)


def test_a_page_by_known_authors_costs_few_statements_per_post(runtime):
    store, triager = runtime.workspace.store, runtime.triager
    authors = [make_author(n) for n in range(10)]
    first = [make_post(n, f"hola, pregunta {n}", author=authors[n % 10]) for n in range(1, 41)]
    ingest(store, triager, None, first, None, None)
    page = [make_post(n, f"hola otra vez {n}", author=authors[n % 10])
            for n in range(41, 81)]
    used = _statements(runtime, lambda: ingest(store, triager, None, page, None, None))
    # Before the lookups were batched this page took 19 statements a post.
    # 5.5 a post on either backend when this was written.
    assert used / len(page) <= 8
    assert Mention.select().count() == 80


def test_page_context_matches_the_per_post_context(runtime):
    store, triager = runtime.workspace.store, runtime.triager
    db = store.db
    ana, ana_bsky, luis = make_author(1), make_author(2, channel="mastodon"), make_author(3)
    posts = [make_post(1, "mi pedido no llega y nadie responde", author=ana),
             make_post(2, "sigo esperando el reembolso, es una vergüenza", author=ana_bsky),
             make_post(3, "gracias por todo", author=luis),
             make_post(4, "otra vez sin respuesta", author=ana)]
    ingest(store, triager, None, posts, None, None)
    ids = [Mention.get(Mention.remote_id == str(n)).author_id for n in (1, 2)]
    with store.write():
        customers.link(db, ids, agent="test")
    keys = [("mastodon", "", a.remote_id) for a in (ana, ana_bsky, luis)]
    keys.append(("mastodon", "", "never-seen"))
    batch = contexts_of_remote_authors(db, keys)
    for key in keys:
        single = context_of_remote_author(db, key[0], key[2], key[1])
        assert batch.get(key, single) == single
    assert batch[keys[0]].history == 3  # Ana's two posts and her linked account's one
    assert batch[keys[0]].open_cases >= 1


def test_the_same_post_twice_in_a_page_is_stored_once_with_both_routes(runtime):
    store, triager = runtime.workspace.store, runtime.triager
    author = make_author(5)
    twice = [make_post(7, "el envío llegó roto", author=author, source="keyword"),
             make_post(7, "el envío llegó roto", author=author, source="mention"),
             make_post(900, "y nadie contesta", author=author)]
    result = ingest(store, triager, None, twice, None, None)
    stored = Mention.get(Mention.remote_id == "7")
    after = Mention.get(Mention.remote_id == "900")
    assert result.added == [stored.id, after.id] and result.changed == [stored.id]
    # Each post's feed key holds its own time (the feed sorts by it).
    for post, mention in ((twice[0], stored), (twice[2], after)):
        assert mention.feed_key >> 20 == int(post.created_at.timestamp() * 1000)
    assert set(stored.sources.split(",")) == {"keyword", "mention"}
    assert stored.source == "mention"
