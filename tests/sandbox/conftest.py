"""Fixtures for the sandbox's own tests: a sandbox on a free loopback port, its clock still.

The mini script is shared with the channel tests, which drive the channels against the
same sandbox, so it stays in ``tests/channels/fixtures``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from console.sandbox import SandboxServer

MINI_SCRIPT = Path(__file__).resolve().parents[1] / "channels" / "fixtures" / "mini_script.json"


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    """The mini script with a clock that practically stands still (tests call advance())."""
    with SandboxServer(MINI_SCRIPT, speed=0.0001) as server:
        yield server
