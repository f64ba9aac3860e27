"""Packages by e-mail: an `.eml` for any mail client, or sending through SMTP with an outbox that
retries with growing waits. Packages over 7 MB go as numbered parts, one message each, which the
province may receive in any order.

The SMTP password is wrapped by the same local protector as the unit's keys (sync/keys.py).
"""
from __future__ import annotations

import datetime as _dt
import smtplib
import socket
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Callable

from desktop.models import sync_outbox
from desktop.models.db import Store
from desktop.models.errors import ValidationError
from desktop.models.settings import get_setting, set_setting
from desktop.models.vntext import clean

from .errors import SyncError
from .exporter import mark_sent, outgoing_path, sync_dir
from .keys import _protector, load_unit_keys
from .peers import MAILBOX_SETTING, get_peer, my_profile
from .parts import PART_SIZE, split_package
from .transport import write_atomic

SMTP_SETTING = "sync_smtp"
SMTP_PASSWORD_SETTING = "sync_smtp_password"
SECURITY = ("starttls", "ssl", "none")
BACKOFF_MINUTES = (1, 5, 15, 30, 60)


def smtp_settings(store: Store) -> dict:
    cfg = get_setting(store, SMTP_SETTING, {}) or {}
    return {"host": cfg.get("host", ""), "port": int(cfg.get("port") or 587),
            "security": cfg.get("security", "starttls"), "username": cfg.get("username", ""),
            "sender": cfg.get("sender", "") or get_setting(store, MAILBOX_SETTING, "") or "",
            "has_password": bool(get_setting(store, SMTP_PASSWORD_SETTING, ""))}


def save_smtp_settings(store: Store, *, host: str, port: int | str, security: str,
                       username: str = "", sender: str = "", password: str | None = None) -> dict:
    errors = {}
    host = clean(host) or ""
    if not host or " " in host:
        errors["host"] = "Hãy nhập máy chủ gửi thư (SMTP), ví dụ smtp.gmail.com."
    try:
        port = int(port)
        if not 1 <= port <= 65535:
            raise ValueError
    except (TypeError, ValueError):
        errors["port"] = "Cổng là số từ 1 đến 65535 (thường 587 hoặc 465)."
    if security not in SECURITY:
        errors["security"] = "Chọn kiểu bảo mật: STARTTLS, SSL/TLS hoặc không."
    sender = (clean(sender) or "").lower()
    if not sender or "@" not in sender:
        errors["sender"] = "Hãy nhập địa chỉ email gửi đi của đơn vị."
    if errors:
        raise ValidationError(errors)
    with store.atomic():
        set_setting(store, SMTP_SETTING, {"host": host, "port": port, "security": security,
                                          "username": clean(username) or "", "sender": sender})
        if password is not None:
            wrapped = _protector(store).wrap(password.encode("utf-8"), b"smtp") if password else ""
            set_setting(store, SMTP_PASSWORD_SETTING,
                        {"protector": _protector(store).name, "value": wrapped} if wrapped else "")
    return smtp_settings(store)


def _password(store: Store) -> str:
    stored = get_setting(store, SMTP_PASSWORD_SETTING, "")
    if not stored:
        return ""
    return _protector(store, stored["protector"]).unwrap(stored["value"], b"smtp").decode("utf-8")


def _message(store: Store, row: dict, attachment: Path, index: int, total: int,
             sender: str, to: str) -> EmailMessage:
    profile = my_profile(store)
    part = f" (phần {index}/{total})" if total > 1 else ""
    msg = EmailMessage()
    msg["Subject"] = f"[ISO Desk] Gói đồng bộ {row['file_name']}{part} — {profile.name}"
    msg["From"] = sender or f"{profile.code.lower()}@isodesk.invalid"
    msg["To"] = to
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain="isodesk.invalid")
    msg["X-IsoDesk-Package"] = f"{row['package_id']};{index}/{total}"
    body = (f"Kính gửi {to},\n\n{profile.name} gửi gói đồng bộ số {row['seq']} "
            f"({row['file_name']}){part}.\nTệp đính kèm đã được ký và mã hóa; hãy lưu tệp rồi "
            "nhập bằng ISO Desk (Đồng bộ → Nhập gói). Các phần có thể đến theo thứ tự bất kỳ.\n\n"
            "Thư này do ISO Desk tạo.\n")
    msg.set_content(body)
    msg.add_attachment(attachment.read_bytes(), maintype="application", subtype="octet-stream",
                       filename=attachment.name)
    return msg


