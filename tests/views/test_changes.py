"""What changed is announced from one place: the audit log read by
`ViewContext.announce_changes`. An edit made on one page refreshes the other pages that show the
same records (real widgets, a real database file)."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop.models import audit, settings, users
from desktop.models import minutes as M
from desktop.models.quiz import sessions
from desktop.models.staff import StaffRepository
from desktop.views.context import ViewContext
from desktop.views.iso import documents_tab
from desktop.views.iso.document_dialogs import DocumentDialog
from desktop.views.main_window import MainWindow
from desktop.views.minutes.sign_dialog import SignDialog
from desktop.views.quiz import sessions_panel
from desktop.views.staff_dialogs import ImportPreviewDialog, StaffDialog

from ..conftest import PASSWORD, ROOT
from ..gui_helpers import retype, type_text
from ..minutes.helpers import sample

WAIT = 30_000


@pytest.fixture(autouse=True)
def _answered_boxes(monkeypatch):
    """Message boxes are answered at once (a modal box would wait for a click)."""
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)


def test_data_changed_is_emitted_in_one_place_only():
    central = ROOT / "desktop" / "views" / "context.py"
    found = [f"{path.relative_to(ROOT)}:{n}"
             for path in sorted((ROOT / "desktop").rglob("*.py")) if path != central
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"data_changed\s*\.\s*emit\b", line)]
    assert found == [], "announce with ctx.announce_changes(), which reads the audit log"
    assert "data_changed.emit" in central.read_text(encoding="utf-8")


def test_the_audit_log_says_which_tables_changed(store):
    seen = audit.last_seq(store)
    assert audit.tables_changed_since(store, seen) == (seen, frozenset())
    StaffRepository(store).add({"staff_code": "A1", "full_name": "Trần Văn An"})
    settings.set_setting(store, "a_setting_of_this_test", "on")
    last, tables = audit.tables_changed_since(store, seen)
    assert tables == {"staff", "settings"} and last == audit.last_seq(store) > seen
    assert audit.tables_changed_since(store, last) == (last, frozenset())


def test_only_tables_written_without_an_entry_are_named(store, qtbot):
    ctx = ViewContext(store, None)
    heard = []
    ctx.data_changed.connect(heard.append)
    with pytest.raises(ValueError):
        ctx.announce_changes("staff")   # its changes are in the audit log
    assert ctx.announce_changes() == frozenset() and heard == []
    assert ctx.announce_changes("minutes_autosave") == {"minutes_autosave"}
    assert heard == [{"minutes_autosave"}]


@pytest.fixture
def window(qtbot, store):
    w = MainWindow(ViewContext(store, users.find_user(store, "admin")))
    qtbot.addWidget(w)
    w.show()
    return w


def test_a_staff_member_added_shows_in_training_coverage_and_the_overview(qtbot, window,
                                                                           monkeypatch):
    overview = window.show_section("overview")
    training = window.show_section("training")
    page = window.show_section("staff")
    assert training.coverage.model.rowCount() == 0 and overview.figures["staff"]["active"] == 0

    def fill(dlg: StaffDialog):
        retype(dlg.fields["staff_code"], "A1")
        retype(dlg.fields["full_name"], "Trần Văn An")
        dlg.save()
        return dlg.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(StaffDialog, "exec", fill)
    qtbot.mouseClick(page.add_btn, Qt.MouseButton.LeftButton)
    # the other pages heard of it without being shown again
    assert [r.full_name for r in training.coverage.shown_rows()] == ["Trần Văn An"]
    assert overview._stale
    window.show_section("overview")
    assert overview.figures["staff"]["active"] == 1


def test_staff_imported_by_an_operation_show_on_the_training_page(qtbot, window, tmp_path,
                                                                  monkeypatch):
    training = window.show_section("training")
    page = window.show_section("staff")
    wb = Workbook()
    wb.active.append(["Mã cán bộ", "Họ và tên"])
    wb.active.append(["A1", "Trần Văn An"])
    wb.active.append(["A2", "Lê Thị Cúc"])
    wb.save(tmp_path / "ds.xlsx")
    monkeypatch.setattr(ImportPreviewDialog, "exec", lambda dlg: True)
    page.import_excel(path=str(tmp_path / "ds.xlsx"))   # read, then written, as operations
    qtbot.waitUntil(lambda: training.coverage.model.rowCount() == 2, timeout=WAIT)
    assert page.model.rowCount() == 2


def test_signed_minutes_show_in_the_register_and_the_overview(qtbot, store):
    store.actor = "tuvan"
    rev = M.create(store, sample(), complete=True)
    ctx = ViewContext(store, users.find_user(store, "tuvan"))
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    overview = w.show_section("overview")
    register = w.show_section("minutes")
    assert [e.status for e in register.model.items] == ["draft"]
    assert overview.figures["minutes"]["awaiting_confirmation"] == 0
    dialog = SignDialog(ctx, rev.id, register)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "tuvan")
    qtbot.keyClicks(dialog.password, PASSWORD)
    dialog.agree.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):   # signed as an operation
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert [e.status for e in register.model.items] == ["signed"]
    assert overview._stale
    w.show_section("overview")
    assert overview.figures["minutes"]["awaiting_confirmation"] == 1


def test_a_document_added_marks_the_plan_tab_and_the_overview(qtbot, window, monkeypatch):
    overview = window.show_section("overview")
    records = window.show_section("records")
    records.show_part("plan")
    docs = records.show_part("documents")
    overview._stale = False
    records.stale.clear()

    class Auto(DocumentDialog):
        def exec(self):
            type_text(self.code, "qt-tn-01")
            type_text(self.title_edit, "Quy trình tiếp nhận hồ sơ")
            self.save()
            return self.result()

    monkeypatch.setattr(documents_tab, "DocumentDialog", Auto)
    docs.add_document()
    assert docs.selected().code == "QT-TN-01"
    assert "plan" in records.stale and "policy" not in records.stale
    assert overview._stale


def test_a_session_deleted_on_the_training_page_leaves_the_overview(qtbot, store, window,
                                                                    monkeypatch):
    person = StaffRepository(store).add({"staff_code": "A1", "full_name": "Trần Văn An"})
    sessions.create_session(store, {"date": dt.date.today().isoformat(), "place": "Hội trường",
                                    "settings": {"questions": 5, "pass_mark": 50}},
                            staff_ids=[person.id])
    training = window.show_section("training")
    overview = window.show_section("overview")   # announced on the way: the session is counted
    assert overview.figures["training"]["sessions"] == 1
    window.show_section("training")
    monkeypatch.setattr(sessions_panel, "confirm", lambda *a, **k: True)
    training.sessions.table.selectRow(0)
    training.sessions.delete_session()
    assert sessions.list_sessions(store) == []
    assert overview._stale
    window.show_section("overview")
    assert not overview.figures["training"].get("sessions")


def test_each_change_is_announced_once(qtbot, store):
    ctx = ViewContext(store, None)
    heard = []
    ctx.data_changed.connect(heard.append)
    StaffRepository(store).add({"staff_code": "A1", "full_name": "Trần Văn An"})
    assert ctx.announce_changes() == {"staff"} and heard == [{"staff"}]
    assert ctx.announce_changes() == frozenset() and len(heard) == 1   # once only



def test_edits_of_the_bank_sessions_and_accounts_announce_themselves(qtbot, store, window,
                                                                     monkeypatch):
    from desktop.models.quiz import bank
    from desktop.views import users_view

    bank.add_topic(store, "NT", "Nhận thức")
    question = bank.add_question(store, {"topic_code": "NT", "text": "Câu hỏi?",
                                         "options": ["Đúng", "Sai"], "correct": [0]})
    person = StaffRepository(store).add({"staff_code": "A1", "full_name": "Trần Văn An"})
    sessions.create_session(store, {"date": dt.date.today().isoformat(), "place": "Hội trường",
                                    "settings": {"questions": 1, "pass_mark": 50}},
                            staff_ids=[person.id])
    users.create_user(store, "thuky", "Lê Thị Thư", "proctor", "mat-khau-dai-1")
    training = window.show_section("training")
    heard = []
    window.ctx.data_changed.connect(heard.append)

    training.bank.reload(select=question.id)
    training.bank.toggle_retired()
    assert bank.get_question(store, question.id).retired
    assert len(heard) == 1 and "quiz_questions" in heard[-1]

    monkeypatch.setattr(sessions_panel, "confirm", lambda *a, **k: True)
    training.sessions.table.selectRow(0)
    training.sessions.toggle_status()
    assert sessions.list_sessions(store)[0].status == "closed"
    assert len(heard) == 2 and "quiz_sessions" in heard[-1]

    accounts = users_view.UsersPanel(window.ctx)
    qtbot.addWidget(accounts)
    row = [u.username for u in accounts.model.items].index("thuky")
    accounts.table.selectRow(row)
    monkeypatch.setattr(users_view, "confirm", lambda *a, **k: True)
    accounts.toggle()
    assert not users.find_user(store, "thuky").active
    assert len(heard) == 3 and "users" in heard[-1]


def test_a_panels_own_edit_reloads_it_once_with_the_record_selected(qtbot, store, window,
                                                                    monkeypatch):
    from desktop.models.quiz import bank
    bank.add_topic(store, "NT", "Nhận thức")
    first = bank.add_question(store, {"topic_code": "NT", "text": "Câu một?",
                                      "options": ["Đúng", "Sai"], "correct": [0]})
    second = bank.add_question(store, {"topic_code": "NT", "text": "Câu hai?",
                                       "options": ["Đúng", "Sai"], "correct": [1]})
    person = StaffRepository(store).add({"staff_code": "A1", "full_name": "Trần Văn An"})
    for day in (dt.date.today(), dt.date.today() - dt.timedelta(days=7)):
        sessions.create_session(store, {"date": day.isoformat(), "place": "Hội trường",
                                        "settings": {"questions": 1, "pass_mark": 50}},
                                staff_ids=[person.id])
    training = window.show_section("training")
    loads = {"sessions": 0, "questions": 0}

    def counted(model, key):   # each reload of a panel sets its table's rows once
        real = model.set_items

        def wrapper(*args, **kwargs):
            loads[key] += 1
            return real(*args, **kwargs)
        monkeypatch.setattr(model, "set_items", wrapper)
    counted(training.sessions.model, "sessions")
    counted(training.bank.model, "questions")

    monkeypatch.setattr(sessions_panel, "confirm", lambda *a, **k: True)
    older = sessions.list_sessions(store)[1]
    training.sessions.select(older.id)
    training.sessions.toggle_status()
    assert sessions.get_session(store, older.id).status == "closed"
    assert loads["sessions"] == 1   # the page's handler of the announcement did not reload it
    assert training.sessions.selected().id == older.id

    training.bank.show_retired.setChecked(True)   # the retired question stays in the list
    training.bank.reload(select=second.id)
    loads["questions"] = 0
    training.bank.toggle_retired()
    assert bank.get_question(store, second.id).retired and not first.retired
    assert loads["questions"] == 1
    assert training.bank.selected().id == second.id
