"""A page of mentions is logged for the other consoles in a statement or two, whatever it
opens: every case and mention once, nothing when the page's transaction fails."""

from __future__ import annotations

import pytest

from console.accounts import queries as accounts
from console.store import changes
from console.sync.ingest import ingest
from tests.builders import make_author, make_post
from tests.sql_count import sent_statements


def _log(db) -> list[tuple[str, int]]:
    return [(c.kind, c.row_id) for c in changes.since(db, 0, 10_000)]


def _inserts(db, run) -> int:
    with sent_statements(db) as sent:
        run()
    return sum('INSERT INTO "change_log"' in sql for sql in sent)


def test_a_page_opening_many_cases_is_logged_in_one_statement_per_kind(runtime) -> None:
    store, db = runtime.workspace.store, runtime.workspace.store.db
    account = accounts.add_account(store, "mastodon", "http://127.0.0.1:9")
    posts = [make_post(n, f"@ventalia pedido {n} sin llegar, nadie responde, quiero mi dinero",
                       author=make_author(n)) for n in range(1, 31)]
    before = changes.latest_id(db)
    result = None

    def run() -> None:
        nonlocal result
        result = ingest(store, runtime.triager, account.id, posts, "mentions", "30")

    assert _inserts(db, run) == 2  # the mentions, and the cases they opened
    assert result is not None and len(result.added) == 30
    logged = [(c.kind, c.row_id) for c in changes.since(db, before, 10_000)]
    case_ids = [row[0] for row in db.execute_sql(
        'SELECT DISTINCT case_id FROM mention WHERE case_id IS NOT NULL').fetchall()]
    assert len(case_ids) >= 20  # complaints from 30 people: a case each
    assert sorted(r for k, r in logged if k == changes.MENTION_ADDED) == sorted(result.added)
    assert sorted(r for k, r in logged if k == changes.CASE) == sorted(case_ids)
    assert len(logged) == len(set(logged))


def test_nothing_is_logged_when_the_block_fails(runtime) -> None:
    store, db = runtime.workspace.store, runtime.workspace.store.db
    before = _log(db)
    with pytest.raises(RuntimeError), store.write(), changes.collected(db):
        changes.record(db, changes.CASE, [1, 2])
        raise RuntimeError("the page could not be stored")
    assert _log(db) == before
    with store.write(), changes.collected(db):
        changes.record(db, changes.CASE, [3])
        with changes.collected(db):  # an inner block leaves it to the outer one
            changes.record(db, changes.CASE, [3, 4])
    assert _log(db)[len(before):] == [(changes.CASE, 3), (changes.CASE, 4)]
