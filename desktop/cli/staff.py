"""staff import / list / export / template."""
from __future__ import annotations

from pathlib import Path

from desktop.output.roster_xlsx import export_roster, read_roster, write_template
from desktop.models.errors import IsoDeskError
from desktop.models.staff import StaffRepository
from desktop.models.unit import get_profile

from .context import CliContext, CliError, add_json_flag, emit, fail_on
from .imports import add_import_flags, finish


def register(sub) -> None:
    p = sub.add_parser("staff", help="danh sách cán bộ")
    s = p.add_subparsers(dest="staff_command", metavar="ACTION", required=True)
    i = s.add_parser("import", help="nhập danh sách từ Excel (.xlsx)")
    i.add_argument("file", type=Path,
                   help="tệp Excel (.xlsx) danh sách cán bộ, theo tệp mẫu "
                        "(`isodesk staff template`)")
    i.add_argument("--sheet", metavar="NAME",
                   help="tên trang tính cần đọc (mặc định: trang đang hiện đầu tiên có tiêu đề "
                        "danh sách; trang ẩn chỉ đọc khi ghi tên)")
    add_import_flags(i, unit="dòng")
    add_json_flag(i)
    i.set_defaults(handler=cmd_import)
    ls = s.add_parser("list", help="liệt kê cán bộ theo thứ tự tên tiếng Việt")
    ls.add_argument("--active-only", action="store_true",
                    help="chỉ những cán bộ đang làm việc")
    ls.add_argument("--search", default="",
                    help="tìm theo họ tên, mã cán bộ, bộ phận, chức vụ (không cần dấu)")
    add_json_flag(ls)
    ls.set_defaults(handler=cmd_list)
    e = s.add_parser("export", help="xuất danh sách ra Excel")
    e.add_argument("file", type=Path, help="tệp Excel (.xlsx) cần tạo")
    add_json_flag(e)
    e.set_defaults(handler=cmd_export)
    x = s.add_parser("exempt", help="đánh dấu cán bộ không thuộc diện kiểm tra (không tính vào "
                                    "tỷ lệ bao phủ), hoặc bỏ đánh dấu")
    x.add_argument("staff_code", help="mã cán bộ")
    how = x.add_mutually_exclusive_group(required=True)
    how.add_argument("--reason", help="lý do, ví dụ: bảo vệ hợp đồng")
    how.add_argument("--clear", action="store_true",
                     help="bỏ đánh dấu: người này lại thuộc diện kiểm tra")
    add_json_flag(x)
    x.set_defaults(handler=cmd_exempt)
    t = s.add_parser("template", help="lưu tệp Excel mẫu để điền danh sách")
    t.add_argument("file", type=Path, help="tệp Excel (.xlsx) mẫu cần tạo")
    add_json_flag(t)
    t.set_defaults(handler=cmd_template)


def cmd_import(args, ctx: CliContext) -> int:
    store = ctx.store()
    repo = StaffRepository(store)
    try:
        roster = read_roster(args.file, sheet=args.sheet)
        plan = repo.plan_import(roster.rows)
        plan.converted_cells = roster.converted
        plan.file_notes = roster.notes()
        result = plan.summary() if args.dry_run else \
            repo.apply_import(plan, accept_good=args.accept_good)
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    good = plan.count("add") + plan.count("update") + plan.count("unchanged")
    payload = {**{k: v for k, v in result.items() if k != "refused"},
               "dry_run": bool(args.dry_run),
               "converted_cells": [{k: c[k] for k in ("sheet", "cell", "encoding", "text")}
                                   for c in result["converted_cells"]]}
    if args.dry_run:
        payload["would_add"], payload["would_update"] = payload.pop("added"), \
            payload.pop("updated")
    lines = [f"Tệp {args.file.name}, trang \"{roster.sheet}\" (tiêu đề ở dòng "
             f"{', '.join(map(str, roster.header_rows))})."]
    if roster.other_sheets:
        lines.append("  Các trang khác cũng có danh sách: " + ", ".join(roster.other_sheets)
                     + " (chọn bằng --sheet TÊN).")
    if roster.hidden_sheets:
        lines.append("  Trang ẩn không đọc: " + ", ".join(roster.hidden_sheets) + ".")
    if roster.unused_columns:
        lines.append("  Các cột không dùng: " + "; ".join(roster.unused_columns) + ".")
    if roster.set_aside:
        lines.append(f"  Không phải dòng cán bộ (dòng): {roster.set_aside_text()}.")
    counts = (f"thêm {result.get('added', 0)}, cập nhật {result.get('updated', 0)}, bỏ qua "
              f"{result['skipped']}, lỗi {len(result['errors'])}.")
    lines.append(("Xem trước: " if args.dry_run else "") + counts)
    if roster.converted:
        cells = ", ".join(c["cell"] for c in roster.converted[:20])
        lines.append(f"  Đã chuyển {len(roster.converted)} ô từ mã TCVN3/VNI sang Unicode: " + cells
                     + ("…" if len(roster.converted) > 20 else ""))
    problems = [f"  Dòng {e['row']}: {e['message']}" for e in result["errors"]]
    return finish(ctx, good=good, bad=len(result["errors"]), unit="dòng", dry_run=args.dry_run,
                  accept_good=args.accept_good, payload=payload, lines=lines, problems=problems)


def cmd_list(args, ctx: CliContext) -> int:
    store = ctx.store()
    people = StaffRepository(store).list(include_inactive=not args.active_only, query=args.search)
    items = [p.as_public() for p in people]
    emit(ctx, {"staff": items},
         "\n".join(f"{p['staff_code']:10} {p['full_name']:30} {p['department']}"
                   + (f"  (không thuộc diện kiểm tra: {p['exempt_reason']})" if p["exempt"] else "")
                   for p in items))
    return 0


def cmd_exempt(args, ctx: CliContext) -> int:
    store = ctx.store()
    repo = StaffRepository(store)
    person = repo.by_code(args.staff_code)
    if person is None:
        raise CliError(f"Không có cán bộ mã {args.staff_code}. Xem danh sách bằng "
                       "`isodesk staff list`.")
    try:
        person = repo.set_exempt(person.id, not args.clear, args.reason or "")
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    text = (f"{person.full_name} ({person.staff_code}): không thuộc diện kiểm tra — "
            f"{person.exempt_reason}." if person.exempt else
            f"{person.full_name} ({person.staff_code}) thuộc diện kiểm tra.")
    emit(ctx, person.as_public(), text)
    return 0


def cmd_export(args, ctx: CliContext) -> int:
    store = ctx.store()
    people = StaffRepository(store).list()
    profile = get_profile(store)
    try:
        path = export_roster(args.file, people, profile.name if profile else "")
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    emit(ctx, {"file": str(path), "count": len(people)}, f"Đã xuất {len(people)} cán bộ ra {path}.")
    return 0


def cmd_template(args, ctx: CliContext) -> int:
    try:
        path = write_template(args.file)
    except IsoDeskError as exc:
        raise CliError(exc.message) from exc
    emit(ctx, {"file": str(path)}, f"Đã lưu tệp mẫu: {path}")
    return 0
