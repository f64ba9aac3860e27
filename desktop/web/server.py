"""Serving the browser quiz on the office network: Python's own threading HTTP server (one thread
per connection, keep-alive) in front of `QuizWebApp`, plus the PC's network addresses to offer.

Why this server rather than Qt's QHttpServer, measured with 100 participants on a shared 2-core
PC (`python -m benchmarks lanquiz`): answer round trip p95 34 ms here against 536 ms, and the
proctor's event loop's longest stall 128 ms against 2.8 s, because QHttpServer runs every
request, and waits for every committed answer's disk flush, on the GUI thread. This server
also serves the command line (`isodesk quiz serve`) without Qt and ships with Python (nothing
added to the bundle).

A hostile device on the network can't hold the server: at most `MAX_CONNECTIONS` connections
at once (`MAX_PER_ADDRESS` from one address), the others answered "busy" at once without a
thread; a request must arrive whole within `REQUEST_DEADLINE_S` of its first byte (a client
that trickles its headers or body byte by byte is cut off there), and a connection that says
nothing is closed after `SOCKET_TIMEOUT_S`.

The port is above 1024 (no administrator right needed). On Windows, the first time the program
listens on the network, Windows Defender Firewall asks whether to allow it: the proctor ticks
"Private networks" (the office network) and clicks "Allow access".
"""
from __future__ import annotations

import io
import ipaddress
import logging
import os
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable

from .quiz_app import MAX_BODY, QuizWebApp, Request

DEFAULT_PORT = 8765
SOCKET_TIMEOUT_S = 20                # a connection silent this long is closed
REQUEST_DEADLINE_S = 30              # a request must arrive whole this long after its first byte
MAX_CONNECTIONS = 400                # a room of 60 browsers uses a few each
MAX_PER_ADDRESS = 100                # a Wi-Fi router may show a whole room as one address
SWEEP_S = 1.0
BUSY = (b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nRetry-After: 5\r\n"
        b"Connection: close\r\n\r\n")
log = logging.getLogger("isodesk.web")
FIREWALL_HELP = (
    "Lần đầu máy này mở bài kiểm tra qua mạng, Windows có thể hiện hộp thoại \"Windows Security "
    "Alert\" (Tường lửa Windows Defender hỏi có cho ISO Desk nhận kết nối không). Hãy đánh dấu "
    "\"Private networks\" (mạng riêng, tức mạng nội bộ của cơ quan), bỏ chọn \"Public networks\", "
    "rồi bấm \"Allow access\". Việc này cần làm một lần; nếu đã lỡ bấm \"Cancel\", hãy nhờ người "
    "quản trị cho phép isodesk.exe trong Windows Defender Firewall.")


class _DeadlineReader(io.RawIOBase):
    """The connection's bytes, each wait for more bounded by the socket timeout and, once a
    request has begun to arrive, by what is left of its deadline (then TimeoutError)."""

    def __init__(self, sock: socket.socket):
        self.sock = sock
        self.deadline: float | None = None      # None: waiting for a request's first byte

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        wait = SOCKET_TIMEOUT_S
        if self.deadline is not None:
            wait = min(wait, self.deadline - time.monotonic())
            if wait <= 0:
                raise TimeoutError("the request did not arrive in time")
        self.sock.settimeout(wait)
        n = self.sock.recv_into(buffer)
        if n and self.deadline is None:
            self.deadline = time.monotonic() + REQUEST_DEADLINE_S
        return n


