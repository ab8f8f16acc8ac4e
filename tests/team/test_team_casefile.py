"""Case files of a team workspace hold the team's cases (a real PostgreSQL), not the old
local data the workspace folder keeps for ``team disconnect``."""

from __future__ import annotations

import sqlite3

from console.app.runtime import open_runtime
from console.feed.queries import FeedFilter
from tests.team.conftest import cli, local_workspace
from tests.team_db import write_team_settings


def _case_file_texts(path) -> list[str]:
    with sqlite3.connect(path) as con:
        return sorted(row[0] for row in con.execute("SELECT text FROM mention"))


def test_export_cases_of_a_team_workspace_reads_the_team_database(
        tmp_path, team_url, capsys):
    seed = tmp_path / "seed"
    write_team_settings(seed, team_url)
    local_workspace(seed, posts=3, prefix="reclamo del equipo")
    rt = open_runtime(seed, memory_secrets=True)
    try:
        [first] = rt.feed.page(FeedFilter(search="reclamo del equipo número 1"))
        case = rt.cases.case_for_mention(first.id) or rt.cases.open_case(first.id)
    finally:
        rt.close()
    # This console's folder keeps its own older data; then it joins the team.
    folder = local_workspace(tmp_path / "ws", posts=4, prefix="reclamo local")
    code, _out, err = cli(["--workspace", str(folder), "team", "connect", team_url], capsys)
    assert code == 0, err

    target = tmp_path / "equipo.posventa-cases"
    code, out, err = cli(["--workspace", str(folder), "export-cases", "--case", str(case.id),
                          "-o", str(target)], capsys)
    assert code == 0, err
    assert "1 cases" in out
    texts = _case_file_texts(target)
    assert texts and all("del equipo" in t for t in texts)
    assert "reclamo del equipo número 1 sobre la devolución" in texts

    code, out, err = cli(["--workspace", str(folder), "export-cases", "--search", "reclamo",
                          "-o", str(tmp_path / "busqueda.posventa-cases")], capsys)
    assert code == 0, err
    found = _case_file_texts(tmp_path / "busqueda.posventa-cases")
    assert found and not any("local" in t for t in found)
