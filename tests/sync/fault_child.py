"""A province importing packages in a process of its own, to be killed (kill -9) at a random
moment by tests/sync/test_fault_injection.py: prints "start" just before the import begins."""
from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    from desktop.models.datafile import open_store
    from desktop.models.db import DB_FILENAME
    from sync.importer import import_many
    from tests.sync.conftest import TEST_TABLES
    from tests.sync.tables import add_synced_table

    for name, (_sql, opts) in TEST_TABLES.items():  # as the tests' province has them
        add_synced_table(name, **opts)
    store = open_store(Path(argv[0]) / DB_FILENAME, actor="fault")
    print("start", flush=True)
    summaries = import_many(store, [Path(p) for p in argv[1:]])
    print("done " + " ".join(s.status for s in summaries), flush=True)
    store.close(clean=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
