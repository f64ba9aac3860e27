"""district, province-profile, enroll and sync (export / import / ack / ack-import / status).

Exit codes: 0 done (the summary's status is "ok" or "warning"), 1 refused or failed (the reason on
stderr; with --json the summary with "status": "error" on stdout), 2 wrong usage.
"""
from __future__ import annotations

from pathlib import Path

from desktop.models.errors import IsoDeskError
from sync.labels import key_state_label, table_label

from .context import CliContext, CliError, add_json_flag, emit, fail_on


def register(sub) -> None:
    p = sub.add_parser("district", help="danh sách huyện của tỉnh (đồng bộ)")
    d = p.add_subparsers(dest="district_command", metavar="ACTION", required=True)
    a = d.add_parser("add", help="thêm một huyện")
    a.add_argument("--code", required=True,
                   help="mã đơn vị của huyện: 2–20 ký tự không dấu (chữ in hoa, chữ số, dấu gạch "
                        "ngang), ví dụ BHXHST")
    a.add_argument("--name", required=True,
                   help="tên đơn vị, ví dụ: Bảo hiểm xã hội huyện Sông Trà")
    a.add_argument("--email", default="",
                   help="hộp thư của huyện để gửi gói đồng bộ qua email (không bắt buộc)")
    a.add_argument("--fingerprint", default="",
                   help="mã khóa của huyện, đọc qua điện thoại từ thẻ Đồng bộ → Đăng ký của "
                        "huyện (không bắt buộc): gói đầu tiên có khóa đúng mã này được nhập ngay")
    add_json_flag(a)
    a.set_defaults(handler=cmd_district_add)
    ls = d.add_parser("list", help="liệt kê các huyện và trạng thái khóa")
    add_json_flag(ls)
    ls.set_defaults(handler=cmd_district_list)
    k = d.add_parser("accept-key", help="chấp nhận khóa mới của một huyện (sau khi đối chiếu)")
    k.add_argument("code", help="mã đơn vị của huyện")
    k.add_argument("--fingerprint", required=True, help="mã khóa mới, đọc qua điện thoại")
    add_json_flag(k)
    k.set_defaults(handler=cmd_accept_key)

    p = sub.add_parser("province-profile", help="hồ sơ tỉnh để các huyện đăng ký")
    pp = p.add_subparsers(dest="profile_command", metavar="ACTION", required=True)
    e = pp.add_parser("export", help="xuất tệp hồ sơ tỉnh (.isoprofile)")
    e.add_argument("--out", required=True, type=Path,
                   help="tệp hồ sơ cần tạo, hoặc thư mục (khi đó tệp mang tên "
                        "<mã tỉnh>.isoprofile)")
    e.add_argument("--email", default=None, help="hộp thư nhận gói của tỉnh")
    add_json_flag(e)
    e.set_defaults(handler=cmd_profile_export)

    p = sub.add_parser("enroll", help="huyện nhập hồ sơ tỉnh")
    p.add_argument("--profile", required=True, type=Path, metavar="F.isoprofile",
                   help="tệp hồ sơ tỉnh (.isoprofile) do BHXH tỉnh gửi")
    p.add_argument("--accept-changed-key", action="store_true",
                   help="chấp nhận khóa mới của tỉnh (sau khi đối chiếu mã khóa)")
    add_json_flag(p)
    p.set_defaults(handler=cmd_enroll)

    p = sub.add_parser("sync", help="gói đồng bộ huyện ↔ tỉnh")
    s = p.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    x = s.add_parser("export", help="tạo gói các thay đổi chưa được xác nhận")
    x.add_argument("--out", required=True, type=Path, metavar="DIR",
                   help="thư mục lưu gói (.isosync), ví dụ ổ USB; thư .eml (nếu có) cũng lưu ở đây")
    x.add_argument("--full", action="store_true", help="gửi lại toàn bộ dữ liệu")
    x.add_argument("--to", default=None, help="(tỉnh) chỉ tạo gói cho huyện này")
    x.add_argument("--eml", action="store_true", help="ghi thêm thư .eml kèm gói")
    add_json_flag(x)
    x.set_defaults(handler=cmd_export)
    i = s.add_parser("import", help="nhập gói (tệp, phần email hoặc cả thư mục)",
                     description="Nhập gói. Mã thoát 1 khi có tệp bị từ chối, dù các tệp khác "
                                 "đã được nhập (xem kết quả của từng tệp).")
    i.add_argument("files", nargs="+", type=Path, metavar="FILE",
                   help="gói (.isosync), phần gói gửi qua email (.isopart) hoặc thư mục chứa "
                        "chúng; có thể ghi nhiều tệp")
    i.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi gì")
    i.add_argument("--trust-new-sender", action="store_true",
                   help="tin cậy khóa của huyện gửi gói đầu tiên (đã đối chiếu mã khóa)")
    i.add_argument("--accept-gap", action="store_true",
                   help="nhập dù thiếu gói trước (chấp nhận khoảng trống)")
    add_json_flag(i)
    i.set_defaults(handler=cmd_import)
    g = s.add_parser("accept-gap", help="nhập các gói đang giữ của một đơn vị, bỏ qua khoảng trống")
    g.add_argument("sender", help="mã đơn vị đã gửi các gói đang được giữ")
    add_json_flag(g)
    g.set_defaults(handler=cmd_accept_gap)
    k = s.add_parser("ack", help="(tỉnh) ghi giấy báo nhận cho các huyện")
    k.add_argument("--out", required=True, type=Path, metavar="DIR",
                   help="thư mục lưu giấy báo nhận (mỗi huyện một tệp .isosync)")
    k.add_argument("--district", default=None,
                   help="chỉ ghi cho huyện có mã này (mặc định: mọi huyện đã gửi gói)")
    add_json_flag(k)
    k.set_defaults(handler=cmd_ack)
    ki = s.add_parser("ack-import", help="(huyện) nhập giấy báo nhận của tỉnh")
    ki.add_argument("file", type=Path, help="tệp giấy báo nhận (.isosync) của tỉnh")
    add_json_flag(ki)
    ki.set_defaults(handler=cmd_ack_import)
    st = s.add_parser("status", help="tình trạng đồng bộ")
    add_json_flag(st)
    st.set_defaults(handler=cmd_status)
    ob = s.add_parser("outbox", help="hộp thư đi: gửi các thư đến hạn qua SMTP")
    ob.add_argument("--send", action="store_true", help="gửi ngay các thư đang chờ")
    add_json_flag(ob)
    ob.set_defaults(handler=cmd_outbox)


