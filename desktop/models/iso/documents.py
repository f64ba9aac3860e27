"""The document register (ISO 9001:2015, 7.5): the unit's own numbering, versions, and the life of
each version: draft → approved → in force → obsolete.

Which state changes are allowed is one rule, in `document_rules` (used here, by the Excel import,
the GUI and repeated by the database triggers). The data each step needs is checked here:
- a version is approved with the approver's name and date, and comes in force on a date not before
  its approval; no date may lie in the future;
- when a version comes in force, the older versions in force become obsolete ("superseded");
- the code, revision, kind and standard of a version are fixed once it is approved.
Every change is a record update, so the audit log keeps the history of each version.
"""
from __future__ import annotations

import datetime as _dt
import mimetypes
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import audit, blobs, oserrors, records
from ..db import Store
from ..errors import IsoDeskError, NotFound, ValidationError
from ..vntext import collation_key, fold, matches
from ._common import (
    date_field, not_future, order, raise_if, rows, text_field, tuples, vn_date,
)
from .document_rules import (  # noqa: F401 (the register's names, imported from here)
    STATE_LABELS_VI, STATES, TRANSITIONS, new_version_problem, revision_key, step_problem,
)

TABLE = "iso_documents"
FILES = "iso_document_files"

KINDS = ("tthc_procedure", "internal_procedure", "quality_manual", "policy", "objectives", "form",
         "other")
KIND_LABELS_VI = {
    "tthc_procedure": "Quy trình giải quyết TTHC",
    "internal_procedure": "Quy trình nội bộ",
    "quality_manual": "Sổ tay chất lượng",
    "policy": "Chính sách chất lượng",
    "objectives": "Mục tiêu chất lượng",
    "form": "Biểu mẫu",
    "other": "Tài liệu khác",
}
STANDARDS = ("2008", "2015")
STANDARD_LABELS_VI = {"2008": "TCVN ISO 9001:2008", "2015": "TCVN ISO 9001:2015"}
CONTENT_FIELDS = ("code", "title", "kind", "standard", "revision", "department", "note")
LOCKED_AFTER_APPROVAL = ("code", "revision", "kind", "standard")
MAX_ATTACHMENT = 50 * 1024 * 1024
FIELD_LABELS_VI = {
    "code": "mã", "title": "tên", "kind": "loại", "standard": "tiêu chuẩn",
    "revision": "phiên bản", "state": "trạng thái", "approver": "người phê duyệt",
    "approved_on": "ngày phê duyệt", "effective_on": "ngày hiệu lực",
    "obsolete_on": "ngày hết hiệu lực", "obsolete_reason": "lý do hết hiệu lực",
    "department": "bộ phận chủ trì", "note": "ghi chú",
}

_CODE_RE = re.compile(r"^[\w][\w .:/\-]{0,39}$")
_REVISION_RE = re.compile(r"^\d{1,3}(\.\d{1,3}){0,2}$")


def next_revision(revision: str) -> str:
    parts = str(revision).split(".")
    head = int(parts[0]) + 1 if parts[0].isdigit() else 1
    return f"{head:0{max(2, len(parts[0]))}d}" if len(parts) == 1 else f"{head}.0"


@dataclass(slots=True)
class DocumentFile:
    id: str
    document_id: str
    sha256: str
    file_name: str
    media_type: str
    size: int
    created_at: str


@dataclass(slots=True)
class Document:
    id: str
    code: str
    title: str
    kind: str
    standard: str
    revision: str
    state: str
    approver: str
    approved_on: str | None
    effective_on: str | None
    obsolete_on: str | None
    obsolete_reason: str
    department: str
    note: str
    origin_unit: str
    version: int
    created_at: str
    updated_at: str
    files: list[DocumentFile] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS_VI.get(self.kind, self.kind)

    @property
    def state_label(self) -> str:
        return STATE_LABELS_VI.get(self.state, self.state)

    @property
    def standard_label(self) -> str:
        return STANDARD_LABELS_VI.get(self.standard, self.standard)

    def as_public(self) -> dict:
        return {k: getattr(self, k) for k in (
            "id", "code", "title", "kind", "standard", "revision", "state", "approver",
            "approved_on", "effective_on", "obsolete_on", "obsolete_reason", "department",
            "note")} | {"files": [f.file_name for f in self.files]}


