"""The PDF of a minutes: official layout, copies, confirmations, QR, watermark, long and odd text.
Real PDFs read back with pypdf."""
from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from desktop.output import minutes_pdf as P
from desktop.models import minutes as M
from desktop.models.errors import IsoDeskError
from desktop.models.minutes.canonical import short_hash

from tests.conftest import PASSWORD

from .helpers import pdf_pages, sample, signed, tamper

LOREM = ("Đơn vị tư vấn hướng dẫn cán bộ, công chức, viên chức về chính sách chất lượng, mục tiêu "
         "chất lượng và trách nhiệm của từng người trong hệ thống quản lý chất lượng.")


def render(rev, **kw) -> tuple[bytes, P.RenderResult]:
    buf = io.BytesIO()
    result = P.render(rev, buf, **kw)
    return buf.getvalue(), result


def flat(text: str) -> str:
    return " ".join(text.split())


def test_draft_three_copies_in_the_official_order(store):
    rev = M.create(store, sample())
    data, result = render(rev)
    pages = pdf_pages(data)
    assert result.copies == 3 and len(pages) == result.pages == 3 * result.pages_per_copy
    per = result.pages_per_copy
    for i in range(3):
        first = pages[i * per]
        assert f"Bản số {i + 1}/3 — {rev.destinations[i]}" in flat(first)
        copy_text = flat(" ".join(pages[i * per:(i + 1) * per]))
        assert "BẢN NHÁP" in copy_text
        order = ["BẢO HIỂM XÃ HỘI TỈNH THỬ THÁCH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", "Số: 01/BB-BHXHTEST",
                 "Thử Nghiệm, ngày 05 tháng 01 năm 2026", "BIÊN BẢN", rev.subject,
                 "Thời gian bắt đầu: 08 giờ 00, ngày 05 tháng 01 năm 2026",
                 "Địa điểm: Phòng họp tầng 2", "Thành phần tham dự",
                 "Bà Lê Thị Thu Hà, Tổ trưởng", "Ông/Bà Đỗ Minh Khôi, Chuyên gia tư vấn",
                 "Chủ trì: Phạm Quốc Hùng", "Thư ký (người ghi biên bản): Đỗ Minh Khôi",
                 "Nội dung:", "- Quy trình thu", "Kết quả, kết luận:",
                 "Các bộ phận hoàn thiện tài liệu", "Công việc cần thực hiện", "Sửa quy trình thu",
                 "01/02/2026", "Biên bản kết thúc vào hồi 11 giờ 30, ngày 05 tháng 01 năm 2026",
                 f"Biên bản gồm {per:02d} trang, được lập thành 03 bản có giá trị như nhau",
                 "NGƯỜI LẬP BIÊN BẢN", "ĐẠI DIỆN TỔ TRIỂN KHAI ISO", "Nơi nhận:",
                 "- Bảo hiểm xã hội Việt Nam (kèm báo cáo tổng hợp);",
                 "- Lưu: Bảo hiểm xã hội tỉnh Thử Thách, đơn vị tư vấn (02)."]
        positions = [copy_text.find(flat(x)) for x in order]
        assert all(p >= 0 for p in positions), [x for x, p in zip(order, positions) if p < 0]
        assert positions == sorted(positions)
        assert "01 bản lưu tại Bảo hiểm xã hội tỉnh Thử Thách; 01 bản lưu tại đơn vị tư vấn; " \
               "01 bản gửi Bảo hiểm xã hội Việt Nam kèm báo cáo tổng hợp" in copy_text
        # "Nơi nhận" counts the same three copies: no fourth "Lưu: VT" copy, no verbs
        assert "Lưu: VT" not in copy_text and "- Gửi" not in copy_text
        assert "(Chưa ký điện tử)" in copy_text


def test_confirmed_copy_carries_the_electronic_confirmations_and_qr(store):
    rev = signed(store, confirm=True)
    data, result = render(rev, check=M.verify_revision(store, rev))
    text = flat(" ".join(pdf_pages(data)))
    assert "BẢN NHÁP" not in text
    for sig in rev.signatures:
        assert f"Đã ký điện tử: {sig['full_name']}" in text
        assert sig["meaning_text"] in text
        assert f"Khóa: {sig['key_fingerprint']}" in text
        assert re.search(r"Lúc \d\d:\d\d ngày \d\d/\d\d/\d{4}", text)
    digest = M.revision_hash(rev)
    assert f"Mã nội dung: {short_hash(digest)}" in text
    assert rev.minutes_id in text
    reader = PdfReader(io.BytesIO(data))
    assert digest in reader.metadata.subject and rev.minutes_id in reader.metadata.subject
    assert digest.encode() in data  # what the check of a kept PDF looks for
    modules = P.qr_modules(f"ISODESK-BB|{rev.minutes_id}|r1|{digest}")
    assert len(modules) >= 25 and any(any(row) for row in modules)


