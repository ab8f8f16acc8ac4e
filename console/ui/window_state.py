"""The main window's layout kept per workspace: geometry, splitters, feed columns, filters.

Saved to ``<workspace>/window-state.json`` when the window closes and restored when it is
built. Nothing secret is in it; a missing or damaged file means the default layout.
"""

from __future__ import annotations

import base64
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QObject, Slot
from PySide6.QtWidgets import QComboBox

from console.ui.main_window import MainWindow, fit_on_screen

STATE_NAME = "window-state.json"
VERSION = 1


def _b64(data: QByteArray) -> str:
    return base64.b64encode(bytes(data.data())).decode("ascii")


def _bytes(text: Any) -> QByteArray | None:
    try:
        return QByteArray(base64.b64decode(str(text), validate=True))
    except ValueError:
        return None


def _filters(window: MainWindow) -> dict[str, QComboBox]:
    pane = window.feed
    return {"queue": pane.queue, "status": pane.status, "channel": pane.channel,
            "source": pane.source, "sort": pane.sort}


def capture(window: MainWindow) -> dict[str, Any]:
    """The window's layout as JSON-ready data."""
    return {
        "version": VERSION,
        "geometry": _b64(window.saveGeometry()),
        "panes": window.panes.sizes(),
        "centre": window.centre.sizes(),
        "side": window.side.sizes(),
        "columns": _b64(window.feed.table.horizontalHeader().saveState()),
        "filters": {name: combo.currentData() for name, combo in _filters(window).items()},
        "show_hidden": window.feed.hidden.isChecked(),
    }


def _sizes(value: Any, count: int) -> list[int] | None:
    if (isinstance(value, list) and len(value) == count
            and all(isinstance(v, int) and v >= 0 for v in value) and sum(value) > 0):
        return value
    return None


def restore(window: MainWindow, state: dict[str, Any]) -> None:
    """Apply what is usable in `state`; anything missing or odd keeps its default."""
    if state.get("version") != VERSION:
        return
    geometry = _bytes(state.get("geometry", ""))
    if geometry is not None and not geometry.isEmpty():
        window.restoreGeometry(geometry)
        fit_on_screen(window)  # saved on a larger monitor: keep it inside this screen
    for splitter, key in ((window.panes, "panes"), (window.centre, "centre"),
                          (window.side, "side")):
        sizes = _sizes(state.get(key), splitter.count())
        if sizes is not None:
            splitter.setSizes(sizes)
            window.layout_restored = True
    columns = _bytes(state.get("columns", ""))
    if columns is not None and not columns.isEmpty():
        window.feed.table.horizontalHeader().restoreState(columns)
    filters = state.get("filters")
    if isinstance(filters, dict):
        for name, combo in _filters(window).items():
            if name in filters:
                index = combo.findData(filters[name])
                if index >= 0:
                    combo.setCurrentIndex(index)
    if isinstance(state.get("show_hidden"), bool):
        window.feed.hidden.setChecked(state["show_hidden"])


def load(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save(path: Path, state: dict[str, Any]) -> bool:
    """Write atomically; False (and the old file whole) when the folder refuses."""
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".window-state-")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(state, fh, indent=1)
        os.replace(tmp, path)
        return True
    except OSError:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        return False  # losing a layout is not worth an error box at quit


class WindowStateKeeper(QObject):
    """Restores the layout now and saves it when the window closes."""

    def __init__(self, window: MainWindow, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.path = folder / STATE_NAME
        restore(window, load(self.path))
        window.closing.connect(self.save)

    @Slot()
    def save(self) -> bool:
        return save(self.path, capture(self.window))
