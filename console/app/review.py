"""Review mode: a runtime over a private copy of a case file, never over a workspace.

The copy lives in a temporary folder laid out like a workspace, so the whole console
(feed, profile, cases) reads it unchanged. The engine is built but never started: review
mode makes no network connection, and secrets stay in memory. The reviews themselves go
to the original file through ``console.casefile.review.ReviewService``.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from console.app.runtime import Runtime, open_runtime
from console.app.workspace import DB_NAME
from console.casefile.review import ReviewService, copy_for_review


def open_review(path: Path, reviewer: str = "") -> Runtime:
    """A runtime over a private copy of the case file at ``path``; close with close_review.

    Its ``extras`` hold ``case_file`` (the file), ``review_folder`` (the copy's folder)
    and ``reviews`` (a ReviewService writing to the file as ``reviewer``, by default the
    console's agent).
    """
    path = Path(path).expanduser().resolve()
    folder = Path(tempfile.mkdtemp(prefix="posventa-review-"))
    try:
        copy_for_review(path, folder / DB_NAME)
        runtime = open_runtime(folder, memory_secrets=True)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    name = reviewer or runtime.cases.agent
    runtime.extras.update(case_file=path, review_folder=folder,
                          reviews=ReviewService(path, name))
    return runtime


def close_review(runtime: Runtime) -> None:
    """Close a review runtime and delete its private copy."""
    runtime.close()
    folder = runtime.extras.get("review_folder")
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)
