"""What the import dialog and ``posventa import-csv`` call: plan an import, then run it."""

from __future__ import annotations

from collections.abc import Callable

from console.importer.history import ImportPlan, ImportResult, Ingest, plan_import, run_import
from console.importer.mapping import ColumnMapping
from console.importer.reader import CsvFile
from console.store.db import Store
from console.triage import Triager


class CsvImportService:
    """Reads, plans and imports CSV history (the dialog calls it from worker threads).

    `ingest` is the insert path a network pull uses (``console.sync.ingest.ingest``),
    handed in by the app: a feature does not reach up into the sync engine.
    """

    def __init__(self, store: Store, triager: Triager, ingest: Ingest) -> None:
        self.store, self.triager, self.ingest = store, triager, ingest

    def plan(self, source: CsvFile, mapping: ColumnMapping) -> ImportPlan:
        return plan_import(self.store, source, mapping)

    def run(self, plan: ImportPlan, progress: Callable[[int, int], None] | None = None,
            open_cases: bool = False) -> ImportResult:
        return run_import(self.ingest, self.store, self.triager, plan, progress, open_cases)