# The columns a Document is made of, in the order of its fields (all but `files`).
_COLUMNS = tuple(k for k in Document.__dataclass_fields__ if k != "files")
_SELECT = ", ".join(_COLUMNS)


def _document(row: dict) -> Document:
    return Document(*[row[k] for k in _COLUMNS])


def _register_order(docs: list[Document]) -> list[Document]:
    """The register's order: code in Vietnamese order, then revision as numbers. A code's sort
    key is made once, however many versions it has."""
    keys: dict[str, tuple] = {}
    for d in docs:
        if d.code not in keys:
            keys[d.code] = collation_key(d.code)
    return sorted(docs, key=lambda d: (keys[d.code], revision_key(d.revision)))


_FILE_SELECT = ", ".join(DocumentFile.__dataclass_fields__)


def _file(row: dict) -> DocumentFile:
    return DocumentFile(row["id"], row["document_id"], row["sha256"], row["file_name"],
                        row["media_type"], row["size"], row["created_at"])


def parse_choice(value, choices: dict[str, str], aliases: dict[str, str] | None = None
                 ) -> str | None:
    """A code from a code, its Vietnamese label or an alias (accents and case ignored)."""
    key = fold(str(value or "")).strip(" .")
    if not key:
        return None
    for code, label in choices.items():
        if key in (fold(code), fold(label)):
            return code
    return (aliases or {}).get(key)


KIND_ALIASES = {"qt tthc": "tthc_procedure", "quy trinh tthc": "tthc_procedure",
                "tthc": "tthc_procedure", "qtnb": "internal_procedure",
                "qt noi bo": "internal_procedure", "quy trinh": "internal_procedure",
                "stcl": "quality_manual", "so tay": "quality_manual", "cscl": "policy",
                "chinh sach": "policy", "mtcl": "objectives", "muc tieu": "objectives",
                "bm": "form", "bieu mau": "form", "mau": "form", "khac": "other"}
STANDARD_ALIASES = {"9001:2008": "2008", "iso 9001:2008": "2008", "tcvn 9001:2008": "2008",
                    "9001:2015": "2015", "iso 9001:2015": "2015", "tcvn 9001:2015": "2015"}
STATE_ALIASES = {"du thao": "draft", "nhap": "draft", "phe duyet": "approved",
                 "da duyet": "approved", "hieu luc": "in_force", "dang ap dung": "in_force",
                 "co hieu luc": "in_force", "ban hanh": "in_force", "da ban hanh": "in_force",
                 "het hieu luc": "obsolete", "loi thoi": "obsolete", "da huy": "obsolete",
                 "huy bo": "obsolete", "bai bo": "obsolete"}


def check_replaces(errors: dict[str, str], old_revision: str, old_effective_on: str | None,
                   effective_on: str | None) -> None:
    """A version that replaces the one in force does not come in force before it: the message goes
    to `errors["effective_on"]`."""
    order(errors, ("effective_on", f"Ngày hiệu lực của phiên bản {old_revision}",
                   old_effective_on), ("effective_on", "Ngày hiệu lực", effective_on))


