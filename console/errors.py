"""The errors every layer shares, each worded for the person who caused it.

Raised in features, the store and the CLI, and caught by the window and the command line,
which show the message as one sentence (never a traceback).
"""

from __future__ import annotations


class InvalidInput(ValueError):
    """Something the agent typed cannot be used; the message says why."""


class StoreError(Exception):
    """A problem with the workspace database, worded for the agent."""


class WorkspaceError(Exception):
    """The workspace cannot be opened; the message says why in plain words."""


class BackupError(ValueError):
    """A backup or restore could not be done; the message says why in plain words."""


class CliError(Exception):
    """A problem worded for the terminal."""
