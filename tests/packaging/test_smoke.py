"""``posventa --smoke-test`` from the source tree: the demo opens, mentions show, exit 0.

The same check runs on the frozen build in test_frozen.py; this one tells a broken
smoke option apart from a broken bundle.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_smoke_test_opens_the_demo_and_exits_once_mentions_show(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "XDG_CACHE_HOME": str(tmp_path / "cache")}
    result = subprocess.run(
        [sys.executable, "-m", "console", "--smoke-test", "--workspace", str(tmp_path / "demo")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    found = re.search(r"^smoke ok: (\d+) mentions$", result.stdout, re.MULTILINE)
    assert found and int(found.group(1)) >= 1, result.stdout
    assert "Traceback" not in result.stderr, result.stderr
    assert (tmp_path / "demo").is_dir()  # the demo used the folder it was given
