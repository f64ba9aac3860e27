"""The training page as the ISO team uses it: sessions and the proctor's live view, the session
editor, the question bank (edit, import with its preview, export), item analysis, coverage."""
from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton

from desktop.models import users
from desktop.models.quiz import attempts, bank, papers, results, sessions
from desktop.views import common, pdf_preview
from desktop.views.context import ViewContext
from desktop.views.quiz import (
    bank_panel, coverage_panel, import_dialog, proctor_view, sessions_panel,
)
from desktop.views.quiz.bank_panel import BankPanel
from desktop.views.quiz.paper_entry_dialog import PaperEntryDialog
from desktop.views.quiz.question_dialog import QuestionDialog
from desktop.views.quiz.session_dialog import SessionDialog
from desktop.views.quiz.training_page import TrainingPage

from ..gui_helpers import retype, type_text
from .conftest import MOODLE, make_session, staff_ids


@pytest.fixture
def ctx(qstore):
    return ViewContext(qstore, users.find_user(qstore, "iso"))


@pytest.fixture
def quiet(monkeypatch):
    """Message boxes answered without a human; what they said is recorded."""
    said = []
    for module in (common, proctor_view, bank_panel, coverage_panel, sessions_panel):
        monkeypatch.setattr(module, "show_info", lambda _p, text, *a, **k: said.append(text),
                            raising=False)
        monkeypatch.setattr(module, "show_error",
                            lambda _p, err, *a, **k: said.append(f"ERROR {err}"), raising=False)
        monkeypatch.setattr(module, "confirm", lambda *a, **k: True, raising=False)
    previews = []
    monkeypatch.setattr(pdf_preview, "offer_preview",
                        lambda _p, path: previews.append(Path(path)))
    return said, previews


def finish(session_id, store, names=("CB001", "CB002", "CB003"), right=True):
    ids = staff_ids(store)
    for code in names:
        a = attempts.start_attempt(store, session_id, ids[code])
        for it in a.items:
            attempts.answer(store, a, it.position, it.correct_options if right else
                            [i for i in range(len(it.options)) if i not in it.correct_options][:1])
        attempts.submit(store, a)


def test_new_session_through_the_dialog(qtbot, qstore, ctx, quiet):
    page = TrainingPage(ctx)
    qtbot.addWidget(page)
    dlg = SessionDialog(qstore, parent=page)
    qtbot.addWidget(dlg)
    retype(dlg.place, "Hội trường tầng 3")
    dlg.end.setTime(dlg.start.time().addSecs(2 * 3600))
    assert dlg.duration_note.text()                       # warning: under half a day
    type_text(dlg.consultant, "Đỗ Minh Khôi")
    dlg.questions.setValue(6)
    dlg.blueprint["NT"].setValue(3)
    type_text(dlg.roster_search, "van")                    # people with "Văn" in their name
    qtbot.mouseClick(dlg.findChild(QPushButton, "untick_all"), Qt.MouseButton.LeftButton)
    type_text(dlg.pin, "1357")
    dlg.save()
    assert dlg.result() == QDialog.DialogCode.Accepted
    s = dlg.saved
    assert s.place == "Hội trường tầng 3" and s.settings["questions"] == 6
    assert s.settings["blueprint"] == {"NT": 3} and sessions.has_pin(qstore, s.id)
    listed = {r["full_name"] for r in sessions.attendance(qstore, s.id)}
    assert listed and not any("Văn" in n for n in listed)
    assert any("nửa ngày" in w for w in sessions.warnings(qstore, s))


def test_the_session_roster_ticks_by_mouse_and_by_the_space_bar(qtbot, qstore):
    """The roster is a read-only list (`make_table`): its tick boxes still answer."""
    from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyleOptionViewItem

    dlg = SessionDialog(qstore)
    qtbot.addWidget(dlg)
    dlg.show()
    table = dlg.roster_table
    dlg.tabs.setCurrentIndex(dlg.tabs.indexOf(table.parentWidget()))
    qtbot.waitUntil(table.isVisible)
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert dlg.roster_proxy.rowCount() > 1
    first = dlg.roster_proxy.object_at(0)
    was = first.id in dlg.roster.ticked
    index = dlg.roster_proxy.index(0, 0)
    option = QStyleOptionViewItem()
    option.rect = table.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = table.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option,
                                       table)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
    assert (first.id in dlg.roster.ticked) != was
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert (first.id in dlg.roster.ticked) == was


