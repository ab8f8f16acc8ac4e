"""A second window on the same workspace says that the workspace is open elsewhere."""

from __future__ import annotations

import pytest
import shiboken6

from console.app.runtime import open_demo, open_runtime
from console.channels.base import AuthError
from console.ui.app import build_console


def _workspace_notice(runtime) -> str:
    return next((s.message for s in runtime.engine.statuses() if s.account_id == 0), "")


@pytest.fixture
def windows(qtbot):
    made = []

    def make(runtime):
        console = build_console(runtime)
        qtbot.addWidget(console.window)
        made.append(console)
        return console

    yield make
    for console in made:
        console.bridge.close()
        console.presence.leave()
        console.window.close()
        shiboken6.delete(console.window)


def test_the_second_window_says_the_workspace_is_open_elsewhere(runtime, windows):
    windows(runtime)
    assert _workspace_notice(runtime) == ""
    second = open_runtime(runtime.workspace.path, memory_secrets=True)
    try:
        other = windows(second)
        assert "also open in another Posventa window" in _workspace_notice(second)
        other.presence.leave()
        third = open_runtime(runtime.workspace.path, memory_secrets=True)
        try:
            windows(third)
            assert "also open" in _workspace_notice(third)  # the first window still is
        finally:
            third.close()
    finally:
        second.close()


def test_a_demo_opened_twice_explains_its_missing_sign_ins(tmp_path, windows):
    demo = open_demo(tmp_path / "demo", speed=1000)
    try:
        windows(demo)
        again = open_runtime(demo.workspace.path)
        try:
            windows(again)
            notice = _workspace_notice(again)
            assert "demo workspace is open in another window" in notice
            account = again.accounts.list()[0]
            with pytest.raises(AuthError) as refused:
                again.engine.channel_for(account.id)
            assert "sign in again" not in str(refused.value)
            assert "held by the window that started it" in str(refused.value)
        finally:
            again.close()
    finally:
        demo.close()
