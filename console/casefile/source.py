"""The SQLite database a case file is cut from: the workspace's own file, or, on a team
workspace, a private local copy of the team database made for this export.

The export selects with SQL across the workspace database attached to the new file
(console/casefile/queries.py), which needs a SQLite file; a team workspace works in
PostgreSQL, and its local file is the old data kept for ``team disconnect``, not the
team's. So the team database is copied (the same copy as ``posventa team export``) into
a folder only this user can read, and removed when the export ends.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from console.store import migrations, transfer
from console.store.db import Store


@contextmanager
def cases_database(store: Store, own_file: Path) -> Iterator[Path]:
    """The SQLite file holding the workspace's cases while the ``with`` block runs."""
    if getattr(store, "backend", "sqlite") == "sqlite":
        yield own_file
        return
    with tempfile.TemporaryDirectory(prefix="posventa-cases-") as folder:  # mode 0700
        path = Path(folder) / "team.db"
        copy = Store(path)
        try:
            copy.db.connect()
            migrations.migrate(copy.db, None)
            with copy.write():
                transfer.copy_tables(store.db, copy.db, transfer.sqlite_tables(copy.db), None)
        finally:
            copy.close()
        yield path
