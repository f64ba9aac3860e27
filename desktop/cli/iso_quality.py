"""plan (conversion milestones), audit (internal audits), nc (nonconformities with their stage
gates) and review (management reviews)."""
from __future__ import annotations

import datetime as _dt

from desktop.models.errors import IsoDeskError
from desktop.models.iso._common import vn_date
from desktop.models.iso.audits import CONDUCTED_BY, FINDING_KINDS, AuditRepository
from desktop.models.iso.nonconformities import (
    SOURCE_LABELS_VI, SOURCES, STAGE_LABELS_VI, STAGES, NonconformityRepository, nc_figures,
)
from desktop.models.iso.plan import (
    DEFAULT_SET_CODE, EVIDENCE_KINDS, STATUS_LABELS_VI, STATUSES, PlanRepository, plan_figures,
)
from desktop.models.iso.reviews import INPUT_KEYS, ReviewRepository

from .context import CliContext, CliError, add_json_flag, emit, fail_on

ITEM_HELP = "mã định danh (id) của mốc, xem bằng `isodesk plan list --json`"
NC_HELP = "số phiếu (ví dụ KPH-2026-01) hoặc mã định danh (id) của điểm không phù hợp"


def register(sub) -> None:
    _register_plan(sub)
    _register_audit(sub)
    _register_nc(sub)
    _register_review(sub)


def _run(fn):
    try:
        return fn()
    except IsoDeskError as exc:
        raise fail_on(exc) from exc


# --- plan ---------------------------------------------------------------------------------------

def _register_plan(sub) -> None:
    p = sub.add_parser("plan", help="kế hoạch chuyển đổi 2008 → 2015")
    s = p.add_subparsers(dest="plan_command", metavar="ACTION", required=True)
    ls = s.add_parser("list", help="các mốc kế hoạch")
    add_json_flag(ls)
    ls.set_defaults(handler=cmd_plan_list)
    ld = s.add_parser("load", help="nạp kế hoạch khởi đầu từ bộ mốc mẫu")
    ld.add_argument("--set", default=DEFAULT_SET_CODE, help="mã bộ mốc")
    ld.add_argument("--from-unit", help="đơn vị đã gửi bộ mốc (mặc định: bất kỳ)")
    ld.add_argument("--start", metavar="DD/MM/YYYY",
                    help="thời hạn của mốc đầu tiên; các mốc sau dời theo, giữ nguyên khoảng "
                         "cách giữa các mốc (mặc định: giữ ngày của bộ mốc)")
    add_json_flag(ld)
    ld.set_defaults(handler=cmd_plan_load)
    pb = s.add_parser("publish", help="gửi kế hoạch của đơn vị làm bộ mốc cho các đơn vị cấp "
                                      "dưới (qua đồng bộ)")
    pb.add_argument("--set", required=True, help="mã bộ mốc, ví dụ KH-2026")
    pb.add_argument("--title", required=True, help="tên bộ mốc")
    add_json_flag(pb)
    pb.set_defaults(handler=cmd_plan_publish)
    a = s.add_parser("add", help="thêm một mốc")
    a.add_argument("--title", required=True, help="nội dung công việc của mốc")
    a.add_argument("--due", required=True, help="thời hạn, dd/mm/yyyy")
    a.add_argument("--responsible", default="", help="người hoặc bộ phận chịu trách nhiệm")
    a.add_argument("--description", default="", help="mô tả chi tiết công việc")
    add_json_flag(a)
    a.set_defaults(handler=cmd_plan_add)
    u = s.add_parser("update", help="cập nhật tình trạng, thời hạn, người chịu trách nhiệm")
    u.add_argument("item_id", help=ITEM_HELP)
    u.add_argument("--status", choices=STATUSES,
                   help="tình trạng: pending (chưa thực hiện), in_progress (đang thực hiện), "
                        "done (hoàn thành, cần --completed)")
    u.add_argument("--completed", help="ngày hoàn thành (khi --status done)")
    u.add_argument("--due", help="thời hạn mới, dd/mm/yyyy")
    u.add_argument("--responsible", help="người hoặc bộ phận chịu trách nhiệm")
    u.add_argument("--note", help="ghi chú")
    add_json_flag(u)
    u.set_defaults(handler=cmd_plan_update)
    k = s.add_parser("link", help="gắn minh chứng (biên bản, tài liệu, đánh giá, xem xét)")
    k.add_argument("item_id", help=ITEM_HELP)
    k.add_argument("--kind", required=True, choices=EVIDENCE_KINDS,
                   help="loại minh chứng: minutes (biên bản), document (tài liệu), audit (đánh "
                        "giá nội bộ), review (xem xét của lãnh đạo)")
    k.add_argument("--target", required=True, help="mã định danh của minh chứng")
    k.add_argument("--label", default="", help="tên hiển thị (cho biên bản chưa có ở đây)")
    add_json_flag(k)
    k.set_defaults(handler=cmd_plan_link)


