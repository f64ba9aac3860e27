"""The minutes pages with real widgets (offscreen): register, editor with autosave and crash
recovery, signing dialog, read-only signed minutes, preview, printing, export."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pypdf import PdfReader

from desktop.models import minutes as M
from desktop.models import users
from desktop.views.context import ViewContext
from desktop.views.minutes.editor import MinutesEditor
from desktop.views.minutes.page import MinutesPage
from desktop.views.minutes.preview import PreviewDialog
from desktop.views.minutes.sign_dialog import SignDialog

from ..conftest import PASSWORD, ROOT
from ..gui_helpers import type_text
from .helpers import sample, signed, tamper


@pytest.fixture
def ctx(store, qtbot):
    user = users.find_user(store, "tuvan")
    store.actor = "tuvan"
    return ViewContext(store, user)


@pytest.fixture
def page(ctx, qtbot):
    widget = MinutesPage(ctx)
    qtbot.addWidget(widget)
    return widget


def editor_for(ctx, qtbot, revision_id) -> MinutesEditor:
    editor = MinutesEditor(ctx, revision_id)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def test_register_search_filters_and_export(store, page, tmp_path):
    signed(store, sample(subject="Đào tạo nhận thức", date="2026-01-10"), confirm=True)
    signed(store, sample(subject="Soát xét tài liệu", date="2026-02-10"))
    M.create(store, sample(subject="Đánh giá nội bộ", date="2025-12-01"))
    page.reload()
    assert page.proxy.rowCount() == 3
    page.search.setText("dao tao")
    assert page.proxy.rowCount() == 1
    page.search.clear()
    page.status_filter.setCurrentIndex(page.status_filter.findData("signed"))
    assert [e.subject for e in page.visible_entries()] == ["Soát xét tài liệu"]
    page.status_filter.setCurrentIndex(0)
    page.year_filter.setCurrentIndex(page.year_filter.findData(2025))
    assert [e.subject for e in page.visible_entries()] == ["Đánh giá nội bộ"]
    page.year_filter.setCurrentIndex(0)
    assert "3" in page.count_label.text()


def test_export_button_writes_what_is_shown(store, page, tmp_path, monkeypatch):
    signed(store, sample(subject="Đào tạo nhận thức"), confirm=True)
    M.create(store, sample(subject="Soát xét"))
    page.reload()
    page.status_filter.setCurrentIndex(page.status_filter.findData("confirmed"))
    monkeypatch.setattr("desktop.views.minutes.page.show_info", lambda *a, **k: None)
    path = tmp_path / "xac-nhan.xlsx"
    page.export_excel(str(path))
    ws = load_workbook(path).active
    assert ws.cell(row=5, column=4).value == "Đào tạo nhận thức"
    assert ws.cell(row=5, column=13).value == "Hợp lệ"
    assert ws.cell(row=6, column=2).value is None


def test_new_minutes_from_a_template_autosaves_and_survives_a_crash(ctx, page, qtbot, store,
                                                                   answer):
    before = len(M.register(store))
    editor = page.new_minutes("training")
    assert editor.rev is None and len(M.register(store)) == before   # nothing numbered yet
    assert editor.form.subject.text().startswith("Đào tạo nhận thức")
    assert editor.form.secretary.currentText() == "Đỗ Minh Khôi"  # the consultant signed in
    editor.form.subject.clear()
    type_text(editor.form.subject, "Đào tạo ngày thứ hai")
    editor.form.content.moveCursor(editor.form.content.textCursor().MoveOperation.End)
    type_text(editor.form.content, " Ghi thêm sau cùng.")
    key = editor.buffer_key
    qtbot.waitUntil(lambda: (M.autosave.load(store, key) or {}).get("payload", {})
                    .get("content", "").endswith("Ghi thêm sau cùng."), timeout=5000)
    # Still no record: a crash now must not lose the typing, and must not leave a number.
    assert len(M.register(store)) == before
    editor.hide()
    editor.deleteLater()  # gone without closeEvent, as in a crash
    qtbot.wait(10)
    reopened = page.new_minutes("training")     # the next new one of that kind offers it back
    qtbot.addWidget(reopened)
    assert reopened.form.subject.text() == "Đào tạo ngày thứ hai"
    assert reopened.form.content.toPlainText().endswith("Ghi thêm sau cùng.")
    banner = reopened.banner_text.text()
    assert reopened.banner.isVisible() and ("Recovered" in banner or "khôi phục" in banner.lower())
    assert reopened.save()
    rev = reopened.rev
    assert rev.subject == "Đào tạo ngày thứ hai" and rev.number
    assert len(M.register(store)) == before + 1 and page.editors[rev.minutes_id] is reopened
    assert M.autosave.load(store, key) is None
    assert "Đào tạo ngày thứ hai" in reopened.windowTitle()


def test_unsaved_new_minutes_after_a_power_cut_is_pointed_at_from_the_register(ctx, store,
                                                                               qtbot):
    """A power cut while a new minutes was being typed: the next start shows, on the register
    and in the "New minutes" menu, that its text is waiting and under which kind."""
    key = M.autosave.new_minutes_key("management_review", "tuvan")
    M.autosave.save(store, key, {"subject": "Họp xem xét", "content": "Đang gõ dở"},
                    username="tuvan")
    M.autosave.save(store, M.autosave.new_minutes_key("training", "iso"), {"content": "x"},
                    username="iso")                 # another person's: not shown to this one
    page = MinutesPage(ctx)
    qtbot.addWidget(page)
    label = M.get_template("management_review").label
    texts = {a.text() for a in page.new_button.menu().actions()}
    marked = [t for t in texts if t.startswith(label) and t != label]
    assert len(marked) == 1 and "chưa lưu" in marked[0]
    training = M.get_template("training").label
    assert training in texts
    assert "chưa lưu" in page.count_label.text() and label in page.count_label.text()
    editor = page.new_minutes("management_review")
    qtbot.addWidget(editor)
    assert editor.form.content.toPlainText() == "Đang gõ dở"
    assert editor.save()
    page.reload()
    assert label in {a.text() for a in page.new_button.menu().actions()}
    assert "chưa lưu" not in page.count_label.text()


@pytest.fixture
def answer(monkeypatch):
    """answer(name): the next message boxes are answered by clicking their button `name` (the
    question "save the new minutes?" has save_new, drop_new, keep_writing); what they said is
    kept in answer.said. Unsaved new editors left open are dropped at the end of the test."""
    from PySide6.QtWidgets import QMessageBox

    said = []

    def choose(name):
        def run(box):
            said.append(box.text())
            box.findChild(type(box.buttons()[0]), name).click()
            return 0
        monkeypatch.setattr(QMessageBox, "exec", run)

    choose.said = said
    choose("drop_new")
    return choose


def test_closing_an_unsaved_new_minutes_asks(ctx, page, qtbot, store, answer):
    answers = answer.said
    before = len(M.register(store))
    editor = page.new_minutes("blank")
    qtbot.addWidget(editor)
    type_text(editor.form.subject, "Họp rà soát")
    answer("keep_writing")
    editor.close()
    assert editor.isVisible() and len(M.register(store)) == before
    answer("drop_new")
    editor.close()
    assert not editor.isVisible() and len(M.register(store)) == before
    assert M.autosave.load(store, editor.buffer_key) is None
    other = page.new_minutes("blank")
    qtbot.addWidget(other)
    assert other.form.subject.text() == ""               # nothing offered back: it was dropped
    type_text(other.form.subject, "Họp rà soát lần hai")
    answer("save_new")
    other.close()
    assert not other.isVisible() and len(M.register(store)) == before + 1
    assert "chưa có số" in answers[0] or "no number" in answers[0]


def test_training_minutes_are_filled_from_the_session(ctx, page, qtbot, store, answer):
    from desktop.models.quiz import sessions
    from desktop.models.staff import StaffRepository

    repo = StaffRepository(store)
    ids = [repo.add({"staff_code": f"CB{i:03d}", "full_name": name}).id
           for i, name in enumerate(["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường",
                                     "Phạm Thị Dung", "Hoàng Văn Đức"], start=1)]
    s = sessions.create_session(store, {
        "date": "2026-03-10", "place": "Phòng họp tầng 2", "start_time": "08:00",
        "end_time": "11:00", "consultant": "Nguyễn Thị Phương Thảo",
        "consultant_org": "Công ty Tư vấn Trường An", "iso_representative": "Lê Thị Thu Hà",
        "part_dvd": True, "part_guidance": True, "part_test": True,
        "settings": {"questions": 5, "pass_mark": 50}}, staff_ids=ids)
    sessions.set_present(store, s.id, ids[4], False)
    editor = page.new_minutes("training")
    qtbot.addWidget(editor)
    state = editor.form.state()
    assert state["date"] == "2026-03-10" and state["place"] == "Phòng họp tầng 2"
    assert (state["start_time"], state["end_time"]) == ("08:00", "11:00")
    assert "Số cán bộ tham dự: 4/5 người" in state["content"]
    assert "làm bài kiểm tra: 0 người, trong đó 0 người đạt yêu cầu" in state["content"]
    consultant = next(p for p in state["participants"] if p["side"] == "consultant")
    assert consultant["name"] == "Nguyễn Thị Phương Thảo"


def test_a_hard_killed_process_loses_nothing(store, data_dir, tmp_path):
    rev = M.create(store, sample())
    script = tmp_path / "crash.py"
    script.write_text(textwrap.dedent(f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        sys.path.insert(0, {str(ROOT)!r})
        from PySide6.QtWidgets import QApplication
        from PySide6.QtCore import QTimer
        from desktop.models.datafile import open_store
        from desktop.models import users, minutes as M
        from desktop.views.context import ViewContext
        from desktop.views.minutes.editor import MinutesEditor
        app = QApplication([])
        store = open_store({str(data_dir / 'isodesk.sqlite')!r}, actor="tuvan")
        ctx = ViewContext(store, users.find_user(store, "tuvan"))
        editor = MinutesEditor(ctx, {rev.id!r})
        editor.show()
        editor.form.conclusions.setPlainText("Gõ xong thì mất điện")
        def check():
            if M.autosave.load(store, {rev.id!r}):
                os._exit(9)  # the power goes: no close, no save, no clean exit
        timer = QTimer(); timer.timeout.connect(check); timer.start(50)
        QTimer.singleShot(20000, lambda: os._exit(3))
        app.exec()
    """), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, timeout=60)
    assert proc.returncode == 9, proc.stderr.decode(errors="replace")
    recovered = M.autosave.load(store, rev.id)
    assert recovered["payload"]["conclusions"] == "Gõ xong thì mất điện"
    assert M.load_revision(store, rev.id).conclusions == "Các bộ phận hoàn thiện tài liệu."


