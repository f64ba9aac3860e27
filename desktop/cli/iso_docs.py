"""documents (register, import/export, life of a version, files, history) and policy."""
from __future__ import annotations

from pathlib import Path

from desktop.models import oserrors
from desktop.models.errors import IsoDeskError
from desktop.models.iso import document_import
from desktop.models.iso._common import vn_date
from desktop.models.iso.documents import (
    KINDS, STATES, DocumentRepository, describe_change,
)
from desktop.models.iso.policy import KINDS as POLICY_KINDS
from desktop.models.iso.policy import PolicyRepository
from desktop.models.unit import get_profile

from .context import CliContext, CliError, add_json_flag, check_out_dir, emit, fail_on

KIND_HELP = ("tthc_procedure (quy trình giải quyết TTHC), internal_procedure (quy trình nội bộ), "
             "quality_manual (sổ tay chất lượng), policy (chính sách chất lượng), objectives "
             "(mục tiêu chất lượng), form (biểu mẫu), other (tài liệu khác)")
STATE_HELP = ("draft (dự thảo), approved (đã phê duyệt), in_force (đang hiệu lực), obsolete "
              "(hết hiệu lực)")


def register(sub) -> None:
    p = sub.add_parser("documents", help="danh mục tài liệu, quy trình ISO")
    s = p.add_subparsers(dest="documents_command", metavar="ACTION", required=True)
    ls = s.add_parser("list", help="liệt kê các phiên bản tài liệu")
    ls.add_argument("--state", choices=STATES, help="chỉ trạng thái: " + STATE_HELP)
    ls.add_argument("--kind", choices=KINDS, help="chỉ loại tài liệu: " + KIND_HELP)
    ls.add_argument("--search", default="",
                    help="tìm theo mã, tên, bộ phận chủ trì, người phê duyệt (không cần dấu)")
    add_json_flag(ls)
    ls.set_defaults(handler=cmd_list)
    i = s.add_parser("import", help="nhập danh mục từ Excel: tất cả các dòng hoặc không dòng nào")
    i.add_argument("file", type=Path,
                   help="tệp Excel (.xlsx) danh mục tài liệu, theo tệp mẫu "
                        "(`isodesk documents template`)")
    i.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi gì")
    add_json_flag(i)
    i.set_defaults(handler=cmd_import)
    e = s.add_parser("export", help="xuất danh mục ra Excel (nhập lại được)")
    e.add_argument("file", type=Path, help="tệp Excel (.xlsx) cần tạo")
    add_json_flag(e)
    e.set_defaults(handler=cmd_export)
    t = s.add_parser("template", help="lưu tệp Excel mẫu để điền danh mục")
    t.add_argument("file", type=Path, help="tệp Excel (.xlsx) mẫu cần tạo")
    add_json_flag(t)
    t.set_defaults(handler=cmd_template)
    a = s.add_parser("add", help="thêm một tài liệu (bản dự thảo)")
    a.add_argument("--code", required=True,
                   help="mã tài liệu, ví dụ QT-01 (không đổi được sau khi phê duyệt)")
    a.add_argument("--title", required=True, help="tên tài liệu")
    a.add_argument("--kind", required=True, help="loại tài liệu: " + KIND_HELP)
    a.add_argument("--standard", default="2015", choices=["2008", "2015"],
                   help="tiêu chuẩn áp dụng: TCVN ISO 9001:2008 hoặc 9001:2015 (mặc định 2015)")
    a.add_argument("--revision", default="01",
                   help="số phiên bản, ví dụ 01 hoặc 1.1 (mặc định 01)")
    a.add_argument("--department", default="", help="bộ phận chủ trì")
    a.add_argument("--note", default="", help="ghi chú")
    add_json_flag(a)
    a.set_defaults(handler=cmd_add)
    v = s.add_parser("advance", help="chuyển trạng thái: approved | in_force | obsolete | draft")
    _doc_ref(v)
    v.add_argument("--to", required=True, choices=["approved", "in_force", "obsolete", "draft"],
                   help="trạng thái mới: approved (phê duyệt), in_force (có hiệu lực), obsolete "
                        "(hết hiệu lực), draft (trả về dự thảo)")
    v.add_argument("--approver", default="",
                   help="người phê duyệt, họ tên và chức vụ (bắt buộc khi --to approved)")
    v.add_argument("--date", help="ngày phê duyệt / hiệu lực / hết hiệu lực (dd/mm/yyyy)")
    v.add_argument("--reason", default="",
                   help="lý do hết hiệu lực, khi --to obsolete (mặc định: Hủy bỏ)")
    add_json_flag(v)
    v.set_defaults(handler=cmd_advance)
    n = s.add_parser("new-version", help="tạo phiên bản mới (dự thảo) từ phiên bản mới nhất")
    _doc_ref(n)
    add_json_flag(n)
    n.set_defaults(handler=cmd_new_version)
    h = s.add_parser("history", help="lịch sử thay đổi của một phiên bản")
    _doc_ref(h)
    add_json_flag(h)
    h.set_defaults(handler=cmd_history)
    f = s.add_parser("attach", help="đính kèm tệp vào một phiên bản")
    _doc_ref(f)
    f.add_argument("file", type=Path, help="tệp cần đính kèm (tối đa 50 MB)")
    add_json_flag(f)
    f.set_defaults(handler=cmd_attach)

    p = sub.add_parser("policy", help="chính sách chất lượng và mục tiêu chất lượng")
    s = p.add_subparsers(dest="policy_command", metavar="ACTION", required=True)
    ls = s.add_parser("list", help="các văn bản đã ban hành (mới nhất trước)")
    add_json_flag(ls)
    ls.set_defaults(handler=cmd_policy_list)
    a = s.add_parser("add", help="ghi chính sách hoặc mục tiêu chất lượng mới ban hành")
    a.add_argument("--kind", required=True, choices=POLICY_KINDS,
                   help="policy (chính sách chất lượng) hoặc objectives (mục tiêu chất lượng)")
    a.add_argument("--text", required=True, help="nội dung (hoặc @tệp.txt)")
    a.add_argument("--date", required=True, help="ngày ban hành, dd/mm/yyyy")
    a.add_argument("--issued-by", required=True, help="người ban hành, họ tên và chức vụ")
    a.add_argument("--title", default="", help="tiêu đề (không bắt buộc)")
    a.add_argument("--year", type=int, metavar="YYYY",
                   help="năm áp dụng, 1990–2100 (không bắt buộc)")
    a.add_argument("--reference", default="", help="số quyết định ban hành")
    add_json_flag(a)
    a.set_defaults(handler=cmd_policy_add)