def test_an_altered_copy_prints_as_altered(store):
    rev = signed(store, confirm=True)
    tamper(store, "UPDATE minutes_revisions SET place = 'Nơi khác' WHERE id = ?", (rev.id,))
    rev = M.load_revision(store, rev.id)
    data, _ = render(rev, check=M.verify_revision(store, rev))
    text = flat(" ".join(pdf_pages(data)))
    assert "ĐÃ BỊ SỬA SAU KHI KÝ" in text and "KHÔNG CÒN HỢP LỆ" in text
    assert "Đã ký điện tử" not in text


def test_fonts_are_embedded_and_every_vietnamese_letter_comes_back(store):
    from desktop.output.pdf import vietnamese_letters

    lower, upper = vietnamese_letters()
    rev = M.create(store, sample(content=f"{lower}\n{upper}"))
    data, _ = render(rev, copies=False)
    assert b"/FontFile2" in data
    text = "".join(pdf_pages(data)).replace(" ", "").replace("\n", "")
    assert lower in text and upper in text


def test_a_very_long_minutes_keeps_all_its_text(store):
    paragraphs = [f"Đoạn {i:03d}. {LOREM}" for i in range(1, 161)]
    body = "\n".join(("- " if i % 5 == 0 else "") + p for i, p in enumerate(paragraphs))
    items = [{"description": f"Việc {i}: {LOREM}", "owner": "Tổ triển khai ISO",
              "due": "2026-03-01"} for i in range(1, 31)]
    rev = M.create(store, sample(content=body, action_items=items))
    data, result = render(rev, copies=False)
    assert result.pages_per_copy >= 10 and result.pages == result.pages_per_copy
    pages = pdf_pages(data)
    words = " ".join(pages).split()
    expected = (body + " " + " ".join(i["description"] for i in items)).split()
    it = iter(words)
    missing = [w for w in expected if not any(w == x for x in it)]
    assert missing == []  # every word, in order
    assert f"Biên bản gồm {result.pages_per_copy:02d} trang" in flat(" ".join(pages))
    last = flat(pages[-1])
    assert "NGƯỜI LẬP BIÊN BẢN" in last and "Nơi nhận:" in last


def test_empty_sections_and_a_very_long_word_render(store):
    rev = M.create(store, {"subject": "", "content": "", "conclusions": ""})
    data, _ = render(rev, copies=False)
    text = flat(" ".join(pdf_pages(data)))
    assert "Nội dung: Không có." in text and "Kết quả, kết luận: Không có." in text
    assert "(Chưa có trích yếu)" in text
    assert "Thời gian bắt đầu:" in text
    long_word = "Khong" + "x" * 3000
    rev = M.create(store, sample(content=long_word, place="P" * 300))
    data, result = render(rev, copies=False)
    assert result.pages >= 1
    assert "".join(pdf_pages(data)).replace("\n", "").count("x") >= 3000


def test_characters_outside_vietnamese(store):
    rev = M.create(store, sample(content="Müller Ørsted Ελληνικά Русский € ± ° №"))
    data, _ = render(rev, copies=False)
    assert "Ελληνικά Русский" in flat(" ".join(pdf_pages(data)))
    assert P.unprintable("Việt Nam Ελληνικά") == []
    assert P.unprintable("họp 😀 中文") == ["中", "文", "😀"]
    bad = M.create(store, sample(conclusions="Đồng ý 👍"))
    with pytest.raises(IsoDeskError) as err:
        render(bad)
    assert "Kết luận" in err.value.message and "U+1F44D" in err.value.message


def test_copies_and_where_they_go_follow_the_minutes(store):
    rev = M.create(store, sample(copies=2, copy_destinations=["Lưu tại Văn thư", "Giao Tổ Thu"]))
    data, result = render(rev)
    pages = pdf_pages(data)
    assert result.copies == 2
    assert "Bản số 2/2 — Giao Tổ Thu" in flat(pages[result.pages_per_copy])
    text = flat(pages[0] + pages[result.pages_per_copy - 1])
    assert "được lập thành 02 bản" in text
    assert "01 bản lưu tại Văn thư; 01 bản giao Tổ Thu" in text


def test_single_copy_has_no_copy_mark(store):
    rev = M.create(store, sample())
    data, result = render(rev, copies=False)
    assert result.copies == 1
    assert "Bản số" not in " ".join(pdf_pages(data))


