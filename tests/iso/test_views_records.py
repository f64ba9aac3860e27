"""The ISO records section, driven as a user would: forms typed into, errors shown beside the
fields, stage buttons that follow the rules, imports previewed, the report saved and reopened."""
from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.output.iso.documents_xlsx import COLUMNS
from desktop.models import users
from desktop.models.iso.annual_report import ReportRepository
from desktop.models.iso.documents import DocumentRepository
from desktop.models.iso.nonconformities import NonconformityRepository
from desktop.models.iso.plan import PlanRepository
from desktop.models.iso.reviews import ReviewRepository
from desktop.models.iso.team import TeamRepository
from desktop.models.staff import StaffRepository
from desktop.views.context import ViewContext
from desktop.views.iso import documents_tab, nc_tab, plan_tab, team_tab
from desktop.views.iso.document_dialogs import DocumentDialog, TransitionDialog
from desktop.views.iso.nc_dialogs import NcDialog, StepDialog
from desktop.views.iso.page import IsoRecordsPage
from desktop.views.iso.plan_tab import DoneDialog, LoadPlanDialog
from desktop.views.iso.report_tab import ReportTab
from desktop.views.iso.reviews_tab import ReviewDialog, ReviewsTab
from desktop.views.iso.team_tab import MemberDialog, RosterMemberDialog
from desktop.views.main_window import MainWindow
from tests.gui_helpers import type_text

TODAY = dt.date.today()


def vn(days: int = 0) -> str:
    return (TODAY + dt.timedelta(days=days)).strftime("%d/%m/%Y")


def auto(dialog_cls, fill):
    """A dialog class whose exec() fills the form as a user would and presses Save."""
    class Auto(dialog_cls):
        def exec(self):
            fill(self)
            self.save()
            return self.result()
    return Auto


@pytest.fixture
def ctx(store, admin):
    return ViewContext(store, admin)


@pytest.fixture
def page(qtbot, ctx):
    p = IsoRecordsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1300, 850)
    p.show()
    return p


def test_navigation_to_a_part_and_a_record(qtbot, ctx, store):
    doc = DocumentRepository(store).add({"code": "QT-01", "title": "Một", "kind": "form"})
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    page = window.show_section(f"records/documents#{doc.id}")
    part = page.part("documents")
    qtbot.waitUntil(lambda: part.selected() is not None)
    assert part.selected().id == doc.id
    assert window.show_section("records").tabs.currentIndex() == 1
    window.show_section("records/nc")
    assert window.show_section("records").tabs.currentWidget().objectName() == "part_nc"


def test_member_form_shows_errors_beside_fields(qtbot, store, roster):
    repo = TeamRepository(store)
    repo.add_from_roster("ST001", "head")
    dlg = MemberDialog(repo)
    qtbot.addWidget(dlg)
    type_text(dlg.full_name, "Đỗ Minh Khôi 2")
    dlg.role.setCurrentIndex(dlg.role.findData("head"))
    type_text(dlg.phone, "12")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert "chữ số" in dlg.errors.text("full_name")
    assert "8–12" in dlg.errors.text("phone")
    dlg.full_name.setText("Đỗ Minh Khôi")
    dlg.phone.setText("0903123456")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert "Tổ trưởng" in dlg.errors.text("role")
    dlg.role.setCurrentIndex(dlg.role.findData("member"))
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert [m.full_name for m in repo.members()] == ["Phạm Quốc Hùng", "Đỗ Minh Khôi"]


