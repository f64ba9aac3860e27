"""The results list, slips and paper variants as real PDFs; answers keyed in from paper graded
like the kiosk; the kiosk PCs' signed files between two real databases."""
from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop.output.quiz import reports as quiz_reports
from desktop.output.quiz.formats.answers_csv import read_answers
from desktop.models import audit
from desktop.models.quiz import (attempts, bank, kiosk_files, paper_entry, papers, results,
                                 sessions)
from desktop.models.quiz.common import QuizError

from .conftest import make_session, staff_ids


def pdf_text(path) -> list[str]:
    return [p.extract_text() for p in PdfReader(path).pages]


def take(store, session_id, code, good=True):
    a = attempts.start_attempt(store, session_id, staff_ids(store)[code])
    for it in a.items:
        attempts.answer(store, a, it.position, it.correct_options if good else
                        [i for i in range(len(it.options)) if i not in it.correct_options][:1])
    return attempts.submit(store, a)


def test_results_list_pdf_and_excel(qstore, tmp_path):
    s = make_session(qstore, questions=4)
    take(qstore, s.id, "CB001")
    take(qstore, s.id, "CB002", good=False)
    out = quiz_reports.results_pdf(qstore, s.id, tmp_path / "kq.pdf")
    text = " ".join("\n".join(pdf_text(tmp_path / "kq.pdf")).split())
    for expected in ("DANH SÁCH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Nguyễn Văn An", "Đạt",
                     "Chưa đạt", "Chưa kiểm tra", "ĐẠI DIỆN TỔ TRIỂN KHAI ISO",
                     "CHUYÊN GIA TƯ VẤN", "Lê Thị Thu Hà", "Đỗ Minh Khôi",
                     "BẢO HIỂM XÃ HỘI HUYỆN THỬ NGHIỆM"):
        assert expected in text, expected
    assert out["people"] == 8
    # names in Vietnamese order (by given name): An, Ánh, Ẩn, Bình, …
    assert text.index("Nguyễn Văn An") < text.index("Trần Thị Bình")
    quiz_reports.results_xlsx(qstore, s.id, tmp_path / "kq.xlsx")
    wb = load_workbook(tmp_path / "kq.xlsx")
    rows = {r[1]: r for r in wb["Kết quả"].iter_rows(min_row=4, values_only=True)}
    assert rows["CB001"][7] == 4 and rows["CB001"][10] == "Đạt"
    assert rows["CB002"][10] == "Chưa đạt" and rows["CB003"][5] == "Chưa làm bài"
    evidence = list(wb["Bài làm"].iter_rows(min_row=2, values_only=True))
    assert len(evidence) == 8 and {r[0] for r in evidence} == {"CB001", "CB002"}


def test_result_slips(qstore, tmp_path):
    s = make_session(qstore, questions=4)
    take(qstore, s.id, "CB001")
    take(qstore, s.id, "CB004", good=False)
    out = quiz_reports.slips_pdf(qstore, s.id, tmp_path / "phieu.pdf")
    pages = pdf_text(tmp_path / "phieu.pdf")
    assert out["slips"] == 2 and len(pages) == 2
    assert "Nguyễn Văn An" in pages[0] and "ĐẠT" in pages[0]
    assert "Phạm Thị Dung" in pages[1] and "CHƯA ĐẠT" in pages[1]
    assert "PHIẾU KẾT QUẢ" in pages[0]
    flat = " ".join(pages[0].split())
    assert "Họ và tên: Nguyễn Văn An · Mã cán bộ: CB001" in flat


def test_slips_tell_their_progress_and_a_stop_writes_no_file(qstore, tmp_path):
    from desktop.models.progress import Cancelled

    s = make_session(qstore, questions=4)
    for code in ("CB001", "CB002", "CB003", "CB004"):
        take(qstore, s.id, code)
    told: list[tuple[int, int]] = []
    quiz_reports.slips_pdf(qstore, s.id, tmp_path / "phieu.pdf",
                           progress=lambda done, total: told.append((done, total)))
    assert told[-1] == (1000, 1000) and len(told) > 4
    assert [d for d, _t in told] == sorted(d for d, _t in told)   # it only moves forward

    def stop_midway(done: int, _total: int) -> None:
        if done >= 500:   # the attempts read, the pages being laid out
            raise Cancelled()

    with pytest.raises(Cancelled):
        quiz_reports.slips_pdf(qstore, s.id, tmp_path / "dung.pdf", progress=stop_midway)
    assert not (tmp_path / "dung.pdf").exists()


