""""One of several right answers" and pictures, where a question is used: the kiosk (real
widgets), the printed paper and its key (read back), the paper answers keyed in, the evidence,
item analysis, kiosk setup files and sync packages."""
from __future__ import annotations

import base64
import re
from pathlib import Path

from pypdf import PdfReader

from desktop.output.quiz import reports as quiz_reports
from desktop.output.quiz.formats import read_questions
from desktop.models import blobs
from desktop.models.quiz import (attempts, bank, bank_io, kiosk_files, paper_entry, papers,
                                 pictures, results, stats)
from desktop.views.quiz.dialogs import EvidenceDialog
from desktop.views.quiz.kiosk import KioskWindow

from .conftest import make_session, staff_ids

FILES = Path(__file__).resolve().parents[1] / "fixtures" / "questions"
PNG = base64.b64decode(re.search(
    r"<image_base64>\s*(\S+)\s*</image_base64>",
    (FILES / "moodle-sample_questions_with_old_image_tag.xml").read_text()).group(1))


def only_questions(store, *contents) -> list[bank.Question]:
    """Retire the small bank and put these questions in its first topic."""
    for q in bank.list_questions(store):
        bank.set_retired(store, q.id, True)
    topic = bank.list_topics(store)[0].code
    return [bank.add_question(store, {"topic_code": topic, **c}, key=f"K{n}")
            for n, c in enumerate(contents, start=1)]


ANY = {"text": "Hồ sơ nào là bằng chứng về năng lực?", "kind": "any",
       "options": ["Danh sách dự tập huấn", "Kết quả kiểm tra", "Ảnh hội trường"],
       "correct": [0, 1], "pictures": [{"place": "question", "data": PNG, "name": "hinh.png"},
                                        {"place": "option", "option": 2, "data": PNG,
                                         "name": "anh.png"}]}
SINGLE = {"text": "Ai ban hành chính sách chất lượng?", "options": ["Giám đốc", "Văn thư"],
          "correct": [0]}


def test_the_bank_keeps_the_kind_and_pictures_by_hash(qstore):
    q_any, q_single = only_questions(qstore, ANY, SINGLE)
    assert q_any.kind == "any" and not q_any.multiple and q_single.kind == "single"
    digest = blobs.sha256_bytes(PNG)
    assert [(p.place, p.option, p.sha256) for p in q_any.pictures] == \
        [("question", None, digest), ("option", 2, digest)]
    assert qstore.scalar("SELECT count(*) FROM blobs WHERE sha256 = ?", (digest,)) == 1
    # a used question's pictures never change: an edit that changes them makes a new version
    s = make_session(qstore, questions=2)
    a = attempts.start_attempt(qstore, s.id, staff_ids(qstore)["CB001"])
    assert any(it.pictures for it in a.items)
    edited, new_version = bank.update_question(qstore, q_any.id, {"pictures": []})
    assert new_version and edited.pictures == []
    again = attempts.load_attempt(qstore, a.id)
    assert [len(it.pictures) for it in again.items if it.question_id == q_any.id] == [2]


def test_one_right_option_alone_is_fully_right_on_the_kiosk_and_on_paper(qstore, tmp_path):
    q_any, _ = only_questions(qstore, ANY, SINGLE)
    s = make_session(qstore, questions=2, pass_mark=100)
    ids = staff_ids(qstore)
    for code, pick in (("CB001", [0]), ("CB002", [1]), ("CB003", [0, 1]), ("CB004", [2])):
        a = attempts.start_attempt(qstore, s.id, ids[code])
        for it in a.items:
            choice = pick if it.question_id == q_any.id else it.correct_options
            attempts.answer(qstore, a, it.position, choice)
        attempts.submit(qstore, a)
    by_code = {r.staff_code: r for r in results.session_results(qstore, s.id)}
    assert [by_code[c].passed for c in ("CB001", "CB002", "CB003", "CB004")] == \
        [True, True, False, False]
    evidence = results.attempt_evidence(qstore, by_code["CB001"].attempt_id)
    item = next(i for i in evidence["items"] if i["question_id"] == q_any.id)
    assert item["kind"] == "any" and " / " in item["right"]
    # item analysis knows the kind
    analysed = {i.question_id: i for i in stats.item_analysis(qstore, session_id=s.id).items}
    assert analysed[q_any.id].kind == "any"
    assert analysed[q_any.id].as_dict()["correct"] == [0, 1]
    # on paper: the key shows either letter; one letter keyed in is right, two are not
    out = quiz_reports.variants_pdf(qstore, s.id, 1, tmp_path / "de.pdf",
                                    key_path=tmp_path / "dap-an.pdf")
    key = " ".join(p.extract_text() for p in PdfReader(out["key_file"]).pages)
    variant = papers.get_variant(qstore, s.id, "A")
    position = next(n for n, it in enumerate(variant["items"], start=1)
                    if it.question_id == q_any.id)
    it = variant["items"][position - 1]
    letters = sorted("ABC"[it.option_order.index(i)] for i in (0, 1))
    assert f"{position}.{letters[0]} / {letters[1]}" in key
    assert "chọn một trong các phương án đó đều đúng" in key
    rows = []
    for n, (code, picked) in enumerate((("CB005", letters[1]), ("CB006", "".join(letters)))):
        answers = ["-"] * 2
        answers[position - 1] = picked if len(picked) == 1 else f"({picked})"
        other = variant["items"][2 - position]
        v = bank.get_version(qstore, other.version_id)
        answers[2 - position] = "AB"[other.option_order.index(v["correct"][0])]
        rows.append(paper_entry.EntryRow(n + 1, code, "A", "".join(answers)))
    plan = paper_entry.plan_entries(qstore, s.id, rows)
    paper_entry.apply_entries(qstore, s.id, plan)
    by_code = {r.staff_code: r for r in results.session_results(qstore, s.id)}
    assert by_code["CB005"].passed and by_code["CB006"].passed is False


