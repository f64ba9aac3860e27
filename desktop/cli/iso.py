"""ISO records on the command line: team, documents, policy, plan, audit, nc, review, report.

Every command goes through the same models as the GUI, so the same rules hold (stage gates, dates
in order, all-or-nothing imports). Exit 0 done, 1 refused (the reason on stderr), 2 wrong usage.
"""
from __future__ import annotations

from pathlib import Path

from desktop.models.errors import IsoDeskError
from desktop.models.iso._common import vn_date
from desktop.models.iso.team import ROLE_ALIASES, ROLES, TeamRepository, role_label
from desktop.models.unit import get_profile
from desktop.models.vntext import fold

from . import iso_docs, iso_quality, iso_report
from .context import CliContext, CliError, add_json_flag, check_out_dir, emit, fail_on, notice


def register(sub) -> None:
    _register_team(sub)
    iso_docs.register(sub)
    iso_quality.register(sub)
    iso_report.register(sub)


def is_province(store) -> bool:
    profile = get_profile(store)
    return bool(profile and profile.is_province)


def role_arg(text: str) -> str:
    key = fold(text)
    if key in ROLES:
        return key
    if key in ROLE_ALIASES:
        return ROLE_ALIASES[key]
    raise CliError(f"Vai trò không hợp lệ: {text}. Dùng head, deputy, member hoặc secretary "
                   "(Tổ trưởng, Tổ phó, Thành viên, Thư ký).", 2)


def _register_team(sub) -> None:
    p = sub.add_parser("team", help="Tổ triển khai ISO (Ban Chỉ đạo ISO)")
    s = p.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    ls = s.add_parser("list", help="danh sách thành viên và quyết định thành lập")
    add_json_flag(ls)
    ls.set_defaults(handler=cmd_team_list)
    a = s.add_parser("add", help="thêm thành viên (từ danh sách cán bộ hoặc người ngoài)")
    a.add_argument("--staff-code", help="mã cán bộ trong danh sách cán bộ")
    outside = " (chỉ cho người ngoài danh sách cán bộ)"
    a.add_argument("--full-name",
                   help="họ và tên người ngoài danh sách cán bộ (cần khi không có --staff-code)")
    a.add_argument("--position", default="", help="chức vụ" + outside)
    a.add_argument("--work-unit", default="", help="đơn vị công tác" + outside)
    a.add_argument("--phone", default="", help="số điện thoại, 8–12 chữ số" + outside)
    a.add_argument("--email", default="", help="địa chỉ email" + outside)
    a.add_argument("--role", required=True,
                   help="vai trò trong Tổ: head (Tổ trưởng), deputy (Tổ phó), member (Thành viên), "
                        "secretary (Thư ký); ghi tên tiếng Việt cũng được")
    a.add_argument("--duties", default="", help="nhiệm vụ được phân công trong Tổ")
    add_json_flag(a)
    a.set_defaults(handler=cmd_team_add)
    r = s.add_parser("remove", help="bỏ một thành viên khỏi Tổ")
    r.add_argument("member_id",
                   help="mã định danh (id) của thành viên, xem bằng `isodesk team list --json`")
    add_json_flag(r)
    r.set_defaults(handler=cmd_team_remove)
    d = s.add_parser("decision", help="ghi quyết định thành lập/kiện toàn Tổ")
    d.add_argument("--number", required=True, help="số quyết định, ví dụ 125/QĐ-BHXH")
    d.add_argument("--date", required=True, help="ngày ký, dd/mm/yyyy")
    d.add_argument("--signer", default="", help="người ký quyết định")
    d.add_argument("--summary", default="", help="trích yếu nội dung quyết định")
    add_json_flag(d)
    d.set_defaults(handler=cmd_team_decision)
    e = s.add_parser("export", help="xuất danh sách gửi BHXH Việt Nam (.xlsx hoặc .pdf)")
    e.add_argument("file", type=Path,
                   help="tệp cần tạo: .xlsx hoặc .pdf (định dạng theo phần mở rộng)")
    e.add_argument("--date", help="ngày ghi trên danh sách (mặc định: hôm nay)")
    e.add_argument("--attachment", action="store_true",
                   help="in dạng phụ lục kèm theo quyết định thành lập Tổ (không có số, ngày, "
                        "chữ ký riêng); mặc định là văn bản riêng có số, chữ ký, nơi nhận")
    add_json_flag(e)
    e.set_defaults(handler=cmd_team_export)


