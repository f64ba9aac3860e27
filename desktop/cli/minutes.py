"""minutes create / update / sign / verify / pdf / list / show / export / templates."""
from __future__ import annotations

from pathlib import Path

from desktop.output import minutes_pdf, minutes_xlsx
from desktop.models import oserrors
from desktop.models import minutes as M
from desktop.models.anchor_check import check_chain
from desktop.models.bounded import InputRefused, read_json
from desktop.models.errors import IsoDeskError, ValidationError
from desktop.models.unit import get_profile

from .context import CliContext, CliError, add_json_flag, emit, fail_on, read_password_stdin

MAX_MINUTES_JSON = 16 * 1024 * 1024

STATUS_CHOICES = list(M.fields.STATUSES)
REF_HELP = "mã biên bản (minutes_id), mã bản sửa đổi hoặc số biên bản"


def register(sub) -> None:
    p = sub.add_parser("minutes", help="biên bản làm việc: lập, ký, kiểm tra, in")
    s = p.add_subparsers(dest="minutes_command", metavar="ACTION", required=True)

    c = s.add_parser("create", help="lập biên bản mới từ tệp JSON")
    c.add_argument("--from", dest="source", type=Path, required=True, metavar="F.json",
                   help="tệp JSON (UTF-8) mô tả biên bản; đường dẫn trong \"attachments\" tính "
                        "từ thư mục của tệp")
    c.add_argument("--template", default="",
                   help="mẫu làm nền (xem `isodesk minutes templates`); tệp JSON ghi đè lên mẫu")
    add_json_flag(c)
    c.set_defaults(handler=cmd_create)

    u = s.add_parser("update", help="sửa bản nháp từ tệp JSON (chỉ các trường có trong tệp)")
    u.add_argument("id", help="mã biên bản (minutes_id) hoặc mã bản sửa đổi")
    u.add_argument("--from", dest="source", type=Path, required=True, metavar="F.json",
                   help="tệp JSON (UTF-8) chỉ gồm các trường cần sửa")
    u.add_argument("--new-revision", action="store_true",
                   help="biên bản đã ký: tạo bản sửa đổi mới (cần ký lại)")
    u.add_argument("--reason", default="", help="lý do sửa đổi (ghi vào bản sửa đổi mới)")
    add_json_flag(u)
    u.set_defaults(handler=cmd_update)

    g = s.add_parser("sign", help="ký biên bản (người lập) hoặc xác nhận")
    g.add_argument("id", help="biên bản cần ký: " + REF_HELP)
    g.add_argument("--user", required=True, help="tên đăng nhập của người ký")
    g.add_argument("--meaning", required=True, choices=list(M.fields.MEANINGS),
                   help="author: người lập biên bản; confirm: đại diện xác nhận")
    g.add_argument("--on-behalf", choices=["unit", "province"],
                   help="khi xác nhận: đại diện Tổ ISO của đơn vị (unit) hay Ban Chỉ đạo ISO "
                        "của tỉnh (province); mặc định theo người ký (có trong danh sách Tổ ISO "
                        "của đơn vị thì unit)")
    g.add_argument("--password-stdin", action="store_true", required=True,
                   help="đọc mật khẩu của người ký từ dòng đầu của đầu vào chuẩn (stdin); "
                        "bắt buộc")
    add_json_flag(g)
    g.set_defaults(handler=cmd_sign)

    v = s.add_parser("verify", help="kiểm tra chữ ký và nội dung, hoặc một bản in theo mã in "
                                    "trên đó (thoát 1 nếu bị sửa sau khi ký hoặc không tìm thấy)")
    v.add_argument("id", help="biên bản cần kiểm tra (mọi bản sửa đổi): " + REF_HELP +
                   "; hoặc mã in trên bản giấy: mã nội dung (XXXX-XXXX-XXXX-XXXX), mã băm "
                   "SHA-256 đầy đủ, hay nội dung mã QR (ISODESK-BB|…)")
    add_json_flag(v)
    v.set_defaults(handler=cmd_verify)

    d = s.add_parser("pdf", help="xuất PDF (03 bản, mỗi bản ghi số bản và nơi nhận)")
    d.add_argument("id", help="biên bản cần in: " + REF_HELP +
                   " (mã biên bản: bản mới nhất; mã bản sửa đổi: đúng bản đó)")
    d.add_argument("--out", type=Path, required=True, metavar="F.pdf", help="tệp PDF cần tạo")
    d.add_argument("--single-copy", action="store_true", help="chỉ một bản, không ghi số bản")
    add_json_flag(d)
    d.set_defaults(handler=cmd_pdf)

    ls = s.add_parser("list", help="sổ biên bản (bản mới nhất của mỗi biên bản)")
    _filters(ls)
    add_json_flag(ls)
    ls.set_defaults(handler=cmd_list)

    sh = s.add_parser("show", help="toàn bộ nội dung một biên bản")
    sh.add_argument("id", help=REF_HELP + " (mã biên bản: bản mới nhất)")
    add_json_flag(sh)
    sh.set_defaults(handler=cmd_show)

    e = s.add_parser("export", help="xuất sổ biên bản ra Excel")
    e.add_argument("--out", type=Path, required=True, metavar="F.xlsx",
                   help="tệp Excel (.xlsx) cần tạo")
    _filters(e)
    add_json_flag(e)
    e.set_defaults(handler=cmd_export)

    t = s.add_parser("templates", help="các mẫu biên bản có sẵn")
    add_json_flag(t)
    t.set_defaults(handler=cmd_templates)


