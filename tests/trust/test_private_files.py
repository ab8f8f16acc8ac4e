"""Files Posventa writes that hold customer data are readable by the user only (0600),
whatever the umask: case files and exported rules, like the other exports."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.app.cli.main import main
from console.app.runtime import Runtime
from tests.casefile.conftest import seed


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The usual desktop umask: new files would be 0644."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_case_file_is_private(runtime: Runtime, tmp_path: Path, open_umask, capsys) -> None:
    seeded = seed(runtime)
    ws = str(runtime.workspace.path)
    runtime.close()
    target = tmp_path / "week.posventa-cases"
    assert main(["--workspace", ws, "export-cases", "--case", str(seeded.complaint_case),
                 "-o", str(target)]) == 0
    assert _mode(target) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_exported_rules_are_private_even_over_an_open_file(runtime: Runtime, tmp_path: Path,
                                                           open_umask, capsys) -> None:
    ws = str(runtime.workspace.path)
    runtime.close()
    target = tmp_path / "rules.json"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o644)
    assert main(["--workspace", ws, "rules", "export", str(target)]) == 0
    assert _mode(target) == 0o600
    assert target.read_text(encoding="utf-8").startswith("[") or target.read_text(
        encoding="utf-8").startswith("{")
    missing = tmp_path / "no-such-folder" / "rules.json"
    assert main(["--workspace", ws, "rules", "export", str(missing)]) == 1
    assert "the folder does not exist" in capsys.readouterr().err
