"""The window and another console's claims and customer edits, live (pytest-qt offscreen).

The other console is a real process on the same workspace (its team database on the
"postgresql" backend): a claim it makes shows in the case banner within 2 s, with the feed's
selection kept; when both claim at once, one wins and the window shows who; a tag it puts
on the customer on screen shows in the profile within 2 s.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from console.feed.queries import FeedFilter
from tests.sync.team_console import OtherConsole
from tests.sync.test_team_window import window  # noqa: F401  (the window fixture)

ROOT = Path(__file__).resolve().parents[2]


def _a_case(rt) -> tuple[int, int]:
    """(case id, its mention) of a case on the newest mention, nobody holding it."""
    mention_id = rt.feed.page(FeedFilter())[0].id
    case = rt.cases.case_for_mention(mention_id) or rt.cases.open_case(mention_id)
    if case.claimed_by:
        rt.cases.release(case.id)
    return case.id, mention_id


def _shown(console, qtbot, mention_id: int) -> None:
    assert console.feed.select_mention(mention_id)
    qtbot.waitUntil(lambda: console.case.case is not None, timeout=2000)


def test_another_consoles_claim_shows_who_has_it_keeping_the_selection(
        connected, window, qtbot):  # noqa: F811
    rt = connected
    case_id, mention_id = _a_case(rt)
    _shown(window, qtbot, mention_id)
    banner = window.window.case_panel.banner_text
    assert "Nobody has claimed" in banner.text()
    watch = rt.engine.team_watch
    watch.start()
    other = OtherConsole(rt, rt.extras["account_id"])
    try:
        qtbot.waitUntil(lambda: watch.cursor is not None, timeout=10000)
        assert json.loads(other.ask(f"claim {case_id}")) == [True, "otra"]
        qtbot.waitUntil(lambda: "Claimed by otra" in banner.text(), timeout=2000)
    finally:
        other.close()
        watch.stop()
    assert window.feed.current_mention() == mention_id
    assert window.window.case_panel.claim_button.text() == "Take over"


def test_two_agents_claiming_at_once_one_wins_and_the_window_says_who(
        connected, window, qtbot):  # noqa: F811
    rt = connected
    rt.cases.agent = "yo"
    case_id, mention_id = _a_case(rt)
    _shown(window, qtbot, mention_id)
    banner = window.window.case_panel.banner_text
    other = OtherConsole(rt, rt.extras["account_id"])
    try:
        assert other.proc.stdin is not None
        other.proc.stdin.write(f"claim {case_id}\n")  # both at the same moment
        other.proc.stdin.flush()
        window.window.case_panel.claim_button.click()
        other_won, holder = json.loads(other._next(60))
    finally:
        other.close()
    case = rt.cases.case_for_mention(mention_id)
    assert case.claimed_by == holder == ("otra" if other_won else "yo")
    if other_won:  # the window's click lost: it shows who has the case
        assert "Claimed by otra" in banner.text()
        assert window.window.case_panel.claim_button.text() == "Take over"
    else:
        assert "Claimed by you" in banner.text()


def test_another_consoles_customer_tag_shows_in_the_profile(connected, window, qtbot):  # noqa: F811
    rt = connected
    _case_id, mention_id = _a_case(rt)
    _shown(window, qtbot, mention_id)
    profile = window.profile
    assert profile.author is not None
    rt.people.link([profile.author.id], name="Cliente del equipo")
    profile.reload()
    customer_id = rt.people.customer_of(profile.author.id)
    assert customer_id is not None
    tags = window.window.profile.tags
    assert "equipo-norte" not in tags.text()
    watch = rt.engine.team_watch
    watch.start()
    try:
        qtbot.waitUntil(lambda: watch.cursor is not None, timeout=10000)
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        tagged = subprocess.run(
            [sys.executable, "-m", "console", "--workspace", str(rt.workspace.path), "customers",
             "tag", str(customer_id), "equipo-norte"], text=True, capture_output=True, env=env,
            timeout=60)
        assert tagged.returncode == 0, tagged.stderr
        qtbot.waitUntil(lambda: "equipo-norte" in tags.text(), timeout=2000)
    finally:
        watch.stop()
    assert window.feed.current_mention() == mention_id
