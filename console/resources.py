"""Where the bundled data lives: `resources/` beside the package, or inside a frozen build."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    """The folder holding icons, translations, lexicons and the sandbox script."""
    override = os.environ.get("POSVENTA_RESOURCES")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """A file below `resources/`."""
    return resources_dir().joinpath(*parts)