def cmd_plan_list(args, ctx: CliContext) -> int:
    today = _dt.date.today()
    items = PlanRepository(ctx.store()).items()
    lines = [f"{i.seq:2} {'QUÁ HẠN ' if i.overdue(today) else ''}{vn_date(i.due_on)} "
             f"{i.status_label:15} {i.title}" for i in items]
    emit(ctx, {"items": [i.as_public(today) for i in items], **plan_figures(items, today)},
         "\n".join(lines) or "Chưa có kế hoạch. Dùng `isodesk plan load` để nạp kế hoạch khởi đầu.")
    return 0


def cmd_plan_load(args, ctx: CliContext) -> int:
    items = _run(lambda: PlanRepository(ctx.store()).load_template_set(
        args.set, args.from_unit, start=args.start))
    emit(ctx, {"items": [i.as_public() for i in items]}, f"Kế hoạch có {len(items)} mốc.")
    return 0


def cmd_plan_publish(args, ctx: CliContext) -> int:
    published = _run(lambda: PlanRepository(ctx.store()).publish_template_set(args.set,
                                                                              args.title))
    emit(ctx, {"set_code": published["set_code"], "set_title": published["set_title"],
               "milestones": len(published["milestones"])},
         f"Đã lưu bộ mốc {published['set_code']} ({len(published['milestones'])} mốc); bộ mốc "
         "được gửi xuống các đơn vị cấp dưới ở lần đồng bộ tới.")
    return 0


def cmd_plan_add(args, ctx: CliContext) -> int:
    item = _run(lambda: PlanRepository(ctx.store()).add({
        "title": args.title, "due_on": args.due, "responsible": args.responsible,
        "description": args.description}))
    emit(ctx, item.as_public(), f"Đã thêm mốc {item.seq}: {item.title}.")
    return 0


def cmd_plan_update(args, ctx: CliContext) -> int:
    changes = {k: v for k, v in {"status": args.status, "completed_on": args.completed,
                                 "due_on": args.due, "responsible": args.responsible,
                                 "note": args.note}.items() if v is not None}
    repo = PlanRepository(ctx.store())
    if args.completed is not None:
        status = args.status or _run(lambda: repo.get(args.item_id)).status
        if status != "done":
            raise CliError(f"Ngày hoàn thành chỉ ghi cho mốc đã hoàn thành, mà mốc này sẽ ở tình "
                           f"trạng \"{STATUS_LABELS_VI[status]}\". Hãy thêm --status done hoặc bỏ "
                           "--completed.")
    item = _run(lambda: repo.update(args.item_id, changes))
    emit(ctx, item.as_public(), f"Mốc {item.seq}: {item.status_label}.")
    return 0


def cmd_plan_link(args, ctx: CliContext) -> int:
    ev = _run(lambda: PlanRepository(ctx.store()).link(args.item_id, args.kind, args.target,
                                                       args.label))
    emit(ctx, ev.as_public(), f"Đã gắn minh chứng: {ev.label}.")
    return 0


# --- internal audits ----------------------------------------------------------------------------

