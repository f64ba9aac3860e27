"""ISO records: the ISO team, document register, quality policy and objectives, the conversion
plan, internal audits, nonconformities, management reviews and the yearly report.

Every table is a synced record table (RECORD_COLUMNS). References between them are plain id
columns checked by the models (rows may arrive by sync in any order, and another unit's copies are
read-only). CHECK constraints and triggers repeat the stage rules as a last line of defence: an
obsolete document never comes back in force, a nonconformity is never closed without an
effectiveness check.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ._common import RECORD_COLUMNS
from ._common import MigrationSet as Migrations

if TYPE_CHECKING:
    from sqlite_utils import Database

migrations = Migrations("iso")


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    # --- the ISO team ---------------------------------------------------------------------
    db.execute(
        f"""CREATE TABLE iso_team_decisions ({RECORD_COLUMNS},
            number TEXT NOT NULL,
            signed_on TEXT NOT NULL,
            signer TEXT NOT NULL DEFAULT '',
            summary TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute(
        f"""CREATE TABLE iso_team_members ({RECORD_COLUMNS},
            staff_id TEXT,
            full_name TEXT NOT NULL,
            position TEXT NOT NULL DEFAULT '',
            work_unit TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL CHECK (role IN ('head', 'deputy', 'member', 'secretary')),
            duties TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute("CREATE INDEX idx_iso_team_staff ON iso_team_members(origin_unit, staff_id)")

    # --- document register ----------------------------------------------------------------
    db.execute(
        f"""CREATE TABLE iso_documents ({RECORD_COLUMNS},
            code TEXT NOT NULL,
            title TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('tthc_procedure', 'internal_procedure',
                'quality_manual', 'policy', 'objectives', 'form', 'other')),
            standard TEXT NOT NULL CHECK (standard IN ('2008', '2015')),
            revision TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'draft'
                CHECK (state IN ('draft', 'approved', 'in_force', 'obsolete')),
            approver TEXT NOT NULL DEFAULT '',
            approved_on TEXT,
            effective_on TEXT,
            obsolete_on TEXT,
            obsolete_reason TEXT NOT NULL DEFAULT '',
            department TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            CHECK (state NOT IN ('approved', 'in_force')
                   OR (approver != '' AND approved_on IS NOT NULL)),
            CHECK (state != 'in_force' OR effective_on IS NOT NULL),
            CHECK (state != 'obsolete' OR obsolete_on IS NOT NULL)
        )"""
    )
    db.execute(
        "CREATE UNIQUE INDEX idx_iso_documents_code ON iso_documents(origin_unit, code, revision) "
        "WHERE deleted = 0"
    )
    db.execute(
        """CREATE TRIGGER iso_documents_obsolete_stays BEFORE UPDATE OF state ON iso_documents
           WHEN OLD.state = 'obsolete' AND NEW.state != 'obsolete'
           BEGIN SELECT RAISE(ABORT, 'an obsolete document cannot come back'); END"""
    )
    db.execute(
        f"""CREATE TABLE iso_document_files ({RECORD_COLUMNS},
            document_id TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            file_name TEXT NOT NULL,
            media_type TEXT NOT NULL DEFAULT '',
            size INTEGER NOT NULL DEFAULT 0
        )"""
    )
    db.execute("CREATE INDEX idx_iso_document_files_doc ON iso_document_files(document_id)")

    # --- quality policy and objectives ----------------------------------------------------
    db.execute(
        f"""CREATE TABLE iso_policies ({RECORD_COLUMNS},
            kind TEXT NOT NULL CHECK (kind IN ('policy', 'objectives')),
            title TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL,
            year INTEGER,
            issued_on TEXT NOT NULL,
            issued_by TEXT NOT NULL,
            reference TEXT NOT NULL DEFAULT ''
        )"""
    )

    # --- conversion plan --------------------------------------------------------------------
    # Milestone templates travel both ways: a province may send its own plan to its districts.
    db.execute(
        f"""CREATE TABLE iso_plan_templates ({RECORD_COLUMNS},
            set_code TEXT NOT NULL,
            set_title TEXT NOT NULL,
            seq INTEGER NOT NULL,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            due_on TEXT NOT NULL,
            responsible TEXT NOT NULL DEFAULT '',
            evidence_kind TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute(
        f"""CREATE TABLE iso_plan_items ({RECORD_COLUMNS},
            template_id TEXT,
            seq INTEGER NOT NULL,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            due_on TEXT NOT NULL,
            responsible TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'in_progress', 'done')),
            completed_on TEXT,
            note TEXT NOT NULL DEFAULT '',
            CHECK ((status = 'done') = (completed_on IS NOT NULL))
        )"""
    )
    db.execute(
        f"""CREATE TABLE iso_plan_evidence ({RECORD_COLUMNS},
            item_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('minutes', 'document', 'audit', 'review')),
            target_id TEXT NOT NULL,
            label TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute("CREATE INDEX idx_iso_plan_evidence_item ON iso_plan_evidence(item_id)")

    # --- internal audits ----------------------------------------------------------------------
    db.execute(
        f"""CREATE TABLE iso_audit_programmes ({RECORD_COLUMNS},
            year INTEGER NOT NULL,
            title TEXT NOT NULL,
            objective TEXT NOT NULL DEFAULT '',
            approved_by TEXT NOT NULL DEFAULT '',
            approved_on TEXT
        )"""
    )
    db.execute(
        f"""CREATE TABLE iso_audits ({RECORD_COLUMNS},
            programme_id TEXT NOT NULL,
            round_no INTEGER NOT NULL CHECK (round_no >= 1),
            start_on TEXT NOT NULL,
            end_on TEXT NOT NULL,
            conducted_by TEXT NOT NULL
                CHECK (conducted_by IN ('consultant', 'internal', 'joint')),
            lead_auditor TEXT NOT NULL DEFAULT '',
            auditors TEXT NOT NULL DEFAULT '',
            scope TEXT NOT NULL DEFAULT '',
            conclusion TEXT NOT NULL DEFAULT '',
            CHECK (end_on >= start_on)
        )"""
    )
    db.execute("CREATE INDEX idx_iso_audits_programme ON iso_audits(programme_id)")
    db.execute(
        f"""CREATE TABLE iso_audit_findings ({RECORD_COLUMNS},
            audit_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('major', 'minor', 'observation', 'improvement')),
            clause TEXT NOT NULL DEFAULT '',
            department TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX idx_iso_findings_audit ON iso_audit_findings(audit_id)")

    # --- nonconformities ------------------------------------------------------------------------
    db.execute(
        f"""CREATE TABLE iso_nonconformities ({RECORD_COLUMNS},
            code TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('audit', 'complaint', 'review', 'process',
                'other')),
            audit_id TEXT,
            finding_id TEXT,
            detected_on TEXT NOT NULL,
            department TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL,
            owner TEXT NOT NULL DEFAULT '',
            due_on TEXT,
            cause TEXT NOT NULL DEFAULT '',
            correction TEXT NOT NULL DEFAULT '',
            corrective_action TEXT NOT NULL DEFAULT '',
            planned_on TEXT,
            started_on TEXT,
            effectiveness TEXT NOT NULL DEFAULT '',
            checked_by TEXT NOT NULL DEFAULT '',
            checked_on TEXT,
            closed_on TEXT,
            stage TEXT NOT NULL DEFAULT 'open'
                CHECK (stage IN ('open', 'planned', 'in_progress', 'verified', 'closed')),
            CHECK (stage = 'open' OR (corrective_action != '' AND owner != ''
                   AND due_on IS NOT NULL AND planned_on IS NOT NULL)),
            CHECK (stage NOT IN ('in_progress', 'verified', 'closed') OR started_on IS NOT NULL),
            CHECK (stage NOT IN ('verified', 'closed') OR (effectiveness != ''
                   AND checked_on IS NOT NULL)),
            CHECK ((stage = 'closed') = (closed_on IS NOT NULL))
        )"""
    )
    db.execute(
        "CREATE UNIQUE INDEX idx_iso_nc_code ON iso_nonconformities(origin_unit, code) "
        "WHERE deleted = 0"
    )

    # --- management reviews -----------------------------------------------------------------
    db.execute(
        f"""CREATE TABLE iso_reviews ({RECORD_COLUMNS},
            held_on TEXT NOT NULL,
            chair TEXT NOT NULL DEFAULT '',
            participants TEXT NOT NULL DEFAULT '',
            inputs TEXT NOT NULL DEFAULT '{{}}',
            decisions TEXT NOT NULL DEFAULT '',
            next_review_on TEXT
        )"""
    )

    # --- the yearly report ------------------------------------------------------------------
    db.execute(
        f"""CREATE TABLE iso_annual_reports ({RECORD_COLUMNS},
            year INTEGER NOT NULL,
            status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
            number TEXT NOT NULL DEFAULT '',
            report_on TEXT,
            recipient TEXT NOT NULL DEFAULT '',
            signer_title TEXT NOT NULL DEFAULT '',
            signer_name TEXT NOT NULL DEFAULT '',
            sections TEXT NOT NULL DEFAULT '[]',
            figures TEXT,
            finalised_at TEXT
        )"""
    )
    db.execute(
        "CREATE UNIQUE INDEX idx_iso_annual_year ON iso_annual_reports(origin_unit, year) "
        "WHERE deleted = 0"
    )


@migrations(name="0004_document_steps_and_nc_plans")
def m0004_document_steps_and_nc_plans(db: Database) -> None:
    """1. The per-version part of the register's rule (`desktop.models.iso.document_rules.
    row_step_problem`), as 0001's `iso_documents_obsolete_stays` began it: a version never goes
    back, except an approval withdrawn (approved → draft), and never becomes obsolete without
    having been in force (an effective date). Several steps forward at once stay allowed: an
    import, or a sync package bringing the latest state of a district's row.
    2. The corrective-action plans of a nonconformity that an effectiveness check found not
    effective, each with its dates and the check (the nonconformity's row holds the plan in
    hand)."""
    db.execute(
        """CREATE TRIGGER iso_documents_no_step_back BEFORE UPDATE OF state ON iso_documents
           WHEN (OLD.state = 'in_force' AND NEW.state IN ('draft', 'approved'))
             OR (NEW.state = 'obsolete' AND OLD.state != 'obsolete'
                 AND NEW.effective_on IS NULL)
           BEGIN SELECT RAISE(ABORT, 'a document version cannot take this step'); END"""
    )
    db.execute(
        f"""CREATE TABLE iso_nc_plans ({RECORD_COLUMNS},
            nc_id TEXT NOT NULL,
            round INTEGER NOT NULL CHECK (round >= 1),
            cause TEXT NOT NULL DEFAULT '',
            correction TEXT NOT NULL DEFAULT '',
            corrective_action TEXT NOT NULL,
            owner TEXT NOT NULL,
            due_on TEXT,
            planned_on TEXT,
            started_on TEXT,
            checked_on TEXT NOT NULL,
            checked_by TEXT NOT NULL,
            result TEXT NOT NULL
        )"""
    )
    db.execute("CREATE UNIQUE INDEX idx_iso_nc_plans_round ON iso_nc_plans(nc_id, round) "
               "WHERE deleted = 0")
