"""SQL fragments shared by the migrations."""

# The columns every synced record carries (DESIGN.md, "Data").
RECORD_COLUMNS = """
    id TEXT PRIMARY KEY NOT NULL,
    origin_unit TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))"""
