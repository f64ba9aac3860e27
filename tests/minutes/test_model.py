"""Recording minutes: numbers, fields, drafts, revisions, attachments, register, figures."""
from __future__ import annotations

import unicodedata

import pytest

from desktop.output.minutes_pdf import unprintable
from desktop.models import audit, figures, synced_tables
from desktop.models import minutes as M
from desktop.models.errors import IsoDeskError, ReadOnlyRecord, ValidationError

from .helpers import sample, signed


def test_numbers_are_automatic_per_unit_and_year(store):
    a = M.create(store, sample())
    b = M.create(store, sample(date="2026-03-10"))
    c = M.create(store, sample(date="2027-01-02"))
    assert (a.number, b.number, c.number) == ("01/BB-BHXHTEST", "02/BB-BHXHTEST",
                                              "01/BB-BHXHTEST")
    assert M.next_number(store, 2026) == "03/BB-BHXHTEST"


def test_number_can_be_edited_before_signing_and_must_stay_unique(store):
    a = M.create(store, sample())
    b = M.create(store, sample())
    b = M.save_draft(store, b.id, {"number": "07/BB-BHXHTEST"}, partial=True)
    assert b.number == "07/BB-BHXHTEST"
    assert M.next_number(store, 2026) == "08/BB-BHXHTEST"
    with pytest.raises(ValidationError) as err:
        M.save_draft(store, b.id, {"number": a.number}, partial=True)
    assert "number" in err.value.errors and a.number in err.value.errors["number"]
    with pytest.raises(ValidationError) as err:
        M.save_draft(store, b.id, {"number": "07 / BB"}, partial=True)
    assert "dấu cách" in err.value.errors["number"]
    cleared = M.save_draft(store, b.id, {"number": ""}, partial=True)
    assert cleared.number == "07/BB-BHXHTEST"  # kept: an empty box means "automatic"


def test_every_field_is_stored_nfc(store):
    nfd = unicodedata.normalize("NFD", "Đào tạo nhận thức")
    rev = M.create(store, sample(subject=nfd, participants=[
        {"name": unicodedata.normalize("NFD", "Nguyễn Thị Ánh"), "side": "unit"}]))
    assert rev.subject == "Đào tạo nhận thức"
    assert rev.participants[0]["name"] == "Nguyễn Thị Ánh"
    row = store.query_one("SELECT subject FROM minutes_revisions WHERE id = ?", (rev.id,))
    assert row["subject"] == unicodedata.normalize("NFC", nfd)


def test_defaults_three_copies_and_where_they_go(store):
    rev = M.create(store, sample())
    assert rev.copies == 3
    assert rev.destinations == [
        "Lưu tại Bảo hiểm xã hội tỉnh Thử Thách",
        "Lưu tại đơn vị tư vấn",
        "Gửi Bảo hiểm xã hội Việt Nam kèm báo cáo tổng hợp",
    ]
    assert rev.agency_name == "Bảo hiểm xã hội huyện Thử Nghiệm"
    assert rev.agency_parent == "Bảo hiểm xã hội tỉnh Thử Thách"


def test_missing_and_invalid_fields_are_each_named(store):
    bad = {"subject": "", "date": "2026-02-30", "start_time": "7h",
           "participants": [{"side": "khach"}],
           "action_items": [{"description": "", "due": "15/02"}], "copies": 12, "colour": 1}
    with pytest.raises(ValidationError) as err:
        M.create(store, bad, complete=True)
    errors = err.value.errors
    for key in ("subject", "date", "start_time", "end_time", "place", "chair", "secretary",
                "content", "participants[1].name", "participants[1].side",
                "action_items[1].description", "action_items[1].due", "copies", "colour"):
        assert key in errors, key
    assert store.scalar("SELECT count(*) FROM minutes") == 0


def test_end_time_must_follow_start_and_copies_match_destinations(store):
    with pytest.raises(ValidationError) as err:
        M.create(store, sample(start_time="11:00", end_time="10:00", copies=2,
                               copy_destinations=["Lưu tại A", "Lưu tại B", "Lưu tại C"]),
                 complete=True)
    assert "sau giờ bắt đầu" in err.value.errors["end_time"]
    assert "02 bản" in err.value.errors["copy_destinations"]


def test_a_draft_may_be_incomplete_but_not_signed(store):
    rev = M.create(store, {"subject": "Chưa xong"})
    assert rev.status == "draft"
    missing = M.fields.missing_for_signing(rev.draft_data())
    assert {"place", "chair", "secretary", "content", "participants"} <= set(missing)


def test_characters_the_font_cannot_print_are_refused_with_the_field(store):
    with pytest.raises(ValidationError) as err:
        M.create(store, sample(content="Tốt lắm 😀", subject="会议"), text_check=unprintable)
    assert "U+1F600" in err.value.errors["content"]
    assert "U+4F1A" in err.value.errors["subject"]
    rev = M.create(store, sample(content="Müller, Ørsted, Ελληνικά, Русский — “ngoặc” ±5 °C"),
                   text_check=unprintable)
    assert "Ελληνικά" in rev.content


