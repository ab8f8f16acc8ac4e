"""Workspace settings, declared once with their types and defaults, kept in settings.json."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from console.trust.storage import os_problem


@dataclass
class Settings:
    """Everything an agent or the team can set for a workspace."""

    workspace_id: str = ""
    agent_name: str = ""
    sync_interval: float = 20.0  # seconds between polls of an account
    outbox_delay: float = 5.0  # seconds a reply waits before it leaves (undo window)
    backfill_pages: int = 5  # pages fetched the first time an account is synced
    backups_kept: int = 7  # daily automatic backups kept in <workspace>/backups
    demo: bool = False

    @classmethod
    def load(cls, path: Path) -> Settings:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError):
            return cls()  # a damaged settings file falls back to defaults, never a crash
        known = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        for key, value in data.items() if isinstance(data, dict) else ():
            field = known.get(key)
            if field is None:
                continue
            kind = type(getattr(cls(), key))
            try:
                values[key] = kind(value)
            except (TypeError, ValueError):
                continue
        return cls(**values)

    def save(self, path: Path) -> None:
        """Write atomically (temp file then rename) so a crash never leaves half a file.

        A full disk or a read-only folder raises :class:`SettingsError`; the settings
        file on disk is then the previous one, whole.
        """
        tmp: str | None = None
        try:
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".settings-")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(asdict(self), fh, indent=2, ensure_ascii=False)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, path)
        except OSError as exc:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
            raise SettingsError(os_problem(exc, "save the settings to", path)
                                + "; the previous settings are unchanged") from None
        except BaseException:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
            raise


class SettingsError(Exception):
    """The settings could not be saved; the message says why in plain words."""
