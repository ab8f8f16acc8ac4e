"""The PyInstaller build works: version, bundled resources and keyring, the demo opens.

One build per test session (about a minute), into a temporary folder, with the spec and
the interpreter running the tests. Set ``POSVENTA_FROZEN`` to a built folder (such as
``dist/posventa``) to test that build instead. Skipped only when PyInstaller is not
installed (``pip install -e .[packaging]``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
EXE = "posventa.exe" if sys.platform == "win32" else "posventa"

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The built folder holding the ``posventa`` program."""
    given = os.environ.get("POSVENTA_FROZEN")
    if given:
        folder = Path(given).resolve()
        assert (folder / EXE).is_file(), f"POSVENTA_FROZEN={given} holds no {EXE}"
        yield folder
        return
    pytest.importorskip("PyInstaller", reason="PyInstaller is not installed: "
                        "pip install -e .[packaging]")
    work = tmp_path_factory.mktemp("pyinstaller")
    subprocess.run([sys.executable, str(ROOT / "packaging" / "build_translations.py")],
                   check=True, cwd=ROOT, capture_output=True)
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
         str(ROOT / "packaging" / "posventa.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=840)
    assert result.returncode == 0, result.stderr[-4000:]
    yield work / "dist" / "posventa"
    shutil.rmtree(work, ignore_errors=True)


def run(folder: Path, *args: str, env: dict[str, str] | None = None,
        timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(folder / EXE), *args], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})}, cwd=folder)


def test_version_is_the_one_in_pyproject(frozen: Path) -> None:
    result = run(frozen, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"posventa {VERSION}"


def test_about_shows_bundled_resources_translations_and_keyrings(frozen: Path) -> None:
    result = run(frozen, "about")
    assert result.returncode == 0, result.stderr
    facts = dict(line.split(": ", 1) for line in result.stdout.splitlines())
    assert facts["version"] == VERSION
    assert facts["frozen"] == "yes"
    resources = Path(facts["resources"])
    assert resources.is_relative_to(frozen), facts["resources"]
    for part in ("lexicons/es_sentiment.tsv", "sandbox/script.json", "canned/starter.json",
                 "triage/base-model.json", "triage/linear-model.npz",
                 "triage/piece-vectors.npz", "triage/pieces.model",
                 "icons/org.posventa.Posventa.svg",
                 "icons/hicolor/48x48/apps/org.posventa.Posventa.png"):
        assert (resources / part).is_file(), part
    assert set(facts["translations"].split(", ")) >= {"es", "en"}
    bundled = facts["keyring backends bundled"]
    assert "missing" not in bundled, bundled
    assert {"SecretService", "Windows", "macOS", "chainer", "fail"} <= set(bundled.split(", "))
    if sys.platform.startswith("linux"):
        assert facts["keyring libraries"] == "secretstorage, jeepney"
        if os.environ.get("POSVENTA_REQUIRE_KEYRING"):  # tests/run.sh: gnome-keyring runs
            assert facts["keyring backend"] == "keyring.backends.SecretService.Keyring"
            assert "SecretService" in facts["keyring backends available"]


def test_triage_runs_on_the_bundled_piece_vectors(frozen: Path) -> None:
    """sentencepiece and the piece table work in the bundle; nothing is retrained."""
    result = run(frozen, "triage", "llevo tres semanas esperando mi pedido y nadie responde")
    assert result.returncode == 0, result.stderr
    assert "complaint:  yes" in result.stdout, result.stdout
    assert "no piece vectors" not in result.stderr, result.stderr
    assert "stale" not in result.stderr, result.stderr


def test_demo_opens_and_shows_mentions(frozen: Path, tmp_path: Path) -> None:
    result = run(frozen, "--smoke-test", "--workspace", str(tmp_path / "demo"),
                 env={"QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(tmp_path)},
                 timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    found = re.search(r"^smoke ok: (\d+) mentions$", result.stdout, re.MULTILINE)
    assert found and int(found.group(1)) >= 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr


def test_no_nltk_data_and_no_dropped_qt_library_is_needed(frozen: Path) -> None:
    """The trimmed bundle still resolves every Qt library its plugins link to."""
    internal = frozen / "_internal"
    assert not (internal / "nltk_data").exists()
    ldd = shutil.which("ldd")
    if not sys.platform.startswith("linux") or ldd is None:
        return
    missing = []
    for lib in internal.rglob("*.so*"):
        if not lib.is_file():
            continue
        out = subprocess.run([ldd, str(lib)], capture_output=True, text=True).stdout
        missing += [f"{lib.name}: {line.strip()}" for line in out.splitlines()
                    if "not found" in line and "Qt6" in line]
    assert missing == []