def test_roster_dialog_and_team_tab(qtbot, ctx, store, roster, monkeypatch, tmp_path):
    dlg = RosterMemberDialog(TeamRepository(store), store)
    qtbot.addWidget(dlg)
    type_text(dlg.search, "thu ha")
    assert dlg.person.count() == 1 and "Lê Thị Thu Hà" in dlg.person.currentText()
    tab = team_tab.TeamTab(ctx)
    qtbot.addWidget(tab)

    def fill(d):
        d.search.setText("hung")
        d.role.setCurrentIndex(d.role.findData("head"))

    monkeypatch.setattr(team_tab, "RosterMemberDialog", auto(RosterMemberDialog, fill))
    with qtbot.waitSignal(ctx.data_changed):
        tab.add_from_roster()
    assert tab.model.rowCount() == 1 and tab.selected().full_name == "Phạm Quốc Hùng"
    assert tab.refresh_btn.isEnabled()
    shown = []
    monkeypatch.setattr(team_tab, "show_info", lambda parent, text, *a: shown.append(text))
    target = tmp_path / "to.xlsx"
    tab.export("xlsx", str(target))
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    qtbot.waitUntil(target.exists, timeout=10000)


def test_team_tab_marks_who_left_and_warns_on_export(qtbot, ctx, store, roster, monkeypatch,
                                                     tmp_path, message_boxes):
    tab = team_tab.TeamTab(ctx)
    qtbot.addWidget(tab)
    tab.export("xlsx", str(tmp_path / "empty.xlsx"))
    assert "chưa có thành viên nào" in message_boxes[-1]
    repo = TeamRepository(store)
    repo.add_from_roster("ST001", "head")
    repo.add_from_roster("ST003", "member")
    StaffRepository(store).set_active(roster["ST003"].id, False)
    tab.reload()
    row = next(i for i, m in enumerate(tab.model.items) if m.full_name == "Nguyễn Văn Thành")
    origin = tab.model.index(row, tab.model.columnCount() - 1).data()
    assert origin in ("danh sách cán bộ — đã nghỉ việc", "staff roster — no longer working here")
    assert tab.model.background(tab.model.items[row], 0) is not None
    shown = []
    monkeypatch.setattr(team_tab, "show_info", lambda parent, text, *a: shown.append(text))
    target = tmp_path / "to.xlsx"
    tab.export("xlsx", str(target))
    assert "Nguyễn Văn Thành" in message_boxes[-1]
    qtbot.waitUntil(target.exists, timeout=10000)


def test_documents_life_through_the_tab(qtbot, ctx, store, monkeypatch):
    tab = documents_tab.DocumentsTab(ctx)
    qtbot.addWidget(tab)

    def fill(d):
        type_text(d.code, "qt-tn-01")
        type_text(d.title_edit, "Quy trình tiếp nhận hồ sơ")
        d.kind.setCurrentIndex(d.kind.findData("tthc_procedure"))

    monkeypatch.setattr(documents_tab, "DocumentDialog", auto(DocumentDialog, fill))
    tab.add_document()
    doc = tab.selected()
    assert (doc.code, doc.state) == ("QT-TN-01", "draft")
    b = tab.buttons
    assert b["doc_approve"].isEnabled() and not b["doc_in_force"].isEnabled()
    assert b["doc_delete"].isEnabled() and not b["doc_obsolete"].isEnabled()

    step = {"when": vn(-2)}

    def fill_step(d):
        d.when.setText(step["when"])
        if d.approver is not None:
            d.approver.setText("Phạm Quốc Hùng - Giám đốc")
        if d.reason is not None:
            d.reason.setText("Bãi bỏ")

    monkeypatch.setattr(documents_tab, "TransitionDialog", auto(TransitionDialog, fill_step))
    tab.transition("approved")
    assert tab.selected().state == "approved"
    assert b["doc_in_force"].isEnabled() and b["doc_to_draft"].isEnabled()
    step["when"] = vn(-1)
    tab.transition("in_force")
    assert tab.selected().state == "in_force"
    assert b["doc_obsolete"].isEnabled() and b["doc_new_version"].isEnabled()
    assert not b["doc_approve"].isEnabled() and not b["doc_delete"].isEnabled()
    step["when"] = vn(0)
    tab.transition("obsolete")
    d = tab.selected()
    assert d.state == "obsolete"
    for name in ("doc_approve", "doc_in_force", "doc_obsolete", "doc_to_draft", "doc_edit",
                 "doc_delete"):
        assert not b[name].isEnabled(), name
    assert b["doc_history"].isEnabled()
    # the State column says since when the version is obsolete
    assert tab.model.headerData(5, Qt.Orientation.Horizontal) == "Trạng thái"
    assert tab.model.data(tab.model.index(0, 5)) == f"Hết hiệu lực từ {vn(0)}"
    from desktop.views.iso.document_dialogs import HistoryDialog

    history = HistoryDialog(DocumentRepository(store), d)
    qtbot.addWidget(history)
    assert history.model.rowCount() == 4
    who = {history.model.data(history.model.index(r, 1)) for r in range(4)}
    assert "system" not in who and who & {"System", "Hệ thống", store.actor}


