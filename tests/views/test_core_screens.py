"""The core screens driven like a user would, then checked in the database."""

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QMessageBox

from desktop.models import users
from desktop.models.datafile import open_store
from desktop.models.db import DB_FILENAME
from desktop.models.staff import StaffRepository
from desktop.models.unit import get_profile
from desktop.views.context import ViewContext
from desktop.views.login import LoginDialog
from desktop.views.main_window import MainWindow
from desktop.views.placeholder import PlaceholderPage
from desktop.views.section_pages import PAGES
from desktop.views.sections import SECTIONS
from desktop.views.setup_wizard import SetupWizard
from desktop.views.staff_dialogs import ImportPreviewDialog, StaffDialog
from desktop.views.staff_model import StaffTableModel
from tests.conftest import PASSWORD
from tests.gui_helpers import retype, type_text


@pytest.fixture(autouse=True)
def _auto_close_message_boxes(monkeypatch):
    """Message boxes are answered by their accept button and their text is recorded."""
    shown = []

    def fake_exec(box):
        shown.append(box.text())
        buttons = box.buttons()
        if buttons:
            box._clicked = buttons[0]
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: getattr(box, "_clicked", None))
    return shown


def test_setup_wizard_creates_unit_and_admin(qtbot, empty_dir):
    store = open_store(empty_dir / DB_FILENAME)
    wizard = SetupWizard(store)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.unit_page
    type_text(page.code, "bad code!")
    wizard.next()
    assert wizard.currentPage() is page  # refused: stays, says why beside the field
    assert "Mã đơn vị" in page.errors.text("code")
    page.code.clear()
    type_text(page.code, "bhxhst")
    type_text(page.name, "Bảo hiểm xã hội huyện Sông Trà")
    type_text(page.place, "Sông Trà")
    wizard.next()
    admin = wizard.admin_page
    assert wizard.currentPage() is admin
    type_text(admin.full_name, "Phạm Quốc Hùng")
    type_text(admin.password, "mat-khau-123")
    type_text(admin.password2, "mat-khau-124")
    wizard.accept()
    assert "không giống nhau" in admin.errors.text("password")
    assert get_profile(store) is None  # nothing saved yet
    admin.password2.clear()
    type_text(admin.password2, "mat-khau-123")
    wizard.accept()
    assert wizard.result() == QDialog.DialogCode.Accepted
    profile = get_profile(store)
    assert (profile.code, profile.name, profile.place) == ("BHXHST", "Bảo hiểm xã hội huyện Sông Trà",
                                                           "Sông Trà")
    assert users.authenticate(store, "admin", "mat-khau-123").role == "admin"
    store.close(clean=False)


def test_login_refuses_then_accepts(qtbot, store):
    dlg = LoginDialog(store)
    qtbot.addWidget(dlg)
    dlg.show()
    type_text(dlg.username, "iso")
    type_text(dlg.password, "sai-mat-khau")
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    assert dlg.user is None and "Còn 4 lần thử" in dlg.error.text()
    assert dlg.password.text() == ""
    layout = dlg.layout()                                  # the message pushes, never overlaps
    assert dlg.height() >= layout.totalHeightForWidth(dlg.width())
    assert dlg.error.geometry().bottom() < dlg.ok.geometry().top() + dlg.ok.parentWidget().y()
    type_text(dlg.password, PASSWORD)
    qtbot.keyClick(dlg.password, Qt.Key.Key_Return)
    assert dlg.user is not None and dlg.user.username == "iso"
    assert store.actor == "iso"


def test_the_sign_in_shows_a_long_hint_whole_at_any_width(qtbot, store):
    hint = ("Dữ liệu mẫu. Tài khoản: admin (quản trị), iso (Ban ISO), tuvan (tư vấn), giamthi "
            "(giám thị); mật khẩu: demo1234. " * 3)
    dlg = LoginDialog(store, hint=hint)
    qtbot.addWidget(dlg)
    dlg.show()
    note = dlg.findChild(QLabel, "login_hint")
    layout = dlg.layout()
    for width in (dlg.width(), dlg.minimumWidth(), dlg.minimumWidth() + 300):
        dlg.resize(width, 1)                 # as short as the window lets it be
        qtbot.waitUntil(lambda: dlg.width() == max(width, dlg.minimumWidth()))
        layout.activate()
        assert dlg.height() >= layout.totalHeightForWidth(dlg.width())
        assert note.height() >= note.heightForWidth(note.width()), width   # never squeezed
    # its colours come from the palette, not a style sheet
    assert dlg.error.styleSheet() == "" and note.styleSheet() == ""
    assert note.palette().color(note.foregroundRole()).name() == "#555555"
    assert dlg.error.palette().color(dlg.error.foregroundRole()).name() == "#b00020"


