"""The document register: the life of a version, its rules, attached files and the history."""
from __future__ import annotations

import sqlite3

import pytest

from desktop.models import blobs, synced_tables
from desktop.models.errors import ValidationError
from desktop.models.iso.documents import DocumentRepository, describe_change, revision_key


def _in_force(repo, code="QT-01", revision="01", approved="2026-01-05", effective="2026-01-10",
              today=None):
    d = repo.add({"code": code, "title": "Quy trình kiểm soát tài liệu",
                  "kind": "internal_procedure", "revision": revision})
    d = repo.approve(d.id, approver="Phạm Quốc Hùng - Giám đốc", approved_on=approved, today=today)
    return repo.put_in_force(d.id, effective_on=effective, today=today)


def test_draft_approved_in_force_obsolete(store, today):
    repo = DocumentRepository(store)
    d = repo.add({"code": " qt-tn-01 ", "title": "Quy trình tiếp nhận hồ sơ",
                  "kind": "Quy trình giải quyết TTHC", "standard": "TCVN ISO 9001:2015",
                  "department": "Bộ phận Một cửa"})
    assert (d.code, d.revision, d.state, d.kind) == ("QT-TN-01", "01", "draft", "tthc_procedure")
    d = repo.approve(d.id, approver="Phạm Quốc Hùng", approved_on="05/01/2026", today=today)
    assert (d.state, d.approved_on) == ("approved", "2026-01-05")
    d = repo.put_in_force(d.id, effective_on="10/01/2026", today=today)
    assert d.state == "in_force"
    d = repo.make_obsolete(d.id, obsolete_on="01/06/2026", reason="Bãi bỏ thủ tục", today=today)
    assert (d.state, d.obsolete_on, d.obsolete_reason) == ("obsolete", "2026-06-01",
                                                           "Bãi bỏ thủ tục")


def test_approval_needs_approver_and_dates_in_order(store, today):
    repo = DocumentRepository(store)
    d = repo.add({"code": "QT-02", "title": "Quy trình", "kind": "form"})
    with pytest.raises(ValidationError) as exc:
        repo.approve(d.id, approver="", approved_on="20/06/2026", today=today)
    assert set(exc.value.errors) == {"approver", "approved_on"}
    assert "không được sau hôm nay" in exc.value.errors["approved_on"]
    d = repo.approve(d.id, approver="Giám đốc", approved_on="10/01/2026", today=today)
    with pytest.raises(ValidationError) as exc:
        repo.put_in_force(d.id, effective_on="09/01/2026", today=today)
    assert exc.value.errors["effective_on"] == ("Ngày hiệu lực (09/01/2026) không được trước "
                                                "ngày phê duyệt (10/01/2026).")
    with pytest.raises(ValidationError):  # skipping a step: draft → in force
        repo.put_in_force(repo.add({"code": "QT-03", "title": "X", "kind": "form"}).id,
                          effective_on="10/01/2026", today=today)


def test_new_version_supersedes_the_old_one(store, today):
    repo = DocumentRepository(store)
    v1 = _in_force(repo, today=today)
    v2 = repo.new_version(v1.id)
    assert (v2.revision, v2.state, v2.standard) == ("02", "draft", "2015")
    v2 = repo.approve(v2.id, approver="Giám đốc", approved_on="01/04/2026", today=today)
    v2 = repo.put_in_force(v2.id, effective_on="02/04/2026", today=today)
    v1 = repo.get(v1.id)
    assert (v1.state, v1.obsolete_on) == ("obsolete", "2026-04-02")
    assert "Thay thế bởi phiên bản 02" in v1.obsolete_reason
    assert [v.revision for v in repo.versions("QT-01")] == ["01", "02"]
    assert repo.counts_by_state() == {"draft": 0, "approved": 0, "in_force": 1, "obsolete": 1}


