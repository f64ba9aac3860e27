"""init, user, db and demo."""
from __future__ import annotations

from pathlib import Path

from desktop.models import anchors, users
from desktop.models.anchor_check import check_chain
from desktop.models.db import BACKUP_DIRNAME, latest_backup, list_backups, quick_check
from desktop.models.errors import DatabaseDamaged, IsoDeskError
from desktop.models.unit import UnitProfile, get_profile, save_profile

from .context import (
    RESTORE_HINT, CliContext, CliError, add_json_flag, emit, fail_on, read_password_stdin,
)


def register(sub) -> None:
    p = sub.add_parser("init", help="khai báo đơn vị và tài khoản quản trị đầu tiên")
    p.add_argument("--unit-code", required=True,
                   help="mã đơn vị: 2–20 ký tự không dấu (chữ in hoa, chữ số, dấu gạch ngang), "
                        "ví dụ BHXHST")
    p.add_argument("--unit-name", required=True,
                   help="tên đơn vị, ví dụ: Bảo hiểm xã hội huyện Sông Trà")
    p.add_argument("--level", required=True, choices=["district", "province"],
                   help="cấp đơn vị: district (huyện) hoặc province (tỉnh)")
    p.add_argument("--parent-code", help="mã đơn vị cấp trên (BHXH tỉnh), nếu là cấp huyện")
    p.add_argument("--parent-name", help="tên đơn vị cấp trên")
    p.add_argument("--place", help="địa danh ghi ở dòng ngày tháng, ví dụ: Sông Trà")
    p.add_argument("--admin-user", required=True,
                   help="tên đăng nhập của tài khoản quản trị: 3–32 ký tự không dấu (chữ, số, "
                        "dấu chấm, gạch dưới, gạch ngang)")
    p.add_argument("--admin-name", required=True, help="họ và tên người quản trị")
    p.add_argument("--password-stdin", action="store_true", required=True,
                   help="đọc mật khẩu quản trị (ít nhất 8 ký tự) từ dòng đầu của đầu vào chuẩn "
                        "(stdin); bắt buộc")
    add_json_flag(p)
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("user", help="tài khoản người dùng")
    usub = p.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    a = usub.add_parser("add", help="thêm tài khoản")
    a.add_argument("username", help="tên đăng nhập: 3–32 ký tự không dấu (chữ, số, dấu chấm, "
                                    "gạch dưới, gạch ngang)")
    a.add_argument("--full-name", required=True, help="họ và tên đầy đủ")
    a.add_argument("--role", required=True, choices=list(users.ROLES),
                   help="vai trò: admin (quản trị), iso_team (Tổ triển khai ISO), consultant "
                        "(chuyên gia tư vấn), proctor (giám sát kiểm tra)")
    a.add_argument("--position", default="", help="chức vụ (không bắt buộc)")
    a.add_argument("--password-stdin", action="store_true", required=True,
                   help="đọc hai dòng của đầu vào chuẩn (stdin): dòng 1 là mật khẩu của --user "
                        "(người quản trị làm lệnh), dòng 2 là mật khẩu (ít nhất 8 ký tự) của tài "
                        "khoản mới; bắt buộc")
    add_json_flag(a)
    a.set_defaults(handler=cmd_user_add)
    ls = usub.add_parser("list", help="liệt kê tài khoản")
    add_json_flag(ls)
    ls.set_defaults(handler=cmd_user_list)

    p = sub.add_parser("db", help="kiểm tra và sao lưu tệp dữ liệu")
    dsub = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    c = dsub.add_parser("check", help="kiểm tra tệp dữ liệu, chuỗi nhật ký và các điểm mốc của "
                                      "nó (điểm mốc đã ký, bản sao lưu, gói đồng bộ)")
    add_json_flag(c)
    c.set_defaults(handler=cmd_db_check)
    b = dsub.add_parser("backup", help="tạo một bản sao lưu ngay")
    add_json_flag(b)
    b.set_defaults(handler=cmd_db_backup)
    r = dsub.add_parser("restore", help="khôi phục một bản sao lưu khi tệp dữ liệu mất, rỗng "
                                        "hoặc hỏng (tệp cũ được giữ lại bên cạnh)")
    r.add_argument("backup", nargs="?", type=Path,
                   help="tệp sao lưu (mặc định: bản còn tốt gần nhất trong thư mục backups)")
    r.add_argument("--user", required=True, metavar="NAME",
                   help="tài khoản quản trị có trong bản sao lưu được khôi phục")
    r.add_argument("--password-stdin", action="store_true", required=True,
                   help="đọc mật khẩu của --user từ dòng đầu của đầu vào chuẩn (stdin); bắt buộc")
    add_json_flag(r)
    r.set_defaults(handler=cmd_db_restore)

    p = sub.add_parser("demo", help="tạo dữ liệu mẫu (một huyện giả định) và mở chương trình")
    p.add_argument("--no-gui", action="store_true", help="chỉ tạo dữ liệu, không mở giao diện")
    p.add_argument("--reset", action="store_true", help="xóa dữ liệu mẫu cũ và tạo lại")
    add_json_flag(p)
    p.add_argument("--province", action="store_true",
                   help="mở BHXH tỉnh mẫu (nơi nhập gói đồng bộ của huyện mẫu) thay cho huyện")
    p.set_defaults(handler=cmd_demo)


