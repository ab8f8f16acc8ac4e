"""Shared test set-up: offscreen Qt, a fresh workspace per test, data builders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from console.runtime import Runtime, open_runtime


@pytest.fixture
def runtime(tmp_path: Path) -> Iterator[Runtime]:
    """A fresh workspace with secrets in memory, closed after the test."""
    rt = open_runtime(tmp_path / "ws", memory_secrets=True)
    yield rt
    rt.close()
