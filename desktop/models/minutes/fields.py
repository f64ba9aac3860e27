"""The fields of a working minutes: cleaning, defaults and the rules they follow.

The same dictionary shape is used by the command line (`minutes create --from F.json`), the
editor and the repository:

    {"number", "subject", "date": "YYYY-MM-DD", "start_time": "HH:MM", "end_time": "HH:MM",
     "place", "chair", "secretary",
     "participants": [{"name", "position", "side": "unit"|"consultant", "organisation"}],
     "content", "conclusions",
     "action_items": [{"description", "owner", "due": "YYYY-MM-DD"}],
     "copies": 3, "copy_destinations": ["Lưu tại …", …]}

A draft may be incomplete (it is saved as typed); `validate(..., complete=True)` is what signing
and the command line ask for. Field names in errors are those of the JSON (`action_items[2].due`).
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from typing import Any

from ..errors import ValidationError
from ..vntext import clean, nfc

SIDES = ("unit", "consultant")
SIDE_LABELS_VI = {"unit": "Đơn vị", "consultant": "Đơn vị tư vấn"}
STATUSES = ("draft", "signed", "confirmed")
STATUS_LABELS_VI = {
    "draft": "Bản nháp",
    "signed": "Đã ký, chờ xác nhận",
    "confirmed": "Đã xác nhận",
}
MEANINGS = ("author", "confirm")
AUTHOR_MEANING_VI = "Người lập biên bản"

SCALAR_FIELDS = ("number", "subject", "date", "start_time", "end_time", "place", "chair",
                 "secretary", "content", "conclusions", "copies", "copy_destinations")
LIST_FIELDS = ("participants", "action_items")
ALL_FIELDS = SCALAR_FIELDS + LIST_FIELDS
REQUIRED = ("subject", "date", "start_time", "end_time", "place", "chair", "secretary", "content")

FIELD_LABELS_VI = {
    "number": "Số biên bản", "subject": "Trích yếu (nội dung làm việc)", "date": "Ngày họp",
    "start_time": "Giờ bắt đầu", "end_time": "Giờ kết thúc", "place": "Địa điểm",
    "chair": "Chủ trì", "secretary": "Thư ký (người ghi biên bản)",
    "participants": "Thành phần tham dự", "content": "Nội dung", "conclusions": "Kết luận",
    "action_items": "Công việc cần làm", "copies": "Số bản", "copy_destinations": "Nơi nhận các bản",
    "attachments": "Tài liệu kèm theo",
}

MAX_LINE = 300           # one-line fields
MAX_NAME = 120
MAX_TEXT = 200_000       # content / conclusions: some 60 printed pages
MAX_ITEMS = 300          # participants, action items
MAX_COPIES = 9
NUMBER_RE = re.compile(r"^\d{2,4}/BB-([A-Z0-9][A-Z0-9_.-]{1,19})$")
_TIME_RE = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_NUMBER_SEQ_RE = re.compile(r"^(\d{1,4})/")


def default_copy_destinations(parent_name: str | None) -> list[str]:
    """The three copies of DOMAIN.md: the province office, the consultant, VSS."""
    province = (parent_name or "").strip() or "Bảo hiểm xã hội tỉnh"
    return [
        f"Lưu tại {province}",
        "Lưu tại đơn vị tư vấn",
        "Gửi Bảo hiểm xã hội Việt Nam kèm báo cáo tổng hợp",
    ]


def format_number(seq: int, unit_code: str) -> str:
    """`NN/BB-<unit code>`: numbers under 10 get a leading zero, no spaces."""
    return f"{seq:02d}/BB-{unit_code}"


def number_sequence(number: str) -> int | None:
    m = _NUMBER_SEQ_RE.match(number or "")
    return int(m.group(1)) if m else None


def clean_text(value: Any) -> str:
    """A multi-line text: NFC, Windows line ends and tabs made plain, control characters
    dropped, trailing spaces of each line and blank lines at both ends removed."""
    if value is None:
        return ""
    text = nfc(str(value)) or ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    text = "".join(ch for ch in text
                   if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cs", "Co", "Cn"))
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


def clean_line(value: Any) -> str:
    if value is None:
        return ""
    text = clean(str(value)) or ""
    return "".join(ch for ch in text
                   if unicodedata.category(ch) not in ("Cc", "Cs", "Co", "Cn"))


def parse_date(value: str) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(value) if re.match(r"^\d{4}-\d{2}-\d{2}$", value) else None
    except ValueError:
        return None


def parse_time(value: str) -> str | None:
    m = _TIME_RE.fullmatch(value or "")
    return f"{int(m.group(1)):02d}:{m.group(2)}" if m else None


def empty_draft() -> dict:
    return {"number": "", "subject": "", "date": "", "start_time": "", "end_time": "",
            "place": "", "chair": "", "secretary": "", "participants": [], "content": "",
            "conclusions": "", "action_items": [], "copies": 3, "copy_destinations": []}


def _shown(value: Any) -> str:
    """A value as the user wrote it in the JSON, for an error message."""
    if isinstance(value, str):
        return f"“{value[:40]}”"
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]
    return str(value)[:40]


def number_unit(number: str) -> str | None:
    """The unit code of a well-formed number (`05/BB-BHXHST` → `BHXHST`)."""
    m = NUMBER_RE.fullmatch(number or "")
    return m.group(1) if m else None


def _label(field: str) -> str:
    return FIELD_LABELS_VI.get(field, field)


def validate(data: dict, *, complete: bool = False, partial: bool = False) -> dict:
    """Clean the fields of a minutes; raise ValidationError naming each bad field.

    complete: every required field must be there (signing, the command line).
    partial: only the fields present are cleaned and returned (an update).
    """
    if not isinstance(data, dict):
        raise ValidationError({"": "Dữ liệu biên bản phải là một đối tượng JSON {…}."})
    errors: dict[str, str] = {}
    unknown = [k for k in data if k not in ALL_FIELDS and k not in ("attachments", "template")]
    for key in unknown:
        errors[str(key)] = f"Trường “{key}” không có trong biên bản. Các trường: " + \
            ", ".join(ALL_FIELDS) + "."
    source = data if partial else {**empty_draft(), **data}
    out: dict[str, Any] = {}

    for key in ("number", "subject", "place", "chair", "secretary"):
        if key not in source:
            continue
        value = source[key]
        if value is not None and not isinstance(value, str):
            errors[key] = f"{_label(key)} phải là chữ (đặt trong dấu ngoặc kép)."
            continue
        text = clean_line(value)
        limit = MAX_NAME if key in ("chair", "secretary") else MAX_LINE
        if len(text) > limit:
            errors[key] = f"{_label(key)} quá dài ({len(text)} ký tự, tối đa {limit})."
        out[key] = text
    if out.get("number") and not NUMBER_RE.fullmatch(out["number"]):
        errors["number"] = (f"Số biên bản “{out['number'][:40]}” không đúng dạng NN/BB-<mã đơn "
                            "vị>: số thứ tự có ít nhất hai chữ số, viết liền không có dấu cách, "
                            "ví dụ 05/BB-BHXHST. Hãy sửa số, hoặc xóa ô số để chương trình tự "
                            "đánh số.")

    if "date" in source:
        raw = clean_line(source["date"])
        if raw and parse_date(raw) is None:
            errors["date"] = f"Ngày họp “{raw}” không hợp lệ: ghi theo dạng YYYY-MM-DD, ví dụ 2026-01-05."
        out["date"] = raw
    for key in ("start_time", "end_time"):
        if key in source:
            raw = clean_line(source[key])
            value = parse_time(raw) if raw else ""
            if value is None:
                errors[key] = f"{_label(key)} “{raw}” không hợp lệ: ghi theo dạng HH:MM, ví dụ 08:00."
                value = raw
            out[key] = value

    for key in ("content", "conclusions"):
        if key in source:
            if source[key] is not None and not isinstance(source[key], str):
                errors[key] = f"{_label(key)} phải là chữ."
                continue
            text = clean_text(source[key])
            if len(text) > MAX_TEXT:
                errors[key] = (f"{_label(key)} quá dài ({len(text):,} ký tự, tối đa {MAX_TEXT:,}). "
                               "Hãy chuyển phần chi tiết thành tài liệu đính kèm.").replace(",", ".")
            out[key] = text

    if "copies" in source:
        copies = source["copies"]
        if isinstance(copies, str) and copies.strip().isdigit():
            copies = int(copies)
        if isinstance(copies, bool) or not isinstance(copies, int) or not 1 <= copies <= MAX_COPIES:
            errors["copies"] = (f"Số bản phải là số nguyên từ 1 đến {MAX_COPIES} "
                                f"(ví dụ 3), không phải {_shown(source['copies'])}.")
        else:
            out["copies"] = copies
    if "copy_destinations" in source:
        dests = source["copy_destinations"]
        if dests is None:
            dests = []
        if not isinstance(dests, list) or not all(isinstance(d, str) for d in dests):
            errors["copy_destinations"] = "Nơi nhận các bản phải là danh sách, mỗi bản một dòng."
        else:
            cleaned = [clean_line(d).rstrip(";.") for d in dests]
            out["copy_destinations"] = [d for d in cleaned if d]
            if any(len(d) > MAX_LINE for d in cleaned):
                errors["copy_destinations"] = f"Mỗi nơi nhận tối đa {MAX_LINE} ký tự."

    if "participants" in source:
        out["participants"] = _participants(source["participants"], errors)
    if "action_items" in source:
        out["action_items"] = _action_items(source["action_items"], errors)

    if complete:
        _check_complete({**empty_draft(), **out} if partial else out, errors)
    if errors:
        raise ValidationError(errors)
    return out


def _participants(items: Any, errors: dict[str, str]) -> list[dict]:
    if items is None:
        return []
    if not isinstance(items, list):
        errors["participants"] = "Thành phần tham dự phải là danh sách người."
        return []
    if len(items) > MAX_ITEMS:
        errors["participants"] = f"Tối đa {MAX_ITEMS} người tham dự."
    out = []
    for i, item in enumerate(items, start=1):
        key = f"participants[{i}]"
        if not isinstance(item, dict):
            errors[key] = f"Người tham dự thứ {i} phải có dạng {{\"name\", \"position\", \"side\"}}."
            continue
        _check_strings(item, ("name", "position", "side", "organisation"), key,
                       f"Người tham dự thứ {i}", errors)
        person = {
            "id": clean_line(item.get("id")) or None,
            "side": clean_line(item.get("side")) or "unit",
            "name": clean_line(item.get("name")),
            "position": clean_line(item.get("position")),
            "organisation": clean_line(item.get("organisation")),
            "staff_id": clean_line(item.get("staff_id")) or None,
        }
        if not person["name"]:
            errors[f"{key}.name"] = f"Người tham dự thứ {i}: thiếu họ và tên."
        elif len(person["name"]) > MAX_NAME:
            errors[f"{key}.name"] = f"Người tham dự thứ {i}: họ và tên quá dài."
        if person["side"] not in SIDES:
            errors[f"{key}.side"] = (f"Người tham dự thứ {i}: “side” phải là \"unit\" (đơn vị) "
                                     "hoặc \"consultant\" (đơn vị tư vấn).")
        for extra in ("position", "organisation"):
            if len(person[extra]) > MAX_LINE:
                errors[f"{key}.{extra}"] = f"Người tham dự thứ {i}: quá dài."
        out.append(person)
    return out


def _check_strings(item: dict, keys: tuple[str, ...], prefix: str, label: str,
                   errors: dict[str, str]) -> None:
    for name in keys:
        value = item.get(name)
        if value is not None and not isinstance(value, str):
            errors[f"{prefix}.{name}"] = (f"{label}: “{name}” phải là chữ (đặt trong dấu ngoặc "
                                          f"kép), không phải {_shown(value)}.")


def _action_items(items: Any, errors: dict[str, str]) -> list[dict]:
    if items is None:
        return []
    if not isinstance(items, list):
        errors["action_items"] = "Công việc cần làm phải là danh sách."
        return []
    if len(items) > MAX_ITEMS:
        errors["action_items"] = f"Tối đa {MAX_ITEMS} công việc."
    out = []
    for i, item in enumerate(items, start=1):
        key = f"action_items[{i}]"
        if not isinstance(item, dict):
            errors[key] = f"Công việc thứ {i} phải có dạng {{\"description\", \"owner\", \"due\"}}."
            continue
        _check_strings(item, ("description", "owner", "due"), key, f"Công việc thứ {i}", errors)
        entry = {
            "id": clean_line(item.get("id")) or None,
            "description": clean_text(item.get("description")),
            "owner": clean_line(item.get("owner")),
            "due": clean_line(item.get("due")),
        }
        if not entry["description"]:
            errors[f"{key}.description"] = f"Công việc thứ {i}: thiếu nội dung công việc."
        elif len(entry["description"]) > 5000:
            errors[f"{key}.description"] = f"Công việc thứ {i}: nội dung quá dài (tối đa 5.000 ký tự)."
        if len(entry["owner"]) > MAX_LINE:
            errors[f"{key}.owner"] = f"Công việc thứ {i}: người thực hiện quá dài."
        if entry["due"] and parse_date(entry["due"]) is None:
            errors[f"{key}.due"] = (f"Công việc thứ {i}: hạn “{entry['due']}” không hợp lệ "
                                    "(YYYY-MM-DD, ví dụ 2026-02-15).")
        out.append(entry)
    return out


def _check_complete(data: dict, errors: dict[str, str]) -> None:
    for key in REQUIRED:
        if not data.get(key) and key not in errors:
            errors[key] = f"Thiếu {_label(key).lower()}."
    if not data.get("participants") and "participants" not in errors:
        errors["participants"] = "Cần ít nhất một người tham dự."
    start, end = data.get("start_time"), data.get("end_time")
    if (start and end and "start_time" not in errors and "end_time" not in errors
            and end <= start):
        errors["end_time"] = f"Giờ kết thúc ({end}) phải sau giờ bắt đầu ({start})."
    for i, item in enumerate(data.get("action_items") or [], start=1):
        if not item.get("owner") and f"action_items[{i}].owner" not in errors:
            errors[f"action_items[{i}].owner"] = f"Công việc thứ {i}: thiếu người thực hiện."
    copies = data.get("copies") or 0
    dests = data.get("copy_destinations") or []
    if "copies" not in errors and "copy_destinations" not in errors and len(dests) != copies:
        errors["copy_destinations"] = (f"Biên bản lập {copies:02d} bản nhưng ghi nơi nhận của "
                                       f"{len(dests)} bản: mỗi bản một nơi nhận.")


def missing_for_signing(data: dict) -> dict[str, str]:
    """What must still be filled in before the minutes can be signed (empty when ready)."""
    try:
        validate(data, complete=True)
    except ValidationError as exc:
        return dict(exc.errors)
    return {}
