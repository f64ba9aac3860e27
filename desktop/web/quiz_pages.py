"""The browser quiz's pages, server-rendered HTML in Vietnamese: find your name, "Is this you?",
wait for the proctor, one question per page, the review, the last check, the result. They show
the same `taking` views as the kiosk's screens (`desktop/views/quiz/kiosk/screens.py`).

Nothing outside the server: one style sheet and one small script (`resources/web/`), no font or
picture from elsewhere; the Content-Security-Policy allows nothing else. Every form works
without the script (a post, then the page again); the script only saves answers in the
background, retries while the connection is lost, and keeps the clock and the waiting page
current. Text is escaped everywhere it is put into the page.
"""
from __future__ import annotations

from html import escape

from desktop.models.quiz import taking

PAGE_TITLE = "Kiểm tra nhận thức ISO 9001:2015"


def e(text) -> str:
    return escape(str(text), quote=True)


def page(title: str, body: str, *, csrf: str = "", refresh: int | None = None,
         screen: str = "") -> str:
    head_refresh = f'<meta http-equiv="refresh" content="{refresh}">' if refresh else ""
    return (
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"{head_refresh}<title>{e(title)}</title>"
        "<link rel=\"stylesheet\" href=\"/static/quiz.css\"></head>"
        f"<body data-screen=\"{e(screen)}\" data-csrf=\"{e(csrf)}\"><main>{body}</main>"
        "<script src=\"/static/quiz.js\"></script></body></html>")


def _form(action: str, csrf: str, inner: str, *, cls: str = "") -> str:
    return (f'<form method="post" action="{e(action)}"' + (f' class="{cls}"' if cls else "")
            + f'><input type="hidden" name="csrf" value="{e(csrf)}">{inner}</form>')


def _button(label: str, *, name: str = "", value: str = "", primary: bool = False,
            cls: str = "") -> str:
    classes = " ".join(c for c in ("btn", "primary" if primary else "", cls) if c)
    attrs = (f' name="{e(name)}" value="{e(value)}"' if name else "")
    return f'<button type="submit" class="{classes}"{attrs}>{e(label)}</button>'


