"""`posventa export --format pdf` run as a user runs it: a fresh process with no Qt
application and no display (pytest-qt's application would hide a missing one)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from console.app.runtime import Runtime
from tests.reports.conftest import add_mention

ROOT = Path(__file__).resolve().parents[2]


def export_pdf(ws: Path, target: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env.update(PYTHONPATH=str(ROOT), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    return subprocess.run([sys.executable, "-m", "console", "--workspace", str(ws), "export",
                           "--format", "pdf", "-o", str(target)],
                          text=True, capture_output=True, env=env, timeout=120)


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".posventa-export-")]


@pytest.fixture
def workspace(report_rt: Runtime) -> Path:
    add_mention(report_rt, 40, "mastodon", datetime(2026, 3, 3, 8), "negative", 0.9,
                "delivery", None, text="El pedido no llegó", name="Ana Pérez")
    ws = report_rt.workspace.path
    report_rt.close()
    return ws


def test_pdf_export_in_a_fresh_process(workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    done = export_pdf(workspace, out / "x.pdf")
    assert done.returncode == 0, done.stderr
    data = (out / "x.pdf").read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1000
    assert "exported 8 mentions" in done.stderr
    assert leftovers(out) == []


def test_pdf_export_that_cannot_be_written_leaves_nothing(workspace: Path,
                                                          tmp_path: Path) -> None:
    taken = tmp_path / "taken.pdf"
    taken.mkdir()  # a folder where the file should go: the last step (rename) fails
    done = export_pdf(workspace, taken)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "could not write the PDF" in done.stderr
    assert leftovers(tmp_path) == [] and list(taken.iterdir()) == []

    missing = tmp_path / "no-such-folder" / "x.pdf"  # the temp file cannot even be made
    done = export_pdf(workspace, missing)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "could not write the PDF" in done.stderr
    assert not missing.parent.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_pdf_export_into_a_read_only_folder(workspace: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        done = export_pdf(workspace, locked / "x.pdf")
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o755)