def build_messages(store: Store, package_id: str, *, part_size: int = PART_SIZE
                   ) -> list[tuple[str, EmailMessage]]:
    row, path = outgoing_path(store, package_id)
    peer = get_peer(store, row["peer"])
    to = peer.email if peer else ""
    if not to:
        raise SyncError(f"Chưa có địa chỉ email của {row['peer']}. "
                        + ("Hãy nhập lại hồ sơ tỉnh có ghi hộp thư, hoặc gửi bằng USB."
                           if peer and peer.role == "province" else
                           "Hãy ghi email của đơn vị ở Đồng bộ → Đơn vị."), code="no_mailbox")
    sender = smtp_settings(store)["sender"]
    if path.stat().st_size > part_size:
        keys = load_unit_keys(store)
        parts = split_package(path, sync_dir(store, "parts-out", row["package_id"]),
                              part_size=part_size, sign=keys.sign.sign,
                              sender=my_profile(store).code)
    else:
        parts = [path]
    stem = row["file_name"].rsplit(".", 1)[0]
    out = []
    for i, att in enumerate(parts, start=1):
        name = f"{stem}.eml" if len(parts) == 1 else f"{stem}-phan-{i:02d}-{len(parts):02d}.eml"
        out.append((name, _message(store, row, att, i, len(parts), sender, to)))
    return out


def write_eml(store: Store, package_id: str, out_dir: Path, *, part_size: int = PART_SIZE
              ) -> list[Path]:
    """Write the message(s) for any mail client (open the .eml, press Send)."""
    made = []
    for name, msg in build_messages(store, package_id, part_size=part_size):
        dest = Path(out_dir) / name
        write_atomic(dest, msg.as_bytes())
        made.append(dest)
    mark_sent(store, package_id, "eml")
    return made


def queue_email(store: Store, package_id: str, *, part_size: int = PART_SIZE) -> list[int]:
    """Put the message(s) in the outbox; `send_due` sends them, retrying when it fails."""
    if not smtp_settings(store)["host"]:
        raise SyncError("Chưa cài đặt máy chủ gửi thư (SMTP). Hãy vào Đồng bộ → Email để cài "
                        "đặt, hoặc lưu tệp .eml để gửi bằng chương trình thư.", code="no_smtp")
    folder = sync_dir(store, "outbox")
    messages = []
    for name, msg in build_messages(store, package_id, part_size=part_size):
        write_atomic(folder / name, msg.as_bytes())
        messages.append((name, msg["To"], msg["Subject"]))
    return sync_outbox.queue(store, package_id, messages)


SmtpFactory = Callable[[dict, str], object]


def default_smtp(cfg: dict, password: str):
    context = ssl.create_default_context()
    if cfg["security"] == "ssl":
        conn = smtplib.SMTP_SSL(cfg["host"], cfg["port"], timeout=30, context=context)
    else:
        conn = smtplib.SMTP(cfg["host"], cfg["port"], timeout=30)
        if cfg["security"] == "starttls":
            conn.starttls(context=context)
    if cfg["username"]:
        conn.login(cfg["username"], password)
    return conn


def _explain(exc: Exception) -> str:
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return "Máy chủ thư từ chối tên đăng nhập hoặc mật khẩu."
    if isinstance(exc, (socket.gaierror, ConnectionRefusedError)):
        return "Không kết nối được máy chủ thư (không có mạng hoặc sai địa chỉ)."
    if isinstance(exc, (socket.timeout, TimeoutError)):
        return "Máy chủ thư không trả lời (hết thời gian chờ)."
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "Máy chủ thư từ chối địa chỉ người nhận."
    if isinstance(exc, smtplib.SMTPDataError) and getattr(exc, "smtp_code", 0) == 552:
        return "Thư quá lớn so với giới hạn của máy chủ."
    return f"Gửi thư không được: {exc.__class__.__name__}: {exc}"


def send_due(store: Store, *, smtp_factory: SmtpFactory = default_smtp,
             now: _dt.datetime | None = None) -> dict:
    """Send the outbox messages whose time has come; failures wait longer each time."""
    now = now or _dt.datetime.now().astimezone()
    due = sync_outbox.due(store, now)
    result = {"sent": 0, "failed": 0, "waiting": 0, "errors": []}
    if not due:
        result["waiting"] = sync_outbox.waiting_count(store)
        return result
    cfg = smtp_settings(store)
    conn = None
    error: Exception | None = None
    try:
        conn = smtp_factory(cfg, _password(store))
    except Exception as exc:  # network, TLS, login: all retried later
        error = exc
    folder = sync_dir(store, "outbox")
    for row in due:
        try:
            if conn is None:
                raise error or SyncError("no connection")
            from email import policy
            from email.parser import BytesParser

            msg = BytesParser(policy=policy.default).parsebytes(
                (folder / row["eml_name"]).read_bytes())
            conn.send_message(msg)
        except Exception as exc:
            attempts = row["attempts"] + 1
            wait = BACKOFF_MINUTES[min(attempts - 1, len(BACKOFF_MINUTES) - 1)]
            text = _explain(exc)
            sync_outbox.record_failure(
                store, row["id"], attempts=attempts, error=text,
                next_try_at=(now + _dt.timedelta(minutes=wait)).isoformat(timespec="milliseconds"))
            result["failed"] += 1
            result["errors"].append(text)
            continue
        with store.atomic():
            if not sync_outbox.record_sent(store, row["id"], row["package_id"]):
                mark_sent(store, row["package_id"], "smtp")
        result["sent"] += 1
    if conn is not None:
        try:
            conn.quit()
        except Exception:
            pass
    result["waiting"] = sync_outbox.waiting_count(store)
    return result