def _filters(p) -> None:
    p.add_argument("--year", type=int, default=None, metavar="YYYY",
                   help="chỉ các biên bản họp trong năm này")
    p.add_argument("--status", choices=STATUS_CHOICES, default=None,
                   help="chỉ trạng thái: draft (bản nháp), signed (đã ký, chờ xác nhận), "
                        "confirmed (đã xác nhận)")
    p.add_argument("--search", default="", help="tìm theo số, trích yếu, người (không cần dấu)")


def _read_json(path: Path) -> dict:
    try:
        data = read_json(path, what=f"tệp {path}", limit=MAX_MINUTES_JSON, encoding="utf-8-sig")
    except InputRefused as exc:
        raise CliError(exc.message) from exc
    if not isinstance(data, dict):
        raise CliError(f"Tệp {path} phải chứa một đối tượng JSON {{…}} mô tả biên bản.")
    return data


def _attachment_paths(data: dict, source: Path) -> list[Path]:
    items = data.pop("attachments", None) or []
    if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
        raise CliError("Dữ liệu không hợp lệ:\n  attachments: phải là danh sách đường dẫn tệp.")
    paths = []
    missing = []
    for item in items:
        p = Path(item)
        if not p.is_absolute():
            p = source.parent / p
        (paths if p.is_file() else missing).append(p)
    if missing:
        raise CliError("Dữ liệu không hợp lệ:\n  " + "\n  ".join(
            f"attachments: không tìm thấy tệp {p}" for p in missing))
    return paths


def _invalid(exc: IsoDeskError, ctx: CliContext) -> CliError:
    err = fail_on(exc)
    if isinstance(exc, ValidationError):
        if len(exc.errors) == 1:
            key, message = next(iter(exc.errors.items()))
            err = CliError(f"Dữ liệu không hợp lệ:\n  {key}: {message}" if key else message)
        err.payload = {"ok": False, "errors": exc.errors}
    return err


def cmd_create(args, ctx: CliContext) -> int:
    data = _read_json(args.source)
    store = ctx.store()
    template = args.template or data.pop("template", "") or ""
    paths = _attachment_paths(data, args.source)
    if template:
        try:
            base = M.get_template(template).draft(get_profile(store), year=_year(data))
        except KeyError as exc:
            keys = ", ".join(t.key for t in M.templates())
            raise CliError(f"Không có mẫu “{template}”. Các mẫu: {keys}.") from exc
        data = {**base, **data}
    try:
        with store.atomic():
            rev = M.create(store, data, template=template, complete=True,
                           text_check=minutes_pdf.unprintable)
            for p in paths:
                M.add_attachment_file(store, rev.id, p)
    except IsoDeskError as exc:
        raise _invalid(exc, ctx) from exc
    emit(ctx, {"minutes_id": rev.minutes_id, "number": rev.number, "revision_id": rev.id,
               "revision": rev.revision_no, "status": rev.status},
         f"Đã lập biên bản số {rev.number} (bản nháp). Mã: {rev.minutes_id}")
    return 0


def _year(data: dict) -> int:
    import datetime as _dt

    d = M.fields.parse_date(str(data.get("date") or ""))
    return d.year if d else _dt.date.today().year


