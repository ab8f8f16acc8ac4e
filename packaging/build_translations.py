"""Build Posventa's translations: `.ts` sources -> compiled `.qm` catalogues.

    python packaging/build_translations.py            # compile resources/translations/*.ts
    python packaging/build_translations.py --update   # first re-extract strings from console/

`--update` runs Qt's lupdate over every module of the package, so new strings appear in
`posventa_es.ts` (to translate, e.g. with `pyside6-linguist`) and in `posventa_en.ts`
(plural forms only: English is the source language). The install and packaging scripts
run the plain form; the `.qm` files are build products and are not committed.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from console.ui.i18n import catalog_dir, compile_catalogs  # noqa: E402


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "console").rglob("*.py"))


def update() -> None:
    import PySide6

    tool = Path(PySide6.__file__).resolve().parent / (
        "lupdate.exe" if sys.platform == "win32" else "lupdate")
    folder = catalog_dir()
    for language, extra in (("es", []), ("en", ["-pluralonly"])):
        ts = folder / f"posventa_{language}.ts"
        subprocess.run([str(tool), *extra, "-no-obsolete", "-locations", "none",
                        "-target-language", language, *sources(), "-ts", str(ts)],
                       check=True, cwd=ROOT)
    mark_plurals(folder / "posventa_es.ts", folder / "posventa_en.ts")


PLURAL = re.compile(r"%L?n")


def _write(tree: ET.ElementTree, path: Path) -> None:
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def mark_plurals(spanish: Path, english: Path) -> None:
    """lupdate marks a message plural only for `self.tr(text, "", n)`; a `%n` message from
    `translate(context, text, None, n)` is plural too: mark it in both catalogues (the
    English one holds only plural messages), keeping any translation already there."""
    es_tree = ET.parse(spanish)
    plural: list[tuple[str, str]] = []
    for context in es_tree.getroot().iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            if not PLURAL.search(source):
                continue
            plural.append((context.findtext("name") or "", source))
            if message.get("numerus") == "yes":
                continue
            message.set("numerus", "yes")
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation", type="unfinished")
            text = translation.text or ""
            translation.text = None
            for _ in range(2):
                ET.SubElement(translation, "numerusform").text = text
    _write(es_tree, spanish)
    en_tree = ET.parse(english)
    root = en_tree.getroot()
    contexts = {c.findtext("name"): c for c in root.iter("context")}
    present = {(c.findtext("name"), m.findtext("source"))
               for c in root.iter("context") for m in c.iter("message")}
    for name, source in plural:
        if (name, source) in present:
            continue
        context = contexts.get(name)
        if context is None:
            context = contexts[name] = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = name
        message = ET.SubElement(context, "message", numerus="yes")
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation", type="unfinished")
        for _ in range(2):
            ET.SubElement(translation, "numerusform")
    _write(en_tree, english)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true",
                        help="re-extract the strings from the source first")
    args = parser.parse_args()
    if args.update:
        update()
    built = compile_catalogs(catalog_dir(), catalog_dir())
    print("built " + ", ".join(p.name for p in built))
    return 0


if __name__ == "__main__":
    sys.exit(main())
