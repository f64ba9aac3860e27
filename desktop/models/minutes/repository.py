"""Working minutes in the store: create, save a draft, make a new revision, attachments, read.

A minutes (`minutes`) is a series of revisions (`minutes_revisions`); the latest one is the
minutes' current state. Only a draft revision is edited; once signed it is locked and a change
makes a new revision that points to the one before. Children (participants, action items,
attachments, signatures) belong to one revision.
"""
from __future__ import annotations

import datetime as _dt
import json
import mimetypes
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .. import blobs, oserrors, records
from ..db import Store
from ..errors import IsoDeskError, NotFound, ReadOnlyRecord, ValidationError
from ..unit import get_profile
from . import fields as F

TextCheck = Callable[[str], list[str]]


MAX_ATTACHMENT = 50 * 1024 * 1024
CHILD_TABLES = ("minutes_participants", "minutes_action_items", "minutes_attachments")


@dataclass
class Revision:
    """One revision of a minutes with everything it holds."""

    row: dict
    participants: list[dict] = field(default_factory=list)
    action_items: list[dict] = field(default_factory=list)
    attachments: list[dict] = field(default_factory=list)
    signatures: list[dict] = field(default_factory=list)
    latest_no: int = 0

    def __getattr__(self, name):
        row = self.__dict__.get("row") or {}
        if name in row:
            return row[name]
        raise AttributeError(name)

    @property
    def revision_id(self) -> str:
        return self.row["id"]

    @property
    def date(self) -> str:
        return self.row["meeting_date"]

    @property
    def destinations(self) -> list[str]:
        try:
            return list(json.loads(self.row["copy_destinations"] or "[]"))
        except ValueError:
            return []

    @property
    def is_draft(self) -> bool:
        return self.row["status"] == "draft"

    @property
    def is_latest(self) -> bool:
        return self.row["revision_no"] >= self.latest_no

    @property
    def status_label(self) -> str:
        return F.STATUS_LABELS_VI.get(self.row["status"], self.row["status"])

    def signature(self, meaning: str) -> dict | None:
        for sig in self.signatures:
            if sig["meaning"] == meaning:
                return sig
        return None

    @property
    def year(self) -> int:
        return _year_of(self.row)

    def draft_data(self) -> dict:
        """The fields in the shape of `fields.validate` (children keep their ids)."""
        return {
            "number": self.row["number"], "subject": self.row["subject"],
            "date": self.row["meeting_date"], "start_time": self.row["start_time"],
            "end_time": self.row["end_time"], "place": self.row["place"],
            "chair": self.row["chair"], "secretary": self.row["secretary"],
            "participants": [{k: p[k] for k in ("id", "side", "name", "position", "organisation",
                                                "staff_id")} for p in self.participants],
            "content": self.row["content"], "conclusions": self.row["conclusions"],
            "action_items": [{k: a[k] for k in ("id", "description", "owner", "due")}
                             for a in self.action_items],
            "copies": self.row["copies"], "copy_destinations": self.destinations,
        }

    def public(self) -> dict:
        """JSON-ready view (the command line's `show`)."""
        data = self.draft_data()
        for p in data["participants"]:
            p.pop("staff_id", None)
        return {
            "minutes_id": self.row["minutes_id"], "revision_id": self.row["id"],
            "revision": self.row["revision_no"], "status": self.row["status"],
            "origin_unit": self.row["origin_unit"], **data,
            "attachments": [{"name": a["name"], "size": a["size"], "sha256": a["sha256"]}
                            for a in self.attachments],
            "signatures": [{"user": s["username"], "full_name": s["full_name"],
                            "meaning": s["meaning"], "signed_at": s["signed_at"]}
                           for s in self.signatures],
        }


def _year_of(row: dict) -> int:
    text = row.get("meeting_date") or row.get("created_at") or ""
    try:
        return int(text[:4])
    except ValueError:
        return _dt.date.today().year


