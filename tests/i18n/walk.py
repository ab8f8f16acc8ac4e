"""Collect every piece of text a window shows (labels, buttons, menus, tooltips, headers,
accessible names), so tests can check that all of it went through the translators."""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from console.ui.labels import DATA  # widgets showing user data, not UI text

_TAG = re.compile(r"<[^>]+>")


def _plain(text: str) -> str:
    return _TAG.sub(" ", text).replace("&nbsp;", " ").replace("&amp;", "&")


def _model_headers(model: QAbstractItemModel | None) -> Iterator[str]:
    if model is None:
        return
    try:
        columns = model.columnCount()
    except TypeError:  # list models keep columnCount private: one column
        columns = 1
    for section in range(columns):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = model.headerData(section, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                yield value


def _action_texts(action: QAction) -> Iterator[str]:
    yield action.text()
    if action.toolTip() != action.text().replace("&", ""):
        yield action.toolTip()
    yield action.statusTip()
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield menu.title()
        for sub in menu.actions():
            yield from _action_texts(sub)


def widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for `widget` itself (not its children)."""
    name = f"{type(widget).__name__}:{widget.objectName()}"
    if widget.property(DATA):
        return
    if widget.isWindow():
        yield name + ".windowTitle", widget.windowTitle()
    for where, text in (("toolTip", widget.toolTip()), ("statusTip", widget.statusTip()),
                        ("whatsThis", widget.whatsThis()),
                        ("accessibleName", widget.accessibleName()),
                        ("accessibleDescription", widget.accessibleDescription())):
        yield f"{name}.{where}", _plain(text)
    if isinstance(widget, QLabel):
        yield name + ".text", _plain(widget.text())
    elif isinstance(widget, QAbstractButton):
        yield name + ".text", widget.text()
    elif isinstance(widget, QGroupBox):
        yield name + ".title", widget.title()
    elif isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        yield name + ".placeholder", widget.placeholderText()
    elif isinstance(widget, QComboBox):
        for index in range(widget.count()):
            yield f"{name}.item{index}", widget.itemText(index)
    elif isinstance(widget, QTabWidget):
        for index in range(widget.count()):
            yield f"{name}.tab{index}", widget.tabText(index)
            yield f"{name}.tabTip{index}", widget.tabToolTip(index)
    elif isinstance(widget, QTabBar):
        for index in range(widget.count()):
            yield f"{name}.tab{index}", widget.tabText(index)
    elif isinstance(widget, QAbstractItemView):
        for header in _model_headers(widget.model()):
            yield name + ".header", header
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        yield name + ".suffix", widget.suffix()
        yield name + ".prefix", widget.prefix()
    if isinstance(widget, QAbstractSpinBox):
        yield name + ".special", widget.specialValueText()
    if isinstance(widget, QMenu):
        yield name + ".title", widget.title()
    for action in widget.actions():
        for text in _action_texts(action):
            yield f"{name}.action", text


def all_texts(root: QWidget) -> list[tuple[str, str]]:
    """Every (where, text) under `root`, skipping subtrees marked as user data."""
    found: list[tuple[str, str]] = []

    def visit(widget: QWidget) -> None:
        if widget.property(DATA):
            return
        found.extend((w, t) for w, t in widget_texts(widget) if t and t.strip())
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        for child in widget.findChildren(QWidget, options=direct):
            visit(child)

    visit(root)
    return found


_PSEUDO = re.compile(r"⟦[^⟦⟧]*⟧")
_WORD = re.compile(r"[A-Za-z]{3,}")


def untranslated(text: str, allowed: set[str]) -> list[str]:
    """English words left outside the pseudo-translation brackets of `text`."""
    rest = text
    while True:
        shorter = _PSEUDO.sub(" ", rest)
        if shorter == rest:
            break
        rest = shorter
    return [w for w in _WORD.findall(rest) if w.lower() not in allowed]


# Names that read the same in every language: products, formats, keys.
_ALLOWED_TEXT = (
    "Posventa Mastodon Bluesky WordPress Blogger Reddit RSS Atom CSV JSON JSONL HTML PDF PNG "
    "SLA URL URI OAuth PKCE API XRPC Ctrl Shift Alt Esc Tab Del PgUp PgDn Home End http "
    "https bsky social www org com example UTC GMT")
ALLOWED = {w.lower() for w in _ALLOWED_TEXT.split()}


def _english_sources(language: str) -> set[str]:
    import xml.etree.ElementTree as ET

    from console.ui.i18n import catalog_dir

    path = catalog_dir() / f"posventa_{language}.ts"
    found, same = set(), set()
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        text = "".join(translation.itertext()) if translation is not None else ""
        if translation is not None and translation.get("type") not in ("unfinished",) \
                and text and text != source:
            found.add(source)
        elif text == source:
            same.add(source)  # e.g. a language shown by its own name, "English"
    return found - same


_SOURCES: dict[str, set[str]] = {}


_ADDRESS = re.compile(r"\w+://\S+")
_URL = re.compile(r"\w+://\S+|@[\w.\-]+|\(\d+\.\d+\.\d+\.\d+:\d+\)")


def problems(text: str, language: str, data: tuple[str, ...] = ()) -> list[str]:
    """What is wrong with `text` shown in `language`: English words outside pseudo
    brackets, or (es) a whole English source string that has a Spanish translation.
    `data` are strings known to be user data (account names) to ignore inside a text."""
    if language == "pseudo":
        # Addresses first: an account name inside one (".../ventilador_de_ventalia/...")
        # must not split it and leave its tail to be read as English words.
        text = _ADDRESS.sub(" ", text)
        for item in sorted(data, key=len, reverse=True):
            text = text.replace(item, " ")
        return untranslated(_URL.sub(" ", text), ALLOWED)
    if language == "en":
        return []
    if language not in _SOURCES:
        _SOURCES[language] = _english_sources(language)
    stripped = text.strip()
    return [stripped] if stripped in _SOURCES[language] else []
