"""A kiosk taking tests on its own, to be killed at random moments (`test_kiosk_faults`).

    python -m tests.quiz.kiosk_child DATA_DIR SESSION_ID SEED

Opens the real kiosk window (offscreen) on the data folder as the program does after a crash
(`recovery=True`: the proctor's PIN resumes an attempt left running), then lets each person on the
list take the test with real key presses, answering every question not answered yet. Each answer
and each submission is printed on stdout *after* the model function returned (its transaction
committed): "A <answer id> <selected JSON>", "S <attempt id>". "DONE" when everyone has finished.
"""
from __future__ import annotations

import json
import os
import random
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str]) -> int:
    data_dir, session_id, seed = argv[0], argv[1], int(argv[2])
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop.models.datafile import open_store
    from desktop.models.db import DB_FILENAME
    from desktop.models.quiz import attempts, sessions
    from desktop.views.quiz.kiosk import KioskWindow, platform

    platform.keep_awake = lambda: True
    platform.allow_sleep = lambda: True
    rng = random.Random(seed)
    answer, submit = attempts.answer, attempts.submit

    def answered(store, attempt, position, selected, **kw):
        item = answer(store, attempt, position, selected, **kw)
        print(f"A {item.answer_id} {json.dumps(item.selected)}", flush=True)
        return item

    def submitted(store, attempt, **kw):
        done = submit(store, attempt, **kw)
        print(f"S {done.id}", flush=True)
        return done

    attempts.answer, attempts.submit = answered, submitted
    app = QApplication.instance() or QApplication(["kiosk-child"])  # noqa: F841
    store = open_store(os.path.join(data_dir, DB_FILENAME), actor="kiosk")
    k = KioskWindow(store, session_id, recovery=True)
    k.resize(1280, 800)
    k.start(fullscreen=False)
    if k.stack.currentWidget() is k.pin:            # an attempt was left running: resume it
        k.pin.pad.field.setText("2468")
        QTest.keyClick(k.pin.pad.field, Qt.Key.Key_Return)
        finish(k, rng, QTest, Qt)
    people = [r["staff_id"] for r in sessions.attendance(store, session_id)]
    for staff_id in people:
        a = [x for x in attempts.attempts_of(store, session_id, staff_id)]
        if any(x["status"] == "submitted" for x in a):
            continue
        k.person_chosen(staff_id)
        if k.stack.currentWidget() is not k.confirm:
            continue
        QTest.keyClick(k, Qt.Key.Key_Return)
        finish(k, rng, QTest, Qt)
    print("DONE", flush=True)
    os._exit(0)  # as a power cut would not, but without waiting for Qt's teardown


def finish(k, rng, QTest, Qt) -> None:
    """Answer what is not answered yet, then submit, with the keyboard."""
    a = k.attempt
    while k.stack.currentWidget() is k.question:
        item = a.item(k.position)
        if not item.selected:
            QTest.keyClick(k, Qt.Key.Key_1 + rng.randrange(len(item.option_order)))
        QTest.keyClick(k, Qt.Key.Key_Return)          # next question, or the review page
    if k.stack.currentWidget() is k.review:
        QTest.keyClick(k, Qt.Key.Key_Return)
    if k.stack.currentWidget() is k.submit_check:
        QTest.keyClick(k, Qt.Key.Key_Return)
    if k.stack.currentWidget() is k.result:
        QTest.keyClick(k, Qt.Key.Key_Return)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