def _children(store: Store, table: str, revision_id: str) -> list[dict]:
    return store.query(f"SELECT * FROM {table} WHERE revision_id = ? AND deleted = 0 "
                       "ORDER BY sort_order, created_at, id", (revision_id,))


def load_revision(store: Store, revision_id: str) -> Revision:
    row = store.query_one("SELECT * FROM minutes_revisions WHERE id = ? AND deleted = 0",
                          (revision_id,))
    if row is None:
        raise NotFound("Không tìm thấy biên bản này (có thể đã bị xóa).")
    latest = store.scalar("SELECT max(revision_no) FROM minutes_revisions WHERE minutes_id = ? "
                          "AND deleted = 0", (row["minutes_id"],))
    sigs = store.query("SELECT * FROM minutes_signatures WHERE revision_id = ? AND deleted = 0 "
                       "ORDER BY CASE meaning WHEN 'author' THEN 0 ELSE 1 END, signed_at",
                       (revision_id,))
    return Revision(row, _children(store, "minutes_participants", revision_id),
                    _children(store, "minutes_action_items", revision_id),
                    _children(store, "minutes_attachments", revision_id), sigs, latest or 0)


def revision_ids(store: Store, minutes_id: str) -> list[str]:
    """Revision ids of a minutes, oldest first."""
    return [r["id"] for r in store.query(
        "SELECT id FROM minutes_revisions WHERE minutes_id = ? AND deleted = 0 "
        "ORDER BY revision_no", (minutes_id,))]


def latest_revision(store: Store, minutes_id: str) -> Revision:
    ids = revision_ids(store, minutes_id)
    if not ids:
        raise NotFound(f"Không tìm thấy biên bản {minutes_id}.")
    return load_revision(store, ids[-1])


def resolve(store: Store, some_id: str) -> Revision:
    """A minutes id gives its latest revision; a revision id gives that revision. A number
    (`05/BB-…`) is accepted too when it names one minutes."""
    some_id = (some_id or "").strip()
    if store.scalar("SELECT 1 FROM minutes WHERE id = ? AND deleted = 0", (some_id,)):
        return latest_revision(store, some_id)
    if store.scalar("SELECT 1 FROM minutes_revisions WHERE id = ? AND deleted = 0", (some_id,)):
        return load_revision(store, some_id)
    found = {r["minutes_id"] for r in _latest_rows(store, None) if r["number"] == some_id}
    if len(found) == 1:
        return latest_revision(store, found.pop())
    if len(found) > 1:
        raise IsoDeskError(f"Có {len(found)} biên bản mang số {some_id} (ở các năm khác nhau). "
                           "Hãy dùng mã biên bản (minutes_id).")
    raise NotFound(f"Không tìm thấy biên bản “{some_id}”. Xem mã bằng lệnh `isodesk minutes list`.")


# --- numbers ---------------------------------------------------------------------------------

def _latest_rows(store: Store, unit_code: str | None) -> list[dict]:
    sql = """SELECT r.* FROM minutes_revisions r
             JOIN (SELECT minutes_id, max(revision_no) AS n FROM minutes_revisions
                   WHERE deleted = 0 GROUP BY minutes_id) l
               ON l.minutes_id = r.minutes_id AND l.n = r.revision_no
             JOIN minutes m ON m.id = r.minutes_id AND m.deleted = 0
             WHERE r.deleted = 0"""
    if unit_code is None:
        return store.query(sql)
    return store.query(sql + " AND r.origin_unit = ?", (unit_code,))


def next_number(store: Store, year: int, unit_code: str | None = None) -> str:
    unit = unit_code or store.unit_code
    used = [F.number_sequence(r["number"]) or 0 for r in _latest_rows(store, unit)
            if _year_of(r) == year]
    return F.format_number(max(used, default=0) + 1, unit)