def test_closing_saves_and_bad_characters_are_shown_beside_the_field(ctx, qtbot, store,
                                                                     monkeypatch):
    rev = M.create(store, sample())
    editor = editor_for(ctx, qtbot, rev.id)
    editor.form.place.setText("Hội trường 😀")
    assert not editor.save()
    assert "U+1F600" in editor.form.errors.text("place")
    assert "⚠" in editor.form.tabs.tabText(0)
    editor.form.place.setText("Hội trường")
    type_text(editor.form.chair.lineEdit(), " (Giám đốc)")
    editor.close()
    assert M.load_revision(store, rev.id).chair == "Phạm Quốc Hùng (Giám đốc)"


def test_bullets_in_the_content(ctx, qtbot, store):
    rev = M.create(store, sample(content="Một\nHai"))
    editor = editor_for(ctx, qtbot, rev.id)
    edit = editor.form.content
    edit.selectAll()
    edit.toggle_bullets()
    assert edit.toPlainText() == "- Một\n- Hai"
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    type_text(edit, "Ba")
    assert edit.toPlainText() == "- Một\n- Hai\n- Ba"
    edit.selectAll()
    edit.toggle_bullets()
    assert edit.toPlainText() == "Một\nHai\nBa"


def test_participants_from_the_roster(ctx, qtbot, store):
    from desktop.models.staff import StaffRepository

    StaffRepository(store).add({"staff_code": "CB9", "full_name": "Mai Xuân Sơn",
                                "position": "Tổ trưởng"})
    rev = M.create(store, sample())
    editor = editor_for(ctx, qtbot, rev.id)
    editor.add_from_roster(names=["Mai Xuân Sơn", "Lê Thị Thu Hà"])
    names = [r["name"] for r in editor.form.unit_model.rows]
    assert names.count("Lê Thị Thu Hà") == 1 and "Mai Xuân Sơn" in names
    assert editor.save()
    people = M.load_revision(store, rev.id).participants
    son = [p for p in people if p["name"] == "Mai Xuân Sơn"][0]
    assert son["side"] == "unit" and son["staff_id"] and son["position"] == "Tổ trưởng"