def _doc_ref(p) -> None:
    p.add_argument("document", help="mã định danh (id) hoặc mã tài liệu")
    p.add_argument("--revision", help="phiên bản (mặc định: mới nhất)")


def find_document(repo: DocumentRepository, ref: str, revision: str | None):
    try:
        return repo.get(ref)
    except IsoDeskError:
        pass
    doc = repo.find(ref, revision) if revision else repo.latest(ref)
    if doc is None:
        raise CliError(f"Không tìm thấy tài liệu {ref}" + (f" phiên bản {revision}" if revision
                                                          else "") + ".")
    return repo.get(doc.id)


def cmd_list(args, ctx: CliContext) -> int:
    repo = DocumentRepository(ctx.store())
    docs = repo.list(state=args.state, kind=args.kind, query=args.search)
    emit(ctx, {"documents": [d.as_public() for d in docs], "counts": repo.counts_by_state()},
         "\n".join(f"{d.code:14} {d.revision:5} {d.state_label:15} {d.title}" for d in docs)
         or "Chưa có tài liệu nào.")
    return 0


def cmd_import(args, ctx: CliContext) -> int:
    from desktop.output.iso.documents_xlsx import read_documents

    store = ctx.store()
    try:
        rows, converted = read_documents(args.file)
        plan = document_import.plan_import(store, rows)
        plan.converted_cells = converted
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    planned = plan.summary()
    # added/updated/superseded: what was written; would_*: what the file asks for
    summary = {**planned, "added": 0, "updated": 0, "superseded": 0,
               "would_add": planned["added"], "would_update": planned["updated"],
               "would_supersede": planned["superseded"], "dry_run": bool(args.dry_run),
               "converted_cells": [{k: c[k] for k in ("sheet", "cell", "encoding", "text")}
                                   for c in converted]}
    lines = [f"  Dòng {e['row']}: {e['message']}" for e in summary["errors"]]
    if not plan.ok:
        raise CliError("\n".join([f"Tệp có {len(lines)} dòng lỗi nên không nhập dòng nào:"]
                                 + lines), payload={**summary, "imported": False})
    if not args.dry_run:
        try:
            written = document_import.apply_import(store, plan)
        except IsoDeskError as exc:
            raise fail_on(exc) from exc
        summary.update(added=written["added"], updated=written["updated"],
                       superseded=written["superseded"])
    summary["imported"] = not args.dry_run
    head = "Xem trước (chưa ghi): " if args.dry_run else "Đã nhập: "
    emit(ctx, summary, head + f"thêm {summary['would_add']}, cập nhật {summary['would_update']}, "
         f"không đổi {summary['unchanged']}, tự hết hiệu lực {summary['would_supersede']}.")
    return 0


