"""Co-signing and verification: states, re-authentication, the lock, tamper detection."""
from __future__ import annotations

import json
import sqlite3

import pytest

from desktop.models import crypto, users
from desktop.models import minutes as M
from desktop.models.datafile import open_store
from desktop.models.errors import IsoDeskError, PermissionDenied, ReadOnlyRecord, ValidationError
from desktop.models.minutes.canonical import canonical_bytes, signature_bytes
from desktop.models.unit import UnitProfile, save_profile
from desktop.models.users import AuthError

from ..conftest import PASSWORD
from .helpers import raw_connection, sample, signed, tamper


def test_author_then_confirmation(store):
    rev = M.create(store, sample(), complete=True)
    assert M.next_meaning(rev) == "author"
    rev = M.sign(store, rev.minutes_id, "tuvan", PASSWORD, "author")
    assert rev.status == "signed" and M.next_meaning(rev) == "confirm"
    author = rev.signature("author")
    key = users.current_key(store, users.find_user(store, "tuvan").id)
    assert author["full_name"] == "Đỗ Minh Khôi"
    assert author["position"] == "Chuyên gia tư vấn"
    assert author["meaning_text"] == "Người lập biên bản"
    assert author["key_fingerprint"] == key["fingerprint"]
    assert author["content_sha256"] == M.revision_hash(rev) == rev.content_sha256
    assert author["signed_at"][:4].isdigit() and "T" in author["signed_at"]
    rev = M.sign(store, rev.minutes_id, "iso", PASSWORD, "confirm")
    assert rev.status == "confirmed"
    confirm = rev.signature("confirm")
    assert confirm["meaning_text"] == "Xác nhận của đại diện Tổ triển khai ISO"
    assert confirm["full_name"] == "Lê Thị Thu Hà"
    result = M.verify_minutes(store, rev.minutes_id)
    assert result["valid"] is True
    assert [(s["user"], s["meaning"], s["valid"]) for s in result["signatures"]] == [
        ("tuvan", "author", True), ("iso", "confirm", True)]
    assert set(result["signatures"][0]) >= {"user", "full_name", "meaning", "signed_at", "valid"}
    events = [e["action"] for e in store.query("SELECT action FROM audit_log")]
    assert events.count("minutes_signed") == 2 and events.count("minutes_sign") == 2


def test_wrong_password_is_refused_logged_and_counted(store):
    rev = M.create(store, sample(), complete=True)
    for attempt in range(1, users.MAX_FAILED + 1):
        with pytest.raises(AuthError):
            M.sign(store, rev.minutes_id, "tuvan", "sai-mat-khau", "author")
        if attempt < users.MAX_FAILED:
            assert store.scalar("SELECT failed_attempts FROM users WHERE username='tuvan'") \
                == attempt
    failures = store.query("SELECT * FROM audit_log WHERE action = 'minutes_sign_failed'")
    assert len(failures) == users.MAX_FAILED
    assert store.scalar("SELECT locked_until FROM users WHERE username='tuvan'") is not None
    with pytest.raises(AuthError) as err:  # locked now, even with the right password
        M.sign(store, rev.minutes_id, "tuvan", PASSWORD, "author")
    assert err.value.locked
    assert M.load_revision(store, rev.id).signatures == []
    assert M.load_revision(store, rev.id).status == "draft"


def test_order_roles_and_two_different_people(store):
    rev = M.create(store, sample(), complete=True)
    with pytest.raises(IsoDeskError, match="người lập"):
        M.sign(store, rev.minutes_id, "iso", PASSWORD, "confirm")
    with pytest.raises(PermissionDenied):
        M.sign(store, rev.minutes_id, "giamthi", PASSWORD, "author")
    M.sign(store, rev.minutes_id, "iso", PASSWORD, "author")  # the ISO team may record too
    with pytest.raises(IsoDeskError, match="đã được người lập"):
        M.sign(store, rev.minutes_id, "tuvan", PASSWORD, "author")
    with pytest.raises(PermissionDenied, match="khác với người lập"):
        M.sign(store, rev.minutes_id, "iso", PASSWORD, "confirm")
    with pytest.raises(PermissionDenied, match="không xác nhận"):
        M.sign(store, rev.minutes_id, "tuvan", PASSWORD, "confirm")
    rev = M.sign(store, rev.minutes_id, "admin", PASSWORD, "confirm")
    assert rev.status == "confirmed"
    with pytest.raises(IsoDeskError, match="đã được xác nhận"):
        M.sign(store, rev.minutes_id, "iso", PASSWORD, "confirm")


