"""Posventa's application icon, loaded from the bundled ``resources/icons`` files.

The PNGs rendered for each size come first (crisp at small sizes); the SVG covers any
other size. On Wayland and in docks the desktop shows the icon named by the installed
``.desktop`` file instead (see ``setDesktopFileName``); this one is for the title bar,
the task switcher on X11 and Windows, and dialogs.
"""

from __future__ import annotations

from PySide6.QtGui import QIcon

import console
from console.resources import resource_path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    """The window icon built from the bundled files (empty if they are missing)."""
    icon = QIcon()
    for size in SIZES:
        png = resource_path("icons", "hicolor", f"{size}x{size}", "apps", f"{console.APP_ID}.png")
        if png.is_file():
            icon.addFile(str(png))
    svg = resource_path("icons", f"{console.APP_ID}.svg")
    if svg.is_file():
        icon.addFile(str(svg))
    return icon