@pytest.fixture
def window(qtbot, store):
    ctx = ViewContext(store, users.find_user(store, "admin"))
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    return w


def test_every_section_opens(window):
    for section in SECTIONS:
        page = window.show_section(section.key)
        assert page.isVisible()
        if section.key not in PAGES:
            assert isinstance(page, PlaceholderPage)
            assert section.title in page.findChild(QLabel, "placeholder_text").text()


def test_staff_page_add_edit_search_deactivate(qtbot, window, store, monkeypatch):
    page = window.show_section("staff")
    dialogs = []

    def drive(dlg):
        dialogs.append(dlg)
        return QDialog.exec(dlg) if False else _fill(dlg)

    def _fill(dlg: StaffDialog):
        values = drive.values.pop(0)
        for name, text in values.items():
            retype(dlg.fields[name], text)
        dlg.save()
        return dlg.result() == QDialog.DialogCode.Accepted

    drive.values = [
        {"staff_code": "", "full_name": "Trần Văn An"},                           # refused
        {"staff_code": "A1", "full_name": "Trần Văn An", "department": "Tổ Thu"},
        {"staff_code": "B1", "full_name": "Đỗ Thị Bình"},
    ]
    monkeypatch.setattr(StaffDialog, "exec", drive)
    qtbot.mouseClick(page.add_btn, Qt.MouseButton.LeftButton)
    assert dialogs[-1].errors.text("staff_code") == "Thiếu mã cán bộ."
    qtbot.mouseClick(page.add_btn, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.add_btn, Qt.MouseButton.LeftButton)
    repo = StaffRepository(store)
    assert {p.staff_code for p in repo.list()} == {"A1", "B1"}
    # Sorted by given name: An before Bình.
    names = [page.proxy.index(r, StaffTableModel.NAME).data() for r in range(page.proxy.rowCount())]
    assert names == ["Trần Văn An", "Đỗ Thị Bình"]
    # Search without accents, đ typed as d.
    type_text(page.search, "do binh")
    assert page.proxy.rowCount() == 1
    page.table.selectRow(0)
    drive.values = [{"position": "Viên chức"}]
    qtbot.mouseClick(page.edit_btn, Qt.MouseButton.LeftButton)
    assert repo.by_code("B1").position == "Viên chức"
    page.select_code("B1")
    qtbot.mouseClick(page.toggle_btn, Qt.MouseButton.LeftButton)
    assert repo.by_code("B1").active is False
    page.show_inactive.setChecked(False)
    assert page.proxy.rowCount() == 0
    page.search.clear()
    assert page.proxy.rowCount() == 1
    assert "2" in page.count_label.text()


def test_staff_dialog_marks_someone_not_subject_to_the_test(qtbot, store):
    repo = StaffRepository(store)
    guard = repo.add({"staff_code": "BV1", "full_name": "Lê Văn Gác"})
    dlg = StaffDialog(repo, guard)
    qtbot.addWidget(dlg)
    assert not dlg.exempt_reason.isEnabled()
    dlg.exempt.setChecked(True)
    assert dlg.exempt_reason.isEnabled()
    dlg.save()                                          # no reason: refused beside the field
    assert "lý do" in dlg.errors.text("exempt_reason") and not repo.get(guard.id).exempt
    type_text(dlg.exempt_reason, "Bảo vệ hợp đồng")
    dlg.save()
    assert dlg.result() == QDialog.DialogCode.Accepted
    saved = repo.get(guard.id)
    assert saved.exempt and saved.exempt_reason == "Bảo vệ hợp đồng"
    again = StaffDialog(repo, saved)
    qtbot.addWidget(again)
    assert again.exempt.isChecked() and again.exempt_reason.text() == "Bảo vệ hợp đồng"
    again.exempt.setChecked(False)
    again.save()
    assert not repo.get(guard.id).exempt and repo.get(guard.id).exempt_reason == ""