def test_content_too_long_is_refused_clearly(store):
    with pytest.raises(ValidationError) as err:
        M.create(store, sample(content="x" * (M.fields.MAX_TEXT + 1)))
    assert "tài liệu đính kèm" in err.value.errors["content"]


def test_save_draft_keeps_children_ids_and_audits(store):
    rev = M.create(store, sample())
    data = rev.draft_data()
    data["participants"][0]["position"] = "Tổ trưởng Tổ triển khai ISO"
    data["participants"].append({"name": "Mai Xuân Sơn", "side": "unit"})
    new = M.save_draft(store, rev.id, data, expected_version=rev.version)
    assert new.participants[0]["id"] == rev.participants[0]["id"]
    assert [p["name"] for p in new.participants][-1] == "Mai Xuân Sơn"
    data = new.draft_data()
    del data["participants"][1]
    newer = M.save_draft(store, rev.id, data)
    assert len(newer.participants) == 2
    removed = rev.participants[1]["id"]
    assert store.scalar("SELECT deleted FROM minutes_participants WHERE id = ?", (removed,)) == 1
    kept = rev.participants[0]["id"]
    assert [e["action"] for e in audit.history(store, "minutes_participants", kept)] == \
        ["insert", "update"]
    assert [e["action"] for e in audit.history(store, "minutes_participants", removed)] == \
        ["insert", "delete"]


def test_templates_prefill_a_draft(store, admin):
    from desktop.models.unit import get_profile

    keys = [t.key for t in M.templates()]
    assert {"training", "document_review", "internal_audit", "management_review"} <= set(keys)
    for key in keys:
        data = M.get_template(key).draft(get_profile(store), year=2026)
        data["participants"] = [p for p in data["participants"] if p["name"]]
        rev = M.create(store, data, template=key)
        assert rev.status == "draft"
    training = M.get_template("training").draft(get_profile(store), year=2026)
    assert "Bảo hiểm xã hội huyện Thử Nghiệm" in training["content"]
    assert "{" not in training["content"]
    assert any(line.startswith("- ") for line in training["content"].splitlines())


def test_signed_minutes_are_locked_and_a_change_makes_a_new_revision(store):
    rev = signed(store, confirm=True)
    with pytest.raises(ReadOnlyRecord):
        M.save_draft(store, rev.id, {"subject": "Khác"}, partial=True)
    with pytest.raises(ReadOnlyRecord):
        M.add_attachment(store, rev.id, b"x", "a.txt")
    new = M.new_revision(store, rev.minutes_id, {"subject": "Soát xét (bổ sung)"},
                         reason="Bổ sung ý kiến")
    assert (new.revision_no, new.status, new.previous_revision_id) == (2, "draft", rev.id)
    assert new.number == rev.number and new.subject == "Soát xét (bổ sung)"
    assert len(new.participants) == len(rev.participants)
    old = M.load_revision(store, rev.id)
    assert old.subject == "Soát xét hệ thống tài liệu" and old.status == "confirmed"
    assert len(old.signatures) == 2 and not old.is_latest
    assert M.verify_revision(store, old).valid
    assert M.latest_revision(store, rev.minutes_id).id == new.id
    with pytest.raises(IsoDeskError):
        M.new_revision(store, rev.minutes_id)  # the latest is a draft: edit it


def test_attachments_are_blobs_covered_by_the_content_hash(store):
    rev = M.create(store, sample())
    before = M.revision_hash(rev)
    att = M.add_attachment(store, rev.id, b"%PDF-1.4 ke hoach", "Kế hoạch.pdf")
    assert len(att["sha256"]) == 64 and att["media_type"] == "application/pdf"
    rev = M.load_revision(store, rev.id)
    assert M.attachment_bytes(store, rev.attachments[0]) == b"%PDF-1.4 ke hoach"
    assert M.revision_hash(rev) != before
    assert synced_tables.BLOB_COLUMNS["minutes_attachments"] == ("sha256",)
    assert synced_tables.BLOB_COLUMNS["minutes_revisions"] == ("pdf_sha256",)
    M.remove_attachment(store, att["id"])
    assert M.load_revision(store, rev.id).attachments == []
    with pytest.raises(ValidationError):
        M.add_attachment(store, rev.id, b"0" * (50 * 1024 * 1024 + 1), "big.bin")


def test_synced_tables_are_declared_in_order():
    from desktop.models.synced_tables import SYNCED_TABLES as tables

    for name in ("minutes", "minutes_revisions", "minutes_participants", "minutes_action_items",
                 "minutes_attachments", "minutes_signatures"):
        assert name in tables
    assert tables.index("minutes") < tables.index("minutes_revisions") \
        < tables.index("minutes_signatures")
    assert tables.index("user_keys") < tables.index("minutes_signatures")