def _register_audit(sub) -> None:
    p = sub.add_parser("audit", help="đánh giá nội bộ")
    s = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    ls = s.add_parser("list", help="chương trình và các đợt đánh giá")
    ls.add_argument("--year", type=int, metavar="YYYY", help="chỉ chương trình của năm này")
    add_json_flag(ls)
    ls.set_defaults(handler=cmd_audit_list)
    g = s.add_parser("programme", help="thêm chương trình đánh giá của một năm")
    g.add_argument("--year", type=int, required=True, metavar="YYYY",
                   help="năm của chương trình, 1990–2100")
    g.add_argument("--title", required=True, help="tên chương trình đánh giá")
    g.add_argument("--objective", default="", help="mục tiêu đánh giá")
    g.add_argument("--approved-by", default="", help="người phê duyệt chương trình")
    g.add_argument("--approved-on", help="ngày phê duyệt, dd/mm/yyyy")
    add_json_flag(g)
    g.set_defaults(handler=cmd_audit_programme)
    a = s.add_parser("add", help="thêm một đợt đánh giá")
    a.add_argument("--programme", required=True, help="mã định danh của chương trình")
    a.add_argument("--start", required=True, help="ngày bắt đầu, dd/mm/yyyy")
    a.add_argument("--end", help="ngày kết thúc, dd/mm/yyyy (mặc định: ngày bắt đầu)")
    a.add_argument("--by", required=True, choices=CONDUCTED_BY,
                   help="bên thực hiện: consultant (đơn vị tư vấn), internal (chuyên gia đánh giá "
                        "nội bộ), joint (cả hai)")
    a.add_argument("--lead", required=True, help="trưởng đoàn")
    a.add_argument("--auditors", default="", help="các thành viên đoàn đánh giá")
    a.add_argument("--scope", default="", help="phạm vi đánh giá")
    a.add_argument("--conclusion", default="",
                   help="kết luận của đợt (khi đó ngày kết thúc không được sau hôm nay)")
    add_json_flag(a)
    a.set_defaults(handler=cmd_audit_add)
    f = s.add_parser("finding", help="ghi một phát hiện của đợt đánh giá")
    f.add_argument("audit_id", help="mã định danh (id) của đợt đánh giá, xem bằng "
                                    "`isodesk audit list --json`")
    f.add_argument("--kind", required=True, choices=FINDING_KINDS,
                   help="loại phát hiện: major (không phù hợp nặng), minor (không phù hợp nhẹ), "
                        "observation (điểm lưu ý), improvement (cơ hội cải tiến)")
    f.add_argument("--description", required=True, help="mô tả điều phát hiện")
    f.add_argument("--clause", default="", help="điều khoản của tiêu chuẩn, ví dụ 7.5.3")
    f.add_argument("--department", default="", help="bộ phận liên quan")
    f.add_argument("--open-nc", action="store_true", help="mở phiếu theo dõi không phù hợp")
    add_json_flag(f)
    f.set_defaults(handler=cmd_audit_finding)


def cmd_audit_list(args, ctx: CliContext) -> int:
    progs = AuditRepository(ctx.store()).programmes(year=args.year)
    lines = []
    for p in progs:
        lines.append(f"{p.year} {p.title}")
        lines += [f"  lần {a.round_no}: {vn_date(a.start_on)}–{vn_date(a.end_on)} "
                  f"{a.conducted_by_label}, {len(a.findings)} phát hiện" for a in p.audits]
    emit(ctx, {"programmes": [p.as_public() for p in progs]},
         "\n".join(lines) or "Chưa có chương trình đánh giá nội bộ.")
    return 0


def cmd_audit_programme(args, ctx: CliContext) -> int:
    p = _run(lambda: AuditRepository(ctx.store()).add_programme({
        "year": args.year, "title": args.title, "objective": args.objective,
        "approved_by": args.approved_by, "approved_on": args.approved_on}))
    emit(ctx, p.as_public(), f"Đã thêm chương trình đánh giá {p.year}: {p.id}")
    return 0


def cmd_audit_add(args, ctx: CliContext) -> int:
    a = _run(lambda: AuditRepository(ctx.store()).add_audit({
        "programme_id": args.programme, "start_on": args.start, "end_on": args.end,
        "conducted_by": args.by, "lead_auditor": args.lead, "auditors": args.auditors,
        "scope": args.scope, "conclusion": args.conclusion}))
    emit(ctx, a.as_public(), f"Đã thêm đợt đánh giá lần {a.round_no}: {a.id}")
    return 0


def cmd_audit_finding(args, ctx: CliContext) -> int:
    store = ctx.store()
    f = _run(lambda: AuditRepository(store).add_finding(args.audit_id, {
        "kind": args.kind, "description": args.description, "clause": args.clause,
        "department": args.department}, open_nc=args.open_nc))
    nc = NonconformityRepository(store).get(f.nc_id) if f.nc_id else None
    emit(ctx, {**f.as_public(), "nc": nc.as_public() if nc else None},
         f"Đã ghi phát hiện {f.seq}" + (f"; mở phiếu {nc.code}." if nc else "."))
    return 0


