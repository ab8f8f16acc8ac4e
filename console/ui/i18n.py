"""The console's language: Qt translators for Posventa and Qt's own dialogs, the locale
for dates and numbers, and a pseudo-translation that shows untranslated text at a glance.

Translations live in `resources/translations/posventa_<lang>.ts` (Qt Linguist sources,
updated with `python packaging/build_translations.py --update`). Their compiled `.qm`
files are built at install or packaging time into the same folder; a source checkout
that skipped that step compiles them once into the user's cache folder.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from console import i18n
from console.resources import resource_path

log = logging.getLogger(__name__)

LANGUAGES = ("es", "en")  # shipped translations; English is the source language
PSEUDO = "pseudo"

_installed: list[QTranslator] = []
_active: list[str | None] = [None]


def catalog_dir() -> Path:
    return resource_path("translations")


def lrelease() -> Path | None:
    """Qt's `lrelease` as shipped in the PySide6 wheel, when present."""
    import PySide6

    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    tool = Path(PySide6.__file__).resolve().parent / name
    return tool if tool.exists() else None


def compile_catalogs(source: Path, dest: Path) -> list[Path]:
    """Compile every `posventa_*.ts` under `source` into `dest`; returns the .qm files."""
    tool = lrelease()
    if tool is None:
        raise RuntimeError("Qt's lrelease is not available; install PySide6 to build "
                           "the translations")
    dest.mkdir(parents=True, exist_ok=True)
    built = []
    for ts in sorted(source.glob("posventa_*.ts")):
        qm = dest / (ts.stem + ".qm")
        subprocess.run([str(tool), "-silent", str(ts), "-qm", str(qm)], check=True,
                       capture_output=True)
        built.append(qm)
    return built


def _user_cache() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("posventa")) / "translations"


def catalog(language: str) -> Path | None:
    """The compiled catalogue for `language`, building it if only the source is here."""
    source = catalog_dir() / f"posventa_{language}.ts"
    for folder in (catalog_dir(), _user_cache()):
        qm = folder / f"posventa_{language}.qm"
        if qm.exists() and (not source.exists()
                            or qm.stat().st_mtime >= source.stat().st_mtime):
            return qm
    if not source.exists():
        return None
    try:
        compile_catalogs(catalog_dir(), _user_cache())
    except (OSError, RuntimeError, subprocess.CalledProcessError) as exc:
        log.warning("could not build the %s translation: %s", language, exc)
        return None
    qm = _user_cache() / f"posventa_{language}.qm"
    return qm if qm.exists() else None


def system_locale() -> QLocale:
    return QLocale.system()


def resolve(setting: str) -> tuple[str, QLocale]:
    """The language to show and the locale for dates and numbers, from a setting.

    "system" follows the desktop's locale, keeping its regional formats (es_MX stays
    es_MX); a language Posventa does not ship falls back to English.
    """
    env = os.environ.get("POSVENTA_LANGUAGE", "").strip()
    choice = env or setting or "system"
    system = system_locale()
    if choice == PSEUDO:
        return PSEUDO, QLocale("en_US")
    if choice == "system":
        code = system.name().split("_")[0]
        return (code, system) if code in LANGUAGES else ("en", system)
    if choice not in LANGUAGES:
        choice = "en"
    if system.name().split("_")[0] == choice:
        return choice, system
    return choice, QLocale(choice)


def install_translations(setting: str = "system") -> str:
    """Install the translators for `setting` in the running application; returns the
    language in use ("es", "en" or "pseudo")."""
    app = QCoreApplication.instance()
    for old in _installed:
        if app is not None:
            QCoreApplication.removeTranslator(old)
    _installed.clear()
    language, locale = resolve(setting)
    QLocale.setDefault(locale)
    if language == PSEUDO:
        _add(PseudoTranslator())
    else:
        own = catalog(language)
        if own is not None:
            _add_file(own)
        elif language != "en":
            log.warning("no %s translation found; showing English", language)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_base = Path(qt_dir) / f"qtbase_{language}.qm"
        if language != "en" and qt_base.exists():
            _add_file(qt_base)  # Qt's own buttons and dialogs: Aceptar, Cancelar...
    i18n.install(_qt_translate)
    _active[0] = language
    return language


def uninstall_translations() -> None:
    """Back to the English source text, as in a process that never installed any."""
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    i18n.install(None)
    QLocale.setDefault(QLocale.system())
    _active[0] = None


def translations_installed() -> bool:
    """Whether :func:`install_translations` ran in this process."""
    return _active[0] is not None


def active_language() -> str | None:
    return _active[0]


def _qt_translate(context: str, text: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
    return QCoreApplication.translate(context, text, disambiguation, n)


def _add_file(path: Path) -> None:
    translator = QTranslator()
    if translator.load(str(path)):
        _add(translator)
    else:
        log.warning("could not load the translation %s", path)


def _add(translator: QTranslator) -> None:
    QCoreApplication.installTranslator(translator)
    _installed.append(translator)


# Placeholders, accelerators and markup survive pseudo-translation untouched.
_KEEP = re.compile(r"(\{[^{}]*\}|%L?\d+|%L?n|&&|&[a-z]+;|&(?=\w)|<[^<>]+>|\n)")
_ACCENTED = {c: unicodedata.normalize("NFC", c + accent) for c, accent in zip(
    "aceinosuyACEINOSUY", "\u0301\u0327\u0301\u0302\u0303\u0308\u0301\u0308\u0301"
    "\u030a\u0327\u0301\u0302\u0303\u0308\u0301\u0308\u0301", strict=True)}

PSEUDO_OPEN, PSEUDO_CLOSE = "⟦", "⟧"


def pseudo(text: str) -> str:
    """A longer, accented copy of `text`, bracketed so untranslated text stands out.

    About 40% longer (like German or Spanish), so layouts that cannot grow show it."""
    if not text:
        return text
    parts = _KEEP.split(text)
    out = []
    for index, part in enumerate(parts):
        if index % 2:
            out.append(part)
        else:
            out.append("".join(_ACCENTED.get(ch, ch) for ch in part))
    letters = sum(ch.isalpha() for ch in text)
    padding = "·" * max(1, round(letters * 0.4)) if letters else ""
    return f"{PSEUDO_OPEN}{''.join(out)}{padding}{PSEUDO_CLOSE}"


def catalogue_keys(language: str = "es") -> set[tuple[str, str]]:
    """(context, source) of every message in a `.ts` catalogue."""
    import xml.etree.ElementTree as ET

    path = catalog_dir() / f"posventa_{language}.ts"
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return set()
    return {(c.findtext("name") or "", m.findtext("source") or "")
            for c in root.iter("context") for m in c.iter("message")}


class PseudoTranslator(QTranslator):
    """Translates every message the catalogue knows into its pseudo form (see
    :func:`pseudo`). A string the code shows but lupdate never extracted (a wrong context,
    a wrapper lupdate cannot see) stays plain English, so it stands out as well."""

    def __init__(self) -> None:
        super().__init__()
        self.known = catalogue_keys()

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        # Qt's own widgets (contexts QTabBar, QPlatformTheme...) are pseudo-translated
        # too; Posventa's strings only when lupdate extracted them.
        if self.known and (context, source) not in self.known and not context.startswith("Q"):
            return None  # type: ignore[return-value]  # a null string: "no translation"
        return pseudo(source)

    def isEmpty(self) -> bool:
        return False
