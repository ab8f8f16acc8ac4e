"""The migrated schema and the peewee models describe the same tables and columns."""

from __future__ import annotations

from console.app.workspace import Workspace
from console.store import migrations, migrations_pg
from console.store.models import ALL_MODELS
from tests.team_db import write_team_settings


def test_both_backends_have_the_same_numbered_migrations():
    assert migrations_pg.LATEST == migrations.LATEST


def test_every_model_column_exists_in_the_migrated_schema(tmp_path, backend, request):
    if backend == "postgresql":
        write_team_settings(tmp_path / "ws", request.getfixturevalue("team_url"))
    ws = Workspace(tmp_path / "ws", memory_secrets=True)
    try:
        db = ws.store.db
        for model in ALL_MODELS:
            table = model._meta.table_name
            columns = {c.name for c in db.get_columns(table)}
            assert columns, f"table {table} is missing"
            fields = {f.column_name for f in model._meta.sorted_fields}
            assert fields == columns, f"{table}: models {fields ^ columns} differ from the schema"
    finally:
        ws.close()