# What to type on the command line, after the (neutral) message of a refusal.
CLI_HINTS = {
    "new_sender_key": "Sau khi đối chiếu, nhập lại với --trust-new-sender.",
    "is_ack": "Dòng lệnh: isodesk sync ack-import.",
    "not_ack": "Dòng lệnh: isodesk sync import.",
    "not_listed": "Dòng lệnh ở tỉnh: isodesk district add.",
}


def with_hint(message: str, code: str | None) -> str:
    hint = CLI_HINTS.get(code or "")
    return f"{message} {hint}" if hint else message


def _fail(exc: IsoDeskError, payload: dict | None = None) -> CliError:
    err = fail_on(exc)
    if getattr(exc, "code", None) in CLI_HINTS:
        err = CliError(with_hint(exc.message, exc.code))
    err.payload = payload
    return err


def cmd_district_add(args, ctx: CliContext) -> int:
    from sync.peers import add_district

    store = ctx.store()
    try:
        peer = add_district(store, args.code, args.name, args.email, args.fingerprint)
    except IsoDeskError as exc:
        raise _fail(exc) from exc
    emit(ctx, {"code": peer.code, "name": peer.name, "email": peer.email},
         f"Đã thêm {peer.name} ({peer.code}).")
    return 0


def cmd_district_list(args, ctx: CliContext) -> int:
    from sync.peers import list_peers

    store = ctx.store()
    items = [{"code": p.code, "name": p.name, "email": p.email, "key": p.key_state,
              "fingerprint": p.fingerprint, "pending_fingerprint": p.pending_fingerprint,
              "applied_through": p.applied_through, "last_received_at": p.last_received_at,
              "active": p.active} for p in list_peers(store, "district")]
    emit(ctx, {"districts": items},
         "\n".join(f"{d['code']:12} {key_state_label(d['key']):26} đã nhận đến gói "
                   f"{d['applied_through']:>5}  {d['name']}" for d in items)
         or "Chưa có huyện nào.")
    return 0