def cmd_init(args, ctx: CliContext) -> int:
    from sync.keys import ensure_unit_keys   # (the other commands here never load crypto)

    password = read_password_stdin()
    store = ctx.store(require_unit=False, actor=f"cli:{args.admin_user}")
    if get_profile(store) is not None:
        raise CliError(f"Thư mục {ctx.resolve_data_dir()} đã được khai báo cho đơn vị "
                       f"{store.unit_code}. Không khởi tạo lại.")
    try:
        with store.atomic():
            profile = save_profile(store, UnitProfile(
                code=args.unit_code, name=args.unit_name, level=args.level,
                parent_code=args.parent_code, parent_name=args.parent_name, place=args.place))
            admin = users.create_user(store, args.admin_user, args.admin_name, "admin", password)
            ensure_unit_keys(store)
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    emit(ctx, {"unit_code": profile.code, "level": profile.level, "admin": admin.username,
               "data_dir": str(ctx.resolve_data_dir())},
         f"Đã khai báo {profile.name} ({profile.code}); quản trị: {admin.username}.")
    return 0


def cmd_user_add(args, ctx: CliContext) -> int:
    password = read_password_stdin()
    store = ctx.store()
    try:
        user = users.create_user(store, args.username, args.full_name, args.role, password,
                                 position=args.position)
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    emit(ctx, {"id": user.id, "username": user.username, "role": user.role},
         f"Đã thêm tài khoản {user.username} ({user.role_label}).")
    return 0


def cmd_user_list(args, ctx: CliContext) -> int:
    store = ctx.store()
    items = [{"username": u.username, "full_name": u.full_name, "role": u.role,
              "active": u.active} for u in users.list_users(store)]
    emit(ctx, {"users": items},
         "\n".join(f"{u['username']:16} {u['role']:11} {u['full_name']}" for u in items))
    return 0