def _font_names(data: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        fonts = page["/Resources"].get_object().get("/Font") or {}
        for ref in fonts.get_object().values():
            font = ref.get_object()
            names.add(str(font["/BaseFont"]))
    return names


def test_no_font_is_left_out_of_the_file(store):
    rev = signed(store, sample(action_items=[
        {"description": "Sửa quy trình thu", "owner": "Tổ Thu", "due": "2026-02-01"}]),
        confirm=True)
    data, _ = render(rev, check=M.verify_revision(store, rev))
    names = _font_names(data)
    assert names and not any("Helvetica" in n or "Times-Roman" in n for n in names), names
    assert b"/BaseFont /Helvetica" not in data


def test_a_long_action_table_splits_between_whole_rows(store):
    items = [{"description": " ".join([f"Việc{i:02d}"] * (25 + 90 * (i % 3 == 0))),
              "owner": f"Tổ {i:02d}", "due": f"2026-03-{i:02d}"} for i in range(1, 28)]
    items.append({"description": " ".join(["Việc28"] * 700), "owner": "Tổ 28",
                  "due": "2026-03-28"})
    rev = M.create(store, sample(action_items=items, content=LOREM))
    data, result = render(rev, copies=False)
    pages = pdf_pages(data)
    seen = set()
    for text in pages:
        assert text.count("Nội dung công việc") <= 1
        for i in range(1, 29):
            if f"Việc{i:02d}" in text:
                seen.add(i)
                # every part of a row carries its number and its due date
                assert f"{i:02d}/03/2026" in text, (i, text[:200])
        if "Nội dung công việc" in text:
            head = text.index("Nội dung công việc")
            first = min((text.index(f"Việc{i:02d}") for i in range(1, 29)
                         if f"Việc{i:02d}" in text), default=len(text))
            assert head < first  # the header is above the rows of its page, never between them
    assert seen == set(range(1, 29))


def test_every_page_of_a_copy_says_which_copy_it_is(store):
    paragraphs = "\n".join(f"Đoạn {i:03d}. {LOREM}" for i in range(1, 60))
    rev = M.create(store, sample(content=paragraphs))
    data, result = render(rev)
    assert result.pages_per_copy >= 3 and result.copies == 3
    pages = pdf_pages(data)
    for copy in range(3):
        for k in range(result.pages_per_copy):
            text = flat(pages[copy * result.pages_per_copy + k])
            assert f"Bản số {copy + 1}/3" in text, (copy, k)


def test_the_altered_watermark_stays_inside_the_page(store):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from desktop.output.pdf import register_fonts

    rev = signed(store, confirm=True)
    tamper(store, "UPDATE minutes_revisions SET content = 'khác' WHERE id = ?", (rev.id,))
    rev = M.load_revision(store, rev.id)
    data, _ = render(rev, copies=False, check=M.verify_revision(store, rev))
    page = PdfReader(io.BytesIO(data)).pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    found = []

    def visit(text, cm, tm, font, size):
        if P.ALTERED_WATERMARK[:6] in text:
            found.append((text, cm, tm, size))

    page.extract_text(visitor_text=visit)
    assert found
    text, cm, tm, size = found[0]
    a, b = tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3]
    c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
    e, f = tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
    length = stringWidth(P.ALTERED_WATERMARK, register_fonts().bold, size)
    for x, y in ((0, 0), (length, 0), (0, size), (length, size)):
        px, py = a * x + c * y + e, b * x + d * y + f
        assert 0 <= px <= width and 0 <= py <= height, (px, py, size)


def test_recipients_name_only_the_recipient_and_count_the_copies():
    lines = P.recipient_lines(["Lưu tại Bảo hiểm xã hội tỉnh Lam Giang", "Lưu tại đơn vị tư vấn",
                               "Gửi Bảo hiểm xã hội Việt Nam kèm báo cáo tổng hợp"],
                              ("Bảo hiểm xã hội huyện Sông Trà",))
    assert lines == ["Bảo hiểm xã hội Việt Nam (kèm báo cáo tổng hợp)",
                     "Lưu: Bảo hiểm xã hội tỉnh Lam Giang, đơn vị tư vấn (02)"]
    # a copy the issuing unit keeps is its records office; a copy sent "to" someone
    lines = P.recipient_lines(["Lưu tại Bảo hiểm xã hội huyện Sông Trà",
                               "Gửi cho Công ty Trường An để theo dõi", "Nộp về Sở Nội vụ"],
                              ("Bảo hiểm xã hội huyện Sông Trà",))
    assert lines == ["Công ty Trường An (để theo dõi)", "Sở Nội vụ", "Lưu: VT"]
    assert P.copy_holder("gửi Bảo hiểm xã hội Việt Nam").recipient_line == \
        "Bảo hiểm xã hội Việt Nam"


