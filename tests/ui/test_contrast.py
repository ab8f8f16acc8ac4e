"""Both palettes keep every meaning colour readable: at least 4.5:1 (WCAG AA) against the
backgrounds it is drawn on, and body text above 7:1."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from console.ui import case_text, colours, labels
from console.ui.settings_dialog import apply_theme


@pytest.fixture
def theme(qapp):
    yield lambda name: apply_theme(name)
    apply_theme("system")


@pytest.mark.parametrize("name", ["light", "dark"])
def test_meaning_colours_are_readable_in_both_palettes(theme, name):
    theme(name)
    palette = QApplication.palette()
    assert colours.is_dark(palette) == (name == "dark")
    role = QPalette.ColorRole
    shared = [labels.COMPLAINT_COLOUR, labels.NEGATIVE_COLOUR, labels.POSITIVE_COLOUR,
              labels.NEUTRAL_COLOUR, labels.REPLY_COLOUR, case_text.BREACHED_COLOUR,
              case_text.SOON_COLOUR, case_text.MET_COLOUR]
    for background in (role.Base, role.AlternateBase, role.Window):
        for colour in shared:
            ratio = colours.contrast(colour, palette.color(background))
            assert ratio >= 4.5, (name, colour.name(), background, round(ratio, 2))
    assert colours.contrast(palette.color(role.Text), palette.color(role.Base)) >= 7


def test_the_complaint_red_follows_the_theme(theme):
    theme("dark")
    dark = labels.COMPLAINT_COLOUR.name()
    theme("light")
    assert labels.COMPLAINT_COLOUR.name() != dark == colours.VARIANTS["complaint"][1]
