"""The CSV history importer on messy files: encodings, quoted newlines, bad rows, duplicates."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.app.cli.main import main
from console.app.runtime import Runtime, open_runtime
from console.importer.history import plan_import
from console.importer.mapping import ColumnMapping, MappingProblem, guess
from console.importer.reader import open_csv

# Semicolons, a quoted newline (row on lines 3-4), a bad date (line 5), an empty text
# (line 6), a repeated row (line 7 = line 2), a reply to line 2's post (line 8).
SPANISH = (
    "Fecha;Usuario;Nombre;Mensaje;Canal;Estado;ID;En respuesta a\n"
    "2026-02-10 09:15;@marta_r;Marta Ruiz;Mi pedido no llega, ¿qué pasa?;mastodon;cerrado;p1;\n"
    '11/02/2026 10:00;jorge;Jorge Peña;"Me cobraron dos veces.\nNecesito el reembolso ya";'
    "mastodon;abierto;p2;\n"
    "ayer por la tarde;lu;Lu;Todo bien;mastodon;;p3;\n"
    "2026-02-12 12:00;lu;Lu;;mastodon;;p4;\n"
    "2026-02-10 09:15;@marta_r;Marta Ruiz;Mi pedido no llega, ¿qué pasa?;mastodon;cerrado;p1;\n"
    "2026-02-10T10:00:00Z;@marta_r;Marta Ruiz;Sigo esperando;mastodon;;p5;p1\n"
)


def write(tmp_path: Path, text: str, encoding: str, name: str = "h.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def mention_count(rt: Runtime) -> int:
    return int(rt.workspace.store.db.execute_sql("SELECT count(*) FROM mention").fetchone()[0])


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252", "utf-8"])
def test_reads_encodings_delimiters_and_quoted_newlines(tmp_path, encoding) -> None:
    source = open_csv(write(tmp_path, SPANISH, encoding))
    assert source.delimiter == ";"
    assert source.header[0] == "Fecha"  # no byte-order mark left in the first name
    rows = list(source.rows())
    assert [line for line, _ in rows] == [2, 3, 5, 6, 7, 8]
    assert rows[1][1]["Mensaje"] == "Me cobraron dos veces.\nNecesito el reembolso ya"
    assert rows[0][1]["Mensaje"] == "Mi pedido no llega, ¿qué pasa?"


def test_guesses_spanish_headers(tmp_path) -> None:
    source = open_csv(write(tmp_path, SPANISH, "utf-8"))
    assert guess(source.header) == {
        "text": "Mensaje", "author": "Usuario", "author_name": "Nombre", "channel": "Canal",
        "created_at": "Fecha", "remote_id": "ID", "in_reply_to": "En respuesta a",
        "status": "Estado"}


def test_dry_run_reports_lines_and_writes_nothing(runtime: Runtime, tmp_path) -> None:
    source = open_csv(write(tmp_path, SPANISH, "cp1252"))
    plan = plan_import(runtime.workspace.store, source, ColumnMapping(guess(source.header)))
    assert len(plan.posts) == 3 and plan.rows == 6
    assert [(r.line, r.reason) for r in plan.rejected] == [
        (5, "the date 'ayer por la tarde' is not a date"), (6, "the text is empty")]
    assert [(r.line, r.reason) for r in plan.duplicates] == [(7, "same post as line 2")]
    assert mention_count(runtime) == 0


def test_import_stores_threads_statuses_and_triage_once(runtime: Runtime, tmp_path) -> None:
    source = open_csv(write(tmp_path, SPANISH, "utf-8-sig"))
    mapping = ColumnMapping(guess(source.header))
    store = runtime.workspace.store
    seen: list[tuple[int, int]] = []
    result = runtime.csv_import.run(plan_import(store, source, mapping),
                                    lambda done, total: seen.append((done, total)))
    assert result.added == 3 and seen[-1] == (3, 3)
    rows = store.db.execute_sql(
        "SELECT m.remote_id, m.status, m.thread_root, a.handle, a.display_name, m.complaint, "
        "m.created_at FROM mention m JOIN author a ON a.id = m.author_id "
        "ORDER BY m.remote_id").fetchall()
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in rows] == [
        ("p1", "closed", None, "marta_r", "Marta Ruiz"),
        ("p2", "open", None, "jorge", "Jorge Peña"),
        ("p5", "new", "p1", "marta_r", "Marta Ruiz")]
    assert str(rows[1][6]).startswith("2026-02-11 10:00")  # day/month/year read as such
    assert rows[1][5] >= 0.5  # triaged: a double charge is a complaint
    # Importing the same file again adds nothing: every row is now a duplicate.
    again = plan_import(store, open_csv(source.path), mapping)
    assert again.posts == [] and len(again.duplicates) == 4
    assert runtime.csv_import.run(again).added == 0
    assert mention_count(runtime) == 3


def test_rows_without_ids_deduplicate_by_content(runtime: Runtime, tmp_path) -> None:
    text = ("date,user,message\n2026-01-05 10:00,ana,Hola, quiero cancelar\n"
            "2026-01-05 10:00,ana,\"Hola, quiero cancelar\"\n2026-01-05,bea,Gracias\n")
    source = open_csv(write(tmp_path, text, "utf-8"))
    # the unquoted comma splits line 2 into an extra cell: the text keeps its first part
    mapping = ColumnMapping(guess(source.header))
    store = runtime.workspace.store
    first = runtime.csv_import.run(plan_import(store, source, mapping))
    assert first.added == 3
    assert runtime.csv_import.run(plan_import(store, source, mapping)).added == 0
    assert mention_count(runtime) == 3


def test_missing_columns_are_a_clear_problem(tmp_path) -> None:
    source = open_csv(write(tmp_path, "Usuario,Mensaje\nana,hola\n", "utf-8"))
    with pytest.raises(MappingProblem, match="created_at"):
        ColumnMapping(guess(source.header)).validate(source.header)
    with pytest.raises(MappingProblem, match="no column 'Texto'"):
        ColumnMapping({"text": "Texto"}).validate(source.header)


def test_short_rows_are_rejected_with_their_line(runtime: Runtime, tmp_path) -> None:
    text = "fecha,usuario,mensaje\n2026-01-05 10:00,ana\n2026-01-06 10:00,bea,hola\n"
    source = open_csv(write(tmp_path, text, "utf-8"))
    plan = plan_import(runtime.workspace.store, source, ColumnMapping(guess(source.header)))
    assert [(r.line, r.reason) for r in plan.rejected] == [(2, "the text is empty")]
    assert len(plan.posts) == 1


def test_cli_dry_run_then_import(runtime: Runtime, tmp_path, capsys) -> None:
    path = write(tmp_path, SPANISH, "cp1252")
    ws = str(runtime.workspace.path)
    runtime.close()
    assert main(["--workspace", ws, "import-csv", str(path), "--map", "text=Mensaje",
                 "--map", "author=Usuario", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "6 rows: 3 to import, 1 duplicates, 2 rejected" in out
    assert "line 5: rejected: the date 'ayer por la tarde' is not a date" in out
    assert "dry run" in out
    assert main(["--workspace", ws, "import-csv", str(path)]) == 0
    assert "imported 3 mentions" in capsys.readouterr().out
    assert main(["--workspace", ws, "import-csv", str(path), "--map", "text=Nope"]) == 1
    assert "no column 'Nope'" in capsys.readouterr().err


def case_count(rt: Runtime) -> int:
    return int(rt.workspace.store.db.execute_sql('SELECT count(*) FROM "case"').fetchone()[0])


def every_post_opens_a_case(rt: Runtime) -> None:
    from console.cases import team_settings

    store = rt.workspace.store
    with store.write():
        team_settings.put(store.db, "complaint_threshold", 0.0)


def test_history_opens_no_case_unless_asked(runtime: Runtime, tmp_path) -> None:
    every_post_opens_a_case(runtime)  # a live mention at this threshold would open one
    store = runtime.workspace.store
    source = open_csv(write(tmp_path, SPANISH, "utf-8"))
    mapping = ColumnMapping(guess(source.header))
    assert runtime.csv_import.run(plan_import(store, source, mapping)).added == 3
    assert mention_count(runtime) == 3 and case_count(runtime) == 0
    # The same rows again, under new ids, asking for cases: each thread gets one.
    fresh = write(tmp_path, SPANISH.replace(";p", ";q"), "utf-8", name="open.csv")
    source = open_csv(fresh)
    result = runtime.csv_import.run(plan_import(store, source, mapping), open_cases=True)
    assert result.added == 3
    assert case_count(runtime) == 2  # q1 with its reply q5, and q2


def test_cli_open_cases_flag(runtime: Runtime, tmp_path, capsys) -> None:
    every_post_opens_a_case(runtime)
    ws = str(runtime.workspace.path)
    runtime.close()
    history = write(tmp_path, SPANISH, "utf-8")
    assert main(["--workspace", ws, "import-csv", str(history)]) == 0
    assert "as history, so no case was opened" in capsys.readouterr().out
    waiting = write(tmp_path, SPANISH.replace(";p", ";q"), "utf-8", name="open.csv")
    assert main(["--workspace", ws, "import-csv", str(waiting), "--open-cases"]) == 0
    assert "no case" not in capsys.readouterr().out
    rt = open_runtime(runtime.workspace.path, memory_secrets=True)
    try:
        assert case_count(rt) == 2
    finally:
        rt.close()