def test_incomplete_minutes_cannot_be_signed(store):
    rev = M.create(store, {"subject": "Nháp"})
    with pytest.raises(ValidationError) as err:
        M.sign(store, rev.minutes_id, "tuvan", PASSWORD, "author")
    assert "place" in err.value.errors
    # refused before the password is checked: nothing counted
    assert store.scalar("SELECT failed_attempts FROM users WHERE username='tuvan'") == 0


def test_province_level_confirms_as_the_steering_committee(store):
    save_profile(store, UnitProfile(code="BHXHTEST", name="Bảo hiểm xã hội tỉnh Thử",
                                    level="province"))
    rev = signed(store, confirm=True)
    assert rev.signature("confirm")["meaning_text"] == "Xác nhận của đại diện Ban Chỉ đạo ISO"


def test_signed_rows_refuse_direct_updates(store):
    rev = signed(store, confirm=True)
    conn = raw_connection(store)
    for sql in (
        "UPDATE minutes_revisions SET content = 'sửa lén' WHERE id = ?",
        "UPDATE minutes_revisions SET status = 'draft' WHERE id = ?",
        "UPDATE minutes_revisions SET deleted = 1 WHERE id = ?",
        "UPDATE minutes_participants SET name = 'Người khác' WHERE revision_id = ?",
        "UPDATE minutes_action_items SET due = '2030-01-01' WHERE revision_id = ?",
        "UPDATE minutes_signatures SET full_name = 'Người khác' WHERE revision_id = ?",
        "UPDATE minutes_signatures SET signed_at = '2020-01-01T00:00:00+07:00' "
        "WHERE revision_id = ?",
    ):
        with pytest.raises(sqlite3.IntegrityError, match="locked|cannot be changed"):
            conn.execute(sql, (rev.id,))
    conn.close()
    assert M.verify_minutes(store, rev.minutes_id)["valid"]


@pytest.mark.parametrize("change, expected", [
    ("UPDATE minutes_revisions SET content = content || ' (thêm)' WHERE id = :rev",
     "Nội dung đã bị thay đổi"),
    ("UPDATE minutes_revisions SET meeting_date = '2026-01-06' WHERE id = :rev",
     "Nội dung đã bị thay đổi"),
    ("UPDATE minutes_participants SET position = 'Giám đốc' WHERE revision_id = :rev",
     "Nội dung đã bị thay đổi"),
    ("UPDATE minutes_action_items SET owner = 'Người khác' WHERE revision_id = :rev",
     "Nội dung đã bị thay đổi"),
    ("UPDATE minutes_signatures SET full_name = 'Trần Văn Giả' WHERE revision_id = :rev "
     "AND meaning = 'author'", "không khớp"),
    ("UPDATE minutes_signatures SET signed_at = '2026-01-01T08:00:00.000+07:00' "
     "WHERE revision_id = :rev AND meaning = 'confirm'", "không khớp"),
    ("UPDATE minutes_signatures SET signature = (SELECT signature FROM minutes_signatures "
     "WHERE revision_id = :rev AND meaning = 'confirm') WHERE revision_id = :rev "
     "AND meaning = 'author'", "không khớp"),
    ("UPDATE user_keys SET public_key = (SELECT public_key FROM user_keys WHERE username = 'iso')"
     " WHERE username = 'tuvan'", "Khóa công khai"),
    ("UPDATE minutes_revisions SET status = 'draft' WHERE id = :rev", "bản nháp"),
    ("UPDATE minutes_revisions SET status = 'signed' WHERE id = :rev", "chờ xác nhận"),
    ("DELETE FROM minutes_signatures WHERE revision_id = :rev AND meaning = 'confirm'",
     "không còn chữ ký xác nhận"),
])
def test_any_change_after_signing_is_detected(store, change, expected):
    rev = signed(store, confirm=True)
    tamper(store, change, {"rev": rev.id})
    result = M.verify_minutes(store, rev.minutes_id)
    assert result["valid"] is False
    assert result["message"].startswith("Bản này đã bị thay đổi sau khi ký.")
    assert any(expected in p for p in result["problems"]), result["problems"]