def validate_content(values: dict) -> dict:
    """The descriptive fields of a version (not its state); ValidationError names bad fields."""
    errors: dict[str, str] = {}
    out = {
        "code": text_field(values, "code").upper(),
        "title": text_field(values, "title"),
        "revision": text_field(values, "revision") or "01",
        "department": text_field(values, "department"),
        "note": text_field(values, "note", multiline=True),
    }
    if not out["code"]:
        errors["code"] = "Thiếu mã tài liệu (mã riêng của đơn vị, ví dụ QT-TN-01)."
    elif not _CODE_RE.fullmatch(out["code"]):
        errors["code"] = ("Mã tài liệu tối đa 40 ký tự: chữ, chữ số, dấu cách và . : / - "
                          f"(đang là \"{out['code']}\").")
    if not out["title"]:
        errors["title"] = "Thiếu tên tài liệu."
    if not _REVISION_RE.fullmatch(out["revision"]):
        errors["revision"] = (f"Phiên bản \"{out['revision']}\" không hợp lệ: ghi số lần ban hành, "
                              "ví dụ 01, 2 hoặc 1.1.")
    kind = parse_choice(values.get("kind"), KIND_LABELS_VI, KIND_ALIASES)
    if kind is None:
        errors["kind"] = ("Loại tài liệu phải là một trong: "
                          + ", ".join(KIND_LABELS_VI.values()) + ".")
    out["kind"] = kind
    standard = parse_choice(values.get("standard") or "2015", STANDARD_LABELS_VI, STANDARD_ALIASES)
    if standard is None:
        errors["standard"] = "Tiêu chuẩn phải là TCVN ISO 9001:2008 hoặc TCVN ISO 9001:2015."
    out["standard"] = standard
    raise_if(errors)
    return out


