"""The dialogs the layout audit opens (filled in as they are added)."""
DIALOGS = {}