def test_staff_import_preview_then_import(qtbot, window, store, tmp_path, monkeypatch,
                                          _auto_close_message_boxes):
    wb = Workbook()
    ws = wb.active
    ws.append(["Mã cán bộ", "Họ và tên", "Chức vụ"])
    ws.append(["A1", "Trần Văn An", "Viên chức"])
    ws.append(["A2", "", ""])
    ws.append(["A3", "Lê Thị Cúc", ""])
    path = tmp_path / "ds.xlsx"
    wb.save(path)
    page = window.show_section("staff")
    seen = {}

    def preview_exec(dlg: ImportPreviewDialog):
        seen["summary"] = dlg.findChild(QLabel, "import_summary").text()
        seen["rows"] = dlg.model.rowCount()
        seen["button"] = dlg.import_button.text()
        seen["enabled_before"] = dlg.import_button.isEnabled()
        assert StaffRepository(store).count(active_only=False) == 0  # preview writes nothing
        dlg.gate.box.setChecked(True)      # a refused row: the good ones only when chosen
        seen["enabled_after"] = dlg.import_button.isEnabled()
        return True

    monkeypatch.setattr(ImportPreviewDialog, "exec", preview_exec)
    page.import_excel(path=str(path))             # the file is read off the UI thread
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=20000)
    assert seen["rows"] == 3 and "2" in seen["button"]
    assert not seen["enabled_before"] and seen["enabled_after"]
    assert "1" in seen["summary"]
    assert {p.staff_code for p in StaffRepository(store).list()} == {"A1", "A3"}
    assert page.model.rowCount() == 2
    assert any("2" in t for t in _auto_close_message_boxes)


def test_staff_export_and_template(qtbot, window, tmp_path):
    page = window.show_section("staff")
    StaffRepository(window.ctx.store).add({"staff_code": "A1", "full_name": "Trần Văn An"})
    window.ctx.announce_changes()
    operation = page.export_excel(path=str(tmp_path / "out.xlsx"))   # off the interface thread
    qtbot.waitUntil(lambda: operation.finished, timeout=30_000)
    assert operation.outcome == "done"
    assert load_workbook(tmp_path / "out.xlsx").active["C4"].value == "Trần Văn An"
    page.save_template(path=str(tmp_path / "mau.xlsx"))
    assert load_workbook(tmp_path / "mau.xlsx").sheetnames[1] == "Hướng dẫn"


def test_changing_language_rebuilds_the_window(qtbot, window, store):
    page = window.show_section("settings")
    prefs = page.tabs.widget(2)
    with qtbot.waitSignal(window.ctx.language_changed, timeout=2000) as signal:
        prefs.language.setCurrentIndex(prefs.language.findData("en"))
    assert signal.args == ["en"]
    from desktop.models.settings import get_setting
    assert get_setting(store, "language") == "en"
    qtbot.waitUntil(lambda: not window.isVisible())
    assert window.wants_rebuild and not window.wants_logout


def test_new_account(qtbot, window, store, monkeypatch):
    page = window.show_section("settings")
    accounts = page.tabs.widget(1)
    from desktop.views.users_view import NewUserDialog

    def fill(dlg):
        type_text(dlg.username, "tuvan2")
        type_text(dlg.full_name, "Hoàng Văn Tư")
        dlg.role.setCurrentIndex(dlg.role.findData("consultant"))
        type_text(dlg.password, "mat-khau-999")
        dlg.save()
        assert dlg.errors.text("password")                 # not typed twice yet
        type_text(dlg.password2, "mat-khau-999")
        dlg.save()
        return True

    monkeypatch.setattr(NewUserDialog, "exec", fill)
    accounts.add_user()
    user = users.find_user(store, "tuvan2")
    assert user.role == "consultant" and user.full_name == "Hoàng Văn Tư"
    assert accounts.model.rowCount() == 5


def test_new_account_needs_a_chosen_role(qtbot, store):
    from desktop.views.users_view import NewUserDialog

    dlg = NewUserDialog(store)
    qtbot.addWidget(dlg)
    assert dlg.role.currentData() is None and dlg.minimumWidth() >= 420
    type_text(dlg.username, "nguoimoi")
    type_text(dlg.full_name, "Người Mới")
    for edit in (dlg.password, dlg.password2):
        type_text(edit, "mat-khau-999")
    dlg.save()
    assert dlg.result() != QDialog.DialogCode.Accepted and dlg.errors.text("role")
    assert users.find_user(store, "nguoimoi") is None
    dlg.role.setCurrentIndex(dlg.role.findData("proctor"))
    dlg.save()
    assert users.find_user(store, "nguoimoi").role == "proctor"


