"""The shipped bank's wording: unit names from the unit profile, historical questions left out of
new papers, and a unit that has an older default bank getting the corrected questions."""
from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

from desktop.output.quiz import reports as quiz_reports
from desktop.output.quiz.formats import export_bank, read_questions
from desktop.models.quiz import attempts, bank, bank_io, default_bank, papers, results, sessions
from desktop.models.quiz import wording
from desktop.models.quiz.common import QuizError
from desktop.models.unit import get_profile, save_profile
from desktop.paths import resource

from .conftest import make_session, staff_ids

OLD_BANK = Path(__file__).parent / "fixtures" / "default_bank_r1.json"
NEW_NAMES = {"district": "BHXH cơ sở", "province": "BHXH khu vực"}


def shipped() -> dict:
    return json.loads(resource("questions", "default_bank.json").read_text(encoding="utf-8"))


def set_2025_names(store) -> None:
    save_profile(store, dataclasses.replace(get_profile(store), level_names=NEW_NAMES))


def every_text(q: dict) -> list[str]:
    return [q["text"], *q["options"], q.get("explanation", "")]


# --- the shipped wording ---------------------------------------------------------------------

def test_shipped_bank_speaks_of_can_bo_and_unit_names_by_placeholder():
    bank_file = shipped()
    for q in bank_file["questions"]:
        for text in every_text(q):
            assert "công chức" not in text.lower(), q["key"]
            # every unit name is a placeholder (filled from the unit profile)
            bare = re.sub(r"\{[^{}]+\}", "", text)
            assert not re.search(r"BHXH (huyện|tỉnh)|Tổ triển khai ISO|Ban Chỉ đạo ISO(?! của "
                                 r"BHXH Việt Nam)|cấp (huyện|tỉnh)", bare), (q["key"], text)
            assert "{{" not in text and "}}" not in text


def test_shipped_bank_fixes_the_2008_wording_and_the_disputed_keys():
    qs = {q["key"]: q for q in shipped()["questions"]}
    doc = qs["documented_info-002"]
    assert "lỗi thời" not in doc["explanation"] and "kiểm soát" in doc["explanation"]
    audit_q = qs["audit_nc-004"]
    assert audit_q["clause"] == "9.2.2 c)"
    key = audit_q["options"][audit_q["correct"][0]]
    assert "khách quan, vô tư" in key and "chính mình" not in key
    pdca = qs["process_pdca-002"]["explanation"]
    assert "có thể được viết thành văn bản hoặc không" in pdca
    relations = qs["principles-006"]
    assert "Hướng vào khách hàng" not in relations["options"]
    assert relations["options"][relations["correct"][0]] == "Quản lý mối quan hệ"
    assert qs["conversion-002"]["clause"] == "Lời nói đầu"
    assert "0.3.3" not in qs["conversion-004"]["clause"]
    assert {k for k, q in qs.items() if q.get("historical")} == {
        "conversion-003", "conversion-006", "conversion-008"}


def test_fill_uses_the_profile_names_and_leaves_other_braces():
    names = {**wording.level_names(None), **NEW_NAMES}
    assert wording.fill("Giám đốc {BHXH huyện} và {bhxh TỈNH}", names) == \
        "Giám đốc BHXH cơ sở và BHXH khu vực"
    assert wording.fill("{district_team} của {district}", names) == "Tổ triển khai ISO của BHXH cơ sở"
    assert wording.fill("Công thức {x + y} giữ nguyên", names) == "Công thức {x + y} giữ nguyên"
    assert wording.fill("{BHXH huyện}") == "BHXH huyện"   # defaults without a profile
    # a placeholder and the name it stands for are the same wording (no double drawing)
    assert bank.content_key("Tại {BHXH huyện}?", ["a", "b"]) == \
        bank.content_key("Tại BHXH huyện?", ["a", "b"])


# --- shown, printed, exported with the unit's names --------------------------------------------

def add_placeholder_question(store) -> bank.Question:
    return bank.add_question(store, {
        "topic_code": "NT", "text": "Ai ký quyết định công bố HTQLCL của {BHXH huyện}?",
        "options": ["Giám đốc {BHXH huyện}", "Trưởng {Ban Chỉ đạo ISO} {BHXH tỉnh}"],
        "correct": [0], "explanation": "Người đứng đầu {BHXH huyện} ký."}, key="PH1")


