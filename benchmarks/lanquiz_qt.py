"""The browser quiz served by Qt's QHttpServer, for the comparison in `bench_lanquiz` only (the
program ships Python's threading server; see desktop/web/server.py for why).

PySide6 hands a route only the request and can't return a response with a status of its own,
so each route answers "" and an after-request handler swaps in the real response.
"""
from __future__ import annotations

from desktop.web.quiz_app import STATIC, QuizWebApp, Request

PATHS = ["/", "/status", "/find", "/choose", "/confirm", "/leave", "/answer", "/flag", "/go",
         "/submit", "/done", *STATIC]


def serve_with_qt(app: QuizWebApp):
    """Listen on 127.0.0.1 (a free port); returns (port, stop)."""
    from PySide6.QtCore import QByteArray
    from PySide6.QtHttpServer import QHttpServer, QHttpServerResponder, QHttpServerResponse
    from PySide6.QtNetwork import QHostAddress, QTcpServer

    server = QHttpServer()

    def route(_request):
        return "-"

    def after(request, response):
        try:
            _after(request, response)
        except Exception:                 # reported: PySide6 would swallow it
            import traceback

            traceback.print_exc()

    def _after(request, response):
        headers = {bytes(k).decode("latin-1").lower(): bytes(v).decode("latin-1")
                   for k, v in request.headers().toListOfPairs()}
        path = request.url().path()
        method = request.method().name.upper()
        resp = app.handle(Request(method, path, headers, bytes(request.body().data()),
                                  request.remoteAddress().toString()))
        out = QHttpServerResponse(QByteArray(resp.content_type.encode()), QByteArray(resp.body),
                                  QHttpServerResponder.StatusCode(resp.status))
        h = out.headers()
        for name, value in resp.all_headers():
            if name not in ("Content-Type", "Content-Length"):
                h.append(name, value)
        out.setHeaders(h)
        response.swap(out)

    for path in PATHS:
        server.route(path, route)
    server.addAfterRequestHandler(server, after)
    tcp = QTcpServer()
    if not tcp.listen(QHostAddress.SpecialAddress.LocalHost, 0) or not server.bind(tcp):
        raise OSError("QHttpServer could not listen")

    def stop() -> None:
        tcp.close()
        server.deleteLater()

    stop.refs = (server, tcp, route, after, _after)  # alive as long as the caller holds `stop`
    return tcp.serverPort(), stop
