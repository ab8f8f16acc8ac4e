"""A tour of every screen on the demo data, in pseudo-translation and in Spanish: no UI
text escapes the translators, and no Spanish screen shows a string left in English."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.i18n.screens import account_names, demo_runtime, tour
from tests.i18n.walk import all_texts, problems


@pytest.fixture
def in_language(monkeypatch, qapp) -> Iterator:
    from console.ui import i18n

    def switch(language: str) -> None:
        monkeypatch.setenv("POSVENTA_LANGUAGE", language)
        i18n.install_translations()

    yield switch
    monkeypatch.delenv("POSVENTA_LANGUAGE", raising=False)
    i18n.uninstall_translations()


@pytest.mark.parametrize("language", ["pseudo", "es"])
def test_every_screen_is_translated(language, in_language, tmp_path, qtbot):
    from console.ui.app import build_console

    in_language(language)
    runtime = demo_runtime(tmp_path / "ws")
    try:
        built = build_console(runtime)
        qtbot.addWidget(built.window)
        built.window.resize(1400, 900)
        built.window.show()
        found: dict[tuple[str, str], str] = {}
        data = account_names(runtime)

        def visit(label: str, root) -> None:
            for where, text in all_texts(root):
                if problems(text, language, data):
                    found.setdefault((where, text[:100]), label)

        opened = tour(built, runtime, visit)
        assert {"SettingsDialog", "RulesDialog", "ReportsView", "form:bluesky",
                "WelcomeDialog"} <= set(opened)
        lines = [f"{label}: {where}: {text!r}" for (where, text), label in found.items()]
        assert not lines, f"{len(lines)} texts not translated:\n" + "\n".join(lines[:40])
    finally:
        built.bridge.close()
        runtime.close()
