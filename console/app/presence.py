"""Which consoles have a workspace open: each holds an OS lock on its own file in
``<workspace>/consoles/``, so a console can tell that another window (in this process or
another) has the same workspace open. The OS drops a lock when its process dies; a file
nobody holds is left over from a crash and is removed.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from pathlib import Path
from typing import IO

from console.trust.sender_lock import try_lock

FOLDER = "consoles"


class WorkspacePresence:
    """This console's mark on a workspace, held until :meth:`leave` (or the process ends)."""

    def __init__(self, workspace: Path) -> None:
        self.folder = workspace / FOLDER
        self.path = self.folder / f"{os.getpid()}-{uuid.uuid4().hex[:8]}.lock"
        self._handle: IO[bytes] | None = None
        with contextlib.suppress(OSError):  # a read-only folder: nobody can be told
            self.folder.mkdir(exist_ok=True)
            handle = open(self.path, "w+b")  # noqa: SIM115 - held for the console's life
            if try_lock(handle):
                self._handle = handle
            else:
                handle.close()

    def others(self) -> int:
        """How many other consoles have this workspace open now."""
        count = 0
        try:
            marks = [p for p in self.folder.glob("*.lock") if p != self.path]
        except OSError:
            return 0
        for mark in marks:
            try:
                with open(mark, "r+b") as handle:
                    if not try_lock(handle):
                        count += 1
                        continue
                mark.unlink(missing_ok=True)  # left by a console that crashed
            except OSError:
                continue
        return count

    def leave(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
            with contextlib.suppress(OSError):
                self.path.unlink()