def _check_number_free(store: Store, number: str, year: int, minutes_id: str | None) -> None:
    for r in _latest_rows(store, store.unit_code):
        if r["minutes_id"] != minutes_id and r["number"] == number and _year_of(r) == year:
            raise ValidationError({"number": (
                f"Số {number} đã dùng cho biên bản “{r['subject'] or '(chưa có trích yếu)'}” năm "
                f"{year}. Hãy sửa số, hoặc xóa ô số để chương trình tự đánh số.")})


# --- writing ---------------------------------------------------------------------------------

def text_errors(data: dict, text_check: TextCheck | None) -> dict[str, str]:
    """Characters the PDF font can't print, per field (checked by the caller's `text_check`)."""
    if text_check is None:
        return {}
    errors: dict[str, str] = {}

    def check(key: str, label: str, text: str | None) -> None:
        bad = text_check(text or "")
        if bad:
            shown = " ".join(f"“{c}” (U+{ord(c):04X})" for c in bad[:5])
            more = f" và {len(bad) - 5} ký tự khác" if len(bad) > 5 else ""
            errors[key] = (f"{label}: có ký tự không in được bằng phông chữ của văn bản: {shown}"
                           f"{more}. Hãy bỏ hoặc thay bằng chữ, số, dấu câu thông thường.")

    def text(value) -> str:
        return value if isinstance(value, str) else ""

    for key in ("number", "subject", "place", "chair", "secretary", "content", "conclusions"):
        if key in data:
            check(key, F.FIELD_LABELS_VI[key], text(data[key]))
    dests = data.get("copy_destinations")
    if isinstance(dests, list):
        check("copy_destinations", F.FIELD_LABELS_VI["copy_destinations"],
              " ".join(text(d) for d in dests))
    people = data.get("participants")
    for i, p in enumerate(people if isinstance(people, list) else [], start=1):
        if isinstance(p, dict):
            check(f"participants[{i}].name", f"Người tham dự thứ {i}",
                  " ".join(text(p.get(k)) for k in ("name", "position", "organisation")))
    items = data.get("action_items")
    for i, a in enumerate(items if isinstance(items, list) else [], start=1):
        if isinstance(a, dict):
            check(f"action_items[{i}].description", f"Công việc thứ {i}",
                  " ".join(text(a.get(k)) for k in ("description", "owner")))
    return errors


def _clean(data: dict, *, complete: bool, partial: bool, text_check: TextCheck | None,
           unit_code: str | None = None) -> dict:
    """Validate, and add the characters the PDF can't print; every bad field is named."""
    errors: dict[str, str] = {}
    cleaned: dict | None = None
    try:
        cleaned = F.validate(data, complete=complete, partial=partial)
    except ValidationError as exc:
        errors.update(exc.errors)
    number = (cleaned or {}).get("number")
    unit = F.number_unit(number) if number else None
    if unit and unit_code and unit != unit_code:
        errors["number"] = (f"Số biên bản {number} mang mã đơn vị {unit}, nhưng đơn vị này là "
                            f"{unit_code}: hãy ghi dạng NN/BB-{unit_code}, hoặc xóa ô số để "
                            "chương trình tự đánh số.")
    for key, message in text_errors(cleaned if cleaned is not None else data,
                                     text_check).items():
        errors.setdefault(key, message)
    if errors:
        raise ValidationError(errors)
    return cleaned or {}


def _revision_values(data: dict) -> dict:
    out = {}
    for key in ("number", "subject", "start_time", "end_time", "place", "chair", "secretary",
                "content", "conclusions", "copies"):
        if key in data:
            out[key] = data[key]
    if "date" in data:
        out["meeting_date"] = data["date"]
    if "copy_destinations" in data:
        out["copy_destinations"] = json.dumps(data["copy_destinations"], ensure_ascii=False)
    return out