def test_transition_dialog_refuses_dates_out_of_order(qtbot, store):
    repo = DocumentRepository(store)
    d = repo.add({"code": "QT-02", "title": "Hai", "kind": "form"})
    d = repo.approve(d.id, approver="GĐ", approved_on=vn(-1))
    dlg = TransitionDialog(repo, d, "in_force")
    qtbot.addWidget(dlg)
    dlg.when.setText(vn(-3))
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert "không được trước ngày phê duyệt" in dlg.errors.text("effective_on")
    assert repo.get(d.id).state == "approved"


def _register(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["DANH MỤC"])
    ws.append([])
    ws.append([h for _, h, _ in COLUMNS])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_import_preview_blocks_files_with_errors(qtbot, ctx, store, tmp_path, monkeypatch):
    tab = documents_tab.DocumentsTab(ctx)
    qtbot.addWidget(tab)
    bad = _register(tmp_path / "bad.xlsx", [
        ["QT-01", "Một", "Biểu mẫu", "2015", "01", "Dự thảo"],
        ["QT-02", "Hai", "Không rõ", "2015", "01", "Dự thảo"]])
    tab.import_excel(str(bad))
    qtbot.waitUntil(lambda: getattr(tab, "import_preview", None) is not None, timeout=10000)
    preview = tab.import_preview
    assert not preview.import_button.isEnabled()
    assert preview.findChild(type(preview.import_button).__mro__[0], "do_import") is not None
    assert preview.model.rowCount() == 2 and preview.model.plan.errors[0]["row"] == 5
    preview.reject()
    good = _register(tmp_path / "good.xlsx", [
        ["QT-01", "Một", "Biểu mẫu", "2015", "01", "Dự thảo"]])
    monkeypatch.setattr(documents_tab, "show_info", lambda *a, **k: None)
    tab.import_preview = None
    tab.import_excel(str(good))
    qtbot.waitUntil(lambda: tab.import_preview is not None, timeout=10000)
    assert tab.import_preview.import_button.isEnabled()
    with qtbot.waitSignal(tab.import_done, timeout=10000):
        tab.import_preview.accept()
    assert [d.code for d in tab.model.items] == ["QT-01"]
    assert store.scalar("SELECT count(*) FROM audit_log WHERE table_name = 'iso_documents'") == 1


def test_plan_tab_load_timeline_and_done(qtbot, ctx, store, monkeypatch):
    tab = plan_tab.PlanTab(ctx)
    qtbot.addWidget(tab)
    assert "trống" in tab.summary.text() or "empty" in tab.summary.text()
    monkeypatch.setattr(plan_tab, "LoadPlanDialog", auto(LoadPlanDialog, lambda d: None))
    tab.load_plan()
    assert tab.model.rowCount() == 9 and len(tab.timeline.items) == 9
    back, _ = tab.model.colour(tab.model.item(0))
    assert back is not None  # 2020 dates: overdue, in red
    dlg = LoadPlanDialog(PlanRepository(store))
    qtbot.addWidget(dlg)
    full = dlg.sets.currentText()
    assert dlg.set_name.text() == full and dlg.sets.toolTip() == full
    assert dlg.sets.itemData(0, Qt.ItemDataRole.ToolTipRole) == full
    dlg.start.setText("31/02/2027")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert "không phải ngày hợp lệ" in dlg.errors.text("start")
    tab.table.selectRow(0)
    item = tab.selected()
    dlg = DoneDialog(PlanRepository(store), item)
    qtbot.addWidget(dlg)
    dlg.when.setText(vn(3))
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert "không được sau hôm nay" in dlg.errors.text("completed_on")
    dlg.when.setText(vn(0))
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert PlanRepository(store).get(item.id).status == "done"
    tab.reload()
    with qtbot.waitSignal(tab.timeline.current_changed):
        qtbot.mouseClick(tab.timeline, Qt.MouseButton.LeftButton,
                         pos=tab.timeline.rect().topLeft() + type(
                             tab.timeline.rect().topLeft())(20, tab.timeline.TOP + 30))
    assert tab.selected().seq == 2


