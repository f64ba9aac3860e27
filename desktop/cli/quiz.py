"""`isodesk quiz …` (question bank, paper fallback, statistics, results, kiosk files) and
`isodesk training …` (see desktop.cli.training)."""
from __future__ import annotations

import sys
from pathlib import Path

from desktop.output.quiz.formats import (ENCODING_LABELS, FORMATS, export_bank,
                                            read_questions)
from desktop.models.db import shown_time
from desktop.models.errors import IsoDeskError
from desktop.models.quiz import bank, bank_io, coverage, paper_entry, results, stats, wording
from desktop.models.quiz.common import find_session_id
from desktop.models.quiz.kinds import KIND_LABELS_VI

from . import quiz_serve, training
from .context import CliContext, CliError, add_json_flag, emit, fail_on
from .imports import add_import_flags, finish
from .quiz_store import bank_store


def register(sub) -> None:
    training.register(sub)
    p = sub.add_parser("quiz", help="ngân hàng câu hỏi, đề giấy, kết quả, thống kê")
    q = p.add_subparsers(dest="quiz_command", metavar="ACTION", required=True)

    i = q.add_parser("import", help="nhập câu hỏi từ GIFT, Aiken, Moodle XML hoặc Excel")
    i.add_argument("file", type=Path,
                   help="tệp câu hỏi (tối đa 20 MB): .gift hoặc .txt (GIFT), .aiken, .xml (Moodle "
                        "XML), .xlsx (Excel), .json (ngân hàng ISO Desk)")
    i.add_argument("--format", choices=FORMATS,
                   help="định dạng của tệp (mặc định: theo phần mở rộng, nếu không rõ thì "
                        "theo nội dung)")
    add_import_flags(i, unit="câu")
    i.add_argument("--topic", help="chủ đề cho các câu không ghi chủ đề")
    add_json_flag(i)
    i.set_defaults(handler=cmd_import)

    e = q.add_parser("export", help="xuất ngân hàng câu hỏi (định dạng theo phần mở rộng)")
    e.add_argument("file", type=Path,
                   help="tệp cần tạo: .gift hoặc .txt (GIFT), .aiken, .xml (Moodle XML), .xlsx "
                        "(Excel), .json (ngân hàng ISO Desk)")
    e.add_argument("--format", choices=FORMATS,
                   help="định dạng xuất: gift, aiken, moodle-xml, xlsx hoặc isodesk-json (mặc "
                        "định: theo phần mở rộng)")
    e.add_argument("--topic", help="chỉ các câu của chủ đề có mã này")
    e.add_argument("--include-retired", action="store_true",
                   help="xuất cả các câu hỏi đã ngừng dùng")
    add_json_flag(e)
    e.set_defaults(handler=cmd_export)

    t = q.add_parser("template", help="lưu tệp Excel mẫu để soạn câu hỏi")
    t.add_argument("file", type=Path, help="tệp Excel (.xlsx) mẫu cần tạo")
    add_json_flag(t)
    t.set_defaults(handler=cmd_template)

    b = q.add_parser("bank", help="liệt kê ngân hàng câu hỏi")
    b.add_argument("--topic", help="chỉ các câu của chủ đề có mã này")
    b.add_argument("--search", default="",
                   help="tìm theo nội dung, mã câu, điều khoản, chủ đề, phương án (không cần dấu)")
    b.add_argument("--include-retired", action="store_true",
                   help="liệt kê cả các câu hỏi đã ngừng dùng")
    add_json_flag(b)
    b.set_defaults(handler=cmd_bank)

    d = q.add_parser("load-default", help="thêm các câu của ngân hàng mặc định còn thiếu")
    add_json_flag(d)
    d.set_defaults(handler=cmd_load_default)

    pp = q.add_parser("paper", help="in các mã đề giấy (khi không đủ máy)")
    pp.add_argument("--session", required=True, help=training.SESSION_HELP)
    pp.add_argument("--variants", type=int, required=True,
                    help="số mã đề, 1–26 (A, B, …; mã đề đã in trước đây được giữ nguyên)")
    pp.add_argument("--out", type=Path, required=True, metavar="F.pdf",
                    help="tệp PDF các mã đề cần tạo")
    pp.add_argument("--key-out", type=Path, help="tệp PDF đáp án (giữ riêng)")
    add_json_flag(pp)
    pp.set_defaults(handler=cmd_paper)

    ea = q.add_parser("enter-answers", help="nhập bài làm trên giấy từ tệp CSV")
    ea.add_argument("--session", required=True, help=training.SESSION_HELP)
    ea.add_argument("--file", type=Path, required=True, metavar="F.csv",
                    help="tệp CSV ba cột staff_code, variant, answers (mã cán bộ, mã đề, mỗi câu "
                         "một chữ cái theo thứ tự in, ví dụ ABDC)")
    ea.add_argument("--dry-run", action="store_true",
                    help="chỉ kiểm tra và xem trước, không ghi gì")
    ea.add_argument("--accept-good", action="store_true",
                    help="tệp có dòng lỗi: vẫn nhập và chấm các dòng tốt")
    add_json_flag(ea)
    ea.set_defaults(handler=cmd_enter_answers)

    s = q.add_parser("stats", help="phân tích câu hỏi (một buổi, hoặc mọi buổi)")
    s.add_argument("--session", help=training.SESSION_HELP + " (mặc định: mọi buổi)")
    add_json_flag(s)
    s.set_defaults(handler=cmd_stats)

    r = q.add_parser("results", help="kết quả một buổi; xuất PDF, Excel, phiếu kết quả")
    r.add_argument("--session", required=True, help=training.SESSION_HELP)
    r.add_argument("--pdf", type=Path, metavar="F.pdf", help="lưu bảng kết quả ra tệp PDF")
    r.add_argument("--xlsx", type=Path, metavar="F.xlsx",
                   help="lưu bảng kết quả ra tệp Excel (.xlsx)")
    r.add_argument("--slips", type=Path, metavar="F.pdf",
                   help="lưu phiếu kết quả của từng người ra tệp PDF")
    add_json_flag(r)
    r.set_defaults(handler=cmd_results)

    c = q.add_parser("coverage", help="ai trong danh sách cán bộ chưa đạt bài kiểm tra nào")
    c.add_argument("--year", type=int, metavar="YYYY",
                   help="chỉ tính các buổi tập huấn trong năm này")
    add_json_flag(c)
    c.set_defaults(handler=cmd_coverage)

    ks = q.add_parser("kiosk-setup", help="tệp chuẩn bị một máy kiểm tra (máy chính)")
    ks.add_argument("--session", required=True, help=training.SESSION_HELP)
    ks.add_argument("--out", type=Path, required=True, metavar="F.isokiosk",
                    help="tệp chuẩn bị cần tạo (.isokiosk); buổi phải có mã PIN giám sát")
    ks.add_argument("--label", default="Máy kiểm tra",
                    help="tên của máy kiểm tra (mặc định: Máy kiểm tra)")
    add_json_flag(ks)
    ks.set_defaults(handler=cmd_kiosk_setup)

    ki = q.add_parser("kiosk-open", help="mở tệp chuẩn bị trên máy kiểm tra")
    ki.add_argument("file", type=Path, help="tệp chuẩn bị (.isokiosk) tạo trên máy chính")
    add_json_flag(ki)
    ki.set_defaults(handler=cmd_kiosk_open)

    rx = q.add_parser("results-export", help="xuất tệp kết quả có chữ ký (máy kiểm tra)")
    rx.add_argument("--session", required=True, help=training.SESSION_HELP)
    rx.add_argument("--out", type=Path, required=True, metavar="F.isoresults",
                    help="tệp kết quả cần tạo (.isoresults)")
    add_json_flag(rx)
    rx.set_defaults(handler=cmd_results_export)

    ri = q.add_parser("results-import", help="nhập tệp kết quả của máy kiểm tra (máy chính)")
    ri.add_argument("file", type=Path, help="tệp kết quả (.isoresults) xuất từ máy kiểm tra")
    add_json_flag(ri)
    ri.set_defaults(handler=cmd_results_import)

    quiz_serve.register(q)


