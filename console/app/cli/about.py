"""The ``posventa about`` command: what this installation is made of, for support.

It prints one ``name: value`` line each for the version, Python, Qt, whether the build is
frozen, the resources folder, the compiled translations, the keyring backend in use, the
keyring backends that can load here and those bundled, and the default workspace. It
never opens a workspace and never prints a secret. The packaging tests read it from a
frozen build to check that nothing was left out.
"""

from __future__ import annotations

import argparse
import importlib
import platform
import sys
from collections.abc import Callable, Iterator
from typing import Any

import console
from console.resources import resources_dir

# The keyring backends Posventa relies on (the first three) and the ones keyring falls
# back to; a frozen build must be able to import them all.
KEYRING_BACKENDS = ("SecretService", "Windows", "macOS", "chainer", "fail", "null")
# Libraries the Secret Service backend needs on Linux (D-Bus in pure Python).
KEYRING_LIBRARIES = ("secretstorage", "jeepney")


def register(subparsers: Any) -> None:
    """Adds ``about`` to an argparse subparsers object."""
    about: argparse.ArgumentParser = subparsers.add_parser(
        "about", help="print the version and what this installation uses (for support)",
        description="Print the version, Python, Qt, the resources folder, the translations "
                    "and the keyring backends this installation uses. Opens no workspace.")
    about.set_defaults(func=run_about)


def _importable(name: str) -> bool:
    try:
        importlib.import_module(name)
    except Exception:  # a backend for another OS may fail in any way on import
        return False
    return True


def _qt(qt_versions: Callable[[], str] | None) -> str:
    # The app layer imports no Qt: the launcher hands in the function that asks Qt.
    if qt_versions is None:
        return "not loaded (no window in this process)"
    try:
        return qt_versions()
    except ImportError as exc:
        return f"not available ({exc})"


def _keyring() -> Iterator[tuple[str, str]]:
    try:
        import keyring
        from keyring.backend import get_all_keyring
    except ImportError as exc:
        yield "keyring", f"not available ({exc})"
        return
    try:
        chosen = keyring.get_keyring()
        yield "keyring backend", f"{type(chosen).__module__}.{type(chosen).__name__}"
    except Exception as exc:  # keyring reports a broken configuration by raising
        yield "keyring backend", f"none ({type(exc).__name__})"
    viable = sorted({type(k).__module__.removeprefix("keyring.backends.")
                     for k in get_all_keyring()})
    yield "keyring backends available", ", ".join(viable) or "none"
    bundled = [n for n in KEYRING_BACKENDS if _importable(f"keyring.backends.{n}")]
    missing = [n for n in KEYRING_BACKENDS if n not in bundled]
    yield "keyring backends bundled", ", ".join(bundled) + (
        f" (missing: {', '.join(missing)})" if missing else "")
    if sys.platform.startswith("linux"):
        found = [n for n in KEYRING_LIBRARIES if _importable(n)]
        lost = [n for n in KEYRING_LIBRARIES if n not in found]
        yield "keyring libraries", ", ".join(found) + (
            f" (missing: {', '.join(lost)})" if lost else "")


def facts(qt_versions: Callable[[], str] | None = None) -> Iterator[tuple[str, str]]:
    """The lines of ``posventa about``, as (name, value) pairs; `qt_versions` describes the
    Qt this process would run (the launcher passes it)."""
    from console.app.folders import default_workspace_dir

    yield "version", console.__version__
    yield "app id", console.APP_ID
    yield "python", f"{platform.python_version()} ({sys.executable})"
    yield "platform", platform.platform()
    yield "frozen", "yes" if getattr(sys, "frozen", False) else "no"
    yield "qt", _qt(qt_versions)
    folder = resources_dir()
    yield "resources", f"{folder}" + ("" if folder.is_dir() else " (missing)")
    catalogs = sorted(p.stem.removeprefix("posventa_")
                      for p in (folder / "translations").glob("posventa_*.qm"))
    yield "translations", ", ".join(catalogs) or "none compiled"
    yield from _keyring()
    yield "default workspace", str(default_workspace_dir())


def run_about(args: argparse.Namespace, _open_console: object = None) -> int:
    for name, value in facts(getattr(args, "qt_versions", None)):
        print(f"{name}: {value}")
    return 0