def test_nonconformity_steps_in_the_gui(qtbot, ctx, store, monkeypatch):
    tab = nc_tab.NcTab(ctx)
    qtbot.addWidget(tab)

    def fill(d):
        type_text(d.description, "Người dân phải đi lại hai lần")
        d.detected.setText(vn(-3))

    monkeypatch.setattr(nc_tab, "NcDialog", auto(NcDialog, fill))
    tab.add_nc()
    nc = tab.selected()
    assert nc.stage == "open"
    assert tab.buttons["nc_step"].text() in ("Plan corrective action…",
                                            "Lập kế hoạch khắc phục…")
    dlg = StepDialog(NonconformityRepository(store), nc)
    qtbot.addWidget(dlg)
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.errors.text("cause") and dlg.errors.text("owner") and dlg.errors.text("due_on")
    type_text(dlg.fields["cause"], "Hướng dẫn chưa đủ")
    type_text(dlg.fields["corrective_action"], "Lập bảng hướng dẫn hồ sơ")
    type_text(dlg.fields["owner"], "Trần Thị Hồng Nhung")
    dlg.fields["due_on"].setText(vn(10))
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Accepted
    nc = NonconformityRepository(store).get(nc.id)
    assert nc.stage == "planned"
    start = StepDialog(NonconformityRepository(store), nc)
    qtbot.addWidget(start)
    assert start.step == "in_progress"
    qtbot.mouseClick(start.save_button, Qt.MouseButton.LeftButton)
    verify = StepDialog(NonconformityRepository(store), NonconformityRepository(store).get(nc.id),
                        user_name="Phạm Quốc Hùng")
    qtbot.addWidget(verify)
    assert verify.fields["checked_by"].text() == "Phạm Quốc Hùng"
    verify.effective.setChecked(False)
    type_text(verify.fields["effectiveness"], "Vẫn còn phản ánh")
    qtbot.mouseClick(verify.save_button, Qt.MouseButton.LeftButton)
    assert NonconformityRepository(store).get(nc.id).stage == "planned"
    tab.reload()
    tab.select_id(nc.id)
    assert "Vẫn còn phản ánh" in tab.detail.text()


def test_reviews_tab_reminder_and_checklist(qtbot, ctx, store, roster):
    TeamRepository(store).add_from_roster("ST001", "head")
    tab = ReviewsTab(ctx)
    qtbot.addWidget(tab)
    assert "#b00020" in tab.reminder.styleSheet()
    dlg = ReviewDialog(ReviewRepository(store), TeamRepository(store))
    qtbot.addWidget(dlg)
    type_text(dlg.chair, "Phạm Quốc Hùng")
    qtbot.mouseClick(dlg.findChild(type(dlg.save_button), "fill_participants"),
                     Qt.MouseButton.LeftButton)
    assert "Phạm Quốc Hùng — Giám đốc" in dlg.participants.value()
    dlg.inputs["objectives"][0].setChecked(True)
    type_text(dlg.inputs["audit_results"][1], "Hai đợt, 2 điểm không phù hợp")
    dlg.next_review.setText(vn(-10))
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert "không được trước ngày họp" in dlg.errors.text("next_review_on")
    dlg.next_review.setText(vn(300))
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    review = ReviewRepository(store).latest()
    assert review.covered == ["objectives", "audit_results"]
    tab.reload()
    assert "#1e7b34" in tab.reminder.styleSheet()


