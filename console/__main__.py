"""The launcher: parses the command line, then runs a command or starts the window.

This is the one module outside ``console/ui/`` that may import Qt, and it does so only
when the window starts (a command never loads Qt). ``python -m console`` and the
``posventa`` program both come here.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from console.app.cli.main import EXIT_FAILED
from console.app.cli.main import main as run_command_line
from console.app.folders import default_workspace_dir
from console.app.workspace import WorkspaceCorrupt
from console.reports.printable import use_pdf_writer


def qt_versions() -> str:
    """The Qt runtime, binding and plugin folder (for ``posventa about``)."""
    from console.ui.versions import qt_versions as ask_qt

    return ask_qt()


def write_pdf(html: str, path: Path) -> None:
    """Qt renders the printable report to PDF (``posventa export --format pdf``); Qt is
    loaded only when a PDF is written, and a command gets an offscreen QGuiApplication
    (Qt aborts the process when it lays out text without one)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window is shown
    from console.ui.export_dialog import headless_application
    from console.ui.export_dialog import write_pdf as render

    headless_application()
    render(html, path)


def run_gui(args: argparse.Namespace) -> int:
    """Opens the workspace (or the demo, or a case file for review) in the window."""
    from console.app.runtime import open_demo, open_runtime

    if getattr(args, "language", None):
        os.environ["POSVENTA_LANGUAGE"] = args.language  # wins over the saved setting

    if getattr(args, "review", None) is not None:
        from console.ui.review_pane import run_review

        return run_review(args.review, smoke_test=getattr(args, "smoke_test", False))
    smoke = getattr(args, "smoke_test", False)  # callers may build a partial Namespace
    if args.demo or smoke:
        rt = open_demo(args.workspace, speed=args.speed)
    else:
        folder = args.workspace or default_workspace_dir()
        try:
            rt = open_runtime(folder)
        except WorkspaceCorrupt as exc:
            # Ask in a window: restore a backup, start empty, or quit.
            from console.ui.app import application
            from console.ui.recovery_dialog import recover

            application()
            rt = recover(Path(folder).expanduser(), exc, open_runtime)
            if rt is None:
                return EXIT_FAILED
    from console.ui.app import run_gui as start

    try:
        return start(rt, smoke_test=smoke)
    finally:
        rt.close()


def main(argv: list[str] | None = None) -> int:
    """The ``posventa`` program."""
    use_pdf_writer(write_pdf)
    return run_command_line(argv, start_window=run_gui, qt_versions=qt_versions)


if __name__ == "__main__":
    sys.exit(main())