def _session_id(ctx: CliContext, ref: str) -> str:
    try:
        return find_session_id(ctx.store(), ref)
    except IsoDeskError as exc:
        raise fail_on(exc) from exc


def _topic(store, code: str | None) -> str | None:
    if not code:
        return None
    topic = bank.topic_by_code(store, code)
    if topic is None:
        raise CliError(f"Không có chủ đề mã {code}. Xem các chủ đề bằng `isodesk quiz bank`.")
    return topic.code


def _notes(lines: list[str]) -> None:
    for line in lines:
        sys.stderr.write(f"isodesk: {line}\n")


# --- the bank ------------------------------------------------------------------------------

def _preview(text: str, width: int = 70) -> str:
    """One line of a question's text: line breaks shown as \\n, cut at `width`."""
    one = text.replace("\\", "\\\\").replace("\n", "\\n")
    return one if len(one) <= width else one[:width - 1] + "…"


def cmd_import(args, ctx: CliContext) -> int:
    store = ctx.store()
    try:
        parsed = read_questions(args.file, args.format)
        plan = bank_io.plan_import(store, parsed, topic=args.topic)
        if args.dry_run:
            summary = plan.summary(len(plan.items), dry_run=True)
        else:
            summary = bank_io.apply_import(store, plan, accept_good=args.accept_good)
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    payload = {k: v for k, v in summary.items() if k != "refused"}
    _notes([f"bỏ qua dòng {s['line']}: {s['message']}" for s in summary["skipped"]])
    head = (f"Tệp {args.file.name}: {FORMAT_NAME.get(plan.format, plan.format)}, mã "
            f"{ENCODING_LABELS.get(plan.encoding, plan.encoding)}.")
    lines = [head] + [f"  {w}" for w in plan.warnings]
    if args.dry_run:
        lines.append(f"Xem trước: {len(plan.items)} câu nhập được, {len(plan.rejected)} câu lỗi, "
                     f"{len(plan.skipped)} câu bỏ qua (đã có trong ngân hàng hoặc lặp lại trong "
                     "tệp).")
        for i in summary["items"]:
            pictures = f" [{len(i['pictures'])} hình]" if i["pictures"] else ""
            lines.append(f"  dòng {i['line']}: [{i['topic']}] ({KIND_LABELS_VI[i['kind']]})"
                         f"{pictures} {_preview(i['text'])}")
            lines += [f"      bỏ ra: {x}" for x in i["left_out"]]
        if plan.new_topics:
            lines.append("  Chủ đề mới: " + ", ".join(f"{c} ({n})" for c, n in
                                                     plan.new_topics.items()))
    elif not summary.get("refused"):
        lines.append(f"Đã nhập {summary['imported']} câu.")
        left = [(i["line"], x) for i in summary["items"] for x in i["left_out"]]
        lines += [f"  dòng {n}: bỏ ra {x}" for n, x in left]
    problems = [f"  Dòng {r['line']}: {r['message']}" for r in summary["rejected"]]
    return finish(ctx, good=len(plan.items), bad=len(plan.rejected), unit="câu",
                  dry_run=args.dry_run, accept_good=args.accept_good, payload=payload,
                  lines=lines, problems=problems)