class DocumentRepository:
    def __init__(self, store: Store):
        self.store = store

    # --- reading ----------------------------------------------------------------------------

    def list(self, *, query: str = "", state: str | None = None, kind: str | None = None,
             standard: str | None = None, unit_code: str | None = None,
             with_files: bool = True) -> list[Document]:
        # Each row becomes its Document as it is read (no dict in between): the rows' objects
        # are made and used while they are still in the processor's caches.
        docs = [Document(*r) for r in tuples(self.store, TABLE, _SELECT, unit_code)]
        if state:
            docs = [d for d in docs if d.state == state]
        if kind:
            docs = [d for d in docs if d.kind == kind]
        if standard:
            docs = [d for d in docs if d.standard == standard]
        if query:
            docs = [d for d in docs if matches(query, d.code, d.title, d.department, d.approver)]
        if with_files and docs:
            by_doc: dict[str, list[DocumentFile]] = {}
            for r in tuples(self.store, FILES, _FILE_SELECT, unit_code):
                by_doc.setdefault(r[1], []).append(DocumentFile(*r))
            for d in docs:
                d.files = by_doc.get(d.id, [])
        return _register_order(docs)

    def get(self, document_id: str) -> Document:
        row = records.get(self.store, TABLE, document_id)
        if row is None:
            raise NotFound("Không tìm thấy tài liệu này (có thể đã bị xóa).")
        doc = _document(row)
        doc.files = self.files(document_id)
        return doc

    def versions(self, code: str, unit_code: str | None = None) -> list[Document]:
        found = rows(self.store, TABLE, unit_code, "code = ?", (text_field({"c": code}, "c").upper(),))
        return sorted((_document(r) for r in found), key=lambda d: revision_key(d.revision))

    def find(self, code: str, revision: str) -> Document | None:
        key = revision_key(revision)
        return next((d for d in self.versions(code) if revision_key(d.revision) == key), None)

    def latest(self, code: str) -> Document | None:
        versions = self.versions(code)
        return versions[-1] if versions else None

    def counts_by_state(self, unit_code: str | None = None) -> dict[str, int]:
        counts = dict.fromkeys(STATES, 0)
        for r in self.store.query(
                f"SELECT state, count(*) AS n FROM {TABLE} WHERE deleted = 0 AND origin_unit = ? "
                "GROUP BY state", (unit_code or self.store.unit_code,)):
            counts[r["state"]] = r["n"]
        return counts

    # --- writing ----------------------------------------------------------------------------

    def _check_unique(self, code: str, revision: str, except_id: str | None = None) -> None:
        other = self.find(code, revision)
        if other is not None and other.id != except_id:
            raise ValidationError({"revision": f"Tài liệu {code} đã có phiên bản {other.revision}."})

    def add(self, values: dict) -> Document:
        """A new version, as a draft (`document_rules.new_version_problem`)."""
        data = validate_content(values)
        with self.store.atomic():
            self._check_unique(data["code"], data["revision"])
            problem = new_version_problem(data["code"], data["revision"], "draft",
                                          self.versions(data["code"]))
            if problem:
                raise ValidationError({"revision": problem})
            row = records.insert(self.store, TABLE, {**data, "state": "draft"})
        return self.get(row["id"])

    def update(self, document_id: str, values: dict, *, expected_version: int | None = None
               ) -> Document:
        doc = self.get(document_id)
        merged = {k: getattr(doc, k) for k in CONTENT_FIELDS} | {
            k: v for k, v in values.items() if k in CONTENT_FIELDS}
        data = validate_content(merged)
        changed = [k for k in CONTENT_FIELDS if data[k] != getattr(doc, k)]
        if doc.state == "obsolete" and any(k != "note" for k in changed):
            raise ReadOnlyDocument(f"Tài liệu {doc.code} phiên bản {doc.revision} đã hết hiệu lực: "
                                   "chỉ được sửa ghi chú.")
        locked = [k for k in changed if k in LOCKED_AFTER_APPROVAL]
        if doc.state != "draft" and locked:
            raise ValidationError({locked[0]: (
                f"Tài liệu {doc.code} phiên bản {doc.revision} đã được phê duyệt: không sửa mã, "
                "phiên bản, loại hay tiêu chuẩn. Hãy tạo phiên bản mới.")})
        with self.store.atomic():
            self._check_unique(data["code"], data["revision"], except_id=document_id)
            records.update(self.store, TABLE, document_id, {k: data[k] for k in changed},
                           expected_version=expected_version)
        return self.get(document_id)

    def remove(self, document_id: str) -> None:
        doc = self.get(document_id)
        if doc.state != "draft":
            raise ValidationError(f"Chỉ xóa được bản dự thảo. Tài liệu {doc.code} phiên bản "
                                  f"{doc.revision} đang ở trạng thái \"{doc.state_label}\": hãy "
                                  "đưa về hết hiệu lực thay vì xóa.")
        with self.store.atomic():
            for f in doc.files:
                records.delete(self.store, FILES, f.id)
            records.delete(self.store, TABLE, document_id)

    # --- the life of a version ----------------------------------------------------------------

    def steps(self, doc: Document) -> tuple[str, ...]:
        """The states `doc` can be moved to by hand now (the register's buttons)."""
        versions = self.versions(doc.code, doc.origin_unit)
        return tuple(s for s in TRANSITIONS.get(doc.state, ())
                     if step_problem(doc, s, versions) is None)

    def _refuse_transition(self, doc: Document, to_state: str) -> None:
        """One step by hand: a step of `TRANSITIONS`, allowed by `step_problem`."""
        problem = step_problem(doc, to_state, self.versions(doc.code))
        if problem is None and to_state not in TRANSITIONS[doc.state]:
            allowed = ", ".join(f"\"{STATE_LABELS_VI[s]}\"" for s in TRANSITIONS[doc.state])
            problem = (f"Tài liệu {doc.code} phiên bản {doc.revision} đang \"{doc.state_label}\": "
                       f"chỉ chuyển được sang {allowed}.")
        if problem:
            raise ValidationError({"state": problem})

    def approve(self, document_id: str, *, approver: str, approved_on, expected_version=None,
                today: _dt.date | None = None) -> Document:
        doc = self.get(document_id)
        self._refuse_transition(doc, "approved")
        errors: dict[str, str] = {}
        values = {"approver": approver, "approved_on": approved_on}
        name = text_field(values, "approver")
        if not name:
            errors["approver"] = "Thiếu người phê duyệt (họ tên, chức vụ)."
        day = date_field(values, "approved_on", "Ngày phê duyệt", errors, required=True)
        not_future(errors, "approved_on", "Ngày phê duyệt", day, today or _dt.date.today())
        raise_if(errors)
        records.update(self.store, TABLE, document_id,
                       {"state": "approved", "approver": name, "approved_on": day},
                       expected_version=expected_version)
        return self.get(document_id)

    def return_to_draft(self, document_id: str, *, expected_version=None) -> Document:
        doc = self.get(document_id)
        self._refuse_transition(doc, "draft")
        records.update(self.store, TABLE, document_id,
                       {"state": "draft", "approver": "", "approved_on": None},
                       expected_version=expected_version)
        return self.get(document_id)

    def put_in_force(self, document_id: str, *, effective_on, expected_version=None,
                     today: _dt.date | None = None) -> Document:
        doc = self.get(document_id)
        self._refuse_transition(doc, "in_force")
        errors: dict[str, str] = {}
        day = date_field({"effective_on": effective_on}, "effective_on", "Ngày hiệu lực", errors,
                         required=True)
        order(errors, ("approved_on", "Ngày phê duyệt", doc.approved_on),
              ("effective_on", "Ngày hiệu lực", day))
        not_future(errors, "effective_on", "Ngày hiệu lực", day, today or _dt.date.today())
        for old in self.versions(doc.code):
            if old.id != doc.id and old.state == "in_force":
                check_replaces(errors, old.revision, old.effective_on, day)
        raise_if(errors)
        with self.store.atomic():
            for old in self.versions(doc.code):
                if old.id != doc.id and old.state == "in_force":
                    records.update(self.store, TABLE, old.id, {
                        "state": "obsolete", "obsolete_on": day,
                        "obsolete_reason": f"Thay thế bởi phiên bản {doc.revision}"})
            records.update(self.store, TABLE, document_id,
                           {"state": "in_force", "effective_on": day},
                           expected_version=expected_version)
        return self.get(document_id)

    def make_obsolete(self, document_id: str, *, obsolete_on, reason: str = "",
                      expected_version=None, today: _dt.date | None = None) -> Document:
        doc = self.get(document_id)
        self._refuse_transition(doc, "obsolete")
        errors: dict[str, str] = {}
        day = date_field({"obsolete_on": obsolete_on}, "obsolete_on", "Ngày hết hiệu lực", errors,
                         required=True)
        order(errors, ("effective_on", "Ngày hiệu lực", doc.effective_on),
              ("obsolete_on", "Ngày hết hiệu lực", day))
        not_future(errors, "obsolete_on", "Ngày hết hiệu lực", day, today or _dt.date.today())
        raise_if(errors)
        records.update(self.store, TABLE, document_id, {
            "state": "obsolete", "obsolete_on": day,
            "obsolete_reason": text_field({"r": reason}, "r") or "Hủy bỏ"},
            expected_version=expected_version)
        return self.get(document_id)

    def advance(self, document_id: str, to_state: str, *, approver: str = "", on=None,
                reason: str = "", today: _dt.date | None = None) -> Document:
        """One step of the life of a version, by the name of the state it moves to."""
        if to_state == "approved":
            return self.approve(document_id, approver=approver, approved_on=on, today=today)
        if to_state == "in_force":
            return self.put_in_force(document_id, effective_on=on, today=today)
        if to_state == "obsolete":
            return self.make_obsolete(document_id, obsolete_on=on, reason=reason, today=today)
        if to_state == "draft":
            return self.return_to_draft(document_id)
        raise ValidationError({"state": f"Trạng thái không hợp lệ: {to_state}."})

    def new_version_refusal(self, doc: Document) -> str | None:
        """Why no new version can be made from `doc` now (None when it can): only from the
        latest version, once it is no longer a draft."""
        latest = self.latest(doc.code)
        if latest is None or latest.id != doc.id:
            return (f"Hãy tạo phiên bản mới từ phiên bản mới nhất "
                    f"({latest.revision if latest else '?'}) của {doc.code}.")
        if doc.state == "draft":
            return (f"Phiên bản {doc.revision} của {doc.code} còn là dự thảo: hãy sửa dự thảo đó "
                    "thay vì tạo phiên bản mới.")
        return None

    def new_version(self, document_id: str, revision: str | None = None) -> Document:
        """A new draft version of a document, copied from its latest version."""
        doc = self.get(document_id)
        refusal = self.new_version_refusal(doc)
        if refusal:
            raise ValidationError(refusal)
        new_rev = revision or next_revision(doc.revision)
        if revision_key(new_rev) <= revision_key(doc.revision):
            raise ValidationError({"revision": f"Phiên bản mới phải lớn hơn {doc.revision}."})
        return self.add({"code": doc.code, "title": doc.title, "kind": doc.kind,
                         "standard": "2015", "revision": new_rev,
                         "department": doc.department, "note": ""})

    # --- attached files --------------------------------------------------------------------

    def files(self, document_id: str) -> list[DocumentFile]:
        found = self.store.query(
            f"SELECT * FROM {FILES} WHERE deleted = 0 AND document_id = ? ORDER BY created_at",
            (document_id,))
        return [_file(r) for r in found]

    def attach(self, document_id: str, data: bytes, file_name: str) -> DocumentFile:
        doc = self.get(document_id)
        if doc.state == "obsolete":
            raise ReadOnlyDocument(f"Tài liệu {doc.code} phiên bản {doc.revision} đã hết hiệu "
                                   "lực: không đính kèm thêm tệp.")
        if not data:
            raise ValidationError({"file": f"Tệp {file_name} rỗng."})
        if len(data) > MAX_ATTACHMENT:
            raise ValidationError({"file": f"Tệp {file_name} lớn hơn 50 MB: hãy nén hoặc chia nhỏ."})
        name = text_field({"n": Path(file_name).name}, "n") or "tep-dinh-kem"
        media = mimetypes.guess_type(name)[0] or "application/octet-stream"
        with self.store.atomic():
            digest = blobs.put_blob(self.store, data, name=name, media_type=media)
            row = records.insert(self.store, FILES, {
                "document_id": document_id, "sha256": digest, "file_name": name,
                "media_type": media, "size": len(data)})
        return _file(row)

    def attach_file(self, document_id: str, path: Path) -> DocumentFile:
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise IsoDeskError(f"Không đọc được tệp {path.name}: {oserrors.reason(exc)}.") from exc
        return self.attach(document_id, data, path.name)

    def detach(self, file_id: str) -> None:
        row = records.require(self.store, FILES, file_id)
        doc = self.get(row["document_id"])
        if doc.state == "obsolete":
            raise ReadOnlyDocument("Tài liệu đã hết hiệu lực: giữ nguyên các tệp đính kèm.")
        records.delete(self.store, FILES, file_id)

    def file_bytes(self, file_id: str) -> tuple[str, bytes]:
        row = records.require(self.store, FILES, file_id)
        return row["file_name"], blobs.read_blob(self.store, row["sha256"])

    # --- history ------------------------------------------------------------------------------

    def history(self, document_id: str) -> list[dict]:
        """Every audit entry of the version and of its attached files, oldest first."""
        entries = [dict(e, subject="document") for e in audit.history(self.store, TABLE,
                                                                       document_id)]
        file_ids = [r["id"] for r in self.store.query(
            f"SELECT id FROM {FILES} WHERE document_id = ?", (document_id,))]
        for fid in file_ids:
            entries += [dict(e, subject="file") for e in audit.history(self.store, FILES, fid)]
        return sorted(entries, key=lambda e: e["seq"])


class ReadOnlyDocument(ValidationError):
    def __init__(self, message: str):
        super().__init__({"state": message})


def describe_change(entry: dict) -> str:
    """One line in Vietnamese for a history entry (used by the CLI and the exports)."""
    action = entry["action"]
    new, old = entry.get("new") or {}, entry.get("old") or {}
    if entry.get("subject") == "file":
        name = (new or old).get("file_name", "")
        return f"Đính kèm tệp {name}" if action == "insert" else f"Gỡ tệp {name}"
    if action == "insert":
        return f"Tạo phiên bản {new.get('revision', '')} ({STATE_LABELS_VI.get(new.get('state'), '')})"
    if action == "delete":
        return "Xóa bản dự thảo"
    parts = []
    for key, value in new.items():
        before = old.get(key)
        label = FIELD_LABELS_VI.get(key, key)
        if key == "state":
            parts.append(f"trạng thái: {STATE_LABELS_VI.get(before, before)} → "
                         f"{STATE_LABELS_VI.get(value, value)}")
        elif key.endswith("_on"):
            parts.append(f"{label}: {vn_date(before) or '—'} → {vn_date(value) or '—'}")
        else:
            parts.append(f"{label}: {before or '—'} → {value or '—'}")
    return "; ".join(parts)