def cmd_db_check(args, ctx: CliContext) -> int:
    from desktop.models.startcheck import missing_data, startup_check

    path = ctx.db_path
    missing = missing_data(path)
    if missing is not None:
        raise CliError(missing.message + (RESTORE_HINT if missing.backup else ""), payload={
            "ok": False, "integrity": missing.detail, "audit": None,
            "latest_backup": str(missing.backup) if missing.backup else None})
    if not path.exists():
        raise CliError(f"Không có tệp dữ liệu ở {path}.")
    try:
        startup_check(path)
    except DatabaseDamaged as exc:
        raise CliError(exc.message + (RESTORE_HINT if exc.backup else ""), payload={
            "ok": False, "integrity": exc.detail, "audit": None,
            "latest_backup": str(exc.backup) if exc.backup else None}) from exc
    problem = quick_check(path)
    if problem is not None:
        backup = latest_backup(path.parent / BACKUP_DIRNAME)
        raise CliError(f"Tệp dữ liệu bị hỏng: {problem}", payload={
            "ok": False, "integrity": problem, "audit": None,
            "latest_backup": str(backup) if backup else None})
    store = ctx.store(require_unit=False)
    report = check_chain(store)
    payload = {"ok": report.ok, "integrity": "ok", "audit": report.as_dict(),
               "backups": len(list_backups(store.backup_dir))}
    if not report.ok:
        raise CliError(report.message, payload=payload)
    payload["quiz_stat_sums"] = sums = _check_quiz_sums(ctx)
    text = f"Tệp dữ liệu: tốt. {report.message}"
    if sums["rebuilt"]:
        text += (f" Số liệu thống kê câu hỏi đã lưu không khớp với bài làm ở "
                 f"{len(sums['differed'])} buổi: đã tính lại từ bài làm.")
    emit(ctx, payload, text)
    return 0


def _check_quiz_sums(ctx: CliContext) -> dict:
    """The quiz statistics' kept sums against a full count of the answers; filled anew (as the
    program's own upkeep, with its audit entry) when they differ."""
    from desktop.models.quiz import stat_sums

    differed = stat_sums.differences(ctx.store(require_unit=False))
    if differed:
        with ctx.upkeep() as store:
            stat_sums.rebuild(store, reason="db check: " + ", ".join(differed[:20]))
    return {"ok": not differed, "differed": differed, "rebuilt": bool(differed)}


def cmd_db_backup(args, ctx: CliContext) -> int:
    store = ctx.store(require_unit=False)
    made = store.backup("manual")
    anchors.checkpoint(store, "manual")
    emit(ctx, {"backup": str(made)}, f"Đã sao lưu: {made}")
    return 0


def cmd_db_restore(args, ctx: CliContext) -> int:
    """Restore a backup in place of a missing, empty or damaged file, as an administrator of the
    backup restored (the data file itself may be gone)."""
    from desktop.models.datafile import restore_backup
    from desktop.models.users import check_backup_admin

    password = read_password_stdin()
    folder = ctx.resolve_data_dir()
    backup = Path(args.backup) if args.backup else latest_backup(folder / BACKUP_DIRNAME)
    if backup is None:
        raise CliError(f"Không có bản sao lưu nào còn tốt trong {folder / BACKUP_DIRNAME}.")
    try:
        check_backup_admin(backup, args.user, password)
        aside = restore_backup(ctx.db_path, backup)
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    kept = f" Tệp cũ được giữ lại: {aside.name}." if aside else ""
    emit(ctx, {"restored": str(backup), "damaged_file": str(aside) if aside else None},
         f"Đã khôi phục bản sao lưu {backup.name}.{kept}")
    return 0


def cmd_demo(args, ctx: CliContext) -> int:
    from desktop.demo import DEMO_PASSWORD, create_demo
    from desktop.demo.province import province_dir
    from desktop.paths import demo_data_dir

    data_dir = ctx.data_dir or demo_data_dir()
    opened = province_dir(data_dir) if args.province else data_dir
    who = "BHXH tỉnh mẫu" if args.province else "Dữ liệu mẫu"
    if args.no_gui:
        info = create_demo(data_dir, reset=args.reset)
        emit(ctx, {"data_dir": str(data_dir), **info},
             f"Dữ liệu mẫu ở {data_dir} (BHXH tỉnh mẫu ở {province_dir(data_dir)}). "
             f"Đăng nhập: admin / {DEMO_PASSWORD}")
        return 0
    from desktop.app import run_gui

    # Made behind the window's splash (its progress shown), not before anything is on screen.
    emit(ctx, {"data_dir": str(opened)},
         f"{who} ở {opened}. Đăng nhập: admin / {DEMO_PASSWORD}")
    return run_gui(opened, demo=True, prepare=lambda progress: create_demo(
        data_dir, reset=args.reset, progress=progress))
