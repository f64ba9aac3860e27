"""The district's Send tab: e-mail only once the mail server is set, no drive shown as such,
and the last package used again when nothing changed since it was made."""
from __future__ import annotations

import pytest

from desktop.models import users
from desktop.views.context import ViewContext
from desktop.views.sync import district as district_view
from sync import mail



@pytest.fixture
def send(qtbot, pair, english, monkeypatch):  # noqa: F811
    monkeypatch.setattr(district_view, "removable_drives", lambda: [])
    panel = district_view.SendPanel(ViewContext(pair.district,
                                                users.find_user(pair.district, "admin")))
    qtbot.addWidget(panel)
    return panel


def test_no_drive_and_no_mail_server(send, english):
    assert send.drive.count() == 0 and "No USB drive found" in send.drive.placeholderText()
    assert not send.export_btn.isEnabled() and not send.again_btn.isEnabled()
    assert send.eml_btn.isEnabled()
    assert not send.smtp_btn.isEnabled() and "“E-mail” tab" in send.smtp_btn.toolTip()


def test_mail_server_set_enables_sending(send, pair, english):
    mail.save_smtp_settings(pair.district, host="smtp.example.vn", port=587, security="starttls",
                            username="a@example.vn", password="x", sender="a@example.vn")
    send.refresh()
    assert send.smtp_btn.isEnabled() and send.smtp_btn.toolTip() == ""


def test_nothing_new_uses_the_last_package_again(qtbot, send, pair, english, monkeypatch):
    pair.staff(3)
    send.choose_folder(folder=str(pair.usb))
    assert send.export_btn.isEnabled()
    send.export_btn.click()
    qtbot.waitUntil(lambda: send.last_result is not None, timeout=20000)
    asked = []
    monkeypatch.setattr(send, "_ask_reuse", lambda p: asked.append(p["seq"]) or "reuse")
    out = pair.tmp / "mail"
    out.mkdir()
    send.save_eml(folder=str(out))  # the e-mail of the package just written
    assert asked == [1]
    assert list(out.glob("*.eml"))
    send.refresh()
    assert send.packages.rowCount() == 1  # no second, identical package
    send.export_btn.click()  # to the drive again: copied, not made anew
    assert asked == [1, 1] and send.packages.rowCount() == 1
    assert "Copied again" in send.result_label.text()


def test_the_outbox_timer_sends_the_waiting_e_mails_and_nothing_else(qtbot, pair, english):
    """The main window's outbox timer: with nothing waiting a tick starts no work; with an
    e-mail waiting it tries the mail server off the UI thread (here one that refuses the
    connection), records the failure for the next try and tells the pages."""
    import socket

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMainWindow

    from desktop.models import sync_outbox
    from desktop.views.sync.outbox import start_outbox_timer
    from sync import exporter

    with socket.socket() as s:  # a port of 127.0.0.1 that nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    mail.save_smtp_settings(pair.district, host="127.0.0.1", port=port, security="none",
                            sender="a@example.vn")
    ctx = ViewContext(pair.district, users.find_user(pair.district, "admin"))
    window = QMainWindow()
    qtbot.addWidget(window)
    start_outbox_timer(ctx, window)
    timer = window.findChild(QTimer, "sync_outbox_timer")
    assert timer is not None and timer.isActive() and timer.interval() == 10_000
    changed = []
    ctx.data_changed.connect(changed.append)
    timer.timeout.emit()  # the first look: nothing waits
    assert timer.interval() == 3 * 60 * 1000
    assert not getattr(window, "_background_jobs", []) and changed == []

    pair.staff(2)
    [p] = exporter.export_packages(pair.district, pair.usb)
    [oid] = mail.queue_email(pair.district, p.package_id)
    assert sync_outbox.waiting_count(pair.district) == 1
    timer.timeout.emit()
    qtbot.waitUntil(lambda: len(changed) == 1, timeout=30000)
    assert {"sync_outbox", "sync_packages"} <= changed[0]
    [row] = sync_outbox.recent(pair.district)
    assert row["id"] == oid and row["status"] == "waiting" and row["attempts"] == 1
    assert "Không kết nối được máy chủ thư" in row["last_error"]
    assert sync_outbox.waiting_count(pair.district) == 1