FORMAT_NAME = {"gift": "GIFT", "aiken": "Aiken", "moodle-xml": "Moodle XML", "xlsx": "Excel",
               "isodesk-json": "ngân hàng ISO Desk"}


def cmd_export(args, ctx: CliContext) -> int:
    store = bank_store(ctx)
    try:
        result = export_bank(store, args.file, fmt=args.format, topic=_topic(store, args.topic),
                             include_retired=args.include_retired)
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    _notes([f"không xuất {s['key']}: {s['message']}" for s in result["skipped"]])
    emit(ctx, result, f"Đã xuất {result['written']} câu hỏi ra {args.file}.")
    return 0


def cmd_template(args, ctx: CliContext) -> int:
    store = bank_store(ctx)
    topics = {t.code: t.name for t in bank.list_topics(store)}
    try:
        from desktop.output.quiz.formats.xlsx import write_template

        path = write_template(args.file, topics)
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    emit(ctx, {"file": str(path)}, f"Đã lưu tệp mẫu: {path}")
    return 0


def cmd_bank(args, ctx: CliContext) -> int:
    store = bank_store(ctx)
    names = wording.level_names(store)
    items = [q.shown(names) for q in bank.list_questions(
        store, query=args.search, topic=_topic(store, args.topic),
        include_retired=args.include_retired)]
    payload = {"questions": [{"id": q.id, "key": q.key, "topic": q.topic_code, "text": q.text,
                              "options": q.options, "correct": q.correct,
                              "explanation": q.explanation, "historical": q.historical}
                             for q in items]}
    emit(ctx, payload, "\n".join(f"{q.key:10} [{q.topic_code}]{' (lịch sử)' if q.historical else ''}"
                                 f" {q.text[:80]}" for q in items)
         or "Ngân hàng chưa có câu hỏi nào.")
    return 0