def test_discard_a_draft(store):
    rev = M.create(store, sample())
    assert M.discard_draft(store, rev.id) == rev.minutes_id
    assert M.register(store) == []
    again = M.create(store, sample())
    assert again.number == "01/BB-BHXHTEST"


def test_register_search_filter_and_order(store):
    signed(store, sample(subject="Đào tạo nhận thức", date="2026-01-10"), confirm=True)
    signed(store, sample(subject="Soát xét tài liệu", date="2026-02-10"))
    M.create(store, sample(subject="Đánh giá nội bộ", date="2025-12-01"))
    all_ = M.register(store)
    assert [e.subject for e in all_] == ["Soát xét tài liệu", "Đào tạo nhận thức",
                                         "Đánh giá nội bộ"]
    assert [e.subject for e in M.register(store, query="dao tao")] == ["Đào tạo nhận thức"]
    assert [e.status for e in M.register(store, status="signed")] == ["signed"]
    assert len(M.register(store, year=2025)) == 1
    assert M.years(store) == [2026, 2025]
    confirmed = M.register(store, status="confirmed")[0]
    assert confirmed.author == "Đỗ Minh Khôi" and confirmed.confirmed_by == "Lê Thị Thu Hà"


def test_figure_provider_contract(store):
    signed(store, sample(date="2026-01-10"), confirm=True)
    signed(store, sample(date="2026-03-15"), confirm=True)
    signed(store, sample(date="2026-02-10"))
    M.create(store, sample(date="2026-04-01"))
    M.create(store, sample(date="2025-05-01"))
    expected = {"total": 5, "draft": 2, "awaiting_confirmation": 1, "confirmed": 2,
                "latest_confirmed": "2026-03-15"}
    assert M.minutes_summary(store, unit_code="BHXHTEST") == expected
    assert figures.PROVIDERS["minutes"] is M.minutes_summary
    assert figures.collect(store, only=["minutes"])["minutes"] == expected
    in_2025 = M.minutes_summary(store, unit_code="BHXHTEST", year=2025)
    assert in_2025 == {"total": 1, "draft": 1, "awaiting_confirmation": 0, "confirmed": 0,
                       "latest_confirmed": None}
    assert M.minutes_summary(store, unit_code="OTHER")["total"] == 0


def test_figures_count_only_the_latest_revision(store):
    rev = signed(store, confirm=True)
    M.new_revision(store, rev.minutes_id, reason="Sửa")
    summary = M.minutes_summary(store, unit_code="BHXHTEST")
    assert summary["total"] == 1 and summary["draft"] == 1 and summary["confirmed"] == 0


def test_autosave_buffer_round_trip(store):
    rev = M.create(store, sample())
    M.autosave.save(store, rev.id, {"subject": unicodedata.normalize("NFD", "Đã gõ")},
                    username="tuvan", base_version=rev.version)
    got = M.autosave.load(store, rev.id)
    assert got["payload"]["subject"] == "Đã gõ" and got["username"] == "tuvan"
    assert M.autosave.pending(store) == {rev.id}
    M.save_draft(store, rev.id, {"subject": "Đã gõ"}, partial=True)
    assert M.autosave.load(store, rev.id) is None


def test_wrong_types_and_ranges_are_refused_by_the_model(store):
    bad = sample(copies=0, place=5, number="abc",
                 participants=[{"name": 7, "side": "unit"}],
                 action_items=[{"description": "Làm", "owner": ["x"], "due": "2026-02-01"}])
    with pytest.raises(ValidationError) as err:
        M.create(store, bad)
    errors = err.value.errors
    for key in ("copies", "place", "number", "participants[1].name", "action_items[1].owner"):
        assert key in errors, key
    assert "1 đến 9" in errors["copies"] and "NN/BB" in errors["number"]
    with pytest.raises(ValidationError) as err:
        M.create(store, sample(copies="ba"))
    assert "copies" in err.value.errors
    rev = M.create(store, sample())
    with pytest.raises(ValidationError) as err:
        M.save_draft(store, rev.id, {"copies": 2.5, "number": "5/BB-BHXHTEST"}, partial=True)
    assert {"copies", "number"} <= set(err.value.errors)
    assert store.scalar("SELECT count(*) FROM minutes") == 1


def test_no_new_revision_on_top_of_altered_content(store):
    from .helpers import tamper

    rev = signed(store, confirm=True)
    tamper(store, "UPDATE minutes_revisions SET conclusions = 'sửa lén' WHERE id = ?", (rev.id,))
    with pytest.raises(IsoDeskError) as err:
        M.new_revision(store, rev.minutes_id, {"content": "Nội dung mới"}, reason="Sửa")
    assert "Không tạo được bản sửa đổi mới" in err.value.message
    assert "bản sửa đổi 1" in err.value.message
    assert M.revision_ids(store, rev.minutes_id) == [rev.id]
