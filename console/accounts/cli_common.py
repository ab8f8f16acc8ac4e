"""What every ``posventa accounts add <kind>`` command shares: reading a secret without
echoing it, and reporting where it was kept."""

from __future__ import annotations

import getpass
import sys
import webbrowser
from typing import Any


class SecretInputError(Exception):
    """No way to read a secret (no terminal and no --*-stdin flag)."""


def read_secret(prompt: str, from_stdin: bool, flag: str) -> str:
    """A secret from stdin (when piped with ``flag``) or typed at a hidden prompt."""
    if from_stdin:
        return sys.stdin.readline().strip()
    if sys.stdin.isatty():
        return getpass.getpass(f"{prompt} (input hidden): ").strip()
    raise SecretInputError(f"no terminal to ask for the secret: pipe it with {flag}")


def report_added(rt: Any, text: str) -> None:
    """Prints what was added and where its secret went (and the no-keyring warning)."""
    print(f"{text} (secrets kept in {rt.workspace.secrets.backend_name()})")
    if rt.workspace.secrets.warning:
        print(rt.workspace.secrets.warning, file=sys.stderr)


def open_browser(url: str) -> bool:
    """Open ``url`` in the user's browser (tests replace this with their own "browser")."""
    try:
        return webbrowser.open(url, new=2)
    except webbrowser.Error:
        return False