def cmd_load_default(args, ctx: CliContext) -> int:
    store = ctx.store()
    try:
        result = bank_io.load_bank_file(store)
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    updated = f"; cập nhật nội dung {len(result['updated'])} câu theo bản mới" \
        if result.get("updated") else ""
    emit(ctx, result, f"Đã thêm {result['questions']} câu hỏi, {result['topics']} chủ đề "
                      f"({result['skipped']} câu đã có{updated}).")
    return 0


# --- paper fallback ------------------------------------------------------------------------

def cmd_paper(args, ctx: CliContext) -> int:
    sid = _session_id(ctx, args.session)
    try:
        from desktop.output.quiz import reports as quiz_reports  # the PDF and Excel writers, when used

        out = quiz_reports.variants_pdf(ctx.store(), sid, args.variants, args.out,
                                        key_path=args.key_out)
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    payload = {"variants": [{"code": v["code"], "questions": v["questions"]}
                            for v in out["variants"]]}
    emit(ctx, payload, f"Đã in {len(payload['variants'])} mã đề ({out['pages']} trang) ra "
                       f"{args.out}." + (f" Đáp án: {args.key_out}." if args.key_out else ""))
    return 0


def cmd_enter_answers(args, ctx: CliContext) -> int:
    sid = _session_id(ctx, args.session)
    store = ctx.store()
    try:
        from desktop.output.quiz.formats.answers_csv import read_answers

        rows, problems = read_answers(args.file)
        plan = paper_entry.plan_entries(store, sid, rows)
        plan.rejected = sorted(problems + plan.rejected, key=lambda r: r["line"])
        if args.dry_run:
            result = {"entered": 0, "rejected": plan.rejected, "results": [],
                      "refused": bool(plan.rejected)}
        else:
            result = paper_entry.apply_entries(store, sid, plan, accept_good=args.accept_good)
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    payload = {"entered": result["entered"], "rejected": result["rejected"],
               "results": [{"staff_code": r["staff_code"], "variant": r["variant"],
                            "score": r["score"], "max_score": r["max_score"],
                            "percent": r["percent"], "passed": r["passed"]}
                           for r in result["results"]]}
    lines = []
    if args.dry_run:
        lines.append(f"Xem trước: {len(plan.entries)} bài nhập được, {len(plan.rejected)} dòng lỗi.")
    elif result["refused"]:
        lines.append(f"Tệp có {len(plan.rejected)} dòng lỗi: KHÔNG nhập bài nào. Sửa rồi nhập lại, "
                     "hoặc thêm --accept-good để nhập các dòng tốt.")
    else:
        lines.append(f"Đã nhập và chấm {result['entered']} bài.")
        lines += [f"  {r['staff_code']:8} mã đề {r['variant']}: {r['score']}/{r['max_score']} "
                  f"{'Đạt' if r['passed'] else 'Chưa đạt'}" for r in result["results"]]
    lines += [f"  Dòng {r['line']}: {r['message']}" for r in result["rejected"]]
    if result["refused"] and not args.dry_run:
        raise CliError("\n".join(lines), payload=payload)
    emit(ctx, payload, "\n".join(lines))
    return 0


# --- statistics, results, coverage -----------------------------------------------------------

def cmd_stats(args, ctx: CliContext) -> int:
    store = ctx.store()
    sid = _session_id(ctx, args.session) if args.session else None
    t = stats.item_analysis(store, session_id=sid)
    d = t.as_dict()
    payload = {"attempts": d["attempts"], "mean": d["mean"], "sd": d["sd"], "kr20": d["kr20"],
               "sem": d["sem"],
               "items": [{k: i[k] for k in ("question_id", "facility", "discrimination_index",
                                            "discriminative_efficiency", "option_counts", "flags")}
                         for i in d["items"]]}

    def f(v, digits=2):
        return "—" if v is None else f"{v:.{digits}f}"

    lines = [f"Bài làm lần đầu: {t.attempts}; điểm trung bình {f(t.mean)}; độ lệch chuẩn "
             f"{f(t.sd)}; KR-20 {f(t.kr20)}; sai số chuẩn {f(t.sem)}."]
    lines += [f"  {i.key:10} dễ {f(i.facility)}  phân biệt {f(i.discrimination_index)}  hiệu quả "
              f"{f(i.discriminative_efficiency)}  {', '.join(stats.FLAG_VI[x] for x in i.flags)}"
              for i in t.items]
    emit(ctx, payload, "\n".join(lines))
    return 0