def cmd_export(args, ctx: CliContext) -> int:
    from desktop.output.iso.documents_xlsx import export_documents

    check_out_dir(args.file)
    store = ctx.store()
    docs = DocumentRepository(store).list()
    profile = get_profile(store)
    try:
        export_documents(args.file, docs, profile.name if profile else "")
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    emit(ctx, {"file": str(args.file), "count": len(docs)},
         f"Đã xuất {len(docs)} phiên bản tài liệu ra {args.file}.")
    return 0


def cmd_template(args, ctx: CliContext) -> int:
    from desktop.output.iso.documents_xlsx import write_template

    check_out_dir(args.file)
    try:
        write_template(args.file)
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    emit(ctx, {"file": str(args.file)}, f"Đã lưu tệp mẫu: {args.file}")
    return 0


def cmd_add(args, ctx: CliContext) -> int:
    repo = DocumentRepository(ctx.store())
    try:
        doc = repo.add({"code": args.code, "title": args.title, "kind": args.kind,
                        "standard": args.standard, "revision": args.revision,
                        "department": args.department, "note": args.note})
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    emit(ctx, doc.as_public(), f"Đã thêm {doc.code} phiên bản {doc.revision} (dự thảo).")
    return 0


def cmd_advance(args, ctx: CliContext) -> int:
    repo = DocumentRepository(ctx.store())
    doc = find_document(repo, args.document, args.revision)
    try:
        doc = repo.advance(doc.id, args.to, approver=args.approver, on=args.date,
                           reason=args.reason)
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    emit(ctx, doc.as_public(), f"{doc.code} phiên bản {doc.revision}: {doc.state_label}.")
    return 0


def cmd_new_version(args, ctx: CliContext) -> int:
    repo = DocumentRepository(ctx.store())
    doc = find_document(repo, args.document, args.revision)
    try:
        new = repo.new_version(doc.id)
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    emit(ctx, new.as_public(), f"Đã tạo {new.code} phiên bản {new.revision} (dự thảo).")
    return 0


def cmd_history(args, ctx: CliContext) -> int:
    repo = DocumentRepository(ctx.store())
    doc = find_document(repo, args.document, args.revision)
    entries = repo.history(doc.id)
    items = [{"seq": e["seq"], "at": e["at"], "actor": e["actor"], "action": e["action"],
              "subject": e["subject"], "old": e["old"], "new": e["new"],
              "text": describe_change(e)} for e in entries]
    emit(ctx, {"document": doc.as_public(), "history": items},
         "\n".join(f"{e['at'][:16].replace('T', ' ')}  {e['actor']:12} {e['text']}"
                   for e in items))
    return 0


def cmd_attach(args, ctx: CliContext) -> int:
    repo = DocumentRepository(ctx.store())
    doc = find_document(repo, args.document, args.revision)
    try:
        f = repo.attach_file(doc.id, args.file)
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    emit(ctx, {"document": doc.id, "file": f.file_name, "sha256": f.sha256, "size": f.size},
         f"Đã đính kèm {f.file_name} vào {doc.code} phiên bản {doc.revision}.")
    return 0


def cmd_policy_list(args, ctx: CliContext) -> int:
    found = PolicyRepository(ctx.store()).list()
    emit(ctx, {"policies": [p.as_public() for p in found]},
         "\n".join(f"{vn_date(p.issued_on)}  {p.kind_label:22} {p.title or p.body[:60]}"
                   for p in found) or "Chưa có chính sách, mục tiêu chất lượng nào.")
    return 0


def cmd_policy_add(args, ctx: CliContext) -> int:
    text = args.text
    if text.startswith("@"):
        try:
            text = Path(text[1:]).read_text(encoding="utf-8")
        except OSError as exc:
            raise CliError(f"Không đọc được tệp {text[1:]}: {oserrors.reason(exc)}.") from exc
    try:
        p = PolicyRepository(ctx.store()).add({
            "kind": args.kind, "body": text, "issued_on": args.date, "issued_by": args.issued_by,
            "title": args.title, "year": args.year, "reference": args.reference})
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    emit(ctx, p.as_public(), f"Đã ghi {p.kind_label.lower()} ban hành ngày {vn_date(p.issued_on)}.")
    return 0