def _with_defaults(store: Store, data: dict) -> dict:
    """Copies and their destinations when not given (03: province, consultant, VSS)."""
    profile = get_profile(store)
    copies = data.get("copies", 3)
    if copies is None:
        copies = 3
    if isinstance(copies, str) and copies.strip().isdigit():
        copies = int(copies)
    if isinstance(copies, bool) or not isinstance(copies, int) or not 1 <= copies <= F.MAX_COPIES:
        return data  # refused, with the field named, when the data is cleaned
    if not data.get("copy_destinations"):
        dests = F.default_copy_destinations(profile.parent_name if profile else None)
        if copies > len(dests):
            own = profile.name if profile else "đơn vị"
            dests += [f"Lưu tại {own}"] * (copies - len(dests))
        data = {**data, "copy_destinations": dests[:copies]}
    return {**data, "copies": copies}


def create(store: Store, data: dict | None = None, *, template: str = "",
           complete: bool = False, text_check: TextCheck | None = None) -> Revision:
    """A new minutes with its first (draft) revision; the number is given automatically unless
    `data` has one. The agency names and the locality come from the unit profile."""
    profile = get_profile(store)
    if profile is None:
        raise IsoDeskError("Chưa khai báo đơn vị: hãy hoàn tất phần cài đặt ban đầu trước.")
    data = _with_defaults(store, dict(data or {}))
    cleaned = _clean(data, complete=complete, partial=False, text_check=text_check,
                     unit_code=store.unit_code)
    date = F.parse_date(cleaned.get("date") or "")
    year = date.year if date else _dt.date.today().year
    with store.atomic():
        if cleaned.get("number"):
            _check_number_free(store, cleaned["number"], year, None)
        else:
            cleaned["number"] = next_number(store, year)
        minutes = records.insert(store, "minutes", {"template": template,
                                                    "created_by": store.actor})
        rev = records.insert(store, "minutes_revisions", {
            "minutes_id": minutes["id"], "revision_no": 1, "status": "draft",
            "agency_parent": profile.parent_name or "", "agency_name": profile.name,
            "locality": profile.place or "", "created_by": store.actor,
            **_revision_values(cleaned),
        })
        replace_children(store, rev["id"], cleaned)
    return load_revision(store, rev["id"])


def _require_draft(rev: Revision) -> None:
    if not rev.is_draft:
        raise ReadOnlyRecord(
            f"Biên bản số {rev.number} (bản sửa đổi {rev.revision_no}) đã ký nên không sửa được. "
            "Muốn thay đổi, hãy tạo bản sửa đổi mới; bản này và các chữ ký của nó vẫn được giữ.")
    if not rev.is_latest:
        raise ReadOnlyRecord("Đây không phải bản mới nhất của biên bản; hãy mở bản mới nhất.")


def save_draft(store: Store, revision_id: str, data: dict, *, expected_version: int | None = None,
               partial: bool = False, complete: bool = False,
               text_check: TextCheck | None = None) -> Revision:
    """Write the fields of a draft (all of them, or only those given when `partial`)."""
    rev = load_revision(store, revision_id)
    _require_draft(rev)
    if store.unit_code and rev.origin_unit != store.unit_code:
        raise ReadOnlyRecord("Biên bản này là bản sao nhận từ đơn vị khác, chỉ được xem.")
    merged = {**rev.draft_data(), **data} if partial else data
    cleaned = _clean(merged, complete=complete, partial=False, text_check=text_check,
                     unit_code=store.unit_code)
    date = F.parse_date(cleaned.get("date") or "")
    year = date.year if date else _year_of(rev.row)
    with store.atomic():
        if not cleaned.get("number"):
            cleaned["number"] = (rev.number if _year_of(rev.row) == year and rev.number
                                 else next_number(store, year))
        _check_number_free(store, cleaned["number"], year, rev.minutes_id)
        records.update(store, "minutes_revisions", revision_id, _revision_values(cleaned),
                       expected_version=expected_version)
        replace_children(store, revision_id, cleaned)
        store.execute("DELETE FROM minutes_autosave WHERE revision_id = ?", (revision_id,))
    return load_revision(store, revision_id)


