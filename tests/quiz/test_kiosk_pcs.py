"""Several kiosk PCs in one room: each is called by the label the main PC gave it (never its
host name) on its screen, in its attempts and on the slips; results files are refused when they
belong to another session, and a repeated import says it merged nothing; a kiosk PC prints only
the paper variants the main PC drew."""
from __future__ import annotations

import json
import platform

import pytest

from desktop.output.quiz import reports as quiz_reports
from desktop.models.quiz import attempts, kiosk, kiosk_files, papers, results
from desktop.models.quiz.common import QuizError
from desktop.views.quiz.kiosk import KioskWindow
from tests.cli_auth import run_cli

from .conftest import make_session, staff_ids
from .test_documents_files import pdf_text, take


@pytest.fixture(autouse=True)
def host_named_vm(monkeypatch):
    """The computers here are called "vm": that name must show nowhere."""
    monkeypatch.setattr(platform, "node", lambda: "vm")


def _prepared(qstore, kiosk_pc, tmp_path, label="Máy 2", **settings):
    s = make_session(qstore, questions=4, **settings)
    kiosk_files.export_setup(qstore, s.id, tmp_path / "may.isokiosk", label=label)
    kiosk_files.import_setup(kiosk_pc, tmp_path / "may.isokiosk")
    return s


def test_the_kiosk_is_called_by_its_label_on_screen_in_attempts_and_on_slips(
        qtbot, qstore, kiosk_pc, tmp_path):
    s = _prepared(qstore, kiosk_pc, tmp_path)
    assert kiosk.kiosk_name(kiosk_pc, s.id) == "Máy 2"
    assert kiosk.kiosk_name(qstore, s.id) == "Máy chính"
    window = KioskWindow(kiosk_pc, s.id)
    qtbot.addWidget(window)
    window.show_welcome()
    assert window.welcome.subtitle.text().endswith("— Máy 2")
    window.chosen_staff = staff_ids(kiosk_pc)["CB001"]
    window.start_test()
    assert window.attempt.kiosk_label == "Máy 2"
    attempts.submit(kiosk_pc, window.attempt)
    window.stop_test()
    window.desk.show_menu()
    assert "This PC: Máy 2" in window.menu.status.text() or \
        "Máy này: Máy 2" in window.menu.status.text()
    kiosk_files.export_results(kiosk_pc, s.id, tmp_path / "r.isoresults")
    out = kiosk_files.import_results(qstore, tmp_path / "r.isoresults", session_id=s.id)
    assert out["kiosk_label"] == "Máy 2" and out["merged"] > 0
    assert len(results.attempts_of_session(qstore, s.id)) == 1
    quiz_reports.slips_pdf(qstore, s.id, tmp_path / "phieu.pdf")
    text = " ".join(" ".join(pdf_text(tmp_path / "phieu.pdf")).split())
    assert "làm trên Máy 2" in text and "vm" not in text.split()


def test_a_results_file_signed_with_another_sessions_key_is_refused_as_such(
        qstore, kiosk_pc, tmp_path):
    s = _prepared(qstore, kiosk_pc, tmp_path)
    take(kiosk_pc, s.id, "CB002")
    path = kiosk_files.export_results(kiosk_pc, s.id, tmp_path / "r.isoresults")["file"]
    other = make_session(qstore, questions=4)
    data = json.loads(open(path, encoding="utf-8").read())
    data["payload"]["session_id"] = other.id   # the key is that of the first session
    moved = tmp_path / "moved.isoresults"
    moved.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(QuizError) as exc:
        kiosk_files.import_results(qstore, moved)
    assert "thuộc buổi" in exc.value.message and "khác" in exc.value.message
    assert "Máy 2" in exc.value.message and "không biết khóa" not in exc.value.message
    # a genuine file of the first session while another session is open on screen
    with pytest.raises(QuizError) as exc:
        kiosk_files.import_results(qstore, path, session_id=other.id)
    assert "thuộc buổi" in exc.value.message and "khác, không phải buổi" in exc.value.message
    assert not results.attempts_of_session(qstore, other.id)
    assert not results.attempts_of_session(qstore, s.id)


def test_a_repeated_import_says_it_merged_nothing(qstore, kiosk_pc, tmp_path, capsys,
                                                  monkeypatch, qdata_dir):
    s = _prepared(qstore, kiosk_pc, tmp_path)
    take(kiosk_pc, s.id, "CB001")
    take(kiosk_pc, s.id, "CB003")
    kiosk_files.export_results(kiosk_pc, s.id, tmp_path / "r1.isoresults")

    def cli_import(name):
        code = run_cli(["--data-dir", str(qdata_dir), "quiz", "results-import",
                        str(tmp_path / name)])
        out, err = capsys.readouterr()
        assert code == 0, err
        return out
    assert "đã nhập 2 bài mới" in cli_import("r1.isoresults")
    again = kiosk_files.import_results(qstore, tmp_path / "r1.isoresults")
    assert again["already_imported"] and again["merged"] == 0 and again["warnings"] == []
    assert "không nhập thêm gì" in cli_import("r1.isoresults")
    # the kiosk exports again with nothing new: another file, the same rows
    kiosk_files.export_results(kiosk_pc, s.id, tmp_path / "r2.isoresults")
    text = cli_import("r2.isoresults")
    assert "Không có gì mới để nhập: 2 bài làm trong tệp của Máy 2 đã có" in text
    out = kiosk_files.import_results(qstore, tmp_path / "r2.isoresults")
    assert out["merged"] == 0 and len(results.attempts_of_session(qstore, s.id)) == 2


def test_a_kiosk_pc_prints_only_the_main_pcs_variants(qstore, kiosk_pc, tmp_path):
    s = make_session(qstore, questions=4)
    main_a = papers.ensure_variants(qstore, s.id, 2)
    kiosk_files.export_setup(qstore, s.id, tmp_path / "may.isokiosk", label="Máy 2")
    kiosk_files.import_setup(kiosk_pc, tmp_path / "may.isokiosk")
    on_kiosk = papers.ensure_variants(kiosk_pc, s.id, 2)
    assert [(v["code"], v["seed"], v["items"]) for v in on_kiosk] == \
        [(v["code"], v["seed"], v["items"]) for v in main_a]
    quiz_reports.variants_pdf(kiosk_pc, s.id, 2, tmp_path / "de-may2.pdf")
    quiz_reports.variants_pdf(qstore, s.id, 2, tmp_path / "de-chinh.pdf")
    assert pdf_text(tmp_path / "de-may2.pdf") == pdf_text(tmp_path / "de-chinh.pdf")
    with pytest.raises(QuizError) as exc:
        papers.ensure_variants(kiosk_pc, s.id, 3)   # "C" was never drawn on the main PC
    assert "máy kiểm tra (Máy 2)" in exc.value.message and "mã đề C" in exc.value.message
    assert [v["code"] for v in papers.list_variants(kiosk_pc, s.id)] == ["A", "B"]


def test_a_kiosk_pc_prepared_before_any_variant_prints_none(qstore, kiosk_pc, tmp_path):
    s = _prepared(qstore, kiosk_pc, tmp_path)
    with pytest.raises(QuizError, match="mã đề A"):
        papers.ensure_variants(kiosk_pc, s.id, 1)
    assert papers.ensure_variants(qstore, s.id, 1)[0]["code"] == "A"   # the main PC draws it