def test_my_password_is_typed_twice(qtbot, window, store):
    page = window.show_section("settings")
    prefs = page.tabs.widget(2)
    prefs.old_pw.setText(PASSWORD)
    prefs.new_pw.setText("mat-khau-moi-1")
    prefs.new_pw2.setText("mat-khau-moi-2")
    prefs.change_password()
    assert prefs.errors.text("password")
    assert users.authenticate(store, "admin", PASSWORD)


def test_non_admin_sees_no_accounts_tab_and_no_edit_buttons(qtbot, store):
    ctx = ViewContext(store, users.find_user(store, "giamthi"))
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    settings = w.show_section("settings")
    titles = [settings.tabs.tabText(i) for i in range(settings.tabs.count())]
    assert len(titles) == 3
    staff = w.show_section("staff")
    assert not staff.add_btn.isVisibleTo(staff) and staff.export_btn.isVisibleTo(staff)


def test_sign_out_asks_for_login_again(window):
    window.sign_out()
    assert window.wants_logout and not window.isVisible()


def test_damaged_file_offers_the_latest_backup_at_start(qtbot, data_dir, monkeypatch):
    from desktop.app import open_data
    from desktop.models.db import quick_check

    store = open_store(data_dir / DB_FILENAME)
    StaffRepository(store).add({"staff_code": "A1", "full_name": "Trần Văn An"})
    store.close(clean=True)
    path = data_dir / DB_FILENAME
    data = bytearray(path.read_bytes())
    data[4096:4096 * 5] = b"\x5a" * (4096 * 4)
    path.write_bytes(bytes(data))
    assert quick_check(path) is not None
    asked = []

    def answer(box):  # the user clicks "Restore the latest backup"
        asked.append(box.text())
        box._clicked = next(b for b in box.buttons() if "Khôi phục" in b.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    restored = open_data(data_dir)
    try:
        assert asked and "bị hỏng" in asked[0]
        assert StaffRepository(restored).by_code("A1").full_name == "Trần Văn An"
        assert list(data_dir.glob("isodesk-damaged-*.sqlite"))
    finally:
        restored.close(clean=False)


def test_big_windows_fit_the_screen(qtbot, window):
    from PySide6.QtWidgets import QWidget

    from desktop.views.common import fit_to_screen
    from desktop.views.pdf_preview import PdfPreviewDialog

    area = window.screen().availableGeometry()
    w = QWidget()
    qtbot.addWidget(w)
    fit_to_screen(w, 5000, 5000)
    assert w.width() <= area.width() * 0.9 and w.height() <= area.height() * 0.9
    fit_to_screen(w, 300, 200)
    assert (w.width(), w.height()) == (300, 200)
    preview = PdfPreviewDialog(b"%PDF-1.4\n%%EOF\n", "x", "x.pdf", window)
    qtbot.addWidget(preview)
    assert preview.height() <= area.height() * 0.9
    # a screen smaller than the main window wants: it opens maximized, within the screen
    assert window.isMaximized() or window.height() <= area.height() * 0.9
    assert window.height() <= area.height()


def test_changes_made_by_the_program_name_no_account():
    from desktop.views.common import actor_text

    assert actor_text("system") == actor_text("") == "Hệ thống"
    assert actor_text("demo").startswith("Hệ thống") and actor_text("iso") == "iso"


def test_admin_reset_password_is_typed_twice(qtbot, window, store, monkeypatch):
    page = window.show_section("settings")
    accounts = page.tabs.widget(1)
    row = next(r for r in range(accounts.model.rowCount())
               if accounts.model.index(r, 0).data() == "iso")
    accounts.table.selectRow(row)
    seen = []

    def fill(dlg):
        dlg.findChild(QLineEdit, "reset_password").setText("mat-khau-moi-1")
        dlg.findChild(QLineEdit, "reset_password2").setText("mat-khau-moi-2")
        ok = dlg.findChild(QDialogButtonBox).buttons()[0]
        ok.click()                                        # the two differ: still open
        seen.append(dlg.findChild(QLabel, "reset_password_error").text())
        dlg.findChild(QLineEdit, "reset_password2").setText("mat-khau-moi-1")
        ok.click()
        return dlg.result()

    monkeypatch.setattr(QDialog, "exec", fill)
    monkeypatch.setattr("desktop.views.users_view.show_info", lambda *a, **k: None)
    accounts.reset_password()
    assert seen and seen[0]
    assert users.authenticate(store, "iso", "mat-khau-moi-1")
