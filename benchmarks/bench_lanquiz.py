"""The whole training room at once: the browser quiz under 100 participants, on 127.0.0.1 only.

1. Baseline: the same commits (30 answers of 100 attempts) done directly by `attempts.answer`
   in one process, one after the other.
2. The program's server (Python's threading HTTP server, `desktop/web/server.py`) inside a
   process with a Qt event loop, as in the proctor's window: 100 simulated participants (a child
   process, `lanquiz_load.py`) join, answer 30 questions with think times, all answer within
   one second at the middle and all submit within one second at the end. Answer round trip
   p50/p95/p99, the bursts, and the event loop's longest stall (a 5 ms timer's largest gap).
3. The same with Qt's QHttpServer (requests on the GUI thread), to compare the two stacks.
4. Faults: the headless server (`isodesk quiz serve`) is killed (SIGKILL / TerminateProcess)
   in the middle and started again on the same port: no answer the server acknowledged as saved
   may be missing, and every participant must go on to the result.

Targets: answer round trip p95 < 50 ms; 0 answers lost.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.harness import Result, percentile

ROOT = Path(__file__).resolve().parent.parent
AREA = "lanquiz"
P95_TARGET_MS = 50.0
QUESTIONS = 30


def _setup(folder: Path, people: int):
    from benchmarks.bench_quiz import _store
    from desktop.models.staff import StaffRepository

    store = _store(folder)
    repo = StaffRepository(store)
    family = ["Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
    given = ["Anh", "Bảo", "Chi", "Duy", "Giang", "Hiếu", "Khánh", "Linh"]
    with store.atomic():
        for i in range(60, people):
            repo.add({"staff_code": f"B{i:03d}", "department": "Tổ Chế độ",
                      "full_name": f"{family[i % 6]} Thị {given[(i // 6) % 8]}"})
    return store


def _session(store, people: int):
    from desktop.models.quiz import sessions, web

    ids = [r["id"] for r in store.query("SELECT id FROM staff WHERE staff_code LIKE 'B%' "
                                        "ORDER BY staff_code LIMIT ?", (people,))]
    s = sessions.create_session(store, {
        "date": "2025-10-14", "place": "Hội trường", "start_time": "07:30", "end_time": "11:30",
        "settings": {"questions": QUESTIONS, "time_limit_min": 60, "feedback": "score"}},
        staff_ids=ids)
    web.open_test(store, s.id)
    web.set_auto_admit(store, s.id, True)
    return s


def _baseline(store, people: int) -> list[float]:
    from desktop.models.quiz import attempts

    s = _session(store, people)
    ids = [r["staff_id"] for r in store.query("SELECT staff_id FROM quiz_attendance WHERE "
                                              "session_id = ?", (s.id,))]
    running = [attempts.start_attempt(store, s.id, sid) for sid in ids]
    times = []
    for position in range(1, QUESTIONS + 1):
        for a in running:
            t0 = time.perf_counter()
            attempts.answer(store, a, position, [0], elapsed_ms=position * 1000)
            times.append((time.perf_counter() - t0) * 1000)
    for a in running:
        attempts.submit(store, a)
    return times


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _load(port: int, people: int, out: Path, deadline_s: float, think=(0.5, 3.0)):
    return subprocess.Popen(
        [sys.executable, "-m", "benchmarks.lanquiz_load", str(port), str(people), str(QUESTIONS),
         str(out), "--think", str(think[0]), str(think[1]), "--deadline", str(deadline_s)],
        cwd=ROOT)


def _gui_serve(store, session_id: str, people: int, folder: Path, stack: str,
               deadline_s: float) -> tuple[dict, float]:
    """Serve with `stack` inside a Qt event loop (a child process of its own, so that one stack's
    state can't touch the other's) while the participants run; returns their report and the
    event loop's longest stall (ms)."""
    out = folder / f"gui-{stack}.json"
    subprocess.run([sys.executable, "-m", "benchmarks.lanquiz_gui", stack, str(store.path),
                    session_id, str(people), str(QUESTIONS), str(out), str(deadline_s)],
                   cwd=ROOT, timeout=deadline_s + 60, env={**os.environ,
                                                           "QT_QPA_PLATFORM": "offscreen"})
    data = json.loads(out.read_text(encoding="utf-8"))
    return data["report"], float(data["stall_ms"])


def first_error(report: dict) -> str:
    errors = [p["error"] for p in report["people"] if p["error"]]
    return f"; first problem ({len(errors)}): {errors[0][:100]}" if errors else ""


