"""The browser quiz over HTTP on 127.0.0.1 (a real server, real requests, the real database):
joining and admission, answering, the safety rules (cookie, anti-forgery token, Origin, CSP,
rate limits, what never leaves the server), moving to another device, ending the test, and web
attempts as the same evidence as kiosk attempts."""
from __future__ import annotations

import re
from html import escape

from desktop.models.quiz import attempts, results, sessions, stats, web
from desktop.web.quiz_app import QuizWebApp, Request

from .conftest import make_session, staff_ids
from .web_helpers import Client, question_number, screen, serving


def test_join_wait_admit_answer_review_submit(qstore, qdata_dir):
    s = make_session(qstore, questions=4, feedback="answers", time_limit_min=30)
    with serving(qdata_dir, s.id) as server:
        c = Client(server.port)
        page = c.get()
        assert screen(page) == "join" and "HttpOnly" in c.last.getheader("Set-Cookie")
        assert "SameSite=Strict" in c.last.getheader("Set-Cookie")
        csp = c.last.getheader("Content-Security-Policy")
        assert "default-src 'none'" in csp and "script-src 'self'" in csp
        _s, found = c.post("/find", q="tran thi binh")          # no diacritics needed
        assert "Trần Thị Bình" in found and "Bộ phận Một cửa" in found
        assert "CB002" not in found                               # no staff codes shown
        page = c.join("CB002")
        assert screen(page) == "waiting"
        row = next(r for r in web.live_roster(qstore, s.id) if r.staff_code == "CB002")
        assert row.state == "waiting" and "Android" in row.where
        web.admit(qstore, row.device)
        page = c.get()
        assert screen(page) == "question" and question_number(page) == (1, 4)
        assert 'data-left="' in page
        reply = c.answer(1, 0)
        assert reply["ok"] and reply["chosen"] == [0] and reply["answered"] == 1
        a = attempts.load_attempt(qstore, web.device(qstore, row.device)["attempt_id"])
        assert a.channel == "web" and a.item(1).selected == [a.item(1).option_order[0]]
        c.post("/go", to="next")
        assert question_number(c.get()) == (2, 4)
        c.post("/flag", position=2, flagged=1)
        assert "⚑ Đã đánh dấu" in c.get()
        c.post("/go", to="review")
        page = c.get()
        assert screen(page) == "review" and "Còn 3 câu chưa trả lời" in page
        c.post("/go", to="3")
        assert question_number(c.get()) == (3, 4)
        c.post("/go", to="submit_check")
        assert screen(c.get()) == "submit_check"
        c.post("/submit")
        page = c.get()
        assert screen(page) == "result" and "Đáp án đúng" in page
        assert attempts.load_attempt(qstore, a.id).submitted
        c.post("/done")                                           # the device is free again
        assert screen(c.get()) == "join"


def test_no_answer_key_and_no_other_question_leaves_the_server(qstore, qdata_dir):
    s = make_session(qstore, questions=3, feedback="score")
    web.open_test(qstore, s.id)
    web.set_auto_admit(qstore, s.id, True)
    with serving(qdata_dir, s.id) as server:
        c = Client(server.port)
        page = c.join("CB001")
        a = attempts.in_progress(qstore, session_id=s.id)[0]
        attempt = attempts.load_attempt(qstore, a["id"])
        first = attempt.item(1)
        assert escape(first.text) in page                      # as the page writes it
        for other in attempt.items[1:]:
            assert escape(other.text) not in page
        if first.explanation:
            assert escape(first.explanation) not in page
        assert "correct" not in page and "Đáp án" not in page
        for i in range(3):
            c.answer(i + 1, 0)
        c.post("/submit")
        page = c.get()
        assert screen(page) == "result" and "Đáp án đúng" not in page   # score only


def test_every_change_needs_the_token_the_cookie_and_this_origin(qstore, qdata_dir):
    s = make_session(qstore, questions=3)
    web.open_test(qstore, s.id)
    web.set_auto_admit(qstore, s.id, True)
    with serving(qdata_dir, s.id) as server:
        c = Client(server.port)
        c.join("CB003")
        good = c.csrf
        c.csrf = "0" * 40
        assert c.answer(1, 0)["status"] == 403
        c.csrf = good
        status, _t = c.request("POST", "/answer", {"position": 1, "set": 1, "chosen": [0]},
                               json_reply=True, headers={"Origin": "http://evil.example"})
        assert status == 403
        stranger = Client(server.port)                   # no cookie: a forged cross-site post
        stranger.csrf = good
        assert stranger.answer(1, 0)["status"] == 403
        assert c.answer(1, 0)["ok"]
        assert c.request("DELETE", "/")[0] in (405, 501)
        assert c.request("GET", "/../../etc/passwd")[0] == 404


