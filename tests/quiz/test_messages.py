"""Messages that must say plainly what is wrong: an Excel difficulty that is not a whole number,
a results file that is not there, and the proctor's paper entry naming the person."""
from __future__ import annotations

from openpyxl import Workbook

from desktop.output.quiz.formats import xlsx
from desktop.output.quiz.formats.answers_csv import read_answers
from desktop.models.quiz import paper_entry, papers
from tests.cli_auth import run_cli

from .conftest import make_session
from .test_documents_files import take


def test_excel_difficulty_must_be_a_whole_number(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(xlsx.HEADERS)
    ws.append(["X1", "NT", "", 2.7, None, "Câu một?", "Có", "Không", None, None, None, None, "A",
               None, ""])
    ws.append(["X2", "NT", "", "2,5", None, "Câu hai?", "Có", "Không", None, None, None, None, "A",
               None, ""])
    ws.append(["X3", "NT", "", 3, None, "Câu ba?", "Có", "Không", None, None, None, None, "B",
               None, ""])
    ws.append(["X4", "NT", "", 2.0, None, "Câu bốn?", "Có", "Không", None, None, None, None, "B",
               None, ""])
    ws.append(["X5", "NT", "", "khó", None, "Câu năm?", "Có", "Không", None, None, None, None, "B",
               None, ""])
    path = tmp_path / "q.xlsx"
    wb.save(path)
    r = xlsx.parse(path)
    assert [(i.line, i.difficulty) for i in r.items] == [(4, 3), (5, 2)]
    assert [x.line for x in r.rejected] == [2, 3, 6]
    assert "2.7" in r.rejected[0].message and "1, 2 hoặc 3" in r.rejected[0].message
    assert not r.rejected[0].message.startswith("Dòng")      # the line is given once, apart


def test_results_import_of_a_missing_file_says_not_found(qdata_dir, tmp_path, capsys):
    missing = tmp_path / "khong-co.isoresults"
    code = run_cli(["--data-dir", str(qdata_dir), "quiz", "results-import", str(missing)])
    err = capsys.readouterr().err
    assert code != 0
    assert "Không tìm thấy tệp" in err and "khong-co.isoresults" in err and "hỏng" not in err


def test_paper_entry_names_the_person_who_already_took_the_test(qstore, tmp_path):
    s = make_session(qstore, questions=6)
    take(qstore, s.id, "CB002")
    papers.ensure_variants(qstore, s.id, 1)
    csv = tmp_path / "nhap.csv"
    csv.write_text("staff_code;variant;answers\nCB002;A;AAAAAA\n", encoding="utf-8-sig")
    rows, _ = read_answers(csv)
    plan = paper_entry.plan_entries(qstore, s.id, rows)
    [refused] = plan.rejected
    assert refused["message"].startswith("Trần Thị Bình đã làm bài kiểm tra của buổi này")
    assert "Bạn" not in refused["message"]
