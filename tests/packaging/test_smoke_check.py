"""SmokeCheck: ends the event loop with 0 once the feed has rows, with 1 after the limit."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QStandardItem, QStandardItemModel

from console.ui import smoke


@pytest.fixture
def exits(monkeypatch) -> list[int]:
    codes: list[int] = []

    class Recorder:
        @staticmethod
        def exit(code: int) -> None:
            codes.append(code)

    monkeypatch.setattr(smoke, "QCoreApplication", Recorder)
    return codes


def test_exits_with_zero_when_mentions_arrive(qtbot, exits, capsys) -> None:
    model = QStandardItemModel()
    check = smoke.SmokeCheck(model, timeout_ms=5_000)
    qtbot.wait(20)
    assert exits == []  # an empty feed is not a pass
    model.appendRow([QStandardItem("first")])
    model.appendRow([QStandardItem("second")])
    assert exits == [0]
    assert capsys.readouterr().out == "smoke ok: 1 mentions\n"
    assert check.done


def test_exits_with_one_when_no_mention_shows_in_time(qtbot, exits, capsys) -> None:
    model = QStandardItemModel()
    check = smoke.SmokeCheck(model, timeout_ms=30)  # kept: its timers die with it
    qtbot.waitUntil(lambda: exits == [1], timeout=2_000)
    assert check.done
    assert "no mention showed in the feed within 0.03 seconds" in capsys.readouterr().err


def test_counts_rows_already_there(qtbot, exits, capsys) -> None:
    model = QStandardItemModel()
    for text in ("a", "b", "c"):
        model.appendRow([QStandardItem(text)])
    check = smoke.SmokeCheck(model, timeout_ms=5_000)
    qtbot.waitUntil(lambda: exits == [0], timeout=2_000)
    assert check.done
    assert capsys.readouterr().out == "smoke ok: 3 mentions\n"