def time_text(ms: int | None) -> str:
    if ms is None:
        return ""
    seconds = max(0, ms // 1000)
    if seconds < 60:
        return f"Còn {seconds} giây"
    return f"Còn {(ms + 59_999) // 60_000} phút"


def _timer(ms: int | None) -> str:
    if ms is None:
        return ""
    warn = " warn" if ms < 5 * 60_000 else ""
    return f'<span id="timer" class="timer{warn}" data-left="{int(ms)}">{e(time_text(ms))}</span>'


# ---------------------------------------------------------------------------------------------
# Before the test

def join(title: str, csrf: str, *, query: str = "", found: list[taking.Person] | None = None,
         message: str = "") -> str:
    body = [f"<h1>{e(PAGE_TITLE)}</h1>", f'<p class="sub">{e(title)}</p>']
    if message:
        body.append(f'<p class="msg bad" role="alert">{e(message)}</p>')
    body.append(_form("/find", csrf, (
        '<label for="q">Nhập mã cán bộ hoặc họ tên của bạn (không cần dấu)</label>'
        f'<input id="q" name="q" value="{e(query)}" maxlength="60" autocomplete="off" '
        'autocapitalize="words" required>' + _button("Tìm", primary=True))))
    if found is not None:
        if not found:
            body.append('<p class="msg">Không thấy tên nào khớp. Hãy xem lại chính tả, hoặc hỏi '
                        "người giám sát.</p>")
        else:
            body.append("<p>Chọn tên của bạn:</p>")
            items = []
            for p in found:
                note = "" if p.listed else ' <span class="muted">(chưa có trong danh sách)</span>'
                dept = f'<span class="dept">{e(p.department)}</span>' if p.department else ""
                items.append(_form("/choose", csrf, (
                    f'<input type="hidden" name="staff" value="{e(p.staff_id)}">'
                    f'<button type="submit" class="btn person">{e(p.full_name)}{note}{dept}'
                    "</button>")))
            body.append('<div class="people">' + "".join(items) + "</div>")
    return page(PAGE_TITLE, "".join(body), csrf=csrf, screen="join")


def confirm(c: taking.Confirmation, csrf: str) -> str:
    p = c.person
    rules = f"Bài kiểm tra có {c.questions} câu hỏi. Bạn đạt khi trả lời đúng từ " \
            f"{c.pass_mark:g}% số câu."
    if c.time_limit_min:
        rules += f" Thời gian làm bài: {c.time_limit_min} phút."
    body = ("<h1>Có phải bạn không?</h1>"
            f'<p class="who">{e(p.full_name)}</p>'
            + (f'<p class="dept big">{e(p.department)}</p>' if p.department else "")
            + f"<p>{e(rules)}</p><p>Mỗi câu trả lời được lưu ngay khi bạn chọn.</p>"
            + '<div class="row">'
            + _form("/leave", csrf, _button("Không phải tôi"), cls="inline")
            + _form("/confirm", csrf, f'<input type="hidden" name="staff" value="{e(p.staff_id)}">'
                    + _button("Đúng, là tôi", primary=True), cls="inline")
            + "</div>")
    return page("Có phải bạn không?", body, csrf=csrf, screen="confirm")


def waiting(full_name: str, csrf: str, *, moving: bool) -> str:
    text = ("Bài làm của bạn đang mở trên một thiết bị khác. Người giám sát sẽ chuyển bài làm "
            "sang thiết bị này." if moving else
            "Người giám sát sẽ cho thiết bị này vào phòng thi. Trang tự chuyển khi được vào.")
    body = (f"<h1>Xin chờ một chút</h1><p class=\"who\">{e(full_name)}</p>"
            f'<p class="msg">{e(text)}</p><p class="muted" id="status"></p>'
            + _form("/leave", csrf, _button("Không phải tôi / chọn lại tên")))
    return page("Xin chờ", body, csrf=csrf, refresh=5, screen="waiting")


def message(title: str, text: str, csrf: str, *, action: str = "/leave",
            button: str = "Quay lại") -> str:
    body = (f"<h1>{e(title)}</h1><p class=\"msg\">{e(text)}</p>"
            + (_form(action, csrf, _button(button, primary=True)) if action else ""))
    return page(title, body, csrf=csrf, screen="message")


# ---------------------------------------------------------------------------------------------
# The test

def _pictures(v: taking.QuestionView) -> tuple[str, list[str]]:
    """The question's pictures and each option's, as <img> of this server (/img/POSITION/N, N
    counting the question's first, then the options' in the order shown)."""
    question_pictures, option_pictures = v.pictures or ((), [])
    n = 0

    def imgs(pictures) -> str:
        nonlocal n
        out = []
        for p in pictures or ():
            if p.data:
                out.append(f'<img class="pic" src="/img/{v.position}/{n}" alt="{e(p.name)}">')
            else:
                out.append(f'<span class="bad">[Thiếu hình: {e(p.name or p.sha256[:12])}]</span>')
            n += 1
        return "".join(out)

    head = imgs(question_pictures)
    return head, [imgs(option_pictures[i] if i < len(option_pictures) else ())
                  for i in range(len(v.options))]


def picture_at(v: taking.QuestionView, n: int):
    """The n-th picture of a question as `_pictures` numbers them, or None."""
    question_pictures, option_pictures = v.pictures or ((), [])
    flat = list(question_pictures) + [p for ps in option_pictures for p in ps]
    return flat[n] if 0 <= n < len(flat) else None


def question(v: taking.QuestionView, csrf: str) -> str:
    hint = "Chọn TẤT CẢ các phương án đúng (nhiều hơn một)." if v.multiple else \
        "Chọn một phương án."
    picture, option_pictures = _pictures(v)
    options = []
    for i, text in enumerate(v.options):
        on = i in v.chosen
        options.append(
            f'<button type="submit" name="toggle" value="{i}" class="opt{" chosen" if on else ""}"'
            f' data-i="{i}" aria-pressed="{"true" if on else "false"}">'
            f'<span class="badge">{e(v.letters[i])}</span><span class="text">{e(text)}'
            f'{option_pictures[i]}</span><span class="tick">✓</span></button>')
    flag = "Bỏ đánh dấu" if v.flagged else "Đánh dấu để xem lại"
    nav = ('<div class="nav">'
           + (_form("/go", csrf, '<input type="hidden" name="to" value="prev">'
                    + _button("← Câu trước"), cls="inline") if v.position > 1 else "")
           + _form("/flag", csrf, f'<input type="hidden" name="position" value="{v.position}">'
                   f'<input type="hidden" name="flagged" value="{0 if v.flagged else 1}">'
                   + _button(flag), cls="inline")
           + _form("/go", csrf, '<input type="hidden" name="to" value="review">'
                   + _button("Xem lại và nộp bài"), cls="inline")
           + _form("/go", csrf, '<input type="hidden" name="to" value="next">'
                   + _button("Câu sau →" if v.position < v.total else "Xem lại →",
                             primary=True), cls="inline")
           + "</div>")
    body = (f'<div class="top"><span class="num">Câu {v.position}/{v.total}</span>'
            f'<span class="done">Đã trả lời {v.answered}/{v.total}</span>'
            + ('<span class="flagmark">⚑ Đã đánh dấu</span>' if v.flagged else "")
            + _timer(v.time_left_ms) + "</div>"
            f'<h2 class="qtext">{e(v.text)}</h2>{picture}<p class="muted">{e(hint)}</p>'
            + _form("/answer", csrf,
                    f'<input type="hidden" name="position" value="{v.position}">'
                    + "".join(options), cls="options" + (" multiple" if v.multiple else ""))
            + '<p id="save" class="save" role="status" aria-live="polite"></p>' + nav)
    return page(f"Câu {v.position}/{v.total}", body, csrf=csrf, screen="question")


def review(v: taking.ReviewView, csrf: str) -> str:
    boxes = []
    for i, (answered, flagged) in enumerate(v.states, start=1):
        cls = "box" + (" answered" if answered else "")
        boxes.append(_form("/go", csrf, f'<input type="hidden" name="to" value="{i}">'
                           f'<button type="submit" class="{cls}">{i}{" ⚑" if flagged else ""}'
                           "</button>", cls="inline"))
    summary = f"Đã trả lời {v.answered}/{len(v.states)} câu."
    if v.missing:
        summary += f" Còn {v.missing} câu chưa trả lời."
    if v.flagged:
        summary += f" {v.flagged} câu đã đánh dấu để xem lại."
    body = ('<div class="top"><span class="num">Xem lại bài làm</span>'
            + _timer(v.time_left_ms) + "</div>"
            f"<p>{e(summary)}</p><p class=\"muted\">Bấm vào số câu để quay lại câu đó. Màu xanh: "
            "đã trả lời; màu trắng: chưa trả lời; ⚑: đã đánh dấu.</p>"
            f'<div class="grid">{"".join(boxes)}</div><div class="nav">'
            + _form("/go", csrf, '<input type="hidden" name="to" value="back">'
                    + _button("← Quay lại câu hỏi"), cls="inline")
            + _form("/go", csrf, '<input type="hidden" name="to" value="submit_check">'
                    + _button("Nộp bài", primary=True), cls="inline") + "</div>")
    return page("Xem lại bài làm", body, csrf=csrf, screen="review")


def submit_check(missing: int, time_left_ms: int | None, csrf: str) -> str:
    text = "Sau khi nộp bài bạn không sửa được câu trả lời nữa."
    if missing:
        text = f"Còn {missing} câu chưa trả lời. " + text
    body = ('<div class="top"><span class="num">Nộp bài</span>' + _timer(time_left_ms)
            + f"</div><h1>Nộp bài kiểm tra?</h1><p class=\"msg\">{e(text)}</p>"
            '<div class="row">'
            + _form("/go", csrf, '<input type="hidden" name="to" value="review">'
                    + _button("Quay lại"), cls="inline")
            + _form("/submit", csrf, _button("Nộp bài", primary=True), cls="inline") + "</div>")
    return page("Nộp bài", body, csrf=csrf, screen="submit_check")


def result(v: taking.ResultView, csrf: str) -> str:
    note = {"timeout": " — hết giờ, bài đã được nộp.",
            "proctor": " — người giám sát đã kết thúc bài kiểm tra, bài đã được nộp."}
    body = [f'<p class="who">{e(v.full_name + note.get(v.reason, ""))}</p>',
            f'<p class="score">{v.score}/{v.max_score} câu đúng ({v.percent:.0f}%)</p>',
            f'<p class="verdict {"ok" if v.passed else "bad"}">'
            f'{"ĐẠT" if v.passed else "CHƯA ĐẠT"}</p>']
    if v.lines:
        body.append('<div class="details">')
        for line in v.lines:
            mark = "Đúng" if line.correct else "Sai"
            body.append(
                f'<p class="qtext small">{line.position}. {e(line.text)}</p>'
                f'<p class="{"ok" if line.correct else "bad"}">Bạn chọn: '
                f'{e(line.chosen or "không trả lời")} — {mark}. Đáp án đúng: '
                f'{e(line.right_text)}</p>'
                + (f'<p class="muted">{e(line.explanation)}</p>' if line.explanation else ""))
        body.append("</div>")
    body.append(_form("/done", csrf, _button("Xong", primary=True)))
    return page("Kết quả", "".join(body), csrf=csrf, screen="result")
