"""The question bank in use is the unit's own (plus, at a district, the province's questions it
does not have under the same key), never the copies received from other units."""
from __future__ import annotations

from desktop.models.quiz import bank, bank_io
from sync import exporter, importer


def _send_up(pair):
    [up] = exporter.export_packages(pair.district, pair.usb)
    [s] = importer.import_file(pair.province, up.copied_to, trust_new_sender=True)
    assert s.status == "ok", s.messages


def test_province_bank_ignores_the_districts_copies(pair):
    loaded = bank_io.load_bank_file(pair.district)
    n = loaded["questions"]
    assert n > 0
    _send_up(pair)
    assert pair.province.scalar("SELECT count(*) FROM quiz_questions") == n
    assert bank.list_questions(pair.province) == [] and bank.list_topics(pair.province) == []
    again = bank_io.load_bank_file(pair.province)
    assert (again["questions"], again["skipped"]) == (n, 0)
    mine = bank.list_questions(pair.province)
    assert len(mine) == n and {q.origin_unit for q in mine} == {pair.province.unit_code}
    assert all(q.key == bank.question_by_key(pair.province, q.key).key for q in mine[:3])
    assert sum(len(v) for v in bank.active_pool(pair.province, include_historical=True).values()) == n


def test_district_uses_its_own_and_the_provinces_other_questions(pair):
    bank_io.load_bank_file(pair.district)
    n = len(bank.list_questions(pair.district))
    assert bank_io.load_bank_file(pair.province)["questions"] == n
    _send_up(pair)
    extra = bank.add_question(pair.province, {
        "topic_code": bank.list_topics(pair.province)[0].code, "text": "Câu riêng của tỉnh?",
        "options": ["Có", "Không"], "correct": [0]}, key="TINH-01")
    results = exporter.export_packages(pair.province, pair.usb)
    [s] = importer.import_file(pair.district, results[0].copied_to)
    assert s.status == "ok", s.messages
    in_use = bank.list_questions(pair.district)
    assert len(in_use) == n + 1  # same keys: the district's own; the new one: the province's
    by_key = {q.key: q for q in in_use}
    assert by_key["TINH-01"].id == extra.id
    assert {q.origin_unit for q in in_use if q.key != "TINH-01"} == {pair.district.unit_code}
    assert bank.question_by_key(pair.district, "TINH-01").origin_unit == \
        pair.province.unit_code
    assert len(bank.list_topics(pair.district)) == len(bank.list_topics(pair.province))
    assert bank_io.load_bank_file(pair.district)["questions"] == 0


def test_the_exemption_travels_and_the_province_counts_the_rest(pair):
    """"Không thuộc diện kiểm tra" is a field of the roster row: it goes up in the package and
    the province's figures of the district leave the person out, with the reason."""
    from desktop.models import figures
    from desktop.models.staff import StaffRepository
    from sync.overview import district_overview

    repo = StaffRepository(pair.district)
    people = [repo.add({"staff_code": f"G{i}", "full_name": f"Nguyễn Văn {name}"})
              for i, name in enumerate(("Bảo", "Cường", "Dũng"), start=1)]
    repo.set_exempt(people[0].id, True, "Bảo vệ hợp đồng")
    _send_up(pair)
    copy = pair.province.query_one("SELECT exempt, exempt_reason FROM staff WHERE id = ?",
                                   (people[0].id,))
    assert copy == {"exempt": 1, "exempt_reason": "Bảo vệ hợp đồng"}
    seen = figures.collect(pair.province, unit_code=pair.district.unit_code, only=["training"])
    assert seen["training"]["subject_staff"] == 2 and seen["training"]["exempt"] == 1
    row = next(r for r in district_overview(pair.province) if r.code == pair.district.unit_code)
    assert row.figure("training", "subject_staff") == 2
    # the mark is cleared at the district: the province sees it cleared with the next package
    repo.set_exempt(people[0].id, False)
    _send_up(pair)
    assert pair.province.scalar("SELECT exempt FROM staff WHERE id = ?", (people[0].id,)) == 0