def test_joining_is_rate_limited_per_device_and_address(qstore, qdata_dir):
    s = make_session(qstore)
    app = QuizWebApp(qstore, s.id)
    token = web.new_token()
    csrf = app.csrf_for(token)

    def find(client: str, tok: str, check: str):
        body = f"csrf={check}&q=an".encode()
        return app.handle(Request("POST", "/find", {"cookie": f"isodesk_quiz={tok}",
                                                    "host": "x"}, body, client)).status

    assert all(find("192.168.1.20", token, csrf) == 200 for _ in range(20))
    assert find("192.168.1.20", token, csrf) == 429                     # this device: a minute
    others = [web.new_token() for _ in range(125)]
    codes = [find("192.168.1.30", t, app.csrf_for(t)) for t in others]
    assert codes == [200] * 120 + [429] * 5                            # one address: 120/min


def test_a_second_device_needs_the_proctor_and_takes_the_test_over(qstore, qdata_dir):
    s = make_session(qstore, questions=5, time_limit_min=30)
    web.open_test(qstore, s.id)
    web.set_auto_admit(qstore, s.id, True)
    with serving(qdata_dir, s.id) as server:
        phone = Client(server.port)
        phone.join("CB004")
        phone.answer(1, 1)
        phone.post("/go", to="next")
        phone.post("/go", to="next")
        left_before = phone.status()["left"]
        pc = Client(server.port, agent="Mozilla/5.0 (Windows NT 10.0) Edg/120")
        assert screen(pc.join("CB004")) == "waiting"      # not let in alone, even on the list
        row = next(r for r in web.live_roster(qstore, s.id) if r.staff_code == "CB004")
        assert row.moving and row.state == "working"
        web.admit(qstore, row.device)
        page = pc.get()
        assert question_number(page) == (3, 5)            # same question ...
        left = pc.status()["left"]
        assert 0 <= left_before - left < 5_000            # ... the same time
        assert pc.answer(2, 0)["ok"]
        assert "chuyển sang thiết bị khác" in phone.get()
        assert phone.answer(3, 0)["status"] in (303, 409) or not phone.answer(3, 0).get("ok")


def test_people_not_on_the_list_or_done_are_told_to_ask_the_proctor(qstore, qdata_dir):
    s = make_session(qstore, attend=False)
    sessions.add_attendee(qstore, s.id, staff_ids(qstore)["CB001"])
    web.open_test(qstore, s.id)
    with serving(qdata_dir, s.id) as server:
        c = Client(server.port)
        c.get()
        _s, text = c.post("/find", q="cuong")
        staff = re.search(r'name="staff" value="([^"]+)"', text).group(1)
        _s, text = c.post("/choose", staff=staff)
        assert "Hãy hỏi người giám sát" in text and "danh sách" in text
        assert web.devices(qstore, s.id) == []
        _s, text = c.post("/choose", staff="not-a-person")
        assert _s == 303


def test_reload_and_a_restart_of_the_server_resume_the_same_question_and_time(qstore,
                                                                              qdata_dir):
    s = make_session(qstore, questions=5, time_limit_min=20)
    web.open_test(qstore, s.id)
    web.set_auto_admit(qstore, s.id, True)
    with serving(qdata_dir, s.id) as server:
        port = server.port
        c = Client(port)
        c.join("CB005")
        c.answer(1, 1)
        c.post("/go", to="next")
        c.answer(2, 0)
        assert question_number(c.get()) == (2, 5)          # a reload
        left = c.status()["left"]
    with serving(qdata_dir, s.id, port) as server:         # the server is started again
        page = c.get()
        assert question_number(page) == (2, 5) and 'aria-pressed="true"' in page
        assert abs(left - c.status()["left"]) < 5_000       # the time used, as last saved
        assert c.answer(3, 0)["status"] == 200


def test_ending_the_test_submits_everyone_web_and_kiosk(qstore, qdata_dir):
    s = make_session(qstore, questions=4)
    web.open_test(qstore, s.id)
    web.set_auto_admit(qstore, s.id, True)
    kiosk_attempt = attempts.start_attempt(qstore, s.id, staff_ids(qstore)["CB008"])
    with serving(qdata_dir, s.id) as server:
        c = Client(server.port)
        c.join("CB007")
        c.answer(1, 0)
        assert web.end_test(qstore, s.id) == 2
        server.app.sweep()
        server.app.last_check = -1e9
        server.app.sweep()
        page = c.get()
        assert screen(page) == "result" and "người giám sát đã kết thúc" in page
        assert attempts.load_attempt(qstore, kiosk_attempt.id).submitted
        late = Client(server.port)
        late.get()
        _s, text = late.post("/find", q="CB001")
        staff = re.search(r'name="staff" value="([^"]+)"', text).group(1)
        late.post("/choose", staff=staff)
        _s, text = late.post("/confirm", staff=staff)
        assert "đã kết thúc" in text


