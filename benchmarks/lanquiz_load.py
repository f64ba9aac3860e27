"""Simulated participants of the browser quiz (run as a child process of `bench_lanquiz`, so that
their threads don't share the server's interpreter): each joins like a person (search by staff
code, confirm, wait until let in), answers every question with a think time, moves on, and
submits. Two bursts: at the middle everyone answers within one second, at the end everyone
submits within one second. Only 127.0.0.1; every loop is bounded in count and time.

    python -m benchmarks.lanquiz_load PORT N QUESTIONS OUT.json [--think LO HI] [--deadline S]

Writes per-answer round trips (ms) and, per participant, the answers the server acknowledged as
saved (position → shown options) and the position last shown, for the checks after the run.
A lost connection is retried (as the page's script does) until the deadline.
"""
from __future__ import annotations

import http.client
import json
import random
import re
import sys
import threading
import time
import urllib.parse

HOST = "127.0.0.1"


class Participant:
    def __init__(self, port: int, code: str, deadline: float):
        self.port, self.code, self.deadline = port, code, deadline
        self.cookie = ""
        self.csrf = ""
        self.conn: http.client.HTTPConnection | None = None
        self.rtts: list[float] = []
        self.acked: dict[int, list[int]] = {}
        self.position = 1
        self.retries = 0
        self.error = ""

    def request(self, method: str, path: str, data: dict | None = None, *,
                json_reply: bool = False) -> tuple[int, str]:
        """One request, retried on a lost connection (the server may be restarting)."""
        delay = 0.2
        while True:
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection(HOST, self.port, timeout=10)
                headers = {"Cookie": self.cookie} if self.cookie else {}
                body = None
                if data is not None:
                    body = urllib.parse.urlencode({"csrf": self.csrf, **data}, doseq=True)
                    headers["Content-Type"] = "application/x-www-form-urlencoded"
                if json_reply:
                    headers["Accept"] = "application/json"
                self.conn.request(method, path, body=body, headers=headers)
                r = self.conn.getresponse()
                text = r.read().decode("utf-8")
                cookie = r.getheader("Set-Cookie")
                if cookie:
                    self.cookie = cookie.split(";")[0]
                if r.status >= 500:
                    raise ConnectionError(r.status)
                return r.status, text
            except (OSError, http.client.HTTPException, ConnectionError):
                if self.conn is not None:
                    self.conn.close()
                self.conn = None
                self.retries += 1
                if time.monotonic() > self.deadline:
                    raise TimeoutError("the server did not come back in time")
                time.sleep(delay)
                delay = min(delay * 2, 1.0)

    def page(self) -> str:
        _s, text = self.request("GET", "/")
        m = re.search(r'name="csrf" value="([^"]+)"', text)
        if m:
            self.csrf = m.group(1)
        return text

    def join(self) -> None:
        self.page()
        _s, text = self.request("POST", "/find", {"q": self.code})
        staff = re.search(r'name="staff" value="([^"]+)"', text).group(1)
        self.request("POST", "/confirm", {"staff": staff})
        for _ in range(200):                       # wait until let in (bounded)
            text = self.page()
            if 'data-screen="question"' in text:
                return
            time.sleep(0.1)
        raise TimeoutError("not let in")

    def answer(self, position: int, questions_options: int = 4) -> None:
        choice = [random.randrange(2)]
        t0 = time.perf_counter()
        status, text = self.request("POST", "/answer", {"position": position, "set": 1,
                                                        "chosen": choice}, json_reply=True)
        self.rtts.append((time.perf_counter() - t0) * 1000)
        reply = json.loads(text)
        if status == 200 and reply.get("ok"):
            self.acked[position] = reply["chosen"]
        else:
            self.error = f"answer {position}: {status} {text[:120]}"

    def move_next(self) -> None:
        """Next question: the form's post, then the page it leads to (as a browser does)."""
        self.request("POST", "/go", {"to": "next"})
        self.position += 1
        self.page()


def main(argv: list[str]) -> int:
    port, n, questions, out = int(argv[0]), int(argv[1]), int(argv[2]), argv[3]
    think = (0.5, 3.0)
    deadline_s = 240.0
    if "--think" in argv:
        i = argv.index("--think")
        think = (float(argv[i + 1]), float(argv[i + 2]))
    if "--deadline" in argv:
        deadline_s = float(argv[argv.index("--deadline") + 1])
    deadline = time.monotonic() + deadline_s
    burst_at = questions // 2
    people = [Participant(port, f"B{i:03d}", deadline) for i in range(n)]
    middle = threading.Barrier(n, timeout=deadline_s)
    end = threading.Barrier(n, timeout=deadline_s)
    burst_rtts: list[float] = []
    submit_rtts: list[float] = []
    lock = threading.Lock()

    def run(p: Participant) -> None:
        try:
            p.join()
            for position in range(1, questions + 1):
                if position == burst_at:
                    middle.wait()                      # everyone answers within one second
                    time.sleep(random.random())
                    before = len(p.rtts)
                    p.answer(position)
                    with lock:
                        burst_rtts.extend(p.rtts[before:])
                else:
                    time.sleep(random.uniform(*think))
                    p.answer(position)
                if position < questions:
                    p.move_next()
            end.wait()                                 # everyone submits within one second
            time.sleep(random.random())
            p.request("POST", "/go", {"to": "submit_check"})
            t0 = time.perf_counter()
            p.request("POST", "/submit", {})
            with lock:
                submit_rtts.append((time.perf_counter() - t0) * 1000)
            text = p.page()
            if 'data-screen="result"' not in text:
                p.error = "no result page after submitting"
        except Exception as exc:  # reported, not raised: the others go on
            p.error = p.error or f"{type(exc).__name__}: {exc}"
            middle.abort()
            end.abort()

    threads = [threading.Thread(target=run, args=(p,), daemon=True) for p in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=max(1.0, deadline - time.monotonic()))
    report = {
        "rtts": [x for p in people for x in p.rtts], "burst": burst_rtts, "submit": submit_rtts,
        "people": [{"code": p.code, "acked": p.acked, "position": p.position,
                    "cookie": p.cookie, "retries": p.retries, "error": p.error}
                   for p in people]}
    with open(out, "w", encoding="utf-8") as f:
        json.dump(report, f)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
