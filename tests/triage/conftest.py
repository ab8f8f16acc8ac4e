"""Shared fixtures for triage tests: one Triager per session (the models load once)."""

from __future__ import annotations

import pytest

from console.triage import Triager


@pytest.fixture(scope="session")
def triager() -> Triager:
    return Triager()
