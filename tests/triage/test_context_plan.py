"""What ingest reads of a page's authors is looked up by author, from indexes: never a walk
over every open case, never the mention rows with their payloads (SQLite plans it without
statistics, so the query and the indexes must leave it no worse choice)."""

from __future__ import annotations

import pytest

from console.store.dialect import is_postgres
from console.triage import queries
from console.triage.context import OPEN_CASE_STATUSES
from tests.sql_count import sent_statements

AUTHORS = [1, 2, 3]


def _plan(db, run, params: tuple) -> list[str]:
    """SQLite's plan of the last statement ``run`` sends."""
    with sent_statements(db) as sent:
        run()
    return [row[3] for row in db.connection().execute(f"EXPLAIN QUERY PLAN {sent[-1]}",
                                                      params).fetchall()]


def test_a_page_of_authors_is_read_by_author_from_indexes(runtime) -> None:
    db = runtime.workspace.store.db
    if is_postgres(db):
        pytest.skip("PostgreSQL plans with statistics")
    steps = _plan(db, lambda: queries.open_case_pairs(db, AUTHORS, OPEN_CASE_STATUSES),
                  (*AUTHORS, *OPEN_CASE_STATUSES, *AUTHORS, *OPEN_CASE_STATUSES))
    assert any("case_author_id" in step for step in steps), steps
    assert any("COVERING INDEX mention_author_case" in step for step in steps), steps
    assert not any("case_status_assignee" in step for step in steps), steps
    steps = _plan(db, lambda: queries.history_counts(db, AUTHORS), tuple(AUTHORS))
    assert any("COVERING INDEX mention_author_case" in step for step in steps), steps
