"""The Qt and PySide6 versions this process runs (for ``posventa about``)."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import QLibraryInfo, qVersion


def qt_versions() -> str:
    """One line: the Qt runtime, the PySide6 binding and Qt's plugin folder."""
    plugins = QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)
    return f"{qVersion()} (PySide6 {PySide6.__version__}; plugins {plugins})"
