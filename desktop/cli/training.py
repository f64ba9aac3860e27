"""`isodesk training …`: sessions, attendance, the proctor's PIN, retakes.

Registered by `desktop.cli.quiz` (one entry in COMMAND_MODULES for the whole quiz area).
"""
from __future__ import annotations

import sys

from desktop.models.errors import IsoDeskError
from desktop.models.quiz import results, sessions
from desktop.models.quiz.common import find_session_id
from desktop.models.staff import StaffRepository

from .context import CliContext, CliError, add_json_flag, emit, fail_on, read_password_stdin
from .quiz_store import bank_store

SESSION_HELP = "mã buổi tập huấn (đủ mã, hoặc ít nhất 6 ký tự đầu)"


def register(sub) -> None:
    p = sub.add_parser("training", help="buổi tập huấn nhận thức ISO và danh sách dự")
    t = p.add_subparsers(dest="training_command", metavar="ACTION", required=True)

    c = t.add_parser("create", help="tạo buổi tập huấn (mặc định: mọi cán bộ đang làm việc dự)")
    c.add_argument("--date", required=True, help="ngày, dd/mm/yyyy hoặc yyyy-mm-dd")
    c.add_argument("--place", required=True,
                   help="địa điểm tập huấn, ví dụ: Hội trường BHXH huyện")
    c.add_argument("--title", default="",
                   help="tên buổi (mặc định: Tập huấn nhận thức ISO 9001:2015 ngày …)")
    c.add_argument("--start", default="", help="giờ bắt đầu, ví dụ 07:30")
    c.add_argument("--end", default="", help="giờ kết thúc, ví dụ 11:30")
    c.add_argument("--consultant", default="", help="họ tên chuyên gia tư vấn (người giảng)")
    c.add_argument("--consultant-org", default="", help="đơn vị tư vấn")
    c.add_argument("--iso-rep", default="", help="đại diện Tổ triển khai ISO (ký danh sách)")
    c.add_argument("--questions", type=int, default=sessions.DEFAULT_SETTINGS["questions"],
                   help="số câu hỏi của đề, 1–200 (mặc định "
                        f"{sessions.DEFAULT_SETTINGS['questions']})")
    c.add_argument("--pass-mark", type=float, default=sessions.DEFAULT_SETTINGS["pass_mark"],
                   help="tỷ lệ phần trăm số câu đúng để đạt")
    c.add_argument("--time-limit", type=int, default=0, help="phút; 0 = không giới hạn")
    c.add_argument("--attempts", type=int, default=1, help="số lần làm bài được phép")
    c.add_argument("--blueprint", default="", help="số câu theo chủ đề, ví dụ NT=8,PDCA=6")
    c.add_argument("--no-shuffle", action="store_true", help="không xáo câu hỏi và phương án")
    c.add_argument("--include-historical", action="store_true",
                   help="ra đề cả các câu hỏi mang tính lịch sử (về kế hoạch chuyển đổi năm "
                        "2020), mặc định không")
    c.add_argument("--feedback", choices=list(sessions.FEEDBACK), default="answers",
                   help="hiện gì sau khi nộp bài: score (chỉ điểm) hoặc answers (điểm, đáp án "
                        "đúng và giải thích; mặc định)")
    c.add_argument("--attendance", default="all",
                   help="all (mặc định), none, hoặc các mã cán bộ cách nhau bởi dấu phẩy")
    c.add_argument("--parts", default="dvd,guidance,test",
                   help="các phần đã làm: dvd, guidance, test")
    add_json_flag(c)
    c.set_defaults(handler=cmd_create)

    ls = t.add_parser("list", help="liệt kê các buổi tập huấn")
    ls.add_argument("--year", type=int, metavar="YYYY", help="chỉ các buổi trong năm này")
    add_json_flag(ls)
    ls.set_defaults(handler=cmd_list)

    sh = t.add_parser("show", help="một buổi: thông tin, danh sách dự và kết quả")
    sh.add_argument("session", help=SESSION_HELP)
    add_json_flag(sh)
    sh.set_defaults(handler=cmd_show)

    a = t.add_parser("attend", help="thêm (hoặc bớt) người trong danh sách dự")
    a.add_argument("--session", required=True, help=SESSION_HELP)
    a.add_argument("--staff", required=True, help="các mã cán bộ, cách nhau bởi dấu phẩy")
    a.add_argument("--remove", action="store_true",
                   help="bớt những người này khỏi danh sách dự (thay vì thêm)")
    add_json_flag(a)
    a.set_defaults(handler=cmd_attend)

    pin = t.add_parser("set-pin", help="đặt mã PIN giám sát của buổi (đọc từ stdin)")
    pin.add_argument("--session", required=True, help=SESSION_HELP)
    pin.add_argument("--pin-stdin", action="store_true", required=True,
                     help="đọc mã PIN (4–8 chữ số) từ đầu vào chuẩn (stdin), ở dòng sau mật "
                          "khẩu của --user; bắt buộc")
    add_json_flag(pin)
    pin.set_defaults(handler=cmd_set_pin)

    r = t.add_parser("retake", help="cho một người làm bài thêm một lần")
    r.add_argument("--session", required=True, help=SESSION_HELP)
    r.add_argument("--staff", required=True, help="mã cán bộ (một người)")
    add_json_flag(r)
    r.set_defaults(handler=cmd_retake)

    for name, status, text in (("close", "closed", "đóng buổi (không làm bài thêm được)"),
                               ("reopen", "open", "mở lại buổi đã đóng")):
        x = t.add_parser(name, help=text)
        x.add_argument("--session", required=True, help=SESSION_HELP)
        add_json_flag(x)
        x.set_defaults(handler=cmd_status, status=status)


