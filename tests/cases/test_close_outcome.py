"""Closing without a reply is its own outcome, and a close can be taken back exactly."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest

from console.cases import cli
from console.cases.cases import CaseError
from console.reports import figures
from console.reports.figures import Period
from tests.builders import make_post
from tests.cases.conftest import TUESDAY

ANGRY = "@ventalia me cobraron dos veces y nadie responde, quiero el reembolso ya"
PERIOD = Period(TUESDAY - timedelta(days=1), TUESDAY + timedelta(days=60), "day")


def _row(service, case_id):
    state = service.db.execute_sql('SELECT * FROM "case" WHERE id = ?', (case_id,)).fetchone()
    mentions = service.db.execute_sql(
        "SELECT id, status FROM mention WHERE case_id = ? ORDER BY id", (case_id,)).fetchall()
    return tuple(state), [tuple(m) for m in mentions]


def test_a_close_without_reply_is_not_a_met_resolution(runtime, store_posts, service, clock):
    from console.replies import outbox

    silent, answered = store_posts([make_post(1, ANGRY, created_at=TUESDAY),
                                    make_post(2, "otra consulta", created_at=TUESDAY)])
    closed = service.case_for_mention(silent) or service.open_case(silent)
    done = service.case_for_mention(answered) or service.open_case(answered)
    reply = outbox.queue_reply(runtime.workspace.store, answered, "Hola, ya está", "public",
                               "ana")
    outbox.mark_sent(runtime.workspace.store, reply.id, "9001", "", TUESDAY)
    clock.advance(minutes=10)
    service.close(closed.id)
    service.close(done.id)

    clocks = service.clocks(service.case(closed.id))
    assert clocks.resolution.state == "unanswered"
    assert clocks.first_response.state == "unanswered"
    assert service.clocks(service.case(done.id)).resolution.state == "met"
    now = TUESDAY + timedelta(days=1)  # past every due time
    report = figures.sla(runtime.workspace.store.db, PERIOD, "channel", now)
    [row] = report.rows
    table = dict(zip(report.columns, row, strict=True))
    assert table["cases"] == 2
    assert table["resolution_met"] == 1  # only the answered one
    assert table["resolution_breached"] == 0
    assert table["first_response_breached"] == 0
    assert table["closed_without_reply"] == 1

    out = io.StringIO()
    cli._show(service, closed.id, out)
    assert "resolution: closed without reply" in out.getvalue()
    assert "closed without reply" in cli._line(service, service.case(closed.id))


def test_undo_puts_the_closed_case_back_exactly(runtime, store_posts, service, clock):
    [mention] = store_posts([make_post(1, ANGRY, created_at=TUESDAY)])
    case = service.case_for_mention(mention) or service.open_case(mention)
    if service.case(case.id).claimed_by is None:
        service.claim(case.id)
    service.set_status(case.id, "waiting")
    before = _row(service, case.id)
    clock.advance(minutes=5)
    token = service.close(case.id)
    assert service.case(case.id).status == "closed"
    assert _row(service, case.id) != before
    clock.advance(seconds=3)
    restored = service.undo_close(token)
    assert _row(service, case.id) == before
    assert restored.status == "waiting" and restored.claimed_by == "ana"
    kinds = [(e.kind, e.old, e.new) for e in service.history(case.id)]
    assert ("status", "closed", "waiting") in kinds  # the history keeps both steps

    service.close(case.id)
    service.set_status(case.id, "open")  # reopened meanwhile: the undo must not clobber it
    with pytest.raises(CaseError, match="changed since it was closed"):
        service.undo_close(token)
