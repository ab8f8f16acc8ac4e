"""The profile's VIP, tags and customer buttons stay whole and in reach, however long the
person's details and portrait are: they sit below the scrolled part, never inside it."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QScrollArea, QWidget

from console.ui.profile_panel import ProfileController, ProfilePanel
from tests.long_history import seed_customer


def _inside_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def test_the_actions_are_whole_in_a_short_pane(runtime, qtbot) -> None:
    customer, authors = seed_customer(runtime)
    view = ProfilePanel()
    controller = ProfileController(view, runtime.profile, runtime.people, view)
    qtbot.addWidget(view)
    view.resize(360, 420)  # a short pane: the details must scroll
    view.show()
    controller.show_author(authors[1])
    qtbot.waitUntil(lambda: controller.portrait_loaded, timeout=10000)
    qtbot.wait(20)
    panel = QRect(0, 0, view.width(), view.height())
    for button in (view.vip, view.tags_button, view.customer_button):
        assert button.isVisible() and not _inside_scroll_area(button)
        place = QRect(button.mapTo(view, button.rect().topLeft()), button.size())
        assert panel.contains(place), (button.text(), place, panel)
    assert customer
