"""One stack of the browser quiz served inside a Qt event loop while simulated participants run
(a child process of `bench_lanquiz`):

    python -m benchmarks.lanquiz_gui python|qt DB SESSION PEOPLE QUESTIONS OUT.json DEADLINE_S

A 5 ms timer measures the event loop's longest stall (what the proctor's window would feel).
Writes {"report": <the participants' report>, "stall_ms": …}.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    stack, db, session_id, people, questions, out, deadline = argv[:7]
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.models.datafile import open_store
    from desktop.web.quiz_app import QuizWebApp

    qapp = QApplication.instance() or QApplication([])
    app = QuizWebApp(open_store(Path(db), actor="web", migrate=False), session_id)
    sweeper = QTimer()
    if stack == "python":
        from desktop.web.server import Running

        running = Running(app, "127.0.0.1", 0)
        port, stop = running.port, running.stop
    else:
        from benchmarks.lanquiz_qt import serve_with_qt

        port, stop = serve_with_qt(app)
        sweeper.setInterval(1000)
        sweeper.timeout.connect(lambda *_a: app.sweep())
        sweeper.start()
    load_out = Path(out).with_suffix(".load.json")
    child = subprocess.Popen([sys.executable, "-m", "benchmarks.lanquiz_load", str(port), people,
                              questions, str(load_out), "--deadline", deadline], cwd=ROOT)
    clock = QElapsedTimer()
    clock.start()
    state = {"last": clock.elapsed(), "worst": 0}

    def beat(*_a) -> None:
        now = clock.elapsed()
        state["worst"] = max(state["worst"], now - state["last"])
        state["last"] = now

    loop = QEventLoop()
    meter, watch = QTimer(), QTimer()
    meter.setInterval(5)
    meter.timeout.connect(beat)
    watch.setInterval(100)
    watch.timeout.connect(lambda *_a: child.poll() is not None and loop.quit())
    meter.start()
    watch.start()
    loop.exec()
    meter.stop()
    watch.stop()
    sweeper.stop()
    stop()
    report = json.loads(load_out.read_text(encoding="utf-8"))
    Path(out).write_text(json.dumps({"report": report, "stall_ms": state["worst"]}),
                         encoding="utf-8")
    sys.stdout.flush()
    os._exit(0)    # PySide6's QHttpServer bindings may crash while the interpreter shuts down


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
