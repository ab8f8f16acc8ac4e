"""Export, review and import: every item survives, nothing secret leaves, nothing doubles."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from console.app.review import close_review, open_review
from console.app.runtime import Runtime, open_runtime
from console.casefile.export import Selection, export_cases
from console.casefile.format import CaseFileError, content_digest, manifest
from console.casefile.importer import import_case_file
from console.feed.queries import FeedFilter
from tests.casefile.conftest import ACCOUNT_SECRET_SETTING, TOKEN, Seeded, folder_fingerprint

# Key fields compared between the workspace, the case file and the imported workspace.
KEYS = {
    "mention": "SELECT channel, remote_id, text, in_reply_to, thread_root, reason, "
               "sentiment_label, complaint, priority, priority_reasons, status FROM mention",
    "author": "SELECT channel, remote_id, handle, display_name FROM author",
    "customer": "SELECT name, vip FROM customer",
    "case": 'SELECT channel, thread_root, status, subject, priority FROM "case"',
    "reply": "SELECT idempotency_key, text, state FROM reply",
    "note": "SELECT body, agent, created_at FROM note",
    "case_event": 'SELECT kind, "old", "new", "at" FROM case_event',
    "case_tag": 'SELECT c.thread_root, t.name FROM case_tag x JOIN "case" c ON c.id = x.case_id '
                "JOIN tag t ON t.id = x.tag_id",
    "author_customer": "SELECT a.remote_id, c.name FROM author a JOIN customer c "
                       "ON c.id = a.customer_id",
}


def facts(con: sqlite3.Connection) -> dict[str, list]:
    return {name: sorted(map(tuple, con.execute(sql).fetchall()), key=repr)
            for name, sql in KEYS.items()}


def export_first_case(rt: Runtime, seeded: Seeded, target: Path) -> Path:
    export_cases(rt.workspace.db_path, target, Selection(case_ids=(seeded.complaint_case,)),
                 workspace_id=rt.workspace.settings.workspace_id)
    return target


def test_case_file_holds_the_whole_case_and_no_secret(runtime: Runtime, seeded: Seeded,
                                                       tmp_path: Path) -> None:
    path = export_first_case(runtime, seeded, tmp_path / "ana.posventa-cases")
    con = sqlite3.connect(path)
    texts = [r[0] for r in con.execute("SELECT text FROM mention ORDER BY remote_id")]
    # The whole thread, not the unrelated mention nor the other case.
    assert texts == ["@ventalia my order arrived broken, I want a refund now",
                     "@ventalia still no answer about the broken blender"]
    # The customer and their other linked account (on Bluesky) come along.
    assert {r[0] for r in con.execute("SELECT channel FROM author")} == {"mastodon", "bluesky"}
    assert con.execute("SELECT body FROM note").fetchall() == [
        ("Customer sent photos by DM; replacement approved.",)]
    assert con.execute("SELECT name FROM tag").fetchall() == [("breakage",)]
    assert con.execute("SELECT count(*) FROM case_event").fetchone()[0] >= 2
    assert con.execute("SELECT settings FROM account").fetchall() == [("{}",)]
    # The team's SLA settings travel; the workspace's own id (its keyring namespace) not.
    kept = {r[0] for r in con.execute('SELECT "key" FROM team_setting')}
    assert "workspace_id" not in kept
    info = manifest(con)
    assert info["format"] == "posventa-case-file"
    assert info["content_sha256"] == content_digest(con)
    con.close()
    blob = path.read_bytes()
    assert TOKEN.encode() not in blob
    assert ACCOUNT_SECRET_SETTING.encode() not in blob


def test_search_and_since_select_cases(runtime: Runtime, seeded: Seeded, tmp_path: Path) -> None:
    result = export_cases(runtime.workspace.db_path, tmp_path / "s.cases",
                          Selection(search="canarias"))
    assert result.cases == 1 and result.mentions == 1
    with pytest.raises(CaseFileError, match="nothing matches"):
        export_cases(runtime.workspace.db_path, tmp_path / "n.cases",
                     Selection(search="zzzzzz"))
    with pytest.raises(CaseFileError, match="no case 999"):
        export_cases(runtime.workspace.db_path, tmp_path / "n.cases", Selection(case_ids=(999,)))
    assert not (tmp_path / "n.cases").exists()


def test_round_trip_review_then_import(runtime: Runtime, seeded: Seeded, tmp_path: Path) -> None:
    path = export_first_case(runtime, seeded, tmp_path / "ana.posventa-cases")
    with sqlite3.connect(path) as con:
        exported = facts(con)
        digest = content_digest(con)
    assert exported["reply"] and exported["case_tag"] and exported["author_customer"]
    workspace = runtime.workspace.path
    runtime.close()
    before = folder_fingerprint(workspace)

    review = open_review(path, reviewer="Marta")
    try:
        rows = review.feed.page(FeedFilter())
        assert len(rows) == 2
        assert len(review.feed.page(FeedFilter(search="blender"))) == 1
        case = review.cases.case_for_mention(rows[0].id)
        assert case is not None
        review.extras["reviews"].add(case.id, 4, "Good tone; refund offered quickly.")
    finally:
        close_review(review)
    assert folder_fingerprint(workspace) == before  # the workspace was never touched
    with sqlite3.connect(path) as con:
        assert content_digest(con) == digest  # data rows unchanged
        assert con.execute("SELECT reviewer, score, note FROM review").fetchall() == [
            ("Marta", 4, "Good tone; refund offered quickly.")]

    fresh = open_runtime(tmp_path / "fresh", memory_secrets=True)
    try:
        first = import_case_file(fresh.workspace.store, path)
        assert first.added["mentions"] == 2 and first.added["cases"] == 1
        assert first.added["reviews"] == 1
        assert not first.existing
        second = import_case_file(fresh.workspace.store, path)
        assert second.total_added == 0
        assert second.existing["mentions"] == 2 and second.existing["reviews"] == 1
        con = sqlite3.connect(fresh.workspace.db_path)
        imported = facts(con)
        hits = con.execute("SELECT count(*) FROM mention_fts WHERE mention_fts MATCH "
                           "'blender'").fetchone()[0]
        con.close()
        # The review is now part of the case's history in the workspace...
        case_id = fresh.cases.list_cases()[0].id
        reviews = [(e.agent, e.old, e.new) for e in fresh.cases.history(case_id)
                   if e.kind == "review"]
        assert reviews == [("Marta", "4", "Good tone; refund offered quickly.")]
        # ...and the next case file carries it to the next reviewer, marked as earlier.
        again = tmp_path / "again.posventa-cases"
        export_cases(fresh.workspace.db_path, again, Selection(case_ids=(case_id,)))
    finally:
        fresh.close()
    review_events = [e for e in imported["case_event"] if e[0] == "review"]
    assert len(review_events) == 1
    # Replies not sent from the source workspace arrive failed, never queued here.
    unsent = [r for r in exported["reply"] if r[2] != "sent"]
    assert unsent  # the seeded case has a reply still waiting to go out
    assert sorted(imported["reply"]) == sorted(
        (key, text, "sent" if state == "sent" else "failed")
        for key, text, state in exported["reply"])
    assert {**imported, "reply": exported["reply"],
            "case_event": [e for e in imported["case_event"] if e[0] != "review"]} == exported
    assert hits == 1
    second_look = open_review(again, reviewer="Luis")
    try:
        service = second_look.extras["reviews"]
        service.add(case_id, 2, "The second reply came too late.")
        found = service.for_case(case_id)
    finally:
        close_review(second_look)
    assert [(r.reviewer, r.score, r.earlier) for r in found] == [
        ("Marta", 4, True), ("Luis", 2, False)]


def test_import_into_the_source_workspace_adds_nothing(runtime: Runtime, seeded: Seeded,
                                                       tmp_path: Path) -> None:
    path = export_first_case(runtime, seeded, tmp_path / "ana.posventa-cases")
    summary = import_case_file(runtime.workspace.store, path)
    assert summary.total_added == 0
    assert summary.existing["mentions"] == 2 and summary.existing["notes"] == 1


def test_posts_of_another_server_with_the_same_ids_are_added(runtime: Runtime, seeded: Seeded,
                                                            tmp_path: Path) -> None:
    """Two servers number their posts alike: a case file whose posts and authors come from
    another server adds them, even where this workspace holds posts with the same ids."""
    path = export_first_case(runtime, seeded, tmp_path / "ana.posventa-cases")
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE mention SET server = 'other.example'")
        con.execute("UPDATE author SET server = 'other.example'")
        con.execute('UPDATE case_file_manifest SET "value" = ? WHERE "key" = ?',
                    (content_digest(con), "content_sha256"))
    con.close()
    summary = import_case_file(runtime.workspace.store, path)
    assert summary.added["mentions"] == 2 and summary.added["authors"] >= 1


def test_an_unsent_reply_is_never_sent_by_the_importing_workspace(
        runtime: Runtime, seeded: Seeded, tmp_path: Path) -> None:
    """A second console of the same brand imports the file: it has the same account, and a
    queued reply would go out twice. It arrives failed, with why, and nothing is due."""
    from console.accounts import queries as accounts

    path = export_first_case(runtime, seeded, tmp_path / "ana.posventa-cases")
    fresh = open_runtime(tmp_path / "fresh", memory_secrets=True)
    try:
        accounts.add_account(fresh.workspace.store, "mastodon", "http://127.0.0.1:9",
                             handle="ventalia", remote_id="1")
        import_case_file(fresh.workspace.store, path)
        rows = fresh.workspace.store.db.execute_sql(
            "SELECT state, error, account_id FROM reply").fetchall()
        assert rows and all(state == "failed" for state, _e, _a in rows)
        assert all("not sent from this workspace" in error for _s, error, _a in rows)
        assert all(account is not None for _s, _e, account in rows)  # linked, not sent
        assert fresh.workspace.store.db.execute_sql(
            "SELECT count(*) FROM reply WHERE state IN ('queued', 'sending')").fetchone()[0] == 0
    finally:
        fresh.close()
