"""A served session on 127.0.0.1 and a small cookie-keeping client for the browser quiz tests."""
from __future__ import annotations

import http.client
import json
import re
import urllib.parse
from contextlib import contextmanager

from desktop.models.datafile import open_store
from desktop.models.db import DB_FILENAME
from desktop.web.quiz_app import QuizWebApp
from desktop.web.server import Running


@contextmanager
def serving(data_dir, session_id: str, port: int = 0):
    """The session served on 127.0.0.1 by its own connection, as the proctor's window does."""
    store = open_store(data_dir / DB_FILENAME, actor="proctor", migrate=False)
    running = Running(QuizWebApp(store, session_id), "127.0.0.1", port)
    try:
        yield running
    finally:
        running.stop()
        store.close(clean=False)


class Client:
    """One device: keeps its cookie, reads the anti-forgery token of the last page."""

    def __init__(self, port: int, *, agent: str = "Mozilla/5.0 (Linux; Android 10) Chrome/90"):
        self.port = port
        self.cookie = ""
        self.csrf = ""
        self.agent = agent
        self.last: http.client.HTTPResponse | None = None

    def request(self, method: str, path: str, data: dict | None = None, *, json_reply=False,
                headers: dict | None = None) -> tuple[int, str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        h = {"User-Agent": self.agent, **(headers or {})}
        if self.cookie:
            h["Cookie"] = self.cookie
        body = None
        if data is not None:
            body = urllib.parse.urlencode({"csrf": self.csrf, **data}, doseq=True)
            h["Content-Type"] = "application/x-www-form-urlencoded"
        if json_reply:
            h["Accept"] = "application/json"
        conn.request(method, path, body=body, headers=h)
        r = conn.getresponse()
        self.body = r.read()
        text = self.body.decode("utf-8", errors="replace")
        self.last = r
        cookie = r.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";")[0]
        m = re.search(r'name="csrf" value="([^"]+)"', text)
        if m:
            self.csrf = m.group(1)
        conn.close()
        return r.status, text

    def get(self, path: str = "/") -> str:
        status, text = self.request("GET", path)
        assert status == 200, (status, text[:300])
        return text

    def post(self, path: str, **data) -> tuple[int, str]:
        return self.request("POST", path, data)

    def status(self) -> dict:
        return json.loads(self.request("GET", "/status", json_reply=True)[1])

    def join(self, query: str) -> str:
        """Find oneself and confirm; returns the page shown after."""
        self.get()
        _s, text = self.post("/find", q=query)
        staff = re.search(r'name="staff" value="([^"]+)"', text).group(1)
        _s, text = self.post("/choose", staff=staff)
        assert "Có phải bạn không?" in text
        status, _t = self.post("/confirm", staff=staff)
        assert status == 303
        return self.get()

    def answer(self, position: int, *shown: int) -> dict:
        status, text = self.request("POST", "/answer", {"position": position, "set": 1,
                                                       "chosen": list(shown)}, json_reply=True)
        return {"status": status, **json.loads(text)}


def screen(text: str) -> str:
    return re.search(r'data-screen="([^"]*)"', text).group(1)


def question_number(text: str) -> tuple[int, int]:
    m = re.search(r"Câu (\d+)/(\d+)", text)
    return int(m.group(1)), int(m.group(2))