def test_session_dialog_shows_errors_beside_fields(qtbot, qstore):
    dlg = SessionDialog(qstore)
    qtbot.addWidget(dlg)
    dlg.place.clear()
    dlg.save()
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert dlg.errors.text("place")
    dlg.pin.setText("12")
    retype(dlg.place, "Phòng họp")
    dlg.save()
    assert dlg.errors.text("pin") and dlg.tabs.currentIndex() == 2


def test_proctor_view_is_live_and_makes_documents(qtbot, qstore, ctx, quiet, tmp_path):
    said, previews = quiet
    s = make_session(qstore, questions=4)
    page = TrainingPage(ctx)
    qtbot.addWidget(page)
    page.show()
    panel = page.sessions
    assert panel.selected().id == s.id
    view = panel.proctor
    assert view.model.rowCount() == 8
    finish(s.id, qstore, names=("CB001",))
    a = attempts.start_attempt(qstore, s.id, staff_ids(qstore)["CB002"])
    attempts.answer(qstore, a, 1, a.items[0].correct_options)
    qtbot.waitUntil(lambda: {r.status for r in view.model.items} >=
                    {"submitted", "in_progress", "not_started"}, timeout=5000)
    view.select_staff(staff_ids(qstore)["CB001"])
    for write, name in ((view.results_pdf, "ds.pdf"), (view.results_xlsx, "ds.xlsx"),
                        (view.slips_pdf, "phieu.pdf")):
        operation = write(tmp_path / name)   # written off the interface thread
        qtbot.waitUntil(lambda: operation.finished, timeout=30_000)
        assert operation.outcome == "done"
    assert previews == [tmp_path / "ds.pdf", tmp_path / "ds.xlsx", tmp_path / "phieu.pdf"]
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "ds.pdf").pages)
    assert "Nguyễn Văn An" in text and "CHUYÊN GIA TƯ VẤN" in text
    assert load_workbook(tmp_path / "ds.xlsx")["Kết quả"]["C4"].value
    # retake and present/absent on the selected person
    view.select_staff(staff_ids(qstore)["CB003"])
    view.toggle_present()
    assert not sessions.attendance_row(qstore, s.id, staff_ids(qstore)["CB003"])["present"]
    view.select_staff(staff_ids(qstore)["CB001"])
    view.allow_retake()
    assert sessions.attendance_row(qstore, s.id, staff_ids(qstore)["CB001"])["retakes_granted"]


def test_proctor_starts_the_kiosk(qtbot, qstore, ctx, quiet):
    s = make_session(qstore)
    view = proctor_view.ProctorView(ctx)
    qtbot.addWidget(view)
    view.set_session(s.id)
    k = view.start_kiosk(fullscreen=False)
    qtbot.addWidget(k)
    assert k.isVisible() and k.session.id == s.id
    k.leave()
    assert view.kiosk_window is None


def test_paper_variants_and_fast_entry(qtbot, qstore, ctx, quiet, tmp_path):
    s = make_session(qstore, questions=5)
    view = proctor_view.ProctorView(ctx)
    qtbot.addWidget(view)
    view.set_session(s.id)
    operation = view.print_variants(2, tmp_path / "de.pdf", tmp_path / "dapan.pdf")
    qtbot.waitUntil(lambda: operation.finished, timeout=30_000)
    assert (tmp_path / "dapan.pdf").exists()
    variant = papers.get_variant(qstore, s.id, "B")
    versions = bank.get_versions(qstore, [it.version_id for it in variant["items"]])
    letters = ""
    for it in variant["items"]:
        shown = sorted(it.option_order.index(i) for i in versions[it.version_id]["correct"])
        group = "".join(chr(65 + i) for i in shown)
        letters += group if len(group) == 1 else f"({group})"
    dlg = PaperEntryDialog(qstore, s.id)
    qtbot.addWidget(dlg)
    type_text(dlg.code, "cb007")
    assert "Bùi Văn Ẩn" in dlg.person.text()
    dlg.variant.setCurrentIndex(dlg.variant.findData("B"))
    type_text(dlg.answers, letters)
    assert "5" in dlg.progress.text() and "0" not in dlg.progress.text()
    dlg.save_one()
    assert dlg.model.rowCount() == 1 and dlg.model.items[0]["score"] == 5
    assert dlg.code.text() == "" and dlg.answers.text() == ""
    type_text(dlg.code, "CB007")
    type_text(dlg.answers, letters)
    dlg.save_one()                                      # a second paper of the same person
    assert dlg.message.text() and dlg.model.rowCount() == 1


