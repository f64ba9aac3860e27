"""The browser quiz as requests and answers, whatever serves them (`desktop/web/server.py`): it
only translates requests into calls of the test-taking flow (`desktop.models.quiz.taking`) and
of the devices' rules (`desktop.models.quiz.web`), and renders `quiz_pages`.

Safety, request by request:
- a device is its random token in an HTTP-only, SameSite=Strict cookie (only its SHA-256 is kept);
  whatever a page shows comes from the device's own attempt, found through that token;
- every change is a POST carrying an anti-forgery token (an HMAC of the device token with the
  test's secret) and, when the browser sends one, an Origin of this server;
- joining is rate-limited per address and per device; a search shows names and departments of
  people on the roster only (never codes, scores or answers), at most a few, from two letters on;
- the answer key leaves the server only on the result page of a submitted attempt whose session
  shows the right answers; no question of another paper ever does;
- a strict Content-Security-Policy: this server's style sheet and script, nothing else.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
import urllib.parse
from collections import deque
from dataclasses import dataclass, field

from desktop.models.db import Store, now_iso
from desktop.models.errors import IsoDeskError
from desktop.models.quiz import attempts, kiosk, pictures, sessions, taking, web
from desktop.paths import resource

from . import quiz_pages as pages
from .committer import Committer

COOKIE = "isodesk_quiz"
COOKIE_MAX_AGE = 12 * 3600
MAX_BODY = 16 * 1024
FIND_LIMIT = 8                       # names shown for one search
JOIN_RATE = (20, 60.0)               # searches / confirmations per device, per minute
ADDRESS_RATE = (120, 60.0)           # the same per network address (a shared PC: many people)
GAP_S = 30.0                         # a silent device's clock stops after this
WEB_PROGRESS_EVERY_S = 15
CSP = ("default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
       "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
SECURITY_HEADERS = [
    ("Content-Security-Policy", CSP), ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"), ("Referrer-Policy", "same-origin"),
    ("Cache-Control", "no-store"), ("Cross-Origin-Resource-Policy", "same-origin"),
]
UNKNOWN_BROWSER = "trình duyệt"       # a browser that doesn't say what it is
LOOPBACK = ("127.0.0.1", "::1")      # this PC itself (tests, benchmarks): no address limit
STATIC = {"/static/quiz.css": ("quiz.css", "text/css; charset=utf-8"),
          "/static/quiz.js": ("quiz.js", "text/javascript; charset=utf-8")}


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]          # lower-case names
    body: bytes = b""
    client: str = ""
    query: dict[str, list[str]] = field(default_factory=dict)

    @property
    def cookies(self) -> dict[str, str]:
        out = {}
        for part in self.headers.get("cookie", "").split(";"):
            name, _, value = part.strip().partition("=")
            if name:
                out[name] = value
        return out

    @property
    def form(self) -> dict[str, list[str]]:
        if not hasattr(self, "_form"):
            try:
                text = self.body[:MAX_BODY].decode("utf-8")
            except UnicodeDecodeError:
                text = ""
            self._form = urllib.parse.parse_qs(text, max_num_fields=40)
        return self._form

    def one(self, name: str, default: str = "") -> str:
        return (self.form.get(name) or [default])[0]

    @property
    def wants_json(self) -> bool:
        return "application/json" in self.headers.get("accept", "")


@dataclass
class Response:
    status: int
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: list[tuple[str, str]] = field(default_factory=list)

    def all_headers(self) -> list[tuple[str, str]]:
        return [("Content-Type", self.content_type), ("Content-Length", str(len(self.body))),
                *SECURITY_HEADERS, *self.headers]


def html(text: str, status: int = 200) -> Response:
    return Response(status, text.encode("utf-8"))


def as_json(data: dict, status: int = 200) -> Response:
    return Response(status, json.dumps(data, ensure_ascii=False).encode("utf-8"),
                    "application/json; charset=utf-8")


def see_other(path: str = "/") -> Response:
    return Response(303, b"", headers=[("Location", path)])


class RateLimiter:
    def __init__(self, count: int, window_s: float, clock=time.monotonic):
        self.count, self.window, self.clock = count, window_s, clock
        self.hits: dict[str, deque] = {}

    def allow(self, key: str) -> bool:
        now = self.clock()
        q = self.hits.setdefault(key, deque())
        while q and now - q[0] > self.window:
            q.popleft()
        if len(q) >= self.count:
            return False
        q.append(now)
        if len(self.hits) > 10_000:          # forget idle keys
            self.hits = {k: v for k, v in self.hits.items() if v and now - v[-1] < self.window}
        return True


class QuizWebApp:
    """One session's test in browsers, safe to call from many threads. `lock` guards what is
    kept in memory (held briefly, never while the disk works); the store's connection is used
    under `db_lock` for reading and through the `Committer` (group commit) for every change."""

    def __init__(self, store: Store, session_id: str, *, clock=time.monotonic, gap_s=GAP_S):
        self.store = store
        self.session = sessions.get_session(store, session_id)
        self.clock = clock
        self.gap_s = gap_s
        self.lock = threading.RLock()
        self.db_lock = threading.Lock()
        self.start_lock = threading.Lock()
        self.takings: dict[str, taking.Taking] = {}
        self.devices: dict[str, dict] = {}       # token hash → device row (let-in ones kept)
        self.owner: dict[str, str] = {}          # attempt → the device taking it now
        self.checking: set[str] = set()          # attempts on their "submit?" page
        self.moved: set[str] = set()             # attempts whose place is not saved yet
        self.seen: dict[str, str] = {}
        self.limit = RateLimiter(*JOIN_RATE, clock=clock)
        self.address_limit = RateLimiter(*ADDRESS_RATE, clock=clock)
        self.kiosk_id = kiosk.kiosk_id(store)
        self.server_label = kiosk.kiosk_name(store, session_id)
        self.secret = bytes.fromhex(web.open_test(store, session_id)["secret"])
        self.static = {path: (resource("web", name).read_bytes(), kind)
                       for path, (name, kind) in STATIC.items()}
        self.committer = Committer(store, self.db_lock)
        self._people: tuple[float, list, list] | None = None
        self.last_check = clock()
        self.closed = False

    def close(self) -> None:
        self.committer.stop()

    def _read(self, fn):
        with self.db_lock:
            return fn()

    def _write(self, fn):
        return self.committer.run(fn)

    # --- tokens --------------------------------------------------------------------------------

    def csrf_for(self, token: str) -> str:
        return hmac.new(self.secret, token.encode("utf-8"), hashlib.sha256).hexdigest()[:40]

    def _origin_ok(self, req: Request) -> bool:
        """A browser that names the page a post comes from must name this server ("null",
        sent by some browsers for privacy, says nothing: the token decides)."""
        origin = req.headers.get("origin")
        if not origin or origin == "null":
            return True
        return urllib.parse.urlsplit(origin).netloc == req.headers.get("host", "")

    # --- the entry point -------------------------------------------------------------------------

    def handle(self, req: Request) -> Response:
        if req.method == "GET" and req.path in self.static:
            body, kind = self.static[req.path]
            return Response(200, body, kind, [("Cache-Control", "max-age=600")])
        token = req.cookies.get(COOKIE, "")
        if len(token) != 43 or not token.replace("-", "").replace("_", "").isalnum():
            token = ""
        fresh = not token
        if fresh:
            token = web.new_token()
        try:
            resp = self._route(req, token, fresh)
        except IsoDeskError as exc:
            resp = html(pages.message("Chưa làm được", exc.message, self.csrf_for(token),
                                      action="/go", button="Tiếp tục"), 409) \
                if not req.wants_json else as_json({"ok": False, "error": exc.message,
                                                     "reload": True}, 409)
        if fresh:
            resp.headers.append(("Set-Cookie", f"{COOKIE}={token}; Max-Age={COOKIE_MAX_AGE}; "
                                               "Path=/; HttpOnly; SameSite=Strict"))
        return resp

    def _route(self, req: Request, token: str, fresh: bool) -> Response:
        if req.method == "GET":
            if req.path == "/":
                return self._show(req, token)
            if req.path == "/status":
                return self._status(token)
            if req.path.startswith("/img/"):
                return self._picture(req.path, token)
            return html(pages.message("Không có trang này", "Hãy mở lại địa chỉ người giám sát "
                                      "đưa.", "", action=""), 404)
        if req.method != "POST":
            return Response(405, b"", headers=[("Allow", "GET, POST")])
        if fresh or not hmac.compare_digest(req.one("csrf"), self.csrf_for(token)) \
                or not self._origin_ok(req):
            if req.wants_json:
                return as_json({"ok": False, "error": "Trang đã cũ: hãy tải lại.",
                                "reload": True}, 403)
            return html(pages.message("Trang đã cũ", "Hãy mở lại trang (trình duyệt cần cho "
                                      "phép cookie).", self.csrf_for(token), action=""), 403)
        action = {"/find": self._find, "/choose": self._choose, "/confirm": self._confirm,
                  "/leave": self._leave, "/answer": self._answer, "/flag": self._flag,
                  "/go": self._go, "/submit": self._submit, "/done": self._done}.get(req.path)
        if action is None:
            return html(pages.message("Không có trang này", "", "", action=""), 404)
        if req.path in ("/find", "/choose", "/confirm"):
            with self.lock:
                allowed = self.limit.allow(token) and (req.client in LOOPBACK or
                                                       self.address_limit.allow(req.client))
            if not allowed:
                return html(pages.message("Xin chờ một phút", "Bạn đã thử quá nhiều lần. Hãy "
                                          "chờ một phút rồi thử lại, hoặc hỏi người giám sát.",
                                          self.csrf_for(token), action=""), 429)
        return action(req, token)

    # --- who is on this device -------------------------------------------------------------------

    def _device(self, token: str) -> dict | None:
        digest = web.token_hash(token)
        with self.lock:
            d = self.devices.get(digest)
            moved_away = d is not None and self.owner.get(d["attempt_id"] or "", digest) != digest
        if d is None or d["state"] == web.WAITING or moved_away:
            d = self._read(lambda: web.device(self.store, digest))
            if d is not None and d["session_id"] != self.session.id:
                d = None
            with self.lock:
                if d is None:
                    self.devices.pop(digest, None)
                else:
                    self.devices[digest] = d
                    if d["state"] == web.ADMITTED and d["attempt_id"]:
                        self.owner[d["attempt_id"]] = digest
        if d is not None:
            with self.lock:
                self.seen[digest] = now_iso()
        return d

    def _people_lists(self) -> tuple[list, list]:
        now = self.clock()
        if self._people is None or now - self._people[0] > 10:
            listed, others = self._read(lambda: taking.people(self.store, self.session.id))
            self._people = (now, listed, others)
        return self._people[1], self._people[2]

    def _taking(self, d: dict) -> taking.Taking:
        """The device's attempt: the one bound to it, the person's running one moved to it, or a
        new one (IsoDeskError when this person can't start)."""
        with self.lock:
            t = self.takings.get(d["attempt_id"] or "")
        if t is not None:
            return t
        with self.start_lock:                     # one device, one start
            fresh = self._read(lambda: web.device(self.store, d["token_hash"])) or d
            with self.lock:
                t = self.takings.get(fresh["attempt_id"] or "")
            if t is not None:
                return t
            t = self._load_or_start(fresh)
            t.progress_every_s = WEB_PROGRESS_EVERY_S
            with self.lock:
                self.takings[t.attempt.id] = t
                self.devices[d["token_hash"]] = {**fresh, "attempt_id": t.attempt.id}
                self.owner[t.attempt.id] = d["token_hash"]
            return t

    def _load_or_start(self, d: dict) -> taking.Taking:
        clock = taking.ContactClock(0, self.clock, self.gap_s)
        if d["attempt_id"] and self._read(lambda: attempts.status(self.store, d["attempt_id"])):
            return self._read(lambda: taking.Taking.resume(self.store, d["attempt_id"], clock))
        running = [a for a in self._read(lambda: attempts.attempts_of(
            self.store, self.session.id, d["staff_id"])) if a["status"] == "in_progress"]
        if running:
            t = self._read(lambda: taking.Taking.resume(self.store, running[0]["id"], clock))
        else:
            test = self._read(lambda: web.test_state(self.store, self.session.id))
            if test is None or test["ended_at"]:
                raise IsoDeskError("Bài kiểm tra qua mạng của buổi này đã kết thúc.")
            browser = d["label"] if d["label"].startswith(UNKNOWN_BROWSER) else \
                f"{UNKNOWN_BROWSER} {d['label']}"
            label = f"{self.server_label} — {browser}".strip()[:120]
            t = self._write(lambda: taking.Taking.start(
                self.store, self.session.id, d["staff_id"], clock, kiosk_id=self.kiosk_id,
                channel="web", kiosk_label=label))
        self._write(lambda: web.bind(self.store, d["token_hash"], t.attempt.id))
        return t

    def _current(self, token: str) -> tuple[dict | None, taking.Taking | None]:
        d = self._device(token)
        if d is None or d["state"] != web.ADMITTED:
            return d, None
        t = self._taking(d)
        t.clock.touch()
        left = t.time_left_ms()
        if left is not None and left <= 0 and not t.submitted:
            self._write(lambda: t.submit("timeout"))
        return d, t

    # --- pages -----------------------------------------------------------------------------------

    def _show(self, req: Request, token: str) -> Response:
        csrf = self.csrf_for(token)
        title = f"{self.session.display_title} — {self.session.place}"
        d, t = self._current(token)
        if d is None:
            return html(pages.join(title, csrf))
        if d["state"] == web.REFUSED:
            return html(pages.message("Chưa được vào phòng thi", "Người giám sát chưa cho thiết bị "
                                      "này vào. Hãy hỏi người giám sát.", csrf))
        if d["state"] == web.REPLACED:
            return html(pages.message("Bài làm đã chuyển sang thiết bị khác", "Bài làm của bạn "
                                      "tiếp tục trên thiết bị khác. Thiết bị này không dùng cho "
                                      "bài đó nữa.", csrf))
        if d["state"] == web.WAITING:
            def who():
                person = taking.confirmation(self.store, self.session.id, d["staff_id"]).person
                return person, any(a["status"] == "in_progress" for a in attempts.attempts_of(
                    self.store, self.session.id, d["staff_id"]))
            person, moving = self._read(who)
            return html(pages.waiting(person.full_name, csrf, moving=moving))
        if t.submitted:
            with self.lock:
                self.checking.discard(t.attempt.id)
            return html(pages.result(t.result(), csrf))
        if t.attempt.id in self.checking:
            return html(pages.submit_check(t.review().missing, t.time_left_ms(), csrf))
        if t.screen == "review":
            return html(pages.review(t.review(), csrf))
        return html(pages.question(t.question(), csrf))

    def _picture(self, path: str, token: str) -> Response:
        """A picture of a question of this device's own paper (nothing else is served)."""
        _d, t = self._current(token)
        try:
            _img, position, n = path.strip("/").split("/")
            position, n = int(position), int(n)
        except ValueError:
            t = None
        if t is None or not 1 <= position <= t.total:
            return Response(404, b"")
        picture = pages.picture_at(t.question(position), n)
        if picture is None or not picture.data:
            return Response(404, b"")
        kind = picture.media_type or pictures.sniff(picture.data) or "application/octet-stream"
        return Response(200, picture.data, kind, [("Cache-Control", "private, max-age=3600")])

    def _status(self, token: str) -> Response:
        d, t = self._current(token)
        if d is None:
            return as_json({"screen": "join"})
        if t is None:
            return as_json({"screen": d["state"]})
        screen = "result" if t.submitted else ("submit_check" if t.attempt.id in self.checking
                                               else t.screen)
        return as_json({"screen": screen, "left": t.time_left_ms(),
                        "answered": t.attempt.answered_count, "position": t.position})

    def _find(self, req: Request, token: str) -> Response:
        query = req.one("q").strip()[:60]
        listed, others = self._people_lists()
        title = f"{self.session.display_title} — {self.session.place}"
        if len(query) < 2:
            return html(pages.join(title, self.csrf_for(token), query=query,
                                   message="Hãy nhập ít nhất 2 chữ của tên, hoặc mã cán bộ."))
        found = taking.find_people(listed, others, query, limit=FIND_LIMIT)
        return html(pages.join(title, self.csrf_for(token), query=query, found=found))

    def _choose(self, req: Request, token: str) -> Response:
        c = self._confirmation(req.one("staff"))
        if c is None:
            return see_other()
        if not c.ok and c.code != "in_progress":
            return html(pages.message("Hãy hỏi người giám sát", c.reason, self.csrf_for(token)))
        return html(pages.confirm(c, self.csrf_for(token)))

    def _confirmation(self, staff_id: str) -> taking.Confirmation | None:
        listed, others = self._people_lists()
        if staff_id not in {p.staff_id for p in listed + others}:
            return None
        return self._read(lambda: taking.confirmation(self.store, self.session.id, staff_id))

    def _confirm(self, req: Request, token: str) -> Response:
        staff_id = req.one("staff")
        if self._confirmation(staff_id) is None:
            return see_other()
        agent = device_label(req.headers.get("user-agent", ""))
        digest = web.token_hash(token)
        joined = self._write(lambda: web.join(self.store, self.session.id, digest, staff_id,
                                              label=agent, address=req.client))
        with self.lock:
            self.devices.pop(digest, None)
        if not joined.state:
            return html(pages.message("Hãy hỏi người giám sát", joined.reason,
                                      self.csrf_for(token)))
        return see_other()

    def _forget(self, token: str) -> None:
        digest = web.token_hash(token)
        self._write(lambda: web.forget(self.store, digest))
        with self.lock:
            self.devices.pop(digest, None)

    def _leave(self, req: Request, token: str) -> Response:
        self._forget(token)
        return see_other()

    def _done(self, req: Request, token: str) -> Response:
        """After the result: the device is free for the next person (a new token)."""
        self._forget(token)
        resp = see_other()
        resp.headers.append(("Set-Cookie", f"{COOKIE}={web.new_token()}; Max-Age="
                                           f"{COOKIE_MAX_AGE}; Path=/; HttpOnly; SameSite=Strict"))
        return resp

    def _running(self, token: str) -> taking.Taking | None:
        _d, t = self._current(token)
        return t if t is not None and not t.submitted else None

    def _answer(self, req: Request, token: str) -> Response:
        t = self._running(token)
        if t is None:
            return as_json({"ok": False, "reload": True}, 409) if req.wants_json else see_other()
        try:
            position = int(req.one("position"))
            with t.lock:
                if "toggle" in req.form:
                    now = t.question(position)
                    shown = set(now.chosen) ^ {int(req.one("toggle"))} if now.multiple \
                        else {int(req.one("toggle"))}
                else:
                    shown = {int(v) for v in req.form.get("chosen", []) if v != ""}
                selected = t.check_choice(position, shown)
                t.clock.touch()
                elapsed, shown_at = t.elapsed_ms(), t.position
        except (ValueError, IndexError):
            return as_json({"ok": False, "error": "Yêu cầu không hợp lệ."}, 400) \
                if req.wants_json else see_other()
        try:
            self._write(lambda: attempts.answer(self.store, t.attempt, position, selected,
                                                elapsed_ms=elapsed, show_position=shown_at))
        except Exception as exc:
            t.attempt = self._read(lambda: attempts.load_attempt(self.store, t.attempt.id))
            if not isinstance(exc, IsoDeskError):
                return as_json({"ok": False, "error": "Chưa lưu được, đang thử lại."}, 503) \
                    if req.wants_json else Response(503, b"")
            if req.wants_json:
                return as_json({"ok": False, "error": exc.message, "reload": True}, 409)
            return see_other()
        v = t.question(position)
        if req.wants_json:
            return as_json({"ok": True, "position": v.position, "chosen": sorted(v.chosen),
                            "answered": v.answered, "left": v.time_left_ms})
        return see_other()

    def _flag(self, req: Request, token: str) -> Response:
        t = self._running(token)
        if t is not None:
            try:
                position, flagged = int(req.one("position")), req.one("flagged") == "1"
                if 1 <= position <= t.total:
                    self._write(lambda: t.set_flag(position, flagged))
            except ValueError:
                pass
        return see_other()

    def _go(self, req: Request, token: str) -> Response:
        t = self._running(token)
        if t is None:
            return see_other()
        to = req.one("to")
        with self.lock:
            self.checking.discard(t.attempt.id)
            if to == "submit_check":
                t.show_review(save=False)
                self.checking.add(t.attempt.id)
            elif to == "review":
                t.show_review(save=False)
            elif to in ("next", "prev", "back"):
                t.go(t.position + {"next": 1, "prev": -1, "back": 0}[to], save=False)
            elif to.isascii() and to.isdigit() and len(to) <= 4:    # what the review sends
                t.go(min(int(to), t.total), save=False)
            self.moved.add(t.attempt.id)
        return see_other()

    def _submit(self, req: Request, token: str) -> Response:
        t = self._running(token)
        if t is not None:
            with self.lock:
                self.checking.discard(t.attempt.id)
            self._write(lambda: t.submit("user"))
        return see_other()

    # --- housekeeping ----------------------------------------------------------------------------

    def sweep(self) -> None:
        """Every second: submit the attempts whose time ran out and save where people moved (in
        one transaction). Every few seconds: notice attempts ended by the proctor and devices
        let in, moved or refused from the proctor's window, keep when each device was last heard
        of, notice the session closing."""
        with self.lock:
            running = [t for t in self.takings.values() if not t.submitted]
            moved = [self.takings[i] for i in self.moved if i in self.takings]
            self.moved = set()
        for t in running:
            left = t.time_left_ms()
            if left is not None and left <= 0:
                self._write(lambda t=t: t.submit("timeout"))
        if moved:
            self._write(lambda: [attempts.save_progress(self.store, t.attempt, t.position,
                                                        t.elapsed_ms())
                                 for t in moved if not t.submitted])
        if self.clock() - self.last_check >= 5:
            self.last_check = self.clock()
            self._check(running)

    def _check(self, running: list[taking.Taking]) -> None:
        with self.lock:
            seen, self.seen = self.seen, {}
        if seen:
            self._write(lambda: web.seen(self.store, seen))
        ids = [t.attempt.id for t in running]

        def read():
            done = [r["id"] for r in self.store.query(
                f"SELECT id FROM quiz_attempts WHERE status = 'submitted' AND id IN "
                f"({','.join('?' * len(ids))})", ids)] if ids else []
            fresh = {d["token_hash"]: d for d in web.devices(self.store, self.session.id)}
            status = self.store.scalar("SELECT status FROM quiz_sessions WHERE id = ?",
                                       (self.session.id,))
            return ({i: attempts.load_attempt(self.store, i) for i in done}, fresh, status)

        done, fresh, status = self._read(read)
        with self.lock:
            for attempt_id, attempt in done.items():
                t = self.takings[attempt_id]
                t.attempt, t.reason, t.screen = attempt, "proctor", "result"
            for digest in list(self.devices):
                if digest in fresh:
                    self.devices[digest] = fresh[digest]
                else:
                    self.devices.pop(digest)
            self.closed = status != "open"


def device_label(agent: str) -> str:
    """A short name for a browser: "Android · Chrome", "iPhone · Safari", "Windows · Edge"."""
    a = agent or ""
    system = next((name for key, name in (("iPhone", "iPhone"), ("iPad", "iPad"),
                                          ("Android", "Android"), ("Windows", "Windows"),
                                          ("Mac OS", "Mac"), ("Linux", "Linux")) if key in a), "")
    browser = next((name for key, name in (("Edg/", "Edge"), ("OPR/", "Opera"),
                                           ("Firefox/", "Firefox"), ("CriOS", "Chrome"),
                                           ("Chrome/", "Chrome"), ("Safari/", "Safari"))
                    if key in a), "")
    return " · ".join(x for x in (system, browser) if x) or UNKNOWN_BROWSER