def test_only_the_latest_version_can_be_made_obsolete(store, today):
    repo = DocumentRepository(store)
    v1 = _in_force(repo, today=today)
    v2 = repo.new_version(v1.id)  # a draft: v1 stays in force until v2 is
    with pytest.raises(ValidationError) as exc:
        repo.make_obsolete(v1.id, obsolete_on="01/05/2026", today=today)
    assert "Chỉ phiên bản mới nhất (02)" in exc.value.message
    repo.remove(v2.id)  # the draft is dropped: v1 is the latest again
    assert repo.make_obsolete(v1.id, obsolete_on="01/05/2026", today=today).state == "obsolete"


def test_obsolete_never_comes_back_in_force(store, today):
    repo = DocumentRepository(store)
    d = _in_force(repo, today=today)
    d = repo.make_obsolete(d.id, obsolete_on="01/05/2026", today=today)
    with pytest.raises(ValidationError) as exc:
        repo.advance(d.id, "in_force", on="02/05/2026", today=today)
    assert "đã hết hiệu lực" in exc.value.message and "phiên bản mới" in exc.value.message
    with pytest.raises(ValidationError):
        repo.update(d.id, {"title": "Tên khác"})
    # the database refuses it too, whatever route a change takes
    with pytest.raises(sqlite3.IntegrityError):
        store.execute("UPDATE iso_documents SET state = 'in_force' WHERE id = ?", (d.id,))
    assert repo.get(d.id).state == "obsolete"


def test_fields_fixed_after_approval_and_only_drafts_deleted(store, today):
    repo = DocumentRepository(store)
    d = _in_force(repo, today=today)
    with pytest.raises(ValidationError) as exc:
        repo.update(d.id, {"revision": "05"})
    assert "tạo phiên bản mới" in exc.value.message
    d = repo.update(d.id, {"title": "Quy trình kiểm soát tài liệu và hồ sơ",
                           "department": "Tổ Hành chính"})
    assert d.title == "Quy trình kiểm soát tài liệu và hồ sơ"
    with pytest.raises(ValidationError):
        repo.remove(d.id)
    with pytest.raises(ValidationError) as exc:
        repo.add({"code": "QT-01", "revision": "1", "title": "Trùng", "kind": "form"})
    assert "đã có phiên bản 01" in exc.value.message


def test_attached_files_and_full_history(store, today):
    repo = DocumentRepository(store)
    d = _in_force(repo, today=today)
    f = repo.attach(d.id, b"%PDF-1.4 quy trinh", "Quy trình QT-01.pdf")
    assert blobs.read_blob(store, f.sha256) == b"%PDF-1.4 quy trinh"
    assert repo.get(d.id).files[0].file_name == "Quy trình QT-01.pdf"
    assert synced_tables.BLOB_COLUMNS["iso_document_files"] == ("sha256",)
    repo.update(d.id, {"note": "Bản scan có chữ ký"})
    history = repo.history(d.id)
    assert [(e["subject"], e["action"]) for e in history] == [
        ("document", "insert"), ("document", "update"), ("document", "update"),
        ("file", "insert"), ("document", "update")]
    assert history[1]["old"]["state"] == "draft" and history[1]["new"]["state"] == "approved"
    texts = [describe_change(e) for e in history]
    assert "trạng thái: Dự thảo → Đã phê duyệt" in texts[1]
    assert texts[3] == "Đính kèm tệp Quy trình QT-01.pdf"
    with pytest.raises(ValidationError):
        repo.attach(d.id, b"", "empty.pdf")


def test_revision_order_is_numeric():
    assert sorted(["10", "2", "01", "1.1"], key=revision_key) == ["01", "1.1", "2", "10"]


def test_search_ignores_diacritics(store):
    repo = DocumentRepository(store)
    repo.add({"code": "QT-05", "title": "Quy trình giải quyết hưởng chế độ ốm đau",
              "kind": "tthc_procedure"})
    repo.add({"code": "BM-01", "title": "Sổ theo dõi", "kind": "form"})
    assert [d.code for d in repo.list(query="om dau")] == ["QT-05"]
    assert [d.code for d in repo.list(kind="form")] == ["BM-01"]