def team_payload(store) -> dict:
    repo = TeamRepository(store)
    decision = repo.current_decision()
    return {"decision": decision.as_public() if decision else None,
            "decisions": [d.as_public() for d in repo.decisions()],
            "members": [m.as_public() for m in repo.members()]}


def cmd_team_list(args, ctx: CliContext) -> int:
    payload = team_payload(ctx.store())
    lines = []
    if payload["decision"]:
        d = payload["decision"]
        lines.append(f"Quyết định số {d['number']} ngày {vn_date(d['signed_on'])}")
    province = is_province(ctx.store())
    for m in payload["members"]:
        line = (f"{role_label(m['role'], province=province):14} {m['full_name']:28} "
                f"{m['position']:24} {m['phone']}")
        lines.append(line + ("  (đã nghỉ việc)" if m["staff_active"] is False else ""))
    emit(ctx, payload, "\n".join(lines) or "Tổ chưa có thành viên.")
    return 0


def cmd_team_add(args, ctx: CliContext) -> int:
    repo = TeamRepository(ctx.store())
    role = role_arg(args.role)
    try:
        if args.staff_code:
            member = repo.add_from_roster(args.staff_code, role, args.duties)
        else:
            if not args.full_name:
                raise CliError("Cần --staff-code (cán bộ trong danh sách) hoặc --full-name "
                               "(người ngoài đơn vị).", 2)
            member = repo.add({"full_name": args.full_name, "position": args.position,
                               "work_unit": args.work_unit, "phone": args.phone,
                               "email": args.email, "role": role, "duties": args.duties})
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    emit(ctx, member.as_public(), f"Đã thêm {member.full_name} vào Tổ.")
    return 0


def cmd_team_remove(args, ctx: CliContext) -> int:
    repo = TeamRepository(ctx.store())
    try:
        member = repo.get(args.member_id)
        repo.remove(member.id)
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    emit(ctx, {"removed": member.id}, f"Đã bỏ {member.full_name} khỏi Tổ.")
    return 0


def cmd_team_decision(args, ctx: CliContext) -> int:
    try:
        d = TeamRepository(ctx.store()).add_decision(
            {"number": args.number, "signed_on": args.date, "signer": args.signer,
             "summary": args.summary})
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    emit(ctx, d.as_public(), f"Đã ghi quyết định số {d.number} ngày {vn_date(d.signed_on)}.")
    return 0


def cmd_team_export(args, ctx: CliContext) -> int:
    from desktop.output.iso.team_list import export_team_pdf, export_team_xlsx, team_list_data
    from desktop.models.iso._common import to_date

    store = ctx.store()
    try:
        day = to_date(args.date) if args.date else None
    except ValueError:
        raise CliError(f"Ngày không hợp lệ: {args.date} (dạng dd/mm/yyyy).", 2) from None
    data = team_list_data(store, day, attachment=args.attachment)
    if args.attachment and data.decision is None:
        raise CliError("Chưa ghi quyết định thành lập Tổ nên không in được dạng kèm theo quyết "
                       "định: hãy ghi quyết định (`isodesk team decision …`) hoặc bỏ "
                       "--attachment.")
    suffix = args.file.suffix.lower()
    if suffix in (".xlsx", ".pdf"):
        check_out_dir(args.file)
    try:
        if suffix == ".xlsx":
            export_team_xlsx(args.file, data)
            pages = None
        elif suffix == ".pdf":
            pages = export_team_pdf(args.file, data)
        else:
            raise CliError("Tệp xuất phải có đuôi .xlsx hoặc .pdf.", 2)
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    if data.left_warning:
        notice(data.left_warning)
    emit(ctx, {"file": str(args.file), "members": len(data.members), "pages": pages,
               "members_who_left": [m.full_name for m in data.members_who_left]},
         f"Đã xuất danh sách {len(data.members)} thành viên ra {args.file}.")
    return 0