def test_every_path_shows_the_profile_names(qstore, tmp_path):
    set_2025_names(qstore)
    q = add_placeholder_question(qstore)
    assert bank.get_question(qstore, q.id).text.endswith("{BHXH huyện}?")   # stored as written
    # kiosk (the attempt as shown), slips, results
    s = make_session(qstore, questions=13)
    person = list(staff_ids(qstore).values())[0]
    a = attempts.start_attempt(qstore, s.id, person)
    item = next(i for i in a.items if i.question_id == q.id)
    assert item.text == "Ai ký quyết định công bố HTQLCL của BHXH cơ sở?"
    assert item.options == ["Giám đốc BHXH cơ sở", "Trưởng Ban Chỉ đạo ISO BHXH khu vực"]
    assert item.explanation == "Người đứng đầu BHXH cơ sở ký."
    evidence = results.attempt_evidence(qstore, a.id)
    assert "{BHXH" not in json.dumps(evidence, ensure_ascii=False)
    # the printed paper and its key
    out = quiz_reports.variants_pdf(qstore, s.id, 1, tmp_path / "de.pdf",
                                    key_path=tmp_path / "dap-an.pdf")
    from pypdf import PdfReader
    text = " ".join(p.extract_text() for p in PdfReader(out["file"]).pages)
    assert "BHXH cơ sở" in text and "{BHXH" not in text
    # files for other programs: names filled in; this program's own bank file keeps placeholders
    for name in ("bank.gift", "bank.xml", "bank.xlsx", "bank.aiken"):
        export_bank(qstore, tmp_path / name)
        parsed = read_questions(tmp_path / name)
        mine = next(i for i in parsed.items if "công bố HTQLCL" in i.text)
        assert mine.text == "Ai ký quyết định công bố HTQLCL của BHXH cơ sở?", name
        assert "Giám đốc BHXH cơ sở" in mine.options
    export_bank(qstore, tmp_path / "bank.json")
    data = json.loads((tmp_path / "bank.json").read_text(encoding="utf-8"))
    assert next(x for x in data["questions"] if x["key"] == "PH1")["text"].endswith(
        "{BHXH huyện}?")


def test_item_analysis_shows_the_profile_names(qstore):
    from desktop.models.quiz import stats

    set_2025_names(qstore)
    q = add_placeholder_question(qstore)
    s = make_session(qstore, questions=13)
    person = list(staff_ids(qstore).values())[0]
    a = attempts.start_attempt(qstore, s.id, person)
    attempts.submit(qstore, a)
    item = next(i for i in stats.item_analysis(qstore, session_id=s.id).items
                if i.question_id == q.id)
    assert item.text == "Ai ký quyết định công bố HTQLCL của BHXH cơ sở?"


# --- historical questions ------------------------------------------------------------------

def test_historical_questions_are_left_out_unless_the_session_includes_them(qstore):
    pool = bank.active_pool(qstore)
    t1 = pool["NT"]
    old = bank.set_historical(qstore, t1[0][0], True)
    assert old.historical
    assert sum(bank.bank_counts(qstore).values()) == 11
    assert old.id not in {qid for items in bank.active_pool(qstore).values() for qid, _ in items}
    with_all = make_session(qstore, questions=12, include_historical=True)
    paper = papers.draw_paper(qstore, with_all.settings, 7)
    assert old.id in {it.question_id for it in paper.items}
    without = make_session(qstore, questions=12)
    assert not without.settings["include_historical"]
    try:
        papers.draw_paper(qstore, without.settings, 7)
        raise AssertionError("a 12-question paper needs the historical question")
    except QuizError as exc:
        assert "11 câu" in str(exc)
    assert any("11 câu" in w for w in sessions.warnings(qstore, without))
    # the mark travels in this program's bank file and comes back in with an import
    marked = bank.get_question(qstore, old.id)
    assert marked.as_public()["historical"] is True


# --- a unit with the older default bank ------------------------------------------------------

