"""Tray counts and urgent-complaint notifications, rate-limited so a storm is one summary."""

from __future__ import annotations

from dataclasses import replace

from console.ui.tray import TrayIcon, UrgentNotifier
from tests.builders import make_post


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class UrgentFeed:
    """The feed service's rows(), with every row made an urgent new complaint."""

    def __init__(self, feed, urgent: set[int]) -> None:
        self.feed, self.urgent = feed, urgent

    def rows(self, ids):
        return [replace(r, priority=99, complaint=0.95, status="new") if r.id in self.urgent
                else replace(r, priority=5, complaint=0.0) for r in self.feed.rows(ids)]


def _notifier(runtime, ids, qtbot, per_minute=3):
    runtime.workspace.settings.notify_per_minute = per_minute
    sent: list[tuple[str, str]] = []
    clock = Clock()
    notifier = UrgentNotifier(UrgentFeed(runtime.feed, set(ids)), runtime.cases,
                              runtime.workspace.settings,
                              lambda title, text: sent.append((title, text)),
                              monotonic=clock)
    return notifier, sent, clock


def test_a_storm_becomes_one_summary(runtime, store_posts, qtbot):
    ids = store_posts([make_post(n, text=f"ventalia broken {n}") for n in range(1, 15)])
    notifier, sent, clock = _notifier(runtime, ids[:12], qtbot)
    notifier.on_mentions_added(ids)  # 12 urgent among 14
    assert len(sent) == 3
    assert sent[0][0].startswith("Urgent complaint from ")
    assert sent[2][0] == "10 more urgent mentions"
    notifier.on_mentions_added(ids[:2])  # still within the minute: held back
    assert len(sent) == 3 and notifier.pending == 2
    clock.now += 61
    notifier.flush()  # the timer's job once the minute allows
    assert sent[3][0] == "2 more urgent mentions" and notifier.pending == 0


def test_calm_times_name_each_complaint_and_ignore_the_rest(runtime, store_posts, qtbot):
    ids = store_posts([make_post(1, text="ventalia <b>broke</b>"), make_post(2)])
    notifier, sent, _clock = _notifier(runtime, ids[:1], qtbot)
    notifier.on_mentions_added(ids)
    assert len(sent) == 1 and "<b>broke</b>" in sent[0][1]  # plain text, as written


def test_notifications_can_be_turned_off(runtime, store_posts, qtbot):
    ids = store_posts([make_post(1)])
    notifier, sent, _clock = _notifier(runtime, ids, qtbot)
    runtime.workspace.settings.notify_urgent = False
    notifier.on_mentions_added(ids)
    assert sent == []


def test_tray_tooltip_counts_new_and_urgent(runtime, store_posts, build, qtbot):
    console = build()
    tray = TrayIcon(console.window, runtime.feed, runtime.cases)
    assert tray.icon.toolTip() == "Posventa: 0 new, 0 urgent"
    store_posts([make_post(n) for n in range(1, 4)])
    tray.refresh()
    assert tray.icon.toolTip().startswith("Posventa: 3 new, ")
    assert not tray.icon.icon().isNull()
