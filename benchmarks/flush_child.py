"""Run by bench_quiz under strace: `n` answers taken the way the kiosk takes them (the answer
committed, then the move to the next question), on a fresh data file; prints nothing."""
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(n: int) -> None:
    from benchmarks.bench_quiz import QUESTIONS, _session, _store
    from desktop.models.quiz import attempts
    from desktop.models.staff import StaffRepository

    with tempfile.TemporaryDirectory(prefix="isodesk-flush-") as tmp:
        store = _store(Path(tmp))
        session = _session(store)
        people = [p.id for p in StaffRepository(store).list()]
        done = 0
        for person in people:
            attempt = attempts.start_attempt(store, session.id, person, kiosk_id="bench",
                                             kiosk_label="bench")
            for position in range(1, QUESTIONS + 1):
                if done == n:
                    store.close(clean=False)
                    return
                item = attempt.item(position)
                attempts.answer(store, attempt, position, [item.option_order[0]],
                                elapsed_ms=1000 * position)
                attempts.save_progress(store, attempt, min(position + 1, QUESTIONS),
                                       1000 * position)
                done += 1
            attempts.submit(store, attempt)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main(int(sys.argv[1]))
