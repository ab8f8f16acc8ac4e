"""Agents' corrections: stored, applied at once, learned from the database, reset."""

from __future__ import annotations

from datetime import timedelta

import pytest

from console.accounts import queries as accounts
from console.app.runtime import open_runtime
from console.errors import InvalidInput
from console.mentions import queries as mentions
from console.store.timeutil import to_db, utcnow
from console.sync.ingest import ingest
from console.triage import corrections
from console.triage.context import context_of_author
from console.triage.learn import MODEL_FILE
from tests.builders import make_author, make_post

# A post the shipped model does not take for a complaint, and a team that does.
WOKEN = "el repartidor tocó el timbre a las 6 de la mañana"
SIMILAR = "hoy el repartidor tocó el timbre a las 6 de la mañana"
SIMILAR_2 = "el repartidor tocó el timbre a las 6 de la mañana del sábado"


@pytest.fixture
def store_posts(runtime):
    account = accounts.add_account(runtime.workspace.store, "mastodon", "http://127.0.0.1:9",
                                   handle="ventalia", remote_id="1",
                                   settings={"max_characters": 500})

    def store(*posts):
        return ingest(runtime.workspace.store, runtime.triager, account.id, list(posts), None,
                      None, "ventalia", "1").added

    return store


def _fresh_post(n: int, text: str, **kw):
    # created now, so age does not pull the priority down
    return make_post(n, text, created_at=utcnow() - timedelta(minutes=5), **kw)


def test_correction_is_stored_and_relabels_the_mention_at_once(runtime, store_posts):
    [mid] = store_posts(_fresh_post(1, WOKEN))
    service = runtime.triage_service
    before = service.mention(mid)
    assert before is not None and not before.is_complaint
    after = service.correct(mid, "is_complaint", "yes", agent="ana")
    assert after.is_complaint and after.corrected == {"is_complaint": "yes"}
    assert after.priority > before.priority
    assert any(r.startswith("complaint 1.00") for r in after.priority_reasons)
    [stored] = service.corrections()
    assert (stored.field, stored.value, stored.previous, stored.agent) == (
        "is_complaint", "yes", "no", "ana")
    assert stored.text == WOKEN and stored.learned and service.count() == 1
    spam = service.correct(mid, "spam", True)
    assert spam.spam
    with pytest.raises(InvalidInput, match="Unknown correction field"):
        service.correct(mid, "colour", "red")
    with pytest.raises(InvalidInput, match="The sentiment must be negative, neutral or positive"):
        service.correct(mid, "sentiment_label", "furious")
    with pytest.raises(InvalidInput, match="There is no mention 999"):
        service.correct(999, "spam", "yes")
    assert service.count() == 2


def test_learning_changes_similar_unseen_posts_and_open_mentions_only(runtime, store_posts):
    service = runtime.triage_service
    [corrected, open_similar, closed_similar] = store_posts(
        _fresh_post(1, WOKEN), _fresh_post(2, SIMILAR, author=make_author(2)),
        _fresh_post(3, SIMILAR_2, author=make_author(3)))
    mentions.set_status(runtime.workspace.store, [closed_similar], "closed")
    closed_before = service.mention(closed_similar)
    assert not service.mention(open_similar).is_complaint
    service.correct(corrected, "is_complaint", "yes")
    service.correct(corrected, "reason", "delivery")
    service.correct(corrected, "sentiment_label", "negative")
    assert runtime.triager.corrections_count == 0  # stored; learned on the next retrain
    seen = []
    report = service.retrain_and_rescore(lambda done, total, changed: seen.append(changed))
    assert runtime.triager.corrections_count == 3 and service.status().up_to_date
    assert report.scored == 2  # the two open mentions; the closed one is left alone
    assert open_similar in report.changed and seen
    relabelled = service.mention(open_similar)
    assert relabelled.is_complaint and relabelled.reason == "delivery"
    assert relabelled.sentiment_label == "negative"
    assert service.mention(closed_similar) == closed_before
    # A post never seen before is scored with what the model learned.
    [unseen] = store_posts(_fresh_post(4, "el repartidor de hoy tocó el timbre a las 6 "
                                          "de la mañana", author=make_author(4)))
    assert service.mention(unseen).is_complaint


def test_reset_restores_shipped_behaviour_and_keeps_the_list(runtime, store_posts):
    service = runtime.triage_service
    [corrected, similar] = store_posts(_fresh_post(1, WOKEN),
                                       _fresh_post(2, SIMILAR, author=make_author(2)))
    shipped = service.mention(similar)
    service.correct(corrected, "is_complaint", "yes")
    service.correct(corrected, "reason", "delivery")
    service.retrain_and_rescore()
    assert service.mention(similar).is_complaint
    assert (runtime.workspace.path / MODEL_FILE).exists()
    service.reset()
    assert runtime.triager.corrections_count == 0 and service.status().learned == 0
    again = service.mention(similar)
    assert (again.is_complaint, again.reason) == (shipped.is_complaint, shipped.reason)
    listed = service.corrections()
    assert len(listed) == 2 and not any(c.learned for c in listed)
    assert service.mention(corrected).is_complaint  # the agent's own label on that post stays
    assert not (runtime.workspace.path / MODEL_FILE).exists()
    # Corrections after the reset are learned again; the forgotten ones are not.
    service.correct(corrected, "sentiment_label", "negative")
    service.retrain_and_rescore()
    assert runtime.triager.corrections_count == 1


