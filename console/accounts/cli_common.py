"""What every ``posventa accounts add <kind>`` command shares: reading a secret without
echoing it, reading what the agent pastes while a browser sign-in waits, and reporting
where the secret was kept."""

from __future__ import annotations

import getpass
import sys
import threading
import webbrowser
from typing import Any, Protocol

from console.channels.loopback import SignInError


class SecretInputError(Exception):
    """No way to read a secret (no terminal and no --*-stdin flag)."""


def read_secret(prompt: str, from_stdin: bool, flag: str) -> str:
    """A secret from stdin (when piped with ``flag``) or typed at a hidden prompt."""
    if from_stdin:
        return sys.stdin.readline().strip()
    if sys.stdin.isatty():
        return getpass.getpass(f"{prompt} (input hidden): ").strip()
    raise SecretInputError(f"no terminal to ask for the secret: pipe it with {flag}")


class PasteTarget(Protocol):
    """A browser sign-in that also takes what the agent pastes (a code or an address)."""

    @property
    def cancelled(self) -> bool: ...

    def submit_pasted(self, text: str) -> Any: ...


def read_pasted(signin: PasteTarget) -> None:
    """Hand each line typed on stdin to the sign-in, in the background; a line it cannot
    use is said on stderr and the wait goes on."""

    def read() -> None:
        for line in sys.stdin:
            if signin.cancelled:
                return
            if not line.strip():
                continue
            try:
                signin.submit_pasted(line)
            except SignInError as exc:
                print(f"posventa: {exc}", file=sys.stderr, flush=True)

    threading.Thread(target=read, daemon=True, name="posventa-paste").start()


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
