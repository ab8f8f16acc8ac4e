"""Where a workspace lives and what its folder is called: the default folder, the database
file's name, and folders only the user may read."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import platformdirs

DB_NAME = "posventa.db"


def default_workspace_dir() -> Path:
    """The platform's user data folder, unless POSVENTA_WORKSPACE names another."""
    env = os.environ.get("POSVENTA_WORKSPACE")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("Posventa", appauthor=False)) / "workspace"


def private_dir(path: Path) -> None:
    """Create a folder readable by the user only (0700)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(PermissionError):
        path.chmod(0o700)
