"""The document register's one rule: `documents advance`, the Excel import, the register's
buttons and the database triggers agree on every state change."""
from __future__ import annotations

import datetime as _dt
import itertools
import sqlite3

import pytest

from desktop.models.errors import ValidationError
from desktop.models.iso import document_import
from desktop.models.iso.document_rules import STATES, row_step_problem
from desktop.models.iso.documents import DocumentRepository

TODAY = _dt.date(2026, 3, 1)


@pytest.fixture
def repo(store):
    return DocumentRepository(store)


def _doc(repo, revision="01", state="draft", code="QT-01"):
    d = repo.add({"code": code, "title": "Quy trình thu", "kind": "internal_procedure",
                  "revision": revision})
    if state in ("approved", "in_force", "obsolete"):
        d = repo.advance(d.id, "approved", approver="Ông A", on="2026-01-02", today=TODAY)
    if state in ("in_force", "obsolete"):
        d = repo.advance(d.id, "in_force", on="2026-01-05", today=TODAY)
    if state == "obsolete":
        d = repo.advance(d.id, "obsolete", on="2026-01-20", today=TODAY)
    return d


def _import(store, rows):
    parsed = [document_import.DocImportRow(i + 2, {"kind": "internal_procedure",
                                                   "title": "Quy trình thu", **r})
              for i, r in enumerate(rows)]
    return document_import.plan_import(store, parsed, today=TODAY)


@pytest.mark.parametrize("old,new,effective", [
    (a, b, e) for a, b in itertools.permutations(STATES, 2) for e in (None, "2026-01-05")])
def test_the_triggers_allow_exactly_what_the_rule_allows(store, old, new, effective):
    """Every state change of one version, written straight into the file: the database
    refuses it exactly when `row_step_problem` does."""
    conn = store.conn
    dates = {"approver": "Ông A" if old != "draft" else "",
             "approved_on": "2026-01-02" if old != "draft" else None,
             "effective_on": "2026-01-05" if old in ("in_force", "obsolete") else None,
             "obsolete_on": "2026-01-20" if old == "obsolete" else None}
    conn.execute("INSERT INTO iso_documents (id, origin_unit, created_at, updated_at, code, title, "
                 "kind, standard, revision, state, approver, approved_on, effective_on, "
                 "obsolete_on) VALUES ('d1', 'BHXHTEST', '2026', '2026', 'QT-01', 'T', "
                 "'form', '2015', '01', ?, ?, ?, ?, ?)",
                 (old, dates["approver"], dates["approved_on"], dates["effective_on"],
                  dates["obsolete_on"]))
    after = {"approver": "Ông A" if new != "draft" else "",
             "approved_on": "2026-01-02" if new != "draft" else None,
             "effective_on": effective if new != "draft" else None,
             "obsolete_on": "2026-01-20" if new == "obsolete" else None}
    if new == "in_force" and effective is None:
        after["effective_on"] = "2026-01-05"   # the table's CHECK, not the step, asks for it
    refused = row_step_problem("QT-01", "01", old, new, after["effective_on"]) is not None
    try:
        conn.execute("UPDATE iso_documents SET state = ?, approver = ?, approved_on = ?, "
                     "effective_on = ?, obsolete_on = ? WHERE id = 'd1'",
                     (new, *after.values()))
        refused_by_db = False
    except sqlite3.IntegrityError as exc:
        refused_by_db = "cannot" in str(exc)
    assert refused_by_db == refused, (old, new, after["effective_on"])


def test_import_refuses_what_advance_refuses_a_lower_approved_version_made_obsolete(store, repo):
    old = _doc(repo, "01", "approved")
    _doc(repo, "02", "in_force")   # v01 stayed approved, never in force
    with pytest.raises(ValidationError) as advanced:
        repo.advance(old.id, "obsolete", on="2026-02-01", today=TODAY)
    plan = _import(store, [{"code": "QT-01", "revision": "01", "state": "Hết hiệu lực",
                            "approver": "Ông A", "approved_on": "02/01/2026",
                            "obsolete_on": "01/02/2026"}])
    [row] = plan.rows
    assert row.action == "refuse"
    assert "chưa từng có hiệu lực nên không thể hết hiệu lực" in row.reason
    assert "Đã phê duyệt" in advanced.value.errors["state"]


