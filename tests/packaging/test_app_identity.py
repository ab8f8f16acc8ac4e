"""The running application's identity: desktop file name, X11 class and window icon."""

from __future__ import annotations

import configparser
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication

import console
from console.ui.app import application
from console.ui.app_icon import SIZES, app_icon
from console.ui.i18n import translations_installed, uninstall_translations

DESKTOP = Path(__file__).resolve().parents[2] / "packaging" / f"{console.APP_ID}.desktop"


def test_application_names_its_desktop_file_and_icon(qapp) -> None:
    had_translations = translations_installed()
    app = application()
    if not had_translations:  # leave the language as other tests expect it
        uninstall_translations()
    assert QGuiApplication.desktopFileName() == console.APP_ID
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    # X11 window managers match the launcher by WM_CLASS, which Qt takes from this name.
    assert app.applicationName() == entry["Desktop Entry"]["StartupWMClass"]
    assert not app.windowIcon().isNull()


def test_app_icon_has_every_rendered_size(qapp) -> None:
    icon = app_icon()
    sizes = {s.width() for s in icon.availableSizes()}
    assert set(SIZES) <= sizes
    small = icon.pixmap(QSize(16, 16)).toImage()
    assert small.width() == 16
    # The 16 px rendering is not blank: the bubble is drawn in opaque teal.
    assert small.pixelColor(8, 8).alpha() == 255