def test_a_slip_printed_while_the_test_runs_shows_no_right_answer(qstore, tmp_path):
    from desktop.models.quiz import attempts

    s = make_session(qstore, questions=4, shuffle_questions=False, shuffle_options=False)
    running = attempts.start_attempt(qstore, s.id, staff_ids(qstore)["CB002"], channel="web")
    attempts.answer(qstore, running, 1, running.item(1).correct_options)
    take(qstore, s.id, "CB001")
    quiz_reports.slips_pdf(qstore, s.id, tmp_path / "phieu.pdf")
    done, still = pdf_text(tmp_path / "phieu.pdf")
    assert "Nguyễn Văn An" in done and "Đúng" in done
    assert "Trần Thị Bình" in still and "chưa ghi đáp án" in still
    assert "Đúng" not in still and "Sai" not in still
    assert still.count("—") == 4 * 2 + 3           # no key, no mark; 3 questions not answered


def test_the_kiosk_pc_is_named_once_on_the_slip(qstore, tmp_path):
    from desktop.models.quiz import attempts, kiosk

    assert kiosk.machine_phrase("Máy 1") == "Máy 1"
    assert kiosk.machine_phrase("PC-05") == "máy PC-05"
    assert kiosk.machine_phrase("  ") == "máy kiểm tra"
    s = make_session(qstore, questions=4)
    ids = staff_ids(qstore)
    for code, label in (("CB001", "Máy 1"), ("CB002", "PC-05")):
        a = attempts.start_attempt(qstore, s.id, ids[code], kiosk_label=label)
        attempts.submit(qstore, a)
    quiz_reports.slips_pdf(qstore, s.id, tmp_path / "phieu.pdf")
    text = " ".join(" ".join(pdf_text(tmp_path / "phieu.pdf")).split())
    assert "làm trên Máy 1)" in text and "làm trên máy PC-05)" in text
    assert "máy Máy" not in text


def test_paper_variants_pdf_is_stable(qstore, tmp_path):
    s = make_session(qstore, questions=5)
    first = quiz_reports.variants_pdf(qstore, s.id, 2, tmp_path / "a.pdf",
                                      key_path=tmp_path / "key.pdf")
    again = quiz_reports.variants_pdf(qstore, s.id, 3, tmp_path / "b.pdf")
    assert [v["code"] for v in again["variants"]] == ["A", "B", "C"]
    assert again["variants"][:2] == first["variants"]
    pages = pdf_text(tmp_path / "a.pdf")
    text = "\n".join(pages)
    assert "MÃ ĐỀ: A" in text and "MÃ ĐỀ: B" in text and "BẢNG TRẢ LỜI" in text
    variant = papers.get_variant(qstore, s.id, "A")
    versions = bank.get_versions(qstore, [it.version_id for it in variant["items"]])
    first_q = versions[variant["items"][0].version_id]
    printed = first_q["options"][variant["items"][0].option_order[0]]
    assert f"A. {printed}" in text.replace("\n", " ")
    key = "\n".join(pdf_text(tmp_path / "key.pdf"))
    assert "ĐÁP ÁN" in key and "Mã đề A" in key
    # the questions of printed variants count as used: an edit makes a new version
    q = bank.get_question(qstore, variant["items"][0].question_id)
    assert bank.update_question(qstore, q.id, {"text": q.text + "?"})[1]


def test_paper_answers_are_graded_like_the_kiosk(qstore, tmp_path):
    s = make_session(qstore, questions=6, pass_mark=50)
    [variant] = papers.ensure_variants(qstore, s.id, 1)
    versions = bank.get_versions(qstore, [it.version_id for it in variant["items"]])
    letters = ""
    choices = []
    for n, it in enumerate(variant["items"]):
        right = versions[it.version_id]["correct"]
        if n % 2:
            shown = [it.option_order.index(right[0])]          # only one: right if single
        else:
            shown = [next(i for i in range(len(it.option_order))
                          if it.option_order[i] not in right)]
        choices.append([it.option_order[i] for i in shown])
        letters += "".join(chr(65 + i) for i in shown)
    csv = tmp_path / "nhap.csv"
    csv.write_text(f"staff_code;variant;answers\nCB001;A;{letters}\nCB009;A;AAAAAA\n"
                   f"CB002;A;ABC\nCB003;Z;AAAAAA\nCB004;a;{'-' * 6}\n", encoding="utf-8-sig")
    rows, problems = read_answers(csv)
    plan = paper_entry.plan_entries(qstore, s.id, rows)
    assert [r["line"] for r in plan.rejected] == [3, 4, 5] and not problems
    out = paper_entry.apply_entries(qstore, s.id, plan)
    assert out["refused"] and out["entered"] == 0
    assert not results.attempts_of_session(qstore, s.id)
    out = paper_entry.apply_entries(qstore, s.id, plan, accept_good=True)
    assert out["entered"] == 2
    # the same choices on the kiosk, with the same paper, give the same grade
    kiosk = attempts.start_attempt(qstore, s.id, staff_ids(qstore)["CB005"],
                                   paper=papers.Paper(variant["seed"], tuple(variant["items"])))
    for position, choice in enumerate(choices, start=1):
        attempts.answer(qstore, kiosk, position, choice)
    kiosk = attempts.submit(qstore, kiosk)
    paper_result = next(r for r in out["results"] if r["staff_code"] == "CB001")
    assert (paper_result["score"], paper_result["passed"]) == (kiosk.score, kiosk.passed)
    blank = next(r for r in out["results"] if r["staff_code"] == "CB004")
    assert blank["score"] == 0
    row = qstore.query_one("SELECT mode, variant_code FROM quiz_attempts WHERE id = ?",
                           (paper_result["attempt_id"],))
    assert row == {"mode": "paper", "variant_code": "A"}