def _session(ctx: CliContext, ref: str):
    store = ctx.store()
    try:
        return store, sessions.get_session(store, find_session_id(store, ref))
    except IsoDeskError as exc:
        raise fail_on(exc) from exc


def _staff_ids(store, codes: str) -> list[str]:
    repo = StaffRepository(store)
    out = []
    for code in [c.strip() for c in codes.split(",") if c.strip()]:
        person = repo.by_code(code)
        if person is None:
            raise CliError(f"Không có cán bộ mã {code} trong danh sách.")
        out.append(person.id)
    return out


def _blueprint(text: str) -> dict[str, int]:
    out = {}
    for part in [p.strip() for p in text.split(",") if p.strip()]:
        code, _, n = part.partition("=")
        if not n.strip().isdigit():
            raise CliError(f"Cơ cấu đề \"{part}\" không đúng dạng MÃ=SỐ, ví dụ NT=8.", 2)
        out[code.strip()] = int(n)
    return out


def cmd_create(args, ctx: CliContext) -> int:
    store = bank_store(ctx)
    parts = {p.strip() for p in args.parts.split(",")}
    values = {
        "title": args.title, "date": args.date, "place": args.place, "start_time": args.start,
        "end_time": args.end, "consultant": args.consultant,
        "consultant_org": args.consultant_org, "iso_representative": args.iso_rep,
        "part_dvd": "dvd" in parts, "part_guidance": "guidance" in parts,
        "part_test": "test" in parts,
        "settings": {"questions": args.questions, "pass_mark": args.pass_mark,
                     "time_limit_min": args.time_limit or None,
                     "attempts_allowed": args.attempts, "blueprint": _blueprint(args.blueprint),
                     "shuffle_questions": not args.no_shuffle,
                     "shuffle_options": not args.no_shuffle, "feedback": args.feedback,
                     "include_historical": args.include_historical},
    }
    if args.attendance == "all":
        ids = [p.id for p in StaffRepository(store).list(include_inactive=False)]
    elif args.attendance == "none":
        ids = []
    else:
        ids = _staff_ids(store, args.attendance)
    try:
        session = sessions.create_session(store, values, staff_ids=ids)
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    for warning in sessions.warnings(store, session):
        sys.stderr.write(f"isodesk: lưu ý: {warning}\n")
    emit(ctx, {"session_id": session.id},
         f"Đã tạo buổi tập huấn {session.id} ({len(ids)} người dự).")
    return 0


def cmd_list(args, ctx: CliContext) -> int:
    store = ctx.store()
    items = []
    for s in sessions.list_sessions(store, year=args.year):
        summary = results.session_summary(results.session_results(store, s.id))
        items.append({"session_id": s.id, "date": s.date, "title": s.display_title,
                      "place": s.place, "status": s.status, "listed": summary["listed"],
                      "tested": summary["submitted"], "passed": summary["passed"]})
    emit(ctx, {"sessions": items}, "\n".join(
        f"{i['session_id'][:8]}  {i['date']}  {i['tested']}/{i['listed']} đã kiểm tra, "
        f"{i['passed']} đạt  {i['title']}" for i in items) or "Chưa có buổi tập huấn nào.")
    return 0


def cmd_show(args, ctx: CliContext) -> int:
    store, session = _session(ctx, args.session)
    rows = results.session_results(store, session.id)
    payload = {**session.as_public(), "warnings": sessions.warnings(store, session),
               "summary": results.session_summary(rows),
               "people": [r.as_dict() for r in rows]}
    lines = [f"{session.display_title} — {session.place}"]
    lines += [f"  {r.staff_code:8} {r.full_name:28} {results.STATUS_VI[r.status]:14} "
              + (f"{r.score}/{r.max_score} {'Đạt' if r.passed else 'Chưa đạt'}"
                 if r.passed is not None else "") for r in rows]
    emit(ctx, payload, "\n".join(lines))
    return 0


def cmd_attend(args, ctx: CliContext) -> int:
    store, session = _session(ctx, args.session)
    ids = _staff_ids(store, args.staff)
    try:
        current = {r["staff_id"] for r in sessions.attendance(store, session.id)}
        wanted = (current - set(ids)) if args.remove else (current | set(ids))
        result = sessions.set_attendance(store, session.id, sorted(wanted))
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    emit(ctx, result, f"Thêm {result['added']}, bớt {result['removed']} người.")
    return 0


def cmd_set_pin(args, ctx: CliContext) -> int:
    pin = read_password_stdin()
    store, session = _session(ctx, args.session)
    try:
        sessions.set_pin(store, session.id, pin)
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    emit(ctx, {"session_id": session.id, "pin_set": True}, "Đã đặt mã PIN giám sát.")
    return 0


def cmd_retake(args, ctx: CliContext) -> int:
    store, session = _session(ctx, args.session)
    ids = _staff_ids(store, args.staff)
    if len(ids) != 1:
        raise CliError("Cho làm thêm từng người một: --staff nhận đúng một mã cán bộ "
                       f"(đã nhận {len(ids)}).", code=2)
    [staff_id] = ids
    try:
        row = sessions.grant_retake(store, session.id, staff_id)
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    emit(ctx, {"session_id": session.id, "staff_code": args.staff.upper(),
               "retakes_granted": row["retakes_granted"]},
         f"Đã cho {args.staff} làm thêm một lần.")
    return 0


def cmd_status(args, ctx: CliContext) -> int:
    store, session = _session(ctx, args.session)
    session = sessions.set_status(store, session.id, args.status)
    emit(ctx, {"session_id": session.id, "status": session.status},
         "Đã đóng buổi tập huấn." if session.status == "closed" else "Đã mở lại buổi tập huấn.")
    return 0
