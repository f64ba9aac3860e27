"""Working minutes: a three-page minutes renders to PDF in under 300 ms, and within 2× plain
reportlab setting the same text in the same font — both the first render of a minutes (which
lays one copy out first to find the page count its closing sentence states) and a later one
(the preview, the printed copies, an export: the count is known).

Measured on a real database in a temporary folder: a signed and confirmed minutes whose one copy
is three pages long, rendered as the file that is printed (03 copies, 9 pages) and as one copy;
plus signature verification of the whole minutes. The baseline is the text of that PDF (read
back from one copy), line by line as paragraphs in the same font, three times over, built by a
plain SimpleDocTemplate — in interleaved runs with the program's render.
"""
from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from benchmarks.harness import Result, interleaved, median, ratio_rows, timed

TARGET_MS = 300.0
TARGET_RATIO = 2.0
PASSWORD = "bench-pass-1"
PARAGRAPH = ("Đơn vị tư vấn hướng dẫn cán bộ, công chức, viên chức về chính sách chất lượng, mục "
             "tiêu chất lượng và trách nhiệm của từng người trong hệ thống quản lý chất lượng. ")


def _setup(folder: Path):
    from desktop.models import minutes as M
    from desktop.models import users
    from desktop.models.datafile import open_store
    from desktop.models.unit import UnitProfile, save_profile

    store = open_store(folder / "isodesk.sqlite", actor="bench")
    save_profile(store, UnitProfile(code="BHXHBM", name="Bảo hiểm xã hội huyện Đo Lường",
                                    level="district", parent_name="Bảo hiểm xã hội tỉnh Mẫu",
                                    place="Đo Lường"))
    users.create_user(store, "tuvan", "Đỗ Minh Khôi", "consultant", PASSWORD,
                      position="Chuyên gia tư vấn")
    users.create_user(store, "iso", "Lê Thị Thu Hà", "iso_team", PASSWORD,
                      position="Tổ trưởng Tổ triển khai ISO")
    return store, M


def _three_page_minutes(store, M, paragraphs: int):
    content = "\n".join(("- " if i % 4 == 0 else "") + f"{i}. " + PARAGRAPH * 2
                        for i in range(1, paragraphs + 1))
    data = {
        "subject": "Soát xét hệ thống tài liệu của Hệ thống quản lý chất lượng",
        "date": "2026-01-05", "start_time": "08:00", "end_time": "11:30",
        "place": "Phòng họp", "chair": "Phạm Quốc Hùng", "secretary": "Đỗ Minh Khôi",
        "participants": [{"name": f"Cán bộ số {i}", "position": "Viên chức", "side": "unit"}
                         for i in range(1, 7)]
        + [{"name": "Đỗ Minh Khôi", "position": "Chuyên gia", "side": "consultant"}],
        "content": content, "conclusions": "- Thống nhất.\n- Hoàn thiện tài liệu.",
        "action_items": [{"description": "Sửa quy trình", "owner": "Tổ Thu",
                          "due": "2026-02-01"}] * 3,
    }
    return M.create(store, data, complete=True)


def run(quick: bool = False) -> list[Result]:
    os.environ.setdefault("ISODESK_PDF_FONT", "liberation")
    from desktop.output import minutes_pdf as P

    repeat = 3 if quick else 10
    with tempfile.TemporaryDirectory() as tmp:
        store, M = _setup(Path(tmp))
        try:
            # Find the content length that makes one copy exactly three pages.
            rev = None
            for paragraphs in range(6, 40):
                rev = _three_page_minutes(store, M, paragraphs)
                pages = P.render(rev, io.BytesIO(), copies=False).pages_per_copy
                if pages == 3:
                    break
                M.discard_draft(store, rev.id)
            M.sign(store, rev.minutes_id, "tuvan", PASSWORD, "author")
            rev = M.sign(store, rev.minutes_id, "iso", PASSWORD, "confirm")
            check = M.verify_revision(store, rev)
            P.render(rev, io.BytesIO(), check=check)  # fonts registered, caches warm

            one = io.BytesIO()
            P.render(rev, one, check=check, copies=False)
            plain = _plain_story_maker(one.getvalue())
            result = P.render(rev, io.BytesIO(), check=check)
            samples = interleaved({
                "plain": lambda: timed(lambda: plain(3))[0],
                "copies": lambda: timed(lambda: P.render(rev, io.BytesIO(), check=check))[0],
                "one": lambda: timed(lambda: P.render(rev, io.BytesIO(), check=check,
                                                      copies=False))[0],
                "first": lambda: (P.forget_page_counts(),
                                  timed(lambda: P.render(rev, io.BytesIO(), check=check))[0])[1],
            }, repeat)
            samples_copies, samples_one = samples["copies"], samples["one"]
            verify_t, _ = timed(lambda: M.verify_minutes(store, rev.minutes_id), repeat=repeat)
        finally:
            store.close(clean=False)
    copies_ms = median(samples_copies) * 1000
    one_ms = median(samples_one) * 1000
    return ratio_rows("minutes", f"PDF, 3-page minutes × 03 copies ({result.pages} pages)",
                      "plain reportlab, the same text and font, 3 copies", samples["plain"],
                      samples_copies, target=TARGET_RATIO) + ratio_rows(
        "minutes", f"PDF first render of a minutes, × 03 copies ({result.pages} pages; its page "
        "count found first)", "", samples["plain"], samples["first"], target=TARGET_RATIO)[1:] + [
        Result("minutes", f"PDF, 3-page minutes × 03 copies ({result.pages} pages), median",
               copies_ms, "ms", f"< {TARGET_MS:.0f} ms", copies_ms < TARGET_MS),
        Result("minutes", "PDF, 3-page minutes, one copy, median", one_ms, "ms",
               f"< {TARGET_MS:.0f} ms", one_ms < TARGET_MS),
        Result("minutes", "verify a confirmed minutes (2 signatures + kept PDF)",
               verify_t * 1000, "ms", note="best of runs"),
    ]


def _plain_story_maker(pdf: bytes):
    """A function that builds with plain reportlab the text of `pdf` (one copy of the minutes,
    read back) `n` times over, in the document's regular font, one paragraph per line."""
    from xml.sax.saxutils import escape

    from pypdf import PdfReader
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    from desktop.output.pdf import register_fonts

    style = ParagraphStyle("plain", fontName=register_fonts().regular, fontSize=13, leading=15.6)
    lines = [line.strip() for page in PdfReader(io.BytesIO(pdf)).pages
             for line in page.extract_text().splitlines() if line.strip()]

    def build(n: int) -> int:
        story = []
        for i in range(n):
            if i:
                story.append(PageBreak())
            story += [Paragraph(escape(line), style) for line in lines]
        doc = SimpleDocTemplate(io.BytesIO(), pagesize=A4)
        doc.build(story)
        return doc.page

    return build


if __name__ == "__main__":
    from benchmarks.harness import print_table

    print_table(run())
