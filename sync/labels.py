"""Vietnamese names of what the sync machinery shows to users: the synced tables (the codes stay
in `--json` and in the package format), key states, delivery means, and the reasons of operating
system errors."""
from __future__ import annotations

from desktop.models import oserrors
from desktop.models.db import shown_time
from desktop.models.unit import DEFAULT_LEVEL_NAMES

TABLE_LABELS = {
    "user_keys": "khóa chữ ký của người dùng",
    "staff": "cán bộ",
    "minutes": "biên bản",
    "minutes_revisions": "bản sửa biên bản",
    "minutes_participants": "người dự họp",
    "minutes_action_items": "việc cần làm sau họp",
    "minutes_attachments": "tệp đính kèm biên bản",
    "minutes_signatures": "chữ ký biên bản",
    "iso_annual_reports": "báo cáo năm",
    "iso_audit_programmes": "chương trình đánh giá nội bộ",
    "iso_audits": "cuộc đánh giá nội bộ",
    "iso_audit_findings": "phát hiện đánh giá",
    "iso_documents": "tài liệu",
    "iso_document_files": "tệp tài liệu",
    "iso_nonconformities": "sự không phù hợp",
    "iso_nc_plans": "kế hoạch khắc phục chưa hiệu quả",
    "iso_plan_templates": "mẫu kế hoạch",
    "iso_plan_items": "bước kế hoạch",
    "iso_plan_evidence": "bằng chứng thực hiện kế hoạch",
    "iso_policies": "chính sách và mục tiêu chất lượng",
    "iso_reviews": "xem xét của lãnh đạo",
    # the team of a district (its tables go up only): "Tổ triển khai ISO", not the province's
    # steering committee
    "iso_team_decisions": f"quyết định thành lập {DEFAULT_LEVEL_NAMES['district_team']}",
    "iso_team_members": f"thành viên {DEFAULT_LEVEL_NAMES['district_team']}",
    "quiz_topics": "chủ đề câu hỏi",
    "quiz_questions": "câu hỏi",
    "quiz_question_versions": "phiên bản câu hỏi",
    "quiz_sessions": "đợt kiểm tra",
    "quiz_attendance": "danh sách dự kiểm tra",
    "quiz_paper_variants": "mã đề",
    "quiz_attempts": "bài làm",
    "quiz_answers": "câu trả lời",
    "@blob": "tệp đính kèm",
}
# Tables a person has no use for when reading a district's data.
TECHNICAL_TABLES = {"user_keys"}

KEY_STATES = {"trusted": "đã tin cậy", "waiting": "chờ gói đầu tiên",
              "key_changed": "khóa đã đổi — cần xác nhận"}
SENT_VIA = {"folder": "thư mục", "usb": "ổ USB", "eml": "tệp thư (.eml)", "smtp": "thư điện tử"}



def table_label(table: str) -> str:
    """The Vietnamese name of a synced table (lower case, to use inside a sentence)."""
    return TABLE_LABELS.get(table, table)


def table_title(table: str) -> str:
    """The same name with a capital letter (a heading, a tab)."""
    name = table_label(table)
    return name[:1].upper() + name[1:]


def key_state_label(state: str) -> str:
    return KEY_STATES.get(state, state)


def sent_via_label(via: str | None) -> str:
    return SENT_VIA.get(via or "", via or "")


def os_reason(exc: OSError) -> str:
    """What went wrong, in Vietnamese (never the system's English text); by the Windows error
    code first (desktop.models.oserrors)."""
    return oserrors.reason(exc)


# The question bank's tables, counted together as one kind of data.
BANK_TABLES = ("quiz_topics", "quiz_questions", "quiz_question_versions")
BANK_TITLE = "Ngân hàng câu hỏi"


def kinds_counts(tables: dict[str, dict]) -> list[tuple[str, int]]:
    """(Vietnamese title, records received) per kind of data of a package, in package order:
    the question bank's tables as one kind, the technical ones left out."""
    out: dict[str, int] = {}
    for table, counts in tables.items():
        n = (counts or {}).get("received") or 0
        if table in TECHNICAL_TABLES or not n:
            continue
        title = BANK_TITLE if table in BANK_TABLES else table_title(table)
        out[title] = out.get(title, 0) + n
    return list(out.items())


def kinds_text(tables: dict[str, dict]) -> str:
    """“Cán bộ 5, Biên bản 1, Ngân hàng câu hỏi 120”."""
    return ", ".join(f"{title} {n:,}".replace(",", ".") for title, n in kinds_counts(tables))


local_time = shown_time   # dd/mm/yyyy HH:MM
