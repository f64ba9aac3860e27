"""Co-signing a minutes and checking the signatures (docs/minutes-signing.md).

The author ("Người lập biên bản", usually the consultant who recorded it) signs first, then a
representative of the ISO team (or of the province steering committee) confirms. Each signer
types their username and password again; the password unlocks their Ed25519 key, which signs the
content hash together with who signs, as what and when. Verification recomputes everything from
the stored rows, so a change to the content, a signature or a key is found.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Callable

from .. import anchors, audit, blobs, crypto, ownership, records, users
from ..db import Store, now_iso
from ..errors import IsoDeskError, PermissionDenied, ReadOnlyRecord, ValidationError
from ..unit import get_profile
from . import fields as F
from .canonical import (
    content_document, content_hash, short_hash, signature_bytes,
)
from .repository import Revision, load_revision, resolve, revision_ids

PdfRenderer = Callable[[Revision], bytes]

SIGN_ROLES = {
    "author": ("consultant", "iso_team", "admin"),
    "confirm": ("iso_team", "admin"),
}
ALTERED_VI = "Bản này đã bị thay đổi sau khi ký."


def meaning_text(meaning: str, team_name: str | None = None) -> str:
    if meaning == "author":
        return F.AUTHOR_MEANING_VI
    return f"Xác nhận của đại diện {team_name or 'Tổ triển khai ISO'}"


def team_name_of(store: Store) -> str:
    profile = get_profile(store)
    return profile.team_name if profile else "Tổ triển khai ISO"


def confirm_capacities(store: Store) -> list[str]:
    """The bodies a confirmer may represent (seed 000, item 4): this unit's ISO team and, at a
    district, the province's ISO steering committee ("Ban Chỉ đạo ISO <province>")."""
    profile = get_profile(store)
    out = [team_name_of(store)]
    if profile is not None and not profile.is_province and (profile.parent_name or "").strip():
        out.append(f"{profile.level_name('province_team')} {profile.parent_name.strip()}")
    return out


def default_capacity(store: Store, username: str | None) -> str:
    """The body a confirming user represents unless they choose: the province's committee when
    their position names it and they are not on this unit's team list, else this unit's team."""
    from ..vntext import fold

    bodies = confirm_capacities(store)
    user = users.find_user(store, username) if username else None
    if user is None or len(bodies) == 1:
        return bodies[0]
    from ..iso.team import TeamRepository

    on_team = any(fold(m.full_name) == fold(user.full_name)
                  for m in TeamRepository(store).members())
    profile = get_profile(store)
    committee = fold(profile.level_name("province_team")) if profile else ""
    if not on_team and committee and committee in fold(user.position or ""):
        return bodies[1]
    return bodies[0]


def revision_hash(rev: Revision) -> str:
    return content_hash(content_document(rev.row, rev.participants, rev.action_items,
                                         rev.attachments))


def _signature_digest(signature_b64: str) -> str:
    return hashlib.sha256(signature_b64.encode("ascii")).hexdigest()


def next_meaning(rev: Revision) -> str | None:
    """Which signature the revision waits for: author, confirm, or None (confirmed)."""
    return {"draft": "author", "signed": "confirm"}.get(rev.status)


def check_can_sign(rev: Revision, meaning: str, store: Store) -> None:
    """Refuse, before asking for a password, what can't be signed now."""
    if meaning not in F.MEANINGS:
        raise ValidationError({"meaning": "Tư cách ký phải là author (người lập biên bản) hoặc "
                                          "confirm (xác nhận)."})
    if store.unit_code and rev.origin_unit != store.unit_code:
        raise ReadOnlyRecord("Biên bản này là bản sao nhận từ đơn vị khác: chỉ kiểm tra được, "
                             "không ký được ở đây.")
    if not rev.is_latest:
        raise IsoDeskError(f"Đây là bản sửa đổi cũ ({rev.revision_no}) của biên bản số "
                           f"{rev.number}; chỉ ký được bản mới nhất.")
    if meaning == "author" and rev.status != "draft":
        who = (rev.signature("author") or {}).get("full_name", "")
        raise IsoDeskError(f"Biên bản số {rev.number} đã được người lập ({who}) ký. "
                           "Muốn sửa nội dung, hãy tạo bản sửa đổi mới.")
    if meaning == "confirm" and rev.status == "draft":
        raise IsoDeskError(f"Biên bản số {rev.number} chưa được người lập ký: người lập biên "
                           "bản ký trước, sau đó đại diện mới xác nhận.")
    if meaning == "confirm" and rev.status == "confirmed":
        raise IsoDeskError(f"Biên bản số {rev.number} đã được xác nhận rồi.")
    missing = F.missing_for_signing(rev.draft_data())
    if missing:
        raise ValidationError({k: v for k, v in missing.items()})


