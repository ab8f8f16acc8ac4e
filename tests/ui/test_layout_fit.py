"""Nothing cut on a laptop: the main window on the demo data at 1366x768, in English and
Spanish, with a complaint selected, shows every label, button, filter, tab and
placeholder whole; the thread and the composer get the room; the window fits its screen.

Each text is measured with its widget's own font metrics at the size Qt laid it out
(tests/ui/fit.py), so the test holds on any machine's fonts.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QSize

from tests.i18n.screens import demo_runtime, select_complaint, settle
from tests.ui.fit import cut_texts

LAPTOP = QSize(1366, 768)


@pytest.fixture
def in_language(monkeypatch, qapp) -> Iterator:
    from console.ui import i18n

    def switch(language: str) -> None:
        monkeypatch.setenv("POSVENTA_LANGUAGE", language)
        i18n.install_translations()

    yield switch
    monkeypatch.delenv("POSVENTA_LANGUAGE", raising=False)
    i18n.uninstall_translations()


@pytest.fixture
def demo_window(tmp_path, qtbot) -> Iterator:
    """Builds the demo console at a size; the engine is not started."""
    from console.ui.app import build_console

    made: list = []

    def build(size: QSize):
        runtime = demo_runtime(tmp_path / f"ws{len(made)}")
        built = build_console(runtime)
        qtbot.addWidget(built.window)
        built.window.resize(size)
        built.window.show()
        qtbot.waitExposed(built.window)
        settle()
        made.append((built, runtime))
        return built

    yield build
    for built, runtime in made:
        built.bridge.close()
        built.window.close()
        shiboken6.delete(built.window)
        runtime.close()


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_text_is_cut_at_1366x768(language, in_language, demo_window):
    in_language(language)
    built = demo_window(LAPTOP)
    window = built.window
    select_complaint(built)
    cut = cut_texts(window)
    assert not cut, f"{len(cut)} texts cut in {language}:\n" + "\n".join(cut)
    assert window.size() == LAPTOP, "the window's minimum is wider or taller than a laptop"
    status = window.statusBar()
    assert status.isVisible() and status.geometry().bottom() < window.height()


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_selected_mention_gets_the_room_to_read_and_answer(language, in_language,
                                                             demo_window):
    in_language(language)
    built = demo_window(LAPTOP)
    select_complaint(built)
    window = built.window
    lines = window.thread.fontMetrics().lineSpacing()
    assert window.thread.height() > 10 * lines  # was about 130 px: two short posts
    editor = window.composer.editor
    assert editor.viewport().height() > 5 * editor.fontMetrics().lineSpacing()  # was 3


def test_with_nothing_selected_the_panes_say_what_to_do(in_language, demo_window):
    in_language("en")
    built = demo_window(LAPTOP)
    window = built.window
    assert not window.thread.isVisible() and not window.profile.isVisible()
    assert not window.case_panel.isVisible()
    centre = window.centre_stack.currentWidget()
    side = window.side_stack.currentWidget()
    assert "Choose a mention in the feed" in centre.advice.text()
    assert "case" in side.advice.text()
    built.feed.select_row(0)
    settle()
    assert window.thread.isVisible() and window.profile.isVisible()
    assert window.case_panel.isVisible()


def test_the_window_opens_inside_the_screen(qapp, tmp_path):
    """A window saved on a larger monitor comes back inside this screen's free area."""
    from console.ui.main_window import MainWindow, fit_on_screen

    window = MainWindow("ws")
    room = window.screen().availableGeometry()
    assert window.width() <= room.width() and window.height() <= room.height()
    window.resize(room.width() + 600, room.height() + 400)
    window.move(room.right() - 100, room.bottom() - 100)
    fit_on_screen(window)
    frame = window.frameGeometry()
    assert room.contains(frame), (room, frame)
    shiboken6.delete(window)