def _lost(store, session_id: str, report: dict) -> tuple[int, int]:
    """(answers acknowledged but not stored as acknowledged, participants without a result)."""
    from desktop.models.quiz import attempts

    lost = 0
    rows = store.query("SELECT a.id, s.staff_code FROM quiz_attempts a JOIN staff s ON "
                       "s.id = a.staff_id WHERE a.session_id = ?", (session_id,))
    by_code = {r["staff_code"]: r["id"] for r in rows}
    unfinished = 0
    for p in report["people"]:
        attempt_id = by_code.get(p["code"])
        if attempt_id is None:
            lost += len(p["acked"])
            unfinished += 1
            continue
        a = attempts.load_attempt(store, attempt_id, with_content=False)
        for position, chosen in p["acked"].items():
            item = a.item(int(position))
            stored = sorted(item.shown_index(i) for i in (item.selected or []))
            lost += stored != sorted(chosen)
        unfinished += bool(p["error"]) or not a.submitted
    return lost, unfinished


def _figures(name: str, report: dict, stall: float | None, note: str, *,
             target: bool) -> list[Result]:
    r = report["rtts"]
    p95 = percentile(r, 95)
    out = [Result(AREA, f"{name}: answer round trip p50", percentile(r, 50), "ms"),
           Result(AREA, f"{name}: answer round trip p95", p95, "ms",
                  f"< {P95_TARGET_MS:g} ms" if target else "",
                  (p95 < P95_TARGET_MS) if target else None, f"{len(r)} answers; {note}"),
           Result(AREA, f"{name}: answer round trip p99", percentile(r, 99), "ms"),
           Result(AREA, f"{name}: burst (100 answers in 1 s) p95", percentile(report["burst"], 95),
                  "ms"),
           Result(AREA, f"{name}: burst (100 submit in 1 s) p95",
                  percentile(report["submit"], 95), "ms")]
    if stall is not None:
        out.append(Result(AREA, f"{name}: GUI event loop longest stall", stall, "ms"))
    return out


def _kill_and_restart(folder: Path, store, people: int, deadline_s: float) -> tuple[dict, dict]:
    s = _session(store, people)
    port = _free_port()
    cmd = [sys.executable, "-m", "desktop", "--data-dir", str(folder), "quiz", "serve",
           "--session", s.id, "--host", "127.0.0.1", "--port", str(port), "--admit-listed",
           "--json"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}

    def start() -> subprocess.Popen:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL)
        proc.stdout.readline()                  # the address line: it listens
        return proc

    server = start()
    out = folder / "load-kill.json"
    child = _load(port, people, out, deadline_s, think=(0.3, 1.0))
    time.sleep(12)                                 # mid-test
    server.kill()                                 # SIGKILL / TerminateProcess: no clean exit
    server.wait()
    killed_at = time.monotonic()
    time.sleep(1.0)
    server = start()
    restarted = time.monotonic() - killed_at
    child.wait(timeout=deadline_s + 30)
    server.kill()
    server.wait()
    report = json.loads(out.read_text(encoding="utf-8"))
    lost, unfinished = _lost(store, s.id, report)
    return report, {"lost": lost, "unfinished": unfinished, "restart_s": restarted,
                    "retries": sum(p["retries"] for p in report["people"]),
                    "session": s.id}


def run(quick: bool = False) -> list[Result]:
    people = 30 if quick else 100
    deadline = 120.0 if quick else 240.0
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="isodesk-lanquiz-") as tmp:
        folder = Path(tmp)
        store = _setup(folder, people)
        base = _baseline(store, people)
        results += [Result(AREA, "baseline: attempts.answer p50", percentile(base, 50), "ms"),
                    Result(AREA, "baseline: attempts.answer p95", percentile(base, 95), "ms",
                           note=f"{len(base)} commits in one process"),
                    Result(AREA, "baseline: attempts.answer p99", percentile(base, 99), "ms")]
        for stack, name in (("python", "threading HTTP server"),
                            ("qt", "QHttpServer (comparison)")):
            s = _session(store, people)
            report, stall = _gui_serve(store, s.id, people, folder, stack, deadline)
            lost, unfinished = _lost(store, s.id, report)
            results += _figures(name, report, stall, f"{people} participants",
                                target=stack == "python")
            results.append(Result(AREA, f"{name}: answers lost / participants unfinished",
                                  lost + unfinished, "", "0", lost + unfinished == 0,
                                  f"{lost} lost, {unfinished} unfinished"
                                  + first_error(report)))
        report, faults = _kill_and_restart(folder, store, people, deadline)
        results += [
            Result(AREA, "kill -9 mid-test: committed answers lost", faults["lost"], "", "0",
                   faults["lost"] == 0, f"restart after {faults['restart_s']:.1f} s; "
                                        f"{faults['retries']} retried requests"),
            Result(AREA, "kill -9 mid-test: participants not resumed", faults["unfinished"], "",
                   "0", faults["unfinished"] == 0, f"{people} participants"
                   + first_error(report)),
            Result(AREA, "kill -9 run: answer round trip p95", percentile(report["rtts"], 95),
                   "ms", note="includes the answers retried across the restart")]
        store.close(clean=False)
    return results