def cmd_results(args, ctx: CliContext) -> int:
    sid = _session_id(ctx, args.session)
    store = ctx.store()
    rows = results.session_results(store, sid)
    payload = {"session_id": sid, "summary": results.session_summary(rows),
               "people": [r.as_dict() for r in rows], "files": {}}
    from desktop.output.quiz import reports as quiz_reports

    try:
        if args.pdf:
            payload["files"]["pdf"] = quiz_reports.results_pdf(store, sid, args.pdf)["file"]
        if args.xlsx:
            payload["files"]["xlsx"] = quiz_reports.results_xlsx(store, sid, args.xlsx)["file"]
        if args.slips:
            payload["files"]["slips"] = quiz_reports.slips_pdf(store, sid, args.slips)["file"]
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    lines = [f"{r.staff_code:8} {r.full_name:28} {results.STATUS_VI[r.status]:14} "
             + (f"{r.score}/{r.max_score} {'Đạt' if r.passed else 'Chưa đạt'}"
                if r.passed is not None else "") for r in rows]
    lines += [f"Đã lưu {p}" for p in payload["files"].values()]
    emit(ctx, payload, "\n".join(lines))
    return 0


def cmd_coverage(args, ctx: CliContext) -> int:
    store = ctx.store()
    figures = coverage.training_coverage(store, unit_code=store.unit_code, year=args.year)
    lines = [f"Cán bộ đang làm việc: {figures['active_staff']}"
             + (f", trong đó {figures['exempt']} không thuộc diện kiểm tra"
                if figures["exempt"] else "")
             + f"; thuộc diện kiểm tra: {figures['subject_staff']}; đã dự tập huấn: "
             f"{figures['trained']}; đã kiểm tra: {figures['tested']}; đã đạt: {figures['passed']}.",
             f"Chưa đạt bài kiểm tra nào ({len(figures['not_passed'])}):"]
    lines += [f"  {p['staff_code']:8} {p['full_name']:28} {p['department']}"
              for p in figures["not_passed"]]
    if figures["exempt_list"]:
        lines.append(f"Không thuộc diện kiểm tra ({len(figures['exempt_list'])}):")
        lines += [f"  {p['staff_code']:8} {p['full_name']:28} {p['reason']}"
                  for p in figures["exempt_list"]]
    emit(ctx, figures, "\n".join(lines))
    return 0


# --- several kiosk PCs ---------------------------------------------------------------------------

def cmd_kiosk_setup(args, ctx: CliContext) -> int:
    sid = _session_id(ctx, args.session)
    from desktop.models.quiz import kiosk_files  # signing keys: loaded when used

    try:
        out = kiosk_files.export_setup(ctx.store(), sid, args.out, label=args.label)
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    emit(ctx, out, f"Đã lưu tệp chuẩn bị cho \"{out['label']}\": {args.out} (dấu khóa "
                   f"{out['fingerprint']}).")
    return 0


def cmd_kiosk_open(args, ctx: CliContext) -> int:
    from desktop.models.quiz import kiosk_files  # signing keys: loaded when used

    try:
        out = kiosk_files.import_setup(ctx.store(), args.file)
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    emit(ctx, out, f"Máy này đã sẵn sàng làm \"{out['label']}\" cho buổi {out['session_id']}.")
    return 0


def cmd_results_export(args, ctx: CliContext) -> int:
    sid = _session_id(ctx, args.session)
    from desktop.models.quiz import kiosk_files  # signing keys: loaded when used

    try:
        out = kiosk_files.export_results(ctx.store(), sid, args.out)
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    emit(ctx, out, f"Đã xuất {out['attempts']} bài làm ra {args.out}.")
    return 0


def cmd_results_import(args, ctx: CliContext) -> int:
    from desktop.models.quiz import kiosk_files  # signing keys: loaded when used

    try:
        out = kiosk_files.import_results(ctx.store(), args.file)
    except IsoDeskError as exc:
        raise fail_on(exc) from exc
    _notes(out.get("warnings") or [])
    who = out.get("kiosk_label") or "máy kiểm tra"
    if out["already_imported"]:
        text = (f"Tệp này (của {who}) đã được nhập lúc {shown_time(out['imported_at'])}: không "
                "nhập thêm gì.")
    elif not out["merged"]:
        text = (f"Không có gì mới để nhập: {out['attempts_duplicate']} bài làm trong tệp của "
                f"{who} đã có ở máy này; không nhập thêm gì.")
    else:
        text = (f"{who}: đã nhập {out['attempts_new']} bài mới, cập nhật "
                f"{out['attempts_updated']}, bỏ qua {out['attempts_duplicate']} bài đã có.")
    emit(ctx, out, text)
    return 0