def test_question_bank_edit_makes_a_version(qtbot, qstore, ctx, quiet):
    s = make_session(qstore, questions=12)
    finish(s.id, qstore, names=("CB001",))
    panel = BankPanel(ctx)
    qtbot.addWidget(panel)
    type_text(panel.search, "chu trinh PDCA")
    assert panel.proxy.rowCount() == 1
    panel.table.selectRow(0)
    q = panel.selected()
    dlg = QuestionDialog(qstore, q, panel)
    qtbot.addWidget(dlg)
    assert dlg.findChild(QLabel, "version_note") is not None
    retype(dlg.option_edits[1], "Lập kế hoạch – Làm – Báo cáo – Khen thưởng")
    dlg.save()
    assert dlg.new_version and dlg.saved.version_no == 2
    evidence = results.attempt_evidence(qstore, results.attempts_of_session(qstore, s.id)[0]["id"])
    shown = next(i for i in evidence["items"] if i["question_id"] == q.id)
    assert "Lập kế hoạch – Báo cáo – Khen thưởng – Kỷ luật" in shown["options"]


def test_question_dialog_errors(qtbot, qstore):
    dlg = QuestionDialog(qstore)
    qtbot.addWidget(dlg)
    type_text(dlg.option_edits[0], "Chỉ một")
    dlg.save()
    assert dlg.errors.text("text") and dlg.errors.text("options")


def test_import_with_preview_all_or_nothing(qtbot, qstore, ctx, quiet, monkeypatch):
    said, _ = quiet
    panel = BankPanel(ctx)
    qtbot.addWidget(panel)
    before = len(bank.list_questions(qstore))
    seen = {}

    def run(dialog):
        seen["problems"] = dialog.problems.rowCount()
        seen["enabled"] = dialog.import_button.isEnabled()
        dialog.gate.box.setChecked(True)
        seen["enabled_after"] = dialog.import_button.isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(import_dialog.ImportPreviewDialog, "exec", run)
    panel.import_file(str(MOODLE / "questions_in_category.gift.txt"))    # read off the UI thread
    qtbot.waitUntil(lambda: panel.last_import is not None, timeout=20000)
    out = panel.last_import
    # matching, "Greeting" (its sound file) and "Moodle user" (a short answer) are refused
    assert seen == {"problems": 3, "enabled": False, "enabled_after": True}
    assert out["imported"] == 1 and len(bank.list_questions(qstore)) == before + 1
    assert any("Default for New Features" in t.name for t in bank.list_topics(qstore))


def test_import_preview_tells_a_repeat_in_the_file_from_one_already_in_the_bank(qtbot, qstore):
    """Moodle's questions.gift.txt repeats one question (line 49 is line 46 again): the preview
    counts it as skipped without saying the bank already had it."""
    from desktop.output.quiz.formats import read_questions
    from desktop.models.quiz import bank_io
    from PySide6.QtWidgets import QLabel

    plan = bank_io.plan_import(qstore, read_questions(MOODLE / "questions.gift.txt"))
    assert [r.line for r in plan.skipped] == [49]
    dialog = import_dialog.ImportPreviewDialog(plan, "questions.gift.txt")
    qtbot.addWidget(dialog)
    head = dialog.findChild(QLabel, "import_head").text()
    assert "đã có trong ngân hàng: 1" not in head
    assert "lặp lại trong tệp" in head and head.endswith(": 1")
    kinds = {dialog.problems.index(r, 2).data() for r in range(dialog.problems.rowCount())}
    assert "Đã có, bỏ qua" not in kinds


def test_export_and_template(qtbot, qstore, ctx, quiet, tmp_path):
    panel = BankPanel(ctx)
    qtbot.addWidget(panel)
    out = panel.export_file(str(tmp_path / "b.xml"))
    assert out["written"] == 12 and (tmp_path / "b.xml").read_text(encoding="utf-8").count(
        'type="multichoice"') == 12
    panel.save_template(str(tmp_path / "mau.xlsx"))
    assert (tmp_path / "mau.xlsx").exists()


