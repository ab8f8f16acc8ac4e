"""Workspace settings, declared once with their types and defaults, kept in settings.json."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from console.i18n import QT_TRANSLATE_NOOP
from console.trust.storage import os_problem


def option(default: Any, label: str, help: str = "", *, minimum: float | None = None,
           maximum: float | None = None, choices: tuple[str, ...] = (),
           suffix: str = "") -> Any:
    """A setting shown in the Settings dialog: its label, help, limits and choices.

    The dialog builds its form from these, so a setting is declared in this one place.
    Labels and help are English source text marked with ``QT_TRANSLATE_NOOP("Settings",
    ...)``; the dialog translates them.
    """
    return field(default=default, metadata={
        "label": label, "help": help, "min": minimum, "max": maximum,
        "choices": choices, "suffix": suffix})


LANGUAGES = ("system", "es", "en")
THEMES = ("system", "light", "dark")


@dataclass
class Settings:
    """Everything an agent or the team can set for a workspace."""

    workspace_id: str = ""
    agent_name: str = option(
        "", QT_TRANSLATE_NOOP("Settings", "Agent name"),
        QT_TRANSLATE_NOOP("Settings",
                          "Your name on cases, notes and replies sent from this console"))
    sync_interval: float = option(
        20.0, QT_TRANSLATE_NOOP("Settings", "Sync interval"),
        QT_TRANSLATE_NOOP("Settings", "Seconds between polls of an account"),
        minimum=3, maximum=3600, suffix=" s")
    outbox_delay: float = option(
        5.0, QT_TRANSLATE_NOOP("Settings", "Undo-send delay"),
        QT_TRANSLATE_NOOP("Settings", "Seconds a reply waits in the outbox before it leaves"),
        minimum=0, maximum=120, suffix=" s")
    backfill_pages: int = 5  # pages fetched the first time an account is synced
    backups_kept: int = option(
        7, QT_TRANSLATE_NOOP("Settings", "Backups kept"),
        QT_TRANSLATE_NOOP("Settings",
                          "Daily automatic backups kept in the workspace's backups folder"),
        minimum=1, maximum=90)
    notify_urgent: bool = option(
        True, QT_TRANSLATE_NOOP("Settings", "Notify on urgent complaints"),
        QT_TRANSLATE_NOOP("Settings", "A desktop notification when an urgent complaint arrives"))
    notify_per_minute: int = option(
        3, QT_TRANSLATE_NOOP("Settings", "Notifications per minute"),
        QT_TRANSLATE_NOOP("Settings", "At most this many; the rest become one summary"),
        minimum=1, maximum=30)
    language: str = option(
        "system", QT_TRANSLATE_NOOP("Settings", "Language"),
        QT_TRANSLATE_NOOP("Settings", "The console's language (takes effect on restart)"),
        choices=LANGUAGES)
    theme: str = option(
        "system", QT_TRANSLATE_NOOP("Settings", "Theme"),
        QT_TRANSLATE_NOOP("Settings", "Light or dark colours, or follow the system"),
        choices=THEMES)
    welcome_done: bool = False  # the first-run welcome was answered
    demo: bool = False
    # The team database this console works in (no password: that is in the keyring);
    # empty means the workspace's own SQLite database.
    team_url: str = ""

    @classmethod
    def load(cls, path: Path) -> Settings:
        return cls.read(path)[0]

    @classmethod
    def read(cls, path: Path) -> tuple[Settings, str]:
        """The settings in ``path`` and, when the file exists but cannot be read (cut short,
        not JSON), what is wrong with it; the settings are then the defaults."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls(), ""
        except UnicodeDecodeError:
            return cls(), "it is not text"
        except ValueError as exc:
            return cls(), f"it is not valid JSON ({exc})"
        except OSError as exc:
            return cls(), exc.strerror or str(exc)
        if not isinstance(data, dict):
            return cls(), "it does not hold settings"
        known = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        for key, value in data.items():
            field = known.get(key)
            if field is None:
                continue
            kind = type(getattr(cls(), key))
            try:
                values[key] = kind(value)
            except (TypeError, ValueError):
                continue
            if field.metadata.get("choices") and values[key] not in field.metadata["choices"]:
                del values[key]  # an unknown choice reads as the default
        return cls(**values), ""

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