def cmd_accept_key(args, ctx: CliContext) -> int:
    from sync.peers import accept_changed_key

    store = ctx.store()
    try:
        peer = accept_changed_key(store, args.code, args.fingerprint)
    except IsoDeskError as exc:
        raise _fail(exc) from exc
    emit(ctx, {"code": peer.code, "fingerprint": peer.fingerprint},
         f"Đã chấp nhận khóa mới của {peer.code}: {peer.fingerprint}.")
    return 0


def cmd_profile_export(args, ctx: CliContext) -> int:
    from sync.peers import export_province_profile, read_profile

    store = ctx.store()
    try:
        path = export_province_profile(store, args.out, email=args.email)
        data = read_profile(path)
    except IsoDeskError as exc:
        raise _fail(exc) from exc
    emit(ctx, {"profile": str(path), "code": data["code"], "fingerprint": data["fingerprint"],
               "districts": [d["code"] for d in data["districts"]], "email": data["email"]},
         f"Đã xuất hồ sơ tỉnh: {path}\nMã khóa của tỉnh: {data['fingerprint']}")
    return 0


def cmd_enroll(args, ctx: CliContext) -> int:
    from sync.peers import enroll

    store = ctx.store()
    try:
        peer = enroll(store, args.profile, accept_changed_key=args.accept_changed_key)
    except IsoDeskError as exc:
        raise _fail(exc) from exc
    emit(ctx, {"province": peer.code, "name": peer.name, "email": peer.email,
               "fingerprint": peer.fingerprint},
         f"Đã đăng ký với {peer.name} ({peer.code}). Mã khóa của tỉnh: {peer.fingerprint} — hãy "
         "đối chiếu với BHXH tỉnh.")
    return 0


def cmd_export(args, ctx: CliContext) -> int:
    from sync.exporter import export_packages
    from sync.mail import write_eml

    store = ctx.store()
    try:
        results = export_packages(store, args.out, recipient=args.to, full=args.full)
        emls = {r.package_id: write_eml(store, r.package_id, args.out) for r in results} \
            if args.eml else {}
    except IsoDeskError as exc:
        raise _fail(exc) from exc
    items = []
    for r in results:
        item = r.as_json()
        if args.eml:
            item["eml"] = [str(p) for p in emls[r.package_id]]
        items.append(item)
    lines = [f"Đã tạo {Path(i['package']).name}: gói số {i['seq']}, " +
             (", ".join(f"{table_label(t)} {n}" for t, n in i["counts"].items()) or
              "không có thay đổi nào") + (
                 f", {i['blobs']} tệp" if i["blobs"] else "") for i in items]
    lines += [f"  Cảnh báo: {w}" for i in items for w in i["warnings"]]
    emit(ctx, items[0] if len(items) == 1 else {"packages": items}, "\n".join(lines))
    return 0


SUMMARY_STATES = {"ok": "đã nhập", "warning": "đã nhập, có cảnh báo", "error": "bị từ chối"}


def _summary_lines(s: dict) -> list[str]:
    if s["status"] == "error":
        return [f"{s['package']}: bị từ chối — {with_hint(s['message'], s.get('error'))}"]
    if s.get("seq") is None:  # a part of a package sent by e-mail, waiting for the others
        return [f"{s['package']}: {s['message']}"]
    state = "được giữ lại" if s.get("held") else SUMMARY_STATES.get(s["status"], s["status"])
    if s.get("dry_run"):
        state = f"xem trước ({'có cảnh báo' if s['status'] == 'warning' else 'không lỗi'})"
    head = (f"{s['package']}: {state} — {s.get('sender') or ''} gói số {s['seq']}: "
            f"thêm {s['imported']}, cập nhật {s['updated']}, bỏ qua {s['ignored']}, xóa "
            f"{s['deleted']}, cách ly {len(s['quarantined'])}.")
    lines = [head]
    if s["message"]:
        lines.append("  " + s["message"])
    lines += [f"  Cách ly {table_label(q['table'])} {q['id']}: {q['reason']}"
              for q in s["quarantined"][:50]]
    return lines


