"""The status bar at 1366 px: one chip per account whose state always shows whole, the
latest notice in its own area, the outbox counter never overrun; in-window words never
send the agent to "open Posventa"."""

from __future__ import annotations

from PySide6.QtCore import QRect

from console.sync.events import AccountStatus
from tests.ui.fit import cut_texts

LONG = ("Urgent complaint from Valentina Castro: el ventilador Brisa huele a quemado desde "
        "anoche y nadie me contesta, esto es peligroso")


def _accounts(bridge) -> None:
    for account_id, label, state, message in (
            (1, "mastodon @ventalia (social.example)", "ok", "135 new"),
            (2, "bluesky @ventalia.bsky.example (bsky.example)", "ok", "20 new"),
            (3, "x @ventalia (x.example)", "rate_limited", "19 posts read from X this month"),
            (4, "feed @Pablo Reseñas Tech y Opiniones (blog.example)", "offline",
             "feed @Pablo Reseñas Tech y Opiniones: the site refused the connection"),
            (5, "wordpress @ventalia-blog-oficial (wp.example)", "auth", "")):
        bridge.accountStatus.emit(AccountStatus(account_id, label, state, message))


def _boxes(bar) -> list[QRect]:
    return [bar.chips.geometry(), bar.notice.geometry(), bar.outbox.geometry()]


def test_chips_notice_and_outbox_never_overlap(build, qtbot):
    console = build()
    window = console.window
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    _accounts(console.bridge)
    bar = window.status_bar
    bar.showMessage(LONG, 15_000)
    qtbot.wait(10)
    chips = bar.chips.chips
    assert len(chips) == 5
    for chip in chips[2:]:  # something is wrong: the state is never the part cut
        assert chip.text().endswith(chip.state), chip.text()
    assert " · " not in chips[0].text()  # working: its state is in the tooltip
    assert chips[3].state == "offline"
    assert chips[3].toolTip() and "Pablo Reseñas Tech y Opiniones" in chips[3].accessibleName()
    assert chips[3].accessibleName().endswith(
        "offline. The site refused the connection. It is tried again automatically.")
    assert chips[4].accessibleName().endswith("sign in again. Sign in again in File ▸ "
                                              "Accounts…")
    areas = _boxes(bar)
    for i, one in enumerate(areas):
        for other in areas[i + 1:]:
            assert not one.intersects(other), (one, other)
    chip_boxes = [c.geometry() for c in chips]
    for i, one in enumerate(chip_boxes):
        for other in chip_boxes[i + 1:]:
            assert not one.intersects(other)
    assert bar.currentMessage() == LONG and bar.notice.text() != LONG  # shortened to fit
    assert bar.outbox.text().startswith("Outbox: ")
    assert not cut_texts(bar)
    bar.clearMessage()
    assert bar.currentMessage() == "" and bar.notice.text() == ""


def test_the_in_window_summary_of_urgent_mentions_does_not_say_open_posventa(build, qtbot):
    console = build()
    notifier = console.desktop.notifier
    if console.desktop.tray is not None:  # a desktop with a tray shows it there instead
        return
    notifier.pending = 3
    notifier.flush()
    message = console.window.statusBar().currentMessage()
    assert "3 more urgent mentions" in message
    assert "Open Posventa" not in message and "priority first" in message
