"""``posventa about``: the support summary of an installation."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from console.__main__ import main

ROOT = Path(__file__).resolve().parents[2]


def about(capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    assert main(["about"]) == 0
    lines = capsys.readouterr().out.splitlines()
    return dict(line.split(": ", 1) for line in lines)


def test_about_names_version_qt_resources_and_keyring(capsys) -> None:
    facts = about(capsys)
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    assert facts["version"] == version
    assert facts["app id"] == "org.posventa.Posventa"
    assert facts["frozen"] == "no"
    assert facts["qt"].startswith("6.")
    assert facts["resources"] == str(ROOT / "resources")
    assert "translations" in facts
    bundled = facts["keyring backends bundled"]
    assert "missing" not in bundled
    assert {"SecretService", "Windows", "macOS"} <= set(bundled.split(", "))
    assert facts["keyring backend"].startswith("keyring.backends.")


def test_about_reports_a_missing_resources_folder(capsys, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("POSVENTA_RESOURCES", str(tmp_path / "gone"))
    facts = about(capsys)
    assert facts["resources"].endswith("(missing)")
    assert facts["translations"] == "none compiled"