def test_deleting_every_signature_and_reopening_the_draft_is_found(store):
    rev = signed(store, confirm=True)
    tamper(store, "DELETE FROM minutes_signatures WHERE revision_id = ?", (rev.id,))
    tamper(store, "UPDATE minutes_revisions SET status = 'draft', content = 'khác' WHERE id = ?",
           (rev.id,))
    result = M.verify_minutes(store, rev.minutes_id)
    assert not result["valid"]
    assert any("bị xóa khỏi tệp dữ liệu" in p for p in result["problems"])


def test_a_signature_cannot_be_moved_to_another_minutes(store):
    a = signed(store, confirm=True)
    b = signed(store, sample(subject="Biên bản khác"))
    tamper(store, "UPDATE minutes_signatures SET revision_id = ?, minutes_id = ? "
                  "WHERE revision_id = ? AND meaning = 'confirm'", (b.id, b.minutes_id, a.id))
    tamper(store, "UPDATE minutes_revisions SET status = 'confirmed' WHERE id = ?", (b.id,))
    result = M.verify_minutes(store, b.minutes_id)
    assert not result["valid"]
    assert any("thuộc một biên bản khác" in p or "không khớp" in p for p in result["problems"])


def test_old_revision_stays_verifiable_after_a_new_one(store):
    rev = signed(store, confirm=True)
    new = M.new_revision(store, rev.minutes_id, {"conclusions": "Bổ sung kết luận."})
    new = M.sign(store, new.id, "tuvan", PASSWORD, "author")
    result = M.verify_minutes(store, rev.minutes_id)
    assert result["valid"] and result["revision"] == 2
    assert [r["status"] for r in result["revisions"]] == ["confirmed", "signed"]
    tamper(store, "UPDATE minutes_revisions SET subject = 'sửa bản cũ' WHERE id = ?", (rev.id,))
    result = M.verify_minutes(store, rev.minutes_id)
    assert not result["valid"] and result["problems"][0].startswith("Bản sửa đổi 1:")


def test_a_new_key_after_password_reset_keeps_old_signatures_valid(store, admin):
    rev = signed(store, confirm=True)
    tuvan = users.find_user(store, "tuvan")
    users.reset_password(store, admin, tuvan.id, "mat-khau-moi-1")
    assert M.verify_minutes(store, rev.minutes_id)["valid"]
    rev2 = M.create(store, sample(subject="Sau khi đổi khóa"), complete=True)
    rev2 = M.sign(store, rev2.minutes_id, "tuvan", "mat-khau-moi-1", "author")
    assert rev2.signature("author")["key_fingerprint"] != rev.signature("author")["key_fingerprint"]
    assert M.verify_minutes(store, rev2.minutes_id)["valid"]


def test_the_signed_bytes_are_the_documented_canonical_json(store):
    rev = signed(store)
    sig = rev.signature("author")
    doc = json.loads(signature_bytes(sig))
    assert doc["format"] == "isodesk-minutes-signature/1"
    assert doc["content_sha256"] == M.revision_hash(rev)
    key = store.query_one("SELECT public_key FROM user_keys WHERE id = ?", (sig["key_id"],))
    assert crypto.verify(key["public_key"], sig["signature"], signature_bytes(sig))
    text = canonical_bytes({"b": "Đ", "a": [1, "ả"]}).decode("utf-8")
    assert text == '{"a":[1,"ả"],"b":"Đ"}'


def test_confirmed_pdf_is_kept_and_checked(store):
    from desktop.output.minutes_pdf import confirmed_pdf_renderer
    from desktop.models import blobs

    rev = signed(store)
    rev = M.sign(store, rev.minutes_id, "iso", PASSWORD, "confirm",
                 pdf_renderer=confirmed_pdf_renderer("Tổ triển khai ISO"))
    assert rev.pdf_sha256 and blobs.has_blob(store, rev.pdf_sha256)
    assert M.verify_minutes(store, rev.minutes_id)["valid"]
    path = blobs.blob_path(store, rev.pdf_sha256)
    path.write_bytes(path.read_bytes() + b"%tampered")
    result = M.verify_minutes(store, rev.minutes_id)
    assert not result["valid"] and any("PDF" in p for p in result["problems"])