def replace_children(store: Store, revision_id: str, data: dict) -> None:
    """Make the revision's participants and action items those of `data` (the ones `data`
    names): an item with a known id is updated, a new one added, one left out deleted."""
    specs = {
        "minutes_participants": ("participants", ("side", "name", "position", "organisation",
                                                  "staff_id")),
        "minutes_action_items": ("action_items", ("description", "owner", "due")),
    }
    for table, (key, columns) in specs.items():
        if key not in data:
            continue
        existing = {r["id"]: r for r in _children(store, table, revision_id)}
        keep: set[str] = set()
        for order, item in enumerate(data[key]):
            values = {c: item.get(c) if c == "staff_id" else (item.get(c) or "") for c in columns}
            values["sort_order"] = order
            item_id = item.get("id")
            if item_id in existing and item_id not in keep:
                records.update(store, table, item_id, values)
                keep.add(item_id)
            else:
                row = records.insert(store, table, {"revision_id": revision_id, **values})
                keep.add(row["id"])
        for old_id in existing.keys() - keep:
            records.delete(store, table, old_id)


def discard_draft(store: Store, revision_id: str) -> str | None:
    """Delete a draft revision (a tombstone). Discarding the only revision deletes the minutes.
    Returns the minutes id when the whole minutes went, else None."""
    rev = load_revision(store, revision_id)
    _require_draft(rev)
    with store.atomic():
        for table in (*CHILD_TABLES,):
            for child in _children(store, table, revision_id):
                records.delete(store, table, child["id"])
        records.delete(store, "minutes_revisions", revision_id)
        store.execute("DELETE FROM minutes_autosave WHERE revision_id = ?", (revision_id,))
        if rev.revision_no == 1:
            records.delete(store, "minutes", rev.minutes_id)
            return rev.minutes_id
    return None


# --- attachments -----------------------------------------------------------------------------

def add_attachment(store: Store, revision_id: str, data: bytes, name: str,
                   media_type: str = "") -> dict:
    rev = load_revision(store, revision_id)
    _require_draft(rev)
    name = F.clean_line(Path(name).name) or "tep-dinh-kem"
    if len(data) > MAX_ATTACHMENT:
        raise ValidationError({"attachments": (
            f"Tệp {name} quá lớn ({len(data) / 1048576:.1f} MB, tối đa "
            f"{MAX_ATTACHMENT // 1048576} MB). Hãy nén hoặc chia nhỏ tệp.")})
    media = media_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
    with store.atomic():
        digest = blobs.put_blob(store, data, name=name, media_type=media)
        order = len(rev.attachments)
        return records.insert(store, "minutes_attachments", {
            "revision_id": revision_id, "sort_order": order, "name": name, "sha256": digest,
            "size": len(data), "media_type": media})


def add_attachment_file(store: Store, revision_id: str, path: Path) -> dict:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IsoDeskError(f"Không đọc được tệp {path.name}: {oserrors.reason(exc)}. Hãy kiểm tra "
                           "tệp còn đó và không bị chương trình khác khóa.") from exc
    return add_attachment(store, revision_id, data, path.name)


def remove_attachment(store: Store, attachment_id: str) -> None:
    row = records.require(store, "minutes_attachments", attachment_id)
    _require_draft(load_revision(store, row["revision_id"]))
    records.delete(store, "minutes_attachments", attachment_id)


def attachment_bytes(store: Store, attachment: dict) -> bytes:
    return blobs.read_blob(store, attachment["sha256"])


# --- revisions ---------------------------------------------------------------------------

def history(store: Store, minutes_id: str) -> list[Revision]:
    return [load_revision(store, rid) for rid in revision_ids(store, minutes_id)]


def ids_of(items: Iterable[dict]) -> list[str]:
    return [i["id"] for i in items]