def test_participants_are_listed_with_their_honorific():
    assert P.with_honorific("Lê Thị Thu Hà") == "Bà Lê Thị Thu Hà"
    assert P.with_honorific("Trần Văn Bình") == "Ông Trần Văn Bình"
    assert P.with_honorific("Phạm Quốc Hùng") == "Ông/Bà Phạm Quốc Hùng"
    assert P.with_honorific("Ông Phạm Quốc Hùng") == "Ông Phạm Quốc Hùng"
    assert P.with_honorific("bà  Nguyễn Ngọc Anh") == "bà Nguyễn Ngọc Anh"
    assert P.confirm_title("Tổ triển khai ISO") == "ĐẠI DIỆN Tổ triển khai ISO"
    assert P.confirm_title("Ban Chỉ đạo ISO Bảo hiểm xã hội tỉnh Lam Giang") == \
        "ĐẠI DIỆN Ban Chỉ đạo ISO\nBảo hiểm xã hội tỉnh Lam Giang"


def test_a_province_committee_member_confirms_in_their_own_capacity(store):
    """The confirmer's title is the body they represent, bound into their signature."""
    from desktop.models import users
    from desktop.models.minutes.signing import confirm_capacities, default_capacity

    bodies = confirm_capacities(store)
    assert bodies == ["Tổ triển khai ISO", "Ban Chỉ đạo ISO Bảo hiểm xã hội tỉnh Thử Thách"]
    users.create_user(store, "bcd", "Vũ Thị Lan", "iso_team", PASSWORD,
                      position="Thành viên Ban Chỉ đạo ISO BHXH tỉnh")
    assert default_capacity(store, "bcd") == bodies[1]
    assert default_capacity(store, "iso") == bodies[0]
    rev = signed(store, confirm=False)
    rev = M.sign(store, rev.minutes_id, "bcd", PASSWORD, "confirm", team_name=bodies[1])
    assert rev.signature("confirm")["meaning_text"] == \
        "Xác nhận của đại diện Ban Chỉ đạo ISO Bảo hiểm xã hội tỉnh Thử Thách"
    data, _result = render(rev, check=M.verify_revision(store, rev), copies=False)
    text = flat(" ".join(pdf_pages(data)))
    assert "ĐẠI DIỆN BAN CHỈ ĐẠO ISO BẢO HIỂM XÃ HỘI TỈNH THỬ THÁCH" in text
    assert "ĐẠI DIỆN TỔ TRIỂN KHAI ISO" not in text


def _builds(monkeypatch) -> list[int]:
    """Counts the documents reportlab builds (one per layout of a copy or of the copies)."""
    from desktop.output.pdf import template

    made = []
    real = template.OfficialDocTemplate.build

    def build(doc, flowables, *args, **kw):
        made.append(1)
        return real(doc, flowables, *args, **kw)
    monkeypatch.setattr(template.OfficialDocTemplate, "build", build)
    return made


def test_a_minutes_rendered_again_is_laid_out_once_with_the_same_pages(store, monkeypatch):
    body = "\n".join(f"Đoạn {i:02d}. {LOREM}" for i in range(1, 40))
    rev = M.create(store, sample(content=body))
    P.forget_page_counts()
    made = _builds(monkeypatch)
    first, result = render(rev)
    assert result.pages_per_copy >= 2 and len(made) == 2   # one copy to find the count, all
    made.clear()
    again, result_again = render(rev)
    assert len(made) == 1 and result_again == result
    assert pdf_pages(again) == pdf_pages(first)
    made.clear()
    preview, one = render(rev, copies=False)   # the preview: one copy, the same count
    assert len(made) == 1 and one.pages == result.pages_per_copy


def test_a_wrong_remembered_count_is_found_and_the_stated_count_is_right(store, monkeypatch):
    body = "\n".join(f"Đoạn {i:02d}. {LOREM}" for i in range(1, 40))
    rev = M.create(store, sample(content=body))
    P.forget_page_counts()
    _data, result = render(rev)
    per = result.pages_per_copy
    for key in list(P._pages_seen):
        P._pages_seen[key] = per + 5   # as if the layout had changed since
    made = _builds(monkeypatch)
    data, again = render(rev)
    assert again == result and len(made) == 2
    pages = pdf_pages(data)
    assert f"Biên bản gồm {per:02d} trang" in flat(" ".join(pages[:per]))