def test_the_printed_paper_holds_the_pictures(qstore, tmp_path):
    only_questions(qstore, ANY, SINGLE)
    s = make_session(qstore, questions=2)
    out = quiz_reports.variants_pdf(qstore, s.id, 2, tmp_path / "de.pdf")
    reader = PdfReader(out["file"])
    images = [img for page in reader.pages for img in page.images]
    # the question's and an option's picture are one file: drawn twice, embedded once a page
    assert len(reader.pages) == 2 and all(len(page.images) == 1 for page in reader.pages)
    assert images[0].data[:4] == b"\x89PNG"
    assert "Hồ sơ nào là bằng chứng" in " ".join(p.extract_text() for p in reader.pages)


def test_the_kiosk_shows_the_pictures_and_lets_one_option_be_chosen(qtbot, qstore):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    q_any, _ = only_questions(qstore, ANY, SINGLE)
    s = make_session(qstore, questions=2, shuffle_questions=False, shuffle_options=False)
    k = KioskWindow(qstore, s.id, clock=lambda: 1000.0)
    qtbot.addWidget(k)
    k.resize(1280, 800)
    k.start(fullscreen=False)
    k.welcome.search.setText("CB001")
    QTest.keyClick(k.welcome.search, Qt.Key.Key_Return)
    QTest.keyClick(k, Qt.Key.Key_Return)                  # "yes, that is me"
    assert k.stack.currentWidget() is k.question
    while k.attempt.item(k.position).question_id != q_any.id:
        QTest.keyClick(k, Qt.Key.Key_Right)
    item = k.attempt.item(k.position)
    screen = k.question
    assert screen.pictures.isVisibleTo(screen) and len(screen.pictures.labels) == 1
    assert not screen.pictures.labels[0].pixmap().isNull()
    assert len(screen.options[item.shown_index(2)].pictures.labels) == 1
    assert not screen.options[item.shown_index(0)].pictures.isVisibleTo(screen)
    # one option at a time, as for one right answer; the first right one alone is right
    QTest.keyClick(k, Qt.Key.Key_A + item.shown_index(0))
    QTest.keyClick(k, Qt.Key.Key_A + item.shown_index(1))
    row = qstore.query_one("SELECT selected, correct FROM quiz_answers WHERE id = ?",
                           (item.answer_id,))
    assert row["selected"] == "[1]" and row["correct"] == 1
    k.leave()


def test_evidence_dialog_shows_the_pictures(qtbot, qstore):
    q_any, _ = only_questions(qstore, ANY, SINGLE)
    s = make_session(qstore, questions=2)
    a = attempts.start_attempt(qstore, s.id, staff_ids(qstore)["CB001"])
    for it in a.items:
        attempts.answer(qstore, a, it.position, it.correct_options[:1])
    done = attempts.submit(qstore, a)
    dlg = EvidenceDialog(results.attempt_evidence(qstore, done.id))
    qtbot.addWidget(dlg)
    row = next(n for n, it in enumerate(dlg.model.items) if it["question_id"] == q_any.id)
    dlg._show(dlg.model.items[row])
    assert len(dlg.detail_pictures.labels) == 2
    assert "[1" in dlg.detail.text() or "1 " in dlg.detail.text()


def test_kiosk_setup_file_carries_the_pictures(qstore, kiosk_pc, tmp_path):
    q_any, _ = only_questions(qstore, ANY, SINGLE)
    s = make_session(qstore, questions=2)
    kiosk_files.export_setup(qstore, s.id, tmp_path / "may2.isokiosk", label="Máy 2")
    kiosk_files.import_setup(kiosk_pc, tmp_path / "may2.isokiosk")
    a = attempts.start_attempt(kiosk_pc, s.id, staff_ids(kiosk_pc)["CB001"])
    item = next(it for it in a.items if it.question_id == q_any.id)
    assert item.kind == "any" and [p.data[:4] for p in item.pictures] == [b"\x89PNG"] * 2


def test_pictures_from_a_moodle_file_come_in_with_the_import(qstore):
    plan = bank_io.plan_import(qstore, read_questions(FILES / "moodle-export-pluginfile.xml"))
    bank_io.apply_import(qstore, plan, accept_good=True)
    q = bank.question_by_key(qstore, "MD-IMG-01")
    assert q.kind == "any" and len(q.pictures) == 1
    assert pictures.read(qstore, q.pictures[0].sha256) == PNG


def test_an_option_that_is_only_a_picture_is_named_on_the_result(qstore):
    from desktop.models.quiz import taking
    from desktop.web import quiz_pages

    pictured = {"text": "Hình nào là dấu có hiệu lực?", "kind": "multiple",
                "options": ["", "Dấu xanh", "Dấu đỏ"], "correct": [0, 1],
                "pictures": [{"place": "option", "option": 0, "data": PNG, "name": "a.png"}]}
    only_questions(qstore, pictured)
    s = make_session(qstore, questions=1, feedback="answers", shuffle_options=False)
    a = attempts.start_attempt(qstore, s.id, staff_ids(qstore)["CB001"])
    attempts.answer(qstore, a, 1, [0, 1])
    view = taking.result_view(attempts.submit(qstore, a))
    assert view.lines[0].right == ["A. (hình a.png)", "B. Dấu xanh"]
    page = quiz_pages.result(view, "x")
    assert "Đáp án đúng: A. (hình a.png); B. Dấu xanh" in page