def test_chair_and_secretary_lists_in_the_roster_order(ctx, qtbot, store):
    """The people to pick as chair or secretary come in the staff list's order (given name,
    then family name, Vietnamese letters in their place), not in code-point order where
    "Hoàng" and "Huỳnh" come before "Hà"."""
    from desktop.models.staff import StaffRepository

    for code, name in (("CB91", "Huỳnh Văn Đức"), ("CB92", "Hoàng Văn Đức"),
                       ("CB93", "Hà Văn Đức"), ("CB94", "Hồ Văn Đức"), ("CB95", "Ân Thị Ánh")):
        StaffRepository(store).add({"staff_code": code, "full_name": name})
    rev = M.create(store, sample())
    editor = editor_for(ctx, qtbot, rev.id)
    for combo in (editor.form.chair, editor.form.secretary):
        items = [combo.itemText(i) for i in range(combo.count())]
        ducs = [n for n in items if n.endswith("Văn Đức")]
        assert ducs == ["Hà Văn Đức", "Hoàng Văn Đức", "Hồ Văn Đức", "Huỳnh Văn Đức"]
        assert items.index("Ân Thị Ánh") < items.index("Hà Văn Đức")


def test_sign_dialog_refuses_a_wrong_password_then_signs(ctx, qtbot, store):
    rev = M.create(store, sample(), complete=True)
    dialog = SignDialog(ctx, rev.id)
    qtbot.addWidget(dialog)
    assert "Người lập biên bản" in dialog.findChild(type(dialog.error), "sign_capacity").text()
    assert dialog.new_account.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.username, "tuvan")
    assert "Đỗ Minh Khôi" in dialog.signer_label.text()
    assert rev.number in dialog.statement.text() and "1" in dialog.statement.text()
    qtbot.keyClicks(dialog.password, "sai-mat-khau")
    assert not dialog.sign_button.isEnabled()  # the statement is not agreed yet
    dialog.agree.setChecked(True)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Sai tên đăng nhập" in dialog.error.text(), timeout=5000)
    assert dialog.password.text() == "" and M.load_revision(store, rev.id).status == "draft"
    assert store.scalar("SELECT failed_attempts FROM users WHERE username='tuvan'") == 1
    qtbot.keyClicks(dialog.password, PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert M.load_revision(store, rev.id).status == "signed"


def test_a_province_committee_member_confirms_as_such(ctx, qtbot, store):
    from desktop.models import users

    users.create_user(store, "bcd", "Vũ Thị Lan", "iso_team", PASSWORD,
                      position="Phó Trưởng Ban Chỉ đạo ISO BHXH tỉnh")
    rev = signed(store)
    dialog = SignDialog(ctx, rev.id)
    qtbot.addWidget(dialog)
    assert dialog.capacity.isVisibleTo(dialog) and dialog.capacity.count() == 2
    dialog.username.setText("bcd")
    dialog.username.editingFinished.emit()
    assert dialog.capacity.currentData() == "Ban Chỉ đạo ISO Bảo hiểm xã hội tỉnh Thử Thách"
    assert "Ban Chỉ đạo ISO" in dialog.sign_button.text()
    assert "Ban Chỉ đạo ISO" in dialog.statement.text()
    dialog.password.setText(PASSWORD)
    dialog.agree.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    confirm = M.load_revision(store, rev.id).signature("confirm")
    assert confirm["meaning_text"] == ("Xác nhận của đại diện Ban Chỉ đạo ISO Bảo hiểm xã hội "
                                       "tỉnh Thử Thách")


def test_confirmation_by_another_person_on_the_same_computer(ctx, qtbot, store):
    rev = signed(store)
    dialog = SignDialog(ctx, rev.id)  # the consultant is logged in; the ISO lead confirms
    qtbot.addWidget(dialog)
    assert dialog.meaning == "confirm"
    assert not dialog.new_account.isVisibleTo(dialog)
    dialog.username.setText("iso")
    dialog.password.setText(PASSWORD)
    dialog.agree.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        dialog.do_sign()
    rev = M.load_revision(store, rev.id)
    assert rev.status == "confirmed" and rev.pdf_sha256


def test_admin_creates_a_consultant_account_on_the_spot(store, qtbot, monkeypatch):
    admin = users.find_user(store, "admin")
    ctx = ViewContext(store, admin)
    rev = M.create(store, sample(), complete=True)
    dialog = SignDialog(ctx, rev.id)
    qtbot.addWidget(dialog)

    def fake_exec(self):
        self.username.setText("chuyengia2")
        self.full_name.setText("Trịnh Văn Bảo")
        self.password.setText("mat-khau-cg-2")
        self.password2.setText("mat-khau-cg-2")
        self.save()
        return self.result()

    monkeypatch.setattr("desktop.views.users_view.NewUserDialog.exec", fake_exec)
    dialog.create_account()
    created = users.find_user(store, "chuyengia2")
    assert created is not None and created.role == "consultant"
    assert dialog.username.text() == "chuyengia2" and "Trịnh Văn Bảo" in dialog.signer_label.text()
    dialog.password.setText("mat-khau-cg-2")
    dialog.agree.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.do_sign()
    assert M.load_revision(store, rev.id).signature("author")["full_name"] == "Trịnh Văn Bảo"


def test_a_signed_minutes_opens_read_only_and_changes_need_a_new_revision(ctx, qtbot, store):
    rev = signed(store, confirm=True)
    editor = editor_for(ctx, qtbot, rev.id)
    assert not editor.editable
    assert editor.form.subject.isReadOnly() and editor.form.content.isReadOnly()
    assert not editor.buttons["save"].isVisible() and editor.buttons["new_revision"].isVisible()
    assert "Đỗ Minh Khôi" in editor.banner_text.text()
    type_text(editor.form.subject, "xyz")
    assert editor.form.subject.text() == rev.subject and M.autosave.pending(store) == set()
    editor.new_revision(reason="Bổ sung")
    assert editor.editable and editor.rev.revision_no == 2
    assert editor.revision_box.count() == 2
    editor.revision_box.setCurrentIndex(0)
    editor._pick_revision(0)
    assert editor.rev.id == rev.id and not editor.editable  # the old one, as it was signed


def test_altered_copy_is_shown_plainly(ctx, qtbot, store, page):
    rev = signed(store, confirm=True)
    tamper(store, "UPDATE minutes_revisions SET subject = 'Sửa lén' WHERE id = ?", (rev.id,))
    editor = editor_for(ctx, qtbot, rev.id)
    text = editor.banner_text.text()
    assert "altered after signing" in text or "bị thay đổi sau khi ký" in text
    page.reload()
    assert page.model.integrity[rev.minutes_id] == "altered"
    page.select_minutes(rev.minutes_id)
    dialog = page.verify_selected()
    qtbot.addWidget(dialog)
    from PySide6.QtWidgets import QLabel, QTextBrowser

    assert dialog.result["valid"] is False
    assert "Nội dung đã bị thay đổi" in dialog.findChild(QTextBrowser, "verify_details").toPlainText()
    headline = dialog.findChild(QLabel, "verify_headline").text()
    assert "altered after signing" in headline or "bị thay đổi sau khi ký" in headline


def test_preview_print_and_save(ctx, qtbot, store, tmp_path, monkeypatch):
    rev = signed(store, confirm=True)
    dialog = PreviewDialog(ctx, rev.id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.document.pageCount() > 0, timeout=10000)
    pages = dialog.document.pageCount()
    assert pages == len(PdfReader(__import__("io").BytesIO(dialog.data)).pages)
    monkeypatch.setattr("desktop.views.pdf_preview.show_info", lambda *a, **k: None)
    saved = tmp_path / "bb.pdf"
    dialog.save_as(str(saved))
    assert saved.read_bytes() == dialog.data
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    job = dialog.print_document(printer)   # an operation, like every long job
    qtbot.waitUntil(lambda: job.finished, timeout=30000)
    assert job.outcome == "done" and job.result == pages and dialog.printed == pages
    qtbot.waitUntil(lambda: out.exists() and out.stat().st_size > 0, timeout=5000)
    assert len(PdfReader(out).pages) == pages
    dialog.copies.setChecked(False)
    qtbot.waitUntil(lambda: dialog.document.pageCount() == pages // 3, timeout=10000)


def test_printing_stops_after_the_current_page(ctx, qtbot, store, tmp_path):
    from desktop.models.progress import Cancelled
    from desktop.views import pdf_preview

    dialog = PreviewDialog(ctx, signed(store, confirm=True).id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.document.pageCount() > 1, timeout=10000)
    pages = dialog.document.pageCount()

    class StopPressed:   # what the operation's job does once Stop is pressed
        cancelled = False
        reports: list = []

        def progress(self, done, total, text=""):
            self.reports.append((done, total, text))
            self.cancelled = True
            raise Cancelled()

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    job = StopPressed()
    assert pdf_preview.print_pdf(dialog.data, printer, job, "Trang %1/%2") == 1
    assert job.reports == [(1, pages, f"Trang 1/{pages}")]
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 1   # the page sent stays sent


def test_page_in_the_main_window(ctx, qtbot, store):
    from desktop.views.main_window import MainWindow

    signed(store, confirm=True)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    page = window.show_section("minutes")
    assert isinstance(page, MinutesPage)
    assert page.model.rowCount() == 1
    assert page.new_button.isVisible() or not window.isVisible()


def test_a_link_from_another_section_selects_the_minutes(ctx, qtbot, store):
    from desktop.views.main_window import MainWindow

    first = M.create(store, sample(subject="Đào tạo nhận thức", date="2026-01-10"))
    M.create(store, sample(subject="Soát xét tài liệu", date="2025-02-10"))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    page = window.show_section("minutes")
    page.year_filter.setCurrentIndex(page.year_filter.findData(2025))  # would hide the first
    ctx.navigate.emit(f"minutes/#{first.minutes_id}")
    assert page.selected() is not None and page.selected().minutes_id == first.minutes_id


def test_editor_refuses_a_malformed_number_beside_the_field(ctx, qtbot, store):
    rev = M.create(store, sample())
    editor = editor_for(ctx, qtbot, rev.id)
    editor.form.number.setText("5/BB-BHXHTEST")
    assert not editor.save()
    assert "NN/BB" in editor.form.errors.text("number")
    editor.form.number.setText("05/BB-BHXHTEST")
    assert editor.save()
    assert M.load_revision(store, rev.id).number == "05/BB-BHXHTEST"


def test_new_revision_refused_in_the_editor_when_altered(ctx, qtbot, store, monkeypatch):
    rev = signed(store, confirm=True)
    tamper(store, "UPDATE minutes_revisions SET subject = 'Sửa lén' WHERE id = ?", (rev.id,))
    shown = []
    monkeypatch.setattr("desktop.views.minutes.editor.show_error",
                        lambda parent, exc, *a, **k: shown.append(exc))
    editor = editor_for(ctx, qtbot, rev.id)
    editor.new_revision(reason="Bổ sung")
    assert shown and "Không tạo được bản sửa đổi mới" in shown[0].message
    assert editor.rev.id == rev.id and not editor.editable


def test_preview_failures_are_said_in_vietnamese(ctx, qtbot, store, monkeypatch):
    from desktop.views import pdf_preview
    from desktop.views.minutes import preview

    rev = signed(store, confirm=True)
    dialog = PreviewDialog(ctx, rev.id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.document.pageCount() > 0, timeout=10000)
    shown = []
    for module in (preview, pdf_preview):
        monkeypatch.setattr(module, "show_error",
                            lambda parent, error, *a, **k: shown.append(error))
    dialog._render_failed(RuntimeError("reportlab internal detail"))
    assert "reportlab" not in dialog.status.text()
    assert "Không chuẩn bị được văn bản" in dialog.status.text()

    with pytest.raises(pdf_preview.PrintFailure) as failure:
        pdf_preview.print_pdf(b"not a pdf", QPrinter(QPrinter.PrinterMode.ScreenResolution))
    dialog._print_failed(failure.value)
    assert "không đọc được văn bản để in" in shown[-1]
    assert "QtPdf" not in shown[-1]
    dialog._print_failed(pdf_preview.PrintFailure("printer"))
    assert "không mở được máy in" in shown[-1]
    dialog._print_failed(RuntimeError("QPainter internal detail"))
    assert "In không được: đã có lỗi ngoài dự kiến" in shown[-1]


def test_signing_a_minutes_with_template_blanks_asks_first(ctx, qtbot, store, monkeypatch):
    from desktop.views.minutes import sign_dialog

    rev = M.create(store, sample(subject="Đánh giá nội bộ lần thứ … năm …"), complete=True)
    dialog = SignDialog(ctx, rev.id)
    qtbot.addWidget(dialog)
    labels = dialog.findChildren(type(dialog.error))
    assert dialog.unfilled() and not any("SHA-256" in label.text() for label in labels)
    assert any("SHA-256" in label.toolTip() for label in labels)
    asked = []
    monkeypatch.setattr(sign_dialog, "confirm", lambda *a, **k: asked.append(a[1]) or False)
    qtbot.keyClicks(dialog.username, "tuvan")
    qtbot.keyClicks(dialog.password, PASSWORD)
    dialog.agree.setChecked(True)
    dialog.do_sign()
    assert asked and "…" in asked[0] and not dialog.busy
    assert M.load_revision(store, rev.id).status == "draft"
    monkeypatch.setattr(sign_dialog, "confirm", lambda *a, **k: True)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.do_sign()
    assert M.load_revision(store, rev.id).status == "signed"


def test_empty_participants_and_attachments_say_what_to_do(ctx, qtbot, store):
    rev = M.create(store, sample(participants=[]), complete=False)
    editor = editor_for(ctx, qtbot, rev.id)
    form = editor.form
    for view in (form.unit_view, form.consultant_view, form.attachments_view):
        hint = view.viewport().findChild(type(form.unit_label), "empty_hint")
        assert hint is not None and hint.text() and not hint.isHidden()
    form._add(form.unit_model, form.unit_view, {"name": "Lê Thị Thu Hà", "position": "Tổ trưởng"})
    assert form.unit_view.viewport().findChild(type(form.unit_label), "empty_hint").isHidden()