def cmd_update(args, ctx: CliContext) -> int:
    data = _read_json(args.source)
    data.pop("template", None)
    store = ctx.store()
    paths = _attachment_paths(data, args.source)
    try:
        rev = M.resolve(store, args.id)
        latest = M.latest_revision(store, rev.minutes_id)
        with store.atomic():
            if latest.is_draft:
                if rev.id != latest.id:
                    raise IsoDeskError(f"Mã {args.id} là bản sửa đổi cũ; bản đang soạn là bản "
                                       f"{latest.revision_no} ({latest.id}).")
                rev = M.save_draft(store, latest.id, data, partial=True, complete=True,
                                   text_check=minutes_pdf.unprintable)
                made_new = False
            elif args.new_revision:
                rev = M.new_revision(store, latest.minutes_id, data, reason=args.reason,
                                     text_check=minutes_pdf.unprintable)
                M.fields.validate(rev.draft_data(), complete=True)
                made_new = True
            else:
                who = ", ".join(s["full_name"] for s in latest.signatures)
                raise CliError(
                    f"Biên bản số {latest.number} (bản sửa đổi {latest.revision_no}) đã ký "
                    f"({who}) nên không sửa được. Dùng --new-revision để tạo bản sửa đổi mới; "
                    "bản mới cần được ký lại.")
            for p in paths:
                M.add_attachment_file(store, rev.id, p)
    except IsoDeskError as exc:
        raise _invalid(exc, ctx) from exc
    text = (f"Đã tạo bản sửa đổi {rev.revision_no} của biên bản số {rev.number}: {rev.id}"
            if made_new else f"Đã lưu bản nháp biên bản số {rev.number}.")
    emit(ctx, {"minutes_id": rev.minutes_id, "revision_id": rev.id, "revision": rev.revision_no,
               "number": rev.number, "status": rev.status, "new_revision": made_new}, text)
    return 0


def cmd_sign(args, ctx: CliContext) -> int:
    password = read_password_stdin()
    store = ctx.store()
    bodies = M.confirm_capacities(store)
    if args.on_behalf == "province" and len(bodies) < 2:
        raise CliError("Đơn vị này không có Ban Chỉ đạo ISO cấp trên trong hồ sơ đơn vị (thiếu "
                       "tên đơn vị cấp trên): chỉ xác nhận được với tư cách đại diện "
                       f"{bodies[0]}.")
    if args.meaning != "confirm":
        team = M.team_name_of(store)
    elif args.on_behalf:
        team = bodies[0] if args.on_behalf == "unit" else bodies[1]
    else:
        team = M.default_capacity(store, args.user)
    try:
        rev = M.sign(store, args.id, args.user, password, args.meaning, team_name=team,
                     pdf_renderer=minutes_pdf.confirmed_pdf_renderer(team))
    except IsoDeskError as exc:
        raise _invalid(exc, ctx) from exc
    sig = rev.signature(args.meaning)
    emit(ctx, {"minutes_id": rev.minutes_id, "revision_id": rev.id, "revision": rev.revision_no,
               "number": rev.number, "status": rev.status,
               "signature": {"user": sig["username"], "full_name": sig["full_name"],
                             "meaning": sig["meaning"], "meaning_text": sig["meaning_text"],
                             "signed_at": sig["signed_at"],
                             "key_fingerprint": sig["key_fingerprint"]},
               "content_sha256": sig["content_sha256"], "pdf_sha256": rev.pdf_sha256},
         f"{sig['full_name']} đã ký biên bản số {rev.number} ({sig['meaning_text']}). "
         f"Trạng thái: {rev.status_label}.")
    return 0


def cmd_verify(args, ctx: CliContext) -> int:
    store = ctx.store()
    if M.looks_printed(args.id):
        return _verify_printed(args, ctx, store)
    try:
        result = M.verify_minutes(store, args.id)
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    chain = check_chain(store)
    result["audit_chain"] = chain.as_dict()
    if not chain.ok:
        problem = (f"Nhật ký kiểm toán của tệp dữ liệu bị sửa ({chain.message}): không còn dựa "
                   "vào nhật ký để biết chữ ký nào đã có. Hãy đối chiếu với bản ở tỉnh hoặc mã "
                   "băm in dưới mã QR.")
        result["problems"].append(problem)
        result["message"] = (result["message"] if not result["valid"]
                             else M.ALTERED_VI) + " " + problem
        result["valid"] = False
    if not result["valid"]:
        raise CliError(f"Biên bản số {result['number']}: {result['message']}", payload=result)
    lines = [f"Biên bản số {result['number']} (bản sửa đổi {result['revision']}): "
             f"{result['message']}"]
    lines += [_revision_line(r) for r in result["revisions"]]
    emit(ctx, result, "\n".join(lines))
    return 0


