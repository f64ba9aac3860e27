"""Checking a printed copy of a minutes by what is printed on it (docs/minutes-signing.md).

Every page set printed by ISO Desk carries, under "Nơi nhận", a QR code holding
`ISODESK-BB|<minutes id>|r<revision>|<content sha256>` and the line "Mã nội dung: XXXX-XXXX-XXXX-
XXXX" (the first 16 hex digits of the same hash, `canonical.short_hash`). Given either of them,
or the full hash, `check_printed` finds the revision whose signed content has that hash — among
this unit's minutes and, at the province, the copies received from the districts — and says
which minutes and revision it is, whether a later signed revision replaced it, and whether its
signatures still verify. Nothing is written.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..db import Store
from .canonical import short_hash
from .repository import Revision, load_revision, revision_ids
from .signing import RevisionCheck, revision_hash, verify_revision

QR_PREFIX = "ISODESK-BB"
MIN_CODE_DIGITS = 8          # fewer hex digits than this name nothing
CODE_DIGITS = 16             # what the page prints ("Mã nội dung")
_HEX = set("0123456789abcdef")
# What people mistype when copying the printed code by hand (O for 0, I or L for 1).
_LOOKALIKES = str.maketrans({"o": "0", "i": "1", "l": "1"})
_QR_RE = re.compile(r"ISODESK-BB\W+(?P<id>[0-9a-f][0-9a-f-]{7,63})\W+r(?P<rev>\d{1,6})\W+"
                    r"(?P<hash>[0-9a-f]{8,64})", re.IGNORECASE)


@dataclass(frozen=True)
class PrintedRef:
    """What a printed code names: a hash (or its first digits) and, from a QR code, the minutes
    id and the revision number printed with it."""
    text: str
    kind: str                  # "qr" | "hash" | "code"
    digest: str                # lower-case hex, 8 to 64 digits
    minutes_id: str | None = None
    revision_no: int | None = None

    @property
    def code(self) -> str:
        return short_hash(self.digest) if len(self.digest) >= CODE_DIGITS else self.digest.upper()


def has_vietnamese_marks(text: str) -> bool:
    """Letters with diacritics (or đ): what a barcode scanner types when a Vietnamese input
    method (Unikey, EVKey in Telex or VNI mode) turns "dd" into "đ" or "af" into "à"."""
    return any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", text)) or \
        any(c in "đĐ" for c in text)


def parse_printed(text: str | None) -> PrintedRef | None:
    """The printed reference in `text` (a QR code's text, the 64-digit hash, or the printed
    content code with or without its dashes), or None when `text` is none of them."""
    raw = unicodedata.normalize("NFC", (text or "").strip())
    if not raw:
        return None
    m = _QR_RE.search(raw)
    if m:
        return PrintedRef(raw, "qr", m.group("hash").lower(), m.group("id").lower(),
                          int(m.group("rev")))
    if raw.upper().startswith(QR_PREFIX):
        return None  # a QR text cut short: not a code either
    compact = re.sub(r"[\s\-–—.:]+", "", raw).lower()
    if len(compact) == 64 and set(compact) <= _HEX:
        return PrintedRef(raw, "hash", compact)
    typed = compact.translate(_LOOKALIKES)
    if MIN_CODE_DIGITS <= len(typed) < 64 and set(typed) <= _HEX:
        return PrintedRef(raw, "code", typed)
    return None


def looks_printed(text: str | None) -> bool:
    """Whether `text` is a printed code rather than a minutes id, revision id or number (also
    one garbled by a Vietnamese input method, so that the answer can say so)."""
    ref = parse_printed(text)
    if ref is None:
        from ..vntext import fold

        return has_vietnamese_marks(text or "") and parse_printed(fold(text or "")) is not None
    if ref.kind != "code":
        return True
    # a code has no dash inside groups other than 4 digits long; a UUID is 8-4-4-4-12
    groups = [g for g in re.split(r"[\s\-]+", ref.text.strip()) if g]
    return not (len(groups) == 5 and [len(g) for g in groups] == [8, 4, 4, 4, 12])


@dataclass
class PrintedMatch:
    """One revision whose content has the printed hash, with what is known about it here."""
    check: RevisionCheck
    superseded_by: Revision | None = None      # the latest signed revision after it
    drafting: int | None = None                # a later revision still in draft
    problems: list[str] = field(default_factory=list)   # the printed code vs. the record

    @property
    def revision(self) -> Revision:
        return self.check.revision

    @property
    def current(self) -> bool:
        return self.superseded_by is None

    @property
    def valid(self) -> bool:
        return self.check.valid and not self.problems

    def public(self) -> dict:
        rev, check = self.revision, self.check
        later = self.superseded_by
        return {
            "minutes_id": rev.minutes_id, "number": rev.number, "subject": rev.subject,
            "date": rev.date, "origin_unit": rev.origin_unit, "unit_name": rev.agency_name,
            "revision_id": rev.id, "revision": rev.revision_no, "status": rev.status,
            "content_sha256": check.content_sha256,
            "content_code": short_hash(rev.row.get("content_sha256") or check.content_sha256),
            "current": self.current,
            "superseded_by": None if later is None else {
                "revision_id": later.id, "revision": later.revision_no, "status": later.status,
                "content_code": short_hash(later.row.get("content_sha256") or "")},
            "drafting_revision": self.drafting,
            "valid": self.valid, "signatures": [s.public() for s in check.signatures],
            "problems": [*self.problems, *check.all_problems], "notes": list(check.notes),
            "message": match_message(self),
        }


def _candidates(store: Store, digest: str) -> list[str]:
    """Revision ids whose signed content hash (on the revision or one of its signatures) starts
    with `digest`, then drafts whose present content has such a hash."""
    n = len(digest)
    found = [r["id"] for r in store.query(
        "SELECT id FROM minutes_revisions WHERE deleted = 0 AND substr(content_sha256, 1, ?) = ? "
        "UNION SELECT revision_id FROM minutes_signatures WHERE deleted = 0 "
        "AND substr(content_sha256, 1, ?) = ?", (n, digest, n, digest))]
    for r in store.query("SELECT id FROM minutes_revisions WHERE deleted = 0 AND status = 'draft' "
                         "AND coalesce(content_sha256, '') = ''"):
        if r["id"] not in found and revision_hash(load_revision(store, r["id"]))[:n] == digest:
            found.append(r["id"])
    return found


def _later(store: Store, check: RevisionCheck) -> tuple[Revision | None, int | None]:
    """The signed revision that replaced the checked one (None when it is still in force), and
    the number of a later revision still being drafted."""
    rev = check.revision

    def revision(no: int) -> Revision:
        return load_revision(store, store.scalar(
            "SELECT id FROM minutes_revisions WHERE minutes_id = ? AND revision_no = ? "
            "AND deleted = 0", (rev.minutes_id, no)))

    later = revision(check.superseded_by) if check.superseded_by else None
    drafting = None
    if rev.latest_no > rev.revision_no and revision(rev.latest_no).status == "draft":
        drafting = rev.latest_no
    return later, drafting


def find_printed(store: Store, ref: PrintedRef) -> list[PrintedMatch]:
    matches = []
    for rid in _candidates(store, ref.digest):
        rev = load_revision(store, rid)
        check = verify_revision(store, rev)
        match = PrintedMatch(check, *_later(store, check))
        if ref.kind == "qr" and (ref.minutes_id != rev.minutes_id
                                 or ref.revision_no != rev.revision_no):
            match.problems.append(
                f"Mã QR ghi biên bản {ref.minutes_id} bản sửa đổi {ref.revision_no}, nhưng mã "
                f"nội dung in kèm là của biên bản số {rev.number} bản sửa đổi "
                f"{rev.revision_no}: mã QR này không do ISO Desk in cho nội dung đó.")
        matches.append(match)
    matches.sort(key=lambda m: (m.revision.minutes_id, m.revision.revision_no))
    return matches


def _date(value: str | None) -> str:
    parts = (value or "")[:10].split("-")
    return "/".join(reversed(parts)) if len(parts) == 3 else (value or "")


def match_message(m: PrintedMatch) -> str:
    """What a person needs to know about the printed copy, in a few Vietnamese sentences."""
    rev = m.revision
    unit = f", {rev.agency_name}" if rev.agency_name else ""
    when = f" ngày {_date(rev.date)}" if rev.date else ""
    out = [f"Bản in là biên bản số {rev.number} “{rev.subject}”{when}{unit}, bản sửa đổi "
           f"{rev.revision_no} ({rev.status_label.lower()})."]
    if rev.status == "draft":
        out.append("Đây là bản nháp, chưa có chữ ký: bản in này không có giá trị của bản đã ký.")
    if m.superseded_by is not None:
        later = m.superseded_by
        out.append(f"Bản này ĐÃ ĐƯỢC THAY THẾ bởi bản sửa đổi {later.revision_no} "
                   f"({later.status_label.lower()}): hãy dùng bản in của bản sửa đổi "
                   f"{later.revision_no} (mã nội dung "
                   f"{short_hash(later.row.get('content_sha256') or '')}).")
    elif rev.status != "draft":
        out.append("Đây là bản hiện hành của biên bản.")
    if m.drafting is not None and m.superseded_by is None and rev.status != "draft":
        out.append(f"Bản sửa đổi {m.drafting} đang được soạn (chưa ký).")
    if m.problems:
        out += m.problems
    if not m.check.valid:
        out.append("CẢNH BÁO: mã trên bản in khớp với nội dung lúc ký, nhưng bản lưu ở đây "
                   "không còn như lúc ký: " + " ".join(m.check.all_problems))
    elif rev.status != "draft" and not m.problems:
        names = ", ".join(f"{s.row['full_name']} ({s.row['meaning_text']})"
                          for s in m.check.signatures)
        out.append(f"Chữ ký hợp lệ, nội dung không thay đổi từ khi ký: {names}.")
    return " ".join(out)


def not_found_message(store: Store, ref: PrintedRef) -> str:
    text = (f"Không có biên bản nào ở đây có nội dung mang mã {ref.code}. Bản in có thể là của "
            "một đơn vị chưa gửi dữ liệu về đây, của một bản nháp đã sửa sau khi in, hoặc không "
            "do ISO Desk in ra.")
    if ref.kind == "qr" and ref.minutes_id:
        ids = revision_ids(store, ref.minutes_id) if store.scalar(
            "SELECT 1 FROM minutes WHERE id = ?", (ref.minutes_id,)) else []
        same = [load_revision(store, rid) for rid in ids]
        same = [r for r in same if r.revision_no == ref.revision_no]
        if same:
            rev = same[0]
            code = short_hash(rev.row.get("content_sha256") or "") or "(bản nháp)"
            text = (f"Biên bản số {rev.number} bản sửa đổi {rev.revision_no} có ở đây, nhưng nội "
                    f"dung của nó (mã {code}) khác với bản in (mã {ref.code}): bản in không phải "
                    "của nội dung đã lưu — có thể in từ bản nháp rồi sửa tiếp, hoặc bản in đã bị "
                    "làm giả.")
    if has_vietnamese_marks(ref.text):
        text += (" Mã vừa nhập có chữ có dấu: nếu dùng máy quét mã, hãy tắt bộ gõ tiếng Việt "
                 "(chuyển Unikey/EVKey sang chế độ gõ tiếng Anh) rồi quét lại.")
    return text


def check_printed(store: Store, text: str) -> dict:
    """The JSON of `isodesk minutes verify CODE|HASH|QR-TEXT` (and of the "Kiểm tra bản in" box):
    "found" and, for each revision with that content, which minutes and revision it is, whether
    it is current, and whether its signatures are valid. "valid" is true only when something
    was found and everything found checks."""
    ref = parse_printed(text)
    if ref is None:
        hint = (" Mã vừa nhập có chữ có dấu: nếu dùng máy quét mã, hãy tắt bộ gõ tiếng Việt rồi "
                "quét lại." if has_vietnamese_marks(text or "") else "")
        return {"query": text, "kind": None, "found": False, "valid": False, "matches": [],
                "message": ("Không đọc được mã này. Hãy nhập mã nội dung in trên biên bản (dạng "
                            "XXXX-XXXX-XXXX-XXXX), mã băm SHA-256 đầy đủ (64 ký tự) hoặc quét mã "
                            "QR." + hint)}
    matches = find_printed(store, ref)
    result = {"query": text, "kind": ref.kind, "content_code": ref.code,
              "found": bool(matches), "valid": bool(matches) and all(m.valid for m in matches),
              "matches": [m.public() for m in matches]}
    if not matches:
        result["message"] = not_found_message(store, ref)
    elif len(matches) == 1:
        result["message"] = result["matches"][0]["message"]
    else:
        result["message"] = (f"Có {len(matches)} bản sửa đổi có mã nội dung bắt đầu bằng "
                             f"{ref.code}: hãy nhập đủ 16 ký tự của mã, hoặc quét mã QR. "
                             + " ".join(m["message"] for m in result["matches"]))
    return result