def test_report_tab_saves_reopens_and_makes_final(qtbot, ctx, store, monkeypatch, tmp_path):
    monkeypatch.setattr("desktop.views.iso.report_tab.confirm", lambda *a, **k: True)
    shown = []
    monkeypatch.setattr("desktop.views.iso.report_tab.show_info",
                        lambda parent, text, *a: shown.append(text))
    tab = ReportTab(ctx)
    qtbot.addWidget(tab)
    year = tab.year.value()
    assert tab.section_list.count() == 10
    assert tab.section_list.item(6).text().strip() == "1. Ưu điểm"     # a part of VI.
    tab.section_list.setCurrentRow(5)
    type_text(tab.text, "Thiếu cán bộ chuyên trách.")
    assert tab.dirty
    tab.section_list.setCurrentRow(2)
    assert tab.facts_model.rowCount() > 3  # the figures of the documents section
    assert tab.save()
    saved = ReportRepository(store).for_year(year)
    assert saved.sections[5].text == "Thiếu cán bộ chuyên trách."
    tab.load(year)
    tab.section_list.setCurrentRow(5)
    assert tab.text.toPlainText() == "Thiếu cán bộ chuyên trách."
    tab.make_final()
    assert tab.errors.text("report_on") and tab.errors.text("signer_name")
    assert ReportRepository(store).for_year(year).status == "draft"
    tab.report_on.setText(vn(0))
    tab.signer_name.setText("Phạm Quốc Hùng")
    tab.make_final()
    assert ReportRepository(store).for_year(year).status == "final"
    assert tab.text.isReadOnly() and not tab.buttons["report_save"].isEnabled()
    assert tab.buttons["report_reopen"].isEnabled()
    target = tmp_path / "bc.xlsx"
    tab.export("xlsx", str(target))
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert target.exists()
    tab.preview()
    qtbot.waitUntil(lambda: getattr(tab, "preview_dialog", None) is not None, timeout=15000)
    assert tab.preview_dialog.page_count() >= 2
    tab.preview_dialog.close()
    tab.reopen()
    assert ReportRepository(store).for_year(year).status == "draft"


def test_sections_can_be_added_moved_and_removed(qtbot, ctx, store, monkeypatch):
    monkeypatch.setattr("desktop.views.iso.report_tab.confirm", lambda *a, **k: True)
    monkeypatch.setattr("desktop.views.iso.report_tab.QInputDialog.getText",
                        lambda *a, **k: ("Kết quả cải cách TTHC", True))
    tab = ReportTab(ctx)
    qtbot.addWidget(tab)
    tab.add_section()
    assert tab.section_list.count() == 11 and tab.section_list.currentRow() == 10
    tab.move_section(-1)
    assert tab.sections[9].title == "Kết quả cải cách TTHC"
    tab.figures_group.setCurrentIndex(tab.figures_group.findData("audits"))
    assert tab.sections[9].figures == "audits"
    tab.toggle_level()                      # a part of the section above it: "4." under VI.
    assert tab.section_list.item(9).text().strip() == "4. Kết quả cải cách TTHC"
    assert tab.section_list.item(10).text() == "VII. Kiến nghị, đề xuất"
    tab.section_list.setCurrentRow(0)
    tab.remove_section()
    assert len(tab.sections) == 10
    assert tab.save()
    saved = ReportRepository(store).for_year(tab.report.year).sections
    assert saved[8].title == "Kết quả cải cách TTHC" and saved[8].level == 2
    assert len(saved) == 10


def test_read_only_users_see_no_edit_buttons(qtbot, store):
    proctor = users.find_user(store, "giamthi")
    p = IsoRecordsPage(ViewContext(store, proctor))
    qtbot.addWidget(p)
    p.show()
    docs = p.show_part("documents")
    assert docs.buttons["doc_add"].isHidden() and not docs.buttons["doc_history"].isHidden()
    nc = p.show_part("nc")
    assert nc.buttons["nc_step"].isHidden()
    report = p.show_part("report")
    assert report.buttons["report_save"].isHidden() and report.text.isReadOnly()