def test_web_attempts_are_the_same_evidence_as_kiosk_attempts(qstore, qdata_dir, tmp_path):
    from pypdf import PdfReader

    from desktop.output.quiz import reports as quiz_reports
    from desktop.models.quiz import coverage

    s = make_session(qstore, questions=3, feedback="score")
    web.open_test(qstore, s.id)
    web.set_auto_admit(qstore, s.id, True)
    kiosk = attempts.start_attempt(qstore, s.id, staff_ids(qstore)["CB002"], kiosk_label="Máy 1")
    for position in (1, 2, 3):
        attempts.answer(qstore, kiosk, position, [kiosk.item(position).option_order[1]])
    attempts.submit(qstore, kiosk)
    with serving(qdata_dir, s.id) as server:
        c = Client(server.port)
        c.join("CB006")
        for position in (1, 2, 3):
            c.answer(position, 0)
        c.post("/submit")
    # results: the person's official result, as for the kiosk
    person = next(r for r in results.session_results(qstore, s.id) if r.staff_code == "CB006")
    assert person.status == "submitted" and person.score is not None and person.mode == "kiosk"
    evidence = results.attempt_evidence(qstore, person.attempt_id)
    assert evidence["channel"] == "web" and len(evidence["items"]) == 3
    # item analysis counts both attempts
    analysis = stats.item_analysis(qstore, session_id=s.id)
    assert analysis.attempts == 2 and sum(i.attempts for i in analysis.items) >= 3
    # coverage of the roster
    cov = coverage.training_coverage(qstore, unit_code=qstore.unit_code)
    assert cov["tested"] == 2 and cov["attempts"] == 2
    # the result slips say how the test was taken
    out = quiz_reports.slips_pdf(qstore, s.id, tmp_path / "slips.pdf")
    text = " ".join(p.extract_text() for p in PdfReader(out["file"]).pages)
    assert "Đỗ Thị Hà" in text and "qua mạng nội bộ" in text and "Máy 1" in text


def test_hostile_requests_are_refused_without_harm(qstore, qdata_dir):
    import http.client

    s = make_session(qstore, questions=3)
    web.open_test(qstore, s.id)
    with serving(qdata_dir, s.id) as server:
        def raw(method: str, path: str, headers: dict, body: bytes = b"") -> int:
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
            conn.putrequest(method, path)
            for k, v in headers.items():
                conn.putheader(k, v)
            conn.endheaders(body or None)
            status = conn.getresponse().status
            conn.close()
            return status

        assert raw("POST", "/find", {"Content-Length": "999999"}) == 413
        assert raw("POST", "/find", {"Content-Length": "-5"}) == 400
        assert raw("POST", "/find", {"Content-Length": "x"}) == 400
        assert raw("GET", "/", {"Cookie": "isodesk_quiz=" + "A" * 5000}) == 200   # ignored
        c = Client(server.port)
        c.get()
        _s, text = c.post("/find", q="<script>alert(1)</script>")
        assert "<script>alert" not in text and "&lt;script&gt;" in text
        assert c.get().count("<script") == 1                 # only the page's own script


def test_pictures_and_one_of_several_right_answers_in_the_browser(qstore, qdata_dir):
    from .test_kinds_pictures import ANY, PNG, SINGLE, only_questions

    q_any, _ = only_questions(qstore, ANY, SINGLE)
    s = make_session(qstore, questions=2, shuffle_questions=False, shuffle_options=False,
                     feedback="answers")
    web.open_test(qstore, s.id)
    web.set_auto_admit(qstore, s.id, True)
    with serving(qdata_dir, s.id) as server:
        c = Client(server.port)
        page = c.join("CB001")
        a = attempts.load_attempt(qstore, attempts.in_progress(qstore, session_id=s.id)[0]["id"])
        position = next(it.position for it in a.items if it.question_id == q_any.id)
        if position != 1:
            c.post("/go", to=str(position))
            page = c.get()
        images = re.findall(r'<img class="pic" src="(/img/\d+/\d+)"', page)
        assert images == [f"/img/{position}/0", f"/img/{position}/1"]
        status, _t = c.request("GET", images[0])
        assert status == 200 and c.last.getheader("Content-Type") == "image/png"
        assert c.body == PNG
        other = Client(server.port)                        # another device: no picture for it
        other.get()
        assert other.request("GET", images[0])[0] == 404
        assert c.request("GET", f"/img/{position}/9")[0] == 404
        assert c.request("GET", "/img/99/0")[0] == 404
        # one option only, as for one right answer; either right one is right
        assert c.answer(position, 0, 1)["status"] == 409
        assert c.answer(position, 1)["ok"]
        c.post("/submit")
        page = c.get()
        assert "A. Danh sách dự tập huấn / B. Kết quả kiểm tra" in page
    assert attempts.load_attempt(qstore, a.id).item(position).correct
