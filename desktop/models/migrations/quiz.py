"""Training sessions and the awareness quiz: question bank with versions, sessions, attendance,
attempts and their answers, paper variants; plus the tables that stay on one PC (kiosk PINs,
the running state of an attempt, kiosk keys, the ledger of imported results files)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ._common import RECORD_COLUMNS
from ._common import MigrationSet as Migrations

if TYPE_CHECKING:
    from sqlite_utils import Database

migrations = Migrations("quiz")


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    # --- the question bank (synced both ways: the province may send its bank down) ---------
    db.execute(
        f"""CREATE TABLE quiz_topics ({RECORD_COLUMNS},
            code TEXT NOT NULL,
            name TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            sort_order INTEGER NOT NULL DEFAULT 0,
            retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
        )"""
    )
    db.execute("CREATE UNIQUE INDEX idx_quiz_topics_code ON quiz_topics(origin_unit, code) "
               "WHERE deleted = 0")
    # A question is its identity (key, topic, retired); what it says lives in its versions.
    # `current_version_id` names the version new papers use (no foreign key: the two rows
    # point at each other).
    db.execute(
        f"""CREATE TABLE quiz_questions ({RECORD_COLUMNS},
            key TEXT NOT NULL,
            topic_code TEXT NOT NULL,
            current_version_id TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
        )"""
    )
    db.execute("CREATE UNIQUE INDEX idx_quiz_questions_key ON quiz_questions(origin_unit, key) "
               "WHERE deleted = 0")
    db.execute("CREATE INDEX idx_quiz_questions_topic ON quiz_questions(topic_code)")
    # A version that a paper has used is never changed again: editing makes the next version.
    db.execute(
        f"""CREATE TABLE quiz_question_versions ({RECORD_COLUMNS},
            question_id TEXT NOT NULL REFERENCES quiz_questions(id),
            number INTEGER NOT NULL CHECK (number >= 1),
            text TEXT NOT NULL,
            options TEXT NOT NULL,
            correct TEXT NOT NULL,
            weights TEXT,
            multiple INTEGER NOT NULL DEFAULT 0 CHECK (multiple IN (0, 1)),
            explanation TEXT NOT NULL DEFAULT '',
            clause TEXT NOT NULL DEFAULT '',
            difficulty INTEGER NOT NULL DEFAULT 2 CHECK (difficulty BETWEEN 1 AND 3),
            content_hash TEXT NOT NULL
        )"""
    )
    db.execute("CREATE UNIQUE INDEX idx_quiz_versions_number ON "
               "quiz_question_versions(question_id, number) WHERE deleted = 0")
    db.execute("CREATE INDEX idx_quiz_versions_hash ON quiz_question_versions(content_hash)")

    # --- training sessions ------------------------------------------------------------------
    db.execute(
        f"""CREATE TABLE quiz_sessions ({RECORD_COLUMNS},
            title TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL,
            place TEXT NOT NULL,
            start_time TEXT NOT NULL DEFAULT '',
            end_time TEXT NOT NULL DEFAULT '',
            consultant TEXT NOT NULL DEFAULT '',
            consultant_org TEXT NOT NULL DEFAULT '',
            iso_representative TEXT NOT NULL DEFAULT '',
            part_dvd INTEGER NOT NULL DEFAULT 0 CHECK (part_dvd IN (0, 1)),
            part_guidance INTEGER NOT NULL DEFAULT 0 CHECK (part_guidance IN (0, 1)),
            part_test INTEGER NOT NULL DEFAULT 0 CHECK (part_test IN (0, 1)),
            settings TEXT NOT NULL DEFAULT '{{}}',
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
            notes TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute("CREATE INDEX idx_quiz_sessions_date ON quiz_sessions(origin_unit, date)")
    db.execute(
        f"""CREATE TABLE quiz_attendance ({RECORD_COLUMNS},
            session_id TEXT NOT NULL REFERENCES quiz_sessions(id),
            staff_id TEXT NOT NULL REFERENCES staff(id),
            present INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0, 1)),
            added_at_kiosk INTEGER NOT NULL DEFAULT 0 CHECK (added_at_kiosk IN (0, 1)),
            retakes_granted INTEGER NOT NULL DEFAULT 0 CHECK (retakes_granted >= 0),
            note TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute("CREATE UNIQUE INDEX idx_quiz_attendance_person ON "
               "quiz_attendance(session_id, staff_id) WHERE deleted = 0")
    db.execute("CREATE INDEX idx_quiz_attendance_staff ON quiz_attendance(staff_id)")

    # --- attempts and answers ---------------------------------------------------------------
    db.execute(
        f"""CREATE TABLE quiz_attempts ({RECORD_COLUMNS},
            session_id TEXT NOT NULL REFERENCES quiz_sessions(id),
            staff_id TEXT NOT NULL REFERENCES staff(id),
            number INTEGER NOT NULL DEFAULT 1,
            mode TEXT NOT NULL DEFAULT 'kiosk' CHECK (mode IN ('kiosk', 'paper')),
            variant_code TEXT,
            seed INTEGER NOT NULL,
            question_order TEXT NOT NULL,
            settings TEXT NOT NULL DEFAULT '{{}}',
            kiosk_id TEXT NOT NULL DEFAULT '',
            kiosk_label TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'in_progress'
                CHECK (status IN ('in_progress', 'submitted')),
            started_at TEXT NOT NULL,
            submitted_at TEXT,
            submit_reason TEXT NOT NULL DEFAULT '',
            time_limit_s INTEGER,
            elapsed_s INTEGER NOT NULL DEFAULT 0,
            score INTEGER,
            max_score INTEGER NOT NULL,
            percent REAL,
            passed INTEGER CHECK (passed IN (0, 1))
        )"""
    )
    db.execute("CREATE INDEX idx_quiz_attempts_person ON quiz_attempts(session_id, staff_id)")
    db.execute("CREATE INDEX idx_quiz_attempts_staff ON quiz_attempts(staff_id, status)")
    # One row per question of an attempt, created with the paper: `slot` is the place in the
    # drawn paper (the statistics' item), `position` the place shown (after shuffling).
    # `selected` holds indexes into the version's own option list (null: not answered).
    db.execute(
        f"""CREATE TABLE quiz_answers ({RECORD_COLUMNS},
            attempt_id TEXT NOT NULL REFERENCES quiz_attempts(id),
            position INTEGER NOT NULL,
            slot INTEGER NOT NULL,
            question_id TEXT NOT NULL,
            version_id TEXT NOT NULL REFERENCES quiz_question_versions(id),
            option_order TEXT NOT NULL,
            selected TEXT,
            flagged INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0, 1)),
            correct INTEGER NOT NULL DEFAULT 0 CHECK (correct IN (0, 1)),
            answered_at TEXT
        )"""
    )
    db.execute("CREATE UNIQUE INDEX idx_quiz_answers_position ON "
               "quiz_answers(attempt_id, position) WHERE deleted = 0")
    db.execute("CREATE INDEX idx_quiz_answers_version ON quiz_answers(version_id)")
    db.execute("CREATE INDEX idx_quiz_answers_question ON quiz_answers(question_id)")

    # Printed paper variants of a session (the paper fallback): the order is kept for ever.
    db.execute(
        f"""CREATE TABLE quiz_paper_variants ({RECORD_COLUMNS},
            session_id TEXT NOT NULL REFERENCES quiz_sessions(id),
            code TEXT NOT NULL,
            seed INTEGER NOT NULL,
            items TEXT NOT NULL
        )"""
    )
    db.execute("CREATE UNIQUE INDEX idx_quiz_variants_code ON "
               "quiz_paper_variants(session_id, code) WHERE deleted = 0")

    # --- local to this PC (never synced) ----------------------------------------------------
    db.execute(
        """CREATE TABLE quiz_session_pins (
            session_id TEXT PRIMARY KEY NOT NULL,
            pin_hash TEXT NOT NULL,
            set_at TEXT NOT NULL
        )"""
    )
    # Where a running attempt is (question shown, time used): written with every answer and
    # every few seconds, so that a crash resumes at the same question and remaining time.
    db.execute(
        """CREATE TABLE quiz_attempt_progress (
            attempt_id TEXT PRIMARY KEY NOT NULL,
            position INTEGER NOT NULL DEFAULT 1,
            elapsed_ms INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL
        )"""
    )
    # Keys this PC issued to kiosk PCs (it verifies their results files with them) ...
    db.execute(
        """CREATE TABLE quiz_kiosk_keys (
            key_id TEXT PRIMARY KEY NOT NULL,
            session_id TEXT NOT NULL,
            label TEXT NOT NULL,
            public_key TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            issued_at TEXT NOT NULL,
            issued_by TEXT NOT NULL
        )"""
    )
    # ... and the key this PC signs its results with when it is a kiosk PC of a session.
    db.execute(
        """CREATE TABLE quiz_kiosk_identity (
            session_id TEXT PRIMARY KEY NOT NULL,
            key_id TEXT NOT NULL,
            label TEXT NOT NULL,
            private_key TEXT NOT NULL,
            public_key TEXT NOT NULL,
            received_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE quiz_results_imports (
            file_sha256 TEXT PRIMARY KEY NOT NULL,
            session_id TEXT NOT NULL,
            key_id TEXT NOT NULL,
            kiosk_label TEXT NOT NULL,
            exported_at TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            actor TEXT NOT NULL,
            summary TEXT NOT NULL
        )"""
    )


@migrations(name="0002_drop_answer_question_index")
def m0002_drop_answer_question_index(db: Database) -> None:
    # No query looks answers up by question (statistics go through the attempts, "is this
    # version used" through idx_quiz_answers_version), and every answer written, at the kiosk
    # or by a sync import, paid for keeping it.
    db.execute("DROP INDEX IF EXISTS idx_quiz_answers_question")


@migrations(name="0003_historical_questions")
def m0003_historical_questions(db: Database) -> None:
    # A question about a plan that is over (the 2020 conversion) stays in the bank, for the
    # record and for units that still want it, but new papers leave it out by default.
    db.execute("ALTER TABLE quiz_questions ADD COLUMN historical INTEGER NOT NULL DEFAULT 0 "
               "CHECK (historical IN (0, 1))")


@migrations(name="0004_question_kind_and_pictures")
def m0004_question_kind_and_pictures(db: Database) -> None:
    # The kind of a question, apart from "several right options": "single" (one right option),
    # "multiple" (tick all that apply), "any" (several options are right and choosing one of
    # them is enough, as Moodle grades a single-answer question with two 100 % answers) and
    # "truefalse" (the two options Đúng / Sai). `multiple` stays, equal to kind = 'multiple'.
    db.execute("ALTER TABLE quiz_question_versions ADD COLUMN kind TEXT NOT NULL DEFAULT 'single' "
               "CHECK (kind IN ('single', 'multiple', 'any', 'truefalse'))")
    db.execute("UPDATE quiz_question_versions SET kind = 'multiple' WHERE multiple = 1")
    db.execute("UPDATE quiz_question_versions SET kind = 'truefalse' WHERE multiple = 0 AND "
               "options = '[\"Đúng\",\"Sai\"]'")
    # Pictures of a question version: the question's own, or an option's (`option_index`),
    # each a file in `blobs` by SHA-256, in order. A version's pictures never change once a
    # paper used it: an edit that changes them makes a new version, as for the text.
    db.execute(
        f"""CREATE TABLE quiz_question_pictures ({RECORD_COLUMNS},
            version_id TEXT NOT NULL REFERENCES quiz_question_versions(id),
            place TEXT NOT NULL CHECK (place IN ('question', 'option', 'explanation')),
            option_index INTEGER,
            position INTEGER NOT NULL DEFAULT 0,
            sha256 TEXT NOT NULL,
            media_type TEXT NOT NULL DEFAULT '',
            name TEXT NOT NULL DEFAULT '',
            width INTEGER NOT NULL DEFAULT 0,
            height INTEGER NOT NULL DEFAULT 0
        )"""
    )
    db.execute("CREATE INDEX idx_quiz_question_pictures_version ON "
               "quiz_question_pictures(version_id, position)")


@migrations(name="0005_browser_quiz")
def m0005_browser_quiz(db: Database) -> None:
    # How an attempt was taken on screen: '' at a kiosk PC (or keyed in from paper, see `mode`),
    # 'web' in a browser over the office network. Grading and evidence are the same.
    db.execute("ALTER TABLE quiz_attempts ADD COLUMN channel TEXT NOT NULL DEFAULT '' "
               "CHECK (channel IN ('', 'web'))")
    # --- local to this PC (never synced): the browser test of a session -----------------------
    # `secret` keys the pages' anti-forgery tokens (so that they survive a restart of the
    # server); `auto_admit`: everyone on the attendance list is let in without the proctor.
    db.execute(
        """CREATE TABLE quiz_web_tests (
            session_id TEXT PRIMARY KEY NOT NULL,
            secret TEXT NOT NULL,
            auto_admit INTEGER NOT NULL DEFAULT 0 CHECK (auto_admit IN (0, 1)),
            started_at TEXT NOT NULL,
            ended_at TEXT
        )"""
    )
    # A browser (phone, PC) that joined: its device token is kept hashed; `state` says whether
    # the proctor let it in; `attempt_id` binds it to the attempt it takes.
    db.execute(
        """CREATE TABLE quiz_web_devices (
            token_hash TEXT PRIMARY KEY NOT NULL,
            session_id TEXT NOT NULL,
            staff_id TEXT NOT NULL,
            attempt_id TEXT,
            state TEXT NOT NULL DEFAULT 'waiting'
                CHECK (state IN ('waiting', 'admitted', 'refused', 'replaced')),
            label TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            admitted_at TEXT,
            admitted_by TEXT NOT NULL DEFAULT '',
            last_seen_at TEXT
        )"""
    )
    db.execute("CREATE INDEX idx_quiz_web_devices_person ON quiz_web_devices(session_id, staff_id)")


@migrations(name="0007_stat_sums")
def m0007_stat_sums(db: Database) -> None:
    # The item analysis' sums, kept by triggers as attempts and answers are written, so that the
    # statistics read a few thousand rows of sums instead of every answer (`quiz_sums`).
    from . import quiz_sums

    quiz_sums.create(db.execute)
