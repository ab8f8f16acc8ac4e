"""`posventa export-cases` and `posventa import-cases` on the terminal."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from console.app.cli.main import main
from console.app.runtime import Runtime
from tests.casefile.conftest import Seeded


def export_first_case(runtime: Runtime, seeded: Seeded, path: Path, capsys) -> str:
    """Close the workspace and export its complaint case with the CLI; the workspace path."""
    ws = str(runtime.workspace.path)
    runtime.close()
    assert main(["--workspace", ws, "export-cases", "--case", str(seeded.complaint_case),
                 "-o", str(path)]) == 0
    assert "1 cases, 2 mentions" in capsys.readouterr().out
    return ws


def test_export_check_import_and_import_again(runtime: Runtime, seeded: Seeded,
                                              tmp_path: Path, capsys) -> None:
    path = tmp_path / "week.posventa-cases"
    export_first_case(runtime, seeded, path, capsys)

    other = str(tmp_path / "other")
    assert main(["--workspace", other, "import-cases", str(path), "--check"]) == 0
    out = capsys.readouterr().out
    assert "1 cases, 2 mentions, 2 authors, 1 notes, 0 reviews" in out
    assert "check only" in out
    assert not (tmp_path / "other" / "posventa.db").exists()  # not even opened

    assert main(["--workspace", other, "import-cases", str(path)]) == 0
    out = capsys.readouterr().out
    assert "mentions: 2 added, 0 already there" in out and "rows added" in out
    assert main(["--workspace", other, "import-cases", str(path)]) == 0
    assert "nothing new" in capsys.readouterr().out


def test_a_changed_or_foreign_file_is_refused_clearly(runtime: Runtime, seeded: Seeded,
                                                      tmp_path: Path, capsys) -> None:
    path = tmp_path / "week.posventa-cases"
    ws = export_first_case(runtime, seeded, path, capsys)
    with sqlite3.connect(path) as con:
        con.execute("UPDATE mention SET text = 'edited after export'")
    assert main(["--workspace", ws, "import-cases", str(path)]) == 1
    assert "changed after it was exported" in capsys.readouterr().err
    junk = tmp_path / "junk.posventa-cases"
    junk.write_bytes(b"not a database at all" * 100)
    assert main(["--workspace", ws, "import-cases", str(junk)]) == 1
    assert "is not a Posventa case file" in capsys.readouterr().err