def test_import_refuses_making_the_latest_approved_version_obsolete(store, repo):
    doc = _doc(repo, "01", "approved")
    assert "obsolete" not in repo.steps(doc)
    plan = _import(store, [{"code": "QT-01", "revision": "01", "state": "Hết hiệu lực",
                            "approver": "Ông A", "approved_on": "02/01/2026",
                            "obsolete_on": "01/02/2026"}])
    assert plan.rows[0].action == "refuse"
    assert "chưa từng có hiệu lực" in plan.rows[0].reason
    assert repo.get(doc.id).state == "approved"


def test_a_step_back_from_in_force_to_draft_gives_the_right_reason(store, repo):
    doc = _doc(repo, "01", "in_force")
    reason = "đang \"Đang hiệu lực\", không thể trở lại \"Dự thảo\""
    with pytest.raises(ValidationError) as exc:
        repo.advance(doc.id, "draft")
    assert reason in exc.value.errors["state"]
    plan = _import(store, [{"code": "QT-01", "revision": "01", "state": "Dự thảo"}])
    assert plan.rows[0].action == "refuse" and reason in plan.rows[0].reason
    assert "Bản dự thảo không có ngày" not in plan.rows[0].reason
    # with the dates typed in, too
    plan = _import(store, [{"code": "QT-01", "revision": "01", "state": "Dự thảo",
                            "approved_on": "02/01/2026", "effective_on": "05/01/2026"}])
    assert reason in plan.rows[0].reason


def test_import_withdraws_an_approval_as_advance_does(store, repo):
    doc = _doc(repo, "01", "approved")
    plan = _import(store, [{"code": "QT-01", "revision": "01", "state": "Dự thảo"}])
    assert plan.rows[0].action == "update", plan.rows[0].reason
    document_import.apply_import(store, plan)
    back = repo.get(doc.id)
    assert (back.state, back.approver, back.approved_on) == ("draft", "", None)


def test_import_still_supersedes_and_takes_several_steps_at_once(store, repo):
    old = _doc(repo, "01", "in_force")
    plan = _import(store, [{"code": "QT-01", "revision": "02", "state": "Đang hiệu lực",
                            "approver": "Ông B", "approved_on": "10/01/2026",
                            "effective_on": "15/01/2026"}])
    assert plan.ok, plan.errors
    document_import.apply_import(store, plan)
    assert repo.get(old.id).state == "obsolete"


def test_add_refuses_a_revision_below_the_one_in_force_and_a_second_draft(store, repo):
    _doc(repo, "02", "in_force")
    with pytest.raises(ValidationError) as exc:
        repo.add({"code": "QT-01", "title": "T", "kind": "form", "revision": "01"})
    assert "đang hiệu lực phiên bản 02: phiên bản mới phải lớn hơn" in exc.value.errors["revision"]
    repo.add({"code": "QT-01", "title": "T", "kind": "form", "revision": "03"})
    with pytest.raises(ValidationError) as exc:
        repo.add({"code": "QT-01", "title": "T", "kind": "form", "revision": "04"})
    assert "đã có bản dự thảo (phiên bản 03)" in exc.value.errors["revision"]
    plan = _import(store, [{"code": "QT-01", "revision": "05", "state": "Dự thảo"}])
    assert plan.rows[0].action == "refuse" and "đã có bản dự thảo" in plan.rows[0].reason


def test_the_register_buttons_follow_the_rule(store, repo):
    first = _doc(repo, "01", "in_force")
    assert repo.steps(first) == ("obsolete",)
    draft = repo.new_version(first.id)
    assert repo.steps(repo.get(first.id)) == ()          # only the latest is made obsolete
    assert repo.steps(draft) == ("approved",)
    assert repo.new_version_refusal(repo.get(first.id)) is not None
