"""Two consoles on one workspace (two Workspace/Store objects on one SQLite file): a claim
made in one is seen in the other, only one of two simultaneous claims wins, and taking
over is explicit and in the history."""

from __future__ import annotations

import threading
from pathlib import Path

from console.app.workspace import Workspace
from console.cases.service import CaseService
from console.store.db import database_proxy
from tests.builders import make_post
from tests.cases.conftest import TUESDAY, FakeClock


def _two_consoles(runtime, tmp_path: Path):
    """Runtime's workspace is Ana's console; a second Workspace on the same folder is Bruno's."""
    clock = FakeClock(TUESDAY)
    other = Workspace(runtime.workspace.path, memory_secrets=True)
    assert other.store is not runtime.workspace.store
    ana = CaseService(runtime.workspace.store, "ana", clock)
    bruno = CaseService(other.store, "bruno", clock)
    return ana, bruno, other, clock


def _close(runtime, other: Workspace) -> None:
    other.close()
    database_proxy.initialize(runtime.workspace.store.db)  # the models follow the last opened


def test_a_claim_is_visible_to_the_other_console_and_take_over_is_explicit(
        runtime, store_posts, tmp_path):
    [mention] = store_posts([make_post(1, "hola, ¿qué tal el nuevo catálogo?")])
    ana, bruno, other, clock = _two_consoles(runtime, tmp_path)
    try:
        case = ana.open_case(mention)  # opening claims it for Ana
        seen = bruno.case_for_mention(mention)
        assert seen.claimed_by == "ana" and seen.claimed_at == TUESDAY
        attempt = bruno.claim(case.id)
        assert not attempt.won and attempt.claimed_by == "ana"
        clock.advance(minutes=3)
        assert bruno.take_over(case.id).won
        assert ana.case(case.id).claimed_by == "bruno"
        last = ana.history(case.id)[-1]
        assert (last.kind, last.old, last.new, last.agent) == ("takeover", "ana", "bruno",
                                                               "bruno")
        # and a note written in one console is read in the other
        bruno.add_note(case.id, "Le he llamado; espera el correo.")
        assert [n.body for n in ana.notes(case.id)] == ["Le he llamado; espera el correo."]
    finally:
        _close(runtime, other)


def test_simultaneous_claims_only_one_wins(runtime, store_posts, tmp_path):
    ids = store_posts([make_post(i, f"consulta número {i}") for i in range(1, 9)])
    ana, bruno, other, _clock = _two_consoles(runtime, tmp_path)
    try:
        store = runtime.workspace.store
        case_ids = []
        for mention in ids:
            with store.write():
                from console.cases import cases, team_settings

                case_ids.append(cases.open_case(store.db, mention, "", TUESDAY,
                                                team_settings.policy(store.db), claim=False))
        results: dict[str, list] = {"ana": [], "bruno": []}
        start = threading.Barrier(2)

        def work(service: CaseService) -> None:
            start.wait()
            for case_id in case_ids:
                results[service.agent].append(service.claim(case_id))

        threads = [threading.Thread(target=work, args=(s,)) for s in (ana, bruno)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        for index, case_id in enumerate(case_ids):
            a, b = results["ana"][index], results["bruno"][index]
            assert a.won != b.won, f"case {case_id}: exactly one agent holds it"
            holder = "ana" if a.won else "bruno"
            assert a.claimed_by == b.claimed_by == holder
            assert ana.case(case_id).claimed_by == holder
            claims = [e for e in ana.history(case_id) if e.kind == "claim"]
            assert [(e.old, e.new) for e in claims] == [("", holder)]
    finally:
        _close(runtime, other)