def test_stats_and_coverage_panels(qtbot, qstore, ctx, quiet, tmp_path):
    s = make_session(qstore, questions=12)              # every paper holds the whole bank
    finish(s.id, qstore, names=("CB001", "CB002"))
    finish(s.id, qstore, names=("CB003",), right=False)
    page = TrainingPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.stats.reload_scopes()
    page.stats.scope.setCurrentIndex(page.stats.scope.findData(s.id))
    qtbot.waitUntil(lambda: page.stats.refresh_button.isEnabled() and page.stats.result
                    is not None and page.stats.result.attempts == 3, timeout=5000)
    assert page.stats.model.rowCount() == 12
    assert page.stats.chart.series()
    page.stats.table.selectRow(0)
    assert "✔" in page.stats.detail.toPlainText()
    cov = page.coverage
    cov.reload()
    cov.state.setCurrentIndex(cov.state.findData("not_passed"))
    codes = {r.staff_code for r in cov.shown_rows()}
    assert codes == {"CB003", "CB004", "CB005", "CB006", "CB007", "CB008"}
    cov.export(str(tmp_path / "cov.xlsx"))
    ws = load_workbook(tmp_path / "cov.xlsx").active
    assert ws.max_row == 3 + len(codes)


def test_training_page_in_the_main_window(qtbot, qstore):
    from desktop.views.main_window import MainWindow

    make_session(qstore)
    window = MainWindow(ViewContext(qstore, users.find_user(qstore, "admin")))
    qtbot.addWidget(window)
    window.show()
    page = window.show_section("training")
    assert isinstance(page, TrainingPage)
    for i in range(page.tabs.count()):
        page.tabs.setCurrentIndex(i)


def test_session_dialog_fits_a_small_screen_and_needs_a_title(qtbot, qstore):
    dlg = SessionDialog(qstore)
    qtbot.addWidget(dlg)
    assert dlg.minimumSizeHint().height() <= 700
    assert dlg.title.text()                                 # a real default title, not a hint
    dlg.title.clear()
    dlg.tabs.setCurrentIndex(2)
    dlg.save()
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert dlg.errors.text("title") and dlg.tabs.currentIndex() == 0


def test_topics_show_by_name_with_the_code_in_a_tooltip(qtbot, qstore, ctx):
    from desktop.views.quiz.question_dialog import TopicsDialog
    from desktop.views.quiz.table_models import QuestionsModel

    panel = BankPanel(ctx)
    qtbot.addWidget(panel)
    model = panel.model
    shown = {model.data(model.index(r, QuestionsModel.TOPIC)) for r in range(model.rowCount())}
    assert "Tiếp cận theo quá trình và PDCA" in shown and "PDCA" not in shown
    tip = model.data(model.index(0, QuestionsModel.TOPIC), Qt.ItemDataRole.ToolTipRole)
    assert tip and model.items[0].topic_code in tip
    assert panel.topic.itemText(1) == bank.list_topics(qstore)[0].name
    q = bank.list_questions(qstore)[0]
    editor = QuestionDialog(qstore, q)
    qtbot.addWidget(editor)
    assert all(editor.topic.itemText(i) in {t.name for t in bank.list_topics(qstore)}
               for i in range(editor.topic.count()))
    topics = TopicsDialog(qstore)
    qtbot.addWidget(topics)
    assert topics.model.headers[0] == topics.model.tr("Name")
    assert topics.model.data(topics.model.index(0, 0)) == bank.list_topics(qstore)[0].name


def test_versions_show_vietnamese_dates(qtbot, qstore):
    from desktop.views.quiz.question_dialog import VersionsDialog

    q = bank.list_questions(qstore)[0]
    dlg = VersionsDialog(qstore, q)
    qtbot.addWidget(dlg)
    saved = dlg.model.data(dlg.model.index(0, 1))
    assert saved == common.vn_datetime(bank.versions_of(qstore, q.id)[0]["updated_at"])
    assert saved[2] == "/" and saved[5] == "/"


def test_item_analysis_chart_is_readable(qtbot, qstore, ctx):
    s = make_session(qstore, questions=12)
    finish(s.id, qstore, names=("CB001", "CB002"))
    page = TrainingPage(ctx)
    qtbot.addWidget(page)
    page.show()
    stats_panel = page.stats
    stats_panel.reload_scopes()
    stats_panel.scope.setCurrentIndex(stats_panel.scope.findData(s.id))
    qtbot.waitUntil(lambda: stats_panel.result is not None
                    and stats_panel.refresh_button.isEnabled(), timeout=5000)
    # readable, and small enough that the table above keeps five rows on a short screen
    assert stats_panel.chart_view.minimumHeight() >= 200
    axis_x = stats_panel.chart.axes(Qt.Orientation.Horizontal)[0]
    assert axis_x.labelsAngle() == 0 and axis_x.categories()[:3] == ["1", "2", "3"]
    assert "KR-20" in stats_panel.summary.text() and "KR-20" in stats_panel.summary.toolTip()