# --- nonconformities ---------------------------------------------------------------------------

def _register_nc(sub) -> None:
    p = sub.add_parser("nc", help="điểm không phù hợp và hành động khắc phục")
    s = p.add_subparsers(dest="nc_command", metavar="ACTION", required=True)
    ls = s.add_parser("list", help="liệt kê (mới nhất trước)")
    ls.add_argument("--stage", choices=STAGES,
                    help="chỉ giai đoạn: open (mới phát hiện), planned (đã có kế hoạch khắc "
                         "phục), in_progress (đang khắc phục), verified (đã kiểm tra hiệu lực), "
                         "closed (đã đóng)")
    ls.add_argument("--open", action="store_true", help="chỉ những điểm chưa đóng")
    ls.add_argument("--overdue", action="store_true", help="chỉ những điểm quá hạn")
    ls.add_argument("--year", type=int, help="năm phát hiện")
    add_json_flag(ls)
    ls.set_defaults(handler=cmd_nc_list)
    sh = s.add_parser("show", help="chi tiết một điểm")
    sh.add_argument("nc", help=NC_HELP)
    add_json_flag(sh)
    sh.set_defaults(handler=cmd_nc_show)
    a = s.add_parser("add", help="ghi một điểm không phù hợp mới")
    a.add_argument("--description", required=True, help="mô tả điểm không phù hợp")
    a.add_argument("--detected", required=True, help="ngày phát hiện, dd/mm/yyyy")
    a.add_argument("--source", default="other", choices=SOURCES,
                   help="nguồn phát hiện: audit (đánh giá nội bộ), complaint (phản ánh, khiếu "
                        "nại), review (xem xét của lãnh đạo), process (theo dõi quá trình), "
                        "other (nguồn khác, mặc định)")
    a.add_argument("--department", default="", help="bộ phận liên quan")
    a.add_argument("--audit", help="mã định danh của đợt đánh giá")
    a.add_argument("--correction", default="", help="khắc phục tức thời đã làm (nếu có)")
    add_json_flag(a)
    a.set_defaults(handler=cmd_nc_add)
    pl = s.add_parser("plan", help="lập kế hoạch khắc phục (bắt buộc trước khi thực hiện), hoặc "
                                   "lập lại sau khi kiểm tra thấy chưa hiệu quả")
    pl.add_argument("nc", help=NC_HELP)
    pl.add_argument("--cause", required=True, help="nguyên nhân")
    pl.add_argument("--action", required=True, help="hành động khắc phục")
    pl.add_argument("--owner", required=True, help="người chịu trách nhiệm")
    pl.add_argument("--due", required=True, help="thời hạn khắc phục, dd/mm/yyyy")
    pl.add_argument("--correction", help="khắc phục tức thời (thay nội dung đã ghi)")
    pl.add_argument("--date", help="ngày lập kế hoạch (mặc định: hôm nay)")
    add_json_flag(pl)
    pl.set_defaults(handler=cmd_nc_plan)
    st = s.add_parser("start", help="bắt đầu thực hiện hành động khắc phục")
    st.add_argument("nc", help=NC_HELP)
    st.add_argument("--date", help="ngày bắt đầu khắc phục, dd/mm/yyyy (mặc định: hôm nay)")
    add_json_flag(st)
    st.set_defaults(handler=cmd_nc_start)
    v = s.add_parser("verify", help="kiểm tra hiệu lực (bắt buộc trước khi đóng)")
    v.add_argument("nc", help=NC_HELP)
    v.add_argument("--result", required=True, help="kết quả kiểm tra")
    v.add_argument("--by", required=True, help="người kiểm tra")
    v.add_argument("--date", help="ngày kiểm tra hiệu lực, dd/mm/yyyy (mặc định: hôm nay)")
    v.add_argument("--not-effective", action="store_true",
                   help="hành động chưa hiệu quả: quay lại lập kế hoạch")
    add_json_flag(v)
    v.set_defaults(handler=cmd_nc_verify)
    c = s.add_parser("close", help="đóng (sau khi đã kiểm tra hiệu lực)")
    c.add_argument("nc", help=NC_HELP)
    c.add_argument("--date", help="ngày đóng, dd/mm/yyyy (mặc định: hôm nay)")
    add_json_flag(c)
    c.set_defaults(handler=cmd_nc_close)
    g = s.add_parser("advance", help="chuyển sang giai đoạn chỉ định (kiểm tra điều kiện)")
    g.add_argument("nc", help=NC_HELP)
    g.add_argument("--to", required=True, choices=STAGES,
                   help="giai đoạn kế tiếp, mỗi lần một bước: open → planned → in_progress → "
                        "verified → closed")
    add_json_flag(g)
    g.set_defaults(handler=cmd_nc_advance)


