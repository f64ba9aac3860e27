"""Record ids: time-ordered UUIDs (version 7)."""
import uuid

from desktop.models import records
from desktop.models.staff import StaffRepository


def test_ids_are_uuid7_and_sort_in_the_order_they_were_made():
    made = [records.uuid7(1_795_000_000_000 + ms, bits)
            for ms, bits in ((0, 2**74 - 1), (1, 0), (1, 5), (60_000, 123))]
    for text in made:
        u = uuid.UUID(text)
        assert (u.version, u.variant) == (7, uuid.RFC_4122)
    assert sorted(made[:2] + made[3:]) == made[:2] + made[3:]
    assert uuid.UUID(made[0]).int >> 80 == 1_795_000_000_000
    assert made[1] != made[2]                   # same millisecond: the random bits differ


def test_ids_are_written_as_the_uuid_module_writes_them():
    # (written without the uuid module, which the start does not wait for)
    for ms, bits in ((0, 0), (2**48 - 1, 2**74 - 1), (1_795_000_000_000, 0x2_0000_0000_0000_0001),
                     (1_234, 0xABCDEF)):
        text = records.uuid7(ms, bits)
        assert text == str(uuid.UUID(text)) == str(uuid.UUID(int=uuid.UUID(text).int))
        assert uuid.UUID(text).int >> 80 == ms
    for _ in range(200):
        text = records.new_id()
        assert text == str(uuid.UUID(text)) and len(text) == 36


def test_new_records_get_distinct_uuid7_ids(store):
    repo = StaffRepository(store)
    given = ["An", "Bình", "Cường", "Dũng", "Đức", "Hà", "Hải", "Hùng", "Khoa", "Lan"]
    ids = [repo.add({"staff_code": f"T{i:03d}", "full_name": f"Nguyễn Văn {name}"}).id
           for i, name in enumerate(given)]
    assert len(set(ids)) == len(given)
    assert {uuid.UUID(i).version for i in ids} == {7}


def test_answers_carry_no_index_by_question(store):
    names = {r[0] for r in store.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'quiz_answers'")}
    assert "idx_quiz_answers_question" not in names
    assert {"idx_quiz_answers_position", "idx_quiz_answers_version"} <= names
