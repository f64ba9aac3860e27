"""File dialogs open in Documents or in the folder used last for the same kind of file — never
in the working folder (a bare suggested name made Qt start there: the program's folder, or
System32 when Windows started the program at logon). One helper serves every dialog."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from desktop.views import files

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def documents(tmp_path, monkeypatch):
    """A Documents folder of our own, a working folder elsewhere, no remembered folder."""
    folder = tmp_path / "Documents"
    folder.mkdir()
    monkeypatch.setattr("platformdirs.user_documents_path", lambda: folder)
    work = tmp_path / "Program Files" / "isodesk"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    monkeypatch.setattr(files, "_session", {})
    files.remember_in(None)
    yield folder
    files.remember_in(None)


class Asked:
    """Stands in for the modal dialog: notes where it would open, answers `answer`."""

    def __init__(self, monkeypatch, answer=""):
        self.starts: list[str] = []
        self.answer = answer
        for name in ("getSaveFileName", "getOpenFileName"):
            monkeypatch.setattr(QFileDialog, name, self._file)
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", self._files)
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", self._folder)

    def _file(self, parent, title, start, filters=""):
        self.starts.append(start)
        return self.answer, filters

    def _files(self, parent, title, start, filters=""):
        self.starts.append(start)
        return ([self.answer] if self.answer else []), filters

    def _folder(self, parent, title, start):
        self.starts.append(start)
        return self.answer


def test_no_file_dialog_outside_the_helper():
    calls = re.compile(r"QFileDialog\.get(Open|Save|Existing)")
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "desktop").rglob("*.py")
                 if p.name != "files.py" and calls.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_a_bare_name_is_suggested_in_documents_not_the_working_folder(documents, monkeypatch):
    asked = Asked(monkeypatch)
    files.save_file(None, "Lưu", "staff-excel", "danh-sach-can-bo.xlsx")
    assert Path(asked.starts[0]) == documents / "danh-sach-can-bo.xlsx"
    files.open_file(None, "Mở", "staff-excel")
    files.choose_folder(None, "Chọn", "sync-package")
    assert [Path(s) for s in asked.starts[1:]] == [documents, documents]
    assert not any(str(Path.cwd()) in s for s in asked.starts)


def test_the_last_folder_is_remembered_per_kind_of_file(documents, tmp_path, monkeypatch):
    usb = tmp_path / "USB" / "bao-cao"
    usb.mkdir(parents=True)
    asked = Asked(monkeypatch, answer=str(usb / "so-bien-ban.xlsx"))
    assert files.save_file(None, "Lưu", "minutes-excel", "so-bien-ban.xlsx") == \
        str(usb / "so-bien-ban.xlsx")
    asked.answer = ""
    files.save_file(None, "Lưu", "minutes-excel", "so-bien-ban.xlsx")
    files.save_file(None, "Lưu", "staff-excel", "danh-sach-can-bo.xlsx")
    assert Path(asked.starts[1]) == usb / "so-bien-ban.xlsx"       # same kind: last folder
    assert Path(asked.starts[2]) == documents / "danh-sach-can-bo.xlsx"   # another kind


def test_remembered_across_a_restart_and_forgotten_when_gone(documents, tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    folder = tmp_path / "Goi gui tinh"
    folder.mkdir()
    files.remember_in(data)
    asked = Asked(monkeypatch, answer=str(folder))
    files.choose_folder(None, "Chọn", "sync-package")
    assert (data / "dialogs.ini").exists()
    monkeypatch.setattr(files, "_session", {})     # the program started again
    files.remember_in(data)
    assert files.start_folder("sync-package") == folder
    folder.rmdir()                                  # the USB stick was pulled out
    asked.answer = ""
    files.open_files(None, "Mở", "sync-package")
    assert Path(asked.starts[-1]) == documents


def test_a_page_asks_through_the_helper(documents, qtbot, ctx_admin, monkeypatch):
    from desktop.views.staff_view import StaffPage

    asked = Asked(monkeypatch)
    page = StaffPage(ctx_admin)
    qtbot.addWidget(page)
    page.export_excel()
    assert Path(asked.starts[0]) == documents / "danh-sach-can-bo.xlsx"


@pytest.fixture
def ctx_admin(store):
    from desktop.models import users
    from desktop.views.context import ViewContext

    return ViewContext(store, users.find_user(store, "admin"))