def old_default_unit(store):
    """A unit whose bank was loaded from the previous revision of the shipped bank, and used."""
    bank_io.load_bank_file(store, OLD_BANK)
    from desktop.models.settings import set_setting
    set_setting(store, bank_io.DEFAULT_LOADED_KEY, True)


def test_the_corrected_questions_come_in_as_new_versions(store):
    old_default_unit(store)
    from desktop.models.staff import StaffRepository
    person = StaffRepository(store).add({"staff_code": "X1", "full_name": "Ngô Văn Tư"})
    s = sessions.create_session(store, {"date": "2025-09-15", "place": "Hội trường",
                                        "settings": {"questions": 110, "shuffle_options": False}},
                                staff_ids=[person.id])
    a = attempts.start_attempt(store, s.id, person.id)
    attempts.submit(store, a)
    shown_before = {i.question_id: i.text for i in attempts.load_attempt(store, a.id).items}
    # the unit changed one question itself, and deleted another
    mine = bank.question_by_key(store, "policy-003")
    bank.update_question(store, mine.id, {"text": "Câu hỏi đơn vị tự sửa về chính sách?"})
    gone = bank.question_by_key(store, "policy-005")
    bank.set_retired(store, gone.id, True)

    summary = bank_io.ensure_default_bank(store)
    new = {q["key"]: q for q in shipped()["questions"]}
    changed = {k for k, q in new.items() if q.get("supersedes")}
    assert set(summary["updated"]) == changed - {"policy-003"}
    assert summary["kept_edited"] == ["policy-003"]
    assert set(summary["new_versions"]) == set(summary["updated"])    # they had been on a paper
    assert set(summary["historical"]) == {"conversion-003", "conversion-006", "conversion-008"}
    audit_q = bank.question_by_key(store, "audit_nc-004")
    assert audit_q.version_no == 2 and audit_q.clause == "9.2.2 c)"
    assert audit_q.options[audit_q.correct[0]] == "Tính khách quan, vô tư của quá trình đánh giá"
    assert bank.question_by_key(store, "conversion-006").historical
    assert bank.question_by_key(store, "policy-003").text == "Câu hỏi đơn vị tự sửa về chính sách?"
    assert bank.question_by_key(store, "policy-005").retired
    # the attempt keeps what it showed
    assert {i.question_id: i.text for i in attempts.load_attempt(store, a.id).items} == \
        shown_before
    # once per revision
    assert bank_io.ensure_default_bank(store) is None
    assert default_bank.applied_revision(store) == default_bank.file_revision(shipped())
    entries = store.query("SELECT new FROM audit_log WHERE action = 'quiz_default_bank_update'")
    assert len(entries) == 1 and "audit_nc-004" in entries[0]["new"]


def test_an_unused_old_question_is_corrected_in_place(store):
    old_default_unit(store)
    summary = bank_io.ensure_default_bank(store)
    assert summary["updated"] and not summary["new_versions"]
    q = bank.question_by_key(store, "principles-006")
    assert q.version_no == 1 and "Hướng vào khách hàng" not in q.options


def test_a_kiosk_pc_never_makes_versions_of_its_own(store):
    old_default_unit(store)
    store.execute("INSERT INTO quiz_kiosk_identity (session_id, key_id, label, private_key, "
                  "public_key, received_at) VALUES ('s', 'k', 'Máy 1', 'x', 'y', 'now')")
    assert bank_io.ensure_default_bank(store) is None
    assert bank.question_by_key(store, "audit_nc-004").clause == "9.2.2"


def test_every_change_in_the_shipped_bank_names_what_it_replaces():
    """A wording change without `supersedes` would leave units on the old wording for ever."""
    old = {q["key"]: q for q in json.loads(OLD_BANK.read_text(encoding="utf-8"))["questions"]}
    for q in shipped()["questions"]:
        if q["key"] in old and default_bank.default_fingerprint(old[q["key"]]) != \
                default_bank.default_fingerprint(q):
            assert default_bank.default_fingerprint(old[q["key"]]) in q.get("supersedes", []), \
                q["key"]
    assert default_bank.file_revision(shipped()) >= 2
