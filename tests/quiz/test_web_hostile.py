"""The browser quiz's server against a hostile device on the office network: clients that trickle
a request byte by byte or hold connections open, more connections than the server keeps threads
for, and form values that are no numbers the page ever sends. Each is answered or cut off without
a fault of the program, and the others in the room are still served."""
from __future__ import annotations

import http.client
import logging
import select
import socket

import pytest

from desktop.models.quiz import web
from desktop.web import server as web_server

from .conftest import make_session
from .web_helpers import Client, question_number, serving


def _served(port: int) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", "/static/quiz.css")
    status = conn.getresponse().status
    conn.close()
    return status


def _closed_by_server(sock: socket.socket, wait_s: float) -> bool:
    """Whether the server closed the connection (or answered) within `wait_s`."""
    readable, _w, _x = select.select([sock], [], [], wait_s)
    return bool(readable)


def test_a_request_trickled_byte_by_byte_is_cut_off_at_its_deadline(qstore, qdata_dir,
                                                                     monkeypatch):
    monkeypatch.setattr(web_server, "REQUEST_DEADLINE_S", 1.0, raising=False)
    s = make_session(qstore, questions=2)
    web.open_test(qstore, s.id)
    with serving(qdata_dir, s.id) as server:
        slow = socket.create_connection(("127.0.0.1", server.port), timeout=10)
        slow.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
        cut = False
        for i in range(40):                 # a header line every 0.2 s: 8 s at most
            if _closed_by_server(slow, 0.2):
                cut = True
                break
            try:
                slow.sendall(b"X-%d: y\r\n" % i)
            except OSError:
                cut = True
                break
        assert cut, "a client sending a header line every 0.2 s held its thread for 8 s"
        slow.close()
        # a body that never comes whole is cut off the same way
        body = socket.create_connection(("127.0.0.1", server.port), timeout=10)
        body.sendall(b"POST /find HTTP/1.1\r\nHost: x\r\nContent-Length: 900\r\n\r\nq=a")
        cut = False
        for _i in range(40):
            if _closed_by_server(body, 0.2):
                cut = True
                break
            body.sendall(b"b")
        assert cut
        body.close()
        assert _served(server.port) == 200


def test_connections_beyond_the_limit_are_told_busy_without_a_thread(qstore, qdata_dir,
                                                                     monkeypatch, qtbot):
    monkeypatch.setattr(web_server, "MAX_CONNECTIONS", 6, raising=False)
    s = make_session(qstore, questions=2)
    web.open_test(qstore, s.id)
    with serving(qdata_dir, s.id) as server:
        held = []
        for _i in range(6):
            sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
            sock.sendall(b"GET / HTTP/1.1\r\n")
            held.append(sock)
        qtbot.waitUntil(lambda: len(server.server.open) == 6)
        extra = socket.create_connection(("127.0.0.1", server.port), timeout=10)
        assert extra.recv(200).startswith(b"HTTP/1.1 503")          # at once, and closed
        extra.close()
        assert server.server.refused == 1 and len(server.server.open) == 6
        for sock in held:
            sock.close()
        qtbot.waitUntil(lambda: not server.server.open)
        assert _served(server.port) == 200


