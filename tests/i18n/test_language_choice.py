"""Which language and regional formats the console uses, from the setting and the system."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from console import i18n as qt_free
from console.ui import i18n


@pytest.fixture
def system(monkeypatch):
    def set_system(name: str) -> None:
        monkeypatch.setattr(i18n, "system_locale", lambda: QLocale(name))

    monkeypatch.delenv("POSVENTA_LANGUAGE", raising=False)
    return set_system


@pytest.mark.parametrize(("setting", "system_name", "language", "locale"), [
    ("system", "es_MX", "es", "es_MX"),   # follows the desktop, keeps Mexican formats
    ("system", "en_GB", "en", "en_GB"),
    ("system", "de_DE", "en", "de_DE"),   # not shipped: English words, German formats
    ("es", "en_US", "es", "es_ES"),
    ("en", "es_AR", "en", "en_US"),
    ("es", "es_CO", "es", "es_CO"),
])
def test_language_follows_setting_then_system(system, setting, system_name, language,
                                              locale):
    system(system_name)
    chosen, formats = i18n.resolve(setting)
    assert (chosen, formats.name()) == (language, locale)


def test_environment_wins_over_the_setting(system, monkeypatch):
    system("es_ES")
    monkeypatch.setenv("POSVENTA_LANGUAGE", "pseudo")
    assert i18n.resolve("es")[0] == "pseudo"


def test_spanish_is_installed_for_qt_and_the_qt_free_packages(system, qapp):
    system("es_ES")
    try:
        assert i18n.install_translations("es") == "es"
        assert QLocale().name() == "es_ES"
        assert QCoreApplication.translate("MainWindow", "&Help") != "&Help"
        # Qt's own buttons come in Spanish too (qtbase_es.qm).
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"
        assert qt_free.translate("MainWindow", "&Help") == QCoreApplication.translate(
            "MainWindow", "&Help")
        assert QLocale().toString(1234567) == "1.234.567"
    finally:
        i18n.uninstall_translations()
    assert qt_free.translate("MainWindow", "&Help") == "&Help"
    assert qt_free.translate("X", "%n new", None, 3) == "3 new"


def test_pseudo_marks_every_string(system, qapp):
    try:
        assert i18n.install_translations("pseudo") == "pseudo"
        text = QCoreApplication.translate("CaseText", "Assigned to {0}")
        assert text.startswith("⟦") and "{0}" in text
        # A string lupdate never extracted stays English, so the tour catches it.
        assert QCoreApplication.translate("Nowhere", "Reply to {name}") == "Reply to {name}"
    finally:
        i18n.uninstall_translations()