def _revision_line(r: dict) -> str:
    """One revision with the content code printed on its pages and the full hash."""
    state = M.fields.STATUS_LABELS_VI.get(r["status"], r["status"])
    return (f"  Bản sửa đổi {r['revision']} ({state.lower()}): mã nội dung "
            f"{M.short_hash(r['content_sha256'])} — SHA-256 {r['content_sha256']}")


def _verify_printed(args, ctx: CliContext, store) -> int:
    """`minutes verify CODE|HASH|QR-TEXT`: which minutes a printed copy is, and whether it is
    current and its signatures valid (exit 1 when nothing has that content or it doesn't
    check)."""
    result = M.check_printed(store, args.id)
    lines = [result["message"]]
    for m in result["matches"]:
        lines.append(f"  Mã biên bản: {m['minutes_id']} · bản sửa đổi {m['revision']} · "
                     f"mã nội dung {m['content_code']}")
        lines.append(f"  SHA-256: {m['content_sha256']}")
    if not result["valid"]:
        raise CliError("\n".join(lines), payload=result)
    emit(ctx, result, "\n".join(lines))
    return 0


def cmd_pdf(args, ctx: CliContext) -> int:
    store = ctx.store()
    try:
        rev = M.resolve(store, args.id)
        check = M.verify_revision(store, rev)
        result = minutes_pdf.render(rev, args.out, team_name=M.team_name_of(store), check=check,
                                    copies=not args.single_copy)
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    except OSError as exc:
        raise CliError(f"Không ghi được {args.out}: {oserrors.reason(exc)}. Hãy đóng tệp nếu đang "
                       "mở, hoặc chọn thư mục khác.") from exc
    payload = {"file": str(args.out), "pages": result.pages,
               "pages_per_copy": result.pages_per_copy, "copies": result.copies,
               "status": rev.status, "valid": check.valid}
    emit(ctx, payload, f"Đã lưu {args.out}: {result.copies} bản, mỗi bản "
                       f"{result.pages_per_copy} trang." +
         ("" if check.valid else " CẢNH BÁO: " + check.message))
    return 0


def cmd_list(args, ctx: CliContext) -> int:
    store = ctx.store()
    entries = M.register(store, year=args.year, status=args.status, query=args.search)
    items = [e.public() for e in entries]
    emit(ctx, {"minutes": items, "count": len(items)},
         "\n".join(f"{e.number:18} {e.date:10} {e.status_label:22} {e.subject}" for e in entries)
         or "Chưa có biên bản nào.")
    return 0


def cmd_show(args, ctx: CliContext) -> int:
    store = ctx.store()
    try:
        rev = M.resolve(store, args.id)
        revisions = [{"revision_id": r.id, "revision": r.revision_no, "status": r.status,
                      "reason": r.reason} for r in M.history(store, rev.minutes_id)]
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    payload = {**rev.public(), "revisions": revisions}
    emit(ctx, payload)
    return 0


def cmd_export(args, ctx: CliContext) -> int:
    store = ctx.store()
    entries = M.register(store, year=args.year, status=args.status, query=args.search)
    integrity = {}
    for e in entries:
        result = M.verify_minutes(store, e.minutes_id)
        integrity[e.minutes_id] = "Hợp lệ" if result["valid"] else "BỊ SỬA SAU KHI KÝ"
    profile = get_profile(store)
    try:
        path = minutes_xlsx.export_register(args.out, entries,
                                            unit_name=profile.name if profile else "",
                                            integrity=integrity)
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    emit(ctx, {"file": str(path), "count": len(entries)},
         f"Đã xuất {len(entries)} biên bản ra {path}.")
    return 0


def cmd_templates(args, ctx: CliContext) -> int:
    items = [{"key": t.key, "label": t.label} for t in M.templates()]
    emit(ctx, {"templates": items}, "\n".join(f"{t['key']:18} {t['label']}" for t in items))
    return 0