def test_one_address_cannot_take_every_connection(qstore, qdata_dir, monkeypatch, qtbot):
    monkeypatch.setattr(web_server, "MAX_PER_ADDRESS", 2, raising=False)
    s = make_session(qstore, questions=2)
    web.open_test(qstore, s.id)
    with serving(qdata_dir, s.id) as server:
        ours = []

        def connect(address: str) -> socket.socket:
            mine, theirs = socket.socketpair()
            ours.append(mine)
            server.server.process_request(theirs, (address, 40000))
            return mine

        connect("10.0.0.9")
        connect("10.0.0.9")
        third = connect("10.0.0.9")
        assert third.recv(200).startswith(b"HTTP/1.1 503")
        other = connect("10.0.0.10")                 # another device of the room still gets in
        other.sendall(b"GET /static/quiz.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert other.recv(100).startswith(b"HTTP/1.1 200")
        for sock in ours:
            sock.close()
        qtbot.waitUntil(lambda: not server.server.open)


def test_form_values_that_are_no_plain_numbers_are_refused_without_a_fault(qstore, qdata_dir,
                                                                           caplog):
    s = make_session(qstore, questions=3)
    web.open_test(qstore, s.id)
    web.set_auto_admit(qstore, s.id, True)
    with serving(qdata_dir, s.id) as server:
        c = Client(server.port)
        c.join("CB001")
        with caplog.at_level(logging.ERROR, logger="isodesk.web"):
            for to in ("²", "٣", "9" * 5000, "1_0", " 2", "-1"):
                status, _t = c.post("/go", to=to)
                assert status == 303, to
            for position, toggle in (("²", "0"), ("1", "²"), ("9" * 5000, "0"), ("1", "9" * 5000)):
                status, _t = c.request("POST", "/answer", {"position": position,
                                                            "toggle": toggle}, json_reply=True)
                assert status in (400, 409), (position, toggle)
                status, _t = c.post("/flag", position=position, flagged="1")
                assert status == 303
        assert not [r for r in caplog.records if r.name == "isodesk.web"]
        assert question_number(c.get()) == (1, 3)


@pytest.mark.parametrize("to, shown", [("2", 2), ("3", 3), ("99", 3)])
def test_a_question_number_still_moves_there(qstore, qdata_dir, to, shown):
    s = make_session(qstore, questions=3)
    web.open_test(qstore, s.id)
    web.set_auto_admit(qstore, s.id, True)
    with serving(qdata_dir, s.id) as server:
        c = Client(server.port)
        c.join("CB002")
        c.post("/go", to=to)
        assert question_number(c.get()) == (shown, 3)


@pytest.mark.parametrize("agent, where", [
    ("", "Máy chính — trình duyệt"),
    ("<script>x</script> Android Chrome/1", "Máy chính — trình duyệt Android · Chrome")])
def test_the_attempt_names_the_browser_once_whatever_it_says(qstore, qdata_dir, agent, where):
    from desktop.models.quiz import attempts

    s = make_session(qstore, questions=2)
    web.open_test(qstore, s.id)
    web.set_auto_admit(qstore, s.id, True)
    with serving(qdata_dir, s.id) as server:
        c = Client(server.port, agent=agent)
        c.join("CB003")
        running = attempts.in_progress(qstore, session_id=s.id)
        assert len(running) == 1
        assert attempts.load_attempt(qstore, running[0]["id"]).kiosk_label == where


def test_a_change_asked_while_the_server_stops_is_refused_at_once_not_after_the_wait(qstore):
    """A request thread still being served when the server stops (the test's end, the proctor's
    "stop") is told at once that nothing was saved, instead of waiting out the committer's 30 s
    and then reading a closed database."""
    import threading

    from desktop.web.committer import Committer, Stopped

    committer = Committer(qstore, threading.Lock())
    assert committer.run(lambda: 7) == 7
    committer.stop()
    with pytest.raises(Stopped):
        committer.run(lambda: 8)
    # a change that passed the door just before the stop, queued behind it: failed by the stop
    late = Committer(qstore, threading.Lock())
    late.stop()
    late.stopped = False             # as it was when the request thread checked it
    outcome: dict = {}

    def ask():
        try:
            outcome["result"] = late.run(lambda: 9)
        except Exception as exc:
            outcome["error"] = exc

    asker = threading.Thread(target=ask)
    asker.start()
    while late.jobs.empty() and asker.is_alive():
        asker.join(0.01)             # until its change is queued
    late.stopped = True
    asker.join(20)
    assert isinstance(outcome.get("error"), Stopped), outcome
