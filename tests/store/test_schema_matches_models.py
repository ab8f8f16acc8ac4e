"""The migrated schema and the peewee models describe the same tables and columns."""

from __future__ import annotations

from console.app.workspace import Workspace
from console.store.models import ALL_MODELS


def test_every_model_column_exists_in_the_migrated_schema(tmp_path):
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