def cmd_import(args, ctx: CliContext) -> int:
    from sync.importer import import_file, import_many

    store = ctx.store()
    single = len(args.files) == 1 and not args.files[0].is_dir()
    kwargs = dict(dry_run=args.dry_run, trust_new_sender=args.trust_new_sender,
                  accept_gap=args.accept_gap)
    if single:
        summaries = import_file(store, args.files[0], **kwargs)
    else:
        summaries = import_many(store, args.files, **kwargs)
    items = [s.as_json() for s in summaries]
    if not items:
        raise CliError("Không có tệp .isosync hay .isopart nào để nhập.", 1)
    text = "\n".join(line for s in items for line in _summary_lines(s))
    if single:
        payload = {**items[0], "released": items[1:]}
        failed = items[0]["status"] == "error"
    else:
        worst = "error" if any(i["status"] == "error" for i in items) else (
            "warning" if any(i["status"] == "warning" for i in items) else "ok")
        payload = {"status": worst, "packages": items}
        failed = any(i["status"] == "error" for i in items)
    if failed:
        if not ctx.json:
            import sys

            sys.stdout.write(text + "\n")
        bad = sum(1 for i in items if i["status"] == "error")
        raise CliError(with_hint(items[0]["message"], items[0].get("error")) if single else (
            "Không nhập được gói nào." if bad == len(items) else
            f"{bad}/{len(items)} tệp không nhập được (xem từng dòng ở trên); các tệp khác đã "
            "được nhập."), payload=payload)
    emit(ctx, payload, text)
    return 0


def cmd_accept_gap(args, ctx: CliContext) -> int:
    from sync.importer import release_held

    store = ctx.store()
    summaries = release_held(store, args.sender, accept_gap=True)
    if not summaries:
        raise CliError(f"Không có gói nào của {args.sender} đang được giữ.")
    items = [s.as_json() for s in summaries]
    emit(ctx, {"status": "warning", "packages": items},
         "\n".join(line for s in items for line in _summary_lines(s)))
    return 0


def cmd_ack(args, ctx: CliContext) -> int:
    from sync.ack import write_acks

    store = ctx.store()
    try:
        made = write_acks(store, args.out, district=args.district)
    except IsoDeskError as exc:
        raise _fail(exc) from exc
    emit(ctx, {"acks": [str(p) for p in made]},
         "\n".join(f"Đã ghi giấy báo nhận {p}" for p in made))
    return 0


def cmd_ack_import(args, ctx: CliContext) -> int:
    from sync.ack import import_ack

    store = ctx.store()
    try:
        result = import_ack(store, args.file)
    except IsoDeskError as exc:
        raise _fail(exc, {"status": "error", "message": exc.message,
                          "error": getattr(exc, "code", None)}) from exc
    emit(ctx, result.as_json(), result.message)
    return 0


def cmd_status(args, ctx: CliContext) -> int:
    from sync.status import sync_status

    store = ctx.store()
    try:
        status = sync_status(store)
    except IsoDeskError as exc:
        raise _fail(exc) from exc
    if status.get("level") == "district":
        r = status["records"]
        text = (f"Đơn vị {status['unit']} (mã khóa {status['fingerprint']}). " +
                (f"Tỉnh: {status['province']['name']}. " if status["province"] else
                 "Chưa đăng ký với tỉnh. ") +
                f"Gói đã tạo: {status['last_seq']}, tỉnh đã nhận đến: {status['acked_through']}. "
                f"Bản ghi: chưa gửi {r['not_sent']}, đã gửi {r['sent']}, tỉnh đã nhận "
                f"{r['received']}, bị từ chối {r['refused']}.")
    else:
        text = "\n".join(f"{d['code']:12} khóa {key_state_label(d['key'])}; đã nhận đến gói "
                         f"{d['applied_through']}; {_held(d['held'])}; bản ghi cách ly "
                         f"{d['quarantined']}"
                         for d in status.get("districts", [])) or "Chưa có huyện nào."
    emit(ctx, status, text)
    return 0


def _held(seqs: list) -> str:
    return ("đang giữ gói số " + ", ".join(map(str, seqs))) if seqs else "không giữ gói nào"


def cmd_outbox(args, ctx: CliContext) -> int:
    from desktop.models.sync_outbox import retry_now
    from sync.mail import send_due

    store = ctx.store()
    if args.send:
        retry_now(store)
    result = send_due(store)
    emit(ctx, result, f"Đã gửi {result['sent']}, lỗi {result['failed']}, còn chờ "
                      f"{result['waiting']}." + ("\n" + "\n".join(result["errors"])
                                                 if result["errors"] else ""))
    return 1 if result["failed"] and not result["sent"] else 0
