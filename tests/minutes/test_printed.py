"""A printed copy checked by what is printed on it: the QR code (decoded from the real PDF page),
the content code under it, or the full hash — on the command line, in the register search and in
the minutes page's “Kiểm tra bản in” box."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from desktop.output import minutes_pdf
from desktop.models import minutes as M
from tests.cli_auth import run_cli

from ..conftest import PASSWORD
from .helpers import pdf_pages, sample, signed, tamper

ZBARIMG = shutil.which("zbarimg")
PDFTOPPM = shutil.which("pdftoppm")


def decode_qr(pdf_path, tmp_path) -> str:
    """The text of the QR code printed in a PDF, read as a phone or a scanner would: the pages
    rasterised (pdftoppm), the code decoded (zbarimg)."""
    if ZBARIMG is None or PDFTOPPM is None:
        pytest.fail("zbarimg (Debian package zbar-tools) and pdftoppm (poppler-utils) are needed "
                    "to read the QR code of a printed page; `.ci/run` installs them.")
    folder = tmp_path / "pages"
    folder.mkdir(exist_ok=True)
    subprocess.run([PDFTOPPM, "-png", "-r", "200", str(pdf_path), str(folder / "p")], check=True)
    found = []
    for png in sorted(folder.glob("p*.png")):
        out = subprocess.run([ZBARIMG, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable",
                              str(png)], capture_output=True, text=True)
        assert out.returncode in (0, 4), out.stderr   # 4: no code on this page
        found += out.stdout.split()
    assert len(found) == 1, found
    return found[0]


def printed_code(pdf_path) -> str:
    text = " ".join(pdf_pages(pdf_path))
    m = re.search(r"Mã nội dung: ([0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4})", text)
    assert m, text
    return m.group(1)


@pytest.fixture
def run(data_dir, capsys, monkeypatch):
    def invoke(*args, stdin: str | None = None):
        code = run_cli(["--data-dir", str(data_dir), "minutes", *args], stdin)
        out, err = capsys.readouterr()
        payload = json.loads(out) if out.strip().startswith("{") else None
        return code, payload, err, out
    return invoke


@pytest.fixture
def confirmed_pdf(store, tmp_path):
    rev = signed(store, confirm=True)
    path = tmp_path / "bb.pdf"
    minutes_pdf.render(rev, path, check=M.verify_revision(store, rev), copies=False)
    return rev, path


def test_the_printed_qr_code_hash_and_content_code_all_find_the_minutes(run, store,
                                                                        confirmed_pdf, tmp_path):
    rev, path = confirmed_pdf
    qr = decode_qr(path, tmp_path)
    digest = M.revision_hash(rev)
    assert qr == f"ISODESK-BB|{rev.minutes_id}|r1|{digest}"
    code = printed_code(path)
    assert code == M.short_hash(digest)
    for given in (code, digest, qr, code.replace("-", "").lower(), f"  {code} "):
        rc, out, err, _ = run("verify", given, "--json")
        assert rc == 0, err
        assert out["found"] and out["valid"] and out["content_code"] == code
        [m] = out["matches"]
        assert (m["minutes_id"], m["revision"], m["status"], m["current"]) == \
            (rev.minutes_id, 1, "confirmed", True)
        assert [s["valid"] for s in m["signatures"]] == [True, True]
        assert m["content_sha256"] == digest
    rc, _, _, text = run("verify", code)
    assert rc == 0
    assert "Bản in là biên bản số 01/BB-BHXHTEST" in text and "bản hiện hành" in text
    assert "Chữ ký hợp lệ" in text and digest in text


def test_plain_verify_shows_each_revisions_code_and_hash(run, store):
    rev = signed(store, confirm=True)
    rc, _, _, text = run("verify", rev.minutes_id)
    assert rc == 0
    digest = M.revision_hash(rev)
    assert f"mã nội dung {M.short_hash(digest)} — SHA-256 {digest}" in text


def test_a_code_nobody_here_has_is_said_so(run, store, confirmed_pdf):
    rc, out, err, _ = run("verify", "0123-4567-89AB-CDEF", "--json")
    assert rc == 1 and out["found"] is False
    assert "Không có biên bản nào ở đây có nội dung mang mã 0123-4567-89AB-CDEF" in err
    rev, _path = confirmed_pdf
    # the QR of revision 1 of a minutes we have, but another content: not the stored content
    rc, out, err, _ = run("verify", f"ISODESK-BB|{rev.minutes_id}|r1|{'ab' * 32}")
    assert rc == 1 and "khác với bản in" in err
    # a scanner typing through a Vietnamese input method
    rc, _, err, _ = run("verify", "BCFF-2775-ĐB6E-85B1")
    assert rc == 1 and "tắt bộ gõ tiếng Việt" in err


def test_a_superseded_revision_is_named_and_its_reprint_says_so_on_every_page(run, store,
                                                                               tmp_path):
    first = signed(store, confirm=True)
    old_code = M.short_hash(M.revision_hash(first))
    new = M.new_revision(store, first.minutes_id, {"conclusions": "Bổ sung kết luận."},
                         reason="Bổ sung")
    rc, out, _, _ = run("verify", old_code, "--json")
    assert rc == 0 and out["matches"][0]["current"] is True
    assert out["matches"][0]["drafting_revision"] == 2   # a draft replaces nothing yet
    M.sign(store, new.id, "tuvan", PASSWORD, "author")
    rc, out, _, text = run("verify", old_code, "--json")
    [m] = out["matches"]
    assert rc == 0 and m["current"] is False and m["superseded_by"]["revision"] == 2
    assert "ĐÃ ĐƯỢC THAY THẾ bởi bản sửa đổi 2" in m["message"]
    rc, _, _, _ = run("pdf", first.id, "--out", str(tmp_path / "r1.pdf"))
    assert rc == 0
    pages = pdf_pages(tmp_path / "r1.pdf")
    assert len(pages) >= 3
    assert all("Đã được thay thế bởi bản sửa đổi 2" in p for p in pages)
    rc, _, _, _ = run("pdf", new.id, "--out", str(tmp_path / "r2.pdf"))
    assert not any("thay thế" in p for p in pdf_pages(tmp_path / "r2.pdf"))


def test_the_stored_copy_altered_after_signing_is_found_but_refused(run, store):
    rev = signed(store, confirm=True)
    code = M.short_hash(M.revision_hash(rev))
    tamper(store, "UPDATE minutes_revisions SET conclusions = 'Sửa lén.' WHERE id = ?", (rev.id,))
    rc, out, err, _ = run("verify", code, "--json")
    assert rc == 1 and out["found"] and not out["valid"]
    assert "bản lưu ở đây không còn như lúc ký" in err


def test_a_draft_printout_is_a_draft(run, store, tmp_path):
    rev = M.create(store, sample(), complete=True)
    path = tmp_path / "nhap.pdf"
    minutes_pdf.render(rev, path, copies=False)
    rc, out, _, _ = run("verify", printed_code(path), "--json")
    assert rc == 0 and out["matches"][0]["status"] == "draft"
    assert "bản nháp, chưa có chữ ký" in out["message"]


def test_the_register_search_finds_minutes_by_content_code(run, store):
    rev = signed(store, confirm=True)
    other = signed(store, sample(subject="Họp khác", date="2026-01-06"))
    digest = M.revision_hash(rev)
    for query in (M.short_hash(digest), M.short_hash(digest).replace("-", " "), digest,
                  f"ISODESK-BB|{rev.minutes_id}|r1|{digest}", M.short_hash(digest)[:9]):
        rc, out, _, _ = run("list", "--search", query, "--json")
        assert rc == 0 and [m["minutes_id"] for m in out["minutes"]] == [rev.minutes_id], query
    assert M.register(store, query=M.short_hash(M.revision_hash(other)))[0].minutes_id == \
        other.minutes_id


def test_the_minutes_page_checks_a_scanned_copy(qtbot, store, confirmed_pdf, tmp_path):
    from PySide6.QtCore import Qt

    from desktop.views.context import ViewContext
    from desktop.views.minutes.page import MinutesPage
    from desktop.models import users

    rev, path = confirmed_pdf
    other = signed(store, sample(subject="Họp khác", date="2026-01-06"))
    page = MinutesPage(ViewContext(store, users.find_user(store, "admin")))
    qtbot.addWidget(page)
    page.show()
    page.select_minutes(other.minutes_id)
    box = page.printed_check
    qtbot.keyClicks(box.edit, decode_qr(path, tmp_path))   # a scanner types, then Enter
    qtbot.keyClick(box.edit, Qt.Key.Key_Return)
    dialog = box.dialog
    assert dialog is not None and dialog.isVisible()
    headline = dialog.headline()
    assert "01/BB-BHXHTEST" in headline
    assert dialog.result["matches"][0]["current"] and dialog.result["valid"]
    dialog.findChild(type(box.button), "printed_check_show").click()
    assert page.selected().minutes_id == rev.minutes_id
    qtbot.waitUntil(lambda: box.edit.text() == "")   # ready for the next scan