def _find_nc(repo: NonconformityRepository, ref: str):
    nc = repo.by_code(ref)
    if nc is not None:
        return nc
    try:
        return repo.get(ref)
    except IsoDeskError:
        raise CliError(f"Không tìm thấy điểm không phù hợp {ref}.") from None


def cmd_nc_list(args, ctx: CliContext) -> int:
    today = _dt.date.today()
    repo = NonconformityRepository(ctx.store())
    ncs = repo.list(stage=args.stage, open_only=args.open,
                    overdue_on=today if args.overdue else None, year=args.year)
    figures = nc_figures(repo.list(year=args.year), today)
    emit(ctx, {"nonconformities": [n.as_public(today) for n in ncs], **figures},
         "\n".join(f"{n.code:12} {n.stage_label:24} {'QUÁ HẠN ' if n.overdue(today) else ''}"
                   f"{n.description[:60]}" for n in ncs) or "Không có điểm không phù hợp nào.")
    return 0


def cmd_nc_show(args, ctx: CliContext) -> int:
    repo = NonconformityRepository(ctx.store())
    nc = _find_nc(repo, args.nc)
    plans = repo.plans(nc.id)
    emit(ctx, {**nc.as_public(), "plans": [p.as_public() for p in plans]},
         nc_text(nc) + plans_text(plans))
    return 0


def plans_text(plans) -> str:
    """The plans a check found not effective, each with its dates (the plan in hand is above)."""
    lines = [f"Kế hoạch lần {p.round} (chưa hiệu quả): {p.corrective_action} — {p.owner}, "
             f"thời hạn {vn_date(p.due_on)}; lập {vn_date(p.planned_on)}, bắt đầu "
             f"{vn_date(p.started_on) or '—'}, kiểm tra {vn_date(p.checked_on)} "
             f"({p.checked_by}): {p.result}" for p in plans if not p.current]
    return ("\nCác kế hoạch trước:\n  " + "\n  ".join(lines)) if lines else ""


NC_SHOW_FIELDS = (  # field, label, how the value is shown
    ("code", "Mã", str), ("stage", "Giai đoạn", lambda v: STAGE_LABELS_VI.get(v, v)),
    ("source", "Nguồn phát hiện", lambda v: SOURCE_LABELS_VI.get(v, v)),
    ("detected_on", "Ngày phát hiện", vn_date), ("department", "Bộ phận", str),
    ("description", "Mô tả", str), ("correction", "Khắc phục tức thời", str),
    ("cause", "Nguyên nhân", str), ("corrective_action", "Hành động khắc phục", str),
    ("owner", "Người chịu trách nhiệm", str), ("due_on", "Thời hạn", vn_date),
    ("overdue", "Quá hạn", lambda v: "có" if v else "không"),
    ("planned_on", "Ngày lập kế hoạch", vn_date),
    ("started_on", "Ngày bắt đầu khắc phục", vn_date),
    ("effectiveness", "Kết quả kiểm tra hiệu lực", str),
    ("checked_by", "Người kiểm tra hiệu lực", str),
    ("checked_on", "Ngày kiểm tra hiệu lực", vn_date), ("closed_on", "Ngày đóng", vn_date),
    ("audit_id", "Đợt đánh giá (mã định danh)", str),
    ("finding_id", "Phát hiện (mã định danh)", str), ("id", "Mã định danh", str))


def nc_text(nc) -> str:
    """The nonconformity with Vietnamese field names and values; a text of several lines is
    indented under its field."""
    data = nc.as_public()
    lines = []
    for key, label, show in NC_SHOW_FIELDS:
        value = data.get(key)
        text = show(value) if value not in (None, "") or key == "overdue" else ""
        lines.append(f"{label}: " + str(text).replace("\n", "\n    "))
    return "\n".join(lines)