def test_letters_with_several_answers():
    assert paper_entry.parse_letters("a (bc) - [ad]", [4, 4, 4, 4]) == [[0], [1, 2], None, [0, 3]]
    with pytest.raises(QuizError):
        paper_entry.parse_letters("AE", [4, 4])
    with pytest.raises(QuizError):
        paper_entry.parse_letters("A(B", [4, 4])


# --- several kiosk PCs -------------------------------------------------------------------------


def test_kiosk_pcs_round_trip(qstore, kiosk_pc, tmp_path):
    s = make_session(qstore, questions=4)
    setup = kiosk_files.export_setup(qstore, s.id, tmp_path / "may2.isokiosk", label="Máy 2")
    assert setup["fingerprint"]
    opened = kiosk_files.import_setup(kiosk_pc, tmp_path / "may2.isokiosk")
    assert opened["session_id"] == s.id and sessions.check_pin(kiosk_pc, s.id, "2468")
    # two people take the test on the kiosk PC; a third is still at it
    take(kiosk_pc, s.id, "CB001")
    take(kiosk_pc, s.id, "CB002", good=False)
    running = attempts.start_attempt(kiosk_pc, s.id, staff_ids(kiosk_pc)["CB003"])
    attempts.answer(kiosk_pc, running, 1, running.items[0].correct_options)
    kiosk_files.export_results(kiosk_pc, s.id, tmp_path / "r1.isoresults")
    out = kiosk_files.import_results(qstore, tmp_path / "r1.isoresults")
    assert (out["attempts_new"], out["attempts_updated"], out["already_imported"]) == (3, 0, False)
    # the same file again: nothing merged twice
    again = kiosk_files.import_results(qstore, tmp_path / "r1.isoresults")
    assert again["already_imported"] and again["attempts_new"] == 0
    assert len(results.attempts_of_session(qstore, s.id)) == 3
    # later: the running attempt was submitted; a new export brings only that change
    attempts.submit(kiosk_pc, running)
    kiosk_files.export_results(kiosk_pc, s.id, tmp_path / "r2.isoresults")
    out = kiosk_files.import_results(qstore, tmp_path / "r2.isoresults")
    assert (out["attempts_new"], out["attempts_updated"], out["attempts_duplicate"]) == (0, 1, 2)
    by_code = {r.staff_code: r for r in results.session_results(qstore, s.id)}
    assert by_code["CB001"].passed and by_code["CB002"].passed is False
    assert by_code["CB003"].status == "submitted"
    assert audit.verify_chain(qstore).ok


def test_tampered_or_foreign_results_files_are_refused(qstore, kiosk_pc, tmp_path):
    s = make_session(qstore, questions=4)
    kiosk_files.export_setup(qstore, s.id, tmp_path / "k.isokiosk", label="Máy 3")
    kiosk_files.import_setup(kiosk_pc, tmp_path / "k.isokiosk")
    take(kiosk_pc, s.id, "CB005", good=False)
    path = kiosk_files.export_results(kiosk_pc, s.id, tmp_path / "r.isoresults")["file"]
    data = json.loads(open(path, encoding="utf-8").read())
    data["payload"]["rows"]["quiz_attempts"][0]["passed"] = 1
    data["payload"]["rows"]["quiz_attempts"][0]["score"] = 4
    forged = tmp_path / "forged.isoresults"
    forged.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(QuizError, match="Chữ ký"):
        kiosk_files.import_results(qstore, forged)
    assert not results.attempts_of_session(qstore, s.id)
    # a results file signed by a key this PC never issued
    other = make_session(qstore, questions=4)
    data = json.loads(open(path, encoding="utf-8").read())
    data["payload"]["session_id"] = other.id
    foreign = tmp_path / "foreign.isoresults"
    foreign.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(QuizError):
        kiosk_files.import_results(qstore, foreign)
    garbage = tmp_path / "g.isoresults"
    garbage.write_bytes(b"\x00\x01 not json")
    with pytest.raises(QuizError):
        kiosk_files.import_results(qstore, garbage)


def test_setup_file_of_another_unit_is_refused(qstore, kiosk_pc, tmp_path):
    s = make_session(qstore)
    kiosk_files.export_setup(qstore, s.id, tmp_path / "k.isokiosk", label="Máy 2")
    kiosk_pc.execute("UPDATE unit_profile SET code = 'KHAC'")
    kiosk_pc.unit_code = "KHAC"
    with pytest.raises(QuizError, match="đơn vị"):
        kiosk_files.import_setup(kiosk_pc, tmp_path / "k.isokiosk")
