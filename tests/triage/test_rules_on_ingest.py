"""Rules stored in the database, kept in order, and run on every new mention on ingest."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from console.errors import InvalidInput
from console.feed.queries import FeedFilter
from console.mentions.ingested import Ingested
from console.sync import pipeline
from console.triage import queries, rules_step, stored_rules


def _rule(name: str, conditions: list[tuple[str, str]], actions: list[tuple[str, str]],
          **kw: object) -> dict:
    return {"name": name, "conditions": [{"kind": k, "value": v} for k, v in conditions],
            "actions": [{"kind": k, "value": v} for k, v in actions], **kw}


def test_rules_keep_their_order_through_add_move_remove(runtime):
    service = runtime.rules
    a = service.add(_rule("A", [("keyword", "x")], [("tag", "a")]))
    b = service.add(_rule("B", [("keyword", "x")], [("tag", "b")]))
    c = service.add(_rule("C", [("keyword", "x")], [("tag", "c")]), position=1)
    assert [s.rule.name for s in service.rules()] == ["C", "A", "B"]
    service.move(b.id, 1)
    assert [(s.position, s.rule.name) for s in service.rules()] == [(1, "B"), (2, "C"), (3, "A")]
    service.remove(c.id)
    assert [(s.position, s.rule.name) for s in service.rules()] == [(1, "B"), (2, "A")]
    service.set_enabled(a.id, False)
    assert [r.name for r in stored_rules.active_rules(runtime.workspace.store.db)] == ["B"]
    assert service.find("a").id == a.id
    with pytest.raises(InvalidInput, match="There is no rule"):
        service.find("nope")
    with pytest.raises(InvalidInput, match="whole number"):
        service.add(_rule("bad", [("followers_at_least", "many")], [("tag", "x")]))
    with pytest.raises(InvalidInput, match="at least one action"):
        service.add(_rule("empty", [("keyword", "x")], []))
    assert len(service.rules()) == 2  # nothing half-stored


def test_stop_ends_the_evaluation_and_test_reports_fired(runtime):
    service = runtime.rules
    service.add(_rule("Refunds", [("keyword", "reembolso")], [("tag", "billing")], stop=True))
    service.add(_rule("Everything", [], [("tag", "seen")]))
    result = service.test("sigo esperando mi reembolso", lang="es")
    assert result.outcome.fired == ["Refunds"] and result.outcome.tags == ["billing"]
    other = service.test("hola", lang="es")
    assert other.outcome.fired == ["Everything"]


@pytest.fixture
def recorded(monkeypatch):
    """The ingest steps: the rules step and a recorder standing for the steps after it."""
    seen: list[Ingested] = []
    recorder = SimpleNamespace(run=lambda db, items: seen.extend(items))
    monkeypatch.setattr(pipeline, "STEPS", [rules_step, recorder])
    return seen


def test_every_action_takes_effect_on_ingest(connected, recorded):
    rt = connected
    service = rt.rules
    service.add(_rule("Refunds", [("keyword", "reembolso")],
                      [("tag", "billing"), ("assign", "ana"), ("set_priority", "97")]))
    service.add(_rule("Price bot", [("author_in", "precios_bot")], [("hide_spam", "")],
                      stop=True))
    service.add(_rule("Twice", [("keyword", "dos veces")], [("mark_not_relevant", "")]))
    service.add(_rule("Praise", [("phrase", "me encanta")], [("close", "")]))
    service.add(_rule("English", [("language", "en")], [("tag", "english")]))
    service.add(_rule("Everyone", [("source", "mention,keyword,hashtag,direct")],
                      [("tag", "seen")]))
    [report] = rt.engine.sync_once()
    assert report.error == ""
    db = rt.workspace.store.db
    everything = {r.text: r for r in rt.feed.page(
        FeedFilter(include_spam=True, include_irrelevant=True))}

    def row(words: str):
        return next(r for text, r in everything.items() if words in text)

    def stored(mention_id: int) -> tuple:
        return db.execute_sql("SELECT fired_rules, relevance, status FROM mention WHERE id = ?",
                              (mention_id,)).fetchone()

    refund = row("reembolso")
    assert refund.priority == 97 and refund.priority_reasons.startswith("rule Refunds set 97")
    assert stored(refund.id)[0] == "Refunds · Everyone"
    assert queries.mention_tags(db, refund.id) == ["billing", "seen"]
    item = next(i for i in recorded if i.mention_id == refund.id)
    assert item.assignee == "ana" and item.open_case and item.fired_rules == ["Refunds",
                                                                              "Everyone"]
    assert item.tags == ["billing", "seen"] and item.labels.priority == 97

    bot = row("Precios de ventalia")
    assert bot.spam and stored(bot.id)[0] == "Price bot"  # stop: "Everyone" never ran
    app = row("dos veces")
    assert stored(app.id)[1] == 0.0 and "Twice" in stored(app.id)[0]
    praise = row("Me encanta")
    assert stored(praise.id)[2] == "closed"
    assert next(i for i in recorded if i.mention_id == praise.id).closed
    english = row("late delivery")
    assert "english" in queries.mention_tags(db, english.id)

    # Spam and posts marked not relevant are hidden from the default view, never deleted.
    default_ids = {r.id for r in rt.feed.page(FeedFilter())}
    assert bot.id not in default_ids and app.id not in default_ids
    assert refund.id in default_ids


def test_rules_changed_between_batches_are_seen(connected, recorded):
    rt = connected
    rt.engine.sync_once()
    first = rt.rules.add(_rule("Later", [("keyword", "devolucion")], [("tag", "returns")]))
    rt.extras["sandbox"].add_post("lucia", "@ventalia ¿dónde está mi devolución?")
    rt.engine.sync_once()
    [fresh] = [i for i in recorded if "devolución" in i.post.text]
    assert fresh.fired_rules == ["Later"]
    rt.rules.set_enabled(first.id, False)
    rt.extras["sandbox"].add_post("lucia", "@ventalia otra devolución pendiente")
    rt.engine.sync_once()
    [second] = [i for i in recorded if "otra devolución" in i.post.text]
    assert second.fired_rules == []