def cmd_nc_add(args, ctx: CliContext) -> int:
    nc = _run(lambda: NonconformityRepository(ctx.store()).add({
        "description": args.description, "detected_on": args.detected, "source": args.source,
        "department": args.department, "audit_id": args.audit, "correction": args.correction}))
    emit(ctx, nc.as_public(), f"Đã ghi {nc.code} ({nc.stage_label}).")
    return 0


def _advance(ctx: CliContext, ref: str, stage: str, values: dict) -> int:
    repo = NonconformityRepository(ctx.store())
    nc = _find_nc(repo, ref)
    nc = _run(lambda: repo.advance(nc.id, stage, values))
    text = f"{nc.code}: {nc.stage_label}."
    if nc.awaiting_revision:
        text = (f"{nc.code}: hành động khắc phục chưa hiệu quả; kế hoạch này và các ngày của nó "
                "được giữ trong lịch sử. Hãy lập lại kế hoạch: `isodesk nc plan " + nc.code
                + " …`.")
    emit(ctx, nc.as_public(), text)
    return 0


def cmd_nc_plan(args, ctx: CliContext) -> int:
    values = {"cause": args.cause, "corrective_action": args.action, "owner": args.owner,
              "due_on": args.due, "planned_on": args.date}
    if args.correction is not None:
        values["correction"] = args.correction
    return _advance(ctx, args.nc, "planned", values)


def cmd_nc_start(args, ctx: CliContext) -> int:
    return _advance(ctx, args.nc, "in_progress", {"started_on": args.date})


def cmd_nc_verify(args, ctx: CliContext) -> int:
    return _advance(ctx, args.nc, "verified", {"effectiveness": args.result,
                                               "checked_by": args.by, "checked_on": args.date,
                                               "effective": not args.not_effective})


def cmd_nc_close(args, ctx: CliContext) -> int:
    return _advance(ctx, args.nc, "closed", {"closed_on": args.date})


def cmd_nc_advance(args, ctx: CliContext) -> int:
    return _advance(ctx, args.nc, args.to, {})


# --- management reviews ------------------------------------------------------------------------

def _register_review(sub) -> None:
    p = sub.add_parser("review", help="xem xét của lãnh đạo")
    s = p.add_subparsers(dest="review_command", metavar="ACTION", required=True)
    ls = s.add_parser("list", help="các cuộc họp xem xét và lời nhắc")
    add_json_flag(ls)
    ls.set_defaults(handler=cmd_review_list)
    a = s.add_parser("add", help="ghi một cuộc họp xem xét của lãnh đạo")
    a.add_argument("--date", required=True, help="ngày họp, dd/mm/yyyy")
    a.add_argument("--chair", required=True, help="người chủ trì")
    a.add_argument("--participant", action="append", default=[], required=True,
                   help="một người tham dự (lặp lại cho mỗi người)")
    a.add_argument("--input", action="append", default=[], choices=INPUT_KEYS,
                   help="nội dung đầu vào đã xem xét (lặp lại được)")
    a.add_argument("--decisions", default="", help="các quyết định và hành động đã thống nhất")
    a.add_argument("--next", help="ngày dự kiến xem xét lần sau")
    add_json_flag(a)
    a.set_defaults(handler=cmd_review_add)


def cmd_review_list(args, ctx: CliContext) -> int:
    repo = ReviewRepository(ctx.store())
    reviews = repo.list()
    reminder = repo.reminder()
    lines = [f"{vn_date(r.held_on)}  {r.chair}  ({len(r.covered)}/{len(INPUT_KEYS)} nội dung)"
             for r in reviews]
    if reminder["message"]:
        lines.append(reminder["message"])
    emit(ctx, {"reviews": [r.as_public() for r in reviews], **reminder},
         "\n".join(lines) or "Chưa có cuộc họp xem xét nào.")
    return 0


def cmd_review_add(args, ctx: CliContext) -> int:
    r = _run(lambda: ReviewRepository(ctx.store()).add({
        "held_on": args.date, "chair": args.chair, "participants": args.participant,
        "inputs": {k: {"covered": True} for k in args.input}, "decisions": args.decisions,
        "next_review_on": args.next}))
    emit(ctx, r.as_public(), f"Đã ghi cuộc họp xem xét ngày {vn_date(r.held_on)}.")
    return 0
