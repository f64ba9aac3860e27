"""`python -m desktop` == `isodesk`."""
from desktop.cli import entry

raise SystemExit(entry())
