"""The translation catalogues: complete, in step with the code, placeholders intact, and
every string the UI code shows passed through the translators."""

from __future__ import annotations

import ast
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from console.ui.i18n import catalog_dir, compile_catalogs, lrelease, pseudo

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "console" / "ui"


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def translations(message: ET.Element) -> list[str]:
    element = message.find("translation")
    if element is None:
        return []
    forms = element.findall("numerusform")
    if forms:
        return ["".join(form.itertext()) for form in forms]
    return ["".join(element.itertext())]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[tuple[str, str], ET.Element]:
    """What lupdate finds in the code today."""
    import PySide6

    tool = Path(PySide6.__file__).resolve().parent / "lupdate"
    out = tmp_path_factory.mktemp("lupdate") / "now.ts"
    sources = sorted(str(p) for p in (ROOT / "console").rglob("*.py"))
    subprocess.run([str(tool), "-locations", "none", *sources, "-ts", str(out)],
                   check=True, capture_output=True)
    return messages(out)


def test_spanish_catalogue_covers_every_string_in_the_code(extracted):
    spanish = messages(catalog_dir() / "posventa_es.ts")
    missing = sorted(key for key in extracted if key not in spanish)
    assert not missing, f"{len(missing)} strings are not in posventa_es.ts (run " \
        f"python packaging/build_translations.py --update), e.g. {missing[:5]}"
    unfinished = sorted(key for key in extracted
                        if spanish[key].find("translation").get("type") == "unfinished"
                        or not any(t.strip() for t in translations(spanish[key])))
    assert not unfinished, f"{len(unfinished)} strings have no Spanish yet, e.g. " \
        f"{unfinished[:5]}"


_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?\d+|%L?n")


def _placeholders(text: str) -> list[str]:
    """{name}, {0:.2f}, %1, %n, %Ln; "{{" and "}}" are literal braces, not placeholders."""
    return sorted(_PLACEHOLDER.findall(text.replace("{{", "").replace("}}", "")))
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")


@pytest.mark.parametrize("language", ["es", "en"])
def test_translations_keep_every_placeholder_and_tag(language):
    wrong = []
    for (context, source), message in messages(
            catalog_dir() / f"posventa_{language}.ts").items():
        wanted = _placeholders(source)
        tags = sorted(_TAG.findall(source))
        for text in translations(message):
            if not text:
                continue
            got = _placeholders(text)
            if ("%n" not in source and got != wanted) or ("%n" in source and \
                    sorted(set(got)) != sorted(set(wanted))) or sorted(_TAG.findall(text)) != tags:
                wrong.append((context, source, text))
    assert not wrong, f"placeholders or markup changed: {wrong[:5]}"


def test_plural_messages_have_english_forms(extracted):
    english = messages(catalog_dir() / "posventa_en.ts")
    plural = [key for key, m in extracted.items() if m.get("numerus") == "yes"]
    missing = [key for key in plural
               if len([t for t in translations(english.get(key, ET.Element("x"))) if t]) < 2]
    assert not missing, f"English singular/plural forms missing for {missing[:5]}"


def test_catalogues_compile(tmp_path):
    if lrelease() is None:
        pytest.skip("Qt's lrelease is not in this PySide6 install")
    built = compile_catalogs(catalog_dir(), tmp_path)
    assert {p.name for p in built} >= {"posventa_es.qm", "posventa_en.qm"}
    assert all(p.stat().st_size > 100 for p in built)


# --- the code ---------------------------------------------------------------------------

def _classes(tree: ast.Module) -> dict[str, ast.ClassDef]:
    return {node.name: node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}


def _ui_trees() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8"))
            for path in sorted(UI.glob("*.py"))}


def test_tr_contexts_are_the_runtime_class_names():
    """`self.tr` takes the *runtime* class as context, lupdate the defining class: they
    only agree when the class has no subclass, and only on `self`."""
    trees = _ui_trees()
    bases: dict[str, set[str]] = {}
    for tree in trees.values():
        for cls in _classes(tree).values():
            for base in cls.bases:
                if isinstance(base, ast.Name):
                    bases.setdefault(base.id, set()).add(cls.name)
    wrong = []
    for path, tree in trees.items():
        for cls in _classes(tree).values():
            for node in ast.walk(cls):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                        and node.func.attr == "tr":
                    owner = node.func.value
                    if not (isinstance(owner, ast.Name) and owner.id == "self"):
                        wrong.append(f"{path.name}:{node.lineno} {ast.unparse(node.func)}")
                    elif cls.name in bases:
                        wrong.append(f"{path.name}:{node.lineno} self.tr in {cls.name}, "
                                     f"subclassed by {sorted(bases[cls.name])}")
        in_classes = {id(n) for cls in _classes(tree).values() for n in ast.walk(cls)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr == "tr" and id(node) not in in_classes:
                wrong.append(f"{path.name}:{node.lineno} {ast.unparse(node.func)} outside "
                             "a class: say the context with QCoreApplication.translate")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id == "tr":
                wrong.append(f"{path.name}:{node.lineno} bare tr(): lupdate cannot see its "
                             "context")
    assert not wrong, "\n".join(wrong)


TEXT_CALLS = {
    "setText", "setToolTip", "setWindowTitle", "setPlaceholderText", "setAccessibleName",
    "setAccessibleDescription", "setStatusTip", "setWhatsThis", "setTitle", "addTab",
    "insertTab", "setTabText", "setTabToolTip", "addMenu", "showMessage", "setLabelText",
    "setSuffix", "setPrefix", "setSpecialValueText", "setHorizontalHeaderLabels",
    "setHeaderLabels", "addRow", "setInformativeText", "setDetailedText",
}
TEXT_CLASSES = {
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QMenu",
    "QToolButton",
}
_LETTERS = re.compile(r"[A-Za-z]{2,}")


def _literal_text(node: ast.AST) -> str | None:
    """The English text of a literal argument ('' when it has no words)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if _LETTERS.search(node.value) else None
    if isinstance(node, ast.JoinedStr):
        parts = [v.value for v in node.values
                 if isinstance(v, ast.Constant) and isinstance(v.value, str)]
        text = "".join(parts)
        return text if _LETTERS.search(text) else None
    if isinstance(node, ast.List | ast.Tuple):
        for element in node.elts:
            found = _literal_text(element)
            if found:
                return found
    return None


def test_ui_code_passes_no_literal_text_to_widgets():
    wrong = []
    for path, tree in _ui_trees().items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else \
                func.id if isinstance(func, ast.Name) else ""
            if name not in TEXT_CALLS and name not in TEXT_CLASSES:
                continue
            for arg in node.args[:2]:
                text = _literal_text(arg)
                if text:
                    wrong.append(f"{path.name}:{node.lineno} {name}({text!r})")
    assert not wrong, "untranslated text given to widgets:\n" + "\n".join(wrong)


def test_pseudo_translation_keeps_placeholders_and_grows():
    source = "&Reply to {name} · %1 of %n <b>now</b> &amp; later"
    text = pseudo(source)
    assert text.startswith("⟦") and text.endswith("⟧")
    for kept in ("{name}", "%1", "%n", "<b>", "</b>", "&amp;", "&R"):
        assert kept in text
    assert text.count("·") >= 6  # about 40% more for the 16 letters of translatable text
    assert "Réply" in text or "Rép" in text
