"""The ISO team list VSS asks for (seed 000, item 2: full name, position, unit, phone), in Excel and
as a PDF in the official layout (Nghị định 30/2020), in one of two forms:

- a document of its own, sent upward: heading with its own number line ("Số: …/DS-<unit>"),
  place and date, the decision that set up the team named in the text, signature, "Nơi nhận";
- an attachment of the team's decision: the list under "(Kèm theo Quyết định số … ngày … của
  …)", without a number, date, signature or recipients of its own (the decision carries them).
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from desktop.output.pdf import (
    SignatureBox, blank_number, build_official_pdf, data_table, header_block, plain,
    signature_block, styles, title_block,
)
from desktop.output.pdf import register_fonts
from desktop.output.pdf.official import HEADER_SIZE, balanced_lines, header_columns, upper_vn
from desktop.models.errors import ValidationError
from desktop.models.iso.team import TeamDecision, TeamMember, members_who_left, role_label
from desktop.models.vntext import nfc

from ..writing import write_pdf
from ..xlsx_cells import put
from ..xlsx_common import (
    BODY_FONT, TITLE_FONT, print_on_a4_width, save_atomically, style_body, style_header_row,
)

HEADERS = ["STT", "Họ và tên", "Chức danh", "Đơn vị công tác", "Số điện thoại",
           "Nhiệm vụ trong Tổ"]
WIDTHS_XLSX = [6, 28, 26, 34, 16, 18]
WIDTHS_PDF_MM = [11, 38, 30, 40, 25, 21]
DEFAULT_RECIPIENTS = ["BHXH Việt Nam (Phòng Tổng hợp - Văn phòng)"]


@dataclass
class TeamListData:
    unit_name: str
    parent_name: str
    place: str
    team_name: str                      # "Tổ triển khai ISO" / "Ban Chỉ đạo ISO"
    members: list[TeamMember]
    decision: TeamDecision | None = None
    province: bool = False
    signer_title: str = "Giám đốc"
    signer_name: str = ""
    day: _dt.date = field(default_factory=_dt.date.today)
    recipients: list[str] = field(default_factory=list)
    unit_code: str = ""
    attachment: bool = False            # printed as the attachment of the decision

    @property
    def title(self) -> str:
        return f"Danh sách {self.team_name} của {self.unit_name}"

    @property
    def as_attachment(self) -> bool:
        return self.attachment and self.decision is not None

    @property
    def decision_line(self) -> str:
        """Under the title: "(Kèm theo Quyết định …)" for the attachment; the decision the team
        was set up by, for the list of its own."""
        if not self.decision:
            return ""
        d = _dt.date.fromisoformat(self.decision.signed_on)
        if self.as_attachment:
            return (f"(Kèm theo Quyết định số {self.decision.number} ngày {d:%d/%m/%Y} của "
                    f"{self.signer_title} {self.unit_name})")
        return (f"(Thành lập, kiện toàn theo Quyết định số {self.decision.number} ngày "
                f"{d:%d/%m/%Y})")

    @property
    def members_who_left(self) -> list[TeamMember]:
        """Roster members no longer working at the unit: still listed, the sender is warned."""
        return members_who_left(self.members)

    @property
    def left_warning(self) -> str:
        left = self.members_who_left
        if not left:
            return ""
        names = ", ".join(m.full_name for m in left)
        return (f"Lưu ý: danh sách có {len(left)} người không còn công tác tại đơn vị ({names}). "
                f"Hãy cập nhật {self.team_name} (bỏ người đã nghỉ, ghi quyết định kiện toàn) "
                "trước khi gửi.")

    def check_exportable(self) -> None:
        if not self.members:
            raise ValidationError(f"{self.team_name} chưa có thành viên nào: hãy thêm thành viên "
                                  "trước khi xuất danh sách.")

    def rows(self) -> list[list[str]]:
        return [[str(i), m.full_name, m.position, m.work_unit, m.phone,
                 role_label(m.role, province=self.province)]
                for i, m in enumerate(self.members, start=1)]


def export_team_xlsx(path: Path, data: TeamListData) -> Path:
    data.check_exportable()
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách Tổ ISO"
    ncols = len(HEADERS)
    last = chr(64 + ncols)
    lines = [(data.parent_name.upper(), Font(name="Times New Roman", size=12)),
             (data.unit_name.upper(), Font(name="Times New Roman", size=12, bold=True)),
             ("", BODY_FONT),
             (f"DANH SÁCH {data.team_name.upper()}", TITLE_FONT),
             (data.unit_name, Font(name="Times New Roman", size=13, bold=True)),
             (data.decision_line, Font(name="Times New Roman", size=12, italic=True))]
    for r, (text, font) in enumerate(lines, start=1):
        ws.merge_cells(f"A{r}:{last}{r}")
        cell = put(ws, r, 1, nfc(text))
        cell.font = font
        cell.alignment = Alignment(horizontal="center" if r > 2 else "left", vertical="center")
    header_row = len(lines) + 2
    for c, (h, w) in enumerate(zip(HEADERS, WIDTHS_XLSX), start=1):
        put(ws, header_row, c, h)
        ws.column_dimensions[chr(64 + c)].width = w
    style_header_row(ws, header_row, ncols)
    rows = data.rows()
    for i, row in enumerate(rows, start=header_row + 1):
        for c, value in enumerate(row, start=1):
            cell = put(ws, i, c, int(value) if c == 1 else value)
            if c == 5:
                cell.number_format = "@"  # keep the leading 0 of phone numbers
    style_body(ws, header_row + 1, header_row + len(rows), ncols)
    for i in range(header_row + 1, header_row + len(rows) + 1):
        ws.cell(row=i, column=1).alignment = Alignment(horizontal="center", vertical="top")
    foot = header_row + len(rows) + 2
    put(ws, foot, 4, nfc(f"{data.place}, ngày {data.day:%d} tháng "
                         f"{data.day:%m} năm {data.day:%Y}")).font = Font(
        name="Times New Roman", size=12, italic=True)
    put(ws, foot + 1, 4, data.signer_title.upper()).font = Font(
        name="Times New Roman", size=12, bold=True)
    put(ws, foot + 5, 4, data.signer_name).font = Font(
        name="Times New Roman", size=12, bold=True)
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    print_on_a4_width(ws)
    return save_atomically(wb, path)


def team_story(data: TeamListData) -> list:
    st = styles()
    if data.as_attachment:
        story = [_agency_heading(data, st), Spacer(1, 6 * mm)]
    else:
        story = header_block(data.parent_name, data.unit_name,
                             blank_number("DS", data.unit_code or "BHXH"), data.place, data.day)
    story += title_block("DANH SÁCH", f"{data.team_name} của {data.unit_name}")
    if data.decision_line:
        story.insert(len(story) - 1, _centred_italic(data.decision_line, st))
    story.append(data_table(HEADERS, data.rows(), col_widths_mm=WIDTHS_PDF_MM))
    story.append(_count_line(len(data.members), st))
    if data.as_attachment:
        return story
    recipients = data.recipients or DEFAULT_RECIPIENTS
    story.append(signature_block(None, SignatureBox(data.signer_title, None, data.signer_name),
                                 recipients=recipients))
    return story


def _agency_heading(data: TeamListData, st):
    """The issuing agency at the top left (an attachment has no number, date or motto)."""
    f = register_fonts()
    width = header_columns()[0]
    left = [Paragraph(plain("\n".join(balanced_lines(upper_vn(text), font, HEADER_SIZE, width))),
                      st[style])
            for text, font, style in ((data.parent_name, f.regular, "agency_parent"),
                                      (data.unit_name, f.bold, "agency_name")) if text.strip()]
    table = Table([[left]], colWidths=[width], hAlign="LEFT")
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _centred_italic(text: str, st):
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    style = ParagraphStyle("decision", parent=st["place_date"], alignment=TA_CENTER,
                           spaceAfter=2)
    return Paragraph(plain(text), style)


def _count_line(n: int, st):
    from reportlab.platypus import Paragraph

    return Paragraph(plain(f"Danh sách có {n:02d} người./."), st["body"])


def export_team_pdf(path: Path, data: TeamListData) -> int:
    """Write the PDF; return its page count."""
    data.check_exportable()
    return write_pdf(path, lambda buf: build_official_pdf(
        buf, team_story(data), title=data.title, author=data.unit_name,
        subject="Danh sách Tổ ISO"))


def team_list_data(store, day: _dt.date | None = None, *, attachment: bool = False
                   ) -> TeamListData:
    """The list as this unit would send it: the current decision, its members, signed by the head
    of the team (the director, usually); or, with `attachment`, as the decision's attachment."""
    from desktop.models.iso.team import TeamRepository
    from desktop.models.unit import get_profile

    repo = TeamRepository(store)
    profile = get_profile(store)
    members = repo.members()
    head = next((m for m in members if m.role == "head"), None)
    return TeamListData(
        unit_name=profile.name, parent_name=profile.parent_name or "",
        place=profile.place or "", team_name=profile.team_name, members=members,
        decision=repo.current_decision(), province=profile.is_province,
        signer_title=(head.position if head and head.position else "Giám đốc"),
        signer_name=head.full_name if head else "", day=day or _dt.date.today(),
        recipients=DEFAULT_RECIPIENTS + ([profile.parent_name] if profile.parent_name else []),
        unit_code=profile.code, attachment=attachment)