def sign(store: Store, target_id: str, username: str, password: str, meaning: str, *,
         team_name: str | None = None, pdf_renderer: PdfRenderer | None = None) -> Revision:
    """Sign the latest revision of a minutes (or the revision `target_id`) as `meaning`.

    A wrong password is refused, logged and counted toward the lockout (users.authenticate).
    When the confirmation completes the minutes, `pdf_renderer` makes the PDF kept with it.
    """
    rev = resolve(store, target_id)
    check_can_sign(rev, meaning, store)
    user = users.authenticate(store, username, password, purpose="minutes_sign")
    if user.role not in SIGN_ROLES[meaning]:
        audit.append(store, "minutes_sign_refused", table="minutes_revisions", record_id=rev.id,
                     new={"username": user.username, "meaning": meaning, "reason": "role"},
                     actor=user.username)
        if meaning == "confirm":
            raise PermissionDenied(
                f"Tài khoản {user.username} ({user.role_label}) không xác nhận được biên bản: "
                f"việc xác nhận do đại diện {team_name or team_name_of(store)} làm.")
        raise PermissionDenied(f"Tài khoản {user.username} ({user.role_label}) không được lập "
                               "biên bản.")
    author = rev.signature("author")
    if meaning == "confirm" and author and author["user_id"] == user.id:
        raise PermissionDenied("Người xác nhận phải là người khác với người lập biên bản "
                               f"({author['full_name']}).")
    key_row, private_key = users.unlock_signing_key(store, user.id, password)
    with store.atomic():
        rev = load_revision(store, rev.id)  # the state inside the transaction
        check_can_sign(rev, meaning, store)
        digest = revision_hash(rev)
        countersigns = None
        if meaning == "author":
            files = attachment_problems(store, rev)
            if files:
                raise IsoDeskError("Không ký được vì tài liệu đính kèm có vấn đề: "
                                   + " ".join(files) + " Hãy gỡ tệp đó và đính kèm lại.")
        if meaning == "confirm":
            check = verify_revision(store, rev, check_pdf=False, check_files=True)
            if not check.valid:
                raise IsoDeskError(ALTERED_VI + " Không xác nhận được: " + "; ".join(check.problems))
            countersigns = _signature_digest(rev.signature("author")["signature"])
        sig = {
            "id": records.new_id(), "minutes_id": rev.minutes_id, "revision_id": rev.id,
            "meaning": meaning, "meaning_text": meaning_text(meaning, team_name
                                                             or team_name_of(store)),
            "user_id": user.id, "username": user.username, "full_name": user.full_name,
            "position": user.position or user.role_label, "signed_at": now_iso(),
            "key_id": key_row["id"], "key_fingerprint": key_row["fingerprint"],
            "content_sha256": digest, "countersigns": countersigns, "algorithm": "ed25519",
        }
        sig["signature"] = crypto.sign(private_key, signature_bytes(sig))
        records.insert(store, "minutes_signatures", sig, record_id=sig["id"])
        changes = {"status": "signed" if meaning == "author" else "confirmed"}
        if meaning == "author":
            changes["content_sha256"] = digest
        records.update(store, "minutes_revisions", rev.id, changes)
        audit.append(store, "minutes_signed", table="minutes_revisions", record_id=rev.id,
                     new={"signature_id": sig["id"], "meaning": meaning,
                          "content_sha256": digest, "username": user.username,
                          "key_id": sig["key_id"], "key_fingerprint": sig["key_fingerprint"],
                          "signed_at": sig["signed_at"],
                          "signature_sha256": _signature_digest(sig["signature"])},
                     actor=user.username)
        if meaning == "confirm" and pdf_renderer is not None:
            final = load_revision(store, rev.id)
            pdf = pdf_renderer(final)
            name = "bien-ban-" + "".join(c if c.isalnum() else "-" for c in final.number) + ".pdf"
            pdf_digest = blobs.put_blob(store, pdf, name=name, media_type="application/pdf")
            records.update(store, "minutes_revisions", rev.id, {"pdf_sha256": pdf_digest})
    anchors.checkpoint(store, "minutes_signed")
    return load_revision(store, rev.id)