def test_the_province_verifies_a_received_copy(store, tmp_path):
    rev = signed(store, confirm=True)
    province = open_store(tmp_path / "province.sqlite", actor="province")
    try:
        save_profile(province, UnitProfile(code="BHXHTT", name="Bảo hiểm xã hội tỉnh Thử Thách",
                                           level="province"))
        province.execute("ATTACH DATABASE ? AS district", (str(store.path),))
        for table in ("user_keys", "minutes", "minutes_revisions", "minutes_participants",
                      "minutes_action_items", "minutes_attachments", "minutes_signatures"):
            province.execute(f"INSERT INTO main.{table} SELECT * FROM district.{table}")
        province.execute("DETACH DATABASE district")
        result = M.verify_minutes(province, rev.minutes_id)
        assert result["valid"] and result["origin_unit"] == "BHXHTEST"
        with pytest.raises(ReadOnlyRecord):
            M.sign(province, rev.minutes_id, "x", "y", "confirm")
        province.execute("DROP TRIGGER minutes_revisions_locked")
        province.execute("UPDATE minutes_revisions SET conclusions = 'khác' WHERE id = ?",
                         (rev.id,))
        assert not M.verify_minutes(province, rev.minutes_id)["valid"]
    finally:
        province.close(clean=False)


@pytest.mark.parametrize("how", ["replace", "remove"])
def test_a_replaced_or_missing_attachment_file_is_found(store, how):
    from desktop.models import blobs

    rev = M.create(store, sample(), complete=True)
    M.add_attachment(store, rev.id, b"%PDF-1.4 ke hoach goc", "Kế hoạch.pdf")
    rev = M.sign(store, rev.minutes_id, "tuvan", PASSWORD, "author")
    assert M.verify_minutes(store, rev.minutes_id)["valid"]
    path = blobs.blob_path(store, rev.attachments[0]["sha256"])
    if how == "replace":
        path.write_bytes(b"%PDF-1.4 ke hoach da sua")
    else:
        path.unlink()
    result = M.verify_minutes(store, rev.minutes_id)
    assert not result["valid"]
    assert result["message"].startswith("Bản này đã bị thay đổi sau khi ký.")
    assert any("Kế hoạch.pdf" in p for p in result["problems"]), result["problems"]
    with pytest.raises(IsoDeskError, match="Kế hoạch.pdf"):
        M.sign(store, rev.minutes_id, "iso", PASSWORD, "confirm")
    assert M.load_revision(store, rev.id).status == "signed"


def test_a_draft_with_a_replaced_attachment_cannot_be_signed(store):
    from desktop.models import blobs

    rev = M.create(store, sample(), complete=True)
    att = M.add_attachment(store, rev.id, b"bang ke", "Bảng kê.xlsx")
    blobs.blob_path(store, att["sha256"]).write_bytes(b"bang ke khac")
    with pytest.raises(IsoDeskError, match="Bảng kê.xlsx"):
        M.sign(store, rev.minutes_id, "tuvan", PASSWORD, "author")


def test_a_signed_minutes_cannot_be_hidden_deleted_or_added_to(store):
    rev = signed(store, confirm=True)
    conn = raw_connection(store)
    for sql in (
        "UPDATE minutes SET deleted = 1 WHERE id = :mid",
        "DELETE FROM minutes WHERE id = :mid",
        "DELETE FROM minutes_revisions WHERE id = :rev",
        "DELETE FROM minutes_participants WHERE revision_id = :rev",
        "DELETE FROM minutes_action_items WHERE revision_id = :rev",
        "DELETE FROM minutes_signatures WHERE revision_id = :rev",
        "INSERT INTO minutes_participants (id, origin_unit, created_at, updated_at, revision_id, "
        "side, name) VALUES ('p-extra', 'BHXHTEST', '2026', '2026', :rev, 'unit', 'Người thêm')",
        "INSERT INTO minutes_action_items (id, origin_unit, created_at, updated_at, revision_id, "
        "description) VALUES ('a-extra', 'BHXHTEST', '2026', '2026', :rev, 'Việc thêm')",
        "INSERT INTO minutes_attachments (id, origin_unit, created_at, updated_at, revision_id, "
        "name, sha256) VALUES ('f-extra', 'BHXHTEST', '2026', '2026', :rev, 'x.pdf', 'ab')",
    ):
        with pytest.raises(sqlite3.IntegrityError, match="locked|cannot be deleted"):
            conn.execute(sql, {"mid": rev.minutes_id, "rev": rev.id})
    conn.close()
    assert M.resolve(store, rev.minutes_id).id == rev.id
    assert M.verify_minutes(store, rev.minutes_id)["valid"]