class _Handler(BaseHTTPRequestHandler):
    server_version = "isodesk"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    timeout = SOCKET_TIMEOUT_S

    def setup(self) -> None:
        super().setup()
        self.rfile.close()
        self.reader = _DeadlineReader(self.connection)
        self.rfile = io.BufferedReader(self.reader)

    def handle_one_request(self) -> None:
        self.reader.deadline = None
        try:
            super().handle_one_request()
        except (TimeoutError, ConnectionError):      # slow, silent or gone: just close
            self.close_connection = True

    def _serve(self, method: str) -> None:
        app: QuizWebApp = self.server.app
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if not 0 <= length <= MAX_BODY:
            self.send_error(413 if length > MAX_BODY else 400)
            return
        body = self.rfile.read(length) if length else b""
        self.connection.settimeout(SOCKET_TIMEOUT_S)     # the answer's own time to go out
        path = self.path.split("?", 1)[0]
        req = Request(method, path, {k.lower(): v for k, v in self.headers.items()}, body,
                      self.client_address[0])
        try:
            resp = app.handle(req)
        except Exception:
            if app.committer.stopped:     # served while the server stops: the page retries
                self.send_error(503)
                return
            log.exception("request %s %s", method, path)   # a fault of the program: logged
            self.send_error(500)
            return
        self.send_response(resp.status)
        for name, value in resp.all_headers():
            self.send_header(name, value)
        self.end_headers()
        if method != "HEAD":
            self.wfile.write(resp.body)

    def do_GET(self) -> None:  # noqa: N802
        self._serve("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._serve("POST")

    def log_message(self, format, *args) -> None:  # noqa: A002 - quiet: no line per request
        pass


class QuizServer(ThreadingHTTPServer):
    daemon_threads = True
    # Started again at once on the same port (after a crash) while old connections linger: on
    # Windows SO_REUSEADDR would let another program take the port, so the port is held
    # exclusively there instead.
    allow_reuse_address = os.name != "nt"
    request_queue_size = 128

    def server_bind(self) -> None:
        exclusive = getattr(socket, "SO_EXCLUSIVEADDRUSE", None)
        if os.name == "nt" and exclusive is not None:
            self.socket.setsockopt(socket.SOL_SOCKET, exclusive, 1)
        super().server_bind()

    def __init__(self, app: QuizWebApp, host: str, port: int):
        self.app = app
        self.open_lock = threading.Lock()
        self.open: dict[int, str] = {}           # connection (id of its socket) → address
        self.refused = 0
        super().__init__((host, port), _Handler)

    def process_request(self, request, client_address) -> None:
        """A thread for the connection, unless there are too many (then "busy", no thread)."""
        address = client_address[0] if client_address else ""
        with self.open_lock:
            from_there = sum(1 for a in self.open.values() if a == address)
            full = len(self.open) >= MAX_CONNECTIONS or (
                address not in ("127.0.0.1", "::1") and from_there >= MAX_PER_ADDRESS)
            if not full:
                self.open[id(request)] = address
            else:
                self.refused += 1
        if full:
            try:
                request.setblocking(False)
                request.send(BUSY)
            except OSError:
                pass
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def shutdown_request(self, request) -> None:
        with self.open_lock:
            self.open.pop(id(request), None)
        super().shutdown_request(request)

    def handle_error(self, request, client_address) -> None:
        log.exception("connection from %s", client_address[0] if client_address else "?")

    @property
    def port(self) -> int:
        return self.server_address[1]


class Running:
    """A server started in the background: its thread, the sweeper, and how to stop it."""

    def __init__(self, app: QuizWebApp, host: str = "0.0.0.0", port: int = DEFAULT_PORT, *,
                 on_closed: Callable[[], None] | None = None):
        self.app = app
        self.server = QuizServer(app, host, port)
        self.host = host
        self.stopped = threading.Event()
        self.on_closed = on_closed
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={
            "poll_interval": 0.2}, name="isodesk-quiz-web", daemon=True)
        self.sweeper = threading.Thread(target=self._sweep, name="isodesk-quiz-sweep",
                                        daemon=True)
        self.thread.start()
        self.sweeper.start()

    @property
    def port(self) -> int:
        return self.server.port

    def _sweep(self) -> None:
        while not self.stopped.wait(SWEEP_S):
            try:
                self.app.sweep()
            except Exception:
                log.exception("sweep")
            if self.app.closed and self.on_closed is not None:
                self.on_closed()
                return

    def stop(self) -> None:
        if self.stopped.is_set():
            return
        self.stopped.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)
        self.sweeper.join(timeout=5)
        self.app.close()


def lan_addresses() -> list[str]:
    """This PC's IPv4 addresses another device on the office network may reach, the likely
    one first (the one the default route goes out by); no loopback."""
    found: list[str] = []
    try:                                  # no packet is sent: connect() on UDP picks the route
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("10.255.255.255", 1))
            found.append(s.getsockname()[0])
    except OSError:
        pass
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.append(info[4][0])
    except OSError:
        pass
    out = []
    for a in found:
        try:
            ip = ipaddress.ip_address(a)
        except ValueError:
            continue
        if not ip.is_loopback and not ip.is_unspecified and a not in out:
            out.append(a)
    return sorted(out, key=lambda a: (not ipaddress.ip_address(a).is_private, found.index(a)))


def join_url(host: str, port: int) -> str:
    return f"http://{host}/" if port == 80 else f"http://{host}:{port}/"


def wait_closed(running: Running, poll_s: float = 0.5) -> None:
    """Block until the session closes (the command line's `quiz serve`); Ctrl+C stops earlier."""
    while not running.stopped.wait(poll_s):
        if running.app.closed:
            break