# --- verification ----------------------------------------------------------------------------

@dataclass
class SignatureCheck:
    row: dict
    problems: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.problems

    def public(self) -> dict:
        s = self.row
        return {"user": s["username"], "full_name": s["full_name"], "meaning": s["meaning"],
                "signed_at": s["signed_at"], "valid": self.valid, "position": s["position"],
                "meaning_text": s["meaning_text"], "key_fingerprint": s["key_fingerprint"],
                "problems": list(self.problems)}


@dataclass
class RevisionCheck:
    revision: Revision
    content_sha256: str
    signatures: list[SignatureCheck] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    superseded_by: int | None = None   # the latest later revision that was signed

    @property
    def valid(self) -> bool:
        return not self.problems and all(s.valid for s in self.signatures)

    @property
    def all_problems(self) -> list[str]:
        return [*self.problems, *(p for s in self.signatures for p in s.problems)]

    @property
    def message(self) -> str:
        rev = self.revision
        if not self.valid:
            return ALTERED_VI + " " + " ".join(self.all_problems)
        if rev.status == "draft":
            return "Bản nháp, chưa có chữ ký."
        names = ", ".join(f"{s.row['full_name']} ({s.row['meaning_text']})"
                          for s in self.signatures)
        return f"Chữ ký hợp lệ, nội dung không thay đổi từ khi ký: {names}."


def superseded_by(store: Store, rev: Revision) -> int | None:
    """The number of the latest revision signed after `rev` (a later draft replaces
    nothing yet), or None when `rev` is the current one."""
    return store.scalar("SELECT max(revision_no) FROM minutes_revisions WHERE minutes_id = ? "
                        "AND revision_no > ? AND status != 'draft' AND deleted = 0",
                        (rev.minutes_id, rev.revision_no))


def _key(store: Store, key_id: str) -> dict | None:
    return store.query_one("SELECT * FROM user_keys WHERE id = ?", (key_id,))


def signer_units(store: Store, unit: str, meaning: str) -> set[str]:
    """The units whose keys may sign a minutes of `unit` as `meaning`: the unit itself, and for
    a confirmation also its province (`ownership.province_of`)."""
    units = {unit}
    if meaning == "confirm":
        province = ownership.province_of(store)
        if province:
            units.add(province)
    return units


def _check_signature(store: Store, rev: Revision, sig: dict, digest: str,
                     unit: str) -> SignatureCheck:
    """`unit`: the unit of the minutes, whose keys (or its province's, for a confirmation) are
    the only ones that may have made the signature."""
    check = SignatureCheck(sig)
    who = sig.get("full_name") or sig.get("username")
    allowed = signer_units(store, unit, sig["meaning"])
    if sig["revision_id"] != rev.id or sig["minutes_id"] != rev.minutes_id:
        check.problems.append(f"Chữ ký của {who} thuộc một biên bản khác.")
    if sig["origin_unit"] not in allowed:
        check.problems.append(f"Chữ ký của {who} do đơn vị {sig['origin_unit']} ghi, không phải "
                              f"đơn vị của biên bản ({unit}).")
    if sig["content_sha256"] != digest:
        check.problems.append(f"Nội dung đã bị thay đổi sau khi {who} ký "
                              f"(mã nội dung lúc ký {short_hash(sig['content_sha256'])}, "
                              f"hiện tại {short_hash(digest)}).")
    key = _key(store, sig["key_id"])
    if key is None:
        check.problems.append(f"Không tìm thấy khóa công khai của {who} "
                              f"({sig['key_fingerprint']}) để kiểm tra chữ ký.")
        return check
    try:
        actual_fp = crypto.fingerprint(key["public_key"])
    except ValueError:
        actual_fp = ""
    if key["user_id"] != sig["user_id"]:
        check.problems.append(f"Khóa dùng để ký không thuộc tài khoản của {who}.")
    if key["origin_unit"] not in allowed or key["origin_unit"] != sig["origin_unit"]:
        check.problems.append(f"Khóa dùng để ký là khóa của đơn vị {key['origin_unit']}, không "
                              f"phải của đơn vị của biên bản ({unit}): chữ ký không có giá trị.")
    if actual_fp != sig["key_fingerprint"] or actual_fp != key["fingerprint"]:
        check.problems.append(f"Khóa công khai của {who} đã bị thay đổi (dấu vân tay lúc ký "
                              f"{sig['key_fingerprint']}, hiện tại {actual_fp or '?'}).")
    if not crypto.verify(key["public_key"], sig["signature"], signature_bytes(sig)):
        check.problems.append(f"Chữ ký điện tử của {who} không khớp: chữ ký hoặc thông tin "
                              "người ký (họ tên, thời điểm, tư cách) đã bị sửa.")
    return check


