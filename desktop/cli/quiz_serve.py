"""`isodesk quiz serve`: the awareness test in browsers over the office network, without the
window (for a PC left serving, or for scripts). Runs until Ctrl+C or until the session closes."""
from __future__ import annotations

import sys

from desktop.models.errors import IsoDeskError
from desktop.models.quiz import web
from desktop.models.quiz.common import find_session_id

from .context import CliContext, CliError, add_json_flag, emit, fail_on, notice
from .training import SESSION_HELP



def register(q) -> None:
    from desktop.web.server import DEFAULT_PORT

    s = q.add_parser("serve", help="cho làm bài kiểm tra bằng trình duyệt qua mạng nội bộ")
    s.add_argument("--session", required=True, help=SESSION_HELP)
    s.add_argument("--host", default="0.0.0.0",
                   help="địa chỉ nghe (mặc định 0.0.0.0: mọi mạng của máy; 127.0.0.1: chỉ máy này)")
    s.add_argument("--port", type=int, default=DEFAULT_PORT,
                   help=f"cổng (mặc định {DEFAULT_PORT}; trên 1024 không cần quyền quản trị; "
                        "0: một cổng còn trống)")
    s.add_argument("--admit-listed", action="store_true",
                   help="cho mọi người có tên trong danh sách dự vào ngay, không chờ giám sát")
    add_json_flag(s)
    s.set_defaults(handler=cmd_serve)


def cmd_serve(args, ctx: CliContext) -> int:
    from desktop.web.quiz_app import QuizWebApp
    from desktop.web.server import FIREWALL_HELP, Running, join_url, lan_addresses, wait_closed

    if not 0 <= args.port <= 65535:
        raise CliError("Cổng từ 1 đến 65535 (0: một cổng còn trống).", 2)
    store = ctx.store()
    try:
        session_id = find_session_id(store, args.session)
        app = QuizWebApp(store, session_id)
        if args.admit_listed:
            web.set_auto_admit(store, session_id, True)
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    try:
        running = Running(app, args.host, args.port)
    except OSError as exc:
        raise CliError(f"Không mở được cổng {args.port} trên {args.host} ({exc.strerror or exc})."
                       " Hãy chọn cổng khác (--port) hoặc đóng chương trình đang dùng cổng này.")
    hosts = [args.host] if args.host not in ("0.0.0.0", "") else (lan_addresses() or
                                                                  ["127.0.0.1"])
    urls = [join_url(h, running.port) for h in hosts]
    emit(ctx, {"session_id": session_id, "host": args.host, "port": running.port, "urls": urls},
         "Mở trên điện thoại hoặc máy tính trong mạng nội bộ:\n  " + "\n  ".join(urls)
         + "\nNhấn Ctrl+C để dừng.")
    if sys.platform == "win32":
        notice(FIREWALL_HELP)
    try:
        wait_closed(running)
        if app.closed:
            notice("Buổi tập huấn đã đóng: ngừng phục vụ bài kiểm tra.")
    except KeyboardInterrupt:
        notice("Đã dừng phục vụ bài kiểm tra qua mạng.")
    finally:
        running.stop()
    return 0
