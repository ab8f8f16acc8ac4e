"""Ingest stores exactly what it stored before it was made faster.

The pages below (the project's own evaluation posts in English and Spanish, word salad,
hostile text, replies, a post found again by another route, authors whose profile changes
between pages) were ingested once by the ingest path as it was before the speed work and
every stored value was written to ``data/ingest_golden.json``. Any change to what a user
sees (labels, scores, priority, reasons, authors' profiles, cases, tags, links) fails here.
Clock-dependent columns (fetch and update times, SLA due dates) are left out.

Regenerate only on purpose: ``POSVENTA_WRITE_GOLDEN=1`` with the old code.
"""

from __future__ import annotations

import json
import os
import random
from datetime import timedelta
from pathlib import Path

from peewee import DateTimeField

from console.store import models
from console.sync import ingest as ingest_module
from console.sync.ingest import ingest
from tests.bench.seed import text as word_salad
from tests.builders import BASE_TIME, make_author, make_post
from tests.sql_count import sent_statements

GOLDEN = Path(__file__).parent / "data" / "ingest_golden.json"
EVAL = Path(__file__).resolve().parents[2] / "resources" / "triage" / "eval.jsonl"
TABLES = (models.Mention, models.Author, models.Case, models.CaseEvent, models.MentionTag,
          models.Customer, models.LinkDecision)
KEEP_TIMES = {("mention", "created_at")}


def _pages() -> list[list]:
    rng = random.Random(18)
    texts = [json.loads(line)["text"] for line in EVAL.read_text("utf-8").splitlines()
             if line.strip()]
    texts += [word_salad(rng) for _ in range(120)]
    texts += ["broken \ud800 surrogate from a server", "\u202etxt.exe gracias", "", "🙂" * 40]
    posts = []
    for n, body in enumerate(texts, start=1):
        author = make_author(n % 70, followers=10 * (n % 70) + (n // 200))
        kw: dict = {}
        if n % 7 == 0:
            kw["source"] = "keyword"
        if n % 11 == 0 and n > 1:
            kw["in_reply_to"] = str(n - 1)
        posts.append(make_post(n, body, author=author, **kw))
    # The same post found again by another route, and once more within a page.
    posts += [make_post(5, texts[4], author=make_author(5), source="hashtag")]
    posts.insert(30, posts[29])
    return [posts[i:i + 40] for i in range(0, len(posts), 40)]


def _stored() -> dict[str, list]:
    out: dict[str, list] = {}
    for model in TABLES:
        table = model._meta.table_name
        columns = [f.column_name for f in model._meta.sorted_fields
                   if not isinstance(f, DateTimeField) or (table, f.column_name) in KEEP_TIMES]
        rows = model.select(*[model._meta.columns[c] for c in columns]).order_by(
            model._meta.primary_key).tuples()
        out[table] = [dict(zip(columns, [v if not hasattr(v, "isoformat") else v.isoformat()
                                         for v in row], strict=True)) for row in rows]
    return out


def test_ingest_stores_what_it_stored_before(runtime, monkeypatch):
    store, triager = runtime.workspace.store, runtime.triager
    # Priority weighs a post's age: the pull happens at one fixed moment.
    monkeypatch.setattr(ingest_module, "utcnow", lambda: BASE_TIME + timedelta(days=33))
    for page in _pages():
        ingest(store, triager, None, page, None, None, brand_handle="@TiendaOrbe")
    stored = json.loads(json.dumps(_stored(), ensure_ascii=False))
    if os.environ.get("POSVENTA_WRITE_GOLDEN"):
        GOLDEN.write_text("{\n" + ",\n".join(
            json.dumps(t, ensure_ascii=False) + ": [\n" + ",\n".join(
                json.dumps(r, ensure_ascii=False) for r in rows) + "\n]"
            for t, rows in stored.items()) + "\n}\n", "utf-8")
    golden = json.loads(GOLDEN.read_text("utf-8"))
    assert {t: len(r) for t, r in stored.items()} == {t: len(r) for t, r in golden.items()}
    for table, rows in golden.items():
        for want, got in zip(rows, stored[table], strict=True):
            assert got == want, table


def test_an_author_seen_again_is_written_only_when_the_profile_changed(runtime):
    store, triager = runtime.workspace.store, runtime.triager
    ingest(store, triager, None, [make_post(1, "hola", author=make_author(1))], None, None)
    with sent_statements(store.db) as sent:
        ingest(store, triager, None, [make_post(2, "otra", author=make_author(1))], None, None)
        assert not [sql for sql in sent if sql.startswith("UPDATE author")]
        ingest(store, triager, None, [make_post(3, "y otra", author=make_author(
            1, bio="nueva bio", followers=7))], None, None)
    author = models.Author.get()
    assert (author.bio, author.followers) == ("nueva bio", 7)


def test_every_stored_mention_is_searchable_and_filed_under_its_routes(runtime, monkeypatch):
    store, triager = runtime.workspace.store, runtime.triager
    monkeypatch.setattr(ingest_module, "utcnow", lambda: BASE_TIME + timedelta(days=33))
    for page in _pages():
        ingest(store, triager, None, page, None, None, brand_handle="@TiendaOrbe")
    db = store.db
    want_text = {(int(key), text, f"{name} {handle}") for key, text, name, handle in
                 db.execute_sql("SELECT m.feed_key, m.text, a.display_name, a.handle FROM "
                                "mention m JOIN author a ON a.id = m.author_id").fetchall()}
    got_text = {(int(key), text, name) for key, text, name in
                db.execute_sql("SELECT rowid, text, author FROM mention_fts").fetchall()}
    assert got_text == want_text
    want_routes = {(source, int(key)) for key, sources in
                   db.execute_sql("SELECT feed_key, sources FROM mention").fetchall()
                   for source in sources.split(",")}
    got_routes = {(source, int(key)) for source, key in
                  db.execute_sql("SELECT source, feed_key FROM mention_source").fetchall()}
    assert got_routes == want_routes
    assert len(got_text) == models.Mention.select().count()