def verify_revision(store: Store, rev: Revision, *, check_pdf: bool = True,
                    check_files: bool | None = None) -> RevisionCheck:
    """Recompute the content hash and check every signature, the status, the audit entries
    and (`check_files`, by default as `check_pdf`) the stored attachment files; `check_pdf`
    also checks the PDF kept with a confirmed revision."""
    digest = revision_hash(rev)
    result = RevisionCheck(rev, digest, superseded_by=superseded_by(store, rev))
    unit = store.scalar("SELECT origin_unit FROM minutes WHERE id = ?", (rev.minutes_id,))
    unit = unit or rev.origin_unit
    by_meaning: dict[str, list[dict]] = {}
    for sig in rev.signatures:
        by_meaning.setdefault(sig["meaning"], []).append(sig)
        result.signatures.append(_check_signature(store, rev, sig, digest, unit))
    problems = result.problems
    problems += _origin_problems(rev, unit)
    for meaning, sigs in by_meaning.items():
        if len(sigs) > 1:
            problems.append(f"Có {len(sigs)} chữ ký cùng tư cách “{sigs[0]['meaning_text']}”.")
    author = (by_meaning.get("author") or [None])[0]
    confirm = (by_meaning.get("confirm") or [None])[0]
    status = rev.status
    if status == "draft" and rev.signatures:
        problems.append("Biên bản đã ký nhưng bị chuyển lại thành bản nháp.")
    if status in ("signed", "confirmed") and author is None:
        problems.append("Biên bản ghi là đã ký nhưng không còn chữ ký của người lập.")
    if status == "confirmed" and confirm is None:
        problems.append("Biên bản ghi là đã xác nhận nhưng không còn chữ ký xác nhận.")
    if status == "signed" and confirm is not None:
        problems.append("Có chữ ký xác nhận nhưng trạng thái biên bản bị đổi về “chờ xác nhận”.")
    if confirm is not None and author is not None:
        if confirm["countersigns"] != _signature_digest(author["signature"]):
            problems.append("Chữ ký của người lập đã bị thay sau khi được xác nhận.")
    if status != "draft" and rev.row.get("content_sha256") not in (None, "", digest):
        problems.append("Mã nội dung ghi trong biên bản không khớp với nội dung hiện có.")
    if not store.unit_code or rev.origin_unit == store.unit_code:
        problems += _audit_problems(store, rev)
    if status != "draft" and (check_pdf if check_files is None else check_files):
        problems += attachment_problems(store, rev)
    if check_pdf and rev.row.get("pdf_sha256"):
        _check_pdf(store, rev, digest, result)
    return result


def _origin_problems(rev: Revision, unit: str) -> list[str]:
    """The revision and every row of its content must be of the minutes' own unit (another unit
    can't add a revision, a participant, an action item or an attachment to it)."""
    problems = []
    if rev.origin_unit != unit:
        problems.append(f"Bản sửa đổi {rev.revision_no} do đơn vị {rev.origin_unit} ghi, không "
                        f"phải đơn vị của biên bản ({unit}).")
    for label, rows in (("người dự họp", rev.participants), ("việc cần làm", rev.action_items),
                        ("tài liệu đính kèm", rev.attachments)):
        others = sorted({r["origin_unit"] for r in rows} - {unit})
        if others:
            problems.append(f"Có {label} do đơn vị {', '.join(others)} ghi vào biên bản của "
                            f"{unit}.")
    return problems


# What the audit entry of a signing recorded, compared with the signature row. Entries written
# before key_id, key_fingerprint, signed_at and signature_sha256 were recorded hold only the
# first fields; what an entry does not hold is not compared.
_AUDITED = {"meaning": "tư cách ký", "username": "người ký", "content_sha256": "mã nội dung",
            "key_id": "khóa", "key_fingerprint": "dấu vân tay khóa", "signed_at": "thời điểm ký",
            "signature_sha256": "giá trị chữ ký"}


