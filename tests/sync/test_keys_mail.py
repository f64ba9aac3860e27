"""Unit keys and their protection, the province profile and enrolment, the e-mail outbox."""
from __future__ import annotations

import datetime as _dt
import json
import os
import smtplib
import sys

import pytest

from desktop.models import synced_tables
from desktop.models.errors import ValidationError
from sync import exporter, mail
from sync.errors import SenderKeyChanged, SyncError
from sync.keys import _raw_private, ensure_unit_keys, load_unit_keys, own_fingerprint
from sync.peers import add_district, enroll, export_province_profile, get_peer, read_profile


def test_private_keys_stay_local_and_wrapped(store):
    keys = load_unit_keys(store)
    ensure_unit_keys(store)  # idempotent
    assert store.scalar("SELECT count(*) FROM sync_unit_keys") == 2
    assert "sync_unit_keys" not in synced_tables.SYNCED_TABLES
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = store.path.read_bytes()
    for key in (keys.sign, keys.enc):
        secret = _raw_private(key)
        assert secret not in raw
        import base64

        assert base64.b64encode(secret) not in raw
    wrap = store.data_dir / "keys" / "unit-wrap.key"
    protectors = {r["protector"] for r in store.query("SELECT protector FROM sync_unit_keys")}
    if sys.platform == "win32":   # DPAPI of the Windows account wraps them: no key file at all
        assert protectors == {"dpapi"} and not wrap.exists()
        return
    assert protectors == {"keyfile"}
    if os.name == "posix":
        assert oct(wrap.stat().st_mode & 0o777) == "0o600"
    wrap.unlink()
    with pytest.raises(SyncError) as err:
        load_unit_keys(store)
    assert "tạo lại khóa" in err.value.message


def test_profile_is_signed_and_checked(pair, tmp_path):
    path = export_province_profile(pair.province, tmp_path / "p.isoprofile")
    data = read_profile(path)
    assert data["fingerprint"] == own_fingerprint(pair.province)
    assert data["email"] == "iso.tinh@example.vn"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["email"] = "ke.gian@example.com"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(SyncError) as err:
        read_profile(path)
    assert "chữ ký" in err.value.message
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(SyncError):
        read_profile(path)


def test_enrol_refusals(pair, tmp_path):
    pair.province.execute("DELETE FROM sync_peers")
    add_district(pair.province, "BHXHKHAC", "Huyện khác")
    path = export_province_profile(pair.province, tmp_path / "p.isoprofile")
    with pytest.raises(SyncError) as err:
        enroll(pair.district, path)
    assert "không có mã BHXHTEST" in err.value.message
    pair.district.execute("UPDATE unit_profile SET parent_code = 'BHXHXYZ'")
    with pytest.raises(SyncError) as err:
        enroll(pair.district, path)
    assert "BHXHXYZ" in err.value.message


def test_changed_province_key_needs_confirmation(pair, tmp_path):
    from sync.keys import renew_unit_keys

    renew_unit_keys(pair.province)
    path = export_province_profile(pair.province, tmp_path / "new.isoprofile")
    with pytest.raises(SenderKeyChanged):
        enroll(pair.district, path)
    peer = enroll(pair.district, path, accept_changed_key=True)
    assert peer.fingerprint == own_fingerprint(pair.province)


def test_add_district_validation(province):
    with pytest.raises(ValidationError) as err:
        add_district(province, "bad code!", "", "not-an-email")
    assert set(err.value.errors) == {"code", "name", "email"}
    add_district(province, "bhxhmot", "  Huyện   Một ")
    assert get_peer(province, "BHXHMOT").name == "Huyện Một"
    with pytest.raises(ValidationError):
        add_district(province, "BHXHMOT", "lặp")


class FakeSmtp:
    sent: list = []
    failures = 0

    def __init__(self, cfg, password):
        if FakeSmtp.failures:
            FakeSmtp.failures -= 1
            raise ConnectionRefusedError("refused")
        self.cfg, self.password = cfg, password

    def send_message(self, msg):
        FakeSmtp.sent.append((self.cfg["host"], self.password, msg))

    def quit(self):
        pass


def test_outbox_retries_then_sends(pair):
    pair.staff(2)
    [p] = exporter.export_packages(pair.district)
    with pytest.raises(SyncError):
        mail.queue_email(pair.district, p.package_id)  # no SMTP settings yet
    with pytest.raises(ValidationError) as err:
        mail.save_smtp_settings(pair.district, host="", port="x", security="tls", sender="")
    assert set(err.value.errors) == {"host", "port", "security", "sender"}
    mail.save_smtp_settings(pair.district, host="smtp.example.vn", port=587,
                            security="starttls", username="huyen", sender="huyen@example.vn",
                            password="mat-khau-thu")
    assert "mat-khau-thu" not in json.dumps(pair.district.query("SELECT * FROM settings"))
    [oid] = mail.queue_email(pair.district, p.package_id)
    FakeSmtp.sent, FakeSmtp.failures = [], 2
    now = _dt.datetime.now().astimezone()
    r1 = mail.send_due(pair.district, smtp_factory=FakeSmtp, now=now)
    assert r1["failed"] == 1 and "Không kết nối" in r1["errors"][0]
    row = pair.district.query_one("SELECT * FROM sync_outbox WHERE id = ?", (oid,))
    assert row["attempts"] == 1 and row["status"] == "waiting"
    # not due yet: nothing is tried
    assert mail.send_due(pair.district, smtp_factory=FakeSmtp, now=now)["failed"] == 0
    later = now + _dt.timedelta(minutes=2)
    assert mail.send_due(pair.district, smtp_factory=FakeSmtp, now=later)["failed"] == 1
    row = pair.district.query_one("SELECT * FROM sync_outbox WHERE id = ?", (oid,))
    assert (_dt.datetime.fromisoformat(row["next_try_at"]) - later).total_seconds() > 299
    r3 = mail.send_due(pair.district, smtp_factory=FakeSmtp, now=later + _dt.timedelta(hours=1))
    assert r3["sent"] == 1 and r3["waiting"] == 0
    host, password, msg = FakeSmtp.sent[0]
    assert (host, password, msg["To"]) == ("smtp.example.vn", "mat-khau-thu",
                                           "iso.tinh@example.vn")
    assert msg.get_payload()[1].get_filename() == "BHXHTEST-00001.isosync"
    out = pair.district.query_one("SELECT status, sent_via FROM sync_packages")
    assert out == {"status": "sent", "sent_via": "smtp"}


def test_explain_smtp_errors():
    assert "mật khẩu" in mail._explain(smtplib.SMTPAuthenticationError(535, b"no"))
