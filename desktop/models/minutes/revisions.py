"""A new revision of signed minutes: a draft copied from the latest signed revision, refused
when any revision of the minutes fails its signature check (the copy would carry a change made
after signing). The old revision and its signatures stay as they are."""
from __future__ import annotations

from .. import audit, records
from ..db import Store
from ..errors import IsoDeskError, ReadOnlyRecord
from . import fields as F
from .repository import (
    Revision, TextCheck, latest_revision, load_revision, replace_children, revision_ids,
    save_draft,
)
from .signing import verify_revision


def new_revision(store: Store, minutes_id: str, data: dict | None = None, *, reason: str = "",
                 text_check: TextCheck | None = None) -> Revision:
    """A new draft revision copied from the latest signed one, with `data`'s changes applied.
    The old revision and its signatures stay as they are."""
    old = latest_revision(store, minutes_id)
    if old.is_draft:
        raise IsoDeskError(f"Bản sửa đổi {old.revision_no} của biên bản số {old.number} còn là "
                           "bản nháp: hãy sửa trực tiếp bản đó.")
    if store.unit_code and old.origin_unit != store.unit_code:
        raise ReadOnlyRecord("Biên bản này là bản sao nhận từ đơn vị khác, chỉ được xem.")
    _refuse_altered(store, minutes_id)
    base = old.draft_data()
    for key in ("participants", "action_items"):
        base[key] = [{k: v for k, v in item.items() if k != "id"} for item in base[key]]
    with store.atomic():
        copy = {k: old.row[k] for k in ("minutes_id", "number", "agency_parent", "agency_name",
                                         "locality", "subject", "meeting_date", "start_time",
                                         "end_time", "place", "chair", "secretary", "content",
                                         "conclusions", "copies", "copy_destinations")}
        rev = records.insert(store, "minutes_revisions", {
            **copy, "revision_no": old.revision_no + 1, "previous_revision_id": old.id,
            "status": "draft", "reason": F.clean_line(reason), "created_by": store.actor,
        })
        replace_children(store, rev["id"], base)
        for order, att in enumerate(old.attachments):
            records.insert(store, "minutes_attachments", {
                "revision_id": rev["id"], "sort_order": order, "name": att["name"],
                "sha256": att["sha256"], "size": att["size"], "media_type": att["media_type"]})
        audit.append(store, "minutes_new_revision", table="minutes_revisions",
                     record_id=rev["id"], new={"minutes_id": minutes_id,
                                               "revision": old.revision_no + 1,
                                               "previous_revision_id": old.id,
                                               "reason": F.clean_line(reason)})
        if data:
            save_draft(store, rev["id"], data, partial=True, text_check=text_check)
    return load_revision(store, rev["id"])


def _refuse_altered(store: Store, minutes_id: str) -> None:
    """A new revision copies the signed one: not when any revision fails its check."""
    for rid in revision_ids(store, minutes_id):
        check = verify_revision(store, load_revision(store, rid))
        if not check.valid:
            rev = check.revision
            raise IsoDeskError(
                f"Không tạo được bản sửa đổi mới: bản sửa đổi {rev.revision_no} của biên bản số "
                f"{rev.number} đã bị thay đổi sau khi ký ({' '.join(check.all_problems)}). "
                "Bản mới sẽ chép lại nội dung đã bị sửa này. Hãy đối chiếu với bản giấy có chữ "
                "ký hoặc bản ở tỉnh, báo quản trị hệ thống khôi phục dữ liệu từ bản sao lưu, rồi "
                "làm lại.")