def _audit_problems(store: Store, rev: Revision) -> list[str]:
    """Each signature the audit log recorded for this revision must still be there, as it was
    recorded (on the unit that made the minutes: the province has no district's audit log)."""
    problems: list[str] = []
    present = {s["id"]: s for s in rev.signatures}
    for entry in audit.history(store, "minutes_revisions", rev.id):
        new = entry["new"]
        if entry["action"] != "minutes_signed" or not new:
            continue
        who = new.get("username")
        when = entry["at"][:16].replace("T", " ")
        sig = present.get(new.get("signature_id"))
        if sig is None:
            problems.append(f"Chữ ký của {who} lúc {when} đã bị xóa khỏi tệp dữ liệu.")
            continue
        actual = {**sig, "signature_sha256": _signature_digest(sig["signature"])}
        changed = [label for key, label in _AUDITED.items()
                   if key in new and new[key] != actual.get(key)]
        if changed:
            problems.append(f"Chữ ký của {who} lúc {when} không còn như nhật ký kiểm toán ghi "
                            f"lúc ký (khác: {', '.join(changed)}): chữ ký đã bị thay.")
    return problems


def attachment_problems(store: Store, rev: Revision) -> list[str]:
    """Each attachment's file must still be the one whose SHA-256 the content covers."""
    problems: list[str] = []
    for att in rev.attachments:
        name = att["name"]
        try:
            path = blobs.blob_path(store, att["sha256"])
        except IsoDeskError:
            problems.append(f"Mã của tài liệu đính kèm “{name}” bị sửa.")
            continue
        if not path.is_file():
            problems.append(f"Tài liệu đính kèm “{name}” không còn trong thư mục dữ liệu "
                            "(tệp đã bị xóa hoặc đổi tên).")
        elif blobs.sha256_file(path) != att["sha256"]:
            problems.append(f"Tài liệu đính kèm “{name}” đã bị thay bằng một tệp khác "
                            "(nội dung tệp không còn khớp với mã lúc lập biên bản).")
    return problems


def _check_pdf(store: Store, rev: Revision, digest: str, result: RevisionCheck) -> None:
    pdf_digest = rev.row["pdf_sha256"]
    try:
        path = blobs.blob_path(store, pdf_digest)
    except IsoDeskError:
        result.problems.append("Mã của tệp PDF đã xác nhận bị sửa.")
        return
    if not path.is_file():
        result.notes.append("Tệp PDF đã xác nhận chưa có trên máy này.")
        return
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != pdf_digest:
        result.problems.append("Tệp PDF đã xác nhận bị thay đổi trên đĩa.")
    elif digest.encode("ascii") not in data:
        result.problems.append("Tệp PDF lưu kèm không phải bản của nội dung đã ký.")


def verify_minutes(store: Store, minutes_id: str, *, check_pdf: bool = True) -> dict:
    """Check every revision of a minutes (a minutes id, or one of its revision ids).

    Returns the JSON of `isodesk minutes verify`: "valid" is true only when no revision shows a
    change after signing; "signatures" are those of the latest revision."""
    target = resolve(store, minutes_id)
    checks = [verify_revision(store, load_revision(store, rid), check_pdf=check_pdf)
              for rid in revision_ids(store, target.minutes_id)]
    latest = checks[-1]
    problems = list(latest.all_problems)
    for c in checks[:-1]:
        problems += [f"Bản sửa đổi {c.revision.revision_no}: {p}" for p in c.all_problems]
    valid = all(c.valid for c in checks)
    rev = latest.revision
    message = latest.message if latest.valid else ALTERED_VI + " " + " ".join(problems)
    if latest.valid and not valid:
        message = ALTERED_VI + " " + " ".join(problems)
    return {
        "minutes_id": rev.minutes_id, "number": rev.number, "revision_id": rev.id,
        "revision": rev.revision_no, "status": rev.status, "origin_unit": rev.origin_unit,
        "content_sha256": latest.content_sha256, "valid": valid,
        "signatures": [s.public() for s in latest.signatures],
        "problems": problems, "notes": latest.notes, "message": message,
        "revisions": [{"revision_id": c.revision.id, "revision": c.revision.revision_no,
                       "status": c.revision.status, "valid": c.valid,
                       "content_sha256": c.content_sha256} for c in checks],
    }
