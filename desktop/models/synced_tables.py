"""The tables that follow the record conventions (`desktop.models.records`) and travel in sync
packages: one declared list, complete on import whatever else was imported.

`TABLES` is in dependency order: a table comes after the tables named in its `after` (the rows it
points to), and packages hold the tables in this order. For each table:
- `direction`: "up" for the rows a district sends to its province, "down" for rows the province
  sends to its districts (plan templates), "both" for either way (the question bank, keys);
- `blob_columns`: the columns that hold the SHA-256 of a file in `blobs` (sent with the rows);
- `parents`, `shared`, `claims`, `free`: the table's references, for the rule of who may write its
  rows (`desktop.models.ownership`, which reads them from here). `parents` {column: table} names
  rows that must be the same unit's ("table.column" to name rows by another column than `id`, a
  tuple of tables for a column that may name a row of any of them); `shared` {column: table} the
  same unit's row or its province's; `claims` the columns whose value, once a unit uses it, is that
  unit's; `free` the columns named like references that name no synced row.

A test checks the list against the schema (every table exists with the record columns and the
columns named here) and that every table comes after the tables it names in `after`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping


@dataclass(frozen=True)
class SyncedTable:
    name: str
    after: tuple[str, ...] = ()
    direction: str = "up"
    blob_columns: tuple[str, ...] = ()
    parents: Mapping[str, str | tuple[str, ...]] = field(default_factory=dict)
    shared: Mapping[str, str] = field(default_factory=dict)
    claims: tuple[str, ...] = ()
    free: tuple[str, ...] = ()


T = SyncedTable
REVISIONS = "minutes_revisions"
SESSIONS, VERSIONS = "quiz_sessions", "quiz_question_versions"

TABLES: tuple[SyncedTable, ...] = (
    # A user's key names the user (`user_id`): the unit whose keys first name a user owns it.
    T("user_keys", direction="both", claims=("user_id",)),
    T("staff"),
    # The records of the quality system (desktop/models/iso).
    T("iso_annual_reports"),
    T("iso_audit_programmes"),
    T("iso_audits", after=("iso_audit_programmes",),
      parents={"programme_id": "iso_audit_programmes"}),
    T("iso_audit_findings", after=("iso_audits",), parents={"audit_id": "iso_audits"}),
    T("iso_documents"),
    T("iso_document_files", after=("iso_documents",), blob_columns=("sha256",),
      parents={"document_id": "iso_documents"}),
    T("iso_nonconformities", after=("iso_audit_findings",),
      parents={"audit_id": "iso_audits", "finding_id": "iso_audit_findings"}),
    T("iso_nc_plans", after=("iso_nonconformities",), parents={"nc_id": "iso_nonconformities"}),
    T("iso_plan_templates", direction="down"),
    # A unit's plan may follow a template of its own or one its province sent down.
    T("iso_plan_items", after=("iso_plan_templates",),
      shared={"template_id": "iso_plan_templates"}),
    # The evidence names a record of the unit's own, of the kind the row says.
    T("iso_plan_evidence", after=("iso_plan_items",), parents={
        "item_id": "iso_plan_items",
        "target_id": ("minutes", "iso_documents", "iso_audits", "iso_reviews")}),
    T("iso_policies"),
    T("iso_reviews"),
    T("iso_team_decisions"),
    T("iso_team_members", after=("staff",), parents={"staff_id": "staff"}),
    # Working minutes (desktop/models/minutes): a revision's children belong to its unit.
    T("minutes"),
    T(REVISIONS, after=("minutes",), blob_columns=("pdf_sha256",),
      parents={"minutes_id": "minutes", "previous_revision_id": REVISIONS}),
    T("minutes_participants", after=(REVISIONS,),
      parents={"revision_id": REVISIONS, "staff_id": "staff"}),
    T("minutes_action_items", after=(REVISIONS,), parents={"revision_id": REVISIONS}),
    T("minutes_attachments", after=(REVISIONS,), blob_columns=("sha256",),
      parents={"revision_id": REVISIONS}),
    # A signature belongs to its revision's unit, and so do the key and the user it names.
    T("minutes_signatures", after=(REVISIONS, "user_keys"),
      parents={"revision_id": REVISIONS, "minutes_id": "minutes", "key_id": "user_keys",
               "user_id": "user_keys.user_id"}),
    # Training and the quiz (desktop/models/quiz): the province's bank goes down to its districts
    # and a district's own questions go up.
    T("quiz_topics", direction="both"),
    T("quiz_questions", after=("quiz_topics",), direction="both",
      parents={"current_version_id": VERSIONS}),
    T(VERSIONS, after=("quiz_questions",), direction="both",
      parents={"question_id": "quiz_questions"}),
    T(SESSIONS, after=("staff",)),
    T("quiz_attendance", after=(SESSIONS, "staff"),
      parents={"session_id": SESSIONS, "staff_id": "staff"}),
    T("quiz_paper_variants", after=(SESSIONS, VERSIONS), parents={"session_id": SESSIONS}),
    T("quiz_attempts", after=(SESSIONS, "staff", "quiz_paper_variants"),
      parents={"session_id": SESSIONS, "staff_id": "staff"}, free=("kiosk_id",)),
    # An answer belongs to its attempt; the question it answers may be the province's.
    T("quiz_answers", after=("quiz_attempts", VERSIONS), parents={"attempt_id": "quiz_attempts"},
      shared={"question_id": "quiz_questions", "version_id": VERSIONS}),
    # A picture belongs to its question version's unit.
    T("quiz_question_pictures", after=(VERSIONS,), blob_columns=("sha256",), direction="both",
      parents={"version_id": VERSIONS}),
)

# The same, by name (lists and dicts that the sync reads).
SYNCED_TABLES: list[str] = [t.name for t in TABLES]
BLOB_COLUMNS: dict[str, tuple[str, ...]] = {t.name: t.blob_columns for t in TABLES}
DIRECTIONS: dict[str, str] = {t.name: t.direction for t in TABLES}