def test_a_signed_attachment_row_cannot_be_deleted_but_a_draft_can_go(store):
    rev = M.create(store, sample(), complete=True)
    M.add_attachment(store, rev.id, b"bang ke", "Bảng kê.xlsx")
    rev = M.sign(store, rev.minutes_id, "tuvan", PASSWORD, "author")
    conn = raw_connection(store)
    with pytest.raises(sqlite3.IntegrityError, match="locked"):
        conn.execute("DELETE FROM minutes_attachments WHERE revision_id = ?", (rev.id,))
    conn.close()
    draft = M.create(store, sample(subject="Nháp sẽ bỏ"))
    M.add_attachment(store, draft.id, b"nhap", "Nháp.txt")
    assert M.discard_draft(store, draft.id) == draft.minutes_id
    conn = raw_connection(store)
    for table in ("minutes_participants", "minutes_action_items", "minutes_attachments"):
        conn.execute(f"DELETE FROM {table} WHERE revision_id = ?", (draft.id,))
    conn.execute("DELETE FROM minutes_revisions WHERE id = ?", (draft.id,))
    conn.execute("DELETE FROM minutes WHERE id = ?", (draft.minutes_id,))
    conn.close()
    new = M.new_revision(store, rev.minutes_id, {"conclusions": "Sửa kết luận."})
    assert M.discard_draft(store, new.id) is None
    assert M.latest_revision(store, rev.minutes_id).id == rev.id


def test_a_backdated_signature_is_found_through_the_audit_log(store):
    """The signer (who has the password) re-signs with another time: the signature verifies,
    but the audit entry written at signing holds the real time and signature."""
    rev = signed(store)
    sig = dict(rev.signature("author"))
    sig["signed_at"] = "2026-01-01T08:00:00.000+07:00"
    _key, private = users.unlock_signing_key(store, sig["user_id"], PASSWORD)
    sig["signature"] = crypto.sign(private, signature_bytes(sig))
    tamper(store, "UPDATE minutes_signatures SET signed_at = ?, signature = ? WHERE id = ?",
           (sig["signed_at"], sig["signature"], sig["id"]))
    result = M.verify_minutes(store, rev.minutes_id)
    assert not result["valid"]
    assert result["signatures"][0]["valid"] is True
    assert any("nhật ký kiểm toán" in p and "thời điểm ký" in p for p in result["problems"])


def test_signatures_removed_and_status_back_to_draft_is_not_a_plain_draft(store):
    rev = signed(store, confirm=True)
    tamper(store, "DELETE FROM minutes_signatures WHERE revision_id = ?", (rev.id,))
    tamper(store, "UPDATE minutes_revisions SET status = 'draft', content_sha256 = NULL "
                  "WHERE id = ?", (rev.id,))
    result = M.verify_minutes(store, rev.minutes_id, check_pdf=False)
    assert not result["valid"] and result["message"] != "Bản nháp, chưa có chữ ký."
    assert sum("bị xóa khỏi tệp dữ liệu" in p for p in result["problems"]) == 2


def test_audit_entries_of_the_older_form_still_verify(store):
    rev = signed(store, confirm=True)
    conn = raw_connection(store)
    conn.execute("DROP TRIGGER audit_log_no_update")
    for seq, new in conn.execute("SELECT seq, new FROM audit_log WHERE action = 'minutes_signed'"
                                 ).fetchall():
        old = {k: v for k, v in json.loads(new).items()
               if k in ("signature_id", "meaning", "content_sha256", "username")}
        conn.execute("UPDATE audit_log SET new = ? WHERE seq = ?", (json.dumps(old), seq))
    conn.close()
    assert M.verify_minutes(store, rev.minutes_id)["valid"]
