"""report annual (the yearly report as .xlsx or .pdf, figures as JSON) and report figures."""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

from desktop.models.errors import IsoDeskError
from desktop.models.iso._common import vn_date

from .context import CliContext, CliError, add_json_flag, check_out_dir, emit, fail_on


def register(sub) -> None:
    p = sub.add_parser("report", help="báo cáo định kỳ")
    s = p.add_subparsers(dest="report_command", metavar="ACTION", required=True)
    a = s.add_parser("annual", help="báo cáo năm về HTQLCL (.xlsx hoặc .pdf)")
    a.add_argument("--year", type=int, required=True, metavar="YYYY",
                   help="năm báo cáo, 2000–2100")
    a.add_argument("--out", type=Path, required=True, help="tệp .xlsx hoặc .pdf")
    add_json_flag(a)
    a.set_defaults(handler=cmd_annual)
    d = s.add_parser("deadline", help="xem hoặc đổi hạn nộp báo cáo năm (mặc định 15/11)")
    d.add_argument("--set", metavar="DD/MM", help="hạn mới, ví dụ 15/11")
    add_json_flag(d)
    d.set_defaults(handler=cmd_deadline)
    f = s.add_parser("figures", help="số liệu của mọi phần chương trình")
    f.add_argument("--year", type=int, metavar="YYYY",
                   help="năm cần lấy số liệu (mặc định: không lọc theo năm)")
    add_json_flag(f)
    f.set_defaults(handler=cmd_figures)


def cmd_annual(args, ctx: CliContext) -> int:
    from desktop.output.iso.annual_report import write_pdf_report, write_xlsx
    from desktop.models.iso.report_data import build_report

    if not 2000 <= args.year <= 2100:
        raise CliError(f"Năm không hợp lệ: {args.year}.", 2)
    suffix = args.out.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise CliError("Tệp báo cáo phải có đuôi .xlsx hoặc .pdf.", 2)
    check_out_dir(args.out)
    store = ctx.store()
    try:
        data = build_report(store, args.year)
        pages = write_pdf_report(args.out, data) if suffix == ".pdf" else None
        if suffix == ".xlsx":
            write_xlsx(args.out, data)
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    payload = {**data.as_json(), "file": str(args.out), "format": suffix[1:], "pages": pages}
    rec = data.figures.get("records", {})
    status = {"none": "chưa lưu, dùng các mục mặc định", "draft": "bản nháp",
              "final": "đã hoàn thành"}[data.report.status if data.report.id else "none"]
    emit(ctx, payload, f"Đã xuất báo cáo năm {args.year} ({status}) ra {args.out}. "
                       f"Hạn nộp: {vn_date(rec.get('report_deadline'))}.")
    return 0


def cmd_figures(args, ctx: CliContext) -> int:
    # (the figures of every part: their models are loaded for this command only)
    from desktop.models import figures as figure_registry

    figs = figure_registry.collect(ctx.store(), year=args.year, today=_dt.date.today())
    emit(ctx, {"year": args.year, "figures": figs})
    return 0


def cmd_deadline(args, ctx: CliContext) -> int:
    from desktop.models.iso.figures import (
        deadline_month_day, next_deadline, set_deadline, upcoming_deadline,
    )

    store = ctx.store()
    if args.set:
        parts = args.set.replace("-", "/").split("/")
        if len(parts) != 2 or not all(p.strip().isdigit() for p in parts):
            raise CliError(f"Hạn không hợp lệ: {args.set} (dạng ngày/tháng, ví dụ 15/11).", 2)
        try:
            set_deadline(store, int(parts[1]), int(parts[0]))
        except IsoDeskError as exc:
            raise fail_on(exc) from exc
    month, day = deadline_month_day(store)
    today = _dt.date.today()
    owed = next_deadline(store, today)
    upcoming = upcoming_deadline(store, today)
    text = (f"Hạn nộp báo cáo năm: trước ngày {day:02d}/{month:02d} hằng năm "
            f"(lần tới: {vn_date(upcoming)}).")
    if owed < today:
        text += (f" Báo cáo năm {owed.year} (hạn {vn_date(owed)}) chưa hoàn thành: đã trễ "
                 f"{(today - owed).days} ngày.")
    emit(ctx, {"month": month, "day": day, "next": upcoming.isoformat(),
               "late_since": owed.isoformat() if owed < today else None}, text)
    return 0