def test_the_database_is_the_source_of_truth(tmp_path, runtime, store_posts):
    service = runtime.triage_service
    [mid] = store_posts(_fresh_post(1, WOKEN))
    service.correct(mid, "is_complaint", "yes")
    service.retrain_and_rescore()
    path = runtime.workspace.path
    runtime.close()
    # The cached model file is gone (another machine, or deleted): the corrections in the
    # database are learned again when the workspace opens.
    (path / MODEL_FILE).unlink()
    reopened = open_runtime(path, memory_secrets=True)
    try:
        assert reopened.triager.corrections_count == 1
        assert reopened.triage_service.status().up_to_date
    finally:
        reopened.close()


def test_corrections_of_an_old_model_file_move_into_the_database(tmp_path):
    from console.triage import Correction, Triager

    path = tmp_path / "ws"
    path.mkdir()
    Triager(path).learn([Correction(WOKEN, "is_complaint", True)])
    rt = open_runtime(path, memory_secrets=True)
    try:
        [moved] = rt.triage_service.corrections()
        assert moved.field == "is_complaint" and moved.value == "yes" and moved.learned
        assert rt.triager.corrections_count == 1
    finally:
        rt.close()


def test_priority_uses_open_cases_and_history(runtime, store_posts):
    author = make_author(7)
    ids = store_posts(*[_fresh_post(n, f"hola ventalia, pregunta número {n}", author=author)
                        for n in range(1, 4)])
    [later] = store_posts(_fresh_post(9, "sigo esperando mi pedido", author=author))
    reasons = runtime.triage_service.mention(later).priority_reasons
    assert "3 earlier mentions" in reasons
    db = runtime.workspace.store.db
    author_id = _author_id(db, ids[0])
    already = context_of_author(db, author_id).open_cases  # the cases step may open some
    now = to_db(utcnow())
    with runtime.workspace.store.write():
        for _ in range(2):
            db.execute_sql('INSERT INTO "case" (status, priority, created_at, updated_at, '
                           "author_id) VALUES ('open', 0, ?, ?, ?)", (now, now, author_id))
            db.execute_sql('INSERT INTO "case" (status, priority, created_at, updated_at, '
                           "author_id) VALUES ('closed', 0, ?, ?, ?)", (now, now, author_id))
    [newest] = store_posts(_fresh_post(10, "sigo esperando mi pedido", author=author))
    shown = runtime.triage_service.mention(newest)
    assert f"{already + 2} open cases" in shown.priority_reasons
    if already == 0:
        assert shown.priority > runtime.triage_service.mention(later).priority


def _author_id(db, mention_id: int) -> int:
    return int(db.execute_sql("SELECT author_id FROM mention WHERE id = ?",
                              (mention_id,)).fetchone()[0])


def test_priority_recomputed_when_a_keyword_hit_becomes_tagged(runtime, store_posts):
    post = _fresh_post(1, "ventalia me cobró dos veces el envío", source="keyword")
    [mid] = store_posts(post)
    before = runtime.triage_service.mention(mid)
    assert "untagged" in before.priority_reasons
    store_posts(_fresh_post(1, post.text, source="mention"))  # the same post, seen as a mention
    after = runtime.triage_service.mention(mid)
    assert "untagged" not in after.priority_reasons
    assert after.priority < before.priority


def test_learned_after_marker_is_shared_setting(runtime, store_posts):
    [mid] = store_posts(_fresh_post(1, WOKEN))
    runtime.triage_service.correct(mid, "spam", "yes")
    db = runtime.workspace.store.db
    assert corrections.learned_after(db) == 0
    runtime.triage_service.reset()
    assert corrections.learned_after(db) == corrections.count(db) == 1


def test_triage_jsonl_with_a_workspace_scores_with_what_it_learned(runtime, store_posts):
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    [mid] = store_posts(_fresh_post(1, WOKEN))
    runtime.triage_service.correct(mid, "is_complaint", "yes")
    runtime.triage_service.retrain_and_rescore()
    folder = runtime.workspace.path
    (folder / MODEL_FILE).unlink()  # the database, not the cached file, is what counts
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=str(root),
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")

    def complaint(*workspace: str) -> bool:
        done = subprocess.run(
            [sys.executable, "-m", "console", *workspace, "triage", "--jsonl"],
            input=json.dumps({"text": SIMILAR}) + "\n", text=True, capture_output=True,
            env=env, timeout=120)
        assert done.returncode == 0, done.stderr
        return bool(json.loads(done.stdout)["is_complaint"])

    assert complaint("--workspace", str(folder))
    assert not complaint()  # no workspace: the shipped model
    missing = subprocess.run(
        [sys.executable, "-m", "console", "--workspace", str(folder / "nope"), "triage", "hola"],
        text=True, capture_output=True, env=env, timeout=120)
    assert missing.returncode == 1 and "there is no workspace at" in missing.stderr
    assert not (folder / "nope").exists()