def test_review_reminder_banner_on_the_page(qtbot, page, store):
    assert page.banner.isVisible()
    ReviewRepository(store).add({"held_on": vn(-1), "chair": "GĐ", "participants": "A"})
    page.ctx.announce_changes()
    assert not page.banner.isVisible()


def test_deadline_can_be_changed_by_an_administrator(qtbot, ctx, store, message_boxes):
    from desktop.models.iso.figures import deadline_month_day

    tab = ReportTab(ctx)
    qtbot.addWidget(tab)
    assert not tab.deadline_btn.isHidden()
    tab.change_deadline("30/11")
    assert deadline_month_day(store) == (11, 30)
    assert "30/11/" in tab.status.text()
    tab.change_deadline("31/02")
    assert deadline_month_day(store) == (11, 30) and message_boxes


def test_preview_prints_and_saves(qtbot, store, roster, tmp_path):
    import io

    from PySide6.QtPrintSupport import QPrinter
    from pypdf import PdfReader

    from desktop.output.iso.team_list import team_list_data, team_story
    from desktop.output.pdf import build_official_pdf
    from desktop.views.pdf_preview import PdfPreviewDialog

    TeamRepository(store).add_from_roster("ST001", "head")
    buf = io.BytesIO()
    build_official_pdf(buf, team_story(team_list_data(store)))
    dialog = PdfPreviewDialog(buf.getvalue(), "Danh sách", "to-iso.pdf")
    qtbot.addWidget(dialog)
    assert dialog.page_count() == 1
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    dialog.print_document(printer)
    qtbot.waitUntil(lambda: dialog.printed is not None, timeout=20000)
    assert dialog.printed == 1 and len(PdfReader(out).pages) == 1
    dialog.save_as(str(tmp_path / "copy.pdf"))
    assert (tmp_path / "copy.pdf").read_bytes() == buf.getvalue()


def test_a_province_sends_its_plan_down(qtbot, store, admin, monkeypatch):
    from desktop.models.unit import get_profile, save_profile
    from desktop.views.iso.plan_tab import PublishDialog

    profile = get_profile(store)
    profile.level = "province"
    save_profile(store, profile)
    PlanRepository(store).add({"title": "Rà soát", "due_on": vn(30)})
    ctx = ViewContext(store, admin)
    tab = plan_tab.PlanTab(ctx)
    qtbot.addWidget(tab)
    assert not tab.buttons["plan_publish"].isHidden()

    def fill(d):
        type_text(d.title_edit, "Kế hoạch chuyển đổi của tỉnh")

    shown = []
    monkeypatch.setattr(plan_tab, "PublishDialog", auto(PublishDialog, fill))
    monkeypatch.setattr(plan_tab, "show_info", lambda parent, text, *a: shown.append(text))
    tab.publish()
    assert shown and "KH-" in shown[0]
    sets = [s for s in PlanRepository(store).template_sets() if s["origin_unit"] == "BHXHTEST"]
    assert sets[0]["set_title"] == "Kế hoạch chuyển đổi của tỉnh"


def test_short_columns_are_never_cut_in_a_narrow_table(qtbot, ctx, monkeypatch):
    tab = plan_tab.PlanTab(ctx)
    qtbot.addWidget(tab)
    monkeypatch.setattr(plan_tab, "LoadPlanDialog", auto(LoadPlanDialog, lambda d: None))
    tab.load_plan()
    tab.resize(900, 600)
    tab.show()
    qtbot.waitExposed(tab)
    table, header = tab.table, tab.table.horizontalHeader()
    deadline = next(c for c in range(header.count())
                    if tab.model.headers[c] in ("Deadline", "Thời hạn"))
    dates = [tab.model.data(tab.model.index(r, deadline)) for r in range(tab.model.rowCount())]
    assert all(d.count("/") == 2 for d in dates)
    assert header.sectionSize(deadline) >= table.sizeHintForColumn(deadline)
    # its header is whole: on one line, or wrapped onto two in a header two lines high
    assert header.sectionSize(deadline) >= header.sectionSizeHint(deadline) or \
        header.height() >= 2 * header.fontMetrics().lineSpacing()
