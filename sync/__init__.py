"""Sync packages between a district and its province: format, keys, export, import, acks.

No Qt here (a test checks). Reads every synced table from their declared list
(`desktop.models.synced_tables`) and the columns from the database schema, so that the tables of
every part of the program travel without naming them here. The file format is described in
docs/sync-format.md.
"""
from __future__ import annotations

FORMAT_VERSION = 1
PACKAGE_SUFFIX = ".isosync"
PART_SUFFIX = ".isopart"
PROFILE_SUFFIX = ".isoprofile"
