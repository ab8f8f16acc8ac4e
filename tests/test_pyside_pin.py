"""Guards the PySide6 pin: 6.12.0 leaks a reference to None on every void call (PLATFORM.md)."""

from __future__ import annotations

import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtWidgets import QApplication


def test_pyside_is_the_pinned_series():
    major, minor = (int(x) for x in pyside_version.split(".")[:2])
    assert (major, minor) in ((6, 10), (6, 11)), pyside_version


def test_void_calls_do_not_leak_none(qapp: QApplication):
    qapp.processEvents()
    before = sys.getrefcount(None)
    for _ in range(1000):
        qapp.processEvents()
    assert abs(sys.getrefcount(None) - before) < 100
