"""The roster: rules, NFC, versions and tombstones, Vietnamese order and search."""
import random
import unicodedata

import pytest

from desktop.models import records
from desktop.models.errors import ReadOnlyRecord, ValidationError
from desktop.models.staff import StaffRepository, normalise_phone


def test_add_stores_nfc_and_cleans(store):
    repo = StaffRepository(store)
    nfd = unicodedata.normalize("NFD", "  Nguyễn   Thị Ánh Tuyết ")
    m = repo.add({"staff_code": " cb01 ", "full_name": nfd, "phone": "091 234 5678",
                  "email": "Tuyet@Example.VN"})
    raw = store.query_one("SELECT * FROM staff WHERE id=?", (m.id,))
    assert raw["full_name"] == "Nguyễn Thị Ánh Tuyết"
    assert unicodedata.is_normalized("NFC", raw["full_name"])
    assert raw["staff_code"] == "CB01" and raw["phone"] == "0912345678"
    assert raw["email"] == "tuyet@example.vn"
    assert raw["origin_unit"] == store.unit_code and raw["version"] == 1


def test_rules_name_each_bad_field(store):
    with pytest.raises(ValidationError) as info:
        StaffRepository(store).add({"staff_code": "", "full_name": "", "email": "abc",
                                    "phone": "12"})
    assert set(info.value.errors) == {"staff_code", "full_name", "email", "phone"}


def test_duplicate_code_refused(store):
    repo = StaffRepository(store)
    repo.add({"staff_code": "A1", "full_name": "Trần Văn An"})
    with pytest.raises(ValidationError) as info:
        repo.add({"staff_code": "a1", "full_name": "Lê Văn Bình"})
    assert "Trần Văn An" in info.value.errors["staff_code"]


def test_versions_rise_and_deletion_leaves_a_tombstone(store):
    repo = StaffRepository(store)
    m = repo.add({"staff_code": "A1", "full_name": "Trần Văn An"})
    m2 = repo.update(m.id, {"position": "Viên chức"})
    assert m2.version == 2
    assert repo.update(m.id, {"position": "Viên chức"}).version == 2  # no change, no new version
    records.delete(store, "staff", m.id)
    row = store.query_one("SELECT deleted, version FROM staff WHERE id=?", (m.id,))
    assert row == {"deleted": 1, "version": 3}
    assert repo.by_code("A1") is None
    repo.add({"staff_code": "A1", "full_name": "Người Mới"})  # the code is free again


def test_stale_edit_is_refused(store):
    repo = StaffRepository(store)
    m = repo.add({"staff_code": "A1", "full_name": "Trần Văn An"})
    repo.update(m.id, {"position": "Viên chức"})
    with pytest.raises(Exception, match="người khác sửa"):
        repo.update(m.id, {"position": "Tổ trưởng"}, expected_version=1)


def test_rows_of_another_unit_are_read_only(store):
    now = "2026-01-01T00:00:00+07:00"
    store.execute("INSERT INTO staff (id, origin_unit, created_at, updated_at, staff_code, "
                  "full_name) VALUES ('x', 'OTHER', ?, ?, 'Z1', 'Lê Thị Zung')", (now, now))
    with pytest.raises(ReadOnlyRecord):
        records.update(store, "staff", "x", {"position": "Giám đốc"})


NAMES_IN_ORDER = [
    "Trần Văn An", "Lê Thị Ánh", "Nguyễn Văn Bình", "Phạm Thị Bình", "Võ Thị Chi",
    "Đỗ Văn Dũng", "Nguyễn Đức", "Bùi Thị Giang", "Lê Thu Hà", "Trần Thị Hà", "Phan Văn Ơn",
    "Ngô Thị Út", "Lý Văn Ửng", "Hồ Thị Yến",
]


def test_list_in_vietnamese_order_by_given_name(store):
    repo = StaffRepository(store)
    shuffled = NAMES_IN_ORDER[:]
    random.Random(7).shuffle(shuffled)
    for i, name in enumerate(shuffled):
        repo.add({"staff_code": f"S{i:02d}", "full_name": name})
    assert [p.full_name for p in repo.list()] == NAMES_IN_ORDER


def test_search_ignores_diacritics_and_maps_d(store):
    repo = StaffRepository(store)
    for i, name in enumerate(NAMES_IN_ORDER):
        repo.add({"staff_code": f"S{i:02d}", "full_name": name})
    assert [p.full_name for p in repo.list(query="duc")] == ["Nguyễn Đức"]
    assert [p.full_name for p in repo.list(query="DO DUNG")] == ["Đỗ Văn Dũng"]
    assert {p.full_name for p in repo.list(query="binh")} == {"Nguyễn Văn Bình", "Phạm Thị Bình"}
    assert [p.full_name for p in repo.list(query="s03")] == [repo.by_code("S03").full_name]


@pytest.mark.parametrize("raw,expected", [
    (912345678, "0912345678"), (912345678.0, "0912345678"), ("0912.345.678", "0912345678"),
    ("+84 912 345 678", "+84912345678"), ("", ""), (None, ""),
])
def test_phone_numbers(raw, expected):
    assert normalise_phone(raw) == expected


@pytest.mark.parametrize("phone", ["abc", "09x1234567", "gọi sau"])
def test_a_phone_with_letters_is_refused(store, phone):
    with pytest.raises(ValidationError) as info:
        StaffRepository(store).add({"staff_code": "CB77", "full_name": "Lê Văn Bảy",
                                    "phone": phone})
    assert set(info.value.errors) == {"phone"}
