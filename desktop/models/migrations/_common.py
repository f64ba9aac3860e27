"""What the migrations share: SQL fragments and the declaration of a migration set."""

# The columns every synced record carries (DESIGN.md, "Data").
RECORD_COLUMNS = """
    id TEXT PRIMARY KEY NOT NULL,
    origin_unit TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))"""


class MigrationSet:
    """The numbered steps of one part of the schema, declared as sqlite-utils' `Migrations` are
    (`migrations = MigrationSet("core")`, then `@migrations(name="0001_initial")` on a function
    taking the database), but without importing sqlite-utils: opening a file whose schema is
    current only compares names (`migrations.pending_names`); sqlite-utils applies the steps
    when some are pending (`migrations.migration_sets`)."""

    def __init__(self, name: str):
        self.name = name
        self.steps: list[tuple[str, object, bool]] = []

    def __call__(self, *, name: str | None = None, transactional: bool = True):
        def inner(func):
            step = name or func.__name__
            if any(s[0] == step for s in self.steps):
                raise ValueError(f"Migration '{step}' is already registered in set '{self.name}'")
            self.steps.append((step, func, transactional))
            return func
        return inner

    @property
    def names(self) -> list[str]:
        return [s[0] for s in self.steps]
